package sheet

import "fmt"

// FormatError is a file that cannot be read.
type FormatError struct {
	// Entry is the zip entry, when in a zip; Line the line (from 1) or
	// row where the problem is, when known.
	Entry string
	Line  int
	Err   error
}

// Error implements error.
func (e *FormatError) Error() string {
	s := "the file cannot be read"
	if e.Entry != "" {
		s += " (" + e.Entry + ")"
	}
	if e.Line > 0 {
		s += fmt.Sprintf(" at line %d", e.Line)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *FormatError) Unwrap() error { return e.Err }

// LimitError is a limit that a file passed: it is refused rather than read
// without bounds.
type LimitError struct {
	// Limit is LimitLine, LimitEntries, LimitEntrySize or LimitRatio.
	Limit string
	// Max is the limit's value; Entry the zip entry, when in a zip; Line
	// the line, for LimitLine.
	Max   int64
	Entry string
	Line  int
}

// The limits of LimitError.Limit.
const (
	LimitLine      = "line_length"       // a line longer than allowed
	LimitEntries   = "entries"           // more zip entries than allowed
	LimitEntrySize = "entry_size"        // a zip entry larger than allowed
	LimitRatio     = "compression_ratio" // a zip entry compressed more than allowed
)

// Error implements error.
func (e *LimitError) Error() string {
	var what string
	switch e.Limit {
	case LimitLine:
		what = fmt.Sprintf("line %d is longer than %d bytes", e.Line, e.Max)
	case LimitEntries:
		what = fmt.Sprintf("the zip file holds more than %d entries", e.Max)
	case LimitEntrySize:
		what = fmt.Sprintf("a file in it is larger than %d bytes", e.Max)
	case LimitRatio:
		what = fmt.Sprintf("a file in it is compressed more than %d times, like a zip bomb", e.Max)
	default:
		what = "a limit was passed"
	}
	s := "the file was refused: " + what
	if e.Entry != "" {
		s += " (" + e.Entry + ")"
	}
	return s
}
