package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/dossier"
)

// certOrderFI runs `motpart cert order-fi`: orders the Incomes Register
// certificate from Vero's certificate service (or, with --resume,
// continues the order a crash interrupted).
func (s *session) certOrderFI(args []string) int {
	fs := flag.NewFlagSet("motpart cert order-fi", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	businessID := fs.String("business-id", "", "the company's business ID (Y-tunnus), e.g. 0116297-6")
	company := fs.String("name", "", "the company's name, as in the agreement with Vero")
	transferID := fs.String("transfer-id", "", "the TransferID from Vero's secure e-mail")
	env := fs.String("env", "", "test, production or sandbox (default: the environment in Settings)")
	certName := fs.String("cert-name", "", "what to call the certificate in the vault (default \"Tulorekisteri ID\")")
	resume := fs.Bool("resume", false, "continue the order that was sent but not finished")
	discard := fs.Bool("discard", false, "forget the order that was sent but not finished")
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 0 {
		fmt.Fprint(s.stderr, certUsage)
		return exitUsage
	}
	d, status := s.openDesk("cert order-fi", *env)
	if d == nil {
		return status
	}
	defer d.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var stored certinfo.Stored
	var err error
	if *discard {
		if err := d.DiscardFIOrder(); err != nil {
			return s.fail("cert order-fi", err)
		}
		fmt.Fprintln(s.stdout, "The unfinished order is forgotten. Order again with a new TransferID.")
		return exitOK
	}
	if *resume {
		stored, err = d.ResumeFIOrder(ctx, s.fiProgress)
	} else {
		if *businessID == "" || *company == "" || *transferID == "" {
			fmt.Fprint(s.stderr, certUsage)
			return exitUsage
		}
		if order, st, ok, perr := d.PendingFIOrder(); perr == nil && ok {
			fmt.Fprintf(s.stderr, "An order of %q (%s) was sent and not finished (%s). Continue it with `motpart cert order-fi --resume`, or forget it with --discard.\n", order.Name, order.BusinessID, st.Step)
		}
		pw, perr := s.password("MOTPART_TRANSFER_PASSWORD", "TransferPassword (from Vero's secure e-mail; its PIN came by SMS): ", false)
		if perr != nil {
			return s.fail("cert order-fi", perr)
		}
		defer clear(pw)
		order := dossier.FIOrder{BusinessID: *businessID, CompanyName: *company, TransferID: *transferID, Environment: *env, Name: *certName}
		stored, err = d.OrderFICertificate(ctx, order, pw, s.fiProgress)
	}
	if err != nil {
		return s.fail("cert order-fi", err)
	}
	fmt.Fprintf(s.stdout, "Stored %q: %s, valid until %s (%d days).\n", stored.Name, stored.Info.Holder, stored.Info.NotAfter.Format(time.DateOnly), stored.Info.DaysLeft)
	return exitOK
}

// certRenew runs `motpart cert renew NAME`.
func (s *session) certRenew(args []string) int {
	fs := flag.NewFlagSet("motpart cert renew", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	env := fs.String("env", "", "test, production or sandbox (default: the environment in Settings)")
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 1 {
		fmt.Fprint(s.stderr, certUsage)
		return exitUsage
	}
	d, status := s.openDesk("cert renew", *env)
	if d == nil {
		return status
	}
	defer d.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	stored, err := d.RenewFICertificate(ctx, fs.Arg(0), s.fiProgress)
	if err != nil {
		return s.fail("cert renew", err)
	}
	fmt.Fprintf(s.stdout, "Renewed %q: valid until %s (%d days).\n", stored.Name, stored.Info.NotAfter.Format(time.DateOnly), stored.Info.DaysLeft)
	return exitOK
}

// fiProgress tells the user where an order stands, on stderr.
func (s *session) fiProgress(st dossier.FIOrderState) {
	switch st.Step {
	case dossier.FIStepSent:
		fmt.Fprintln(s.stderr, "Sent to Vero.")
	case dossier.FIStepWaiting:
		fmt.Fprintf(s.stderr, "Vero is preparing the certificate; asking again at %s (try %d of 10).\n", st.NextTry.Local().Format(time.TimeOnly), st.Attempts+1)
	case dossier.FIStepReady:
		fmt.Fprintln(s.stderr, "Certificate received.")
	}
}
