// Package dossier is the vocabulary of what Motpart shows about a company,
// whatever the source: plain data types, no I/O. This far it holds the
// firm's own notes on a client.
package dossier

import "time"

// MaxNoteLen is the longest note text, in bytes.
const MaxNoteLen = 10_000

// Note is one dated note the firm keeps on a client for its KYC file.
type Note struct {
	// ID is short and unique among the client's notes ("1", "2", ...).
	ID string `json:"id"`
	// Created is when the note was written, in UTC.
	Created time.Time `json:"created"`
	// Updated is when the text was last changed, in UTC; zero if never.
	Updated time.Time `json:"updated,omitempty"`
	// Text is the note itself.
	Text string `json:"text"`
}
