package world

import (
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/motpart/motpart/internal/ident"
)

// ValidOrgNr reports whether the nine digits s pass the organisasjonsnummer
// MOD11 check (registries.md §3.3). The simulators check it themselves
// rather than through ident, as the real registers would.
func ValidOrgNr(s string) bool {
	w := [8]int{3, 2, 7, 6, 5, 4, 3, 2}
	sum := 0
	for i, x := range w {
		sum += x * int(s[i]-'0')
	}
	c := 11 - sum%11
	if c == 11 {
		c = 0
	}
	return c != 10 && c == int(s[8]-'0')
}

// BirthDate returns the birth date (YYYY-MM-DD) carried by a synthetic
// fødselsnummer or D-nummer, or "" if id is none.
func BirthDate(id string) string {
	n, err := ident.Parse(id, ident.Options{Country: ident.CountryNO, AllowTestData: true})
	if err != nil {
		return ""
	}
	t, ok := n.BirthDate()
	if !ok {
		return ""
	}
	return t.Format("2006-01-02")
}

// NameLineLen is the longest name line in the register.
const NameLineLen = 35

// NameLines splits a name into lines of at most 35 characters at spaces,
// as the register stores names (grunndata navn1..navn5, REST enhet.navn).
func NameLines(name string) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(name) {
		switch {
		case line == "":
			line = word
		case len([]rune(line))+1+len([]rune(word)) <= NameLineLen:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" || lines == nil {
		lines = append(lines, line)
	}
	return lines
}

// DUNS is the sandbox's D-U-N-S number of the organisation number of a
// country ("NO", "SE", "FI"): nine digits made from the two, never a valid
// Norwegian organisation number, so that no number means two companies.
// Real D-U-N-S numbers are Dun & Bradstreet's and have no check digit.
func DUNS(country, number string) string {
	h := fnv.New32a()
	h.Write([]byte(strings.ToUpper(country) + ":" + digitsOf(number)))
	n := 30_000_000 + h.Sum32()%60_000_000 // 9 digits starting 0 would be read as 8
	s := fmt.Sprintf("%09d", 100_000_000+n)
	for ValidOrgNr(s) {
		n++
		s = fmt.Sprintf("%09d", 100_000_000+n)
	}
	return s
}

// digitsOf returns the digits of s.
func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
