package guikit

import (
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
)

// The formats of numbers, dates and sizes in each interface language. The
// Nordic languages group thousands with a no-break space and write a
// decimal comma (10 000 000 NOK, 74,99 %); English groups with a comma and
// writes a decimal point. Dates are ISO 8601 in English and Swedish (as
// the registers and Swedish usage write them), 03.12.2026 in Norwegian and
// 3.12.2026 in Finnish. A space before a unit or % is a no-break space, so
// a number never wraps away from its unit.

// nbsp is the no-break space between digit groups and before units.
const nbsp = "\u00a0"

// numberStyle is how one language writes numbers, dates and times.
type numberStyle struct {
	group, decimal string
	date           string // time.Format layout of a date
	clock          string // time.Format layout of a time of day
	seconds        string // the same to the second
	units          [4]string
}

var styles = map[string]numberStyle{
	"en": {group: ",", decimal: ".", date: "2006-01-02", clock: "15:04", seconds: "15:04:05", units: [4]string{"bytes", "KB", "MB", "GB"}},
	"sv": {group: nbsp, decimal: ",", date: "2006-01-02", clock: "15:04", seconds: "15:04:05", units: [4]string{"byte", "kB", "MB", "GB"}},
	"nb": {group: nbsp, decimal: ",", date: "02.01.2006", clock: "15:04", seconds: "15:04:05", units: [4]string{"byte", "kB", "MB", "GB"}},
	"fi": {group: nbsp, decimal: ",", date: "2.1.2006", clock: "15.04", seconds: "15.04.05", units: [4]string{"tavua", "kt", "Mt", "Gt"}},
}

// styleOf is the style of language lng; English for a language Motpart
// does not know.
func styleOf(lng string) numberStyle {
	if s, ok := styles[lng]; ok {
		return s
	}
	return styles["en"]
}

// Language is the interface language lang.L speaks now: "en", "sv", "nb"
// or "fi". Each translation file names its own language under the key
// "en", so this follows whatever file Fyne chose.
func Language() string {
	if l := lang.L("en"); l != "" {
		if _, ok := styles[l]; ok {
			return l
		}
	}
	return "en"
}

// Formatter writes numbers, amounts, dates and sizes in one language. The
// zero Formatter writes English.
type Formatter struct {
	s numberStyle
}

// FormatterFor is the Formatter of language lng ("en", "sv", "nb", "fi").
func FormatterFor(lng string) Formatter { return Formatter{s: styleOf(lng)} }

// Format is the Formatter of the interface language now.
func Format() Formatter { return FormatterFor(Language()) }

// style is f's style, English for the zero Formatter.
func (f Formatter) style() numberStyle {
	if f.s.decimal == "" {
		return styles["en"]
	}
	return f.s
}

// Number writes v with decimals digits after the decimal sign and grouped
// thousands: 10 000 000 or 74,99 (sv, nb, fi); 10,000,000 or 74.99 (en).
func (f Formatter) Number(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	return f.digits(s)
}

// Integer writes n with grouped thousands.
func (f Formatter) Integer(n int64) string { return f.digits(strconv.FormatInt(n, 10)) }

// digits regroups a number written as strconv writes it ("-1234.5").
func (f Formatter) digits(s string) string {
	st := f.style()
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "−", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(st.group)
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString(st.decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// Short writes v with at most two decimals, dropping trailing zeros:
// 50, 74,99, 33,3.
func (f Formatter) Short(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	return f.digits(s)
}

// Percent writes a share: "74,99 %", "50 %" (sv, nb, fi); "74.99 %" (en).
func (f Formatter) Percent(v float64) string { return f.Short(v) + nbsp + "%" }

// PercentRange writes a range of shares: "25,01–49,99 %"; one share when
// both ends are equal.
func (f Formatter) PercentRange(min, max float64) string {
	if min == max {
		return f.Percent(min)
	}
	return f.Short(min) + "–" + f.Short(max) + nbsp + "%"
}

// Share writes a share a register gives as text, "50%" or "33,33 %", as
// Percent does; other text (a fraction, words) is returned as it is.
func (f Formatter) Share(s string) string {
	s = strings.TrimSpace(s)
	num, ok := strings.CutSuffix(s, "%")
	if !ok {
		return s
	}
	v, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(num), ",", ".", 1), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return s
	}
	return f.Percent(v)
}

// Amount writes an amount as a register gives it, a decimal number with a
// point and an optional currency after a space ("10000000 NOK",
// "1500.5 EUR"), in the language: "10 000 000 NOK", "1 500,5 EUR". Text
// that is no such amount is returned as it is.
func (f Formatter) Amount(s string) string {
	s = strings.TrimSpace(s)
	num, cur, _ := strings.Cut(s, " ")
	cur = strings.TrimSpace(cur)
	if num == "" || strings.ContainsAny(cur, " ") {
		return s
	}
	if _, err := strconv.ParseFloat(num, 64); err != nil || strings.ContainsAny(num, "eE+") || strings.HasPrefix(num, ".") {
		return s
	}
	out := f.digits(num)
	if cur != "" {
		out += nbsp + cur
	}
	return out
}

// Date writes a date the registers give as YYYY-MM-DD (or a timestamp
// that starts with one) in the language: 2026-12-03 (en, sv), 03.12.2026
// (nb), 3.12.2026 (fi). Anything else (a year, text) is returned as it is.
func (f Formatter) Date(iso string) string {
	iso = strings.TrimSpace(iso)
	if len(iso) < 10 {
		return iso
	}
	d, err := time.Parse("2006-01-02", iso[:10])
	if err != nil || (len(iso) > 10 && iso[10] != 'T' && iso[10] != ' ') {
		return iso
	}
	return d.Format(f.style().date)
}

// Day writes the day of t (in t's location).
func (f Formatter) Day(t time.Time) string { return t.Format(f.style().date) }

// Clock writes the time of day of t (in t's location), to the minute:
// 14:05, or 14.05 in Finnish.
func (f Formatter) Clock(t time.Time) string { return t.Format(f.style().clock) }

// DateTime writes t in local time, to the minute.
func (f Formatter) DateTime(t time.Time) string {
	t = t.Local()
	return f.Day(t) + " " + f.Clock(t)
}

// DateTimeSeconds writes t in local time, to the second.
func (f Formatter) DateTimeSeconds(t time.Time) string {
	t = t.Local()
	return f.Day(t) + " " + t.Format(f.style().seconds)
}

// Bytes writes a size: "512 bytes", "1.5 KB", "2.3 MB" in English; with the
// language's units and decimal sign elsewhere ("1,5 kB", "1,5 kt"). A
// kilobyte is 1024 bytes, as file managers count.
func (f Formatter) Bytes(n int64) string {
	st := f.style()
	if n < 1024 {
		return f.Integer(n) + nbsp + st.units[0]
	}
	v, unit := float64(n)/1024, 1
	for v >= 1024 && unit < len(st.units)-1 {
		v /= 1024
		unit++
	}
	return f.Number(v, 1) + nbsp + st.units[unit]
}
