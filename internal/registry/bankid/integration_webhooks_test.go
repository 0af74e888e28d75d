package bankid_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/registry/bankid"
	"github.com/motpart/motpart/internal/sandbox"
	sim "github.com/motpart/motpart/internal/sandbox/bankid"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// hookReceiver is a webhook receiver that checks the sandbox's signature
// with its own HMAC and hands on what it got.
type hookReceiver struct {
	srv  *httptest.Server
	got  chan bankid.AssumedWebhookBody
	errs chan string
}

func newHookReceiver(t *testing.T, secret string) *hookReceiver {
	t.Helper()
	h := &hookReceiver{got: make(chan bankid.AssumedWebhookBody, 64), errs: make(chan string, 64)}
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		m := hmac.New(sha256.New, []byte(secret))
		m.Write(body)
		want := "sha256=" + hex.EncodeToString(m.Sum(nil))
		if r.Method != http.MethodPost || r.Header.Get("X-Sandbox-Signature") != want {
			h.errs <- r.Method + " " + r.Header.Get("X-Sandbox-Signature") + " want " + want
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		var b bankid.AssumedWebhookBody
		if err := json.Unmarshal(body, &b); err != nil {
			h.errs <- err.Error()
			return
		}
		h.got <- b
	}))
	t.Cleanup(h.srv.Close)
	return h
}

// next returns the next webhook, or fails after a generous wait (a
// deadline, not a synchronisation).
func (h *hookReceiver) next(t *testing.T) bankid.AssumedWebhookBody {
	t.Helper()
	select {
	case b := <-h.got:
		return b
	case e := <-h.errs:
		t.Fatalf("refused webhook: %s", e)
	case <-time.After(10 * time.Second):
		t.Fatal("no webhook within 10 s")
	}
	return bankid.AssumedWebhookBody{}
}

// TestWebhooksSigned: a session that asks for webhooks gets JsonDataReady,
// one ReportReady per report and AllDone, in order, or Failed, each with
// a correct X-Sandbox-Signature; the timed worker sends them when the
// clock passes their time, the sandbox's ticker without anyone polling.
func TestWebhooksSigned(t *testing.T) {
	ctx := context.Background()
	events := func(hooks *hookReceiver, n int, id string) []string {
		t.Helper()
		var out []string
		for range n {
			b := hooks.next(t)
			if b.SessionID != id || b.Timestamp == "" {
				t.Errorf("webhook %+v for session %s", b, id)
			}
			out = append(out, b.Event)
		}
		return out
	}
	t.Run("zero delays through the sandbox", func(t *testing.T) {
		secret := "a test secret"
		hooks := newHookReceiver(t, secret)
		clk := &testClock{now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
		sb, c := sandboxRig(t, clk, sandbox.Config{BankIDWebhookSecret: secret})
		s, err := c.CreateSession(ctx, bankid.Order{Identifier: world.SESanctionsOrgNr,
			Webhook: &bankid.AssumedWebhook{URL: hooks.srv.URL + "/hook", Events: bankid.AssumedWebhookEvents()}})
		if err != nil {
			t.Fatal(err)
		}
		got := events(hooks, 4, s.ID)
		if strings.Join(got, ",") != "JsonDataReady,ReportReady,ReportReady,AllDone" {
			t.Fatalf("events %v", got)
		}
		if n := sb.BankIDCount("webhook"); n != 4 {
			t.Errorf("%d webhooks sent", n)
		}
	})
	t.Run("timed, the default secret", func(t *testing.T) {
		hooks := newHookReceiver(t, sim.DefaultWebhookSecret)
		r := newRigWith(t, sim.Options{Delays: &sim.Delays{Start: time.Second, JSON: time.Second, Report: time.Minute}}, nil)
		s, err := r.client.CreateSession(ctx, bankid.Order{Identifier: world.FIPEPYTunnus, Reports: []string{bankid.AssumedReportAML},
			Webhook: &bankid.AssumedWebhook{URL: hooks.srv.URL, Events: []string{"JsonDataReady", "AllDone"}}})
		if err != nil {
			t.Fatal(err)
		}
		r.clock.advance(2 * time.Second)
		r.sim.Advance()
		if got := events(hooks, 1, s.ID); got[0] != "JsonDataReady" {
			t.Fatalf("after 2 s: %v", got)
		}
		r.clock.advance(time.Minute)
		r.sim.Advance()
		b := hooks.next(t)
		if b.Event != "AllDone" || b.Timestamp != "2026-03-01T09:01:02Z" {
			t.Fatalf("after a minute: %+v", b)
		}
		r.sim.Close()
		if n := r.sim.Count("webhook"); n != 2 {
			t.Errorf("%d webhooks sent, want 2 (ReportReady was not asked for)", n)
		}
	})
	t.Run("failed", func(t *testing.T) {
		hooks := newHookReceiver(t, sim.DefaultWebhookSecret)
		r := newRigWith(t, sim.Options{Delays: sim.ZeroDelays()}, nil)
		s, err := r.client.CreateSession(ctx, bankid.Order{Identifier: world.FailureOrgNr,
			Webhook: &bankid.AssumedWebhook{URL: hooks.srv.URL, Events: bankid.AssumedWebhookEvents()}})
		if err != nil {
			t.Fatal(err)
		}
		if got := events(hooks, 1, s.ID); got[0] != "Failed" {
			t.Fatalf("events %v", got)
		}
	})
}
