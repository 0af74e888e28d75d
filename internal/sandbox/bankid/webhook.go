package bankid

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"time"
)

// SignatureHeader carries a webhook's signature: "sha256=" and the hex
// HMAC-SHA256 of the body keyed with the webhook secret. It is the
// sandbox's own scheme: BankID's documentation does not say how (or
// whether) its webhooks are signed.
const SignatureHeader = "X-Sandbox-Signature"

// WebhookBody is the body of a webhook POST, in the shape registry/bankid
// assumes (AssumedWebhookBody): the session, the event and when it
// happened (RFC 3339, UTC, on the simulator's clock).
type WebhookBody struct {
	SessionID string `json:"sessionId"`
	Event     string `json:"event"`
	Timestamp string `json:"timestamp"`
}

// Sign returns the SignatureHeader value of body under secret.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// deliver POSTs one webhook, once; a receiver that is away misses it, as
// polling stays the truth.
func (s *Server) deliver(url string, b WebhookBody) {
	s.count("webhook")
	body, err := json.Marshal(b)
	if err != nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(SignatureHeader, Sign(s.opts.WebhookSecret, body))
	resp, err := s.opts.WebhookClient.Do(req)
	if err != nil {
		return
	}
	resp.Body.Close()
}

// Close waits for the webhook deliveries under way.
func (s *Server) Close() { s.hooks.Wait() }
