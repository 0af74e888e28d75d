package bankid

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/problem"
)

// A signature computed independently (printf '%s' BODY | openssl dgst
// -sha256 -hmac SECRET) so the scheme, not only the round trip, is checked.
const (
	webhookSecret = "sandbox-webhook-secret"
	webhookBody   = `{"sessionId":"abc-123","event":"AllDone","timestamp":"2026-12-03T14:00:00Z"}`
	webhookSig    = "sha256=cc9277115b849a6a76a2f215be898a555dd926c8c3ffaa9137b930ff698a436e"
)

func TestSandboxSignature(t *testing.T) {
	sig := SandboxSignature([]byte(webhookSecret), []byte(webhookBody))
	if sig != webhookSig {
		t.Fatalf("signature %q", sig)
	}
	tests := []struct {
		name   string
		secret string
		body   string
		header string
		want   bool
	}{
		{"signed", webhookSecret, webhookBody, sig, true},
		{"signed by openssl", webhookSecret, webhookBody, webhookSig, true},
		{"upper-case hex", webhookSecret, webhookBody, "sha256=" + strings.ToUpper(sig[7:]), true},
		{"upper-case prefix", webhookSecret, webhookBody, "SHA256=" + sig[7:], true},
		{"spaces around", webhookSecret, webhookBody, " " + sig + " ", true},
		{"other secret", "another-secret", webhookBody, sig, false},
		{"empty secret", "", webhookBody, SandboxSignature(nil, []byte(webhookBody)), false},
		{"body changed", webhookSecret, webhookBody + " ", sig, false},
		{"no header", webhookSecret, webhookBody, "", false},
		{"no prefix", webhookSecret, webhookBody, sig[7:], false},
		{"other algorithm", webhookSecret, webhookBody, "sha1=" + sig[7:], false},
		{"truncated", webhookSecret, webhookBody, sig[:len(sig)-2], false},
		{"not hex", webhookSecret, webhookBody, "sha256=" + strings.Repeat("zz", 32), false},
		{"longer", webhookSecret, webhookBody, sig + "00", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := VerifySandboxSignature([]byte(tt.secret), []byte(tt.body), tt.header); got != tt.want {
				t.Errorf("VerifySandboxSignature = %v, want %v", got, tt.want)
			}
		})
	}
	// HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), RFC 4231 style known answer.
	const known = "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
	if got := SandboxSignature([]byte("key"), []byte("The quick brown fox jumps over the lazy dog")); got != known {
		t.Errorf("SandboxSignature = %s, want %s", got, known)
	}
}

func TestParseWebhookBody(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		want    AssumedWebhookBody
		wantErr bool
	}{
		{"whole", webhookBody, AssumedWebhookBody{SessionID: "abc-123", Event: "AllDone", Timestamp: "2026-12-03T14:00:00Z"}, false},
		{"no timestamp", `{"sessionId":"s_1","event":"Failed"}`, AssumedWebhookBody{SessionID: "s_1", Event: "Failed"}, false},
		{"unknown fields", `{"sessionId":"s1","event":"ReportReady","report":"aml"}`, AssumedWebhookBody{SessionID: "s1", Event: "ReportReady"}, false},
		{"no session", `{"event":"AllDone"}`, AssumedWebhookBody{}, true},
		{"no event", `{"sessionId":"s1"}`, AssumedWebhookBody{}, true},
		{"session with a newline", `{"sessionId":"s1\nforged line","event":"AllDone"}`, AssumedWebhookBody{}, true},
		{"session with a slash", `{"sessionId":"../s1","event":"AllDone"}`, AssumedWebhookBody{}, true},
		{"event too long", `{"sessionId":"s1","event":"` + strings.Repeat("a", 65) + `"}`, AssumedWebhookBody{}, true},
		{"timestamp not printable", `{"sessionId":"s1","event":"AllDone","timestamp":"\u001b[31m"}`, AssumedWebhookBody{}, true},
		{"two values", webhookBody + `{}`, AssumedWebhookBody{}, true},
		{"array", `[]`, AssumedWebhookBody{}, true},
		{"empty", ``, AssumedWebhookBody{}, true},
		{"too large", `{"sessionId":"s1","event":"AllDone","x":"` + strings.Repeat("a", MaxWebhookBody) + `"}`, AssumedWebhookBody{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseWebhookBody([]byte(tt.body))
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ParseWebhookBody = %+v, %v; want %+v, error %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestWebhookHandler(t *testing.T) {
	secret := []byte(webhookSecret)
	big := `{"sessionId":"s1","event":"AllDone","x":"` + strings.Repeat("a", MaxWebhookBody) + `"}`
	tests := []struct {
		name        string
		method      string
		body        string
		sig         string
		wantStatus  int
		wantWake    []AssumedWebhookBody
		wantRefusal problem.Code
	}{
		{"signed", http.MethodPost, webhookBody, SandboxSignature(secret, []byte(webhookBody)), http.StatusOK,
			[]AssumedWebhookBody{{SessionID: "abc-123", Event: "AllDone", Timestamp: "2026-12-03T14:00:00Z"}}, ""},
		{"wrongly signed", http.MethodPost, webhookBody, SandboxSignature([]byte("guess"), []byte(webhookBody)), http.StatusUnauthorized, nil, problem.CodeWebhookBadSignature},
		{"unsigned", http.MethodPost, webhookBody, "", http.StatusUnauthorized, nil, problem.CodeWebhookBadSignature},
		{"signed but not a body", http.MethodPost, `{"event":"AllDone"}`, SandboxSignature(secret, []byte(`{"event":"AllDone"}`)), http.StatusBadRequest, nil, ""},
		{"too large", http.MethodPost, big, SandboxSignature(secret, []byte(big)), http.StatusRequestEntityTooLarge, nil, ""},
		{"GET", http.MethodGet, "", "", http.StatusMethodNotAllowed, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var woken []AssumedWebhookBody
			var refusals []WebhookRefusal
			h := NewWebhookHandler(secret, func(b AssumedWebhookBody) { woken = append(woken, b) }, func(r WebhookRefusal) { refusals = append(refusals, r) })
			req := httptest.NewRequest(tt.method, "/webhook", strings.NewReader(tt.body))
			if tt.sig != "" {
				req.Header.Set(SandboxSignatureHeader, tt.sig)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus {
				t.Errorf("status %d, want %d (%s)", rec.Code, tt.wantStatus, rec.Body)
			}
			if len(woken) != len(tt.wantWake) || len(woken) == 1 && woken[0] != tt.wantWake[0] {
				t.Errorf("woken %+v, want %+v", woken, tt.wantWake)
			}
			wantRefusals := 0
			if tt.wantStatus != http.StatusOK {
				wantRefusals = 1
			}
			if len(refusals) != wantRefusals {
				t.Fatalf("refusals %+v, want %d", refusals, wantRefusals)
			}
			if wantRefusals == 1 && (refusals[0].Status != tt.wantStatus || refusals[0].Code != tt.wantRefusal) {
				t.Errorf("refusal %+v, want status %d code %q", refusals[0], tt.wantStatus, tt.wantRefusal)
			}
			if tt.wantRefusal != "" && strings.TrimSpace(rec.Body.String()) != string(tt.wantRefusal) {
				t.Errorf("body %q, want the problem code %q", rec.Body, tt.wantRefusal)
			}
		})
	}
	// A nil refused func is allowed.
	h := NewWebhookHandler(secret, func(AssumedWebhookBody) {}, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", strings.NewReader(webhookBody)))
	if rec.Code != http.StatusUnauthorized {
		t.Errorf("unsigned without refused func: %d", rec.Code)
	}
}

// FuzzParseWebhookBody: the parser never panics, and what it accepts is
// one JSON object whose session id and event are short tokens safe to
// print.
func FuzzParseWebhookBody(f *testing.F) {
	f.Add([]byte(webhookBody))
	f.Add([]byte(`{"sessionId":"s1","event":"Failed"}`))
	f.Add([]byte(`{"sessionId":"s1\n","event":"x"}`))
	f.Add([]byte(`{"sessionId":"s1","event":"x"} {}`))
	f.Add([]byte(`{"sessionId":1}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ParseWebhookBody(data)
		if err != nil {
			if b != (AssumedWebhookBody{}) {
				t.Fatalf("a body %+v with an error", b)
			}
			return
		}
		if !json.Valid(bytes.TrimSpace(data)) {
			t.Fatalf("accepted invalid JSON %q", data)
		}
		if !token(b.SessionID, 128) || !token(b.Event, 64) {
			t.Fatalf("accepted %+v", b)
		}
		if strings.ContainsAny(b.SessionID+b.Event+b.Timestamp, "\n\r\x1b") {
			t.Fatalf("accepted control characters: %+v", b)
		}
	})
}
