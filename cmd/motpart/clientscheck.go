package main

import "fmt"

// CONTRACT: the helper "deskcheck" writes this file.

// clientsCheck runs `motpart clients check [--json]`.
func (s *session) clientsCheck(args []string) int {
	fmt.Fprintln(s.stderr, "motpart clients check: not built yet")
	return exitUsage
}
