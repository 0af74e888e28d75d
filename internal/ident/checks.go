package ident

import "time"

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
