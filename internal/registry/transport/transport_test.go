package transport

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"github.com/motpart/motpart/internal/testclock"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
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

func TestRetryAfter(t *testing.T) {
	// A fixed clock: the Retry-After dates below are fixed strings.
	now := time.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"1", time.Second, true},
		{" 120 ", 2 * time.Minute, true},
		{"0", 0, true},
		{"-5", 0, false},
		{"soon", 0, false},
		{"Sun, 15 Mar 2026 12:00:07 GMT", 7 * time.Second, true},
		{"Sunday, 15-Mar-26 12:00:03 GMT", 3 * time.Second, true},
		{"Sun, 15 Mar 2026 11:00:00 GMT", 0, true}, // in the past
		{"99999999999", 24 * time.Hour, true},
	}
	for _, tt := range tests {
		got, ok := retryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestBackoff(t *testing.T) {
	c := newClient(t, Config{RetryWait: 100 * time.Millisecond, MaxRetryWait: time.Second})
	for attempt, want := range map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 3: 400 * time.Millisecond, 4: 800 * time.Millisecond, 5: time.Second, 30: time.Second} {
		for range 50 {
			if d := c.backoff(attempt); d < want/2 || d > want {
				t.Fatalf("backoff(%d) = %v, want in [%v, %v]", attempt, d, want/2, want)
			}
		}
	}
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

func TestRetryAfterSeconds(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		io.WriteString(w, "fine")
	}))
	defer srv.Close()
	c := newClient(t, trusting(srv, Config{}))
	start := time.Now()
	resp, err := get(t, c, context.Background(), srv.URL)
	elapsed := time.Since(start)
	if err != nil || string(resp.Body) != "fine" {
		t.Fatalf("got %v, %+v", err, resp)
	}
	if calls.Load() != 2 {
		t.Errorf("calls = %d, want 2", calls.Load())
	}
	if elapsed < 950*time.Millisecond || elapsed > 4*time.Second {
		t.Errorf("waited %v, want about 1 s (Retry-After: 1)", elapsed)
	}
}

func TestRetryAfterDate(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			// HTTP dates have whole seconds: the wait is between 1 and 2 s.
			w.Header().Set("Retry-After", time.Now().Add(2*time.Second).UTC().Format(http.TimeFormat))
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "fine")
	}))
	defer srv.Close()
	c := newClient(t, trusting(srv, Config{}))
	start := time.Now()
	resp, err := get(t, c, context.Background(), srv.URL)
	elapsed := time.Since(start)
	if err != nil || string(resp.Body) != "fine" {
		t.Fatalf("got %v, %+v", err, resp)
	}
	if elapsed < 900*time.Millisecond || elapsed > 5*time.Second {
		t.Errorf("waited %v, want 1-2 s (Retry-After as a date)", elapsed)
	}
}

func TestRetryAfterCappedByMaxRetryWait(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		io.WriteString(w, "fine")
	}))
	defer srv.Close()
	c := newClient(t, trusting(srv, Config{MaxRetryWait: 100 * time.Millisecond}))
	start := time.Now()
	if _, err := get(t, c, context.Background(), srv.URL); err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(start); elapsed > 3*time.Second {
		t.Errorf("waited %v, want the cap of 100 ms", elapsed)
	}
}

func Test503BackoffThenSuccess(t *testing.T) {
	var calls atomic.Int32
	var times []time.Time
	var mu sync.Mutex
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		times = append(times, time.Now())
		mu.Unlock()
		if calls.Add(1) <= 2 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "fine")
	}))
	defer srv.Close()
	c := newClient(t, trusting(srv, Config{RetryWait: 80 * time.Millisecond}))
	resp, err := get(t, c, context.Background(), srv.URL)
	if err != nil || string(resp.Body) != "fine" {
		t.Fatalf("got %v, %+v", err, resp)
	}
	if calls.Load() != 3 {
		t.Fatalf("calls = %d, want 3", calls.Load())
	}
	// Backoff: first wait in [40, 80] ms, second in [80, 160] ms.
	if d := times[1].Sub(times[0]); d < 35*time.Millisecond {
		t.Errorf("first wait %v, want >= 40 ms", d)
	}
	if d := times[2].Sub(times[1]); d < 75*time.Millisecond {
		t.Errorf("second wait %v, want >= 80 ms (exponential)", d)
	}
}

func Test503Forever(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(w, "<html>Vedlikehold\x00</html>")
	}))
	defer srv.Close()
	for _, retries := range []int{-1, 1, 3} {
		calls.Store(0)
		c := newClient(t, trusting(srv, Config{Retries: retries, RetryWait: 10 * time.Millisecond}))
		_, err := get(t, c, context.Background(), srv.URL)
		te := asError(t, err, KindStatus)
		want := max(retries, 0) + 1
		if te.StatusCode != 503 || te.Attempts != want || int(calls.Load()) != want {
			t.Errorf("retries %d: status %d, attempts %d, calls %d; want 503, %d", retries, te.StatusCode, te.Attempts, calls.Load(), want)
		}
		if te.Code() != "http_503" || te.Body != "<html>Vedlikehold </html>" {
			t.Errorf("code %q, body %q", te.Code(), te.Body)
		}
		if !strings.Contains(te.Error(), "503") {
			t.Errorf("message %q does not name the status", te.Error())
		}
	}
}

func TestRetryStopsAtDeadline(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Retry-After", "5")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	c := newClient(t, trusting(srv, Config{}))
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	start := time.Now()
	_, err := get(t, c, ctx, srv.URL)
	te := asError(t, err, KindStatus)
	if te.StatusCode != 429 || calls.Load() != 1 {
		t.Errorf("status %d, calls %d", te.StatusCode, calls.Load())
	}
	if elapsed := time.Since(start); elapsed > 1500*time.Millisecond {
		t.Errorf("took %v: a wait past the deadline must give up at once", elapsed)
	}
}

func TestTimeouts(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)

	t.Run("per attempt", func(t *testing.T) {
		c := newClient(t, trusting(srv, Config{Timeout: 200 * time.Millisecond, RetryWait: 10 * time.Millisecond}))
		start := time.Now()
		_, err := get(t, c, context.Background(), srv.URL)
		te := asError(t, err, KindTimeout)
		if elapsed := time.Since(start); elapsed < 150*time.Millisecond || elapsed > 2*time.Second {
			t.Errorf("took %v, want about 200 ms (a timeout is not retried)", elapsed)
		}
		if te.Timeout != 200*time.Millisecond || !strings.Contains(te.Error(), "200ms") {
			t.Errorf("error %q does not say which limit", te.Error())
		}
	})
	t.Run("context deadline", func(t *testing.T) {
		c := newClient(t, trusting(srv, Config{}))
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := get(t, c, ctx, srv.URL)
		asError(t, err, KindTimeout)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%v does not wrap context.DeadlineExceeded", err)
		}
		if elapsed := time.Since(start); elapsed > 3*time.Second {
			t.Errorf("took %v", elapsed)
		}
	})
	t.Run("canceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		// The caller gives up once the request has reached the server.
		asked := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			cancel()
			<-r.Context().Done()
		}))
		defer asked.Close()
		c := newClient(t, trusting(asked, Config{}))
		_, err := get(t, c, ctx, asked.URL)
		asError(t, err, KindCanceled)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%v does not wrap context.Canceled", err)
		}
	})
	t.Run("answer after cancel is not used", func(t *testing.T) {
		// The server answers 200 as soon as it sees the connection go;
		// that answer must not reach the caller as a response.
		late := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()
			io.WriteString(w, "late")
		}))
		defer late.Close()
		c := newClient(t, trusting(late, Config{}))
		for range 20 {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
			resp, err := get(t, c, ctx, late.URL)
			cancel()
			if err == nil {
				t.Fatalf("got a response %q after the deadline", resp.Body)
			}
			asError(t, err, KindTimeout)
		}
	})
	t.Run("already canceled", func(t *testing.T) {
		c := newClient(t, trusting(srv, Config{}))
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := get(t, c, ctx, srv.URL)
		asError(t, err, KindCanceled)
	})
}

func TestTooLarge(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := bytes.Repeat([]byte("a"), 1001)
		switch r.URL.Path {
		case "/exact":
			w.Write(body[:1000])
		case "/length":
			w.Write(body) // Content-Length: 1001
		case "/chunked":
			for i := range body {
				w.Write(body[i : i+1])
				if i%100 == 0 {
					w.(http.Flusher).Flush()
				}
			}
		}
	}))
	defer srv.Close()
	c := newClient(t, trusting(srv, Config{MaxBody: 1000}))
	resp, err := get(t, c, context.Background(), srv.URL+"/exact")
	if err != nil || len(resp.Body) != 1000 {
		t.Fatalf("a body of exactly MaxBody: %v", err)
	}
	for _, p := range []string{"/length", "/chunked"} {
		_, err := get(t, c, context.Background(), srv.URL+p)
		te := asError(t, err, KindTooLarge)
		if te.Limit != 1000 {
			t.Errorf("%s: limit %d", p, te.Limit)
		}
	}
}

// hijack answers with raw bytes and closes the connection.
func hijack(w http.ResponseWriter, raw string) {
	conn, bufrw, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	bufrw.WriteString(raw)
	bufrw.Flush()
	conn.Close()
}

func TestTruncated(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		hijack(w, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"navn\":")
	}))
	defer srv.Close()
	c := newClient(t, trusting(srv, Config{RetryWait: 10 * time.Millisecond, Retries: 2}))
	_, err := get(t, c, context.Background(), srv.URL)
	te := asError(t, err, KindTruncated)
	if te.Got != 8 || te.Want != 100 {
		t.Errorf("got %d of %d bytes, want 8 of 100", te.Got, te.Want)
	}
	if calls.Load() != 3 {
		t.Errorf("a GET cut off is retried: calls %d, want 3", calls.Load())
	}
	if !strings.Contains(te.Error(), "8 of 100") {
		t.Errorf("message %q", te.Error())
	}
}

func TestNetworkErrorRetries(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		hijack(w, "") // close without an answer
	}))
	defer srv.Close()
	c := newClient(t, trusting(srv, Config{RetryWait: 10 * time.Millisecond, Retries: 2}))

	_, err := get(t, c, context.Background(), srv.URL)
	asError(t, err, KindNetwork)
	if calls.Load() < 3 { // the http.Transport itself may retry a GET once more
		t.Errorf("GET: calls %d, want at least 3", calls.Load())
	}

	calls.Store(0)
	req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader("userid=x&password=secret"))
	_, err = c.Do(context.Background(), req)
	asError(t, err, KindNetwork)
	if calls.Load() != 1 {
		t.Errorf("POST after a network failure must not be re-sent: calls %d", calls.Load())
	}
	if strings.Contains(err.Error(), "secret") {
		t.Errorf("message %q holds the request body", err.Error())
	}
}

func TestPOSTResentOn503(t *testing.T) {
	var bodies []string
	var mu sync.Mutex
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		n := len(bodies)
		mu.Unlock()
		if n == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "ok")
	}))
	defer srv.Close()
	c := newClient(t, trusting(srv, Config{RetryWait: 10 * time.Millisecond}))
	const soap = "<ws:password>hemmelig</ws:password>"
	for name, body := range map[string]io.Reader{
		"GetBody":    strings.NewReader(soap),               // NewRequest sets GetBody
		"no GetBody": io.NopCloser(strings.NewReader(soap)), // Do keeps a copy
	} {
		bodies = nil
		req, _ := http.NewRequest(http.MethodPost, srv.URL, body)
		if name == "no GetBody" && req.GetBody != nil {
			t.Fatal("test setup: GetBody set")
		}
		resp, err := c.Do(context.Background(), req)
		if err != nil || string(resp.Body) != "ok" {
			t.Fatalf("%s: %v", name, err)
		}
		if len(bodies) != 2 || bodies[0] != soap || bodies[1] != soap {
			t.Errorf("%s: bodies sent %q, want the same body twice", name, bodies)
		}
	}
}

func TestPOST503ForeverMessage(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	c := newClient(t, trusting(srv, Config{RetryWait: 5 * time.Millisecond}))
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/grunndata/ErFr?token=abc", strings.NewReader("<password>hemmelig</password>"))
	req.Header.Set("Authorization", "Bearer tokentoken")
	_, err := c.Do(context.Background(), req)
	te := asError(t, err, KindStatus)
	for _, secret := range []string{"hemmelig", "tokentoken", "abc"} {
		if strings.Contains(te.Error(), secret) {
			t.Errorf("message %q holds %q", te.Error(), secret)
		}
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

func TestSelfSignedRefused(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Error("the request reached an untrusted server")
	}))
	defer srv.Close()
	for name, cfg := range map[string]Config{
		"system roots":    {},
		"other root pool": {RootCAs: x509.NewCertPool()},
	} {
		c := newClient(t, cfg)
		_, err := get(t, c, context.Background(), srv.URL)
		te := asError(t, err, KindTLS)
		if !strings.Contains(te.Error(), "127.0.0.1") {
			t.Errorf("%s: message %q does not name the host", name, te.Error())
		}
		var cve *tls.CertificateVerificationError
		if !errors.As(err, &cve) {
			t.Errorf("%s: %v does not wrap the verification error", name, err)
		}
	}
}

func TestExtraRootsPEM(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "trusted")
	}))
	defer srv.Close()
	pemBytes := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
	for name, cfg := range map[string]Config{
		"with system roots": {ExtraRootsPEM: pemBytes},
		"with RootCAs":      {RootCAs: x509.NewCertPool(), ExtraRootsPEM: pemBytes},
	} {
		c := newClient(t, cfg)
		resp, err := get(t, c, context.Background(), srv.URL)
		if err != nil || string(resp.Body) != "trusted" {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestOldTLSRefused(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	srv.TLS = &tls.Config{MinVersion: tls.VersionTLS10, MaxVersion: tls.VersionTLS11}
	srv.StartTLS()
	defer srv.Close()
	c := newClient(t, trusting(srv, Config{}))
	_, err := get(t, c, context.Background(), srv.URL)
	asError(t, err, KindTLS)
}

// testCA makes a CA and a client certificate it issued.
func testCA(t *testing.T) (*x509.CertPool, tls.Certificate) {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	caTmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "Motpart test CA"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: "Certifikat_SokPaVar_A00001", SerialNumber: "923609016"},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	return pool, tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

func TestMutualTLS(t *testing.T) {
	pool, cert := testCA(t)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, r.TLS.PeerCertificates[0].Subject.SerialNumber)
	}))
	srv.TLS = &tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool}
	srv.StartTLS()
	defer srv.Close()

	c := newClient(t, trusting(srv, Config{ClientCert: &cert}))
	resp, err := get(t, c, context.Background(), srv.URL)
	if err != nil || string(resp.Body) != "923609016" {
		t.Fatalf("with a client certificate: %v", err)
	}

	c = newClient(t, trusting(srv, Config{Retries: -1}))
	_, err = get(t, c, context.Background(), srv.URL)
	asError(t, err, KindTLS)
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

func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"1", "120", "-1", "Sun, 15 Mar 2026 12:00:07 GMT", "Sunday, 15-Mar-26 12:00:03 GMT", "Sun Mar 15 12:00:07 2026", "1e3", "99999999999999999999"} {
		f.Add(s)
	}
	now := testclock.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v string) {
		d, ok := retryAfter(v, now)
		if d < 0 || d > 24*time.Hour || (!ok && d != 0) {
			t.Errorf("retryAfter(%q) = %v, %v", v, d, ok)
		}
	})
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
