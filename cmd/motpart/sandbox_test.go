package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// watchWriter collects what is written and calls done once the text holds
// until.
type watchWriter struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	until string
	done  func(text string)
}

func (w *watchWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n, _ := w.buf.Write(p)
	if w.done != nil && strings.Contains(w.buf.String(), w.until) {
		w.done(w.buf.String())
		w.done = nil
	}
	return n, nil
}

// TestSandboxServeSaysWhereEverythingIs: `sandbox serve` names every
// simulator with an address that answers over TLS with the CA it wrote,
// the variables to use them, and the numbers to try as plain numbers
// with what each shows.
func TestSandboxServeSaysWhereEverythingIs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sandbox")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var text string
	reached := map[string]error{}
	out := &watchWriter{until: "Press Ctrl+C to stop.", done: func(s string) {
		// The simulators run until ctx ends: dial each address now.
		text = s
		pem, err := os.ReadFile(filepath.Join(dir, "sandbox-ca.pem"))
		if err != nil {
			t.Errorf("CA certificate: %v", err)
		}
		pool := x509.NewCertPool()
		pool.AppendCertsFromPEM(pem)
		for _, m := range regexp.MustCompile(`(?m)^  MOTPART_[A-Z]+_URL=(\S+)$`).FindAllStringSubmatch(s, -1) {
			u, err := url.Parse(m[1])
			if err != nil {
				reached[m[1]] = err
				continue
			}
			conn, err := tls.DialWithDialer(&net.Dialer{}, "tcp", u.Host, &tls.Config{RootCAs: pool, ServerName: u.Hostname()})
			if err == nil {
				conn.Close()
			}
			reached[m[1]] = err
		}
		cancel()
	}}
	var errb bytes.Buffer
	s := &session{stdout: out, stderr: &errb, lookupEnv: func(string) (string, bool) { return "", false }}
	if code := s.serveSandbox(ctx, []string{"serve", "--out", dir}); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if len(reached) != 4 {
		t.Errorf("%d addresses given for MOTPART_*_URL, want 4:\n%s", len(reached), text)
	}
	for addr, err := range reached {
		if err != nil {
			t.Errorf("%s does not answer over TLS with the sandbox CA: %v", addr, err)
		}
	}
	tests := []struct {
		name string
		want string // a regular expression matching a whole line
	}{
		{"Enhetsregisteret", `  Enhetsregisteret \(REST\) +https://127\.0\.0\.1:\d+/enhetsregisteret/api`},
		{"grunndataWS", `  grunndataWS \(SOAP\) +https://127\.0\.0\.1:\d+/grunndata/ErFr`},
		{"Maskinporten", `  Maskinporten +https://127\.0\.0\.1:\d+/`},
		{"owners register", `  Beneficial owners \(RRH\) +https://127\.0\.0\.1:\d+`},
		{"BankID AML", `  BankID AML +https://127\.0\.0\.1:\d+\S*`},
		{"BankID client", `  BankID client +\S+ / \S+`},
		{"sanctions number", `  ` + world.SanctionsOrgNr + ` +.* \(NO\): a sanctions hit`},
		{"Finnish PEP number", `  ` + world.FIPEPYTunnus + ` +Revontuli Metsä Oy \(FI\): a politically exposed person`},
		{"BankID sign-in", `  BankID AML sign-in \(OIDC\) +https://127\.0\.0\.1:\d+\S*`},
		{"grunndataWS account", `  grunndataWS user +\S+ / \S+`},
		{"SCB", `  SCB Sök på var \(mutual TLS\) +https://127\.0\.0\.1:\d+/nv0101/v1/sokpavar`},
		{"SCB sector file", `  SCB sector file +https://127\.0\.0\.1:\d+/nv0101/v1/sokpavar/api/Je/SektorFil`},
		{"Vero", `  Vero certificate service \(SOAP\) +https://127\.0\.0\.1:\d+/2017/10/CertificateServices`},
		{"Vero TransferIds", `  Vero TransferIds +` + world.VeroDemoTransferID + ` / ` + world.VeroDemoTransferPassword + ` for ` + world.FIFirmYTunnus + ` .*`},
		{"Swedish holding company", `  ` + world.SEHoldingOrgNr + ` +Norrsken Kapital AB: owns 25 % of ` + world.RichestOrgNr},
		{"CA", `  MOTPART_EXTRA_CA=` + regexp.QuoteMeta(filepath.Join(dir, "sandbox-ca.pem"))},
		{"richest number", `  ` + world.RichestOrgNr + `  SOLSTRAND INDUSTRIER ASA: everything filled in.*`},
		{"never issued", `  ` + world.NeverCreatedOrgNr + `  a valid number that was never issued: not found`},
	}
	for _, tt := range tests {
		if !regexp.MustCompile(`(?m)^` + tt.want + `$`).MatchString(text) {
			t.Errorf("%s: no line matches %q in:\n%s", tt.name, tt.want, text)
		}
	}
	if strings.Contains(text, "{") {
		t.Errorf("Go structs printed:\n%s", text)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*.p*")); len(files) != 4 { // 3 certificates and the CA's .pem
		t.Errorf("files written: %v", files)
	}
}
