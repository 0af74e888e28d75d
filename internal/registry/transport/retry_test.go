package transport

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/testclock"
)

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
		got, ok := RetryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("RetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
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

func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"1", "120", "-1", "Sun, 15 Mar 2026 12:00:07 GMT", "Sunday, 15-Mar-26 12:00:03 GMT", "Sun Mar 15 12:00:07 2026", "1e3", "99999999999999999999"} {
		f.Add(s)
	}
	now := testclock.Date(2026, 3, 15, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v string) {
		d, ok := RetryAfter(v, now)
		if d < 0 || d > 24*time.Hour || (!ok && d != 0) {
			t.Errorf("RetryAfter(%q) = %v, %v", v, d, ok)
		}
	})
}
