// Package ident parses, checks and formats Nordic identity numbers:
// Norwegian organisasjonsnummer, fødselsnummer and D-nummer; Swedish
// organisationsnummer, personnummer, samordningsnummer and SCB's 12-digit
// PeOrgNr; Finnish Y-tunnus; and, on request, D-U-N-S numbers.
//
// Parse tells the kind of number from its shape (the number of digits, a
// Swedish "+" separator, an "FI" prefix), optionally narrowed by a country
// hint, then checks the check digits and any birth date. It tolerates what
// people type (spaces, dots, hyphens) and does not allocate for valid input.
//
// Personal numbers are sensitive: errors never contain the input, and
// [Number.Masked] gives a form fit for screens and logs.
package ident

import (
	"fmt"
	"strings"
	"time"
)

// MaxInputLen is the longest input, in bytes, that Parse looks at. Longer
// input fails with [ReasonLength] without being scanned.
const MaxInputLen = 64

// Kind is the kind of an identity number. Its values are part of the
// command line's JSON output and must not change.
type Kind string

// The kinds of identity numbers.
const (
	KindUnknown     Kind = ""                 // nothing recognised
	NOOrgNr         Kind = "no-orgnr"         // Norwegian organisasjonsnummer
	NOFnr           Kind = "no-fnr"           // Norwegian fødselsnummer
	NODnr           Kind = "no-dnr"           // Norwegian D-nummer
	SEOrgNr         Kind = "se-orgnr"         // Swedish organisationsnummer
	SEPnr           Kind = "se-pnr"           // Swedish personnummer
	SESamordningsnr Kind = "se-samordningsnr" // Swedish samordningsnummer
	FIYTunnus       Kind = "fi-ytunnus"       // Finnish Y-tunnus (Business ID)
	DUNS            Kind = "duns"             // D-U-N-S number (Dun & Bradstreet)
)

// Country is an ISO 3166 country code, upper case.
type Country string

// The countries. CountryNone as a hint means "any country"; as the country
// of a number it means the number belongs to none (D-U-N-S).
const (
	CountryNone Country = ""
	CountryNO   Country = "NO" // Norway
	CountrySE   Country = "SE" // Sweden
	CountryFI   Country = "FI" // Finland
)

// Reason says why an input is not a valid identity number.
type Reason string

// The reasons. Check reports only the first five.
const (
	ReasonNone     Reason = ""         // valid
	ReasonLength   Reason = "length"   // wrong number of digits, or input too long
	ReasonFormat   Reason = "format"   // characters or layout that fit no kind
	ReasonChecksum Reason = "checksum" // the check digit is wrong
	ReasonDate     Reason = "date"     // the birth date does not exist, is in the future, or is synthetic test data
	ReasonPersonal Reason = "personal" // a personal number where ParseOrgNr wants an organisation number
)

// Options control Parse. The zero value detects the country from the shape
// and accepts neither test data nor D-U-N-S numbers.
type Options struct {
	// Country, when set, accepts only that country's numbers.
	Country Country
	// AllowTestData accepts synthetic test identities (Norwegian Tenor
	// numbers, month + 80).
	AllowTestData bool
	// AllowDUNS takes a 9-digit number that is not a valid Norwegian
	// organisation number for a D-U-N-S number; with Country SE or FI, any
	// 9 digits. It has no effect when Country is CountryNO.
	AllowDUNS bool
	// Now is the present, used to infer the century of 10-digit Swedish
	// personal numbers and to reject birth dates in the future. Its date is
	// taken in its own location. The zero value means time.Now(); set it
	// once when parsing many numbers, as reading the clock is slow.
	Now time.Time
}

// kind is the compact form of Kind kept in a Number.
type kind uint8

const (
	kUnknown kind = iota
	kNOOrg
	kNOFnr
	kNODnr
	kSEOrg
	kSEPnr
	kSESam
	kFI
	kDUNS
)

var kinds = [...]struct {
	kind     Kind
	country  Country
	personal bool
	desc     string
}{
	kUnknown: {KindUnknown, CountryNone, false, "identity number"},
	kNOOrg:   {NOOrgNr, CountryNO, false, "Norwegian organisation number"},
	kNOFnr:   {NOFnr, CountryNO, true, "Norwegian national identity number"},
	kNODnr:   {NODnr, CountryNO, true, "Norwegian D number"},
	kSEOrg:   {SEOrgNr, CountrySE, false, "Swedish organisation number"},
	kSEPnr:   {SEPnr, CountrySE, true, "Swedish personal identity number"},
	kSESam:   {SESamordningsnr, CountrySE, true, "Swedish coordination number"},
	kFI:      {FIYTunnus, CountryFI, false, "Finnish business ID"},
	kDUNS:    {DUNS, CountryNone, false, "D-U-N-S number"},
}

func (k Kind) code() kind {
	for i := range kinds {
		if kinds[i].kind == k {
			return kind(i)
		}
	}
	return kUnknown
}

// Country returns the country that issues numbers of kind k.
func (k Kind) Country() Country { return kinds[k.code()].country }

// IsPersonal reports whether numbers of kind k identify natural persons.
func (k Kind) IsPersonal() bool { return kinds[k.code()].personal }

// Description returns an English name for k, such as
// "Swedish personal identity number".
func (k Kind) Description() string { return kinds[k.code()].desc }

// ParseCountry parses a country hint such as a --country flag: "no", "NO",
// "se", "fi" in any case, or "" for any country.
func ParseCountry(s string) (Country, error) {
	switch c := Country(strings.ToUpper(strings.TrimSpace(s))); c {
	case CountryNone, CountryNO, CountrySE, CountryFI:
		return c, nil
	}
	return CountryNone, fmt.Errorf("ident: unknown country %q (want NO, SE or FI)", s)
}

// ParseError is the error Parse returns. It never holds the input, which
// may be a personal number.
type ParseError struct {
	Kind      Kind    // what the input was taken for; KindUnknown if nothing fits
	Country   Country // Kind's country
	Reason    Reason  // why it is not valid
	Synthetic bool    // the input is a synthetic test identity (Reason is ReasonDate)
}

// Error returns a message such as
// "ident: Swedish personal identity number: the check digit is wrong".
func (e *ParseError) Error() string {
	var msg string
	switch e.Reason {
	case ReasonLength:
		msg = "wrong number of digits"
	case ReasonFormat:
		msg = "characters or layout not allowed"
	case ReasonChecksum:
		msg = "the check digit is wrong"
	case ReasonDate:
		msg = "the birth date is not valid"
		if e.Synthetic {
			msg = "synthetic test number, test data not allowed"
		}
	case ReasonPersonal:
		msg = "a personal number, not an organisation number"
	default:
		msg = "invalid"
	}
	return "ident: " + e.Kind.Description() + ": " + msg
}

// reason is the compact form of Reason used while parsing.
type reason uint8

const (
	rNone reason = iota
	rLength
	rFormat
	rChecksum
	rDate
	rPersonal
)

var reasons = [...]Reason{ReasonNone, ReasonLength, ReasonFormat, ReasonChecksum, ReasonDate, ReasonPersonal}

// err returns the error for reason r; n holds what the input was taken for.
func (n Number) err(r reason) error {
	return &ParseError{Kind: n.Kind(), Country: n.Country(), Reason: reasons[r], Synthetic: n.syn}
}

// Parse parses s as an identity number of any kind that opt allows:
//
//   - 9 digits: Norwegian organisation number, or else D-U-N-S if allowed;
//   - 11 digits: Norwegian fødselsnummer or D-nummer;
//   - 10 digits: Swedish organisation number (digits 3–4 ≥ 20), personnummer
//     or samordningsnummer (YYMMDD-NNNN, or YYMMDD+NNNN at 100 or older);
//   - 12 digits: Swedish PeOrgNr, "16" and an organisation number or
//     "18", "19" or "20" and a personal number;
//   - 8 digits, 7 digits (the old 6+1 form) or "FI" and 8 digits: Y-tunnus.
//
// Spaces (also U+00A0), dots and hyphens may appear anywhere. With
// opt.Country set, other countries' shapes fail with [ReasonLength]. A
// D-U-N-S number is considered only with opt.AllowDUNS, and never with the
// hint NO; with the hint SE or FI any 9 digits are a D-U-N-S number.
//
// The error is a *[ParseError].
func Parse(s string, opt Options) (Number, error) {
	n, r := parse(s, &opt)
	if r != rNone {
		return Number{}, n.err(r)
	}
	return n, nil
}

// ParseOrgNr is Parse for organisation numbers only: Norwegian and Swedish
// organisation numbers (also as a 16-prefixed PeOrgNr), the Y-tunnus and,
// if allowed, D-U-N-S. A personal number, valid or not, fails with
// [ReasonPersonal].
func ParseOrgNr(s string, opt Options) (Number, error) {
	n, r := parse(s, &opt)
	if n.IsPersonal() {
		r = rPersonal
	}
	if r != rNone {
		return Number{}, n.err(r)
	}
	return n, nil
}

// Result is the outcome of Check, the JSON object of the command line.
type Result struct {
	Input      string  `json:"input"`
	Valid      bool    `json:"valid"`
	Kind       Kind    `json:"kind"`
	Country    Country `json:"country"`
	Normalized string  `json:"normalized"` // String() when valid, else ""
	Reason     Reason  `json:"reason"`     // ReasonNone when valid
}

// Check parses input like Parse and reports the outcome as a Result. An
// invalid input still gets the Kind it was taken for, if any.
func Check(input string, opt Options) Result {
	n, r := parse(input, &opt)
	res := Result{Input: input, Valid: r == rNone, Kind: n.Kind(), Country: n.Country(), Reason: reasons[r]}
	if res.Valid {
		res.Normalized = n.String()
	}
	return res
}

// parse does the work of Parse. On failure, r is not rNone and n holds
// only the kind the input was taken for and the synthetic flag.
func parse(s string, opt *Options) (n Number, r reason) {
	if len(s) > MaxInputLen {
		return Number{}, rLength
	}
	var d [12]byte // the digits, for the checks
	var v uint64   // the same digits as an integer
	nd, plus, fi := 0, -1, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c-'0' <= 9:
			if nd < len(d) {
				d[nd] = c
				v = v*10 + uint64(c-'0')
			}
			nd++
		case c == ' ' || c == '-' || c == '.' || c == '\t' || c == '\n' || c == '\r':
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0: // U+00A0 no-break space
			i++
		case c == '+' && plus < 0:
			plus = nd
		case c|0x20 == 'f' && nd == 0 && !fi && plus < 0 && i+1 < len(s) && s[i+1]|0x20 == 'i':
			fi = true
			i++
		default:
			return Number{}, rFormat
		}
	}
	cc := opt.Country
	switch {
	case fi:
		if plus >= 0 || cc == CountryNO || cc == CountrySE {
			return Number{}, rFormat
		}
		if nd != 8 {
			return Number{k: kFI}, rLength
		}
		return parseFI(&d, v)
	case plus >= 0:
		// Only a Swedish 10-digit personal number has a "+": YYMMDD+NNNN.
		if nd != 10 || plus != 6 || cc == CountryNO || cc == CountryFI {
			return Number{}, rFormat
		}
		if num2(&d, 2) >= 20 {
			return Number{k: kSEOrg}, rFormat
		}
		return parseSE10(&d, v, true, opt)
	case nd == 9 && (cc == CountryNone || cc == CountryNO):
		n, r = parseNOOrg(&d, v)
		if r != rNone && opt.AllowDUNS && cc == CountryNone {
			return Number{v: v, k: kDUNS}, rNone
		}
		return n, r
	case nd == 9 && opt.AllowDUNS:
		return Number{v: v, k: kDUNS}, rNone
	case nd == 11 && (cc == CountryNone || cc == CountryNO):
		return parseNO11(&d, v, opt)
	case nd == 10 && (cc == CountryNone || cc == CountrySE):
		return parseSE10(&d, v, false, opt)
	case nd == 12 && (cc == CountryNone || cc == CountrySE):
		return parseSE12(&d, v, opt)
	case nd == 7 && (cc == CountryNone || cc == CountryFI):
		copy(d[1:8], d[:7])
		d[0] = '0'
		return parseFI(&d, v)
	case nd == 8 && (cc == CountryNone || cc == CountryFI):
		return parseFI(&d, v)
	}
	return Number{}, rLength
}
