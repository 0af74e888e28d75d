// Package scb is the client of SCB's Företagsregister (Statistics Sweden's
// business register), the "Sök på var" API under
// https://privateapi.scb.se/nv0101/v1/sokpavar (registries.md §1): the
// look-up of one legal unit (HamtaForetag) mapped into a dossier.Answer,
// the code tables (kodtabell), and the counterparty-classification file
// (api/Je/SektorFil), streamed.
//
// SCB knows its customers by a client certificate (mutual TLS): the
// transport.Client given to New must carry it. The API-Id ("A" and five
// digits) is in the certificate's common name (APIIDOf); sending it in a
// header is optional. SCB allows 10 calls in 10 seconds: the client keeps
// that limit itself, waiting before a call rather than collecting 429s.
// Variables the subscription does not include come back as "*"; they are
// listed as not subscribed, never shown as data.
package scb
