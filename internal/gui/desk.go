package gui

import "github.com/motpart/motpart/internal/ident"

// Desk is what the window asks of Motpart's use cases. internal/desk.Desk
// provides it; cmd/desktop passes one in. Declaring it here keeps the
// window's package free of the vault, the registers and the network, which
// the use cases reach.
type Desk interface {
	// Identify says what a typed number is; the error is an
	// *ident.ParseError when it is not valid.
	Identify(input string, country ident.Country) (ident.Number, error)
}
