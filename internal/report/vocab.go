package report

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/motpart/motpart/internal/dossier"
)

// The registers' codes in the words the window uses for them (the same
// translation keys as internal/gui/guikit/vocab.go, which a report may not
// import): role types, organisation forms, the positions, intervals and
// bases of beneficial owners, and sources.

// roleName is a role type in words; the register's words for a code
// outside the set.
func (t *translator) roleName(c dossier.Code) string {
	switch strings.ToUpper(strings.TrimSpace(c.Code)) {
	case "BEST":
		return t.L("Managing shipowner")
	case "BOBE":
		return t.L("Trustee in bankruptcy")
	case "DAGL":
		return t.L("Chief executive")
	case "DTPR":
		return t.L("Partner with shared liability")
	case "DTSO":
		return t.L("Partner with joint and several liability")
	case "EIKM":
		return t.L("Owner municipality")
	case "FFØR":
		return t.L("Business manager")
	case "INNH":
		return t.L("Proprietor")
	case "KDEB":
		return t.L("Bankrupt debtor")
	case "KOMP":
		return t.L("General partner")
	case "KONT":
		return t.L("Contact person")
	case "LEDE":
		return t.L("Chair of the board")
	case "MEDL":
		return t.L("Board member")
	case "NEST":
		return t.L("Deputy chair of the board")
	case "OBS":
		return t.L("Observer on the board")
	case "POFE":
		return t.L("Procuration, jointly")
	case "POHV":
		return t.L("Procuration, each alone")
	case "PROK":
		return t.L("Procuration")
	case "REGN":
		return t.L("Accountant")
	case "REPR":
		return t.L("Norwegian representative of a foreign entity")
	case "REVI":
		return t.L("Auditor")
	case "SAM":
		return t.L("Co-owner")
	case "SIFE":
		return t.L("Signatory, jointly")
	case "SIGN":
		return t.L("Signatory")
	case "SIHV":
		return t.L("Signatory, each alone")
	case "VARA":
		return t.L("Deputy board member")
	}
	return registerWords(c)
}

// formName is an organisation form in words with its code, "Private
// limited company (AS)".
func (t *translator) formName(c dossier.Code) string {
	var w string
	switch strings.ToUpper(strings.TrimSpace(c.Code)) {
	case "AAFY":
		w = t.L("Sub-unit of a non-business entity")
	case "ANS":
		w = t.L("General partnership")
	case "AS":
		w = t.L("Private limited company")
	case "ASA":
		w = t.L("Public limited company")
	case "BEDR":
		w = t.L("Sub-unit of a business or public body")
	case "DA":
		w = t.L("Partnership with shared liability")
	case "ENK":
		w = t.L("Sole proprietorship")
	case "FLI":
		w = t.L("Association")
	case "IKS":
		w = t.L("Inter-municipal company")
	case "KOMM":
		w = t.L("Municipality")
	case "KS":
		w = t.L("Limited partnership")
	case "NUF":
		w = t.L("Norwegian-registered foreign enterprise")
	case "ORGL":
		w = t.L("Public sector organisational unit")
	case "SA":
		w = t.L("Cooperative")
	case "STI":
		w = t.L("Foundation")
	default:
		w = c.Description
	}
	if c.Code == "" {
		return w
	}
	return strings.TrimSpace(w + " (" + c.Code + ")")
}

// registerWords is a code's description as the register wrote it, or the
// code itself.
func registerWords(c dossier.Code) string {
	if d := strings.TrimSpace(c.Description); d != "" {
		return d
	}
	return c.Code
}

// ownersStatus is the registration status of beneficial owners in words.
func (t *translator) ownersStatus(c dossier.Code) string {
	switch strings.ToLower(c.Code) {
	case dossier.OwnersAllIdentified:
		return t.L("Beneficial owners registered; all are identified.")
	case dossier.OwnersSomeIdentified:
		return t.L("Beneficial owners registered, but some cannot be identified.")
	case dossier.OwnersNoneIdentified:
		return t.L("The company has beneficial owners, but none can be identified.")
	case dossier.OwnersNone:
		return t.L("No beneficial owners: no person owns or controls more than 25 %, and no public body owns it.")
	case dossier.OwnersNorwegianState:
		return t.L("No beneficial owners, because a Norwegian public body owns or controls more than 75 %.")
	case dossier.OwnersForeignState:
		return t.L("No beneficial owners, because a foreign public body owns or controls more than 75 %.")
	}
	return registerWords(c)
}

// positionName is a beneficial owner's kind of position in words.
func (t *translator) positionName(c dossier.Code) string {
	switch strings.ToLower(c.Code) {
	case "posisjontype.eier":
		return t.L("Owns")
	case "posisjontype.kont":
		return t.L("Controls votes")
	case "posisjontype.ruas":
		return t.L("Can appoint or remove half the board")
	case "posisjontype.anne", "grunnlagtype.anne":
		return t.L("Controls by other means")
	}
	return registerWords(c)
}

// intervalText is a share interval in the language's numbers.
func (t *translator) intervalText(c dossier.Code) string {
	switch strings.ToLower(c.Code) {
	case "stoerrelseintervall.int1":
		return t.percentRange(25.01, 49.99)
	case "stoerrelseintervall.int2":
		return t.percentRange(50, 74.99)
	case "stoerrelseintervall.int3":
		return t.percentRange(75, 100)
	}
	return registerWords(c)
}

// basisName is the basis of a position in words.
func (t *translator) basisName(c dossier.Code) string {
	switch strings.ToLower(c.Code) {
	case "grunnlagtype.dire":
		return t.L("directly")
	case "grunnlagtype.indi":
		return t.L("indirectly")
	case "grunnlagtype.enav":
		return t.L("by agreement")
	}
	return registerWords(c)
}

// sourceName names a source for people.
func (t *translator) sourceName(id string) string {
	switch id {
	case dossier.SourceBrreg:
		return t.L("Brønnøysund, Enhetsregisteret")
	case dossier.SourceGrunndata:
		return t.L("Brønnøysund, grunndataWS")
	case dossier.SourceOwners:
		return t.L("Register of beneficial owners")
	case "bankid":
		return t.L("BankID AML")
	}
	return id
}

// sourceStatus says what a source answered, in a few words; a source that
// failed "could not be reached", which is never "not found".
func (t *translator) sourceStatus(s dossier.Source) string {
	switch s.Status {
	case dossier.StatusFound:
		return t.L("found")
	case dossier.StatusNotFound:
		return t.L("not registered")
	case dossier.StatusDeleted:
		if s.Date != "" {
			return t.L("unit deleted {{.Date}}", map[string]any{"Date": t.date(s.Date)})
		}
		return t.L("unit deleted")
	case dossier.StatusNoAccess:
		return t.L("no access")
	case dossier.StatusNoData:
		return t.L("no data given")
	case dossier.StatusOffline:
		return t.L("from the offline copy of {{.Date}}", map[string]any{"Date": t.date(s.Date)})
	case dossier.StatusSkipped:
		return t.L("not asked")
	}
	return t.L("could not be reached")
}

// country is a country in the report's language from its ISO 3166 code,
// or fallback.
func (t *translator) country(code, fallback string) string {
	r, err := language.ParseRegion(strings.TrimSpace(code))
	if err != nil || !r.IsCountry() {
		if fallback != "" {
			return fallback
		}
		return code
	}
	if name := display.Regions(language.Make(t.lang)).Name(r); name != "" {
		return name
	}
	if fallback != "" {
		return fallback
	}
	return code
}

// documentKind names an AML document's kind.
func (t *translator) documentKind(kind string) string {
	switch kind {
	case dossier.DocumentAML:
		return t.L("AML report")
	case dossier.DocumentRegistration:
		return t.L("Certificate of registration")
	}
	return kind
}
