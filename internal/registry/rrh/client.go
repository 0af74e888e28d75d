// This file is a little over 500 lines: the look-up, its errors and the
// words of its Sources are kept together while the error vocabulary is
// being moved to internal/problem (issue 10); split the words out after.

package rrh

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/maskinporten"
	"github.com/motpart/motpart/internal/registry/transport"
)

// SourceID is the dossier.Source ID of the register.
const SourceID = "rrh"

// service names the register in messages.
const service = "The Register of beneficial owners"

// APIShape says which of the register's APIs a Client talks to.
type APIShape int

// The APIs (specs §4.1).
const (
	// PartnerAPI is the Partner API (/api/partner/reelle-rettigheter),
	// fully specified, scopes brreg:reelle/partner.*. It is the default
	// (the zero Config.API).
	PartnerAPI APIShape = iota
	// V1 is the "Virksomheter" API v1 (/api/oppslag/v1/virksomheter),
	// current, scopes brreg:reelle/*. It is experimental: its OpenAPI is
	// not public, so the answer shape Motpart reads is guessed (see the
	// [U] notes in this package), and every answer read with it carries
	// the note dossier.NoteOwnersShapeUnconfirmed.
	V1
)

// Default paths, relative to Config.BaseURL.
const (
	DefaultPartnerPath  = "/api/partner/reelle-rettigheter"
	DefaultV1Path       = "/api/oppslag/v1/virksomheter"
	DefaultChangesPath  = "/api/oppslag/v1/endringslogg"  // [U]
	DefaultSequencePath = "/api/oppslag/v1/sekvensnummer" // [U]
	// DefaultMaxDownload bounds DownloadTotal.
	DefaultMaxDownload = 4 << 30
)

// Config configures a Client.
type Config struct {
	// BaseURL is the register's host, e.g. "https://rrh.brreg.no" or
	// "https://rrh.ppe.brreg.no" (test).
	BaseURL string
	// API is the API asked: PartnerAPI (the default) or V1
	// (experimental, shape not confirmed).
	API APIShape
	// PartnerPath is the Partner API's path; default DefaultPartnerPath.
	PartnerPath string
	// V1Path is the v1 API's virksomheter path; default DefaultV1Path.
	// [U]: from the v1 changelog and guide; the v1 OpenAPI is not public.
	V1Path string
	// ChangesPath and SequencePath are the v1 change log's endpoints [U];
	// defaults DefaultChangesPath and DefaultSequencePath.
	ChangesPath, SequencePath string
	// AcceptLanguage asks for code texts in "nob" (default), "nno" or "eng".
	AcceptLanguage string
	// TotalCSV makes DownloadTotal fetch the CSV variant of the Partner
	// API's full register instead of the JSON one.
	TotalCSV bool
	// MaxDownload bounds DownloadTotal; default DefaultMaxDownload.
	MaxDownload int64
}

// TokenSource gives Maskinporten access tokens; *maskinporten.Client is
// one. Invalidate is called when the register answers 401 or 403 to a
// token.
type TokenSource interface {
	Token(ctx context.Context) (maskinporten.Token, error)
	Invalidate()
}

// Client asks the Register of beneficial owners. It is safe for
// concurrent use.
type Client struct {
	cfg    Config
	base   string
	tokens TokenSource
	t      *transport.Client
}

// New returns a client of the register at cfg.BaseURL, authorised by
// tokens.
func New(cfg Config, tokens TokenSource, t *transport.Client) *Client {
	def := func(s *string, d string) {
		if strings.TrimSpace(*s) == "" {
			*s = d
		}
		*s = "/" + strings.Trim(strings.TrimSpace(*s), "/")
	}
	def(&cfg.PartnerPath, DefaultPartnerPath)
	def(&cfg.V1Path, DefaultV1Path)
	def(&cfg.ChangesPath, DefaultChangesPath)
	def(&cfg.SequencePath, DefaultSequencePath)
	if cfg.MaxDownload <= 0 {
		cfg.MaxDownload = DefaultMaxDownload
	}
	return &Client{cfg: cfg, base: strings.TrimRight(strings.TrimSpace(cfg.BaseURL), "/"), tokens: tokens, t: t}
}

// Stable failure codes, used in Error.Code and dossier.Source.Code. The
// transport's codes ("timeout", "network", "tls", "http_503", ...) and
// the Maskinporten ones ("mp_122", "mp_invalid_scope", ...; see
// maskinporten.ErrorInfo) are codes too.
const (
	// CodeNotRequired is the register's 404. Its name (and value) are
	// older than what is known of it: seed 003 says 404 means "the
	// company has not registered beneficial owners", the Partner API's
	// OpenAPI "the company does not have to register". It means either,
	// so it is never read as reassurance (see Lookup).
	CodeNotRequired   = "not_required"
	CodeForbidden     = "forbidden"      // 403: the token or its scope is not accepted
	CodeUnauthorized  = "unauthorized"   // 401, even with a new token
	CodeInvalidNumber = "invalid_number" // 400, or not 9 digits
	CodeMalformed     = "malformed"      // the answer could not be read
	CodeNoToken       = "no_token"       // no Maskinporten client configured
)

// Error is a failure of a call to the register.
type Error struct {
	// Op names the call, e.g. "reelle-rettigheter/313513408".
	Op string
	// Code is one of the Code constants, a transport code, "http_" and
	// the status, or a Maskinporten code ("mp_...").
	Code string
	// StatusCode is the HTTP status, when there was an answer.
	StatusCode int
	// Message is the register's own message, cut short, when it gave one.
	Message string
	// Err is the underlying error, if any.
	Err error
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("rrh: ")
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	switch {
	case e.Code == CodeNotRequired:
		b.WriteString("no registration (HTTP 404): the company has not registered beneficial owners, or does not have to")
	case e.Code == CodeForbidden:
		b.WriteString("access refused (HTTP 403)")
	case e.Code == CodeUnauthorized:
		b.WriteString("the token was not accepted (HTTP 401)")
	case e.Code == CodeInvalidNumber:
		b.WriteString("not a valid organisation number")
	case e.Code == CodeMalformed:
		b.WriteString("the answer could not be read")
	case strings.HasPrefix(e.Code, "http_") && e.StatusCode != 0:
		fmt.Fprintf(&b, "unexpected HTTP status %d", e.StatusCode)
	case strings.HasPrefix(e.Code, "mp_"):
		b.WriteString("no Maskinporten token")
	default:
		b.WriteString(e.Code)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// ErrorCode returns the stable code of err: an Error's Code, a transport
// error's code, "mp_" codes for Maskinporten's refusals, "timeout" or
// "canceled" for context errors, and "failed" for anything else.
func ErrorCode(err error) string {
	var (
		re  *Error
		te  *transport.Error
		me  *maskinporten.Error
		mre *maskinporten.ResponseError
		le  *LimitError
		fe  *FormatError
	)
	switch {
	case err == nil:
		return ""
	case errors.As(err, &re) && re.Code != "":
		return re.Code
	case errors.As(err, &me):
		return me.SourceCode()
	case errors.As(err, &te):
		return te.Code()
	case errors.As(err, &mre):
		return mre.Code
	case errors.As(err, &le):
		return "limit_" + le.Limit
	case errors.As(err, &fe):
		return CodeMalformed
	case errors.Is(err, context.DeadlineExceeded):
		return string(transport.KindTimeout)
	case errors.Is(err, context.Canceled):
		return string(transport.KindCanceled)
	}
	return "failed"
}

// op names a look-up.
func (c *Client) lookupPath(orgnr string) (op, path string) {
	if c.cfg.API == V1 {
		return "virksomheter/" + orgnr, c.cfg.V1Path + "/" + orgnr
	}
	return "reelle-rettigheter/" + orgnr, c.cfg.PartnerPath + "/" + orgnr
}

// Owners asks the register for the beneficial owners of orgnr. Failures
// are *Error: CodeNotRequired (404), CodeForbidden (403),
// CodeInvalidNumber (400, or not 9 digits), CodeMalformed, "http_" and
// the status, a transport code, or a Maskinporten code. A 401 makes the
// token source drop its token, and the request is sent once more with a
// new one.
func (c *Client) Owners(ctx context.Context, orgnr string) (*dossier.Owners, error) {
	n, ok := ident.NineDigits(orgnr)
	if !ok {
		return nil, &Error{Op: "look-up", Code: CodeInvalidNumber, Message: "an organisation number has 9 digits"}
	}
	op, path := c.lookupPath(n)
	accept := "application/json"
	if c.cfg.API == PartnerAPI {
		accept = "application/vnd.brreg.reell.rettighet.v1+json;charset=UTF-8, application/json;q=0.9"
	}
	resp, err := c.get(ctx, op, path, nil, accept)
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusOK:
		o, err := ParseRegistration(resp.Body)
		if errors.Is(err, errNoNumber) {
			// The look-up names the company; a body without its number
			// is about it.
			o, err = parseWithNumber(resp.Body, n)
		}
		if err != nil {
			return nil, &Error{Op: op, Code: CodeMalformed, StatusCode: resp.StatusCode, Err: err}
		}
		if o.Status.Code == "" && o.Status.Description == "" {
			// Valid JSON, but not a registration: `{}`, unknown member
			// names, an array of non-registrations. Reading it as "found,
			// no owners" would be false reassurance.
			return nil, &Error{Op: op, Code: CodeMalformed, StatusCode: resp.StatusCode,
				Err: problem.New(problem.CodeUnreadableAnswer, errors.New("the answer holds no registration status, so it is not a registration"))}
		}
		if o.Number != n {
			return nil, &Error{Op: op, Code: CodeMalformed, StatusCode: resp.StatusCode,
				Err: fmt.Errorf("asked for %s, got %s", n, transport.RegisterText(o.Number, 20))}
		}
		o.Source = "online"
		return o, nil
	case http.StatusNotFound:
		return nil, &Error{Op: op, Code: CodeNotRequired, StatusCode: resp.StatusCode, Message: problemMessage(resp.Body)}
	}
	return nil, statusError(op, resp)
}

// parseWithNumber parses a registration that does not name its company.
func parseWithNumber(data []byte, n string) (*dossier.Owners, error) {
	var p parser
	p.reset(data)
	o := new(dossier.Owners)
	if err := p.registration(o, DefaultLimits().reg()); err != nil {
		return nil, err
	}
	if err := p.end(); err != nil {
		return nil, err
	}
	if o.Number == "" {
		o.Number = n
	}
	return o, nil
}

// statusError is the Error for a status the caller did not handle.
func statusError(op string, resp *transport.Response) error {
	e := &Error{Op: op, StatusCode: resp.StatusCode, Message: problemMessage(resp.Body)}
	switch resp.StatusCode {
	case http.StatusBadRequest:
		e.Code = CodeInvalidNumber
	case http.StatusForbidden:
		e.Code = CodeForbidden
	case http.StatusUnauthorized:
		e.Code = CodeUnauthorized
	default:
		e.Code = "http_" + strconv.Itoa(resp.StatusCode)
	}
	return e
}

// Lookup asks the register for orgnr's beneficial owners and says what it
// answered, as a dossier.Source with ID "rrh": found (with the note
// dossier.NoteOwnersShapeUnconfirmed when read with the experimental V1);
// not_found (404, Code "not_required": the company has not registered
// beneficial owners, or does not have to; the Source keeps the register's
// own text in RegisterText and carries a FollowUp); no_access
// (403, Code "forbidden"; 401 twice, "unauthorized"; a Maskinporten
// refusal, "mp_" and its code); failed (400, 5xx, unreadable answers and
// transport failures, with brreg's codes). Owners is nil unless found.
func (c *Client) Lookup(ctx context.Context, orgnr string) (*dossier.Owners, dossier.Source) {
	start := time.Now()
	o, err := c.Owners(ctx, orgnr)
	src := dossier.Source{ID: SourceID, Status: dossier.StatusFound}
	switch {
	case err != nil:
		o = nil
		src = failureSource(err)
	case o.Status.Code == RegistrationNotReported:
		src.Message = "The company must register its beneficial owners, but has not reported them yet."
	}
	if err == nil && c.cfg.API == V1 {
		src.Notes = append(src.Notes, dossier.SourceNote{Code: dossier.NoteOwnersShapeUnconfirmed, Message: v1Unconfirmed})
	}
	src.ID = SourceID
	src.Fetched = time.Now().UTC()
	src.Duration = time.Since(start)
	return o, src
}

// v1Unconfirmed is what the user is told of an answer read with V1.
const v1Unconfirmed = "Read with the experimental v1 answer shape, which is not confirmed by a published description: check the owners against the register before relying on them."

// notRegistered is what the user is told of the register's 404.
const notRegistered = "The Register of beneficial owners has no registration for this company (HTTP 404). " +
	"This means either that the company has not registered its beneficial owners, or that it does not have to register beneficial owners; " +
	"the register's answer does not say which. Follow this up in the AML check."

// failureSource is the Source of a failed look-up.
func failureSource(err error) dossier.Source {
	code := ErrorCode(err)
	var detail string
	var re *Error
	if errors.As(err, &re) && re.Message != "" {
		detail = " The register said: " + re.Message
	}
	src := dossier.Source{Status: dossier.StatusFailed, Code: code, Problem: string(ProblemOf(err))}
	var me *maskinporten.Error
	switch {
	case code == CodeNotRequired:
		src.Status = dossier.StatusNotFound
		src.Message = notRegistered + detail
		if re != nil {
			src.RegisterText = re.Message
		}
		src.FollowUp = &dossier.FollowUp{Reason: dossier.FollowUpOwnersNotRegistered,
			Message: "Find out whether the company must register beneficial owners, and if so why it has not: ask the customer, and identify the beneficial owners yourself."}
	case code == CodeForbidden:
		src.Status = dossier.StatusNoAccess
		src.Message = service + " refused access (HTTP 403): the Maskinporten token is not valid for it, or your organisation has not been given the scope. Check the scope in Settings; access is granted by Brønnøysund." + detail
	case code == CodeUnauthorized:
		src.Status = dossier.StatusNoAccess
		src.Message = service + " did not accept the Maskinporten token, even a new one (HTTP 401). Check the Maskinporten environment and scope in Settings."
	case code == CodeNoToken:
		src.Status = dossier.StatusNoAccess
		src.Message = "No Maskinporten client is set up for the Register of beneficial owners: enter it in Settings."
	case errors.As(err, &me):
		src.Status = dossier.StatusNoAccess
		src.Message = "Maskinporten gave no token for the Register of beneficial owners. " + me.Message()
	case strings.HasPrefix(code, "mp_"):
		src.Status = dossier.StatusNoAccess
		src.Message = "Maskinporten gave no token for the Register of beneficial owners: " + err.Error()
	case errors.As(err, &re) && re.Op == "token":
		src.Message = failureMessage("Maskinporten", code, err)
	default:
		src.Message = failureMessage(service, code, err) + detail
	}
	return src
}

// failureMessage says in plain English what went wrong and what to do,
// as brreg's messages do.
func failureMessage(service, code string, err error) string {
	host := service
	var te *transport.Error
	if errors.As(err, &te) && te.Host != "" {
		host = te.Host
	}
	switch code {
	case "timeout":
		return service + " did not answer in time. Try again in a moment; if it keeps happening, the register may be down."
	case "canceled":
		return "The look-up was cancelled."
	case "network":
		return "Could not reach " + host + ". Check the internet connection (and any proxy), then try again."
	case "tls":
		return "The secure connection to " + host + " could not be verified or was refused. Check the computer's date and time; behind a company proxy that inspects traffic, add its certificate (MOTPART_EXTRA_CA)."
	case "http_429":
		return service + " asked Motpart to slow down (HTTP 429), and kept doing so. Wait a few minutes and try again."
	case "http_503":
		return service + " is unavailable at the moment (HTTP 503), for example for maintenance. Try again later."
	case "too_large":
		return "The answer from " + service + " was larger than Motpart accepts, so it was not used. Try again; if it keeps happening, report it."
	case "truncated":
		return "The answer from " + service + " was cut off before the end, so it was not used. Try again."
	case "redirect":
		return service + " sent Motpart to another address, which Motpart does not follow. Check the register's address in Settings."
	case CodeMalformed:
		return service + " answered with data Motpart could not read, so nothing from it was used. Try again later; if it keeps happening, report it."
	case CodeInvalidNumber:
		return service + " says the number is not a valid Norwegian organisation number. Check the number (9 digits)."
	}
	if strings.HasPrefix(code, "http_") {
		n, _ := strconv.Atoi(strings.TrimPrefix(code, "http_"))
		if n >= 500 {
			return fmt.Sprintf("%s had an internal error (HTTP %d). Try again later.", service, n)
		}
		return fmt.Sprintf("%s answered with an unexpected status (HTTP %d). Try again later; if it keeps happening, report it.", service, n)
	}
	return "The look-up in " + service + " failed. Try again later."
}

// get sends an authorised GET for path and returns the answer. A 401
// makes the token source drop its token, and the request is sent once
// more with a new one; a 403 makes it drop its token too, so that the
// next call asks for a new one.
func (c *Client) get(ctx context.Context, op, path string, q url.Values, accept string) (*transport.Response, error) {
	if c.tokens == nil {
		return nil, &Error{Op: op, Code: CodeNoToken}
	}
	u := c.base + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	for attempt := 0; ; attempt++ {
		req, err := c.request(ctx, op, u, accept)
		if err != nil {
			return nil, err
		}
		resp, err := c.t.Do(ctx, req)
		if err != nil {
			return nil, &Error{Op: op, Code: ErrorCode(err), Err: err}
		}
		if resp.StatusCode == http.StatusUnauthorized && attempt == 0 {
			c.tokens.Invalidate()
			continue
		}
		if resp.StatusCode == http.StatusForbidden {
			// Seed 003: 403 is also "invalid token". The answer stands,
			// but the next call gets a new token.
			c.tokens.Invalidate()
		}
		return resp, nil
	}
}

// request builds an authorised GET.
func (c *Client) request(ctx context.Context, op, u, accept string) (*http.Request, error) {
	tok, err := c.tokens.Token(ctx)
	if err != nil {
		return nil, &Error{Op: "token", Code: tokenCode(err), Err: err}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, &Error{Op: op, Code: "config", Err: fmt.Errorf("the register's address is not valid: %w", err)}
	}
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	req.Header.Set("Accept", accept)
	if c.cfg.AcceptLanguage != "" {
		req.Header.Set("Accept-Language", c.cfg.AcceptLanguage)
	}
	return req, nil
}

// tokenCode is the code of a failure to get a token: Maskinporten's
// refusal ("mp_122"), a transport or answer failure of the token request
// ("timeout", "http_500", "malformed"), or "mp_config" for the rest
// (configuration, signing).
func tokenCode(err error) string {
	var (
		te  *transport.Error
		me  *maskinporten.Error
		mre *maskinporten.ResponseError
	)
	switch {
	case errors.As(err, &me):
		return me.SourceCode()
	case errors.As(err, &te):
		return te.Code()
	case errors.As(err, &mre):
		return mre.Code
	case errors.Is(err, context.DeadlineExceeded):
		return string(transport.KindTimeout)
	case errors.Is(err, context.Canceled):
		return string(transport.KindCanceled)
	}
	return "mp_config"
}

// problemMessage returns the "message" of the register's error body
// (ServerErrorResponse), cut short; "" when there is none.
func problemMessage(body []byte) string {
	var e struct {
		Message string `json:"message"`
		Detail  string `json:"detail"`
	}
	if json.Unmarshal(body, &e) != nil {
		return ""
	}
	if e.Message == "" {
		e.Message = e.Detail
	}
	return transport.RegisterText(e.Message, 200)
}
