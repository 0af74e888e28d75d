package main

import "flag"

// parseFlags parses args with fs the way people type command lines: flags
// may stand before, between or after the positional arguments
// (`cert import FILE --name byraa`). Everything after a lone "--" is
// positional. Afterwards fs.Args() holds the positional arguments in order.
func parseFlags(fs *flag.FlagSet, args []string) error {
	var head, tail []string
	head = args
	for i, a := range args {
		if a == "--" {
			head, tail = args[:i], args[i+1:]
			break
		}
	}
	var positional []string
	for {
		if err := fs.Parse(head); err != nil {
			return err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		positional = append(positional, rest[0])
		head = rest[1:]
	}
	positional = append(positional, tail...)
	// A leading "--" makes the flag package take every word as positional.
	return fs.Parse(append([]string{"--"}, positional...))
}
