package classify

import (
	"errors"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/ident"
)

// NumberStatus says whether a customer file's cell holds a usable number.
type NumberStatus uint8

// The statuses of a Number.
const (
	StatusEmpty   NumberStatus = iota // the cell is blank
	StatusValid                       // a valid Swedish organisation or personal number
	StatusInvalid                     // something else; Reason says why
)

// Number is a customer file's cell normalised: a Swedish organisation
// number, personnummer or samordningsnummer in any of the forms people
// type (with or without a hyphen or spaces, 10 or 12 digits, "16" before
// an organisation number, "19" or "20" before a personal number).
type Number struct {
	Status NumberStatus
	// Reason says why the number is not valid (StatusInvalid):
	// ident.ReasonLength, ReasonFormat, ReasonChecksum or ReasonDate.
	Reason ident.Reason
	// Kind is what the number is, or was taken for when it is not valid.
	Kind ident.Kind
	// PeOrgNr is SCB's 12-digit form. For a 10-digit personal number the
	// century is inferred (the person is under 100 unless the separator
	// is "+"), and Century is false: the lookup then tries the others too.
	PeOrgNr string
	Century bool

	key uint64 // PeOrgNr as an integer; the 10 digits when !Century
}

// Personal reports whether n is a personal number (a sole trader's or a
// private person's).
func (n Number) Personal() bool { return n.Kind.IsPersonal() }

// ReasonText returns an English explanation of Reason, for the output's
// reason column.
func (n Number) ReasonText() string {
	switch n.Status {
	case StatusEmpty:
		return "no number"
	case StatusValid:
		return ""
	}
	return reasonText(n.Reason)
}

func reasonText(r ident.Reason) string {
	switch r {
	case ident.ReasonLength:
		return "wrong number of digits"
	case ident.ReasonFormat:
		return "characters or layout that fit no Swedish number"
	case ident.ReasonChecksum:
		return "the check digit is wrong"
	case ident.ReasonDate:
		return "the birth date is not valid"
	}
	return "not a Swedish organisation or personal number"
}

// Normalize parses a cell of a customer file. now (zero for time.Now())
// gives the century of a 10-digit personal number.
func Normalize(s string, now time.Time) Number {
	s = strings.TrimSpace(s)
	if s == "" {
		return Number{Status: StatusEmpty}
	}
	p, err := ident.Parse(s, ident.Options{Country: ident.CountrySE, Now: now})
	if err != nil {
		n := Number{Status: StatusInvalid, Reason: ident.ReasonFormat}
		var pe *ident.ParseError
		if errors.As(err, &pe) {
			n.Reason, n.Kind = pe.Reason, pe.Kind
		}
		return n
	}
	n := Number{Status: StatusValid, Kind: p.Kind(), PeOrgNr: p.PeOrgNr(), Century: true}
	n.key, _ = digits(n.PeOrgNr, 12)
	if p.IsPersonal() && countDigits(s) == 10 {
		n.Century = false
	}
	return n
}

// countDigits counts the ASCII digits of s.
func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]-'0' <= 9 {
			n++
		}
	}
	return n
}
