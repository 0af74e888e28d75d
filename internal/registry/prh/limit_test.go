package prh

import (
	"context"
	"crypto/x509"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/transport"
)

// stepClock is a clock whose Sleep moves it on at once.
type stepClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *stepClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *stepClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
	return nil
}

// limitServer answers every /companies request with the fixture and
// counts them.
func limitServer(t *testing.T) (*httptest.Server, *transport.Client, *atomic.Int32) {
	t.Helper()
	body, err := os.ReadFile("testdata/company.json")
	if err != nil {
		t.Fatal(err)
	}
	var calls atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	tc, err := transport.New(transport.Config{RootCAs: pool, Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tc.CloseIdleConnections)
	return srv, tc, &calls
}

func TestRateLimit(t *testing.T) {
	tests := []struct {
		name      string
		calls     int
		window    time.Duration
		n         int
		wantTaken time.Duration
	}{
		{"default 10 per second, 25 calls", 0, 0, 25, 2 * time.Second},
		{"10 per 10 s, 25 calls", 10, 10 * time.Second, 25, 20 * time.Second},
		{"3 per minute, 7 calls", 3, time.Minute, 7, 2 * time.Minute},
		{"no limit", -1, 0, 25, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, tc, calls := limitServer(t)
			clock := &stepClock{t: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
			c, err := New(Config{BaseURL: srv.URL, Calls: tt.calls, Window: tt.window, Now: clock.Now, Sleep: clock.Sleep}, tc)
			if err != nil {
				t.Fatal(err)
			}
			start := clock.Now()
			for range tt.n {
				if _, _, err := c.Search(context.Background(), "Sim"); err != nil {
					t.Fatal(err)
				}
			}
			if got := clock.Now().Sub(start); got != tt.wantTaken {
				t.Errorf("%d calls took %v of the clock, want %v", tt.n, got, tt.wantTaken)
			}
			if got := int(calls.Load()); got != tt.n {
				t.Errorf("server saw %d calls, want %d", got, tt.n)
			}
		})
	}
}

func TestRateLimitCanceled(t *testing.T) {
	srv, tc, calls := limitServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	clock := &stepClock{t: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	sleep := func(ctx context.Context, d time.Duration) error {
		cancel()
		return clock.Sleep(ctx, d)
	}
	c, err := New(Config{BaseURL: srv.URL, Calls: 1, Window: time.Minute, Now: clock.Now, Sleep: sleep}, tc)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Search(ctx, "Sim"); err != nil {
		t.Fatal(err)
	}
	_, _, err = c.Search(ctx, "Sim")
	if !errors.Is(err, context.Canceled) || problem.CodeOf(err) != problem.CodeCanceled {
		t.Errorf("Search = %v (%s), want canceled", err, problem.CodeOf(err))
	}
	if got := calls.Load(); got != 1 {
		t.Errorf("server saw %d calls, want 1", got)
	}
}
