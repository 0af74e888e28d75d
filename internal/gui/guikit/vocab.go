package guikit

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/motpart/motpart/internal/dossier"
)

// The registers' closed sets of codes in the user's words: role types and
// organisation forms of Enhetsregisteret, the positions, share intervals
// and bases of the Register of beneficial owners, and countries by their
// ISO 3166 codes. A code outside the set keeps the register's own
// description (see RegisterWords).

// RoleCodes are the Enhetsregisteret role types RoleName has words for.
func RoleCodes() []string {
	return []string{"BEST", "BOBE", "DAGL", "DTPR", "DTSO", "EIKM", "FFØR", "INNH", "KDEB", "KOMP", "KONT",
		"LEDE", "MEDL", "NEST", "OBS", "POFE", "POHV", "PROK", "REGN", "REPR", "REVI", "SAM", "SIFE", "SIGN", "SIHV", "VARA"}
}

// roleWords is a role type in the user's words, or "" for a code outside
// the set.
func roleWords(code string) string {
	switch strings.ToUpper(strings.TrimSpace(code)) {
	case "BEST":
		return lang.L("Managing shipowner")
	case "BOBE":
		return lang.L("Trustee in bankruptcy")
	case "DAGL":
		return lang.L("Chief executive")
	case "DTPR":
		return lang.L("Partner with shared liability")
	case "DTSO":
		return lang.L("Partner with joint and several liability")
	case "EIKM":
		return lang.L("Owner municipality")
	case "FFØR":
		return lang.L("Business manager")
	case "INNH":
		return lang.L("Proprietor")
	case "KDEB":
		return lang.L("Bankrupt debtor")
	case "KOMP":
		return lang.L("General partner")
	case "KONT":
		return lang.L("Contact person")
	case "LEDE":
		return lang.L("Chair of the board")
	case "MEDL":
		return lang.L("Board member")
	case "NEST":
		return lang.L("Deputy chair of the board")
	case "OBS":
		return lang.L("Observer on the board")
	case "POFE":
		return lang.L("Procuration, jointly")
	case "POHV":
		return lang.L("Procuration, each alone")
	case "PROK":
		return lang.L("Procuration")
	case "REGN":
		return lang.L("Accountant")
	case "REPR":
		return lang.L("Norwegian representative of a foreign entity")
	case "REVI":
		return lang.L("Auditor")
	case "SAM":
		return lang.L("Co-owner")
	case "SIFE":
		return lang.L("Signatory, jointly")
	case "SIGN":
		return lang.L("Signatory")
	case "SIHV":
		return lang.L("Signatory, each alone")
	case "VARA":
		return lang.L("Deputy board member")
	}
	return ""
}

// RoleName is a role type in the user's words; for a code outside the set,
// the register's description (or the code).
func RoleName(c dossier.Code) string {
	if w := roleWords(c.Code); w != "" {
		return w
	}
	return RegisterWords(c)
}

// FormCodes are the organisation forms FormName has words for.
func FormCodes() []string {
	return []string{"AAFY", "ANS", "AS", "ASA", "BEDR", "DA", "ENK", "FLI", "IKS", "KOMM", "KS", "NUF", "ORGL", "SA", "STI"}
}

// formWords is an organisation form in the user's words, or "".
func formWords(code string) string {
	switch strings.ToUpper(strings.TrimSpace(code)) {
	case "AAFY":
		return lang.L("Sub-unit of a non-business entity")
	case "ANS":
		return lang.L("General partnership")
	case "AS":
		return lang.L("Private limited company")
	case "ASA":
		return lang.L("Public limited company")
	case "BEDR":
		return lang.L("Sub-unit of a business or public body")
	case "DA":
		return lang.L("Partnership with shared liability")
	case "ENK":
		return lang.L("Sole proprietorship")
	case "FLI":
		return lang.L("Association")
	case "IKS":
		return lang.L("Inter-municipal company")
	case "KOMM":
		return lang.L("Municipality")
	case "KS":
		return lang.L("Limited partnership")
	case "NUF":
		return lang.L("Norwegian-registered foreign enterprise")
	case "ORGL":
		return lang.L("Public sector organisational unit")
	case "SA":
		return lang.L("Cooperative")
	case "STI":
		return lang.L("Foundation")
	}
	return ""
}

// FormName is an organisation form in the user's words with its code,
// "Private limited company (AS)"; for a form outside the set, the
// register's description with the code.
func FormName(c dossier.Code) string {
	w := formWords(c.Code)
	if w == "" {
		w = c.Description
	}
	if c.Code == "" {
		return w
	}
	return strings.TrimSpace(w + " (" + c.Code + ")")
}

// RegisterWords is a code's description as the register wrote it, or the
// code itself when the register gave none.
func RegisterWords(c dossier.Code) string {
	if d := strings.TrimSpace(c.Description); d != "" {
		return d
	}
	return c.Code
}

// OwnersStatusCodes are the registration statuses of the Register of
// beneficial owners OwnersStatusText has words for.
func OwnersStatusCodes() []string {
	return []string{dossier.OwnersAllIdentified, dossier.OwnersSomeIdentified, dossier.OwnersNoneIdentified,
		dossier.OwnersNone, dossier.OwnersNorwegianState, dossier.OwnersForeignState}
}

// OwnersStatusText is the registration status of beneficial owners in
// plain words; the register's words for a status outside the set.
func OwnersStatusText(c dossier.Code) string {
	switch strings.ToLower(c.Code) {
	case dossier.OwnersAllIdentified:
		return lang.L("Beneficial owners registered; all are identified.")
	case dossier.OwnersSomeIdentified:
		return lang.L("Beneficial owners registered, but some cannot be identified.")
	case dossier.OwnersNoneIdentified:
		return lang.L("The company has beneficial owners, but none can be identified.")
	case dossier.OwnersNone:
		return lang.L("No beneficial owners: no person owns or controls more than 25 %, and no public body owns it.")
	case dossier.OwnersNorwegianState:
		return lang.L("No beneficial owners, because a Norwegian public body owns or controls more than 75 %.")
	case dossier.OwnersForeignState:
		return lang.L("No beneficial owners, because a foreign public body owns or controls more than 75 %.")
	}
	return RegisterWords(c)
}

// PositionCodes are the position types of beneficial owners PositionName
// has words for.
func PositionCodes() []string {
	return []string{"posisjontype.eier", "posisjontype.kont", "posisjontype.ruas", "posisjontype.anne"}
}

// PositionName is a beneficial owner's kind of position in words; the
// register's words for one outside the set. The register's example file
// also gives "grunnlagtype.anne" as a position type: it reads as
// posisjontype.anne.
func PositionName(c dossier.Code) string {
	switch strings.ToLower(c.Code) {
	case "posisjontype.eier":
		return lang.L("Owns")
	case "posisjontype.kont":
		return lang.L("Controls votes")
	case "posisjontype.ruas":
		return lang.L("Can appoint or remove half the board")
	case "posisjontype.anne", "grunnlagtype.anne":
		return lang.L("Controls by other means")
	}
	return RegisterWords(c)
}

// IntervalCodes are the share intervals IntervalText has words for.
func IntervalCodes() []string {
	return []string{"stoerrelseintervall.int1", "stoerrelseintervall.int2", "stoerrelseintervall.int3"}
}

// IntervalText is a share interval in the language's numbers ("25,01–49,99 %");
// the register's words for one outside the set.
func IntervalText(c dossier.Code) string {
	f := Format()
	switch strings.ToLower(c.Code) {
	case "stoerrelseintervall.int1":
		return f.PercentRange(25.01, 49.99)
	case "stoerrelseintervall.int2":
		return f.PercentRange(50, 74.99)
	case "stoerrelseintervall.int3":
		return f.PercentRange(75, 100)
	}
	return RegisterWords(c)
}

// BasisCodes are the bases of a position BasisName has words for.
func BasisCodes() []string {
	return []string{"grunnlagtype.dire", "grunnlagtype.indi", "grunnlagtype.enav"}
}

// BasisName is the basis of a position in words; the register's words for
// one outside the set.
func BasisName(c dossier.Code) string {
	switch strings.ToLower(c.Code) {
	case "grunnlagtype.dire":
		return lang.L("directly")
	case "grunnlagtype.indi":
		return lang.L("indirectly")
	case "grunnlagtype.enav":
		return lang.L("by agreement")
	}
	return RegisterWords(c)
}

// CountryNameOf is a country in the user's language from its ISO 3166-1
// code (alpha-2 "SE" or alpha-3 "SWE", as the registers give them), or
// fallback (the register's own name) when the code is no known country.
func CountryNameOf(code, fallback string) string {
	return countryIn(Language(), code, fallback)
}

// countryIn is CountryNameOf in language lng.
func countryIn(lng, code, fallback string) string {
	r, err := language.ParseRegion(strings.TrimSpace(code))
	if err != nil || !r.IsCountry() {
		if fallback != "" {
			return fallback
		}
		return code
	}
	if name := display.Regions(language.Make(lng)).Name(r); name != "" {
		return name
	}
	if fallback != "" {
		return fallback
	}
	return code
}

// CountryOf is a register's country code in the user's language.
func CountryOf(c dossier.Code) string { return CountryNameOf(c.Code, c.Description) }

// StandingBadge is the word and colour of a badge for a company's
// standing; an active company has none ("").
func StandingBadge(st dossier.Standing) (string, widget.Importance) {
	switch st {
	case dossier.StandingDeleted:
		return lang.L("Deleted"), widget.DangerImportance
	case dossier.StandingBankrupt:
		return lang.L("Bankrupt"), widget.DangerImportance
	case dossier.StandingLiquidation:
		return lang.L("Under liquidation"), widget.WarningImportance
	case dossier.StandingForcedDissolution:
		return lang.L("Under forced dissolution"), widget.WarningImportance
	case dossier.StandingClosed:
		return lang.L("Closed down"), widget.WarningImportance
	}
	return "", widget.MediumImportance
}
