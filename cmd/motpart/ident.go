package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/ident"
)

// runIdent runs `motpart ident SUBCOMMAND`.
func runIdent(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "check" {
		fmt.Fprint(stderr, "usage: motpart ident check [--country no|se|fi] [--json] [--test-data] [--duns] VALUE...\n")
		return exitUsage
	}
	fs := flag.NewFlagSet("motpart ident check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	country := fs.String("country", "", "only numbers of this country: no, se or fi")
	asJSON := fs.Bool("json", false, "print one JSON array, an object per value")
	testData := fs.Bool("test-data", false, "accept synthetic test identities (Norwegian month + 80)")
	duns := fs.Bool("duns", false, "take 9 digits that are no Norwegian organisation number as DUNS")
	if err := parseFlags(fs, args[1:]); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "motpart ident check: give at least one VALUE")
		return exitUsage
	}
	c, err := ident.ParseCountry(*country)
	if err != nil {
		fmt.Fprintf(stderr, "motpart ident check: %v\n", err)
		return exitUsage
	}
	d := desk.New(desk.Config{AllowTestData: *testData, AllowDUNS: *duns})
	results := make([]ident.Result, 0, fs.NArg())
	status := exitOK
	for _, v := range fs.Args() {
		r := d.Check(v, c)
		if !r.Valid {
			status = exitFailed
		}
		results = append(results, r)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(results); err != nil {
			fmt.Fprintf(stderr, "motpart ident check: %v\n", err)
			return exitFailed
		}
		return status
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "INPUT\tVALID\tKIND\tNORMALIZED\tREASON")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%t\t%s\t%s\t%s\n", r.Input, r.Valid, dash(string(r.Kind)), dash(r.Normalized), dash(string(r.Reason)))
	}
	if err := tw.Flush(); err != nil {
		return exitFailed
	}
	return status
}

// dash stands in for an empty column.
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
