// Package rrh is the client of Brønnøysund's Register of beneficial owners
// (Register over reelle rettighetshavere, RRH): who ultimately owns or
// controls a Norwegian company, as the anti-money-laundering rules make an
// accounting firm find out about its clients.
//
// Access needs a Maskinporten token (see package maskinporten) for one of
// the register's scopes. A Client looks up one organisation (Owners, and
// Lookup, which answers with a dossier.Source as the other register
// clients do), downloads the full register (DownloadTotal), and reads the
// change log (Changes, Sequence). Two APIs are supported (Config.API): the
// Partner API, whose OpenAPI is public and which is the default, and the
// current "Virksomheter" v1 API, whose OpenAPI is not: v1 is experimental,
// what this package assumes of it is marked [U] in the documentation, its
// paths are configurable, and answers read with it carry a note saying the
// shape is not confirmed. docs/ANSWER-SHAPES.md lists what is confirmed.
//
// A 404 is told as both things it may mean (not registered, or not
// required to register) with the register's own text and a follow-up
// flag; a 200 answer that holds no registration is unreadable, never
// "found, no owners".
//
// Both APIs' documents map onto one model, dossier.Owners. Codes are
// matched in any case and stored lower case in the Partner API's spelling
// (v1's long codes are mapped), missing code texts are filled in from a
// table, and StatusText, PositionText, IntervalText and BasisText explain
// the codes in plain English.
//
// The full register is read by streaming, for files of hundreds of
// megabytes: ReadTotal reads the zip as downloaded, ReadTotalStream an
// unzipped JSON or CSV file. Neither holds more than one registration in
// memory, and both refuse zip bombs and oversized input with a
// *LimitError (see Limits); unreadable data is a *FormatError.
// GenerateTotal writes a synthetic full register for benchmarks and tests.
package rrh
