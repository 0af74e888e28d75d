package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/bankid"
	sbbankid "github.com/motpart/motpart/internal/sandbox/bankid"
)

// sandboxWebhookSecret is the secret the sandbox's BankID simulator signs
// its webhooks with when no secret is set.
const sandboxWebhookSecret = sbbankid.DefaultWebhookSecret

// The receiver's limits: a webhook is one small POST.
const (
	receiveReadHeaderTimeout = 5 * time.Second
	receiveReadTimeout       = 10 * time.Second
	receiveWriteTimeout      = 10 * time.Second
	receiveIdleTimeout       = 60 * time.Second
	receiveMaxHeaderBytes    = 16 << 10
	receiveShutdownTimeout   = 5 * time.Second
)

// amlReceive runs `aml receive --listen ADDR [--cert FILE --key FILE]`:
// a receiver of BankID's webhooks over HTTP, or HTTPS with --cert and
// --key. A webhook signed with the sandbox's scheme (X-Sandbox-Signature:
// sha256=HMAC-SHA256(secret, body); the real BankID scheme is unknown)
// wakes the follower of its order, and the desk, unlocked for as long as
// the receiver runs, keeps following the vault's unfinished orders and
// stores their documents. It prints one line per webhook and per change
// of an order, without personal data, and runs until ctx ends.
func (s *session) amlReceive(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("motpart aml receive", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	listen := fs.String("listen", "", "host:port to receive webhooks on, e.g. 127.0.0.1:8443")
	certFile := fs.String("cert", "", "PEM certificate (chain) to serve HTTPS with; without it, plain HTTP behind a TLS proxy")
	keyFile := fs.String("key", "", "PEM private key of --cert")
	if err := parseFlags(fs, args); err != nil {
		return s.amlUsageError("receive", err)
	}
	switch {
	case fs.NArg() != 0:
		return s.amlUsageError("receive", fmt.Errorf("unexpected %q", fs.Arg(0)))
	case *listen == "":
		return s.amlUsageError("receive", errors.New("--listen ADDR is needed"))
	case (*certFile == "") != (*keyFile == ""):
		return s.amlUsageError("receive", errors.New("--cert and --key go together"))
	}
	var tlsConfig *tls.Config
	if *certFile != "" {
		pair, err := tls.LoadX509KeyPair(*certFile, *keyFile)
		if err != nil {
			return s.amlFail("aml receive", fmt.Errorf("reading the certificate for HTTPS: %w", err))
		}
		tlsConfig = &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}
	}
	o, err := s.overrides("")
	if err != nil {
		return s.amlFail("aml receive", err)
	}
	d := s.deskWith(o)
	defer d.Close()
	// The watch starts before the vault is unlocked, when the desk resumes
	// following the unfinished orders: no change is missed.
	out := &lockedWriter{w: s.stdout}
	watch := newProgress(out, "")
	stopWatch := d.WatchAMLOrders(watch.update)
	defer func() {
		stopWatch()
		watch.close()
	}()
	if err := s.unlock(d); err != nil {
		return s.amlFail("aml receive", err)
	}
	secret, err := webhookSecret(d)
	if err != nil {
		return s.amlFail("aml receive", err)
	}
	if secret == nil {
		fmt.Fprintf(s.stderr, "motpart aml receive: no webhook secret for this environment: set the one agreed with BankID with `motpart settings set %s SECRET`\n", desk.SettingBankIDWebhookSecret)
		return exitFailed
	}
	if inProcessBankID(d) {
		fmt.Fprintln(s.stderr, "Note: in the sandbox environment this command runs its own BankID simulator, which knows no other command's orders; to follow the orders of `motpart sandbox serve`, use the test environment with $MOTPART_BANKID_URL (see the README).")
	}
	orders, err := d.AMLOrders()
	if err != nil {
		return s.amlFail("aml receive", err)
	}
	unfinished := 0
	for _, o := range orders {
		if !o.Finished() {
			unfinished++
		}
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return s.amlFail("aml receive", fmt.Errorf("listening on %s: %w", *listen, err))
	}
	scheme := "http"
	if tlsConfig != nil {
		ln, scheme = tls.NewListener(ln, tlsConfig), "https"
	}
	r := &receiver{d: d, out: out}
	srv := &http.Server{
		Handler:           bankid.NewWebhookHandler(secret, r.wake, r.refused),
		ReadHeaderTimeout: receiveReadHeaderTimeout,
		ReadTimeout:       receiveReadTimeout,
		WriteTimeout:      receiveWriteTimeout,
		IdleTimeout:       receiveIdleTimeout,
		MaxHeaderBytes:    receiveMaxHeaderBytes,
		TLSConfig:         tlsConfig,
	}
	fmt.Fprintf(out, "Receiving BankID webhooks on %s://%s/ (signatures in the sandbox's own scheme); following %d unfinished order(s). Press Ctrl+C to stop.\n", scheme, ln.Addr(), unfinished)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return s.amlFail("aml receive", fmt.Errorf("receiving webhooks: %w", err))
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), receiveShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		_ = srv.Close()
	}
	fmt.Fprintln(out, "Stopped receiving webhooks; unfinished orders can be followed with `motpart aml status SESSION`.")
	return exitOK
}

// webhookSecret is the secret webhooks are signed with: the setting, or
// the sandbox's default in the sandbox environment; nil when there is
// none.
func webhookSecret(d *desk.Desk) ([]byte, error) {
	secret, err := d.Setting(desk.SettingBankIDWebhookSecret)
	if err != nil {
		return nil, err
	}
	if secret != "" {
		return []byte(secret), nil
	}
	settings, err := d.RegisterSettings()
	if err != nil {
		return nil, err
	}
	if settings.Environment == "" || settings.Environment == desk.EnvSandbox {
		return []byte(sandboxWebhookSecret), nil
	}
	return nil, nil
}

// receiver is what the webhook handler calls: it wakes the follower of a
// webhook's order and says so.
type receiver struct {
	d   *desk.Desk
	out io.Writer
}

// wake wakes the follower of the webhook's order, when it is an order of
// this vault.
func (r *receiver) wake(b bankid.AssumedWebhookBody) {
	if _, err := r.d.AMLOrder(b.SessionID); err != nil {
		fmt.Fprintf(r.out, "%s webhook %s for session %s: not an order in this vault (%s); ignored\n", clock(), b.Event, b.SessionID, problem.CauseOf(err))
		return
	}
	r.d.WakeAMLOrder(b.SessionID)
	fmt.Fprintf(r.out, "%s webhook %s for session %s: asking BankID now\n", clock(), b.Event, b.SessionID)
}

// refused says that a webhook was refused, and why.
func (r *receiver) refused(f bankid.WebhookRefusal) {
	why := http.StatusText(f.Status)
	if f.Code != "" {
		why = problem.Text(f.Code) + " [" + string(f.Code) + "]"
	}
	fmt.Fprintf(r.out, "%s refused a webhook (HTTP %d): %s\n", clock(), f.Status, why)
}

// clock is the time of day for the receiver's lines.
func clock() string { return time.Now().Format(time.TimeOnly) }

// lockedWriter serialises writes from several goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

// Write writes p whole under the lock.
func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
