package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/motpart/motpart/internal/problem"
)

// runRRH runs `motpart rrh import [--date D] [--replace-smaller] FILE`
// and `motpart rrh refresh`.
func (s *session) runRRH(args []string) int {
	const usage = "usage: motpart [--vault PATH] rrh import [--date YYYY-MM-DD] [--replace-smaller] FILE | refresh\n"
	if len(args) == 1 && args[0] == "refresh" {
		return s.rrhRefresh()
	}
	if len(args) == 0 || args[0] != "import" {
		fmt.Fprint(s.stderr, usage)
		return exitUsage
	}
	fs := flag.NewFlagSet("motpart rrh import", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	date := fs.String("date", "", "the download's date (default: the file's modification date)")
	replaceSmaller := fs.Bool("replace-smaller", false, "replace the copy even with a download of fewer than half its organisations")
	if err := parseFlags(fs, args[1:]); err != nil || fs.NArg() != 1 {
		fmt.Fprint(s.stderr, usage)
		return exitUsage
	}
	if *date != "" {
		if _, err := time.Parse(time.DateOnly, *date); err != nil {
			fmt.Fprintf(s.stderr, "motpart rrh import: --date %q: want YYYY-MM-DD\n", *date)
			return exitUsage
		}
	}
	d, status := s.openVault("rrh import")
	if d == nil {
		return status
	}
	defer d.Lock()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	last := time.Now()
	confirm := func(int, int) bool { return *replaceSmaller }
	info, err := d.ImportOwnersCopy(ctx, fs.Arg(0), *date, confirm, func(read, total int64, n int) {
		if time.Since(last) < time.Second {
			return
		}
		last = time.Now()
		if total > 0 {
			fmt.Fprintf(s.stderr, "\r%3d%%  %d organisations", read*100/total, n)
		}
	})
	fmt.Fprint(s.stderr, "\r")
	if err != nil {
		status := s.fail("rrh import", err)
		if problem.CodeOf(err) == problem.CodeSmallerImport {
			fmt.Fprintln(s.stderr, "motpart rrh import: to replace the copy with this download, run the import again with --replace-smaller")
		}
		return status
	}
	fmt.Fprintf(s.stdout, "Imported the copy of %s: %d organisations in %.1f s.\n", info.Date, info.Registrations, time.Since(start).Seconds())
	return exitOK
}

// rrhRefresh runs `motpart rrh refresh`: the offline copy brought up to
// date from the register's change log.
func (s *session) rrhRefresh() int {
	d, status := s.openVault("rrh refresh")
	if d == nil {
		return status
	}
	defer d.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	n, err := d.RefreshOwnersCopy(ctx)
	if err != nil {
		fmt.Fprintf(s.stdout, "Updated %d organisations before stopping.\n", n)
		return s.fail("rrh refresh", err)
	}
	fmt.Fprintf(s.stdout, "Updated %d organisations from the change log.\n", n)
	return exitOK
}
