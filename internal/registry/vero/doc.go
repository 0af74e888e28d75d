// Package vero is a client of Vero's certificate service, which issues the
// certificates of the Finnish Incomes Register (Tulorekisteri), as
// registries.md §2 describes it: SOAP 1.1, document/literal, the
// operations SignNewCertificate, GetCertificate and RenewCertificate.
//
// It makes the RSA-2048 key and the SHA-256 PKCS#10 request, builds the
// requests (only their top-level element namespace-qualified), signs a
// renewal as an enveloped XML signature with the current key and
// certificate, and verifies the XML signature of every answer against the
// environment's Vero services CA before reading it. It keeps no state:
// the desk decides what is stored and when.
package vero
