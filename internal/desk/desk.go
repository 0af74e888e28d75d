// Package desk holds Motpart's use cases: one method for each thing a user
// does. The window (internal/gui) and the command line (cmd/motpart) both
// call it, so they behave the same. It knows no Fyne and no HTTP details.
package desk

import "github.com/motpart/motpart/internal/ident"

// Config is what a Desk needs to know when it is made.
type Config struct {
	// AllowTestData accepts synthetic test identities (Norwegian Tenor
	// numbers, month + 80). It is true for the sandbox environment.
	AllowTestData bool
	// AllowDUNS takes a 9-digit number that is not a valid Norwegian
	// organisation number as a DUNS number.
	AllowDUNS bool
}

// Desk carries out what a user asks for. Make one with New.
type Desk struct {
	cfg Config
}

// New returns a Desk configured by cfg.
func New(cfg Config) *Desk {
	return &Desk{cfg: cfg}
}

// identOptions are the parsing options this desk's configuration allows.
func (d *Desk) identOptions(country ident.Country) ident.Options {
	return ident.Options{Country: country, AllowTestData: d.cfg.AllowTestData, AllowDUNS: d.cfg.AllowDUNS}
}

// Identify says what input is (which kind of number, from which country)
// and whether it is valid; country narrows the guess when it is not empty.
// When input is not valid the error is an *ident.ParseError that still
// says what the number was taken for and why it fails.
func (d *Desk) Identify(input string, country ident.Country) (ident.Number, error) {
	return ident.Parse(input, d.identOptions(country))
}

// Check is Identify as the command line reports it.
func (d *Desk) Check(input string, country ident.Country) ident.Result {
	return ident.Check(input, d.identOptions(country))
}
