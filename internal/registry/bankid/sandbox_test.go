package bankid_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"io"
	"log"
	"net/http/httptest"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/bankid"
	"github.com/motpart/motpart/internal/registry/transport"
	sim "github.com/motpart/motpart/internal/sandbox/bankid"
	"github.com/motpart/motpart/internal/sandbox/ca"
	"github.com/motpart/motpart/internal/sandbox/fault"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// testClock is the one clock of the client and the simulator; the
// client's sleeps move it.
type testClock struct {
	mu    sync.Mutex
	now   time.Time
	slept []time.Duration
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *testClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.slept = append(c.slept, d)
	c.mu.Unlock()
	return ctx.Err()
}
func (c *testClock) advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

type rig struct {
	url    string
	hc     *transport.Client
	sim    *sim.Server
	faults *fault.Switches
	clock  *testClock
	client *bankid.Client
}

// newRig starts the simulator over TLS on 127.0.0.1 with a certificate of
// the sandbox CA, and a client that trusts only that CA.
func newRig(t *testing.T, polls int) *rig {
	t.Helper()
	return newRigWith(t, sim.Options{Polls: polls}, nil)
}

// newRigWith is newRig with the simulator's options and a change to the
// client's configuration.
func newRigWith(t *testing.T, opts sim.Options, mod func(*bankid.Config)) *rig {
	t.Helper()
	w, err := world.New()
	if err != nil {
		t.Fatal(err)
	}
	clk := &testClock{now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	authority, err := ca.New(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	cert, err := authority.ServerCert("bankid", "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	opts.Now = clk.Now
	faults := &fault.Switches{}
	opts.Fault = func() fault.Fault { return faults.Get(fault.ServiceBankID) }
	s := sim.New(w, opts)
	closing := make(chan struct{})
	srv := httptest.NewUnstartedServer(fault.Wrap(faults, fault.ServiceBankID, closing, sim.WriteError, s))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	// Handshakes cut short when the server closes are no finding.
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	t.Cleanup(func() { close(closing); srv.Close(); s.Close() })
	hc, err := transport.New(transport.Config{RootCAs: authority.Pool(), Retries: -1, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(hc.CloseIdleConnections)
	cfg := bankid.Config{BaseURL: srv.URL, OIDCBaseURL: srv.URL + sim.Realm,
		ClientID: sim.DefaultClientID, ClientSecret: sim.DefaultClientSecret, Now: clk.Now, Sleep: clk.Sleep}
	if mod != nil {
		mod(&cfg)
	}
	c, err := bankid.New(cfg, hc)
	if err != nil {
		t.Fatal(err)
	}
	return &rig{url: srv.URL, hc: hc, sim: s, faults: faults, clock: clk, client: c}
}

func TestWholeFlowOverTLS(t *testing.T) {
	w, _ := world.New()
	u, _ := w.Unit(world.RichestOrgNr)
	tests := []struct {
		number  string
		country ident.Country
		name    string
	}{
		{world.RichestOrgNr, ident.CountryNO, u.Name},
		{w.Firm.SEOrgNr, ident.CountrySE, w.Firm.SEName},
		{w.Firm.YTunnus, ident.CountryFI, w.Firm.FIName},
	}
	for _, tt := range tests {
		t.Run(string(tt.country), func(t *testing.T) {
			r := newRig(t, 3)
			ctx := context.Background()
			s, err := r.client.CreateSession(ctx, bankid.Order{Identifier: tt.number, Country: tt.country})
			if err != nil {
				t.Fatal(err)
			}
			if s, err = r.client.Wait(ctx, s.ID); err != nil || !s.Done() {
				t.Fatalf("wait: %+v, %v", s, err)
			}
			if got := r.sim.Count("status"); got != 3 {
				t.Errorf("%d status polls, want 3", got)
			}
			res, err := r.client.Result(ctx, s.ID)
			if err != nil || res.KeyInformation.Name != tt.name || res.KeyInformation.OrganizationNumber != tt.number {
				t.Fatalf("result %+v, %v", res.KeyInformation, err)
			}
			if tt.country == ident.CountryNO && (len(res.Roles) == 0 || len(res.Ownership.Beneficials) == 0) {
				t.Errorf("no roles or owners: %+v", res)
			}
			for _, name := range bankid.DefaultReports() {
				pdf, err := r.client.Report(ctx, s.ID, name)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				readPDF(t, pdf, tt.name, tt.number)
			}
			if got := r.sim.Count("token"); got != 1 {
				t.Errorf("%d token requests, want 1", got)
			}
		})
	}
}

// readPDF has poppler read the PDF: pdfinfo opens it (A4, pages
// counted), pdftotext finds every want in its text. Poppler must be
// installed (make test installs poppler-utils).
func readPDF(t *testing.T, pdf []byte, want ...string) {
	t.Helper()
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatal("pdftotext is not installed: install poppler-utils (make test does) so a real PDF reader checks the reports")
	}
	pdfInfo(t, pdf)
	cmd := exec.Command(path, "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	for _, w := range want {
		if !strings.Contains(string(out), w) {
			t.Errorf("pdftotext found no %q in %q", w, out)
		}
	}
}

func TestTwentySessionsShareOneTokenOverTLS(t *testing.T) {
	r := newRig(t, -1)
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := r.client.CreateSession(context.Background(), bankid.Order{Identifier: world.RichestOrgNr})
			if err == nil {
				_, err = r.client.Wait(context.Background(), s.ID)
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := r.sim.Count("token"); got != 1 {
		t.Fatalf("%d token requests for 20 sessions, want 1", got)
	}
	if got := r.sim.Count("create"); got != 20 {
		t.Fatalf("%d sessions created, want 20", got)
	}
}

func TestSessionTroublesOverTLS(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		number string
		before func(r *rig, id string) // after the session is created
		want   problem.Code
		slept  time.Duration // the total wait on the clock
		tokens int
	}{
		{"token expires mid-session", world.RichestOrgNr, func(r *rig, id string) { r.clock.advance(301 * time.Second) }, "", time.Second, 2},
		{"session expires", world.RichestOrgNr, func(r *rig, id string) { r.clock.advance(2 * time.Hour) }, problem.CodeBankIDSessionExpired, 0, 2},
		{"failed", world.FailureOrgNr, nil, problem.CodeBankIDSessionFailed, time.Second, 1},
		{"429 with Retry-After", world.RichestOrgNr, func(r *rig, id string) {
			r.faults.Set(fault.ServiceBankID, fault.Fault{Status: 429, RetryAfter: 7 * time.Second, Times: 1, PathSuffix: id})
		}, "", 8 * time.Second, 1},
		{"503 twice", world.RichestOrgNr, func(r *rig, id string) {
			r.faults.Set(fault.ServiceBankID, fault.Fault{Status: 503, RetryAfter: 2 * time.Second, Times: 2, PathSuffix: id})
		}, "", 5 * time.Second, 1},
		{"status 500", world.RichestOrgNr, func(r *rig, id string) {
			r.faults.Set(fault.ServiceBankID, fault.Fault{Status: 500, PathSuffix: id})
		}, problem.CodeRegisterServerError, 0, 1},
		{"malformed status", world.RichestOrgNr, func(r *rig, id string) {
			r.faults.Set(fault.ServiceBankID, fault.Fault{Malformed: true, PathSuffix: id})
		}, problem.CodeUnreadableAnswer, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, 2)
			s, err := r.client.CreateSession(ctx, bankid.Order{Identifier: tt.number, Reports: []string{"aml"}})
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
			var total time.Duration
			for _, d := range r.clock.slept {
				total += d
			}
			if total != tt.slept {
				t.Errorf("waited %v (%v), want %v", total, r.clock.slept, tt.slept)
			}
			if got := r.sim.Count("token"); got != tt.tokens {
				t.Errorf("%d token requests, want %d", got, tt.tokens)
			}
		})
	}
}

func TestReportFaultsOverTLS(t *testing.T) {
	tests := []struct {
		name  string
		fault fault.Fault
		want  problem.Code
	}{
		{"healthy", fault.Fault{}, ""},
		{"truncated", fault.Fault{Truncated: true, PathSuffix: "/report/aml"}, problem.CodeAnswerCutOff},
		{"malformed", fault.Fault{Malformed: true, PathSuffix: "/report/aml"}, problem.CodeAnswerCutOff},
		{"503", fault.Fault{Status: 503, PathSuffix: "/report/aml"}, problem.CodeRegisterUnavailable},
		{"gone missing", fault.Fault{Status: 404, PathSuffix: "/report/aml"}, problem.CodeBankIDNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, -1)
			ctx := context.Background()
			s, err := r.client.CreateSession(ctx, bankid.Order{Identifier: world.RichestOrgNr})
			if err != nil {
				t.Fatal(err)
			}
			r.faults.Set(fault.ServiceBankID, tt.fault)
			pdf, err := r.client.Report(ctx, s.ID, "aml")
			if got := problem.CodeOf(err); got != tt.want {
				t.Fatalf("code %q (%v), want %q", got, err, tt.want)
			}
			if tt.want != "" && pdf != nil {
				t.Fatalf("a refused report came back")
			}
		})
	}
}

// TestWrongSecretOverTLS: the simulator's invalid_client, and its
// refusal of a scope, reach the user as their own codes.
func TestWrongSecretOverTLS(t *testing.T) {
	r := newRig(t, -1)
	tests := []struct {
		name   string
		secret string
		want   problem.Code
	}{
		{"wrong secret", "nope", problem.CodeBankIDInvalidClient},
		{"right secret", sim.DefaultClientSecret, ""},
	}
	for _, tt := range tests {
		for _, auth := range []bankid.AuthMethod{bankid.AuthSecretBasic, bankid.AuthSecretPost} {
			c, err := bankid.New(bankid.Config{BaseURL: r.url, OIDCBaseURL: r.url + sim.Realm, Auth: auth,
				ClientID: sim.DefaultClientID, ClientSecret: tt.secret}, r.hc)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.Token(context.Background()); problem.CodeOf(err) != tt.want {
				t.Errorf("%s, %s: %v, want %q", tt.name, auth, err, tt.want)
			}
		}
	}
}

// TestPrivateKeyJWTOverTLS: a client assertion signed with the registered
// key gets a token, a second one too (a fresh jti each); another key or an
// assertion for another endpoint is refused as invalid_client.
func TestPrivateKeyJWTOverTLS(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	other, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		signer *rsa.PrivateKey
		want   problem.Code
	}{
		{"registered key", key, ""},
		{"another key", other, problem.CodeBankIDInvalidClient},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRigWith(t, sim.Options{Polls: -1, ClientKey: &key.PublicKey}, func(c *bankid.Config) {
				c.Auth, c.Key, c.ClientSecret = bankid.AuthPrivateKeyJWT, tt.signer, ""
			})
			_, err := r.client.Token(context.Background())
			if got := problem.CodeOf(err); got != tt.want {
				t.Fatalf("code %q (%v), want %q", got, err, tt.want)
			}
			if tt.want != "" {
				return
			}
			// The token expires; the next assertion has a new jti.
			r.clock.advance(10 * time.Minute)
			if _, err := r.client.Token(context.Background()); err != nil {
				t.Fatalf("second token: %v", err)
			}
			if got := r.sim.Count("token"); got != 2 {
				t.Fatalf("%d token requests, want 2", got)
			}
		})
	}
}
