package main

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/motpart/motpart/internal/dossier"
)

// runNotes runs `motpart notes SUBCOMMAND`.
func (s *session) runNotes(args []string) int {
	const usage = "usage: motpart notes add ORGNR TEXT | list [--json] ORGNR | edit ORGNR ID TEXT | remove ORGNR ID\n"
	if len(args) == 0 {
		fmt.Fprint(s.stderr, usage)
		return exitUsage
	}
	sub, args := args[0], args[1:]
	asJSON := false
	if sub == "list" {
		fs := flag.NewFlagSet("motpart notes list", flag.ContinueOnError)
		fs.SetOutput(s.stderr)
		fs.BoolVar(&asJSON, "json", false, "print one JSON array")
		if err := parseFlags(fs, args); err != nil {
			return exitUsage
		}
		args = fs.Args()
	}
	want := map[string]int{"add": 2, "list": 1, "edit": 3, "remove": 2}[sub]
	if want == 0 || len(args) < want || (sub != "add" && sub != "edit" && len(args) != want) {
		fmt.Fprint(s.stderr, usage)
		return exitUsage
	}
	d, status := s.openVault("notes " + sub)
	if d == nil {
		return status
	}
	defer d.Lock()
	orgnr := args[0]
	switch sub {
	case "add":
		n, err := d.AddNote(orgnr, strings.Join(args[1:], " "))
		if err != nil {
			return s.fail("notes add", err)
		}
		fmt.Fprintf(s.stdout, "Added note %s.\n", n.ID)
	case "edit":
		if err := d.EditNote(orgnr, args[1], strings.Join(args[2:], " ")); err != nil {
			return s.fail("notes edit", err)
		}
		fmt.Fprintf(s.stdout, "Changed note %s.\n", args[1])
	case "remove":
		if err := d.RemoveNote(orgnr, args[1]); err != nil {
			return s.fail("notes remove", err)
		}
		fmt.Fprintf(s.stdout, "Removed note %s.\n", args[1])
	case "list":
		notes, err := d.Notes(orgnr)
		if err != nil {
			return s.fail("notes list", err)
		}
		return s.printNotes(notes, asJSON)
	}
	return exitOK
}

// noteJSON is one note in `notes list --json`: dossier.Note without an
// "updated" for a note never changed (a zero time.Time is not omitted by
// encoding/json's omitempty).
type noteJSON struct {
	ID      string     `json:"id"`
	Created time.Time  `json:"created"`
	Updated *time.Time `json:"updated,omitempty"`
	Text    string     `json:"text"`
}

// printNotes writes notes as a JSON array or as a table.
func (s *session) printNotes(notes []dossier.Note, asJSON bool) int {
	if asJSON {
		out := make([]noteJSON, 0, len(notes))
		for _, n := range notes {
			j := noteJSON{ID: n.ID, Created: n.Created, Text: n.Text}
			if !n.Updated.IsZero() {
				j.Updated = &n.Updated
			}
			out = append(out, j)
		}
		if err := s.writeJSON(out); err != nil {
			return s.fail("notes list", err)
		}
		return exitOK
	}
	if len(notes) == 0 {
		fmt.Fprintln(s.stdout, "No notes.")
		return exitOK
	}
	tw := tabwriter.NewWriter(s.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tCHANGED\tTEXT")
	for _, n := range notes {
		changed := "-"
		if !n.Updated.IsZero() {
			changed = n.Updated.Local().Format(time.DateTime)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", n.ID, n.Created.Local().Format(time.DateTime), changed, strings.ReplaceAll(n.Text, "\n", " ⏎ "))
	}
	if err := tw.Flush(); err != nil {
		return exitFailed
	}
	return exitOK
}
