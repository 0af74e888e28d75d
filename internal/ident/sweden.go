package ident

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
