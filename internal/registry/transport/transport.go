// Package transport is the one HTTP client setup every register client
// uses: TLS verification always on (TLS 1.2 or later), a client
// certificate when asked, a timeout per attempt, bounded response bodies,
// no redirects, and retries with exponential backoff and jitter on 429 and
// 503 that honour Retry-After. Failures are typed (*Error, with a Kind)
// and their messages never carry request bodies or headers.
package transport

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Defaults for the zero fields of Config.
const (
	DefaultTimeout      = 10 * time.Second
	DefaultMaxBody      = 8 << 20
	DefaultRetries      = 3
	DefaultMaxRetryWait = 30 * time.Second
	DefaultRetryWait    = 500 * time.Millisecond
	DefaultUserAgent    = "Motpart"
)

// MaxErrorResponseBody is the most of a non-2xx response's body that Do
// returns in Response.Body; the rest is dropped. Error bodies are for
// messages, and a register's error page can be large.
const MaxErrorResponseBody = 64 << 10

// Config configures a Client. The zero value is usable: system roots, the
// defaults above.
type Config struct {
	// Timeout bounds one attempt: connecting, the TLS handshake, waiting
	// for the headers and reading the body. Default 10 s.
	Timeout time.Duration
	// MaxBody is the largest response body accepted, in bytes; a larger
	// body is an error (KindTooLarge), never truncated data. Default 8 MiB.
	MaxBody int64
	// Retries is how many times a request is sent again after a 429 or
	// 503, or (GET and HEAD only) after a network failure. Default 3;
	// negative means no retries.
	Retries int
	// MaxRetryWait caps one wait between attempts, Retry-After included.
	// Default 30 s.
	MaxRetryWait time.Duration
	// RetryWait is the first backoff wait; it doubles on each retry and is
	// jittered. Default 500 ms.
	RetryWait time.Duration
	// RootCAs are the trusted roots; nil means the system roots.
	RootCAs *x509.CertPool
	// ExtraRootsPEM holds PEM certificates trusted in addition to RootCAs
	// (or the system roots), e.g. a company proxy's CA (MOTPART_EXTRA_CA).
	ExtraRootsPEM []byte
	// ClientCert is sent for mutual TLS when the server asks for one.
	ClientCert *tls.Certificate
	// UserAgent is sent unless the request sets its own. Default "Motpart".
	UserAgent string
}

// Client sends HTTP requests to the registers. It is safe for concurrent
// use. Each Client has its own connection pool.
type Client struct {
	hc  *http.Client
	tr  *http.Transport
	cfg Config
}

// Response is a complete HTTP response: the body has been read (within
// Config.MaxBody) and closed.
type Response struct {
	StatusCode int
	Header     http.Header
	Body       []byte
}

// New returns a Client for cfg. It fails only when ExtraRootsPEM holds no
// certificate.
func New(cfg Config) (*Client, error) {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	switch {
	case cfg.Retries == 0:
		cfg.Retries = DefaultRetries
	case cfg.Retries < 0:
		cfg.Retries = 0
	}
	if cfg.MaxRetryWait <= 0 {
		cfg.MaxRetryWait = DefaultMaxRetryWait
	}
	if cfg.RetryWait <= 0 {
		cfg.RetryWait = DefaultRetryWait
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	roots := cfg.RootCAs
	if len(bytes.TrimSpace(cfg.ExtraRootsPEM)) > 0 {
		if roots == nil {
			sys, err := x509.SystemCertPool()
			if err != nil || sys == nil {
				sys = x509.NewCertPool()
			}
			roots = sys
		} else {
			roots = roots.Clone()
		}
		if !roots.AppendCertsFromPEM(cfg.ExtraRootsPEM) {
			return nil, errors.New("transport: the extra root certificates (MOTPART_EXTRA_CA) hold no PEM certificate")
		}
	}
	tlsCfg := &tls.Config{
		MinVersion: tls.VersionTLS12,
		RootCAs:    roots,
	}
	if cfg.ClientCert != nil {
		cert := cfg.ClientCert
		// Always offer the certificate when asked, even when the server's
		// list of acceptable CAs does not name its issuer exactly.
		tlsCfg.GetClientCertificate = func(*tls.CertificateRequestInfo) (*tls.Certificate, error) {
			return cert, nil
		}
	}
	handshake := min(cfg.Timeout, 10*time.Second)
	tr := &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   cfg.Timeout,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		TLSClientConfig:        tlsCfg,
		TLSHandshakeTimeout:    handshake,
		ResponseHeaderTimeout:  cfg.Timeout,
		ExpectContinueTimeout:  time.Second,
		MaxIdleConns:           32,
		MaxIdleConnsPerHost:    4,
		MaxConnsPerHost:        16,
		IdleConnTimeout:        90 * time.Second,
		MaxResponseHeaderBytes: 64 << 10,
		ForceAttemptHTTP2:      true,
	}
	hc := &http.Client{
		Transport: tr,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	return &Client{hc: hc, tr: tr, cfg: cfg}, nil
}

// Stream sends req once and returns the answer with its body unread, for
// answers too large to hold in memory (a register's full download): the
// caller reads the body, bounded by its own limit and watching for stalls,
// and closes it. Roots, the client certificate, TLS 1.2 or later and the
// refusal to follow redirects are those of Do; there are no retries. A
// redirect is a KindRedirect error, and a request that gets no answer
// fails as it would in Do.
func (c *Client) Stream(ctx context.Context, req *http.Request) (*http.Response, error) {
	req = req.WithContext(ctx)
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", c.cfg.UserAgent)
	}
	host := req.URL.Hostname()
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, c.classify(ctx, ctx, req.Method, host, err)
	}
	if resp.StatusCode >= 300 && resp.StatusCode < 400 {
		resp.Body.Close()
		return nil, &Error{Kind: KindRedirect, Method: req.Method, Host: host, StatusCode: resp.StatusCode,
			Location: redactLocation(resp.Header.Get("Location"))}
	}
	return resp, nil
}

// Config returns the configuration in use, defaults filled in.
func (c *Client) Config() Config { return c.cfg }

// CloseIdleConnections closes the idle connections of the pool.
func (c *Client) CloseIdleConnections() { c.tr.CloseIdleConnections() }

// Do sends req and reads the whole response. It retries on 429 and 503
// (any method: the server did not process the request) and on network
// failures of GET and HEAD, waiting Retry-After or an exponential,
// jittered backoff, but never past ctx's deadline. A request with a body
// is re-sent with the same body (req.GetBody, or a copy made here).
//
// Any final status that is not 429 or 503 comes back as a Response, so
// that the caller can interpret 400, 404 or 410; a non-2xx body is cut to
// MaxErrorResponseBody. Failures are *Error.
func (c *Client) Do(ctx context.Context, req *http.Request) (*Response, error) {
	host := req.URL.Hostname()
	fail := func(k Kind, err error, attempts int) *Error {
		return &Error{Kind: k, Method: req.Method, Host: host, Err: err, Attempts: attempts}
	}
	if err := ctx.Err(); err != nil {
		return nil, fail(ctxKind(ctx), err, 0)
	}
	getBody := req.GetBody
	if req.Body != nil && req.Body != http.NoBody && getBody == nil {
		// Keep a copy so that the request can be sent again.
		data, err := io.ReadAll(io.LimitReader(req.Body, c.cfg.MaxBody+1))
		req.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("transport: reading the request body: %w", err)
		}
		if int64(len(data)) > c.cfg.MaxBody {
			return nil, fmt.Errorf("transport: the request body is larger than %d bytes", c.cfg.MaxBody)
		}
		getBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
	}
	idempotent := req.Method == http.MethodGet || req.Method == http.MethodHead

	for attempt := 1; ; attempt++ {
		resp, err := c.once(ctx, req, getBody)
		var wait time.Duration
		var last *Error
		switch {
		case err == nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable):
			last = &Error{Kind: KindStatus, Method: req.Method, Host: host, StatusCode: resp.StatusCode,
				Attempts: attempt, Body: cutBody(resp.Body, MaxErrorBody)}
			if ra, ok := RetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
				wait = ra
			} else {
				wait = c.backoff(attempt)
			}
		case err == nil:
			return resp, nil
		default:
			var te *Error
			if !errors.As(err, &te) {
				return nil, err
			}
			te.Attempts = attempt
			if !idempotent || (te.Kind != KindNetwork && te.Kind != KindTruncated) {
				return nil, te
			}
			last = te
			wait = c.backoff(attempt)
		}
		if attempt > c.cfg.Retries {
			return nil, last
		}
		wait = min(wait, c.cfg.MaxRetryWait)
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			// Waiting would pass the deadline: give up now.
			return nil, last
		}
		if err := Sleep(ctx, wait); err != nil {
			return nil, fail(ctxKind(ctx), err, attempt)
		}
	}
}

// once sends one attempt and reads its body.
func (c *Client) once(ctx context.Context, orig *http.Request, getBody func() (io.ReadCloser, error)) (*Response, error) {
	host := orig.URL.Hostname()
	actx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req := orig.Clone(actx)
	if getBody != nil {
		body, err := getBody()
		if err != nil {
			return nil, fmt.Errorf("transport: preparing the request body: %w", err)
		}
		req.Body = body
		req.GetBody = getBody
	}
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", c.cfg.UserAgent)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, c.classify(ctx, actx, req.Method, host, err)
	}
	defer resp.Body.Close()

	if resp.StatusCode >= 300 && resp.StatusCode < 400 && resp.Header.Get("Location") != "" {
		// Drain a little so that the connection can be reused.
		_, _ = io.CopyN(io.Discard, resp.Body, 4<<10)
		return nil, &Error{Kind: KindRedirect, Method: req.Method, Host: host, StatusCode: resp.StatusCode,
			Location: redactLocation(resp.Header.Get("Location"))}
	}
	limit := c.cfg.MaxBody
	errorBody := resp.StatusCode < 200 || resp.StatusCode > 299
	if errorBody {
		limit = min(limit, MaxErrorResponseBody)
	}
	if !errorBody && resp.ContentLength > limit {
		return nil, &Error{Kind: KindTooLarge, Method: req.Method, Host: host, StatusCode: resp.StatusCode, Limit: limit}
	}
	body, err := readBody(resp.Body, limit, resp.ContentLength)
	switch {
	case errors.Is(err, errTooLarge) && errorBody:
		// An error body is only read for its message: keep the start.
		err = nil
	case errors.Is(err, errTooLarge):
		return nil, &Error{Kind: KindTooLarge, Method: req.Method, Host: host, StatusCode: resp.StatusCode, Limit: limit}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return nil, &Error{Kind: KindTruncated, Method: req.Method, Host: host, StatusCode: resp.StatusCode,
			Err: io.ErrUnexpectedEOF, Got: int64(len(body)), Want: resp.ContentLength}
	case err != nil:
		e := c.classify(ctx, actx, req.Method, host, err)
		if e.Kind == KindNetwork {
			// The connection broke in the middle of the body.
			e.Kind, e.Got, e.Want = KindTruncated, int64(len(body)), resp.ContentLength
		}
		return nil, e
	}
	if err := actx.Err(); err != nil {
		// The caller gave up (or the attempt timed out) while the answer
		// arrived: an answer to a cancelled request is not used, as it may
		// be one the server cut short when the connection was closed.
		return nil, c.classify(ctx, actx, req.Method, host, err)
	}
	return &Response{StatusCode: resp.StatusCode, Header: resp.Header, Body: body}, nil
}

var errTooLarge = errors.New("body too large")

// readBody reads r up to limit bytes. It returns errTooLarge when there is
// more, with the first limit bytes.
func readBody(r io.Reader, limit, contentLength int64) ([]byte, error) {
	n := int64(512)
	if contentLength > 0 {
		n = min(contentLength, limit, 1<<20) + 1
	}
	buf := bytes.NewBuffer(make([]byte, 0, n))
	m, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil {
		return buf.Bytes(), err
	}
	if m > limit {
		return buf.Bytes()[:limit], errTooLarge
	}
	return buf.Bytes(), nil
}

// classify turns an error of http.Client.Do or of reading a body into an
// *Error. ctx is the caller's context, actx the attempt's.
func (c *Client) classify(ctx, actx context.Context, method, host string, err error) *Error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // drop the URL: its query may hold data
	}
	e := &Error{Method: method, Host: host, Err: err}
	switch {
	case ctx.Err() != nil:
		e.Kind = ctxKind(ctx)
		e.Err = ctx.Err()
	case errors.Is(actx.Err(), context.DeadlineExceeded) || isTimeout(err):
		e.Kind, e.Timeout = KindTimeout, c.cfg.Timeout
	case isTLS(err):
		e.Kind = KindTLS
	default:
		e.Kind = KindNetwork
	}
	return e
}

func ctxKind(ctx context.Context) Kind {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return KindTimeout
	}
	return KindCanceled
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// isTLS reports whether err is a certificate verification failure, or a
// TLS alert or record error (the server refused the handshake).
func isTLS(err error) bool {
	var (
		cve *tls.CertificateVerificationError
		ua  x509.UnknownAuthorityError
		he  x509.HostnameError
		ci  x509.CertificateInvalidError
		rhe tls.RecordHeaderError
		ae  tls.AlertError
		oe  *net.OpError
	)
	switch {
	case errors.As(err, &cve), errors.As(err, &ua), errors.As(err, &he), errors.As(err, &ci),
		errors.As(err, &rhe), errors.As(err, &ae):
		return true
	case errors.As(err, &oe) && oe.Op == "remote error":
		// crypto/tls reports an alert from the server this way, e.g.
		// "remote error: tls: certificate required".
		return true
	}
	// Handshake failures detected locally ("tls: server selected
	// unsupported protocol version") have no type of their own.
	return strings.HasPrefix(err.Error(), "tls: ") || strings.Contains(err.Error(), ": tls: ")
}

// redactLocation returns a redirect target without its query and
// fragment, which may carry data.
func redactLocation(loc string) string {
	u, err := url.Parse(loc)
	if err != nil {
		return ""
	}
	u.RawQuery, u.Fragment, u.User = "", "", nil
	return cutBody([]byte(u.String()), 200)
}

// backoff returns the wait before attempt+1: RetryWait·2^(attempt-1),
// jittered to between half and all of it.
func (c *Client) backoff(attempt int) time.Duration {
	d := c.cfg.RetryWait
	for i := 1; i < attempt && d < c.cfg.MaxRetryWait; i++ {
		d *= 2
	}
	d = min(d, c.cfg.MaxRetryWait)
	half := d / 2
	return half + rand.N(half+1)
}

// RetryAfter parses a Retry-After value: seconds, or an HTTP date seen from
// now, at most a day. ok is
// false when the header is absent or unreadable.
func RetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > int64(24*time.Hour/time.Second) {
			n = int64(24 * time.Hour / time.Second)
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return min(max(t.Sub(now), 0), 24*time.Hour), true
}

// Sleep waits d or until ctx is done; it returns ctx.Err() when ctx ended
// first.
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
