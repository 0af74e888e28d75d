package bankid

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/transport"
)

// DefaultExpands returns the data blocks a session asks for unless told
// otherwise (registries.md §5.4).
func DefaultExpands() []string { return slices.Clone(defaultExpands) }

var defaultExpands = []string{"address", "financials.keyFigures", "financials.auditor",
	"ownership.beneficials", "ownership.shareholders", "ownership.subsidiaries",
	"ownership.indicators", "authorities", "roles", "sanction"}

// DefaultReports returns the reports a session asks for unless told
// otherwise: the AML report and the certificate of registration.
func DefaultReports() []string { return []string{AssumedReportAML, AssumedReportRegistration} }

// Order is what a session asks for.
type Order struct {
	// Identifier is the organisation number, as typed.
	Identifier string
	// Country is NO, SE or FI; CountryNone takes it from the number.
	Country ident.Country
	// Expands and Reports default to DefaultExpands() and DefaultReports().
	Expands, Reports []string
	// Webhook, when set, asks for webhooks (its shape is assumed).
	Webhook *AssumedWebhook
}

// Session is a session's state as BankID last told it.
type Session struct {
	ID      string            `json:"sessionId"`
	Created time.Time         `json:"created"`
	Expires time.Time         `json:"expires"`
	Status  map[string]string `json:"status"`
}

// Done reports whether every entity of s is finished.
func (s *Session) Done() bool {
	if len(s.Status) == 0 {
		return false
	}
	for _, v := range s.Status {
		if !isCompleted(v) {
			return false
		}
	}
	return true
}

// failed returns the first entity (in name order) that failed, or "".
func (s *Session) failed() string {
	var first string
	for k, v := range s.Status {
		if v == AssumedStatusFailed && (first == "" || k < first) {
			first = k
		}
	}
	return first
}

func (s *Session) expired(now time.Time) bool {
	for _, v := range s.Status {
		if v == AssumedStatusExpired {
			return true
		}
	}
	return !s.Expires.IsZero() && !now.Before(s.Expires)
}

// validate checks the identifier for the country and returns its canonical
// digits and the country.
func validate(id string, country ident.Country) (string, ident.Country, error) {
	n, err := ident.ParseOrgNr(id, ident.Options{Country: country, AllowTestData: true})
	if err != nil || n.IsPersonal() {
		if err == nil {
			err = errors.New("a personal number")
		}
		return "", "", &Error{Op: "check the number", Code: problem.CodeBankIDInvalidIdentifier, Err: err}
	}
	switch n.Country() {
	case ident.CountryNO, ident.CountrySE, ident.CountryFI:
	default:
		return "", "", &Error{Op: "check the number", Code: problem.CodeBankIDInvalidIdentifier, Err: errors.New("not a Norwegian, Swedish or Finnish organisation number")}
	}
	return n.String(), n.Country(), nil
}

// CreateSession orders a session and returns it as created.
func (c *Client) CreateSession(ctx context.Context, o Order) (*Session, error) {
	const op = "create a session"
	id, country, err := validate(o.Identifier, o.Country)
	if err != nil {
		return nil, err
	}
	body := struct {
		Identifier  string          `json:"identifier"`
		Nationality string          `json:"nationality"`
		Expands     []string        `json:"expands"`
		Reports     []string        `json:"reports"`
		Webhooks    *AssumedWebhook `json:"webhooks,omitempty"`
	}{id, string(country), o.Expands, o.Reports, o.Webhook}
	if body.Expands == nil {
		body.Expands = DefaultExpands()
	}
	if body.Reports == nil {
		body.Reports = DefaultReports()
	}
	data, err := json.Marshal(body)
	if err != nil {
		return nil, &Error{Op: op, Code: problem.CodeInternal, Err: err}
	}
	path := "/organization/session/" + strings.ToLower(string(country))
	resp, err := c.send(ctx, op, http.MethodPost, path, data)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK {
		return nil, statusError(op, resp.StatusCode)
	}
	var s Session
	if err := json.Unmarshal(resp.Body, &s); err != nil || s.ID == "" || strings.ContainsAny(s.ID, "/?#%") {
		if err == nil {
			err = errors.New("no usable sessionId")
		}
		return nil, &Error{Op: op, Code: problem.CodeUnreadableAnswer, Err: err}
	}
	if s.Created.IsZero() {
		s.Created = c.cfg.Now()
	}
	if s.Expires.IsZero() {
		s.Expires = s.Created.Add(SessionLifetime)
	}
	return &s, nil
}

// Status reads a session's status once. An expired session is an *Error
// with CodeBankIDSessionExpired, one that failed CodeBankIDSessionFailed.
func (c *Client) Status(ctx context.Context, id string) (*Session, error) {
	s, _, err := c.status(ctx, id)
	return s, err
}

// Poll is Status for a caller that waits between polls itself: on a 429
// or 503 it also returns the wait the server's Retry-After asked for
// (zero when it named none).
func (c *Client) Poll(ctx context.Context, id string) (*Session, time.Duration, error) {
	return c.status(ctx, id)
}

// status reads the status; wait is the server's Retry-After on 429/503.
func (c *Client) status(ctx context.Context, id string) (*Session, time.Duration, error) {
	const op = "read the session's status"
	resp, err := c.stream(ctx, op, AssumedSessionPath+id)
	if err != nil {
		return nil, 0, err
	}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
		wait, _ := transport.RetryAfter(resp.Header.Get("Retry-After"), c.cfg.Now())
		return nil, wait, statusError(op, resp.StatusCode)
	case resp.StatusCode != http.StatusOK:
		return nil, 0, statusError(op, resp.StatusCode)
	}
	var s Session
	if err := json.Unmarshal(resp.Body, &s); err != nil || s.Status == nil {
		if err == nil {
			err = errors.New("no status object")
		}
		return nil, 0, &Error{Op: op, Code: problem.CodeUnreadableAnswer, Err: err}
	}
	if s.expired(c.cfg.Now()) {
		return &s, 0, &Error{Op: op, Code: problem.CodeBankIDSessionExpired}
	}
	if f := s.failed(); f != "" {
		return &s, 0, &Error{Op: op, Code: problem.CodeBankIDSessionFailed, Err: fmt.Errorf("%s failed", f)}
	}
	return &s, 0, nil
}

// Wait polls the session until every entity is finished, it fails or it
// expires, waiting PollWait, doubling up to MaxPollWait, between polls; a
// 429 or 503 waits its Retry-After instead (within MaxPollWait).
func (c *Client) Wait(ctx context.Context, id string) (*Session, error) {
	wait := c.cfg.PollWait
	for {
		s, ra, err := c.status(ctx, id)
		var be *Error
		switch {
		case err == nil && s.Done():
			return s, nil
		case err == nil:
		case errors.As(err, &be) && (be.Status == http.StatusTooManyRequests || be.Status == http.StatusServiceUnavailable):
		default:
			return s, err
		}
		d := wait
		if ra > 0 {
			d = min(ra, c.cfg.MaxPollWait)
		} else {
			wait = min(wait*2, c.cfg.MaxPollWait)
		}
		if err := c.cfg.Sleep(ctx, d); err != nil {
			return nil, &Error{Op: "wait for the session", Code: problem.CodeCanceled, Err: err}
		}
	}
}

// ResultJSON fetches the session's result JSON, unparsed but checked to
// be JSON.
func (c *Client) ResultJSON(ctx context.Context, id string) ([]byte, error) {
	const op = "read the session's result"
	resp, err := c.send(ctx, op, http.MethodGet, AssumedSessionPath+id+AssumedJSONDataPath, nil)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, statusError(op, resp.StatusCode)
	}
	if len(resp.Body) > maxJSON || !json.Valid(resp.Body) {
		return nil, &Error{Op: op, Code: problem.CodeUnreadableAnswer, Err: errors.New("not JSON")}
	}
	return resp.Body, nil
}

// Result fetches and parses the session's result JSON.
func (c *Client) Result(ctx context.Context, id string) (*Result, error) {
	data, err := c.ResultJSON(ctx, id)
	if err != nil {
		return nil, err
	}
	r, err := ParseResult(data)
	if err != nil {
		return nil, &Error{Op: "read the session's result", Code: problem.CodeUnreadableAnswer, Err: err}
	}
	return r, nil
}

// Report fetches one report by name. It must be a whole PDF: the
// application/pdf content type, the %PDF- magic, an %%EOF marker near its
// end and at most MaxReportSize bytes; anything else is refused.
func (c *Client) Report(ctx context.Context, id, name string) ([]byte, error) {
	op := "fetch the " + name + " report"
	if name == "" || strings.ContainsAny(name, "/?#%") {
		return nil, &Error{Op: op, Code: problem.CodeBankIDConfig, Err: errors.New("not a report name")}
	}
	resp, err := c.send(ctx, op, http.MethodGet, AssumedSessionPath+id+AssumedReportPath+name, nil)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, statusError(op, resp.StatusCode)
	}
	if err := c.checkPDF(resp.Header.Get("Content-Type"), resp.Body); err != nil {
		return nil, &Error{Op: op, Code: problem.CodeOf(err), Err: err}
	}
	return resp.Body, nil
}

// checkPDF refuses a report that is not a whole PDF.
func (c *Client) checkPDF(contentType string, b []byte) error {
	if int64(len(b)) > c.cfg.MaxReportSize {
		return problem.New(problem.CodeBankIDReportTooLarge, fmt.Errorf("%d bytes, over the limit of %d", len(b), c.cfg.MaxReportSize))
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil || mt != "application/pdf" {
		return problem.New(problem.CodeBankIDReportNotPDF, fmt.Errorf("content type %q", contentType))
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		return problem.New(problem.CodeBankIDReportNotPDF, errors.New("no %PDF- header"))
	}
	tail := b[max(0, len(b)-1024):]
	if !bytes.Contains(tail, []byte("%%EOF")) {
		return problem.New(problem.CodeAnswerCutOff, errors.New("no %%EOF at the end: the PDF is cut off"))
	}
	return nil
}

// send sends an authorised request to the API. A 401 is retried once
// with a new token.
func (c *Client) send(ctx context.Context, op, method, path string, body []byte) (*transport.Response, error) {
	for attempt := 0; ; attempt++ {
		tok, err := c.Token(ctx)
		if err != nil {
			return nil, err
		}
		var rd io.Reader
		if body != nil {
			rd = bytes.NewReader(body)
		}
		req, err := http.NewRequestWithContext(ctx, method, c.base.String()+path, rd)
		if err != nil {
			return nil, &Error{Op: op, Code: problem.CodeAddressInvalid, Err: err}
		}
		req.Header.Set("Authorization", "Bearer "+tok)
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := c.hc.Do(ctx, req)
		if err != nil {
			var te *transport.Error
			if errors.As(err, &te) && te.Kind == transport.KindStatus && (te.StatusCode == 429 || te.StatusCode == 503) {
				// The transport's retries ran out: answer as a status.
				return &transport.Response{StatusCode: te.StatusCode, Header: http.Header{}}, nil
			}
			return nil, wrapTransport(op, err)
		}
		if resp.StatusCode == http.StatusUnauthorized && attempt == 0 {
			c.forgetToken(tok)
			continue
		}
		return resp, nil
	}
}

// stream GETs path once, without the transport's retries, so that the
// caller sees a 429's Retry-After and waits on its own clock. The body is
// bounded and must be whole.
func (c *Client) stream(ctx context.Context, op, path string) (*transport.Response, error) {
	for attempt := 0; ; attempt++ {
		tok, err := c.Token(ctx)
		if err != nil {
			return nil, err
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base.String()+path, nil)
		if err != nil {
			return nil, &Error{Op: op, Code: problem.CodeAddressInvalid, Err: err}
		}
		req.Header.Set("Authorization", "Bearer "+tok)
		hr, err := c.hc.Stream(ctx, req)
		if err != nil {
			return nil, wrapTransport(op, err)
		}
		body, err := io.ReadAll(io.LimitReader(hr.Body, maxJSON+1))
		hr.Body.Close()
		switch {
		case err != nil || hr.ContentLength > 0 && int64(len(body)) < hr.ContentLength:
			return nil, &Error{Op: op, Code: problem.CodeAnswerCutOff, Err: err}
		case len(body) > maxJSON:
			return nil, &Error{Op: op, Code: problem.CodeAnswerTooLarge}
		}
		if hr.StatusCode == http.StatusUnauthorized && attempt == 0 {
			c.forgetToken(tok)
			continue
		}
		return &transport.Response{StatusCode: hr.StatusCode, Header: hr.Header, Body: body}, nil
	}
}
