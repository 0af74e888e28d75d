package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/motpart/motpart/internal/sandbox"
	simbankid "github.com/motpart/motpart/internal/sandbox/bankid"
	simscb "github.com/motpart/motpart/internal/sandbox/scb"
	simvero "github.com/motpart/motpart/internal/sandbox/vero"
	"github.com/motpart/motpart/internal/sandbox/world"
	"github.com/motpart/motpart/internal/setup"
)

// runSandbox runs `motpart sandbox serve [--out DIR]`: the simulators in
// the foreground until interrupted.
func (s *session) runSandbox(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return s.serveSandbox(ctx, args)
}

// serveSandbox starts the simulators, says where they are and what to try,
// and runs them until ctx ends.
func (s *session) serveSandbox(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("motpart sandbox serve", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	out := fs.String("out", "", "write the CA certificate and the demo .pfx files to this folder")
	sectorFile := fs.String("scb-sector-file", "", "serve this zip (bench/gensektor's) as SCB's sector file")
	variant := fs.String("scb-variant", "", "the header variant of SCB's sector file: standard, bransch1p, textfirst, crlf or shuffled")
	if len(args) == 0 || args[0] != "serve" || parseFlags(fs, args[1:]) != nil || fs.NArg() != 0 {
		fmt.Fprint(s.stderr, "usage: motpart sandbox serve [--out DIR] [--scb-sector-file ZIP] [--scb-variant NAME]\n")
		return exitUsage
	}
	// BankID's sessions take a few seconds on the clock, as a person
	// watching would expect, and their webhooks come without polling.
	if *sectorFile != "" {
		if _, err := os.Stat(*sectorFile); err != nil {
			return s.fail("sandbox serve", err)
		}
	}
	conn := setup.NewConnector(setup.Overrides{}, sandbox.Config{BankIDDelays: serveBankIDDelays(),
		SCBSectorFile: *sectorFile, SCBSectorVariant: simscb.Variant(*variant)}, nil)
	defer conn.Close()
	sb, err := conn.Sandbox(ctx)
	if err != nil {
		return s.fail("sandbox serve", err)
	}
	caFile := ""
	if *out != "" {
		if err := os.MkdirAll(*out, 0o700); err != nil {
			return s.fail("sandbox serve", err)
		}
		caFile = filepath.Join(*out, "sandbox-ca.pem")
		if err := os.WriteFile(caFile, sb.CACertPEM(), 0o644); err != nil {
			return s.fail("sandbox serve", err)
		}
		if err := sb.WriteDemoCertificates(*out); err != nil {
			return s.fail("sandbox serve", err)
		}
	}
	if err := describeSandbox(s.stdout, sb, *out, caFile); err != nil {
		return s.fail("sandbox serve", err)
	}
	<-ctx.Done()
	return exitOK
}

// describeSandbox writes, for a person at a terminal, every simulator's
// address, the environment variables that point the command line at them,
// the demo credentials and certificates, and the numbers worth looking
// up. out is the folder the certificates were written to ("" for none) and
// caFile the CA certificate written there.
func describeSandbox(w io.Writer, sb *sandbox.Sandbox, out, caFile string) error {
	ep := sb.Endpoints()
	user, password := sb.GrunndataCredentials()
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Motpart sandbox: local simulators over TLS, trusting only their own CA.\n\n")
	fmt.Fprintf(tw, "Simulators:\n")
	for _, row := range [][2]string{
		{"Enhetsregisteret (REST)", ep.Brreg},
		{"grunndataWS (SOAP)", ep.Grunndata},
		{"Maskinporten", ep.Maskinporten},
		{"Beneficial owners (RRH)", ep.RRH},
		{"BankID AML", ep.BankID},
		{"BankID AML sign-in (OIDC)", ep.BankIDOIDC},
		{"SCB Sök på var (mutual TLS)", ep.SCB},
		{"SCB sector file", ep.SCB + "/api/Je/SektorFil"},
		{"Vero certificate service (SOAP)", ep.Vero},
	} {
		fmt.Fprintf(tw, "  %s\t%s\n", row[0], row[1])
	}
	fmt.Fprintf(tw, "  grunndataWS user\t%s / %s\n", user, password)
	fmt.Fprintf(tw, "  BankID client\t%s / %s\n", simbankid.DefaultClientID, simbankid.DefaultClientSecret)
	d := serveBankIDDelays()
	fmt.Fprintf(tw, "  BankID sessions\tthe data after %v, each report %v later; kept %v\n", d.Start+d.JSON, d.Report, simbankid.SessionLifetime)
	fmt.Fprintf(tw, "  BankID webhook signature\t%s: sha256=HMAC-SHA256(%q, body) (the sandbox's own scheme)\n",
		simbankid.SignatureHeader, simbankid.DefaultWebhookSecret)
	fmt.Fprintf(tw, "  SCB client certificate\tthe SCB demo certificate below (API-Id %s, every variable); %s sees the basic variables only\n",
		sandbox.DemoSCBAPIID, sandbox.DemoSCBBasicAPIID)
	fmt.Fprintf(tw, "  SCB limit\t%d calls per %v per API-Id (429 above it)\n", simscb.RateCalls, simscb.RateWindow)
	fmt.Fprintf(tw, "  Vero TransferIds\t%s / %s for %s (each works once; %s / %s is used already)\n",
		world.VeroDemoTransferID, world.VeroDemoTransferPassword, sb.World().Firm.YTunnus, world.VeroUsedTransferID, world.VeroUsedTransferPassword)
	fmt.Fprintf(tw, "  Vero certificates\tready %v after the request; renewal in the last 60 days only\n\n", simvero.DefaultReadyAfter)
	fmt.Fprintf(tw, "For a run of `motpart lookup --env test` against them from another terminal, set:\n")
	for _, row := range [][2]string{
		{"MOTPART_BRREG_URL", ep.Brreg},
		{"MOTPART_GRUNNDATA_URL", ep.Grunndata},
		{"MOTPART_MASKINPORTEN_URL", ep.Maskinporten},
		{"MOTPART_RRH_URL", ep.RRH},
	} {
		fmt.Fprintf(tw, "  %s=%s\n", row[0], row[1])
	}
	if caFile != "" {
		fmt.Fprintf(tw, "  MOTPART_EXTRA_CA=%s\n\n", caFile)
		fmt.Fprintf(tw, "Wrote the sandbox's CA certificate and the demo certificates to %s:\n", out)
	} else {
		fmt.Fprintf(tw, "  MOTPART_EXTRA_CA=(the CA certificate: run with --out DIR to write it)\n\n")
		fmt.Fprintf(tw, "Demo certificates (write them with --out DIR):\n")
	}
	for _, c := range sb.DemoCertificates() {
		fmt.Fprintf(tw, "  %q\tpassword %q\t%s\n", c.FileName, c.Password, c.Description)
	}
	fmt.Fprintf(tw, "\nNumbers to try:\n")
	for _, c := range sb.World().Showcase() {
		fmt.Fprintf(tw, "  %s\t%s\n", c.Number, c.Description)
	}
	fmt.Fprintf(tw, "\nBankID AML numbers to try (motpart aml order NUMBER --country no|se|fi):\n")
	for _, c := range amlShowcase(sb.World()) {
		fmt.Fprintf(tw, "  %s\t%s\n", c.Number, c.Description)
	}
	fmt.Fprintf(tw, "\nSwedish numbers to try at SCB (motpart lookup NUMBER):\n")
	for _, c := range scbShowcase(sb.World()) {
		fmt.Fprintf(tw, "  %s\t%s\n", c.Number, c.Description)
	}
	fmt.Fprintf(tw, "\nPress Ctrl+C to stop.\n")
	return tw.Flush()
}

// serveBankIDDelays time BankID's sessions under `sandbox serve`: the
// result JSON after 3 s, each report 2 s later.
func serveBankIDDelays() *simbankid.Delays {
	return &simbankid.Delays{Start: time.Second, JSON: 2 * time.Second, Report: 2 * time.Second}
}

// amlShowcase are the numbers worth ordering AML documents for from
// BankID's simulator.
func amlShowcase(w *world.World) []world.Showcase {
	name := func(n string) string {
		if u, ok := w.Unit(n); ok {
			return u.Name
		}
		if f, ok := w.ForeignEntity(n); ok {
			return f.Name
		}
		return ""
	}
	return []world.Showcase{
		{Number: world.SanctionsOrgNr, Description: name(world.SanctionsOrgNr) + " (NO): a sanctions hit"},
		{Number: world.PEPOrgNr, Description: name(world.PEPOrgNr) + " (NO): a politically exposed person"},
		{Number: world.SamiOrgNr, Description: name(world.SamiOrgNr) + " (NO): Sámi letters in the PDFs"},
		{Number: world.FailureOrgNr, Description: "(NO) the session fails"},
		{Number: world.SEOrgNr, Description: name(world.SEOrgNr) + " (SE): roles, owners and holdings"},
		{Number: world.SESanctionsOrgNr, Description: name(world.SESanctionsOrgNr) + " (SE): sanctions hits (OFAC with the OFAC scope)"},
		{Number: world.FIYTunnus, Description: name(world.FIYTunnus) + " (FI): roles, owners and a parent company"},
		{Number: world.FIPEPYTunnus, Description: name(world.FIPEPYTunnus) + " (FI): a politically exposed person"},
	}
}

// scbShowcase are the Swedish numbers worth looking up at SCB's
// simulator.
func scbShowcase(w *world.World) []world.Showcase {
	name := func(n string) string {
		if c, ok := w.SECompany(n); ok {
			return c.Name
		}
		return ""
	}
	return []world.Showcase{
		{Number: world.SEHoldingOrgNr, Description: name(world.SEHoldingOrgNr) + ": owns 25 % of " + world.RichestOrgNr},
		{Number: world.SELatin1OrgNr, Description: name(world.SELatin1OrgNr) + ": É, Å and Ö in the name"},
		{Number: world.SESoleTraderPNr, Description: name(world.SESoleTraderPNr) + ": a sole trader (personnummer)"},
		{Number: world.SEBankOrgNr, Description: name(world.SEBankOrgNr) + ": a bank"},
		{Number: world.SEInactiveOrgNr, Description: name(world.SEInactiveOrgNr) + ": no longer active"},
		{Number: world.SEUnknownFormOrgNr, Description: name(world.SEUnknownFormOrgNr) + ": legal form not determined"},
		{Number: world.SENotInRegisterOrgNr, Description: "a valid number that is not in SCB's register"},
	}
}
