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
//     foreign owners and an owner exempt from disclosure;
//   - a local certificate authority, made in memory at start, that issues
//     the simulators' server certificates and demo client certificates
//     (.pfx) named and shaped like the real ones;
//   - the simulators: Enhetsregisteret's open REST API (HAL JSON) and
//     Brønnøysund's grunndataWS (SOAP 1.1, ErFr);
//   - fault switches per service (latency, 429/500/503, malformed and
//     truncated bodies, hanging requests), changeable while running.
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
package sandbox
