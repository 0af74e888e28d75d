package bankid

// This file receives BankID's webhooks: the signature check, the body
// parser and an http.Handler that wakes the polling of a session.
//
// The signature is the SANDBOX's OWN SCHEME: BankID's real webhooks are
// not documented as signed, and how they would be is unknown
// (registries.md §5 [U]). The simulator signs each POST with
// X-Sandbox-Signature: sha256=<hex HMAC-SHA256(secret, body)>. Polling
// stays the truth: a webhook only makes the client ask BankID sooner, so
// a forged one that got through could do no more than that.

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/motpart/motpart/internal/problem"
)

// SandboxSignatureHeader is the header the sandbox signs its webhooks in
// (the sandbox's own scheme; BankID's is unknown).
const SandboxSignatureHeader = "X-Sandbox-Signature"

// sandboxSignaturePrefix starts the header's value.
const sandboxSignaturePrefix = "sha256="

// MaxWebhookBody is the largest webhook body accepted: the assumed body
// is three short strings.
const MaxWebhookBody = 64 << 10

// SandboxSignature is the X-Sandbox-Signature value of body signed with
// secret: "sha256=" and the hex HMAC-SHA256.
func SandboxSignature(secret, body []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return sandboxSignaturePrefix + hex.EncodeToString(mac.Sum(nil))
}

// VerifySandboxSignature reports whether header is the sandbox's
// signature of body with secret, comparing in constant time. An empty
// secret verifies nothing.
func VerifySandboxSignature(secret, body []byte, header string) bool {
	if len(secret) == 0 {
		return false
	}
	header = strings.TrimSpace(header)
	if !strings.HasPrefix(strings.ToLower(header), sandboxSignaturePrefix) {
		return false
	}
	got, err := hex.DecodeString(header[len(sandboxSignaturePrefix):])
	if err != nil || len(got) != sha256.Size {
		return false
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return hmac.Equal(got, mac.Sum(nil))
}

// ParseWebhookBody reads a webhook's body (AssumedWebhookBody): one JSON
// object with a session id and an event name, both short and printable
// (they end up in a log line), and nothing after it.
func ParseWebhookBody(body []byte) (AssumedWebhookBody, error) {
	var b AssumedWebhookBody
	if len(body) > MaxWebhookBody {
		return AssumedWebhookBody{}, fmt.Errorf("webhook body of %d bytes: at most %d", len(body), MaxWebhookBody)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&b); err != nil {
		return AssumedWebhookBody{}, fmt.Errorf("reading the webhook body: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return AssumedWebhookBody{}, errors.New("reading the webhook body: more than one JSON value")
	}
	if !token(b.SessionID, 128) {
		return AssumedWebhookBody{}, fmt.Errorf("webhook session id %q: want 1 to 128 letters, digits, '-' or '_'", b.SessionID)
	}
	if !token(b.Event, 64) {
		return AssumedWebhookBody{}, fmt.Errorf("webhook event %q: want 1 to 64 letters, digits, '-' or '_'", b.Event)
	}
	if len(b.Timestamp) > 64 || strings.ContainsFunc(b.Timestamp, func(r rune) bool { return r < ' ' || r > '~' }) {
		return AssumedWebhookBody{}, errors.New("webhook timestamp: not a short printable string")
	}
	return b, nil
}

// token reports whether s is 1 to max ASCII letters, digits, '-' or '_'.
func token(s string, max int) bool {
	if s == "" || len(s) > max {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// WebhookRefusal says why a webhook request was refused: the HTTP status
// answered and, for a bad signature, problem.CodeWebhookBadSignature.
type WebhookRefusal struct {
	Status int
	Code   problem.Code // empty unless the signature did not check
	Err    error
}

// NewWebhookHandler returns the handler of BankID's webhooks: a POST whose
// body (at most MaxWebhookBody bytes) carries the sandbox's signature with
// secret and parses as AssumedWebhookBody is answered 200 after wake is
// called with it. Anything else is answered without calling wake: 405
// for another method, 413 for a body too large, 401 for a signature that
// does not check, 400 for a body that does not parse; refused, when not
// nil, is told of each. wake and refused run on the request's goroutine
// and must not block for long.
func NewWebhookHandler(secret []byte, wake func(AssumedWebhookBody), refused func(WebhookRefusal)) http.Handler {
	secret = bytes.Clone(secret)
	refuse := func(w http.ResponseWriter, r WebhookRefusal) {
		if refused != nil {
			refused(r)
		}
		msg := http.StatusText(r.Status)
		if r.Code != "" {
			msg = string(r.Code)
		}
		http.Error(w, msg, r.Status)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			refuse(w, WebhookRefusal{Status: http.StatusMethodNotAllowed, Err: fmt.Errorf("method %s", r.Method)})
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxWebhookBody))
		if err != nil {
			status := http.StatusBadRequest
			if errors.As(err, new(*http.MaxBytesError)) {
				status = http.StatusRequestEntityTooLarge
			}
			refuse(w, WebhookRefusal{Status: status, Err: fmt.Errorf("reading the webhook body: %w", err)})
			return
		}
		if !VerifySandboxSignature(secret, body, r.Header.Get(SandboxSignatureHeader)) {
			refuse(w, WebhookRefusal{Status: http.StatusUnauthorized, Code: problem.CodeWebhookBadSignature,
				Err: problem.New(problem.CodeWebhookBadSignature, nil)})
			return
		}
		b, err := ParseWebhookBody(body)
		if err != nil {
			refuse(w, WebhookRefusal{Status: http.StatusBadRequest, Err: err})
			return
		}
		wake(b)
		w.WriteHeader(http.StatusOK)
	})
}
