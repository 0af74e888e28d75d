package ident

import (
	"log/slog"
	"time"
)

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

// sep returns d with c inserted before d[i].
func sep(d []byte, i int, c byte) string {
	var b [13]byte
	copy(b[:i], d[:i])
	b[i] = c
	copy(b[i+1:], d[i:])
	return string(b[:len(d)+1])
}
