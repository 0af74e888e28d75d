// Package brreg is the client of Brønnøysundregistrene's two services for
// Enhetsregisteret, the Norwegian register of legal entities:
//
//   - REST, the open API at data.brreg.no/enhetsregisteret/api: units,
//     sub-units, roles and name search, mapped onto the dossier types;
//   - Grunndata, grunndataWS, the contract-only SOAP service: basic data,
//     contact data, roles and special information, with every status code
//     of its responseHeader (see StatusInfo) turned into a typed outcome.
//
// Both have a Lookup that asks everything the dossier needs about one
// organisation number and returns a Result whose Source says what the
// register answered. A Result is either complete or has no facts at all:
// when any part of a lookup fails, Company, Roles and SubUnits are left
// empty and the Source is "failed", with a stable Code and a plain English
// Message.
package brreg
