package main

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/motpart/motpart/internal/dossier"
)

// The registers' closed sets of codes in plain English, for the command
// line's tables: the same words the window shows in English (see
// internal/gui/guikit), kept here because the command line does not load
// the window's translations. A code outside a set keeps the register's own
// description.

// roleNames are Enhetsregisteret's role types.
var roleNames = map[string]string{
	"BEST": "Managing shipowner",
	"BOBE": "Trustee in bankruptcy",
	"DAGL": "Chief executive",
	"DTPR": "Partner with shared liability",
	"DTSO": "Partner with joint and several liability",
	"EIKM": "Owner municipality",
	"FFØR": "Business manager",
	"INNH": "Proprietor",
	"KDEB": "Bankrupt debtor",
	"KOMP": "General partner",
	"KONT": "Contact person",
	"LEDE": "Chair of the board",
	"MEDL": "Board member",
	"NEST": "Deputy chair of the board",
	"OBS":  "Observer on the board",
	"POFE": "Procuration, jointly",
	"POHV": "Procuration, each alone",
	"PROK": "Procuration",
	"REGN": "Accountant",
	"REPR": "Norwegian representative of a foreign entity",
	"REVI": "Auditor",
	"SAM":  "Co-owner",
	"SIFE": "Signatory, jointly",
	"SIGN": "Signatory",
	"SIHV": "Signatory, each alone",
	"VARA": "Deputy board member",
}

// ownersStatusNames are the registration statuses of the Register of
// beneficial owners.
var ownersStatusNames = map[string]string{
	dossier.OwnersAllIdentified:  "all identified",
	dossier.OwnersSomeIdentified: "registered, but some cannot be identified",
	dossier.OwnersNoneIdentified: "the company has some, but none can be identified",
	dossier.OwnersNone:           "none: no person owns or controls more than 25 %, and no public body owns it",
	dossier.OwnersNorwegianState: "none, because a Norwegian public body owns or controls more than 75 %",
	dossier.OwnersForeignState:   "none, because a foreign public body owns or controls more than 75 %",
}

// positionNames are a beneficial owner's kinds of position. The register's
// example file also gives "grunnlagtype.anne" as a position type.
var positionNames = map[string]string{
	"posisjontype.eier": "owns",
	"posisjontype.kont": "controls votes",
	"posisjontype.ruas": "can appoint or remove half the board",
	"posisjontype.anne": "controls by other means",
	"grunnlagtype.anne": "controls by other means",
}

// intervalNames are the share intervals of a position.
var intervalNames = map[string]string{
	"stoerrelseintervall.int1": "25.01–49.99 %",
	"stoerrelseintervall.int2": "50–74.99 %",
	"stoerrelseintervall.int3": "75–100 %",
}

// basisNames are the bases of a position.
var basisNames = map[string]string{
	"grunnlagtype.dire": "directly",
	"grunnlagtype.indi": "indirectly",
	"grunnlagtype.enav": "by agreement",
}

// words is c in the words of names (keyed by the code, matched in
// upper-case for role types and lower-case otherwise), else the register's
// description, else the code.
func words(names map[string]string, c dossier.Code) string {
	code := strings.TrimSpace(c.Code)
	if w, ok := names[strings.ToLower(code)]; ok {
		return w
	}
	if w, ok := names[strings.ToUpper(code)]; ok {
		return w
	}
	if d := strings.TrimSpace(c.Description); d != "" {
		return d
	}
	return code
}

// roleName is a role type in plain English.
func roleName(c dossier.Code) string { return words(roleNames, c) }

// countryName is a country in English from its ISO 3166 code (alpha-2 or
// alpha-3, as the registers give them), else the register's name for it.
func countryName(c dossier.Code) string {
	if r, err := language.ParseRegion(strings.TrimSpace(c.Code)); err == nil && r.IsCountry() {
		if name := display.English.Regions().Name(r); name != "" {
			return name
		}
	}
	return words(nil, c)
}
