package rrh

import (
	"errors"
	"fmt"
)

// LimitError is a limit of the full-register readers that was passed:
// the file is refused rather than read without bounds.
type LimitError struct {
	// Limit names the limit: LimitEntries, LimitEntrySize, LimitRatio,
	// LimitRegistrationSize, LimitOwners, LimitPositions or LimitNesting.
	Limit string
	// Max is the limit's value; Entry the zip entry, when in a zip.
	Max   int64
	Entry string
	// Offset is where in the (uncompressed) data it was passed.
	Offset int64
}

// The limits of LimitError.Limit.
const (
	LimitEntries          = "entries"           // more entries in the zip than MaxEntries
	LimitEntrySize        = "entry_size"        // an entry larger than MaxEntrySize
	LimitRatio            = "compression_ratio" // an entry compressed more than MaxRatio
	LimitRegistrationSize = "registration_size" // a registration larger than MaxRegistrationSize
	LimitOwners           = "owners"            // a registration with more than MaxOwners owners
	LimitPositions        = "positions"         // an owner with more than MaxPositions positions
	LimitNesting          = "nesting"           // JSON nested deeper than 64 levels
)

// Error implements error.
func (e *LimitError) Error() string {
	var what string
	switch e.Limit {
	case LimitEntries:
		what = fmt.Sprintf("the zip file holds more than %d entries", e.Max)
	case LimitEntrySize:
		what = fmt.Sprintf("a file in it is larger than %d bytes", e.Max)
	case LimitRatio:
		what = fmt.Sprintf("a file in it is compressed more than %d times, like a zip bomb", e.Max)
	case LimitRegistrationSize:
		what = fmt.Sprintf("one registration is larger than %d bytes", e.Max)
	case LimitOwners:
		what = fmt.Sprintf("one registration has more than %d beneficial owners", e.Max)
	case LimitPositions:
		what = fmt.Sprintf("one beneficial owner has more than %d positions", e.Max)
	case LimitNesting:
		what = fmt.Sprintf("the JSON is nested deeper than %d levels", e.Max)
	default:
		what = "a limit was passed"
	}
	s := "rrh: the download was refused: " + what
	if e.Entry != "" {
		s += " (" + e.Entry + ")"
	}
	return s
}

// FormatError is data that is not the register's format: broken JSON or
// CSV, or a zip that cannot be read.
type FormatError struct {
	// Entry is the zip entry, when in a zip; Offset is about where in the
	// (uncompressed) data the problem is.
	Entry  string
	Offset int64
	Err    error
}

// Error implements error.
func (e *FormatError) Error() string {
	s := "rrh: the download cannot be read"
	if e.Entry != "" {
		s += " (" + e.Entry + ")"
	}
	if e.Offset > 0 {
		s += fmt.Sprintf(" near byte %d", e.Offset)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying error.
func (e *FormatError) Unwrap() error { return e.Err }

// errNoNumber is a registration without an organisation number.
var errNoNumber = errors.New("the registration has no organisation number")
