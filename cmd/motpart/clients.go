package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	iofs "io/fs"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/sheet"
)

// clientsUsage is the usage of `motpart clients`.
const clientsUsage = `usage: motpart [--vault PATH] clients SUBCOMMAND
  clients import FILE [--column NAME|N] [--reference-column NAME|N] [--responsible-column NAME|N] [--json]
  clients list [--json] [--risk low|medium|high]
  clients add NUMBER [--reference R] [--responsible P]
  clients edit NUMBER [--reference R] [--responsible P]
  clients remove NUMBER
  clients check [--json]
  clients changes [--since YYYY-MM-DD] [--risk low|medium|high] [--client NUMBER] [--json]
  clients export --out FILE.{xlsx,csv} [--changes [--since YYYY-MM-DD] [--risk LEVEL] [--client NUMBER]] [--force]
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
	case "import":
		return s.clientsImport(args[1:])
	case "list":
		return s.clientsList(args[1:])
	case "add", "edit":
		return s.clientsAddEdit(args[0], args[1:])
	case "remove":
		return s.clientsRemove(args[1:])
	case "changes":
		return s.clientsChanges(args[1:])
	case "export":
		return s.clientsExport(args[1:])
	}
	fmt.Fprint(s.stderr, clientsUsage)
	return exitUsage
}

// clientsFlags is a flag set of `clients SUB` that prints the usage.
func (s *session) clientsFlags(sub string) *flag.FlagSet {
	fs := flag.NewFlagSet("motpart clients "+sub, flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	return fs
}

// clientsUsageError prints the usage and returns its exit status.
func (s *session) clientsUsageError() int {
	fmt.Fprint(s.stderr, clientsUsage)
	return exitUsage
}

// clientsImport runs `clients import FILE [--column C] [--reference-column
// C] [--responsible-column C] [--json]`. It prints every row's outcome and
// the counts. Exit status 0 when every row was read (added, already a
// client, a duplicate or empty), 1 when a row holds an invalid number or
// the import failed (then nothing is added), 2 on a usage error.
func (s *session) clientsImport(args []string) int {
	fs := s.clientsFlags("import")
	col := fs.String("column", "", "the column of the organisation numbers: its header or its number from 1 (default: found)")
	refCol := fs.String("reference-column", "", "the column of the firm's reference (default: found by its header)")
	respCol := fs.String("responsible-column", "", "the column of the responsible person (default: found by its header)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 1 {
		return s.clientsUsageError()
	}
	path := fs.Arg(0)
	d, status := s.openVault("clients import")
	if d == nil {
		return status
	}
	defer d.Close()
	p, err := d.PreviewClientImport(path)
	if err != nil {
		return s.fail("clients import", err)
	}
	opt := portfolio.ImportOptions{Column: -1, ReferenceColumn: p.ReferenceColumn, ResponsibleColumn: p.ResponsibleColumn}
	for _, c := range []struct {
		name  string
		value string
		dst   *int
	}{{"--column", *col, &opt.Column}, {"--reference-column", *refCol, &opt.ReferenceColumn}, {"--responsible-column", *respCol, &opt.ResponsibleColumn}} {
		if c.value == "" {
			continue
		}
		i, err := columnIndex(p.Header, c.value)
		if err != nil {
			fmt.Fprintf(s.stderr, "motpart clients import: %s: %v (the header: %s)\n", c.name, err, strings.Join(p.Header, ", "))
			return exitUsage
		}
		*c.dst = i
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep, err := d.ImportClients(ctx, path, opt, nil)
	if err != nil {
		return s.fail("clients import", err)
	}
	if *asJSON {
		if err := s.writeJSON(rep); err != nil {
			return s.fail("clients import", err)
		}
	} else {
		tw := tabwriter.NewWriter(s.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "LINE\tOUTCOME\tNUMBER\tVALUE\tREASON")
		for _, r := range rep.Rows {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", r.Line, r.Outcome, dash(r.Number), dash(r.Value), r.Reason)
		}
		if err := tw.Flush(); err != nil {
			return exitFailed
		}
		fmt.Fprintf(s.stdout, "Added %d, already clients %d, duplicates in the file %d, invalid %d, empty %d.\n",
			rep.Added, rep.Existing, rep.Duplicate, rep.Invalid, rep.Empty)
	}
	if rep.Invalid > 0 {
		return exitFailed
	}
	return exitOK
}

// columnIndex finds a column by its header or its number from 1.
func columnIndex(header []string, name string) (int, error) {
	i, err := sheet.FindColumn(header, name)
	if err == nil {
		return i, nil
	}
	if n, nerr := strconv.Atoi(strings.TrimSpace(name)); nerr == nil && n >= 1 {
		return n - 1, nil
	}
	return -1, err
}

// riskFlag reads --risk; "" is none.
func riskFlag(s string) (portfolio.Risk, error) {
	if s == "" {
		return portfolio.RiskNone, nil
	}
	r, ok := portfolio.ParseRisk(strings.ToLower(s))
	if !ok {
		return 0, fmt.Errorf("--risk %q: want low, medium or high", s)
	}
	return r, nil
}

// sinceFlag reads --since YYYY-MM-DD as the start of that day in UTC.
func sinceFlag(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--since %q: want YYYY-MM-DD", s)
	}
	return t, nil
}

// clientsList runs `clients list [--json] [--risk LEVEL]`: the clients
// flagged at LEVEL or above with --risk.
func (s *session) clientsList(args []string) int {
	fs := s.clientsFlags("list")
	asJSON := fs.Bool("json", false, "print one JSON array")
	riskName := fs.String("risk", "", "only the clients flagged at this risk or above: low, medium or high")
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 0 {
		return s.clientsUsageError()
	}
	minRisk, err := riskFlag(*riskName)
	if err != nil {
		fmt.Fprintf(s.stderr, "motpart clients list: %v\n", err)
		return exitUsage
	}
	d, status := s.openVault("clients list")
	if d == nil {
		return status
	}
	defer d.Close()
	all, err := d.Clients()
	if err != nil {
		return s.fail("clients list", err)
	}
	clients := make([]portfolio.Client, 0, len(all))
	for _, c := range all {
		if minRisk == portfolio.RiskNone || c.Risk >= minRisk {
			clients = append(clients, c)
		}
	}
	if *asJSON {
		if err := s.writeJSON(clients); err != nil {
			return s.fail("clients list", err)
		}
		return exitOK
	}
	if len(clients) == 0 {
		fmt.Fprintln(s.stdout, "No clients.")
		return exitOK
	}
	en := portfolio.EnglishLabels()
	tw := tabwriter.NewWriter(s.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NUMBER\tCOUNTRY\tNAME\tREFERENCE\tRESPONSIBLE\tSTATUS\tRISK\tFLAGS\tLAST CHECKED")
	for _, c := range clients {
		flags := make([]string, len(c.Flags))
		for i, f := range c.Flags {
			flags[i] = en.Reason(f)
		}
		risk := "-"
		if c.Risk > portfolio.RiskNone {
			risk = c.Risk.String()
		}
		checked := "never"
		if !c.LastChecked.IsZero() {
			checked = c.LastChecked.Local().Format("2006-01-02 15:04")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.Number, c.Country, dash(c.Name), dash(c.Reference),
			dash(c.Responsible), en.Standing(c.Standing), risk, dash(strings.Join(flags, "; ")), checked)
	}
	if err := tw.Flush(); err != nil {
		return exitFailed
	}
	return exitOK
}

// clientsAddEdit runs `clients add NUMBER [--reference R] [--responsible
// P]` and `clients edit NUMBER ...` (which keeps what is not given).
func (s *session) clientsAddEdit(sub string, args []string) int {
	fs := s.clientsFlags(sub)
	ref := fs.String("reference", "", "the firm's own reference for the client")
	resp := fs.String("responsible", "", "the person at the firm responsible for the client")
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 1 {
		return s.clientsUsageError()
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	d, status := s.openVault("clients " + sub)
	if d == nil {
		return status
	}
	defer d.Close()
	number := fs.Arg(0)
	if sub == "add" {
		c, err := d.AddClient(number, *ref, *resp)
		if err != nil {
			return s.fail("clients add", err)
		}
		fmt.Fprintf(s.stdout, "Added %s%s.\n", c.Number, nameInParens(c.Name))
		return exitOK
	}
	c, err := d.Client(number)
	if err != nil {
		return s.fail("clients edit", err)
	}
	if !set["reference"] {
		*ref = c.Reference
	}
	if !set["responsible"] {
		*resp = c.Responsible
	}
	if err := d.UpdateClient(number, *ref, *resp); err != nil {
		return s.fail("clients edit", err)
	}
	fmt.Fprintf(s.stdout, "Changed %s%s.\n", c.Number, nameInParens(c.Name))
	return exitOK
}

// nameInParens is " (name)", or "" for no name.
func nameInParens(name string) string {
	if name == "" {
		return ""
	}
	return " (" + name + ")"
}

// clientsRemove runs `clients remove NUMBER`.
func (s *session) clientsRemove(args []string) int {
	fs := s.clientsFlags("remove")
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 1 {
		return s.clientsUsageError()
	}
	d, status := s.openVault("clients remove")
	if d == nil {
		return status
	}
	defer d.Close()
	c, err := d.Client(fs.Arg(0))
	if err != nil {
		return s.fail("clients remove", err)
	}
	if err := d.RemoveClient(c.Number); err != nil {
		return s.fail("clients remove", err)
	}
	fmt.Fprintf(s.stdout, "Removed %s%s with its snapshots and changes.\n", c.Number, nameInParens(c.Name))
	return exitOK
}

// changeFlags adds the change filter's flags to fs; filter reads them.
func changeFlags(fs *flag.FlagSet) (filter func() (portfolio.ChangeFilter, error)) {
	since := fs.String("since", "", "only changes detected on or after this day (YYYY-MM-DD, UTC)")
	risk := fs.String("risk", "", "only changes at this risk or above: low, medium or high")
	client := fs.String("client", "", "only this client's changes")
	return func() (portfolio.ChangeFilter, error) {
		var f portfolio.ChangeFilter
		var err error
		if f.Since, err = sinceFlag(*since); err != nil {
			return f, err
		}
		if f.MinRisk, err = riskFlag(*risk); err != nil {
			return f, err
		}
		f.Number = *client
		return f, nil
	}
}

// clientsChanges runs `clients changes [--since D] [--risk L] [--client
// N] [--json]`, newest first.
func (s *session) clientsChanges(args []string) int {
	fs := s.clientsFlags("changes")
	asJSON := fs.Bool("json", false, "print one JSON array")
	filter := changeFlags(fs)
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 0 {
		return s.clientsUsageError()
	}
	f, err := filter()
	if err != nil {
		fmt.Fprintf(s.stderr, "motpart clients changes: %v\n", err)
		return exitUsage
	}
	d, status := s.openVault("clients changes")
	if d == nil {
		return status
	}
	defer d.Close()
	changes, err := d.ClientChanges(f)
	if err != nil {
		return s.fail("clients changes", err)
	}
	if *asJSON {
		if changes == nil {
			changes = []portfolio.Change{}
		}
		if err := s.writeJSON(changes); err != nil {
			return s.fail("clients changes", err)
		}
		return exitOK
	}
	if len(changes) == 0 {
		fmt.Fprintln(s.stdout, "No changes.")
		return exitOK
	}
	en := portfolio.EnglishLabels()
	tw := tabwriter.NewWriter(s.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DETECTED\tNUMBER\tNAME\tRISK\tCHANGE\tBEFORE\tAFTER\tDATE\tSOURCE")
	for _, c := range changes {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.Detected.Local().Format("2006-01-02 15:04"), c.Number,
			dash(c.Name), c.Risk, en.Reason(c.Reason), dash(c.Old), dash(c.New), dash(c.Date), c.Source)
	}
	if err := tw.Flush(); err != nil {
		return exitFailed
	}
	return exitOK
}

// clientsExport runs `clients export --out FILE [--changes ...]
// [--force]`: the client list, or with --changes the change report, in
// English; XLSX or CSV by FILE's extension. An existing FILE is kept
// without --force.
func (s *session) clientsExport(args []string) int {
	fs := s.clientsFlags("export")
	out := fs.String("out", "", "the file to write: .xlsx or .csv")
	changes := fs.Bool("changes", false, "export the changes instead of the client list")
	force := fs.Bool("force", false, "write over an existing file")
	filter := changeFlags(fs)
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 0 || *out == "" {
		return s.clientsUsageError()
	}
	f, err := filter()
	if err != nil {
		fmt.Fprintf(s.stderr, "motpart clients export: %v\n", err)
		return exitUsage
	}
	if _, err := sheet.FormatOf(*out); err != nil {
		fmt.Fprintf(s.stderr, "motpart clients export: --out %s: want a .xlsx or .csv file\n", *out)
		return exitUsage
	}
	if _, err := os.Stat(*out); !*force && !errors.Is(err, iofs.ErrNotExist) {
		fmt.Fprintf(s.stderr, "motpart clients export: %s exists; give --force to write over it\n", *out)
		return exitFailed
	}
	d, status := s.openVault("clients export")
	if d == nil {
		return status
	}
	defer d.Close()
	if *changes {
		err = d.ExportChanges(*out, f, portfolio.EnglishLabels())
	} else {
		err = d.ExportClients(*out, portfolio.EnglishLabels())
	}
	if err != nil {
		return s.fail("clients export", err)
	}
	fmt.Fprintf(s.stdout, "Wrote %s.\n", *out)
	return exitOK
}
