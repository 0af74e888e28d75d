package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/motpart/motpart/internal/dossier"
)

// scbUsage is the usage of `motpart scb`.
const scbUsage = `usage: motpart [--vault PATH] scb sector-file [--refresh] [--json] [--env sandbox|test|production]
       motpart [--vault PATH] scb classify IN.{csv,xlsx} --out OUT.{csv,xlsx} [--column NAME] [--sector-file FILE] [--format csv|xlsx] [--json-summary] [--force]
`

// runSCB runs `motpart scb sector-file` and `motpart scb classify`.
func (s *session) runSCB(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(s.stderr, scbUsage)
		return exitUsage
	}
	switch args[0] {
	case "sector-file":
		return s.scbSectorFile(args[1:])
	case "classify":
		return s.scbClassify(args[1:])
	}
	fmt.Fprint(s.stderr, scbUsage)
	return exitUsage
}

// scbSectorFile runs `motpart scb sector-file [--refresh] [--json]`: how
// old the vault's copy of SCB's sector file is, or a new one downloaded.
func (s *session) scbSectorFile(args []string) int {
	fs := flag.NewFlagSet("motpart scb sector-file", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	refresh := fs.Bool("refresh", false, "download the sector file from SCB and keep it in the vault")
	asJSON := fs.Bool("json", false, "print the copy's description as JSON")
	env := fs.String("env", "", "sandbox, test or production (default: the setting, or sandbox)")
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 0 {
		fmt.Fprint(s.stderr, scbUsage)
		return exitUsage
	}
	d, status := s.openDesk("scb sector-file", *env)
	if d == nil {
		return status
	}
	defer d.Close()
	var info dossier.SectorFileInfo
	var err error
	ok := true
	if *refresh {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		last := time.Now()
		info, err = d.RefreshSectorFile(ctx, func(read, total int64) {
			if time.Since(last) < time.Second {
				return
			}
			last = time.Now()
			if total > 0 {
				fmt.Fprintf(s.stderr, "\r%3d%%  %s", read*100/total, sizeWords(read))
			} else {
				fmt.Fprintf(s.stderr, "\r%s", sizeWords(read))
			}
		})
		fmt.Fprint(s.stderr, "\r")
	} else {
		info, ok, err = d.SectorFile()
	}
	if err != nil {
		return s.fail("scb sector-file", err)
	}
	if *asJSON {
		var v any = info
		if !ok {
			v = nil
		}
		if err := s.writeJSON(v); err != nil {
			return s.fail("scb sector-file", err)
		}
		if !ok {
			return exitFailed
		}
		return exitOK
	}
	if !ok {
		fmt.Fprintln(s.stdout, "The vault holds no copy of SCB's sector file: run `motpart scb sector-file --refresh`.")
		return exitFailed
	}
	age := time.Since(info.Date).Round(time.Hour)
	fmt.Fprintf(s.stdout, "SCB's sector file from %s (%s old): %d units, %s.\n",
		info.Date.Local().Format("2006-01-02 15:04"), ageWords(age), info.Rows, sizeWords(info.Size))
	return exitOK
}

// scbClassify runs `motpart scb classify IN --out OUT ...`.
func (s *session) scbClassify(args []string) int {
	fs := flag.NewFlagSet("motpart scb classify", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	out := fs.String("out", "", "the classified file to write (.csv or .xlsx)")
	column := fs.String("column", "", "the column holding the numbers: its header, or #N for the Nth (default: found)")
	sectorFile := fs.String("sector-file", "", "SCB's sector file to use, its zip or the sektor.txt in it (default: the vault's copy)")
	format := fs.String("format", "", "csv or xlsx (default: from --out's extension)")
	jsonSummary := fs.Bool("json-summary", false, "print the summary as JSON")
	force := fs.Bool("force", false, "overwrite --out if it exists")
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 1 || *out == "" {
		fmt.Fprint(s.stderr, scbUsage)
		return exitUsage
	}
	if *format != "" && *format != "csv" && *format != "xlsx" {
		fmt.Fprintf(s.stderr, "motpart scb classify: --format %q: want csv or xlsx\n", *format)
		return exitUsage
	}
	in := fs.Arg(0)
	if a, errA := filepath.Abs(in); errA == nil {
		if b, errB := filepath.Abs(*out); errB == nil && a == b {
			fmt.Fprintln(s.stderr, "motpart scb classify: --out must not be the customer file itself")
			return exitUsage
		}
	}
	if _, err := os.Lstat(*out); err == nil && !*force {
		fmt.Fprintf(s.stderr, "motpart scb classify: %s exists; give --force to overwrite it\n", *out)
		return exitFailed
	}
	d := s.desk()
	defer d.Close()
	// A named sector file needs no vault; the vault's copy does.
	if *sectorFile == "" {
		if err := s.unlock(d); err != nil {
			return s.fail("scb classify", err)
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	last := time.Now()
	sum, err := d.ClassifyCustomers(ctx, in, *out, *column, *format, *sectorFile, func(done, total int) {
		if done == 0 || time.Since(last) < time.Second {
			return
		}
		last = time.Now()
		fmt.Fprintf(s.stderr, "\r%d of about %d rows", done, total)
	})
	fmt.Fprint(s.stderr, "\r")
	if err != nil {
		return s.fail("scb classify", err)
	}
	if *jsonSummary {
		if err := s.writeJSON(sum); err != nil {
			return s.fail("scb classify", err)
		}
		return exitOK
	}
	printSummary(s.stdout, sum, *out, time.Since(start))
	return exitOK
}

// printSummary writes a classification's counts, by sector and by legal
// form, most first.
func printSummary(w io.Writer, sum dossier.ClassifySummary, out string, took time.Duration) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	defer tw.Flush()
	fmt.Fprintf(tw, "Classified %d rows into %s in %.1f s", sum.Rows, out, took.Seconds())
	if sum.Column != "" {
		fmt.Fprintf(tw, " (numbers from the column %q)", sum.Column)
	}
	fmt.Fprintln(tw, ".")
	fmt.Fprintf(tw, "Matched:\t%d\n", sum.Matched)
	fmt.Fprintf(tw, "Sole traders:\t%d\n", sum.SoleTraders)
	fmt.Fprintf(tw, "Not in the sector file:\t%d\n", sum.NotInFile)
	fmt.Fprintf(tw, "Invalid numbers:\t%d\n", sum.Invalid)
	for _, c := range byCount(sum.BySector) {
		fmt.Fprintf(tw, "Sector %s:\t%d\t%s\n", c, sum.BySector[c], sum.SectorTexts[c])
	}
	for _, c := range byCount(sum.ByLegalForm) {
		fmt.Fprintf(tw, "Legal form %s:\t%d\t%s\n", c, sum.ByLegalForm[c], sum.LegalFormTexts[c])
	}
}

// byCount returns m's keys, the largest count first, then by key.
func byCount(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if m[a] != m[b] {
			return m[b] - m[a]
		}
		return strings.Compare(a, b)
	})
	return keys
}

// sizeWords is a size in bytes, KB or MB.
func sizeWords(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// ageWords is an age in hours or days.
func ageWords(d time.Duration) string {
	switch {
	case d < time.Hour:
		return "less than an hour"
	case d < 48*time.Hour:
		return fmt.Sprintf("%d hours", int(d.Hours()))
	}
	return fmt.Sprintf("%d days", int(d.Hours()/24))
}

// printSwedish writes what SCB says beside the common facts: the owner
// category, the statuses, the seat, and what the subscription leaves out.
func printSwedish(tw io.Writer, c *dossier.Company) {
	sw := c.Swedish
	if sw == nil {
		return
	}
	code := func(label string, v dossier.Code) {
		if v.Code == "" && v.Description == "" {
			return
		}
		fmt.Fprintf(tw, "%s:\t%s", label, v.Code)
		if v.Description != "" {
			fmt.Fprintf(tw, " %s", v.Description)
		}
		fmt.Fprintln(tw)
	}
	if sw.PeOrgNr != "" {
		fmt.Fprintf(tw, "PeOrgNr:\t%s\n", sw.PeOrgNr)
	}
	code("Owner category", sw.OwnerCategory)
	code("Company status", sw.Status)
	code("Registered with the Tax Agency", sw.TaxRegistration)
	code("VAT status", sw.VAT)
	code("F-tax status", sw.FTax)
	code("Employer status", sw.Employer)
	code("Seat", sw.Seat)
	code("Seat county", sw.SeatCounty)
	code("Size class", sw.SizeClass)
	if sw.Started != "" {
		fmt.Fprintf(tw, "Started:\t%s\n", sw.Started)
	}
	if sw.Ended != "" {
		fmt.Fprintf(tw, "Ended:\t%s\n", sw.Ended)
	}
	if len(sw.NotSubscribed) > 0 {
		fmt.Fprintf(tw, "Not in your SCB subscription:\t%s\n", strings.Join(sw.NotSubscribed, "; "))
	}
}
