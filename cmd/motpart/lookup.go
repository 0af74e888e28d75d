package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/setup"
)

// overrides reads --env and the environment variables that point the
// register clients elsewhere for this run.
func (s *session) overrides(env string) (setup.Overrides, error) {
	switch desk.Environment(env) {
	case "", desk.EnvSandbox, desk.EnvTest, desk.EnvProduction:
	default:
		return setup.Overrides{}, fmt.Errorf("--env %q: want sandbox, test or production", env)
	}
	o, err := setup.OverridesFromEnv(s.lookupEnv)
	o.Environment = desk.Environment(env)
	return o, err
}

// openDesk opens the vault for command cmd with the environment env
// ("" for the setting's) and the environment variables' overrides: the
// desk, or nil and the exit status after saying why (a bad --env or
// variable is a usage error). The caller closes the desk.
func (s *session) openDesk(cmd, env string) (*desk.Desk, int) {
	o, err := s.overrides(env)
	if err != nil {
		fmt.Fprintf(s.stderr, "motpart %s: %v\n", cmd, err)
		return nil, exitUsage
	}
	d := s.deskWith(o)
	if err := s.unlock(d); err != nil {
		d.Close()
		return nil, s.fail(cmd, err)
	}
	return d, exitOK
}

// runLookup runs `motpart lookup [--json] [--reveal] [--env E] NUMBER`.
func (s *session) runLookup(args []string) int {
	fs := flag.NewFlagSet("motpart lookup", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	asJSON := fs.Bool("json", false, "print the dossier as JSON")
	env := fs.String("env", "", "sandbox, test or production (default: the setting, or sandbox)")
	reveal := fs.Bool("reveal", false, "print personal identity numbers whole; each one is written to the audit log")
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 1 {
		fmt.Fprint(s.stderr, "usage: motpart [--vault PATH] lookup [--json] [--reveal] [--env sandbox|test|production] NUMBER\n")
		return exitUsage
	}
	d, status := s.openDesk("lookup", *env)
	if d == nil {
		return status
	}
	defer d.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	lookup := d.Lookup // identity numbers masked
	if *reveal {
		lookup = d.LookupRevealed
	}
	dos, err := lookup(ctx, fs.Arg(0))
	if err != nil && dos == nil {
		return s.fail("lookup", err)
	}
	if *asJSON {
		if err := s.writeJSON(dos); err != nil {
			return s.fail("lookup", err)
		}
	} else {
		printDossier(s, dos)
	}
	if err != nil {
		return s.fail("lookup", err)
	}
	switch dos.Outcome() {
	case dossier.OutcomeUnreachable:
		fmt.Fprintf(s.stderr, "motpart lookup: no register answered about %s: every source failed or could not be asked\n", dos.Number)
		return exitFailed
	case dossier.OutcomeNotAsked:
		fmt.Fprintf(s.stderr, "motpart lookup: no register was asked about %s%s\n", dos.Number, skippedWhy(dos))
		return exitFailed
	}
	if !dos.Complete() {
		return exitFailed
	}
	return exitOK
}

// skippedWhy is ": " and why the first source not asked was not asked, or
// "" when it does not say.
func skippedWhy(dos *dossier.Dossier) string {
	for _, src := range dos.Sources {
		if src.Status == dossier.StatusSkipped && src.Message != "" {
			return ": " + src.Message
		}
	}
	return ""
}

// outcomeWords says what a lookup came to when there is no company to show,
// or that the company shown is the last known data.
func outcomeWords(dos *dossier.Dossier) string {
	switch dos.Outcome() {
	case dossier.OutcomeNotFound:
		return "not registered: the registers that answered do not know this number"
	case dossier.OutcomeUnreachable:
		if t := dos.LastKnown(); !t.IsZero() {
			return "NO ANSWER: the registers could not be reached now; last known data from " + shortTime(t)
		}
		return "NO ANSWER: no register could be reached, so nothing is known about this number now"
	case dossier.OutcomeNotAsked:
		return "NOT ASKED: no register was asked about this number"
	}
	return "no register gave data about the unit itself; see the sources"
}

// shortTime is a time in local time, to the minute.
func shortTime(t time.Time) string {
	return t.Local().Format("2006-01-02 15:04")
}

// printDossier writes a dossier for a person reading a terminal.
func printDossier(s *session, dos *dossier.Dossier) {
	tw := tabwriter.NewWriter(s.stdout, 0, 4, 2, ' ', 0)
	defer tw.Flush()
	if dos.Company != nil && dos.Outcome() == dossier.OutcomeUnreachable {
		fmt.Fprintf(tw, "%s\t%s\n", dos.Number, outcomeWords(dos))
	}
	if c := dos.Company; c != nil {
		fmt.Fprintf(tw, "%s\t%s\n", c.Number, c.Name)
		fmt.Fprintf(tw, "Form:\t%s (%s)\n", c.Form.Description, c.Form.Code)
		var status []string
		for _, f := range []struct {
			on   bool
			word string
		}{{c.Deleted, "deleted " + c.DeletedDate}, {c.ClosedDate != "", "closed on " + c.ClosedDate}, {c.Bankrupt, "bankrupt"}, {c.UnderLiquidation, "under liquidation"},
			{c.UnderForcedDissolution, "under forced dissolution"}, {c.SubUnit && c.Parent != "", "sub-unit of " + c.Parent}} {
			if f.on {
				status = append(status, strings.TrimSpace(f.word))
			}
		}
		if len(status) > 0 {
			fmt.Fprintf(tw, "Status:\t%s\n", strings.Join(status, ", "))
		}
		if a := c.BusinessAddress; a != nil {
			fmt.Fprintf(tw, "Business address:\t%s, %s %s\n", strings.Join(a.Lines, ", "), a.PostalCode, a.City)
		}
		if a := c.PostalAddress; a != nil {
			fmt.Fprintf(tw, "Postal address:\t%s, %s %s\n", strings.Join(a.Lines, ", "), a.PostalCode, a.City)
		}
		for _, n := range c.Industry {
			fmt.Fprintf(tw, "NACE:\t%s %s\n", n.Code, n.Description)
		}
		if c.Sector != nil {
			fmt.Fprintf(tw, "Sector:\t%s %s\n", c.Sector.Code, c.Sector.Description)
		}
		printSwedish(tw, c)
		printFinnish(tw, c)
	} else {
		fmt.Fprintf(tw, "%s\t%s\n", dos.Number, outcomeWords(dos))
	}
	printRoles(tw, dos.Roles)
	printOwners(tw, dos.Owners)
	if len(dos.Roles) > 0 || dos.Owners != nil {
		fmt.Fprintln(tw) // the lines below align among themselves
	}
	for _, u := range dos.SubUnits {
		line := u.Number + " " + u.Name
		if u.ClosedDate != "" {
			line += " (closed on " + u.ClosedDate + ")"
		}
		fmt.Fprintf(tw, "Sub-unit:\t%s\n", line)
	}
	for _, src := range dos.Sources {
		line := string(src.Status)
		if src.Date != "" {
			line += " " + src.Date
		}
		if src.Message != "" {
			line += ": " + src.Message
		} else if words := problem.Text(problem.Code(src.Problem)); words != "" {
			line += ": " + words
		}
		fmt.Fprintf(tw, "Source %s:\t%s (%s)\n", src.ID, line, src.Duration.Round(time.Millisecond))
		if r := src.Redirect; r != nil {
			fmt.Fprintf(tw, "\tsee %s (%s)\n", r.Number, r.Reason)
			if r.Name != "" {
				fmt.Fprintf(tw, "\tthe register points to %s %s; its data are not shown as %s's\n", r.Number, r.Name, dos.Number)
			}
		}
		for _, n := range src.Notes {
			msg := n.Message
			if words := problem.Text(problem.Code(n.Problem)); words != "" {
				msg = words
				if cause := problem.Text(problem.Code(n.Cause)); cause != "" {
					msg += " (" + cause + ")"
				}
			}
			fmt.Fprintf(tw, "\tnote %s: %s\n", n.Code, msg)
		}
		if src.RegisterText != "" {
			fmt.Fprintf(tw, "\tthe register said: %q\n", src.RegisterText)
		}
		if f := src.FollowUp; f != nil {
			fmt.Fprintf(tw, "\tFOLLOW UP (%s): %s\n", f.Reason, f.Message)
		}
	}
	for _, c := range dos.Carried {
		from := ""
		if c.Source != "" {
			from = " (" + c.Source + ")"
		}
		fmt.Fprintf(tw, "LAST KNOWN:\t%s from %s%s; not answered now\n", c.Part, shortTime(c.Fetched), from)
	}
	if !dos.Complete() {
		fmt.Fprintf(tw, "INCOMPLETE:\tnot every source answered\n")
	}
}

// printRoles writes the roles as a table of the role in words and who
// holds it.
func printRoles(tw io.Writer, roles []dossier.Role) {
	if len(roles) == 0 {
		return
	}
	fmt.Fprintf(tw, "\nRoles:\n")
	for _, r := range roles {
		holder := "-"
		switch {
		case r.Person != nil:
			holder = r.Person.Name
			if r.Person.NationalID != "" {
				holder += " (" + r.Person.NationalID + ")" // masked by the desk unless --reveal
			} else if r.Person.BirthDate != "" {
				holder += " (born " + r.Person.BirthDate + ")"
			}
		case r.Unit != nil:
			holder = r.Unit.Name + " (" + r.Unit.Number + ")"
		}
		if r.Resigned {
			holder += " " + resignedWords(r)
		}
		fmt.Fprintf(tw, "  %s\t%s\n", roleName(r.Type), holder)
	}
}

// printOwners writes what the Register of beneficial owners says: the
// registration's status and each owner with how they own or control the
// unit, in words.
func printOwners(tw io.Writer, o *dossier.Owners) {
	if o == nil {
		return
	}
	var about []string
	if !o.Registered.IsZero() {
		about = append(about, "registered "+o.Registered.Local().Format(time.DateOnly))
	}
	switch {
	case o.Source == "offline" && o.CopyDate != "":
		about = append(about, "from the offline copy of "+o.CopyDate)
	case o.Source == "offline":
		about = append(about, "from the offline copy")
	}
	line := "\nBeneficial owners: " + words(ownersStatusNames, o.Status)
	if len(about) > 0 {
		line += " (" + strings.Join(about, ", ") + ")"
	}
	fmt.Fprintln(tw, line)
	for _, b := range o.Owners {
		fmt.Fprintf(tw, "  %s\t%s\n", ownerWho(b), ownerHow(b))
	}
}

// ownerWho is who a beneficial owner is: name (or that they are exempt
// from disclosure), identity number as the desk gave it, birth, country.
func ownerWho(b dossier.BeneficialOwner) string {
	who := b.Name
	if b.Exempt || who == "" {
		who = "Exempt from disclosure"
	}
	if b.NationalID != "" {
		who += " (" + b.NationalID + ")"
	}
	switch {
	case b.BirthDate != "":
		who += ", born " + b.BirthDate
	case b.BirthYear != "":
		who += ", born " + b.BirthYear
	}
	if b.Residence != nil {
		who += ", lives in " + countryName(*b.Residence)
	}
	if b.Deceased {
		who += ", deceased"
	}
	return who
}

// ownerHow is how a beneficial owner owns or controls the unit: each
// position in words with its share, basis and intermediates.
func ownerHow(b dossier.BeneficialOwner) string {
	var parts []string
	for _, p := range b.Positions {
		w := words(positionNames, p.Type)
		if p.Interval != nil {
			w += " " + words(intervalNames, *p.Interval)
		}
		var bases []string
		for _, c := range p.Basis {
			bases = append(bases, words(basisNames, c))
		}
		if len(bases) > 0 {
			w += " " + strings.Join(bases, " and ")
		}
		if p.Other != "" {
			w += " (" + p.Other + ")"
		}
		var through []string
		for _, u := range p.Intermediates {
			through = append(through, unitWords(u))
		}
		if len(through) > 0 {
			w += " through " + strings.Join(through, ", ")
		}
		parts = append(parts, w)
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, "; ")
}

// unitWords names a unit with its number, Norwegian or foreign.
func unitWords(u dossier.UnitRef) string {
	switch {
	case u.Number != "":
		return u.Name + " (" + u.Number + ")"
	case u.ForeignNumber != "" && u.Country != "":
		return u.Name + " (" + countryName(dossier.Code{Code: u.Country}) + " " + u.ForeignNumber + ")"
	case u.ForeignNumber != "":
		return u.Name + " (" + u.ForeignNumber + ")"
	}
	return u.Name
}

// resignedWords says that a role holder has resigned, with the register's
// code (K, R or F: the schema does not say how they differ) and its text.
func resignedWords(r dossier.Role) string {
	w := "(resigned"
	if r.ResignedCode != "" {
		w += "; register code " + r.ResignedCode + ", whose meaning is not documented"
	}
	if r.ResignedText != "" {
		w += "; " + strconv.Quote(r.ResignedText)
	}
	return w + ")"
}

// runSettings runs `motpart settings set KEY VALUE | get KEY | list`.
func (s *session) runSettings(args []string) int {
	const usage = "usage: motpart [--vault PATH] settings set KEY VALUE | get KEY | list\n"
	if len(args) == 0 {
		fmt.Fprint(s.stderr, usage)
		return exitUsage
	}
	want := map[string]int{"set": 3, "get": 2, "list": 1}[args[0]]
	if want == 0 || len(args) != want {
		fmt.Fprint(s.stderr, usage)
		return exitUsage
	}
	d, status := s.openVault("settings")
	if d == nil {
		return status
	}
	defer d.Lock()
	secret := func(key string) bool {
		for _, info := range desk.Settings() {
			if info.Key == key {
				return info.Secret
			}
		}
		return false
	}
	switch args[0] {
	case "set":
		if err := d.SetSetting(args[1], args[2]); err != nil {
			return s.fail("settings set", err)
		}
		fmt.Fprintf(s.stdout, "Set %s.\n", args[1])
	case "get":
		v, err := d.Setting(args[1])
		if err != nil {
			return s.fail("settings get", err)
		}
		if secret(args[1]) {
			v = map[bool]string{true: "(set)", false: "(not set)"}[v != ""]
		}
		fmt.Fprintln(s.stdout, v)
	case "list":
		tw := tabwriter.NewWriter(s.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "KEY\tVALUE\tWHAT")
		for _, info := range desk.Settings() {
			v, err := d.Setting(info.Key)
			if err != nil {
				return s.fail("settings list", err)
			}
			switch {
			case info.Secret && v != "":
				v = "(set)"
			case v == "":
				v = "-"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\n", info.Key, v, info.Description)
		}
		_ = tw.Flush()
	}
	return exitOK
}
