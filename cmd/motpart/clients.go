package main

import "fmt"

// CONTRACT: the helper "deskclients" writes this file (clients import,
// list, add, remove, changes, export and the usage); "deskcheck" writes
// clientscheck.go (clients check).

// clientsUsage is the usage of `motpart clients`.
const clientsUsage = `usage: motpart [--vault PATH] clients import|list|add|remove|check|changes|export ...
`

// runClients runs `motpart clients ...`.
func (s *session) runClients(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(s.stderr, clientsUsage)
		return exitUsage
	}
	switch args[0] {
	case "check":
		return s.clientsCheck(args[1:])
	}
	fmt.Fprint(s.stderr, clientsUsage)
	return exitUsage
}
