package transport

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

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
