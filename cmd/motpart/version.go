package main

import (
	"flag"
	"fmt"

	"github.com/motpart/motpart/internal/setup"
)

// runVersion runs `motpart version [--json]`.
func (s *session) runVersion(args []string) int {
	fs := flag.NewFlagSet("motpart version", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 0 {
		fmt.Fprint(s.stderr, "usage: motpart version [--json]\n")
		return exitUsage
	}
	b := setup.BuildInfo()
	if *asJSON {
		if err := s.writeJSON(b); err != nil {
			return s.fail("version", err)
		}
		return exitOK
	}
	fmt.Fprintf(s.stdout, "Motpart %s\n", b.Version)
	if b.Commit != "" {
		state := ""
		if b.Modified {
			state = " (with changes not committed)"
		}
		fmt.Fprintf(s.stdout, "commit   %s%s\n", b.Commit, state)
	}
	if !b.Date.IsZero() {
		fmt.Fprintf(s.stdout, "built    from the commit of %s\n", b.Date.Format("2006-01-02 15:04 MST"))
	}
	fmt.Fprintf(s.stdout, "Go       %s, %s\n", b.Go, b.Platform)
	return exitOK
}
