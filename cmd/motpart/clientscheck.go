package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"text/tabwriter"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/problem"
)

// clientsCheckUsage is how `motpart clients check` is called.
const clientsCheckUsage = "usage: motpart [--vault PATH] clients check [--json] [--restart] [--env sandbox|test|production]\n"

// checkReport is what `motpart clients check --json` prints.
type checkReport struct {
	Summary portfolio.Summary  `json:"summary"`
	Changes []portfolio.Change `json:"changes"`
}

// clientsCheck runs `motpart clients check [--json] [--restart]`: checks
// every client (or resumes the interrupted check), with the progress on
// stderr, then prints the summary and the changes found. Ctrl-C pauses
// the check. Exit status 0 when it finished, 1 when it failed or was
// paused, 2 for a usage error.
func (s *session) clientsCheck(args []string) int {
	fs := flag.NewFlagSet("motpart clients check", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	asJSON := fs.Bool("json", false, "print the summary and the changes as JSON")
	restart := fs.Bool("restart", false, "forget an interrupted check and start a new one")
	env := fs.String("env", "", "sandbox, test or production (default: the setting, or sandbox)")
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 0 {
		fmt.Fprint(s.stderr, clientsCheckUsage)
		return exitUsage
	}
	d, status := s.openDesk("clients check", *env)
	if d == nil {
		return status
	}
	defer d.Close()
	if *restart {
		if err := d.AbandonCheck(); err != nil && problem.CodeOf(err) != problem.CodeNoPendingCheck {
			return s.fail("clients check", err)
		}
	} else if p, ok, err := d.PendingCheck(); err != nil {
		return s.fail("clients check", err)
	} else if ok {
		fmt.Fprintf(s.stderr, "Resuming the check started %s (%d of %d clients done).\n", p.Started.Format("2006-01-02 15:04 UTC"), p.Done, p.Total)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var found []portfolio.Change
	shown := -1
	sum, err := d.CheckClients(ctx, func(p portfolio.Progress) {
		// Called on one goroutine, in order: no lock needed.
		found = append(found, p.Found...)
		if p.Phase == portfolio.PhaseLookups && p.Done != shown && (p.Done%25 == 0 || p.Done == p.Total) {
			shown = p.Done
			fmt.Fprintf(s.stderr, "%d of %d\n", p.Done, p.Total)
		}
		if !p.Waiting.IsZero() {
			fmt.Fprintf(s.stderr, "A register asked to slow down: waiting until %s.\n", p.Waiting.Local().Format("15:04:05"))
		}
	})
	if problem.CodeOf(err) == problem.CodeCanceled {
		fmt.Fprintf(s.stderr, "The check is paused at %d of %d clients. Run `motpart clients check` again to resume it, or with --restart to start over.\n", sum.Done, sum.Total)
		return exitFailed
	}
	if err != nil {
		return s.fail("clients check", err)
	}
	found = runChanges(d, sum, found)
	if *asJSON {
		if found == nil {
			found = []portfolio.Change{}
		}
		if err := s.writeJSON(checkReport{Summary: sum, Changes: found}); err != nil {
			return s.fail("clients check", err)
		}
		return exitOK
	}
	printCheck(s, sum, found)
	return exitOK
}

// runChanges returns every change the run found: those the vault keeps
// under the run's id (a resumed run found some before it was paused),
// else those its progress reported.
func runChanges(d *desk.Desk, sum portfolio.Summary, reported []portfolio.Change) []portfolio.Change {
	all, err := d.ClientChanges(portfolio.ChangeFilter{Since: sum.Started})
	if err != nil {
		return reported
	}
	var out []portfolio.Change
	for _, c := range all {
		if strings.HasPrefix(c.ID, sum.Run+"-") {
			out = append(out, c)
		}
	}
	if len(out) < len(reported) {
		return reported
	}
	return out
}

// feedWords says how a check used Norway's change feeds.
func feedWords(f portfolio.FeedUse) string {
	switch f {
	case portfolio.FeedUsed:
		return "read; only the clients they named were looked up again"
	case portfolio.FeedFirstCheck:
		return "first check: every client looked up; the next check reads the feeds from now"
	case portfolio.FeedTooOld:
		return "the register no longer serves them from the last position: every client looked up"
	case portfolio.FeedGap:
		return "they skipped updates: every client looked up"
	case portfolio.FeedUnavailable:
		return "could not be read: every client looked up"
	case portfolio.FeedNoOwnersLog:
		return "the owners register's change log cannot be read with this access (the Partner API has none; the v1 API setting has one): every client looked up"
	}
	return "not used (no Norwegian client)"
}

// printCheck writes a finished check's summary and changes for a person
// reading a terminal.
func printCheck(s *session, sum portfolio.Summary, found []portfolio.Change) {
	fmt.Fprintf(s.stdout, "Checked %d clients: %d looked up, %d settled by the change feeds, %d not settled.\n",
		sum.Done, sum.LookedUp, sum.ViaFeed, sum.Failed)
	fmt.Fprintf(s.stdout, "Norway's change feeds: %s.\n", feedWords(sum.Feed))
	if len(found) == 0 {
		fmt.Fprintln(s.stdout, "No changes found.")
		return
	}
	fmt.Fprintf(s.stdout, "%d changes found (%d high risk):\n\n", sum.Changes, sum.High)
	tw := tabwriter.NewWriter(s.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NUMBER\tNAME\tRISK\tCHANGE\tOLD\tNEW\tDATE")
	for _, c := range found {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.Number, dash(c.Name), c.Risk, portfolio.ReasonText(c.Reason),
			dash(c.Old), dash(c.New), dash(c.Date))
	}
	_ = tw.Flush()
}
