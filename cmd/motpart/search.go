package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"text/tabwriter"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
)

// searchUsage is how `motpart search` is called.
const searchUsage = "usage: motpart [--vault PATH] search [--json] [--env sandbox|test|production] NAME...\n"

// runSearch runs `motpart search [--json] [--env E] NAME...`: the units
// whose name matches, as a table or as JSON. Exit status 1 when nothing
// is found or the register could not be asked.
func (s *session) runSearch(args []string) int {
	fs := flag.NewFlagSet("motpart search", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	asJSON := fs.Bool("json", false, "print the hits as JSON")
	env := fs.String("env", "", "sandbox, test or production (default: the setting, or sandbox)")
	if err := parseFlags(fs, args); err != nil || fs.NArg() == 0 {
		fmt.Fprint(s.stderr, searchUsage)
		return exitUsage
	}
	name := strings.Join(fs.Args(), " ")
	d, status := s.openDesk("search", *env)
	if d == nil {
		return status
	}
	defer d.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := d.SearchByName(ctx, name)
	if problem.CodeOf(err) == problem.CodeNoHits && *asJSON {
		res = &dossier.SearchResult{Name: strings.Join(strings.Fields(name), " "), Hits: []dossier.SearchHit{}}
	} else if err != nil {
		return s.fail("search", err)
	}
	if *asJSON {
		if err := s.writeJSON(res); err != nil {
			return s.fail("search", err)
		}
	} else {
		printHits(s, res)
	}
	if len(res.Hits) == 0 {
		return s.fail("search", err)
	}
	return exitOK
}

// printHits writes the hits of a search as a table for a person reading a
// terminal, and says when the list was cut.
func printHits(s *session, res *dossier.SearchResult) {
	tw := tabwriter.NewWriter(s.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NUMBER\tNAME\tFORM\tMUNICIPALITY\tSTATUS")
	for _, h := range res.Hits {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", h.Number, h.Name, dash(h.Form.Code), dash(h.Municipality), dash(hitStatus(h)))
	}
	_ = tw.Flush()
	if res.Total > len(res.Hits) {
		fmt.Fprintf(s.stdout, "\nThe first %d of %d units named %q: type more of the name to narrow the search.\n", len(res.Hits), res.Total, res.Name)
	}
}

// hitStatus says in words what a hit's badges and sub-unit mark mean.
func hitStatus(h dossier.SearchHit) string {
	var words []string
	if h.SubUnit {
		w := "sub-unit"
		if h.Parent != "" {
			w += " of " + h.Parent
		}
		words = append(words, w)
	}
	for _, b := range h.Badges {
		words = append(words, badgeWords(b))
	}
	return strings.Join(words, ", ")
}

// badgeWords says a badge in English.
func badgeWords(b dossier.Badge) string {
	switch b {
	case dossier.BadgeDeleted:
		return "deleted"
	case dossier.BadgeBankrupt:
		return "bankrupt"
	case dossier.BadgeForcedDissolution:
		return "under forced dissolution"
	case dossier.BadgeLiquidation:
		return "under liquidation"
	case dossier.BadgeClosed:
		return "closed"
	}
	return string(b)
}
