package ident

func parseNOOrg(d *[12]byte, v uint64) (Number, reason) {
	if !mod11(d[:9], wNOOrg[:]) {
		return Number{k: kNOOrg}, rChecksum
	}
	return Number{v: v, k: kNOOrg}, rNone
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
