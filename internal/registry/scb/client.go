package scb

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/ratelimit"
	"github.com/motpart/motpart/internal/registry/transport"
)

// DefaultBaseURL is SCB's "Sök på var" API.
const DefaultBaseURL = "https://privateapi.scb.se/nv0101/v1/sokpavar"

// SourceID is SCB's ID as a dossier's source.
const SourceID = "scb"

// Defaults for the zero fields of Config.
const (
	// DefaultCalls calls in DefaultWindow is SCB's published limit.
	DefaultCalls  = 10
	DefaultWindow = 10 * time.Second
	// DefaultMaxSectorFile bounds the sector file's download (a zip).
	DefaultMaxSectorFile = 512 << 20
	// MaxRows is the most rows HamtaForetag gives in one fetch.
	MaxRows = 2000
	// maxJSON bounds a JSON answer.
	maxJSON = 8 << 20
)

// Config configures a Client.
type Config struct {
	// BaseURL is the API's base, DefaultBaseURL when empty.
	BaseURL string
	// APIID is the customer's API-Id ("A" and five digits, see APIIDOf);
	// it is sent in the header APIIDHeader when both are set. SCB's
	// documentation does not settle the header ("api-id" or "APIId"), so
	// by default none is sent: the certificate identifies the customer.
	APIID       string
	APIIDHeader string
	// Calls and Window are the rate limit the client keeps: at most Calls
	// requests start in any Window. Defaults 10 in 10 s.
	Calls  int
	Window time.Duration
	// MaxSectorFile bounds the sector file's download; default 512 MiB.
	MaxSectorFile int64
	// Codes keeps code tables between runs (in the vault); nil keeps them
	// only in memory.
	Codes CodeCache
	// Now is the clock and Sleep waits d or until ctx ends; nil means
	// time.Now and a timer. Tests inject both.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
}

// Client talks to SCB's Företagsregister. It is safe for concurrent use.
type Client struct {
	cfg  Config
	hc   *transport.Client
	base string
	lim  *ratelimit.Limiter

	mu    sync.Mutex
	codes map[string]map[string]string // code tables read in this run, by category
}

// New returns a Client for cfg sending through hc, which must carry the
// SCB certificate for mutual TLS and should not retry (Retries < 0): the
// client keeps SCB's rate limit itself, and a 503 is maintenance.
func New(cfg Config, hc *transport.Client) (*Client, error) {
	if hc == nil {
		return nil, &Error{Op: "configure", Code: problem.CodeSCBNotConnected, Err: errors.New("no HTTP client")}
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	base := strings.TrimRight(cfg.BaseURL, "/")
	u, err := url.Parse(base)
	if err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" {
		return nil, &Error{Op: "configure", Code: problem.CodeAddressInvalid, Err: fmt.Errorf("the SCB address %q is not a URL", cfg.BaseURL)}
	}
	if cfg.Calls <= 0 {
		cfg.Calls = DefaultCalls
	}
	if cfg.Window <= 0 {
		cfg.Window = DefaultWindow
	}
	if cfg.MaxSectorFile <= 0 {
		cfg.MaxSectorFile = DefaultMaxSectorFile
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Sleep == nil {
		cfg.Sleep = transport.Sleep
	}
	return &Client{cfg: cfg, hc: hc, base: base, lim: ratelimit.New(cfg.Calls, cfg.Window, cfg.Now, cfg.Sleep),
		codes: map[string]map[string]string{}}, nil
}

// apiIDPattern is an API-Id: "A" and five digits.
var apiIDPattern = regexp.MustCompile(`\bA\d{5}\b|A\d{5}`)

// APIIDOf finds the API-Id in a certificate's common name or file name,
// e.g. "Certifikat_SokPaVar_A00494_2025-10-06 13-14-52Z" gives "A00494";
// "" when there is none.
func APIIDOf(name string) string {
	return apiIDPattern.FindString(name)
}

// post sends body as JSON to path and returns the answer's body for a
// 200; other statuses are *Error.
func (c *Client) post(ctx context.Context, op, path string, body any) ([]byte, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return nil, &Error{Op: op, Code: problem.CodeInternal, Err: err}
	}
	return c.send(ctx, op, http.MethodPost, path, b)
}

// send sends one request within the rate limit.
func (c *Client) send(ctx context.Context, op, method, path string, body []byte) ([]byte, error) {
	req, err := c.request(ctx, op, method, path, body)
	if err != nil {
		return nil, err
	}
	done, err := c.lim.Wait(ctx)
	if err != nil {
		return nil, &Error{Op: op, Code: problem.CodeCanceled, Err: err}
	}
	resp, err := c.hc.Do(ctx, req)
	done()
	if err != nil {
		return nil, wrapTransport(op, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, statusError(op, resp.StatusCode, resp.Body)
	}
	if int64(len(resp.Body)) > maxJSON {
		return nil, &Error{Op: op, Code: problem.CodeAnswerTooLarge}
	}
	return resp.Body, nil
}

// request builds a request to path under the base.
func (c *Client) request(ctx context.Context, op, method, path string, body []byte) (*http.Request, error) {
	var req *http.Request
	var err error
	if body != nil {
		req, err = http.NewRequestWithContext(ctx, method, c.base+path, bytes.NewReader(body))
	} else {
		req, err = http.NewRequestWithContext(ctx, method, c.base+path, nil)
	}
	if err != nil {
		return nil, &Error{Op: op, Code: problem.CodeAddressInvalid, Err: err}
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
		req.Header.Set("Accept", "application/json")
	}
	if c.cfg.APIIDHeader != "" && c.cfg.APIID != "" {
		req.Header.Set(c.cfg.APIIDHeader, c.cfg.APIID)
	}
	return req, nil
}

// jsonReason reads the reason of a JSON error body: a string, or an
// object's message field.
func jsonReason(body []byte) (string, bool) {
	var s string
	if json.Unmarshal(body, &s) == nil {
		return s, true
	}
	var m map[string]any
	if json.Unmarshal(body, &m) != nil {
		return "", false
	}
	for _, k := range []string{"Meddelande", "meddelande", "Message", "message", "Felmeddelande", "detail", "title", "error"} {
		if v, ok := m[k].(string); ok && v != "" {
			return v, true
		}
	}
	return "", false
}
