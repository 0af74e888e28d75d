package bankid_test

import (
	"bytes"
	"context"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/bankid"
	"github.com/motpart/motpart/internal/registry/transport"
	"github.com/motpart/motpart/internal/sandbox"
	sim "github.com/motpart/motpart/internal/sandbox/bankid"
	"github.com/motpart/motpart/internal/sandbox/fault"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// pdfInfo has poppler's pdfinfo open the PDF: it must be A4 and have
// pages. It returns the page count.
func pdfInfo(t *testing.T, pdf []byte) int {
	t.Helper()
	path, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Fatal("pdfinfo is not installed: install poppler-utils (make test does) so a real PDF reader checks the reports")
	}
	cmd := exec.Command(path, "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdfinfo cannot open the PDF: %v", err)
	}
	if !regexp.MustCompile(`(?m)^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)`).Match(out) {
		t.Errorf("not A4: %s", out)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo names no pages: %s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	if n < 1 {
		t.Fatalf("%d pages", n)
	}
	return n
}

// sandboxRig is the whole sandbox, started on 127.0.0.1 with zero BankID
// delays on a test clock, and a client of it trusting only its CA.
func sandboxRig(t *testing.T, clk *testClock, cfg sandbox.Config) (*sandbox.Sandbox, *bankid.Client) {
	t.Helper()
	cfg.Now = clk.Now
	if cfg.BankIDDelays == nil {
		cfg.BankIDDelays = sim.ZeroDelays()
	}
	sb, err := sandbox.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := sb.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sb.Close() })
	hc, err := transport.New(transport.Config{RootCAs: sb.CAPool(), Retries: -1, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(hc.CloseIdleConnections)
	ep := sb.Endpoints()
	c, err := bankid.New(bankid.Config{BaseURL: ep.BankID, OIDCBaseURL: ep.BankIDOIDC, ClientID: sim.DefaultClientID,
		ClientSecret: sim.DefaultClientSecret, OFAC: true, Now: clk.Now, Sleep: clk.Sleep}, hc)
	if err != nil {
		t.Fatal(err)
	}
	return sb, c
}

// TestZeroDelayFlowThroughTheSandbox: for Norwegian, Swedish and Finnish
// companies of the world, a session through the sandbox facade with zero
// delays is done at once (no sleep), its JSON holds the world's roles,
// owners, holdings and screening, and both reports are PDFs a real reader
// opens, holding the company's name and number.
func TestZeroDelayFlowThroughTheSandbox(t *testing.T) {
	clk := &testClock{now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	sb, c := sandboxRig(t, clk, sandbox.Config{})
	w := sb.World()
	name := func(n string) string {
		if u, ok := w.Unit(n); ok {
			return u.Name
		}
		f, _ := w.ForeignEntity(n)
		return f.Name
	}
	tests := []struct {
		number       string
		country      ident.Country
		owners       int // beneficial owners
		shareholders int
		subsidiaries int
		sanctions    int // OFAC included: the client asks for it
		pep          int
		certificate  string
	}{
		{world.RichestOrgNr, ident.CountryNO, 2, 4, 1, 0, 0, "Firmaattest"},
		{world.SanctionsOrgNr, ident.CountryNO, 0, 2, 0, 1, 0, "Firmaattest"},
		{world.PEPOrgNr, ident.CountryNO, 1, 3, 0, 0, 1, "Firmaattest"},
		{world.SamiOrgNr, ident.CountryNO, 0, 0, 0, 0, 0, "Firmaattest"},
		{world.SEOrgNr, ident.CountrySE, 1, 1, 2, 0, 0, "Registreringsbevis"},
		{world.SESanctionsOrgNr, ident.CountrySE, 2, 2, 0, 3, 0, "Registreringsbevis"},
		{world.FIPEPYTunnus, ident.CountryFI, 2, 2, 1, 0, 1, "Kaupparekisteriote"},
		{world.FIYTunnus, ident.CountryFI, 2, 2, 0, 0, 0, "Kaupparekisteriote"},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.number, func(t *testing.T) {
			s, err := c.CreateSession(ctx, bankid.Order{Identifier: tt.number, Country: tt.country})
			if err != nil {
				t.Fatal(err)
			}
			before := len(clk.slept)
			if s, err = c.Wait(ctx, s.ID); err != nil || !s.Done() {
				t.Fatalf("wait: %+v, %v", s, err)
			}
			if len(clk.slept) != before {
				t.Errorf("zero delays, yet the client slept %v", clk.slept[before:])
			}
			res, err := c.Result(ctx, s.ID)
			if err != nil {
				t.Fatal(err)
			}
			a := res.Dossier(s.ID, tt.country, clk.Now())
			if a.Key.Name != name(tt.number) || a.Key.Number != tt.number || a.Key.Country != string(tt.country) || len(a.Roles) == 0 {
				t.Fatalf("key %+v, %d roles", a.Key, len(a.Roles))
			}
			if len(a.Beneficials) != tt.owners || len(a.Shareholders) != tt.shareholders || len(a.Subsidiaries) != tt.subsidiaries {
				t.Errorf("%d owners, %d shareholders, %d subsidiaries; want %d, %d, %d", len(a.Beneficials), len(a.Shareholders),
					len(a.Subsidiaries), tt.owners, tt.shareholders, tt.subsidiaries)
			}
			for _, h := range append(append([]dossier.Holding{}, a.Shareholders...), a.Subsidiaries...) {
				if h.Name == "" || h.Share <= 0 || h.OrgNumber != "" && h.Country == "" {
					t.Errorf("holding %+v: no name, share or country", h)
				}
			}
			sc := a.Screening
			if sc == nil || strings.Join(sc.Lists, ",") != "EU,UN,OFAC" || sc.Date != world.ScreeningDate ||
				len(sc.Sanctions) != tt.sanctions || len(sc.PEP) != tt.pep || sc.Hits() != (tt.sanctions+tt.pep > 0) {
				t.Errorf("screening %+v", sc)
			}
			for _, h := range append(append([]dossier.ScreeningHit{}, sc.Sanctions...), sc.PEP...) {
				if h.Name == "" || h.List == "" || h.Detail == "" {
					t.Errorf("a hit without its name, list or detail: %+v", h)
				}
			}
			aml, err := c.Report(ctx, s.ID, bankid.AssumedReportAML)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"AML Report", a.Key.Name, tt.number, s.ID, "Sanctions and PEP screening", "EU, UN, OFAC", world.ScreeningDate, "Page 1 of"}
			for _, h := range sc.Sanctions {
				want = append(want, h.Name)
			}
			readPDF(t, aml, want...)
			n := pdfInfo(t, aml)
			readPDF(t, aml, "Page "+strconv.Itoa(n)+" of "+strconv.Itoa(n))
			reg, err := c.Report(ctx, s.ID, bankid.AssumedReportRegistration)
			if err != nil {
				t.Fatal(err)
			}
			readPDF(t, reg, tt.certificate, a.Key.Name, tt.number)
		})
	}
	if got := sb.BankIDCount("token"); got != 1 {
		t.Errorf("%d token requests for %d sessions, want 1", got, len(tests))
	}
}

// TestSamiLettersPrint: the Sámi company's name and its chair's name
// come out of both PDFs as a real reader reads them.
func TestSamiLettersPrint(t *testing.T) {
	r := newRigWith(t, sim.Options{Delays: sim.ZeroDelays()}, nil)
	ctx := context.Background()
	s, err := r.client.CreateSession(ctx, bankid.Order{Identifier: world.SamiOrgNr})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range bankid.DefaultReports() {
		pdf, err := r.client.Report(ctx, s.ID, name)
		if err != nil {
			t.Fatal(err)
		}
		readPDF(t, pdf, "ČUOVGA ĐUODJI ŊUORA ÁŠŠI SA", "Ánde Ŧuomma Žiiđáš", world.SamiOrgNr)
	}
}

// TestTimedWorker: with delays, each entity moves NOT_STARTED →
// IN_PROGRESS → COMPLETED on the simulator's clock; the client's sleeps
// move that clock, so it sleeps until the last report is done.
func TestTimedWorker(t *testing.T) {
	d := &sim.Delays{Start: 2 * time.Second, JSON: 3 * time.Second, Report: 4 * time.Second}
	r := newRigWith(t, sim.Options{Delays: d}, nil)
	ctx := context.Background()
	s, err := r.client.CreateSession(ctx, bankid.Order{Identifier: world.SEOrgNr})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		after              time.Duration
		json, aml, certReg string
	}{
		{0, "NOT_STARTED", "NOT_STARTED", "NOT_STARTED"},
		{2 * time.Second, "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS"},
		{5 * time.Second, "COMPLETED", "IN_PROGRESS", "IN_PROGRESS"},
		{9 * time.Second, "COMPLETED", "COMPLETED", "IN_PROGRESS"},
		{13 * time.Second, "COMPLETED", "COMPLETED", "COMPLETED"},
	}
	start := r.clock.Now()
	for _, tt := range tests {
		r.clock.mu.Lock()
		r.clock.now = start.Add(tt.after)
		r.clock.mu.Unlock()
		st, err := r.client.Status(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if st.Status["jsonData"] != tt.json || st.Status["aml-report"] != tt.aml || st.Status["certificateOfRegistration-report"] != tt.certReg {
			t.Errorf("after %v: %v", tt.after, st.Status)
		}
	}
	// A fresh session: Wait sleeps on the clock until it is done.
	s, err = r.client.CreateSession(ctx, bankid.Order{Identifier: world.FIYTunnus})
	if err != nil {
		t.Fatal(err)
	}
	start = r.clock.Now()
	if _, err := r.client.Wait(ctx, s.ID); err != nil {
		t.Fatal(err)
	}
	if waited := r.clock.Now().Sub(start); waited < 13*time.Second || waited > 30*time.Second {
		t.Errorf("waited %v on the clock for a 13 s session", waited)
	}
}

// TestAMLTroublesOverTLS: the simulator's new faults and timed mode as
// the client meets them, for every country.
func TestAMLTroublesOverTLS(t *testing.T) {
	countries := []struct {
		number  string
		country ident.Country
	}{
		{world.RichestOrgNr, ident.CountryNO}, {world.SEOrgNr, ident.CountrySE}, {world.FIYTunnus, ident.CountryFI},
	}
	tests := []struct {
		name   string
		before func(r *rig, id string)
		want   problem.Code
		tokens int
		fault  fault.Fault // set before the session is created
	}{
		{name: "whole flow", tokens: 1},
		{name: "token expires mid-session", before: func(r *rig, id string) { r.clock.advance(301 * time.Second) }, tokens: 2},
		{name: "session expires", before: func(r *rig, id string) { r.clock.advance(2 * time.Hour) }, want: problem.CodeBankIDSessionExpired, tokens: 2},
		{name: "429 with Retry-After", before: func(r *rig, id string) {
			r.faults.Set(fault.ServiceBankID, fault.Fault{Status: 429, RetryAfter: 9 * time.Second, Times: 1, PathSuffix: id})
		}, tokens: 1},
		{name: "never finishes", want: problem.CodeBankIDSessionExpired, fault: fault.Fault{NeverFinish: true}},
	}
	for _, cc := range countries {
		for _, tt := range tests {
			t.Run(string(cc.country)+" "+tt.name, func(t *testing.T) {
				r := newRigWith(t, sim.Options{Delays: &sim.Delays{JSON: time.Second, Report: time.Second}}, nil)
				r.faults.Set(fault.ServiceBankID, tt.fault)
				ctx := context.Background()
				s, err := r.client.CreateSession(ctx, bankid.Order{Identifier: cc.number, Country: cc.country})
				if err != nil {
					t.Fatal(err)
				}
				if tt.before != nil {
					tt.before(r, s.ID)
				}
				_, err = r.client.Wait(ctx, s.ID)
				if got := problem.CodeOf(err); got != tt.want {
					t.Fatalf("code %q (%v), want %q", got, err, tt.want)
				}
				if tt.tokens > 0 {
					if got := r.sim.Count("token"); got != tt.tokens {
						t.Errorf("%d token requests, want %d", got, tt.tokens)
					}
				}
				if strings.HasPrefix(tt.name, "429") && (len(r.clock.slept) == 0 || r.clock.slept[0] != 9*time.Second) {
					t.Errorf("slept %v, want the Retry-After of 9s first", r.clock.slept)
				}
				if tt.want != "" {
					return
				}
				res, err := r.client.Result(ctx, s.ID)
				if err != nil {
					t.Fatal(err)
				}
				for _, name := range bankid.DefaultReports() {
					pdf, err := r.client.Report(ctx, s.ID, name)
					if err != nil {
						t.Fatal(err)
					}
					readPDF(t, pdf, res.KeyInformation.Name, cc.number)
				}
			})
		}
	}
}

// TestFailedSessionExplained: a session whose company the simulator
// fails ends FAILED, which the client reports as CodeBankIDSessionFailed,
// in every country, with delays and without; its result is not there.
func TestFailedSessionExplained(t *testing.T) {
	tests := []struct {
		number  string
		country ident.Country
		delays  *sim.Delays
	}{
		{world.FailureOrgNr, ident.CountryNO, sim.ZeroDelays()},
		{world.FailureOrgNr, ident.CountryNO, &sim.Delays{Start: time.Second, JSON: 5 * time.Second}},
		{world.SEOrgNr, ident.CountrySE, sim.ZeroDelays()},
		{world.FIYTunnus, ident.CountryFI, &sim.Delays{JSON: time.Minute, Report: time.Minute}},
	}
	for _, tt := range tests {
		t.Run(string(tt.country), func(t *testing.T) {
			r := newRigWith(t, sim.Options{Delays: tt.delays, FailOrgNr: tt.number}, nil)
			s, err := r.client.CreateSession(context.Background(), bankid.Order{Identifier: tt.number, Country: tt.country})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := r.client.Wait(context.Background(), s.ID); problem.CodeOf(err) != problem.CodeBankIDSessionFailed {
				t.Fatalf("delays %+v: %v", tt.delays, err)
			}
			if _, err := r.client.Result(context.Background(), s.ID); problem.CodeOf(err) != problem.CodeBankIDConflict {
				t.Fatalf("the result of a failed session: %v", err)
			}
		})
	}
}

// TestReportNotPDF: an HTML page instead of the report, whether it says
// so or claims to be a PDF, is refused in every country and nothing is
// returned; healed, the PDF comes.
func TestReportNotPDF(t *testing.T) {
	for _, number := range []string{world.PEPOrgNr, world.SESanctionsOrgNr, world.FIPEPYTunnus} {
		for _, ct := range []string{"application/pdf", "text/html; charset=utf-8"} {
			t.Run(number+" "+ct, func(t *testing.T) {
				r := newRigWith(t, sim.Options{Delays: sim.ZeroDelays()}, nil)
				ctx := context.Background()
				s, err := r.client.CreateSession(ctx, bankid.Order{Identifier: number})
				if err != nil {
					t.Fatal(err)
				}
				r.faults.Set(fault.ServiceBankID, fault.Fault{NotPDF: ct})
				for _, name := range bankid.DefaultReports() {
					pdf, err := r.client.Report(ctx, s.ID, name)
					if problem.CodeOf(err) != problem.CodeBankIDReportNotPDF || pdf != nil {
						t.Fatalf("%s: %d bytes, %v", name, len(pdf), err)
					}
				}
				r.faults.Set(fault.ServiceBankID, fault.Fault{})
				if pdf, err := r.client.Report(ctx, s.ID, bankid.AssumedReportAML); err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
					t.Fatalf("healed: %v", err)
				}
			})
		}
	}
}

// TestTwentyZeroDelaySessionsShareOneToken: twenty sessions ordered at
// once, timed with zero delays, ask for one token between them.
func TestTwentyZeroDelaySessionsShareOneToken(t *testing.T) {
	r := newRigWith(t, sim.Options{Delays: sim.ZeroDelays()}, nil)
	numbers := []string{world.RichestOrgNr, world.SEOrgNr, world.FIYTunnus, world.PEPOrgNr}
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := range 20 {
		wg.Go(func() {
			ctx := context.Background()
			s, err := r.client.CreateSession(ctx, bankid.Order{Identifier: numbers[i%len(numbers)]})
			if err == nil {
				_, err = r.client.Wait(ctx, s.ID)
			}
			if err == nil {
				_, err = r.client.Result(ctx, s.ID)
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	for kind, want := range map[string]int{"token": 1, "discovery": 1, "create": 20, "jsonData": 20} {
		if got := r.sim.Count(kind); got != want {
			t.Errorf("%d %s requests, want %d", got, kind, want)
		}
	}
}
