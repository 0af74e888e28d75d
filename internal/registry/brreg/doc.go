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
// register answered. When the unit itself cannot be read, Company, Roles
// and SubUnits are left empty and the Source is "failed", with a stable
// Code and a plain English Message. When the unit is read but another
// part is not (its roles or sub-units from the REST API; its contact data
// or roles from grunndataWS), the Result keeps what was read, the Source
// stays "found", and a note (dossier.NoteRolesUnread, NoteSubUnitsUnread,
// NoteContactDataUnread) names the missing part, its problem code and the
// cause, so that an empty part never passes for "none registered".
package brreg
