package transport

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// trusting returns a Config that trusts srv's certificate.
func trusting(srv *httptest.Server, cfg Config) Config {
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	cfg.RootCAs = pool
	return cfg
}

func newClient(t *testing.T, cfg Config) *Client {
	t.Helper()
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(c.CloseIdleConnections)
	return c
}

func get(t *testing.T, c *Client, ctx context.Context, u string) (*Response, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c.Do(ctx, req)
}

// asError asserts that err is an *Error of kind k.
func asError(t *testing.T, err error, k Kind) *Error {
	t.Helper()
	var te *Error
	if !errors.As(err, &te) {
		t.Fatalf("error %v (%T) is not a *transport.Error", err, err)
	}
	if te.Kind != k {
		t.Fatalf("kind = %q, want %q (error: %v)", te.Kind, k, err)
	}
	return te
}

func TestDefaults(t *testing.T) {
	c := newClient(t, Config{})
	cfg := c.Config()
	if cfg.Timeout != 10*time.Second || cfg.MaxBody != 8<<20 || cfg.Retries != 3 || cfg.MaxRetryWait != 30*time.Second || cfg.UserAgent == "" {
		t.Errorf("defaults = %+v", cfg)
	}
	if c.tr.TLSClientConfig.InsecureSkipVerify || c.tr.TLSClientConfig.MinVersion != tls.VersionTLS12 {
		t.Error("TLS verification must be on, TLS 1.2 at least")
	}
	if c.tr.ResponseHeaderTimeout != cfg.Timeout || c.tr.MaxIdleConnsPerHost == 0 || c.tr.TLSHandshakeTimeout == 0 {
		t.Errorf("transport limits not set: %+v", c.tr)
	}
	if c := newClient(t, Config{Retries: -1}); c.Config().Retries != 0 {
		t.Errorf("Retries -1 gives %d, want 0", c.Config().Retries)
	}
	if _, err := New(Config{ExtraRootsPEM: []byte("not a certificate")}); err == nil {
		t.Error("ExtraRootsPEM without a certificate accepted")
	}
}

func TestOKAndErrorStatuses(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if got := r.Header.Get("User-Agent"); got != "motpart-test" {
			t.Errorf("User-Agent = %q", got)
		}
		switch r.URL.Path {
		case "/ok":
			io.WriteString(w, `{"ok":true}`)
		case "/404":
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"status":404,"message":"Ingen enhet"}`)
		case "/big-error":
			w.WriteHeader(http.StatusInternalServerError)
			w.Write(bytes.Repeat([]byte("x"), MaxErrorResponseBody+5000))
		}
	}))
	defer srv.Close()
	c := newClient(t, trusting(srv, Config{UserAgent: "motpart-test", MaxBody: 1 << 20}))
	ctx := context.Background()

	resp, err := get(t, c, ctx, srv.URL+"/ok")
	if err != nil || resp.StatusCode != 200 || string(resp.Body) != `{"ok":true}` {
		t.Fatalf("ok: %v %+v", err, resp)
	}
	resp, err = get(t, c, ctx, srv.URL+"/404")
	if err != nil || resp.StatusCode != 404 || !strings.Contains(string(resp.Body), "Ingen enhet") {
		t.Fatalf("404 must come back as a response: %v %+v", err, resp)
	}
	resp, err = get(t, c, ctx, srv.URL+"/big-error")
	if err != nil || resp.StatusCode != 500 || len(resp.Body) != MaxErrorResponseBody {
		t.Fatalf("large error body must be cut to %d: %v, %d bytes", MaxErrorResponseBody, err, len(resp.Body))
	}
}

func TestRedirectNotFollowed(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		http.Redirect(w, r, "https://evil.example/steal?password=x", http.StatusFound)
	}))
	defer srv.Close()
	c := newClient(t, trusting(srv, Config{}))
	_, err := get(t, c, context.Background(), srv.URL)
	te := asError(t, err, KindRedirect)
	if te.StatusCode != 302 || calls.Load() != 1 {
		t.Errorf("status %d, calls %d", te.StatusCode, calls.Load())
	}
	if te.Location != "https://evil.example/steal" || strings.Contains(te.Error(), "password") {
		t.Errorf("location %q, message %q", te.Location, te.Error())
	}
}

func TestCutBody(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"plain", 10, "plain"},
		{"a\x00b\r\nc", 10, "a b \nc"},
		{"blåbær", 3, "bl"}, // cut inside "å"
		{"\xff\xfeok", 10, "ok"},
	}
	for _, tt := range tests {
		if got := cutBody([]byte(tt.in), tt.n); got != tt.want {
			t.Errorf("cutBody(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestStream(t *testing.T) {
	big := strings.Repeat("x", 3<<20) // larger than MaxBody below: Stream does not read it
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/big":
			if r.Header.Get("User-Agent") != "stream-test" {
				http.Error(w, "no user agent", http.StatusBadRequest)
				return
			}
			_, _ = io.WriteString(w, big)
		case "/moved":
			http.Redirect(w, r, "/big", http.StatusFound)
		}
	}))
	defer srv.Close()
	c := newClient(t, trusting(srv, Config{MaxBody: 1 << 20, UserAgent: "stream-test"}))
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/big", nil)
	resp, err := c.Stream(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil || n != int64(len(big)) || resp.StatusCode != http.StatusOK {
		t.Errorf("streamed %d bytes, status %d, %v", n, resp.StatusCode, err)
	}

	req, _ = http.NewRequest(http.MethodGet, srv.URL+"/moved", nil)
	_, err = c.Stream(context.Background(), req)
	asError(t, err, KindRedirect)

	untrusting := newClient(t, Config{})
	req, _ = http.NewRequest(http.MethodGet, srv.URL+"/big", nil)
	_, err = untrusting.Stream(context.Background(), req)
	asError(t, err, KindTLS)
}
