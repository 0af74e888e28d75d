package rrh

import (
	"strings"

	"github.com/motpart/motpart/internal/dossier"
)

// Canonical codes, lower case, in the Partner API's ("legacy", four
// letter) style. Codes of the v1 API's long camelCase style are mapped to
// these (see codeAliases).
const (
	PositionOwnership = "posisjontype.eier" // ownership
	PositionVotes     = "posisjontype.kont" // control of voting rights
	PositionBoard     = "posisjontype.ruas" // right to appoint or remove half the board
	PositionOther     = "posisjontype.anne" // control by other means

	Interval1 = "stoerrelseintervall.int1" // 25.01–49.99 %
	Interval2 = "stoerrelseintervall.int2" // 50–74.99 %
	Interval3 = "stoerrelseintervall.int3" // 75–100 %

	BasisDirect    = "grunnlagtype.dire" // direct
	BasisIndirect  = "grunnlagtype.indi" // indirect
	BasisAgreement = "grunnlagtype.enav" // agreement or arrangement

	RegistrationRegistered  = "registreringstatus.regi"                               // registered (Partner API)
	RegistrationReported    = "registreringsstatus.rettighetsinformasjonerregistrert" // registered (v1) [U]
	RegistrationNotReported = "registreringsstatus.rettighetsinformasjonerikkemeldt"  // required, not reported yet (v1)
)

// codeKind is the slot a code sits in.
type codeKind uint8

const (
	kindStatus codeKind = iota
	kindRegistration
	kindPosition
	kindInterval
	kindBasis
)

// codeInfo is a canonical code with its bokmål text (the register's own)
// and a plain English text.
type codeInfo struct {
	kind     codeKind
	code     string
	nb, en   string
	synonyms []string // other spellings, lower case (v1 API, quirks)
	// phrases identify the code from its text when no code is given (the
	// CSV download), matched lower case: all must occur.
	phrases []string
}

// codeTable is every code Motpart knows. Texts in bokmål are those of the
// register's example download; the v1 synonyms are from the v1 API's
// published examples and the reporting API's code style [U].
var codeTable = [...]codeInfo{
	{kind: kindStatus, code: dossier.OwnersAllIdentified,
		nb: "Virksomheten har meldt at de har reelle rettighetshavere, og at alle reelle rettighetshavere er identifisert",
		en: "The company has beneficial owners, and all of them are identified",
		// v1: the published example pairs this code with the text above.
		synonyms: []string{"reellerettighetshaverestatus.harreellerettighetshavere", "reellerettighetshaverestatus.allereellerettighetshavereeridentifisert"},
		phrases:  []string{"alle reelle rettighetshavere er identifisert"}},
	{kind: kindStatus, code: dossier.OwnersSomeIdentified,
		nb:       "Virksomheten har meldt at de har reelle rettighetshavere, men at det i tillegg finnes noen reelle rettighetshavere som ikke kan identifiseres",
		en:       "The company has beneficial owners, but some of them cannot be identified",
		synonyms: []string{"reellerettighetshaverestatus.noenreellerettighetshaverekanikkeidentifiseres"}, // [U]
		phrases:  []string{"noen reelle rettighetshavere som ikke kan identifiseres"}},
	{kind: kindStatus, code: dossier.OwnersNoneIdentified,
		nb:       "Virksomheten har meldt at de har reelle rettighetshavere, men at ingen av disse kan identifiseres",
		en:       "The company has beneficial owners, but none of them can be identified",
		synonyms: []string{"reellerettighetshaverestatus.ingenreellerettighetshaverekanidentifiseres"}, // [U]
		phrases:  []string{"ingen av disse kan identifiseres"}},
	{kind: kindStatus, code: dossier.OwnersNone,
		nb:       "Virksomheten har meldt at de ikke har reelle rettighetshavere, og at de ikke er eid eller kontrollert av offentlig virksomhet",
		en:       "The company has no beneficial owners, and is not owned or controlled by a public body",
		synonyms: []string{"reellerettighetshaverestatus.harikkereellerettighetshavere"}, // [U]
		phrases:  []string{"ikke har reelle rettighetshavere", "ikke er eid eller kontrollert av offentlig"}},
	{kind: kindStatus, code: dossier.OwnersNorwegianState,
		nb:       "Virksomheten har meldt at de ikke har reelle rettighetshavere fordi en norsk offentlig virksomhet eier eller kontrollerer over 75 % av virksomheten",
		en:       "The company has no beneficial owners, because a Norwegian public body owns or controls more than 75 % of it",
		synonyms: []string{"reellerettighetshaverestatus.kontrollertavnorskoffentligvirksomhet"}, // [U]
		phrases:  []string{"ikke har reelle rettighetshavere", "norsk offentlig virksomhet"}},
	{kind: kindStatus, code: dossier.OwnersForeignState,
		nb:       "Virksomheten har meldt at de ikke har reelle rettighetshavere fordi en utenlandsk offentlig virksomhet eier eller kontrollerer over 75 % av virksomheten",
		en:       "The company has no beneficial owners, because a foreign public body owns or controls more than 75 % of it",
		synonyms: []string{"reellerettighetshaverestatus.kontrollertavutenlandskoffentligvirksomhet"}, // [U]
		phrases:  []string{"ikke har reelle rettighetshavere", "utenlandsk offentlig virksomhet"}},

	{kind: kindRegistration, code: RegistrationRegistered,
		nb: "Reelle rettighetshavere er registrert", en: "Registered",
		phrases: []string{"reelle rettighetshavere er registrert"}},
	{kind: kindRegistration, code: RegistrationReported,
		nb: "Rettighetsinformasjon er registrert", en: "Registered",
		phrases: []string{"rettighetsinformasjon er registrert"}},
	{kind: kindRegistration, code: RegistrationNotReported,
		nb: "Rettighetsinformasjon er ikke meldt", en: "The company must register its beneficial owners but has not reported them yet",
		phrases: []string{"ikke meldt"}},

	{kind: kindPosition, code: PositionOwnership, nb: "Eierskap", en: "Ownership",
		synonyms: []string{"posisjonstype.eierskap"}, phrases: []string{"eierskap"}},
	{kind: kindPosition, code: PositionVotes, nb: "Kontroll over stemmerettigheter", en: "Control of voting rights",
		synonyms: []string{"posisjonstype.kontrolloverstemmerettigheter"}, phrases: []string{"stemmerettigheter"}},
	{kind: kindPosition, code: PositionBoard, nb: "Rett til å utpeke eller avsette minst halvparten av styremedlemmene",
		en:       "Right to appoint or remove at least half of the board members",
		synonyms: []string{"posisjonstype.retttilaautpekeelleravsettestyre", "posisjonstype.retttilaautpekeelleravsettestyremedlemmer"},
		phrases:  []string{"utpeke eller avsette"}},
	{kind: kindPosition, code: PositionOther, nb: "Kontroll på annen måte", en: "Control by other means",
		// grunnlagtype.anne: a quirk of the example download, in the
		// position type's place.
		synonyms: []string{"grunnlagtype.anne", "posisjonstype.kontrollpaaannenmaate", "posisjonstype.kontrollpaaannenmate"},
		phrases:  []string{"annen måte"}},

	{kind: kindInterval, code: Interval1, nb: "25,01% - 49,99%", en: "25.01–49.99 %",
		synonyms: []string{"stoerrelsesintervall.intervall1"}, phrases: []string{"25,01%"}},
	{kind: kindInterval, code: Interval2, nb: "50% - 74,99%", en: "50–74.99 %",
		synonyms: []string{"stoerrelsesintervall.intervall2"}, phrases: []string{"50% - 74,99%"}},
	{kind: kindInterval, code: Interval3, nb: "75% - 100%", en: "75–100 %",
		synonyms: []string{"stoerrelsesintervall.intervall3"}, phrases: []string{"75% - 100%"}},

	{kind: kindBasis, code: BasisDirect, nb: "Direkte", en: "Direct",
		synonyms: []string{"grunnlagstype.direkte"}, phrases: []string{"direkte"}},
	{kind: kindBasis, code: BasisIndirect, nb: "Indirekte", en: "Indirect",
		synonyms: []string{"grunnlagstype.indirekte"}, phrases: []string{"indirekte"}},
	{kind: kindBasis, code: BasisAgreement, nb: "Enighet eller avtale", en: "Agreement or arrangement",
		synonyms: []string{"grunnlagstype.enighetelleravtale"}, phrases: []string{"enighet eller avtale"}},
}

// codeIndex finds a codeInfo by any of its spellings, lower case.
type codeIndex map[string]*codeInfo

// codes is built once from codeTable; it is never written after.
var codes = func() codeIndex {
	m := codeIndex{}
	for i := range codeTable {
		ci := &codeTable[i]
		m[ci.code] = ci
		for _, s := range ci.synonyms {
			m[s] = ci
		}
	}
	return m
}()

// lookupCode finds the entry of a code in any case and spelling; nil when
// unknown.
func lookupCode(code string) *codeInfo {
	if ci, ok := codes[code]; ok {
		return ci
	}
	if !hasUpper(code) {
		return nil
	}
	return codes[strings.ToLower(code)]
}

// CanonicalCode returns code in lower case and, for a code Motpart knows
// in another spelling (the v1 API's, or a quirk such as
// "stoerrelseIntervall.int1"), its canonical Partner-API form.
func CanonicalCode(code string) string {
	if ci := lookupCode(code); ci != nil {
		return ci.code
	}
	return strings.ToLower(strings.TrimSpace(code))
}

// text returns the English text of a code of kind k, or "".
func text(code string, k codeKind) string {
	if ci := lookupCode(code); ci != nil && ci.kind == k {
		return ci.en
	}
	return ""
}

// StatusText says in plain English what a registration status
// (reelleRettighetshavereStatus, any case or spelling) means, e.g. "The
// company has beneficial owners, and all of them are identified". A
// registration status (registreringsstatus) is explained too; "" for a
// code it does not know.
func StatusText(code string) string {
	if s := text(code, kindStatus); s != "" {
		return s
	}
	return text(code, kindRegistration)
}

// PositionText says what a position type means, e.g. "Ownership".
func PositionText(code string) string { return text(code, kindPosition) }

// IntervalText gives a size interval, e.g. "50–74.99 %".
func IntervalText(code string) string { return text(code, kindInterval) }

// BasisText says what a basis (grunnlag) means, e.g. "Indirect".
func BasisText(code string) string { return text(code, kindBasis) }

// normCode makes the dossier.Code of a code (any case or spelling) and its
// text in slot k. A known code becomes canonical and gets the register's
// bokmål text when the text is missing; a code given only as text (the
// CSV download) is found from the text; an unknown code is kept, lower
// case, with its text.
func normCode(k codeKind, code, txt string) dossier.Code {
	code = strings.TrimSpace(code)
	if code != "" {
		if ci := lookupCode(code); ci != nil {
			if txt == "" {
				txt = ci.nb
			}
			return dossier.Code{Code: ci.code, Description: txt}
		}
		if txt != "" {
			// An unknown spelling with a known text (v1 codes not in the
			// table): the text says which it is.
			if ci := codeFromText(k, txt); ci != nil {
				return dossier.Code{Code: ci.code, Description: txt}
			}
		}
		return dossier.Code{Code: lowerASCII(code), Description: txt}
	}
	if txt == "" {
		return dossier.Code{}
	}
	if ci := codeFromText(k, txt); ci != nil {
		return dossier.Code{Code: ci.code, Description: txt}
	}
	return dossier.Code{Description: txt}
}

// codeFromText finds the code of kind k whose phrases all occur in txt.
func codeFromText(k codeKind, txt string) *codeInfo {
	low := strings.ToLower(txt)
	var found *codeInfo
	for i := range codeTable {
		ci := &codeTable[i]
		if ci.kind != k {
			continue
		}
		all := true
		for _, p := range ci.phrases {
			if !strings.Contains(low, p) {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		if k == kindBasis && found != nil {
			// "indirekte" contains "direkte": the longer phrase wins.
			if len(ci.phrases[0]) < len(found.phrases[0]) {
				continue
			}
		}
		if k == kindStatus && found != nil && len(ci.phrases) <= len(found.phrases) {
			continue
		}
		found = ci
	}
	return found
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// lowerASCII lower-cases s, without allocating when it is lower case.
func lowerASCII(s string) string {
	if !hasUpper(s) {
		return s
	}
	return strings.ToLower(s)
}

// countries maps the bokmål country names of the CSV download (which has
// names only) to ISO 3166-1 alpha-3 codes. Names not here keep no code.
var countries = map[string]string{
	"norge": "NOR", "sverige": "SWE", "danmark": "DNK", "finland": "FIN", "island": "ISL",
	"færøyene": "FRO", "grønland": "GRL", "tyskland": "DEU", "storbritannia": "GBR",
	"usa": "USA", "spania": "ESP", "frankrike": "FRA", "nederland": "NLD", "belgia": "BEL",
	"luxembourg": "LUX", "sveits": "CHE", "østerrike": "AUT", "italia": "ITA", "portugal": "PRT",
	"irland": "IRL", "polen": "POL", "litauen": "LTU", "latvia": "LVA", "estland": "EST",
	"russland": "RUS", "ukraina": "UKR", "hellas": "GRC", "kypros": "CYP", "malta": "MLT",
	"liechtenstein": "LIE", "monaco": "MCO", "tsjekkia": "CZE", "slovakia": "SVK", "ungarn": "HUN",
	"romania": "ROU", "bulgaria": "BGR", "kroatia": "HRV", "slovenia": "SVN", "serbia": "SRB",
	"tyrkia": "TUR", "kina": "CHN", "india": "IND", "japan": "JPN", "sør-korea": "KOR",
	"singapore": "SGP", "hongkong": "HKG", "canada": "CAN", "mexico": "MEX", "brasil": "BRA",
	"argentina": "ARG", "chile": "CHL", "uruguay": "URY", "australia": "AUS", "new zealand": "NZL",
	"sør-afrika": "ZAF", "kenya": "KEN", "nigeria": "NGA", "jordan": "JOR", "israel": "ISR",
	"de forente arabiske emirater": "ARE", "saudi-arabia": "SAU", "qatar": "QAT", "pakistan": "PAK",
	"filippinene": "PHL", "thailand": "THA", "vietnam": "VNM", "montserrat": "MSR", "jersey": "JEY",
	"guernsey": "GGY", "isle of man": "IMN", "bermuda": "BMU", "caymanøyene": "CYM",
	"jomfruøyene (britiske)": "VGB", "gibraltar": "GIB", "andorra": "AND", "somalia": "SOM",
	"eritrea": "ERI", "etiopia": "ETH", "syria": "SYR", "irak": "IRQ", "iran": "IRN",
	"afghanistan": "AFG", "sri lanka": "LKA", "bangladesh": "BGD",
}

// countryFromName is the Code of a country given by name only.
func countryFromName(name string) dossier.Code {
	name = strings.TrimSpace(name)
	if name == "" {
		return dossier.Code{}
	}
	return dossier.Code{Code: countries[strings.ToLower(name)], Description: name}
}
