// Package world is the sandbox's shared fictional world: the Norwegian
// units, sub-units, persons, roles, ownerships, foreign companies and
// persons, filings to the register of beneficial owners, Maskinporten
// clients, and the Swedish units of SCB's register (SECompanies: every
// legal form, sole traders with personnummer, names in Latin-1 letters,
// and SCB's code tables in secodes.go) that every simulator serves, and the fixture numbers tests use
// (RichestOrgNr, AuditorOrgNr, DuplicateOrgNr, RemovedOrgNr...), each
// documented with what the simulators answer for it.
//
// [New] builds the world and checks every reference in it; the world never
// changes afterwards. The code lists the registers share (organisation
// forms, role types and groups, the RRH codes) are here too, as functions
// that return copies. The world imports nothing of the simulators, so
// each simulator package, the facade and the tests of other packages can
// all use it.
package world
