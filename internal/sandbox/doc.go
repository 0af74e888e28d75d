// Package sandbox runs faithful local simulators of the public registers
// Motpart talks to, over TLS on 127.0.0.1, with one shared fictional world.
//
// None of the real registers can be reached from a development machine, so
// the sandbox is what a new user tries the app with and what every
// integration test runs against. It holds:
//
//   - the [World]: Norwegian units of every common legal form, sub-units,
//     persons with synthetic (Tenor) fødselsnummer and D-nummer, roles held
//     by persons and by units, deleted, merged, bankrupt and removed units,
//     units with missing data, ownership chains with a cross-holding,
//     foreign owners and an owner exempt from disclosure, the units'
//     filings to the register of beneficial owners (every status and
//     position), and Maskinporten clients with their scopes;
//   - a local certificate authority, made in memory at start, that issues
//     the simulators' server certificates and demo client certificates
//     (.pfx) named and shaped like the real ones;
//   - the simulators: Enhetsregisteret's open REST API (HAL JSON),
//     Brønnøysund's grunndataWS (SOAP 1.1, ErFr), Maskinporten (the
//     JWT-bearer grant with every check and MP error code of
//     registries.md §4.5) and the register of beneficial owners (RRH: the
//     legacy Partner API with its zipped JSON and CSV totalbestand, and
//     the v1 API with its change log), RRH checking Maskinporten's tokens;
//   - fault switches per service (latency, 429/500/503, malformed and
//     truncated bodies, hanging requests, a forced MP error or an expired
//     token), changeable while running, and hooks for tests:
//     [Sandbox.ChangeOwners] files a new RRH registration,
//     [Sandbox.RegisterMaskinportenKey] registers a key by kid,
//     [Sandbox.IssueEnterpriseCertificate] issues an (expired, foreign)
//     enterprise certificate and [Sandbox.MintAccessToken] a token with
//     any scope.
//
// A simulator writes the wire format from the world itself, never through
// the client packages it imitates, so a client and its simulator cannot
// share one mistake.
//
// # Choices where the specification is uncertain
//
// The digest (registries.md) labels some facts [L] (likely) or [U]
// (uncertain). Where the sandbox had to choose, the code says so in a
// comment starting "[U]" or "[L]", and the cheap ones can be switched in
// [Config]:
//
//   - grunndata data notes (1010–1180) come with hovedStatus 0, as the
//     status table of the published documentation and the recorded replies
//     show; [Config.GrunndataNoteStatus] switches to 1.
//   - grunndata fratraadt is "N" or "J" as the digest says; the published
//     hentRoller.xsd documents "K", "R" or "F" for a resigned role, so
//     [Config.GrunndataResignedFlag] can send "F" instead.
//   - grunndata's element names for phone, fax and homepage are the
//     digest's suggestion (telefonnummer, telefaksnummer,
//     hjemmesideadresse); the hentBasisdata elements beyond the mini set
//     are the sandbox's own.
//   - REST answers 400 for a 9-digit number that fails MOD11;
//     [Config.BrregChecksum404] answers 404 instead.
//   - REST search leaves deleted and removed units out, ignores sort, and
//     matches navn as a case-insensitive substring.
//   - Maskinporten: where the MP codes map to HTTP statuses and OAuth2
//     errors is undocumented; the sandbox answers 400 invalid_request
//     (MP-011), invalid_grant (MP-012, MP-1xx) or invalid_scope (MP-200,
//     MP-201), and 403 access_denied for a scope not granted or not
//     delegated (MP-250, MP-251). The code ends error_description:
//     "… Invalid JWT claim aud (MP-110)". An algorithm other than RS256,
//     RS384, RS512 is MP-124; an iat in the future ("Issue time is after
//     now") and exp − iat > 120 are MP-130; an expired certificate is
//     MP-120 (MP-121 is an expired registered key); an unknown kid is
//     MP-100; a claim outside §4.5's list (nbf, sub…) is MP-011. jti is
//     optional: without it the assertion itself may not be used twice.
//     authorization_details is refused (MP-301).
//   - RRH: the Partner API answers 403 for a missing, invalid or expired
//     token; v1 answers 401 then (403 for a wrong scope). Each API takes
//     its own scopes only (partner.* for the Partner API). The Partner API
//     does not screen persons exempt from disclosure (as seed 003 says);
//     v1 screens them for every scope but brreg:reelle/offentlig, and
//     media, civil society and higher education never see national
//     identity numbers. A unit that must register but has not reported is
//     404 "har ikke registrert" in the Partner API and a
//     rettighetsinformasjonErIkkeMeldt registration in v1. Sole
//     proprietorships, NUFs, municipalities, organisasjonsledd, sub-units
//     and deleted units need not register (404). The orgnr is not checked
//     for MOD11 (the register's own examples fail it).
//   - RRH v1: its OpenAPI is not public, so its field names, its long
//     codes ([Config.RRHV1LegacyCodes] switches to the Partner API's),
//     the path prefix ([Config.RRHPathPrefix]), the totalbestand's form
//     (plain JSON; [Config.RRHV1TotalbestandZip] zips it), the search's
//     and change log's parameters and shapes, and the change log's event
//     types are the sandbox's own. The change log's sequence numbers have
//     gaps; endringslogg gives the changes after (not at) the number.
package sandbox
