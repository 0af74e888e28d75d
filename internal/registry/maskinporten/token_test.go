package maskinporten

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestTokenGrantAndCache(t *testing.T) {
	clk := newClock()
	m := newMPServer(t, clk)
	c := m.client(t, nil)
	tok, err := c.Token(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(tok.AccessToken, "eyJ") || tok.Scope != testScope {
		t.Errorf("token %+v", tok)
	}
	if want := clk.Now().Add(120 * time.Second); !tok.ExpiresAt.Equal(want) {
		t.Errorf("expires %v, want %v", tok.ExpiresAt, want)
	}
	again, err := c.Token(t.Context())
	if err != nil || again.AccessToken != tok.AccessToken {
		t.Fatalf("second call: %v, %v", again, err)
	}
	if n := m.posts.Load(); n != 1 {
		t.Errorf("%d token requests, want 1 (cached)", n)
	}
}

func TestRefreshMargin(t *testing.T) {
	for _, tc := range []struct {
		after time.Duration
		posts int32
	}{
		{0, 1},
		{89 * time.Second, 1},  // 31 s left: still cached
		{90 * time.Second, 2},  // 30 s left: refreshed
		{119 * time.Second, 2}, // about to expire
		{121 * time.Second, 2}, // expired
	} {
		t.Run(tc.after.String(), func(t *testing.T) {
			clk := newClock()
			m := newMPServer(t, clk)
			c := m.client(t, nil)
			first, err := c.Token(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			clk.Add(tc.after)
			second, err := c.Token(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if n := m.posts.Load(); n != tc.posts {
				t.Errorf("%d token requests, want %d", n, tc.posts)
			}
			if tc.posts == 2 && second.AccessToken == first.AccessToken {
				t.Error("the refreshed token is the old one")
			}
		})
	}
}

func TestExpiredBetweenCalls(t *testing.T) {
	clk := newClock()
	m := newMPServer(t, clk)
	m.expires = 60
	c := m.client(t, nil)
	first, err := c.Token(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	clk.Add(61 * time.Second)
	second, err := c.Token(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if second.AccessToken == first.AccessToken || !second.ExpiresAt.After(first.ExpiresAt) {
		t.Errorf("expired token not replaced: %v then %v", first, second)
	}
	if n := m.posts.Load(); n != 2 {
		t.Errorf("%d token requests, want 2", n)
	}
}

func TestConcurrentCallersShareOneRequest(t *testing.T) {
	clk := newClock()
	m := newMPServer(t, clk)
	// The token answer waits until every caller has started; a caller
	// that comes after it gets the cached token, so nothing here waits
	// for a length of time.
	m.gate = make(chan struct{})
	c := m.client(t, nil)
	var wg, started sync.WaitGroup
	tokens := make([]string, 50)
	errs := make([]error, 50)
	started.Add(50)
	for i := range 50 {
		wg.Go(func() {
			started.Done()
			tok, err := c.Token(t.Context())
			tokens[i], errs[i] = tok.AccessToken, err
		})
	}
	started.Wait()
	close(m.gate)
	wg.Wait()
	for i := range 50 {
		if errs[i] != nil || tokens[i] != tokens[0] {
			t.Fatalf("caller %d: %q, %v", i, tokens[i], errs[i])
		}
	}
	if n := m.posts.Load(); n != 1 {
		t.Errorf("%d token requests for 50 concurrent callers, want 1", n)
	}
}

func TestConcurrentFailureNotCached(t *testing.T) {
	clk := newClock()
	m := newMPServer(t, clk)
	// A bounded delay, not a gate: a failure is not cached, so a caller
	// that came after the shared request ended would ask again, and the
	// client shows no count of its waiters to wait for. 100 ms is ample
	// for 20 goroutines to join the one request.
	m.delay = 100 * time.Millisecond
	m.fail(400, `{"error":"invalid_scope","error_description":"Invalid scope (MP-250)"}`)
	c := m.client(t, nil)
	var wg sync.WaitGroup
	var refused atomic.Int32
	for range 20 {
		wg.Go(func() {
			var e *Error
			if _, err := c.Token(t.Context()); errors.As(err, &e) && e.Code == "MP-250" {
				refused.Add(1)
			}
		})
	}
	wg.Wait()
	if refused.Load() != 20 || m.posts.Load() != 1 {
		t.Fatalf("%d callers refused, %d requests; want 20 and 1", refused.Load(), m.posts.Load())
	}
	m.fail(0, "")
	if _, err := c.Token(t.Context()); err != nil {
		t.Fatalf("after the failure: %v", err)
	}
	if n := m.posts.Load(); n != 2 {
		t.Errorf("%d requests, want 2: the failure must not be cached", n)
	}
}

func TestWaiterGivesUp(t *testing.T) {
	clk := newClock()
	m := newMPServer(t, clk)
	// The token answer waits until the waiter has given up.
	m.gate = make(chan struct{})
	c := m.client(t, nil)
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	if _, err := c.Token(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the deadline", err)
	}
	close(m.gate)
	// The shared request went on, and its token is cached.
	if _, err := c.Token(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := m.posts.Load(); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

func TestInvalidate(t *testing.T) {
	clk := newClock()
	m := newMPServer(t, clk)
	c := m.client(t, nil)
	first, _ := c.Token(t.Context())
	c.Invalidate()
	second, err := c.Token(t.Context())
	if err != nil || second.AccessToken == first.AccessToken || m.posts.Load() != 2 {
		t.Fatalf("after Invalidate: %v, %v, %d requests", second, err, m.posts.Load())
	}
}

func TestMetadataAndKid(t *testing.T) {
	clk := newClock()
	m := newMPServer(t, clk)
	m.kid = "motpart-2026"
	c := m.client(t, func(cfg *Config) {
		cfg.Issuer, cfg.TokenURL = "", ""
		cfg.MetadataURL = m.srv.URL + "/.well-known/oauth-authorization-server"
		cfg.KeyID = "motpart-2026"
	})
	for range 2 {
		c.Invalidate()
		if _, err := c.Token(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	if m.metas.Load() != 1 || m.posts.Load() != 2 {
		t.Errorf("%d metadata reads, %d token requests; want 1 and 2", m.metas.Load(), m.posts.Load())
	}
}
