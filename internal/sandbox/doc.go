// Package sandbox runs faithful local simulators of the public registers
// Motpart talks to, over TLS on 127.0.0.1, with one shared fictional world.
//
// None of the real registers can be reached from a development machine, so
// the sandbox is what a new user tries the app with and what every
// integration test runs against. This package is the facade: [New] builds
// the world, the CA and the simulators' state, [Sandbox.Start] starts every
// simulator on its own TLS listener, and the Sandbox's methods are what
// tests and the composition root use. The parts live beside it:
//
//   - world: the [world.World] (Norwegian units of every common legal form,
//     sub-units, persons with synthetic (Tenor) fødselsnummer and
//     D-nummer, roles held by persons and by units, deleted, merged,
//     bankrupt and removed units, units with missing data, ownership
//     chains with a cross-holding, foreign owners and an owner exempt from
//     disclosure, the units' filings to the register of beneficial owners
//     (every status and position), Maskinporten clients with their
//     scopes, Swedish and Finnish companies with roles and owners, the
//     sanctions and PEP screenings, a name in Sámi letters) and every
//     fixture number tests use (world.RichestOrgNr, world.SanctionsOrgNr,
//     world.FIPEPYTunnus...);
//   - ca: a local certificate authority, made in memory at start, that
//     issues the simulators' server certificates and demo client
//     certificates (.pfx) named and shaped like the real ones;
//   - fault: the fault switches shared by every simulator (latency,
//     429/500/503, malformed and truncated bodies, hanging requests, a
//     forced MP error or an expired token, any grunndataWS
//     hovedStatus/underStatus pair, a BankID report that is not a PDF, a
//     BankID session that never finishes), changeable while running;
//   - one package per simulated service: brreg (Enhetsregisteret's open
//     REST API, HAL JSON), grunndata (Brønnøysund's grunndataWS, SOAP 1.1,
//     ErFr), maskinporten (the JWT-bearer grant with every check and MP
//     error code of registries.md §4.5) and rrh (the register of beneficial
//     owners: the legacy Partner API with its zipped JSON and CSV
//     totalbestand, and the v1 API with its change log), RRH checking
//     Maskinporten's tokens, and bankid (BankID's AML service: an OIDC
//     provider and the organisation sessions for NO, SE and FI, a worker
//     timed on the sandbox's clock or counted in polls
//     ([Config.BankIDDelays], [Config.BankIDPolls]), webhooks signed with
//     the sandbox's own HMAC header, and PDFs made with gofpdf), and scb
//     (SCB's business register over mutual TLS: HamtaForetag,
//     RaknaForetag, kodtabell and the sector file, the Swedish units of
//     the world, 10 calls per 10 s per API-Id on the sandbox's clock), and
//     vero (Vero's certificate service for the Incomes Register, SOAP 1.1:
//     the world's single-use TransferIds (world.VeroTransferID...),
//     RetrievalIds ready after [Config.VeroReadyAfter] on the sandbox's
//     clock, 2-year certificates with CN = the Y-tunnus from ca.Vero's
//     issuing CA "Sim Data Providers Test Issuing CA v1", renewal checked
//     for its enveloped XML signature, its signer and the 60-day window
//     ([Config.VeroNoRenewWindow]), every reply signed by a services
//     certificate of the sandbox CA).
//
// Hooks for tests: [Sandbox.SetFault] (with [Fault.VeroSignature] for an
// unsigned, tampered or foreign-signed Vero reply),
// [Sandbox.VeroCertificate] issues an Incomes Register certificate of
// Vero's CA for any dates, [Sandbox.SetVeroRenewWindow],
// [Sandbox.VeroCount] and [Sandbox.VeroTransferUsed],
// [Sandbox.IssueSCBCertificate]
// issues an SCB certificate for any API-Id (or none),
// [Sandbox.SetSCBSubscription] and [Sandbox.SetSCBSectorVariant] change
// what SCB's simulator sends, [Sandbox.ChangeOwners] files a new
// RRH registration, [Sandbox.RegisterMaskinportenKey] registers a key by
// kid, [Sandbox.IssueEnterpriseCertificate] issues an (expired, foreign)
// enterprise certificate, [Sandbox.MintAccessToken] a token with any
// scope, and [Sandbox.Requests] counts the requests each simulator
// received by path (so a test can assert that concurrent look-ups shared
// one token request).
//
// # The story: the world changes over time
//
// The world New builds stays as it is until a test (or the app, through
// desk.SandboxClock) moves the sandbox's clock: [Sandbox.Now] is
// Config.Now plus every [Sandbox.Advance], and Advance plays, in order and
// once, the story events (world.Story: on day 1 a rename, a new board
// member, a new general manager; on day 2 a bankruptcy and a new
// beneficial owner in RRH; on day 3 an auditor gone, a deletion, an
// address change; the units are world.Story*OrgNr) and the change feeds'
// noise due by then. Each event makes a copy of the world with its unit
// changed ([world.World.Apply]), which Enhetsregisteret's REST API and
// grunndataWS serve from then on ([Sandbox.World] returns it); the owner
// change goes to RRH's register and change log (dated at the story's
// time). Only the story follows the sandbox's clock: Maskinporten, BankID,
// Vero, SCB and RRH's tokens keep Config.Now.
//
// The feeds ([brreg.Feed], served at /oppdateringer/enheter,
// /oppdateringer/underenheter and /oppdateringer/roller) hold an entry per
// story event (Endring or Sletting; a roles event when roles changed),
// [Config.FeedNoisePerDay] entries a sandbox day for other units (and as
// many a day for [FeedHistoryDays] before the start), ids contiguous from
// [FeedBaseID] (roles from [RoleFeedBaseID]) but for [Config.FeedDropIDs],
// and keep [Config.FeedWindow] of sandbox time. [Config.Population] adds
// generated units for benchmarks ([Sandbox.PopulationNumbers]).
//
// A simulator writes the wire format from the world itself, never through
// the client packages it imitates (nor desk or gui), so a client and its
// simulator cannot share one mistake. The simulators' own tables (the
// grunndataWS status texts, the RRH code lists) stay private to them for
// the same reason.
//
// # Adding a simulator
//
// A new service (BankID's organisation sessions, SCB, Vero, PRH) joins the
// same way as the four above:
//
//  1. its fixtures go into the world (new types and data in world, the
//     numbers tests use as exported constants there), so every simulator
//     and test sees one consistent world;
//  2. a package beside the others, internal/sandbox/NAME, exports the
//     path of its base URL, an Options struct (a clock, the choices the
//     specification leaves open), New(w *world.World, opts Options, ...)
//     returning its http.Handler (or a Server with state and a Handler
//     method, as maskinporten and rrh do) and a fault.ErrorWriter that
//     writes a forced HTTP status in the service's own error format; it
//     may use world, ca, fault, ident and certs, and another simulator it
//     really depends on (rrh uses maskinporten's tokens);
//  3. fault gets a Service constant for it, and fault.Fault a field if the
//     service has a fault of its own;
//  4. this package adds the service to [Sandbox.services] (which gives it
//     a TLS listener, the fault switches and request counting), a URL to
//     [Endpoints], its settings to [Config] and any test hook as a
//     Sandbox method;
//  5. its tests: unit tests in its own package against its handler
//     (httptest), and the over-TLS tests here.
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
//   - grunndata fratraadt is "N" for a current role and "K", "R" or "F"
//     for a resigned one, with a fratraadtTekst, as the real
//     hentRoller.xsd allows; what K, R and F each mean is not documented
//     to us, so the world just uses all three and the texts are the
//     sandbox's own. [Config.GrunndataResignedFlag] "J" sends the digest's
//     old value. revisorKategori is an integer, as the schema says; its
//     meanings are not documented to us either. testdata/hentRoller.xsd in
//     the grunndata package is a schema rebuilt by hand from a description
//     of the real one, not the official file.
//   - a forced grunndataWS status ([Fault.GrunndataStatus]) answers the
//     pair for any number; with hovedStatus 0 the melding of the unit
//     asked for follows, and the unit a text names ("korrekt enhet y") is
//     the world's, or the number asked for.
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
//   - BankID (registries.md §5): the sub-paths below a session
//     ({id}, {id}/jsonData, {id}/report/{name}), the terminal statuses
//     COMPLETED and FAILED, the report names aml and
//     certificateOfRegistration, the inner field names of the result
//     blocks (hits as objects {name, list, detail, birthDate}), 410 for an
//     expired session, the webhook body {sessionId, event, timestamp} and
//     its signature header X-Sandbox-Signature: sha256=HMAC-SHA256(secret,
//     body) ([Config.BankIDWebhookSecret]) are the sandbox's own, matching
//     registry/bankid's assumptions.go. Without reports in the create
//     request, a session makes none. Roles of Swedish and Finnish
//     companies use the Norwegian role codes (DAGL, LEDE, MEDL...).
//   - SCB (registries.md §1): a missing client certificate, one not from
//     the sandbox CA (or expired) and one without an API-Id (Annnnn in
//     the CN) are refused with 403 and a Swedish text/plain line;
//     [Config.SCBRefuseInHandshake] refuses them in the TLS handshake
//     instead. Every error body is one Swedish line of text/plain. The
//     limit is a sliding window of 10 calls in any 10 s per API-Id;
//     refused calls do not count; 429 has no Retry-After unless
//     [Config.SCBRetryAfter]. RaknaForetag answers a bare JSON number,
//     HamtaForetag [] for no match; dates are YYYY-MM-DD and the status
//     flags "1"/"0". The subscription groups (scb.Group*) and which
//     variables each holds, the sector (INSEKT) and owner category codes
//     and texts, and the sector file's variants (scb.Variants) are the
//     sandbox's own; the sector file holds the active units only, with
//     ".." for an unknown value, as a zip whose one member is sektor.txt
//     (application/zip).
//   - Enhetsregisteret's change feeds: how far back they go (30 days by
//     default, [Config.FeedWindow]); a cursor (oppdateringsid, afterId)
//     older than the window answers 400 with a Spring error saying the id
//     is too old, or with [Config.FeedTooOldSkips] serves from the oldest
//     entry kept; a dato before the window serves from the oldest entry
//     kept (nothing tells the client what it missed); an empty page
//     leaves "_embedded" out (Spring HATEOAS),
//     or with [Config.FeedEmptyArray] holds an empty array; size is 20 by
//     default (roles 100) and at most 10 000; afterId means strictly
//     after, and wins over afterTime; endringer (with includeChanges) are
//     JSON Patch objects {op, path, value}, empty for a role change; a
//     role change also gives an Endring in the units' feed; the sub-units'
//     feed has its own sequence from the same base.
//   - Vero (registries.md §2): the PKI error codes are the sandbox's own
//     (vero.Codes: PKI001–PKI008 as §2.3 suggests, PKI009 for a
//     CustomerId that is not the TransferId's, PKI010 for a missing or
//     too long element); a wrong TransferPassword leaves the TransferId
//     usable; TEST and PRODUCTION are both accepted unless
//     [Config.VeroEnvironment] names one; a renewed certificate cannot
//     renew again once its successor has been fetched; the demo .pfx
//     (issued by the sandbox CA itself) may sign a renewal too; an
//     unreadable request is a SOAP Fault with HTTP 500.
package sandbox
