package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/bankid"
	"github.com/motpart/motpart/internal/sandbox"
	sbbankid "github.com/motpart/motpart/internal/sandbox/bankid"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// newAMLEnv is a test's vault, created and unlocked by $MOTPART_PASSWORD.
func newAMLEnv(t *testing.T) *cliEnv {
	t.Helper()
	c := newCLIEnv(t)
	if code, _, errOut := c.run("pw-for-vault\npw-for-vault\n", "vault", "init"); code != 0 {
		t.Fatal(errOut)
	}
	c.env["MOTPART_PASSWORD"] = "pw-for-vault"
	return c
}

// TestAMLOrderDocumentsSave: for a Norwegian, a Swedish and a Finnish
// company, against the sandbox's BankID over TLS: `order --wait --json`
// exits 0 with both documents, `documents --json` lists them, and the
// files `save` writes are PDFs whose SHA-256 is the one listed.
func TestAMLOrderDocumentsSave(t *testing.T) {
	w, err := world.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		country, number, canonical string
	}{
		{"no", world.RichestOrgNr, world.RichestOrgNr},
		{"se", w.Firm.SEOrgNr, w.Firm.SEOrgNr},
		{"fi", w.Firm.YTunnus, w.Firm.YTunnus},
	}
	c := newAMLEnv(t)
	for _, tt := range tests {
		t.Run(tt.country, func(t *testing.T) {
			code, out, errOut := c.run("", "aml", "order", tt.number, "--country", tt.country, "--wait", "--json")
			if code != exitOK {
				t.Fatalf("order: exit %d\n%s", code, errOut)
			}
			var got amlOrderJSON
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("order --json: %v\n%s", err, out)
			}
			if !got.Order.Ready() || got.Order.ID == "" || got.Order.Country != strings.ToUpper(tt.country) {
				t.Errorf("order %+v", got.Order)
			}
			kinds := map[string]dossier.Document{}
			for _, doc := range got.Documents {
				kinds[doc.Kind] = doc
			}
			if len(got.Documents) != 2 || kinds[dossier.DocumentAML].ID == "" || kinds[dossier.DocumentRegistration].ID == "" {
				t.Fatalf("documents %+v, want the AML report and the certificate of registration", got.Documents)
			}

			code, out, errOut = c.run("", "aml", "documents", tt.number, "--json")
			if code != exitOK {
				t.Fatalf("documents: exit %d\n%s", code, errOut)
			}
			var listed []dossier.Document
			if err := json.Unmarshal([]byte(out), &listed); err != nil {
				t.Fatalf("documents --json: %v\n%s", err, out)
			}
			if len(listed) != 2 {
				t.Fatalf("documents listed %+v, want 2", listed)
			}
			dir := t.TempDir()
			for _, doc := range listed {
				if want := kinds[doc.Kind]; doc.ID != want.ID || doc.SHA256 != want.SHA256 || doc.Size != want.Size || doc.SessionID != got.Order.ID {
					t.Errorf("listed %+v, ordered %+v", doc, want)
				}
				path := filepath.Join(dir, doc.Kind+".pdf")
				code, out, errOut := c.run("", "aml", "save", doc.ID, "--out", path)
				if code != exitOK || !strings.Contains(out, "Saved the "+kindWords(doc.Kind)) {
					t.Fatalf("save: exit %d %q %q", code, out, errOut)
				}
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				sum := sha256.Sum256(data)
				if hex.EncodeToString(sum[:]) != doc.SHA256 || int64(len(data)) != doc.Size || !bytes.HasPrefix(data, []byte("%PDF-")) {
					t.Errorf("%s: %d bytes with SHA-256 %x, listed %d bytes %s", doc.Kind, len(data), sum, doc.Size, doc.SHA256)
				}
				// A second save over the file is refused; --force writes it again.
				if code, _, errOut := c.run("", "aml", "save", doc.ID, "--out", path); code != exitFailed || !strings.Contains(errOut, "exists") {
					t.Errorf("save over the file: exit %d %q", code, errOut)
				}
				if code, _, errOut := c.run("", "aml", "save", doc.ID, "--out", path, "--force"); code != exitOK {
					t.Errorf("save --force: exit %d %q", code, errOut)
				}
			}

			// The table names each document with its SHA-256 and id.
			code, out, _ = c.run("", "aml", "documents", tt.number)
			for _, doc := range listed {
				if code != exitOK || !regexp.MustCompile(`(?m)^`+doc.Kind+` .* `+doc.SHA256+`  `+regexp.QuoteMeta(doc.ID)+`$`).MatchString(out) {
					t.Errorf("documents table: exit %d, no line for %s in\n%s", code, doc.ID, out)
				}
			}
		})
	}

	// Without --wait the order is kept in the vault; the sandbox's BankID
	// lives inside the command, which therefore waits for it, and says so.
	code, out, errOut := c.run("", "aml", "order", world.RichestOrgNr, "--reports", "registration")
	if code != exitOK || !strings.Contains(out, "Session:") || !regexp.MustCompile(`(?m)^  certificate of registration: +waiting for BankID$`).MatchString(out) ||
		strings.Contains(out, "AML report") || !regexp.MustCompile(`(?m)^registration +\d+ +[0-9a-f]{64} +\S+$`).MatchString(out) ||
		!strings.Contains(errOut, "The sandbox's BankID runs inside this command, so it waits until the order is finished.") {
		t.Errorf("order without --wait in the sandbox: exit %d\n%s\n%s", code, out, errOut)
	}

	code, out, errOut = c.run("", "aml", "status", "no-such-session")
	if code != exitFailed || out != "" || !strings.Contains(errOut, "motpart aml status: "+problem.Text(problem.CodeAMLOrderNotFound)) {
		t.Errorf("status of an unknown session: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, errOut = c.run("", "aml", "save", "no-such-document", "--out", filepath.Join(t.TempDir(), "x.pdf"))
	if code != exitFailed || out != "" || !strings.Contains(errOut, problem.Text(problem.CodeDocumentNotFound)) {
		t.Errorf("save of an unknown document: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, _ = c.run("", "aml", "documents", world.NeverCreatedOrgNr)
	if code != exitOK || !strings.Contains(out, "No AML documents") {
		t.Errorf("documents of a company without any: exit %d %q", code, out)
	}
}

// TestAMLOrderFails: a session BankID fails ends --wait with status 1 and
// the reason in words.
func TestAMLOrderFails(t *testing.T) {
	c := newAMLEnv(t)
	code, out, errOut := c.run("", "aml", "order", world.FailureOrgNr, "--wait")
	if code != exitFailed || !strings.Contains(out, "Session:") || !strings.Contains(out+errOut, problem.Text(problem.CodeBankIDSessionFailed)) {
		t.Errorf("failed session: exit %d\n%s\n%s", code, out, errOut)
	}
}

// useSharedBankID starts a sandbox that outlives each command and points
// c's commands at its BankID as the test environment, with the webhook
// secret given.
func useSharedBankID(t *testing.T, c *cliEnv, webhookSecret string) *sandbox.Sandbox {
	t.Helper()
	sb, err := sandbox.New(sandbox.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := sb.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, sb.CACertPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	ep := sb.Endpoints()
	c.env["MOTPART_BANKID_URL"] = ep.BankID
	c.env["MOTPART_BANKID_OIDC_URL"] = ep.BankIDOIDC
	c.env["MOTPART_EXTRA_CA"] = caFile
	for _, kv := range [][2]string{{"environment", "test"}, {"bankid.client_id", sbbankid.DefaultClientID},
		{"bankid.client_secret", sbbankid.DefaultClientSecret}, {"bankid.webhook_secret", webhookSecret}} {
		if code, _, errOut := c.run("", "settings", "set", kv[0], kv[1]); code != 0 {
			t.Fatalf("settings set %s: %s", kv[0], errOut)
		}
	}
	return sb
}

// TestAMLOrderInterrupted: Ctrl+C while --wait waits stops the command
// with status 1, saying how to follow the order, which BankID goes on
// preparing; `status` then says it is not ready yet.
func TestAMLOrderInterrupted(t *testing.T) {
	c := newAMLEnv(t)
	sb := useSharedBankID(t, c, "s")
	sb.SetFault(sandbox.ServiceBankID, sandbox.Fault{NeverFinish: true})
	ctx, interrupt := context.WithCancel(context.Background())
	defer interrupt()
	stdout := newLineWaiter()
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- c.session(stdout, &stderr).aml(ctx, []string{"order", world.PEPOrgNr, "--wait"})
	}()
	id := stdout.waitFor(t, regexp.MustCompile(`(?m)^Session: +(\S+)$`))[1]
	interrupt() // Ctrl+C
	if code := <-done; code != exitFailed || !strings.Contains(stderr.String(), "stopped waiting. BankID goes on preparing the order for 2 hours: follow it with `motpart aml status "+id+"`") {
		t.Errorf("interrupted: exit %d, stderr %q", code, stderr.String())
	}
	code, out, errOut := c.run("", "aml", "status", id)
	if code != exitFailed || !regexp.MustCompile(`(?m)^  AML report: +being prepared by BankID$`).MatchString(out) ||
		!strings.Contains(errOut, "not everything is ready yet; ask again with `motpart aml status "+id+"`") {
		t.Errorf("status of the unfinished order: exit %d\n%s\n%s", code, out, errOut)
	}
	sb.ClearFaults()
}

// lineWaiter collects what a command writes and lets a test wait until
// it holds a text (a guard ends a wait that would hang).
type lineWaiter struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	changed chan struct{}
}

func newLineWaiter() *lineWaiter { return &lineWaiter{changed: make(chan struct{}, 1)} }

func (w *lineWaiter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n, _ := w.buf.Write(p)
	select {
	case w.changed <- struct{}{}:
	default:
	}
	return n, nil
}

func (w *lineWaiter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// waitFor returns the first match of re in the text, waiting for writes.
func (w *lineWaiter) waitFor(t *testing.T, re *regexp.Regexp) []string {
	t.Helper()
	guard := time.NewTimer(time.Minute) // not a synchronisation: a hang's end
	defer guard.Stop()
	for {
		if m := re.FindStringSubmatch(w.String()); m != nil {
			return m
		}
		select {
		case <-w.changed:
		case <-guard.C:
			t.Fatalf("no %q in:\n%s", re, w.String())
		}
	}
}

// TestAMLReceive: an order placed by one command is followed by `aml
// receive`, which answers a signed webhook 200 and wakes its order once,
// refuses a wrongly signed one with 401 and wakes nothing, ignores a
// webhook for a session not in the vault, and stores the order's
// documents. The sandbox here outlives each
// command, so the commands use it as the test environment.
func TestAMLReceive(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := newAMLEnv(t)
	const secret = "the-firm's-webhook-secret"
	useSharedBankID(t, c, secret)
	code, out, errOut := c.run("", "aml", "order", world.RichestOrgNr, "--json")
	if code != exitOK {
		t.Fatalf("order: exit %d %s", code, errOut)
	}
	var placed amlOrderJSON
	if err := json.Unmarshal([]byte(out), &placed); err != nil || placed.Order.ID == "" {
		t.Fatalf("order --json: %v\n%s", err, out)
	}
	id := placed.Order.ID

	recvCtx, stop := context.WithCancel(ctx)
	defer stop()
	stdout := newLineWaiter()
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- c.session(stdout, &stderr).aml(recvCtx, []string{"receive", "--listen", "127.0.0.1:0"})
	}()
	addr := stdout.waitFor(t, regexp.MustCompile(`Receiving BankID webhooks on (http://127\.0\.0\.1:\d+/)`))[1]

	post := func(body, sig string) int {
		t.Helper()
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, addr, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(bankid.SandboxSignatureHeader, sig)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	body := `{"sessionId":"` + id + `","event":"AllDone","timestamp":"2026-12-03T14:00:00Z"}`
	stranger := `{"sessionId":"not-ours","event":"AllDone"}`
	steps := []struct {
		name       string
		body, sig  string
		wantStatus int
		wantLine   string
	}{
		{"wrongly signed", body, bankid.SandboxSignature([]byte("a guess"), []byte(body)), http.StatusUnauthorized,
			"refused a webhook (HTTP 401): " + problem.Text(problem.CodeWebhookBadSignature) + " [webhook_bad_signature]"},
		{"signed", body, bankid.SandboxSignature([]byte(secret), []byte(body)), http.StatusOK,
			"webhook AllDone for session " + id + ": asking BankID now"},
		{"signed, another vault's session", stranger, bankid.SandboxSignature([]byte(secret), []byte(stranger)), http.StatusOK,
			"webhook AllDone for session not-ours: not an order in this vault"},
	}
	for _, st := range steps {
		if got := post(st.body, st.sig); got != st.wantStatus {
			t.Errorf("%s: HTTP %d, want %d", st.name, got, st.wantStatus)
		}
		stdout.waitFor(t, regexp.MustCompile(regexp.QuoteMeta(st.wantLine)))
	}
	// The receiver follows the order, woken, until its documents are stored.
	stdout.waitFor(t, regexp.MustCompile(`(?m)^session `+id+`: everything is ready$`))
	stop()
	if code := <-done; code != exitOK {
		t.Fatalf("receive: exit %d %s", code, stderr.String())
	}
	text := stdout.String()
	if n := strings.Count(text, ": asking BankID now"); n != 1 {
		t.Errorf("%d wakes, want 1:\n%s", n, text)
	}
	if strings.Contains(text, "SOLSTRAND") || strings.Contains(text, world.RichestOrgNr) {
		t.Errorf("the receiver printed whom the order is about:\n%s", text)
	}

	// The documents the receiver fetched are in the vault.
	code, out, errOut = c.run("", "aml", "status", id)
	if code != exitOK || !regexp.MustCompile(`(?m)^  AML report: +ready, document \S+$`).MatchString(out) {
		t.Errorf("status after the webhook: exit %d\n%s\n%s", code, out, errOut)
	}
}

// TestAMLReceiveTLS: with --cert and --key the receiver speaks HTTPS (the
// callback URL BankID is given must be https://), and in the sandbox
// environment it checks the simulator's default secret.
func TestAMLReceiveTLS(t *testing.T) {
	c := newAMLEnv(t)
	dir := t.TempDir()
	certFile, keyFile := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	pool := writeServerCertificate(t, certFile, keyFile)

	if code, _, errOut := c.run("", "aml", "receive", "--listen", "127.0.0.1:0", "--cert", keyFile, "--key", keyFile); code != exitFailed || !strings.Contains(errOut, "reading the certificate for HTTPS") {
		t.Errorf("a key given as the certificate: exit %d %q", code, errOut)
	}

	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	stdout := newLineWaiter()
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- c.session(stdout, &stderr).aml(ctx, []string{"receive", "--listen", "127.0.0.1:0", "--cert", certFile, "--key", keyFile})
	}()
	addr := stdout.waitFor(t, regexp.MustCompile(`Receiving BankID webhooks on (https://127\.0\.0\.1:\d+/)`))[1]
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	defer client.CloseIdleConnections()
	body := `{"sessionId":"s1","event":"JsonDataReady"}`
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, addr, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set(bankid.SandboxSignatureHeader, bankid.SandboxSignature([]byte(sandboxWebhookSecret), []byte(body)))
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("HTTP %d, want 200", resp.StatusCode)
	}
	stdout.waitFor(t, regexp.MustCompile(`webhook JsonDataReady for session s1: not an order in this vault`))
	stop()
	if code := <-done; code != exitOK || !strings.Contains(stderr.String(), "in the sandbox environment this command runs its own BankID simulator") {
		t.Errorf("receive: exit %d %s", code, stderr.String())
	}
}

// writeServerCertificate writes a self-signed certificate for 127.0.0.1
// and its key as PEM files and returns a pool trusting it.
func writeServerCertificate(t *testing.T, certFile, keyFile string) *x509.CertPool {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "motpart webhook receiver"},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:    time.Unix(0, 0),
		NotAfter:     time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), // valid whatever the clock says
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return pool
}

// TestAMLScreeningHits: a sanctions or PEP hit in BankID's screening is
// printed on a line of its own and said on standard error; `status
// --json` holds it in "screening".
func TestAMLScreeningHits(t *testing.T) {
	c := newAMLEnv(t)
	tests := []struct {
		number     string
		line       string // a regular expression matching a whole line of stdout
		stderr     string
		sanctions  int
		pep        int
		screenedOn string
	}{
		{world.SanctionsOrgNr, `SANCTIONS HIT: \S.* \(EU\): .+`, "found 1 sanctions hit(s) and 0 politically exposed person(s)", 1, 0, world.ScreeningDate},
		{world.PEPOrgNr, `POLITICALLY EXPOSED PERSON: \S.*: .+`, "found 0 sanctions hit(s) and 1 politically exposed person(s)", 0, 1, world.ScreeningDate},
		{world.RichestOrgNr, `Sanctions and PEP: no hits \(screened against EU, UN on ` + world.ScreeningDate + `\)`, "", 0, 0, world.ScreeningDate},
	}
	for _, tt := range tests {
		t.Run(tt.number, func(t *testing.T) {
			code, out, errOut := c.run("", "aml", "order", tt.number, "--wait")
			if code != exitOK || !regexp.MustCompile(`(?m)^`+tt.line+`$`).MatchString(out) {
				t.Errorf("exit %d, no line matching %q in:\n%s", code, tt.line, out)
			}
			if tt.stderr != "" && !strings.Contains(errOut, "motpart aml order: BankID's screening of "+tt.number+" "+tt.stderr) {
				t.Errorf("stderr %q, want %q", errOut, tt.stderr)
			}
			if tt.stderr == "" && strings.Contains(errOut, "screening") {
				t.Errorf("stderr %q speaks of hits", errOut)
			}
			// status of the finished order tells the same, from the vault.
			id := regexp.MustCompile(`(?m)^Session: +(\S+)$`).FindStringSubmatch(out)
			if id == nil {
				t.Fatalf("no session in\n%s", out)
			}
			code, out, _ = c.run("", "aml", "status", id[1], "--json")
			var got amlOrderJSON
			if err := json.Unmarshal([]byte(out), &got); err != nil || code != exitOK || got.Screening == nil {
				t.Fatalf("--json: exit %d, %v\n%s", code, err, out)
			}
			if len(got.Screening.Sanctions) != tt.sanctions || len(got.Screening.PEP) != tt.pep || got.Screening.Date != tt.screenedOn {
				t.Errorf("screening %+v", got.Screening)
			}
		})
	}
}
