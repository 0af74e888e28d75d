// Command motpart is Motpart's command line. It needs no display and no cgo:
//
//	motpart ident check [--country no|se|fi] [--json] [--test-data] [--duns] VALUE...
//
// Run `motpart help` for every command.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit statuses shared by every command.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

// usage is the overview `motpart help` prints.
const usage = `Motpart: certificates, company lookups and AML documents for Nordic accounting firms.

Usage:
  motpart ident check [--country no|se|fi] [--json] [--test-data] [--duns] VALUE...
      Say what each number is and whether it is valid.
      Exit status 0 when all are valid, 1 when any is not, 2 on a usage error.

  motpart help
      Show this text.
`

// run carries out one command line and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "ident":
		return runIdent(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "motpart: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}
