// Package bankid is the client of BankID's AML service, the Organization
// Async Session API (registries.md §5): it gets an access token from
// BankID's OIDC provider with the client-credentials grant, orders a
// session for a Norwegian, Swedish or Finnish organisation, polls its
// status, and fetches the result JSON and the PDF reports (the AML report
// and the certificate of registration).
//
// What the sources leave unconfirmed (sub-paths, terminal status names,
// report names, the webhook shape) is in assumptions.go, and only there.
// Every failure is an *Error that names a problem code.
package bankid
