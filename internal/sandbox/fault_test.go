package sandbox

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// do sends a request and reads the whole body, returning the read error
// too (a truncated body is an error, not a failure of the helper).
func do(t *testing.T, c *http.Client, req *http.Request) (*http.Response, []byte, error) {
	t.Helper()
	resp, err := c.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp, body, err
}

func brregRequest(t *testing.T, s *Sandbox) *http.Request {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, s.Endpoints().Brreg+"/enheter/"+world.RichestOrgNr, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func grunndataRequest(t *testing.T, s *Sandbox) *http.Request {
	t.Helper()
	user, pass := s.GrunndataCredentials()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, s.Endpoints().Grunndata,
		strings.NewReader(soapRequest("hentBasisdataMini", user, pass, world.RichestOrgNr)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	return req
}

func TestFaultStatus(t *testing.T) {
	t.Parallel()
	s := start(t, Config{})
	c := client(s)

	// 429 with Retry-After, for the next two requests only.
	s.SetFault(ServiceBrreg, Fault{Status: 429, RetryAfter: 2500 * time.Millisecond, Times: 2})
	for i := range 3 {
		resp, body, err := do(t, c, brregRequest(t, s))
		if err != nil {
			t.Fatal(err)
		}
		if i < 2 {
			var e map[string]any
			if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "3" || json.Unmarshal(body, &e) != nil || e["status"] != 429.0 {
				t.Errorf("request %d: %d Retry-After %q %s", i, resp.StatusCode, resp.Header.Get("Retry-After"), body)
			}
		} else if resp.StatusCode != 200 {
			t.Errorf("request %d after Times ran out: %d", i, resp.StatusCode)
		}
	}
	// The other service is not affected.
	if resp, _, err := do(t, c, grunndataRequest(t, s)); err != nil || resp.StatusCode != 200 {
		t.Errorf("grunndata while brreg is faulty: %v %v", resp, err)
	}

	// 503 until cleared.
	s.SetFault(ServiceBrreg, Fault{Status: 503, RetryAfter: time.Second})
	for i := range 3 {
		resp, _, err := do(t, c, brregRequest(t, s))
		if err != nil || resp.StatusCode != 503 || resp.Header.Get("Retry-After") != "1" {
			t.Errorf("503 request %d: %v %v", i, resp, err)
		}
	}
	s.ClearFaults()
	if resp, _, err := do(t, c, brregRequest(t, s)); err != nil || resp.StatusCode != 200 {
		t.Errorf("after ClearFaults: %v %v", resp, err)
	}

	// 500 without Retry-After.
	s.SetFault(ServiceBrreg, Fault{Status: 500, RetryAfter: time.Second})
	if resp, _, err := do(t, c, brregRequest(t, s)); err != nil || resp.StatusCode != 500 || resp.Header.Get("Retry-After") != "" {
		t.Errorf("500: %v %v", resp, err)
	}

	// grunndata: 500 is a SOAP fault, 503 a gateway page.
	s.SetFault(ServiceGrunndata, Fault{Status: 500})
	resp, body, err := do(t, c, grunndataRequest(t, s))
	var env soapResponse
	if err != nil || resp.StatusCode != 500 || xml.Unmarshal(body, &env) != nil || env.Body.Fault == nil || env.Body.Fault.Code != "S:Server" {
		t.Errorf("grunndata 500: %v %v %s", resp, err, body)
	}
	s.SetFault(ServiceGrunndata, Fault{Status: 503, RetryAfter: 10 * time.Second})
	resp, _, err = do(t, c, grunndataRequest(t, s))
	if err != nil || resp.StatusCode != 503 || resp.Header.Get("Retry-After") != "10" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("grunndata 503: %v %v", resp, err)
	}
}

func TestFaultMalformedAndTruncated(t *testing.T) {
	t.Parallel()
	s := start(t, Config{})
	c := client(s)

	s.SetFault(ServiceBrreg, Fault{Malformed: true})
	resp, body, err := do(t, c, brregRequest(t, s))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("malformed: %v %v", resp, err)
	}
	if json.Valid(body) {
		t.Errorf("malformed body is valid JSON: %s", body)
	}
	if resp.Header.Get("Content-Type") != "application/json" {
		t.Errorf("malformed: Content-Type %q", resp.Header.Get("Content-Type"))
	}

	s.SetFault(ServiceGrunndata, Fault{Malformed: true})
	resp, body, err = do(t, c, grunndataRequest(t, s))
	var env soapResponse
	if err != nil || resp.StatusCode != 200 || xml.Unmarshal(body, &env) == nil {
		t.Errorf("malformed SOAP: %v %v, parses: %v", resp, err, xml.Unmarshal(body, &env) == nil)
	}

	s.SetFault(ServiceBrreg, Fault{Truncated: true})
	resp, body, err = do(t, c, brregRequest(t, s))
	if err == nil || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("truncated: read error %v, want unexpected EOF", err)
	}
	if resp != nil && (resp.StatusCode != 200 || resp.ContentLength <= int64(len(body))) {
		t.Errorf("truncated: %d, Content-Length %d, read %d", resp.StatusCode, resp.ContentLength, len(body))
	}

	s.SetFault(ServiceGrunndata, Fault{Truncated: true})
	if _, _, err := do(t, c, grunndataRequest(t, s)); err == nil {
		t.Error("truncated SOAP: no read error")
	}

	s.ClearFaults()
	if resp, body, err := do(t, c, brregRequest(t, s)); err != nil || !json.Valid(body) {
		t.Errorf("healed: %v %v", resp, err)
	}
}

func TestFaultHangAndLatency(t *testing.T) {
	t.Parallel()
	s := start(t, Config{})
	c := client(s)

	s.SetFault(ServiceBrreg, Fault{Latency: 150 * time.Millisecond})
	began := time.Now()
	if resp, _, err := do(t, c, brregRequest(t, s)); err != nil || resp.StatusCode != 200 {
		t.Fatalf("latency: %v %v", resp, err)
	}
	if d := time.Since(began); d < 150*time.Millisecond {
		t.Errorf("latency: answered after %v", d)
	}

	// A hanging request ends when the client gives up.
	s.SetFault(ServiceBrreg, Fault{Hang: true})
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	began = time.Now()
	_, _, err := do(t, c, brregRequest(t, s).WithContext(ctx))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("hang: %v, want the deadline", err)
	}
	if d := time.Since(began); d > 5*time.Second {
		t.Errorf("hang: gave up after %v", d)
	}

	// Latency with a client that gives up first.
	s.SetFault(ServiceGrunndata, Fault{Latency: time.Minute})
	ctx2, cancel2 := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel2()
	if _, _, err := do(t, c, grunndataRequest(t, s).WithContext(ctx2)); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("latency beyond the deadline: %v", err)
	}
}

func TestFaultHangEndsOnClose(t *testing.T) {
	t.Parallel()
	s, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	s.SetFault(ServiceGrunndata, Fault{Hang: true})
	c := client(s)
	done := make(chan error, 1)
	go func() {
		resp, err := c.Do(grunndataRequest(t, s))
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	// Close once the request has reached the simulator (it is counted
	// before its fault applies).
	waitUntil(t, "the request reaches grunndataWS", func() bool { return s.Requests(ServiceGrunndata, "") == 1 })
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a hanging request survived Close")
	}
}

func TestFaultConcurrentSwitching(t *testing.T) {
	t.Parallel()
	s := start(t, Config{})
	c := client(s)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 10 {
				if (i+j)%3 == 0 {
					s.SetFault(ServiceBrreg, Fault{Status: 503, Times: 1})
				} else if (i+j)%5 == 0 {
					s.ClearFaults()
				}
				resp, _, err := do(t, c, brregRequest(t, s))
				if err != nil {
					t.Error(err)
					return
				}
				if resp.StatusCode != 200 && resp.StatusCode != 503 {
					t.Errorf("status %d", resp.StatusCode)
				}
			}
		})
	}
	wg.Wait()
}

// waitUntil polls cond until it holds, failing the test after 5 s: it
// waits for a state, never for a length of time.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	limit := time.NewTimer(5 * time.Second)
	defer limit.Stop()
	for !cond() {
		select {
		case <-tick.C:
		case <-limit.C:
			t.Fatalf("waited 5 s for %s", what)
		}
	}
}
