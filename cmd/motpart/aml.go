package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
)

// amlUsage is the usage line of `motpart aml`.
const amlUsage = `usage: motpart [--vault PATH] aml order ORGNR [--country no|se|fi] [--duns] [--reports aml,registration] [--wait] [--json]
       motpart [--vault PATH] aml status SESSION [--json]
       motpart [--vault PATH] aml documents ORGNR [--json]
       motpart [--vault PATH] aml save DOCUMENT --out FILE [--force]
       motpart [--vault PATH] aml receive --listen ADDR [--cert FILE --key FILE]
`

// runAML runs `motpart aml SUBCOMMAND` until it is done or interrupted.
func (s *session) runAML(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return s.aml(ctx, args)
}

// aml runs `motpart aml SUBCOMMAND`; ctx ends with Ctrl+C.
func (s *session) aml(ctx context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(s.stderr, amlUsage)
		return exitUsage
	}
	switch args[0] {
	case "order":
		return s.amlOrder(ctx, args[1:])
	case "status":
		return s.amlStatus(ctx, args[1:])
	case "documents":
		return s.amlDocuments(args[1:])
	case "save":
		return s.amlSave(args[1:])
	case "receive":
		return s.amlReceive(ctx, args[1:])
	}
	fmt.Fprintf(s.stderr, "motpart aml: unknown subcommand %q\n%s", args[0], amlUsage)
	return exitUsage
}

// amlOrderArgs are the arguments of `aml order`.
type amlOrderArgs struct {
	req    dossier.AMLRequest
	wait   bool
	asJSON bool
}

// parseAMLOrder reads the arguments of `aml order`.
func parseAMLOrder(args []string, stderr io.Writer) (amlOrderArgs, error) {
	var a amlOrderArgs
	fs := flag.NewFlagSet("motpart aml order", flag.ContinueOnError)
	fs.SetOutput(stderr)
	country := fs.String("country", "", "no, se or fi (default: from the number)")
	fs.BoolVar(&a.req.DUNS, "duns", false, "the number is a D-U-N-S number (give --country too)")
	reports := fs.String("reports", "", "the documents wanted, comma-separated: aml, registration (default: both)")
	fs.BoolVar(&a.wait, "wait", false, "wait until the documents are stored, showing progress on standard error")
	fs.BoolVar(&a.asJSON, "json", false, "print the order (and with --wait the documents) as JSON")
	if err := parseFlags(fs, args); err != nil {
		return a, err
	}
	if fs.NArg() != 1 || strings.TrimSpace(fs.Arg(0)) == "" {
		return a, errors.New("give one organisation number")
	}
	a.req.Number = fs.Arg(0)
	switch c := strings.ToLower(strings.TrimSpace(*country)); c {
	case "":
	case "no", "se", "fi":
		a.req.Country = strings.ToUpper(c)
	default:
		return a, fmt.Errorf("--country %q: want no, se or fi", *country)
	}
	if a.req.DUNS && a.req.Country == "" {
		return a, errors.New("--duns needs --country: a D-U-N-S number does not say its country")
	}
	if *reports != "" {
		seen := map[string]bool{}
		for _, r := range strings.Split(*reports, ",") {
			r = strings.ToLower(strings.TrimSpace(r))
			if r != dossier.DocumentAML && r != dossier.DocumentRegistration {
				return a, fmt.Errorf("--reports %q: want aml, registration or both, comma-separated", *reports)
			}
			if !seen[r] {
				seen[r] = true
				a.req.Documents = append(a.req.Documents, r)
			}
		}
	}
	return a, nil
}

// amlOrderJSON is what `aml order --json` and `aml status --json` print:
// the order, the documents stored for it (none before they are ready) and
// BankID's sanctions and PEP screening once its data are stored.
type amlOrderJSON struct {
	Order     dossier.AMLOrder   `json:"order"`
	Documents []dossier.Document `json:"documents"`
	Screening *dossier.Screening `json:"screening,omitempty"`
}

// amlOrder runs `aml order`: it orders the documents and, with --wait,
// follows the order until every part is finished or ctx ends.
func (s *session) amlOrder(ctx context.Context, args []string) int {
	a, err := parseAMLOrder(args, s.stderr)
	if err != nil {
		return s.amlUsageError("order", err)
	}
	d, status := s.openAMLDesk("aml order")
	if d == nil {
		return status
	}
	defer d.Close()
	order, err := d.OrderAML(ctx, a.req)
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(s.stderr, "motpart aml order: stopped before BankID accepted the order; nothing was ordered")
			return exitFailed
		}
		return s.amlFail("aml order", err)
	}
	// The sandbox's BankID runs inside this command and its sessions end
	// with it: there, the order is always waited for.
	sandboxed := inProcessBankID(d)
	if !a.wait && !sandboxed {
		if a.asJSON {
			if err := s.writeJSON(amlOrderJSON{Order: order, Documents: []dossier.Document{}}); err != nil {
				return s.amlFail("aml order", err)
			}
		} else {
			printOrder(s.stdout, "Ordered from BankID", order)
			fmt.Fprintf(s.stdout, "BankID prepares the documents now. Follow the order with `motpart aml status %s`.\n", order.ID)
		}
		return exitOK
	}
	if !a.asJSON {
		printOrder(s.stdout, "Ordered from BankID", order)
	}
	stopProgress := func() {}
	if a.wait {
		progress := newProgress(s.stderr, order.ID, order)
		stop := d.WatchAMLOrders(progress.update)
		stopProgress = func() {
			stop()
			progress.close()
		}
	} else {
		fmt.Fprintln(s.stderr, "The sandbox's BankID runs inside this command, so it waits until the order is finished.")
	}
	id := order.ID
	order, err = d.WaitAMLOrder(ctx, id)
	stopProgress()
	if err != nil {
		switch {
		case ctx.Err() != nil && sandboxed:
			fmt.Fprintln(s.stderr, "motpart aml order: stopped waiting; the sandbox's BankID stopped with this command, so order again.")
			return exitFailed
		case ctx.Err() != nil:
			fmt.Fprintf(s.stderr, "motpart aml order: stopped waiting. BankID goes on preparing the order for 2 hours: follow it with `motpart aml status %s`.\n", id)
			return exitFailed
		}
		return s.amlFail("aml order", err)
	}
	if status := s.printOrderResult("aml order", d, order, a.asJSON, false); status != exitOK {
		return status
	}
	return s.orderOutcome("aml order", order)
}

// printOrderResult writes what an order has brought: as JSON
// (amlOrderJSON), or the order's state (withState), the screening's hits
// and the documents stored. A sanctions or PEP hit is said on standard
// error too, so that no script misses it. It returns exitOK, or the
// status of a failure it explained.
func (s *session) printOrderResult(cmd string, d *desk.Desk, order dossier.AMLOrder, asJSON, withState bool) int {
	docs, err := orderDocuments(d, order)
	if err != nil {
		return s.amlFail(cmd, err)
	}
	screening := screeningOf(d, order)
	if screening.Hits() {
		fmt.Fprintf(s.stderr, "motpart %s: BankID's screening of %s found %d sanctions hit(s) and %d politically exposed person(s)\n",
			cmd, order.OrgNr, len(screening.Sanctions), len(screening.PEP))
	}
	if asJSON {
		if err := s.writeJSON(amlOrderJSON{Order: order, Documents: docs, Screening: screening}); err != nil {
			return s.amlFail(cmd, err)
		}
		return exitOK
	}
	if withState {
		printOrder(s.stdout, "BankID order", order)
	}
	printScreening(s.stdout, screening)
	if len(docs) > 0 {
		fmt.Fprintf(s.stdout, "Stored in the vault:\n")
		printDocuments(s.stdout, docs, false)
	}
	return exitOK
}

// screeningOf is BankID's screening from the order's own data, once they
// are stored; nil before, or when BankID gave none.
func screeningOf(d *desk.Desk, o dossier.AMLOrder) *dossier.Screening {
	ready := false
	for _, p := range o.Parts {
		ready = ready || p.Kind == dossier.PartData && p.State == dossier.OrderReady
	}
	if !ready {
		return nil
	}
	aml, err := d.AML(o.OrgNr)
	if err != nil || aml == nil || aml.SessionID != o.ID {
		return nil
	}
	return aml.Screening
}

// amlStatus runs `aml status SESSION [--json]`: it asks BankID once about
// the order, stores what is ready and says where each part stands.
func (s *session) amlStatus(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("motpart aml status", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	asJSON := fs.Bool("json", false, "print the order as JSON")
	if err := parseFlags(fs, args); err != nil {
		return s.amlUsageError("status", err)
	}
	if fs.NArg() != 1 || strings.TrimSpace(fs.Arg(0)) == "" {
		return s.amlUsageError("status", errors.New("give one BankID session id"))
	}
	d, status := s.openAMLDesk("aml status")
	if d == nil {
		return status
	}
	defer d.Close()
	order, err := d.RefreshAMLOrder(ctx, strings.TrimSpace(fs.Arg(0)))
	if err != nil {
		return s.amlFail("aml status", err)
	}
	if status := s.printOrderResult("aml status", d, order, *asJSON, true); status != exitOK {
		return status
	}
	return s.orderOutcome("aml status", order)
}

// orderOutcome is the exit status of an order: 0 when every part is
// ready, else 1 after saying why on standard error.
func (s *session) orderOutcome(cmd string, order dossier.AMLOrder) int {
	if order.Ready() {
		return exitOK
	}
	if !order.Finished() {
		fmt.Fprintf(s.stderr, "motpart %s: not everything is ready yet; ask again with `motpart aml status %s`\n", cmd, order.ID)
		return exitFailed
	}
	why := "not every document could be stored"
	if order.Problem != "" {
		why = problemText(order.Problem)
	}
	fmt.Fprintf(s.stderr, "motpart %s: %s\n", cmd, why)
	return exitFailed
}

// amlDocuments runs `aml documents ORGNR [--json]`.
func (s *session) amlDocuments(args []string) int {
	fs := flag.NewFlagSet("motpart aml documents", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	asJSON := fs.Bool("json", false, "print one JSON array")
	if err := parseFlags(fs, args); err != nil {
		return s.amlUsageError("documents", err)
	}
	if fs.NArg() != 1 || strings.TrimSpace(fs.Arg(0)) == "" {
		return s.amlUsageError("documents", errors.New("give one organisation number"))
	}
	d, status := s.openAMLDesk("aml documents")
	if d == nil {
		return status
	}
	defer d.Close()
	docs, err := d.Documents(fs.Arg(0))
	if err != nil {
		return s.amlFail("aml documents", err)
	}
	if *asJSON {
		if docs == nil {
			docs = []dossier.Document{}
		}
		if err := s.writeJSON(docs); err != nil {
			return s.amlFail("aml documents", err)
		}
		return exitOK
	}
	if len(docs) == 0 {
		fmt.Fprintln(s.stdout, "No AML documents: order them with `motpart aml order`.")
		return exitOK
	}
	printDocuments(s.stdout, docs, true)
	return exitOK
}

// amlSave runs `aml save DOCUMENT --out FILE [--force]`.
func (s *session) amlSave(args []string) int {
	fs := flag.NewFlagSet("motpart aml save", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	out := fs.String("out", "", "the file to write the PDF to")
	force := fs.Bool("force", false, "overwrite FILE if it exists")
	if err := parseFlags(fs, args); err != nil {
		return s.amlUsageError("save", err)
	}
	switch {
	case fs.NArg() != 1 || strings.TrimSpace(fs.Arg(0)) == "":
		return s.amlUsageError("save", errors.New("give one document id (see `motpart aml documents ORGNR`)"))
	case *out == "":
		return s.amlUsageError("save", errors.New("--out FILE is needed"))
	}
	if _, err := os.Lstat(*out); err == nil && !*force {
		fmt.Fprintf(s.stderr, "motpart aml save: %s exists; give --force to overwrite it\n", *out)
		return exitFailed
	}
	d, status := s.openAMLDesk("aml save")
	if d == nil {
		return status
	}
	defer d.Close()
	doc, err := d.Document(fs.Arg(0))
	if err != nil {
		return s.amlFail("aml save", err)
	}
	if err := d.SaveDocument(doc.ID, *out); err != nil {
		return s.amlFail("aml save", err)
	}
	fmt.Fprintf(s.stdout, "Saved the %s of %s to %s (%d bytes, SHA-256 %s).\n", kindWords(doc.Kind), doc.OrgNr, *out, doc.Size, doc.SHA256)
	return exitOK
}

// amlFail prints err for the user as fail does, without saying the words
// of its problem code twice, and returns the exit status for it.
func (s *session) amlFail(cmd string, err error) int {
	code := problem.CauseOf(err)
	if words := problem.Text(code); words != "" && err.Error() == words {
		fmt.Fprintf(s.stderr, "motpart %s: %s [%s]\n", cmd, words, code)
		return exitFailed
	}
	return s.fail(cmd, err)
}

// amlUsageError says what is wrong with a command line of `aml SUB` and
// returns the usage status.
func (s *session) amlUsageError(sub string, err error) int {
	if !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(s.stderr, "motpart aml %s: %v\n", sub, err)
	}
	fmt.Fprint(s.stderr, amlUsage)
	return exitUsage
}

// openAMLDesk returns the use cases with the vault unlocked and the
// run's register addresses ($MOTPART_*_URL), or nil and the exit status
// after saying why not.
func (s *session) openAMLDesk(cmd string) (*desk.Desk, int) {
	o, err := s.overrides("")
	if err != nil {
		return nil, s.fail(cmd, err)
	}
	d := s.deskWith(o)
	if err := s.unlock(d); err != nil {
		d.Close()
		return nil, s.fail(cmd, err)
	}
	return d, exitOK
}

// inProcessBankID reports whether BankID is the sandbox's simulator,
// started inside this command (the sandbox environment): its sessions
// end with the command.
func inProcessBankID(d *desk.Desk) bool {
	rs, err := d.RegisterSettings()
	return err == nil && (rs.Environment == "" || rs.Environment == desk.EnvSandbox)
}

// orderDocuments describes the documents an order has stored.
func orderDocuments(d *desk.Desk, order dossier.AMLOrder) ([]dossier.Document, error) {
	docs := []dossier.Document{}
	for _, p := range order.Parts {
		if p.Document == "" {
			continue
		}
		doc, err := d.Document(p.Document)
		if err != nil {
			return nil, err
		}
		docs = append(docs, doc)
	}
	return docs, nil
}
