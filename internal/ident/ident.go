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
	"log/slog"
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

// Number is a valid identity number. Its zero value is no number (kind
// KindUnknown). Numbers are small and comparable: two Numbers are == when
// they are the same number of the same kind, so they can be map keys.
//
// String and fmt's %v show personal numbers in full; use Masked for logs.
// In log/slog, a Number logs as Masked.
type Number struct {
	v   uint64 // the canonical digits as an integer (for speed, not a byte array)
	k   kind
	syn bool
}

// ndigits is the number of canonical digits for each kind.
var ndigits = [...]uint8{kNOOrg: 9, kNOFnr: 11, kNODnr: 11, kSEOrg: 10, kSEPnr: 12, kSESam: 12, kFI: 8, kDUNS: 9}

// Kind returns the kind of n.
func (n Number) Kind() Kind { return kinds[n.k].kind }

// Country returns the country that issued n; CountryNone for D-U-N-S.
func (n Number) Country() Country { return kinds[n.k].country }

// IsValid reports whether n is a number, not the zero Number.
func (n Number) IsValid() bool { return n.k != kUnknown }

// IsPersonal reports whether n identifies a natural person.
func (n Number) IsPersonal() bool { return kinds[n.k].personal }

// Synthetic reports whether n is a synthetic test identity.
func (n Number) Synthetic() bool { return n.syn }

// Digits returns the digits of the canonical form, without separators:
// 12 for Swedish personal numbers, 10 for Swedish organisation numbers,
// 8 for the Y-tunnus.
func (n Number) Digits() string {
	d := n.digits()
	return string(d[:ndigits[n.k]])
}

// digits returns the canonical digits in ASCII.
func (n Number) digits() (d [12]byte) {
	v := n.v
	for i := int(ndigits[n.k]) - 1; i >= 0; i-- {
		d[i] = byte('0' + v%10)
		v /= 10
	}
	return d
}

// String returns the canonical form: bare digits for Norwegian numbers and
// D-U-N-S, NNNNNN-NNNN for Swedish organisation numbers, YYYYMMDD-NNNN for
// Swedish personal numbers and NNNNNNN-C for the Y-tunnus. Parse, with the
// same Options, gives n back. It is "" for the zero Number.
func (n Number) String() string {
	d := n.digits()
	switch n.k {
	case kSEOrg:
		return sep(d[:10], 6, '-')
	case kSEPnr, kSESam:
		return sep(d[:12], 8, '-')
	case kFI:
		return sep(d[:8], 7, '-')
	}
	return n.Digits()
}

// Masked returns String with the individual digits of personal numbers
// hidden, for display and logs: "19811218-****", "010180 *****". Other
// numbers are not personal data and come back unchanged.
func (n Number) Masked() string {
	d := n.digits()
	switch n.k {
	case kNOFnr, kNODnr:
		return string(d[:6]) + " *****"
	case kSEPnr, kSESam:
		return string(d[:8]) + "-****"
	}
	return n.String()
}

// LogValue implements [slog.LogValuer]: a Number logs as Masked.
func (n Number) LogValue() slog.Value { return slog.StringValue(n.Masked()) }

// PeOrgNr returns SCB's 12-digit form of a Swedish number: "16" and the
// organisation number, or the personal number with its century. It is ""
// for other countries' numbers.
func (n Number) PeOrgNr() string {
	d := n.digits()
	switch n.k {
	case kSEOrg:
		return "16" + string(d[:10])
	case kSEPnr, kSESam:
		return string(d[:12])
	}
	return ""
}

// TenDigit returns the 10-digit form of a Swedish number. For personal
// numbers the separator is "+" if the person is 100 or older at now (the
// zero time means time.Now()) and "-" otherwise: YYMMDD-NNNN. It is "" for
// other countries' numbers, and for personal numbers the 10-digit form
// cannot express at now: born after now, or 200 or more years before.
func (n Number) TenDigit(now time.Time) string {
	d := n.digits()
	switch n.k {
	case kSEOrg:
		return sep(d[:10], 6, '-')
	case kSEPnr, kSESam:
		y, m, day, _ := n.birth()
		b, t := y*10000+m*100+day, today(now)
		switch {
		case b > t || b+2000000 <= t:
			return "" // born after now, or 200 or more years before
		case b+1000000 <= t:
			return sep(d[2:12], 6, '+')
		}
		return sep(d[2:12], 6, '-')
	}
	return ""
}

// VAT returns the EU VAT number of a Finnish Y-tunnus: "FI" and the eight
// digits. It is "" for other kinds.
func (n Number) VAT() string {
	if n.k != kFI {
		return ""
	}
	d := n.digits()
	return "FI" + string(d[:8])
}

// BirthDate returns the birth date (UTC midnight) carried by a personal
// number, with the D-nummer and samordningsnummer day offsets and the
// synthetic month offset removed. ok is false for other kinds.
func (n Number) BirthDate() (t time.Time, ok bool) {
	y, m, d, ok := n.birth()
	if !ok {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

func (n Number) birth() (y, m, d int, ok bool) {
	ds := n.digits()
	switch n.k {
	case kNOFnr, kNODnr:
		y, m, d, _, ok = noBirth(&ds)
		return y, m, d, ok
	case kSEPnr, kSESam:
		y, m, d = num2(&ds, 0)*100+num2(&ds, 2), num2(&ds, 4), num2(&ds, 6)
		if n.k == kSESam {
			d -= 60
		}
		return y, m, d, true
	}
	return 0, 0, 0, false
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

var (
	wNOOrg = [...]byte{3, 2, 7, 6, 5, 4, 3, 2}
	wNOK1  = [...]byte{3, 7, 6, 1, 8, 9, 4, 5, 2}
	wNOK2  = [...]byte{5, 4, 3, 2, 7, 6, 5, 4, 3, 2}
	wFI    = [...]byte{7, 9, 10, 5, 8, 4, 2}
)

// mod11 reports whether the digit after the len(w) weighted digits of d is
// the MOD11 check digit: 11 - sum%11, where 11 means 0 and 10 means that no
// check digit fits.
func mod11(d []byte, w []byte) bool {
	s := 0
	for i, x := range w {
		s += int(x) * int(d[i]-'0')
	}
	c := 11 - s%11
	if c == 11 {
		c = 0
	}
	return c != 10 && c == int(d[len(w)]-'0')
}

// luhn reports whether the 10 digits d pass the Luhn check, weights
// 2,1,2,1,... from the left.
func luhn(d []byte) bool {
	s := 0
	for i := 0; i < 10; i += 2 {
		x := int(d[i]-'0') * 2
		s += x/10 + x%10 + int(d[i+1]-'0')
	}
	return s%10 == 0
}

func num2(d *[12]byte, i int) int { return int(d[i]-'0')*10 + int(d[i+1]-'0') }

func parseNOOrg(d *[12]byte, v uint64) (Number, reason) {
	if !mod11(d[:9], wNOOrg[:]) {
		return Number{k: kNOOrg}, rChecksum
	}
	return Number{v: v, k: kNOOrg}, rNone
}

func parseFI(d *[12]byte, v uint64) (Number, reason) {
	if !mod11(d[:8], wFI[:]) {
		return Number{k: kFI}, rChecksum
	}
	return Number{v: v, k: kFI}, rNone
}

// noBirth decodes the birth date of a Norwegian fødselsnummer or D-nummer
// (DDMMYYIIIKK): D-nummer day + 40, synthetic month + 80, century from the
// individual number III. ok is false when no century fits; the date itself
// is not checked.
func noBirth(d *[12]byte) (y, m, day int, syn, ok bool) {
	day, m, yy, ind := num2(d, 0), num2(d, 2), num2(d, 4), int(d[6]-'0')*100+num2(d, 7)
	if d[0] >= '4' {
		day -= 40
	}
	if m > 80 && m <= 92 {
		m -= 80
		syn = true
	}
	switch {
	case ind < 500:
		y = 1900 + yy
	case ind < 750 && yy >= 54:
		y = 1800 + yy
	case yy < 40:
		y = 2000 + yy
	case ind >= 900:
		y = 1900 + yy
	default:
		return 0, 0, 0, syn, false
	}
	return y, m, day, syn, true
}

func parseNO11(d *[12]byte, v uint64, opt *Options) (Number, reason) {
	k := kNOFnr
	if d[0] >= '4' {
		k = kNODnr
	}
	if !mod11(d[:10], wNOK1[:]) || !mod11(d[:11], wNOK2[:]) {
		return Number{k: k}, rChecksum
	}
	y, m, day, syn, ok := noBirth(d)
	if !ok || !validDate(y, m, day) || !notFuture(y*10000+m*100+day, opt) || syn && !opt.AllowTestData {
		return Number{k: k, syn: syn}, rDate
	}
	return Number{v: v, k: k, syn: syn}, rNone
}

// parseSE10 parses 10 Swedish digits. A personal number gets its century
// from opt.Now: the birth date is within 100 years before it, or, with a
// "+" separator, 100 years or more before it.
func parseSE10(d *[12]byte, v uint64, plus bool, opt *Options) (Number, reason) {
	if num2(d, 2) >= 20 {
		if !luhn(d[:10]) {
			return Number{k: kSEOrg}, rChecksum
		}
		return Number{v: v, k: kSEOrg}, rNone
	}
	k, day := kSEPnr, num2(d, 4)
	if day > 60 {
		k, day = kSESam, day-60
	}
	if !luhn(d[:10]) {
		return Number{k: k}, rChecksum
	}
	t := today(opt.Now)
	m := num2(d, 2)
	y := t/1000000*100 + num2(d, 0)
	if y*10000+m*100+day > t {
		y -= 100
	}
	if plus {
		y -= 100
	}
	// The 12-digit form knows only the centuries 18, 19 and 20.
	if y < 1800 || y > 2099 || !validDate(y, m, day) {
		return Number{k: k}, rDate
	}
	return Number{v: uint64(y/100)*1e10 + v, k: k}, rNone
}

// parseSE12 parses SCB's 12-digit PeOrgNr and the 12-digit personnummer.
func parseSE12(d *[12]byte, v uint64, opt *Options) (Number, reason) {
	switch c := num2(d, 0); c {
	case 16:
		if num2(d, 4) < 20 {
			return Number{k: kSEOrg}, rFormat
		}
		if !luhn(d[2:12]) {
			return Number{k: kSEOrg}, rChecksum
		}
		return Number{v: v - 16e10, k: kSEOrg}, rNone
	case 18, 19, 20:
		k, day := kSEPnr, num2(d, 6)
		if day > 60 {
			k, day = kSESam, day-60
		}
		if !luhn(d[2:12]) {
			return Number{k: k}, rChecksum
		}
		y, m := c*100+num2(d, 2), num2(d, 4)
		if !validDate(y, m, day) || !notFuture(y*10000+m*100+day, opt) {
			return Number{k: k}, rDate
		}
		return Number{v: v, k: k}, rNone
	}
	return Number{}, rFormat
}

var monthDays = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= monthDays[m] || m == 2 && d == 29 && y%4 == 0 && (y%100 != 0 || y%400 == 0)
}

// today returns the date of now (time.Now() if zero) as YYYYMMDD.
func today(now time.Time) int {
	if now.IsZero() {
		now = time.Now()
	}
	y, m, d := now.Date()
	return y*10000 + int(m)*100 + d
}

// clockFloor is a date the system clock is surely past. Dates before it
// are not in the future, so the slow clock need not be read for them.
const clockFloor = 20260101

// notFuture reports whether the date ymd (YYYYMMDD) is not after opt.Now.
func notFuture(ymd int, opt *Options) bool {
	if opt.Now.IsZero() && ymd < clockFloor {
		return true
	}
	return ymd <= today(opt.Now)
}

// sep returns d with c inserted before d[i].
func sep(d []byte, i int, c byte) string {
	var b [13]byte
	copy(b[:i], d[:i])
	b[i] = c
	copy(b[i+1:], d[i:])
	return string(b[:len(d)+1])
}

// NineDigits returns the nine digits in s, which may carry the spaces,
// dots, hyphens and tabs people type, and whether s holds nine digits and
// nothing else. It does not check the MOD11 check digit: it is for numbers
// passed on to a register, which judges them itself (its own examples use
// placeholders that fail the check).
func NineDigits(s string) (string, bool) {
	var b [9]byte
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			if n == len(b) {
				return "", false
			}
			b[n] = c
			n++
		case c == ' ' || c == '.' || c == '-' || c == '\t':
		default:
			return "", false
		}
	}
	return string(b[:n]), n == len(b)
}

// IsNineDigits reports whether s is exactly nine ASCII digits, as a
// register writes an organisation number.
func IsNineDigits(s string) bool {
	d, ok := NineDigits(s)
	return ok && d == s
}
