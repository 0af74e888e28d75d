package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
)

// reportUsage is the usage line of `motpart report`.
const reportUsage = `usage: motpart [--vault PATH] report ORGNR --out FILE.pdf [--lang en|sv|nb|fi] [--full-ids] [--bundle FILE.zip] [--force]
`

// reportArgs are the arguments of `motpart report`.
type reportArgs struct {
	number      string
	out, bundle string
	opt         dossier.ReportOptions
	force       bool
}

// parseReport reads the arguments of `motpart report`; the language
// defaults to the environment's (see envLanguage).
func parseReport(args []string, s *session) (reportArgs, error) {
	var a reportArgs
	fs := flag.NewFlagSet("motpart report", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	fs.StringVar(&a.out, "out", "", "the file to write the report (PDF) to")
	lang := fs.String("lang", "", "the report's language: en, sv, nb or fi (default: $LANGUAGE's or $LANG's when one of them, else en)")
	fs.BoolVar(&a.opt.FullIDs, "full-ids", false, "print personal identity numbers in full (written to the audit log and on the report)")
	fs.StringVar(&a.bundle, "bundle", "", "also write the KYC bundle (zip: the report, the AML documents, a manifest with their SHA-256) to this file")
	fs.BoolVar(&a.force, "force", false, "overwrite the files if they exist")
	if err := parseFlags(fs, args); err != nil {
		return a, err
	}
	switch {
	case fs.NArg() != 1 || strings.TrimSpace(fs.Arg(0)) == "":
		return a, errors.New("give one organisation number")
	case a.out == "":
		return a, errors.New("--out FILE.pdf is needed")
	case a.bundle != "" && filepath.Clean(a.bundle) == filepath.Clean(a.out):
		return a, errors.New("--out and --bundle name the same file")
	}
	a.number = fs.Arg(0)
	a.opt.Language = strings.ToLower(strings.TrimSpace(*lang))
	if a.opt.Language == "" {
		a.opt.Language = envLanguage(s.lookupEnv)
	}
	switch a.opt.Language {
	case "en", "sv", "nb", "fi":
	default:
		return a, fmt.Errorf("--lang %q: want en, sv, nb or fi", *lang)
	}
	return a, nil
}

// envLanguage is the report language the environment asks for: the first
// of $LANGUAGE's list, then $LC_ALL's or $LANG's language that is one of
// en, sv, nb and fi (no and nn read as nb); en when none is.
func envLanguage(lookupEnv func(string) (string, bool)) string {
	var wanted []string
	if v, ok := lookupEnv("LANGUAGE"); ok {
		wanted = append(wanted, strings.Split(v, ":")...)
	}
	for _, k := range []string{"LC_ALL", "LANG"} {
		if v, ok := lookupEnv(k); ok {
			wanted = append(wanted, v)
		}
	}
	for _, w := range wanted {
		l := strings.ToLower(w)
		if i := strings.IndexAny(l, "_.@-"); i >= 0 {
			l = l[:i]
		}
		switch l {
		case "en", "sv", "nb", "fi":
			return l
		case "no", "nn":
			return "nb"
		}
	}
	return "en"
}

// runReport runs `motpart report` until it is done or interrupted.
func (s *session) runReport(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return s.report(ctx, args)
}

// report makes the KYC report of an organisation looked up before, keeps
// it in the vault, writes it to --out and, with --bundle, writes the KYC
// bundle too.
func (s *session) report(ctx context.Context, args []string) int {
	a, err := parseReport(args, s)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(s.stderr, "motpart report: %v\n", err)
		}
		fmt.Fprint(s.stderr, reportUsage)
		return exitUsage
	}
	for _, path := range []string{a.out, a.bundle} {
		if path == "" {
			continue
		}
		if _, err := os.Lstat(path); err == nil && !a.force {
			fmt.Fprintf(s.stderr, "motpart report: %s exists; give --force to overwrite it\n", path)
			return exitFailed
		}
	}
	d, status := s.openAMLDesk("report")
	if d == nil {
		return status
	}
	defer d.Close()
	doc, err := d.MakeKYCReport(ctx, a.number, a.opt)
	if err != nil {
		return s.reportFail(a.number, err)
	}
	if err := d.SaveDocument(doc.ID, a.out); err != nil {
		return s.reportFail(a.number, err)
	}
	ids := "masked"
	if a.opt.FullIDs {
		ids = "in full (written to the audit log)"
	}
	fmt.Fprintf(s.stdout, "Made the KYC report of %s (%s) in %s, identity numbers %s.\n", doc.Name, doc.OrgNr, languageWords(a.opt.Language), ids)
	fmt.Fprintf(s.stdout, "Saved it to %s (%d bytes, SHA-256 %s); the vault keeps it as document %s.\n", a.out, doc.Size, doc.SHA256, doc.ID)
	if a.bundle == "" {
		return exitOK
	}
	if err := d.KYCBundle(ctx, doc.OrgNr, a.bundle); err != nil {
		return s.reportFail(a.number, err)
	}
	docs, err := d.Documents(doc.OrgNr)
	if err != nil {
		return s.reportFail(a.number, err)
	}
	held := 0
	for _, x := range docs {
		if x.Kind != dossier.DocumentKYC {
			held++
		}
	}
	fmt.Fprintf(s.stdout, "Wrote the KYC bundle to %s: the report, %d AML document(s) and the manifest.\n", a.bundle, held)
	return exitOK
}

// reportFail says why a report could not be made and returns the exit
// status for it; a number never looked up says how to look it up.
func (s *session) reportFail(number string, err error) int {
	if problem.CauseOf(err) == problem.CodeNoDossier {
		fmt.Fprintf(s.stderr, "motpart report: %s has not been looked up yet; run `motpart lookup %s` first [%s]\n", number, number, problem.CodeNoDossier)
		return exitFailed
	}
	return s.amlFail("report", err)
}

// languageWords names a report language in English.
func languageWords(lang string) string {
	switch lang {
	case "sv":
		return "Swedish"
	case "nb":
		return "Norwegian (bokmål)"
	case "fi":
		return "Finnish"
	}
	return "English"
}
