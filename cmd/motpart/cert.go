package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/motpart/motpart/internal/certs"
)

// certUsage lists the cert subcommands.
const certUsage = `usage: motpart cert inspect [--json] FILE
       motpart cert import [--name NAME] FILE
       motpart cert list [--json]
       motpart cert export NAME OUT.pfx
       motpart cert remove NAME
       motpart cert order-fi --business-id ID --name NAME --transfer-id ID [--env test|production] [--cert-name NAME]
       motpart cert order-fi --resume
       motpart cert renew NAME
`

// runCert runs `motpart cert SUBCOMMAND`.
func (s *session) runCert(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(s.stderr, certUsage)
		return exitUsage
	}
	switch args[0] {
	case "inspect":
		return s.certInspect(args[1:])
	case "import":
		return s.certImport(args[1:])
	case "list":
		return s.certList(args[1:])
	case "export":
		return s.certExport(args[1:])
	case "remove":
		return s.certRemove(args[1:])
	case "order-fi":
		return s.certOrderFI(args[1:])
	case "renew":
		return s.certRenew(args[1:])
	}
	fmt.Fprintf(s.stderr, "motpart cert: unknown subcommand %q\n%s", args[0], certUsage)
	return exitUsage
}

// certPassword is the certificate file's password: $MOTPART_CERT_PASSWORD
// (empty allowed) or a prompt.
func (s *session) certPassword() (string, error) {
	pw, err := s.password("MOTPART_CERT_PASSWORD", "Certificate file password (from the separate e-mail): ", false)
	return string(pw), err
}

func (s *session) certInspect(args []string) int {
	fs := flag.NewFlagSet("motpart cert inspect", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 1 {
		fmt.Fprint(s.stderr, certUsage)
		return exitUsage
	}
	path := fs.Arg(0)
	// A file too large to be a certificate is reported like any other
	// that is not one; only a file that cannot be read at all fails here.
	data, err := certs.ReadFile(path)
	if err != nil && certs.CodeOf(err) == "" {
		return s.fail("cert inspect", err)
	}
	if err == nil {
		// A file that cannot be a certificate file is refused before
		// its password is asked for.
		err = certs.Sniff(data)
	}
	var info *certs.Info
	if err == nil {
		password, perr := s.certPassword()
		if perr != nil {
			return s.fail("cert inspect", perr)
		}
		info, err = s.desk().InspectCertificate(data, path, password)
	}
	status := exitOK
	if err != nil {
		status = exitFailed
	}
	if *asJSON {
		if err := s.writeJSON(certs.Report(info, err)); err != nil {
			return s.fail("cert inspect", err)
		}
		return status
	}
	if err != nil {
		return s.fail("cert inspect", err)
	}
	s.printCertInfo(info)
	return status
}

// printCertInfo writes what a certificate is, for a person.
func (s *session) printCertInfo(info *certs.Info) {
	tw := tabwriter.NewWriter(s.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Holder:\t%s\n", info.Holder)
	fmt.Fprintf(tw, "Subject:\t%s\n", info.Subject)
	fmt.Fprintf(tw, "Issuer:\t%s\n", info.Issuer)
	fmt.Fprintf(tw, "Serial:\t%s\n", info.Serial)
	fmt.Fprintf(tw, "Valid:\t%s to %s (%s, %d days left)\n", info.NotBefore.Format(time.DateOnly), info.NotAfter.Format(time.DateOnly), info.Status, info.DaysLeft)
	fmt.Fprintf(tw, "Key:\t%s %d bits\n", info.KeyType, info.KeyBits)
	fmt.Fprintf(tw, "Client authentication:\t%t\n", info.ClientAuth)
	fmt.Fprintf(tw, "CA certificates:\t%d\n", info.ChainLength)
	fmt.Fprintf(tw, "Uses:\t%s\n", dash(joinStrings(info.Uses)))
	fmt.Fprintf(tw, "Warnings:\t%s\n", dash(joinStrings(info.Warnings)))
	_ = tw.Flush()
}

// joinStrings joins string-like values with ", ".
func joinStrings[T ~string](list []T) string {
	parts := make([]string, len(list))
	for i, v := range list {
		parts[i] = string(v)
	}
	return strings.Join(parts, ", ")
}

func (s *session) certImport(args []string) int {
	fs := flag.NewFlagSet("motpart cert import", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	name := fs.String("name", "", "what to call it (default: from what it is for, e.g. \"SCB A00494\")")
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 1 {
		fmt.Fprint(s.stderr, certUsage)
		return exitUsage
	}
	path := fs.Arg(0)
	data, err := certs.ReadFile(path)
	if err == nil {
		err = certs.Sniff(data) // before any password is asked for
	}
	if err != nil {
		return s.fail("cert import", err)
	}
	d, status := s.openVault("cert import")
	if d == nil {
		return status
	}
	defer d.Lock()
	password, err := s.certPassword()
	if err != nil {
		return s.fail("cert import", err)
	}
	if *name == "" {
		info, err := d.InspectCertificate(data, path, password)
		if err != nil {
			return s.fail("cert import", err)
		}
		*name = d.SuggestCertificateName(info)
	}
	info, err := d.ImportCertificate(*name, data, path, password)
	if err != nil {
		return s.fail("cert import", err)
	}
	fmt.Fprintf(s.stdout, "Imported %q: %s, valid until %s (%d days).\n", *name, info.Holder, info.NotAfter.Format(time.DateOnly), info.DaysLeft)
	for _, w := range info.Warnings {
		fmt.Fprintf(s.stdout, "Warning: %s\n", w)
	}
	return exitOK
}

// certListEntry is one certificate in `cert list --json`.
type certListEntry struct {
	Name     string          `json:"name"`
	Holder   string          `json:"holder"`
	NotAfter string          `json:"not_after"`
	DaysLeft int             `json:"days_left"`
	Status   certs.Status    `json:"status"`
	Uses     []certs.Use     `json:"uses"`
	Warnings []certs.Warning `json:"warnings"`
}

func (s *session) certList(args []string) int {
	fs := flag.NewFlagSet("motpart cert list", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	asJSON := fs.Bool("json", false, "print one JSON array")
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 0 {
		fmt.Fprint(s.stderr, certUsage)
		return exitUsage
	}
	d, status := s.openVault("cert list")
	if d == nil {
		return status
	}
	defer d.Lock()
	list, err := d.Certificates()
	if err != nil {
		return s.fail("cert list", err)
	}
	if *asJSON {
		out := make([]certListEntry, 0, len(list))
		for _, c := range list {
			out = append(out, certListEntry{Name: c.Name, Holder: c.Info.Holder, NotAfter: c.Info.NotAfter.UTC().Format(time.RFC3339),
				DaysLeft: c.Info.DaysLeft, Status: c.Info.Status, Uses: c.Info.Uses, Warnings: c.Info.Warnings})
		}
		if err := s.writeJSON(out); err != nil {
			return s.fail("cert list", err)
		}
		return exitOK
	}
	if len(list) == 0 {
		fmt.Fprintln(s.stdout, "No certificates. Import one with `motpart cert import FILE`.")
		return exitOK
	}
	tw := tabwriter.NewWriter(s.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tHOLDER\tUSES\tVALID UNTIL\tDAYS LEFT")
	for _, c := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", c.Name, c.Info.Holder, dash(joinStrings(c.Info.Uses)), c.Info.NotAfter.Format(time.DateOnly), c.Info.DaysLeft)
	}
	_ = tw.Flush()
	return exitOK
}

func (s *session) certExport(args []string) int {
	if len(args) != 2 {
		fmt.Fprint(s.stderr, certUsage)
		return exitUsage
	}
	name, out := args[0], args[1]
	if _, err := os.Stat(out); err == nil {
		return s.fail("cert export", fmt.Errorf("%s exists; choose a new file name", out))
	}
	d, status := s.openVault("cert export")
	if d == nil {
		return status
	}
	defer d.Lock()
	pw, err := s.password("MOTPART_NEW_PASSWORD", "Password for the exported file: ", true)
	if err != nil {
		return s.fail("cert export", err)
	}
	data, err := d.ExportCertificate(name, string(pw))
	clear(pw)
	if err != nil {
		return s.fail("cert export", err)
	}
	defer clear(data)
	if err := writeNewFile(out, data); err != nil {
		return s.fail("cert export", err)
	}
	fmt.Fprintf(s.stdout, "Exported %q to %s. Send its password by another channel than the file.\n", name, out)
	return exitOK
}

// writeNewFile writes data to a new file readable only by the user.
func writeNewFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return errors.Join(err, os.Remove(path))
	}
	return f.Close()
}

func (s *session) certRemove(args []string) int {
	if len(args) != 1 {
		fmt.Fprint(s.stderr, certUsage)
		return exitUsage
	}
	d, status := s.openVault("cert remove")
	if d == nil {
		return status
	}
	defer d.Lock()
	if err := d.RemoveCertificate(args[0]); err != nil {
		return s.fail("cert remove", err)
	}
	fmt.Fprintf(s.stdout, "Removed %q from the vault.\n", args[0])
	return exitOK
}
