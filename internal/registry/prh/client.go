package prh

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/ratelimit"
	"github.com/motpart/motpart/internal/registry/transport"
)

// SourceID is PRH's ID as a dossier's source.
const SourceID = "prh"

// DefaultBaseURL is PRH's open-data host.
const DefaultBaseURL = "https://avoindata.prh.fi"

// apiPath is the YTJ open-data API's path under the host.
const apiPath = "/opendata-ytj-api/v3"

// Config configures a Client.
type Config struct {
	// BaseURL is the host, DefaultBaseURL when empty (the API is under
	// BaseURL + /opendata-ytj-api/v3).
	BaseURL string
	// Calls and Window are the rate limit the client keeps: at most Calls
	// requests in any Window. PRH publishes no limit for the open-data API
	// ([U]: its documentation only asks for moderate use), so the default,
	// DefaultCalls in DefaultWindow, is a polite guess; Calls < 0 keeps
	// none. A 429 is still handled by the transport.
	Calls  int
	Window time.Duration
	// Now is the clock the answers are stamped with and the rate limit
	// reads; nil: time.Now. Sleep waits d or until ctx ends; nil: a timer.
	// Tests inject both.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
}

// The default rate limit, [U]: PRH documents none for the open-data API.
const (
	DefaultCalls  = 10
	DefaultWindow = time.Second
)

// Client asks PRH's YTJ open-data API. It is safe for concurrent use.
type Client struct {
	base string
	now  func() time.Time
	hc   *transport.Client
	lim  *ratelimit.Limiter
}

// New returns a client of the API at cfg.BaseURL over hc.
func New(cfg Config, hc *transport.Client) (*Client, error) {
	base := strings.TrimSuffix(cfg.BaseURL, "/")
	if base == "" {
		base = DefaultBaseURL
	}
	u, err := url.Parse(base)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("prh: the address %q is not an https URL", cfg.BaseURL)
	}
	if hc == nil {
		return nil, errors.New("prh: no transport")
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	calls, window := cfg.Calls, cfg.Window
	if calls == 0 {
		calls = DefaultCalls
	}
	if window <= 0 {
		window = DefaultWindow
	}
	return &Client{base: base + apiPath, now: now, hc: hc, lim: ratelimit.New(calls, window, now, cfg.Sleep)}, nil
}

// Lookup asks PRH for the company with the Finnish business ID number.
// The answer's Source says found, deleted (a company that has ceased, with
// its end date), not found or failed, and is stamped with its time.
func (c *Client) Lookup(ctx context.Context, number string) dossier.Answer {
	start := c.now()
	a := c.lookup(ctx, number)
	a.Source.ID = SourceID
	a.Source.Fetched = c.now().UTC()
	a.Source.Duration = a.Source.Fetched.Sub(start.UTC())
	return a
}

func (c *Client) lookup(ctx context.Context, number string) dossier.Answer {
	n, err := ident.Parse(number, ident.Options{Country: ident.CountryFI})
	if err != nil || n.Country() != ident.CountryFI {
		return dossier.Answer{Source: dossier.Source{Status: dossier.StatusFailed, Code: string(problem.CodeInvalidNumber),
			Problem: string(problem.CodeInvalidNumber), Message: fmt.Sprintf("%q is not a Finnish business ID", number)}}
	}
	id := n.String()
	res, err := c.get(ctx, url.Values{"businessId": {id}})
	if err != nil {
		return failed(err)
	}
	for i := range res.Companies {
		if res.Companies[i].BusinessID.Value != id {
			continue
		}
		co := toCompany(&res.Companies[i])
		if co.Deleted {
			return dossier.Answer{Company: co, Source: dossier.Source{Status: dossier.StatusDeleted, Date: co.DeletedDate,
				Message: fmt.Sprintf("PRH: %s ceased on %s.", id, co.DeletedDate)}}
		}
		return dossier.Answer{Company: co, Source: dossier.Source{Status: dossier.StatusFound}}
	}
	return notFound(id)
}

// notFound is the answer for a business ID PRH does not know.
func notFound(id string) dossier.Answer {
	return dossier.Answer{Source: dossier.Source{Status: dossier.StatusNotFound, Code: "not_found",
		Problem: string(problem.CodeUnitNotFound), Message: fmt.Sprintf("PRH has no company %s. Check the number.", id)}}
}

// failed is the answer of a lookup that failed with err.
func failed(err error) dossier.Answer {
	var nf *notFoundError
	if errors.As(err, &nf) {
		return notFound(nf.id)
	}
	code := problem.CodeOf(err)
	if code == "" {
		code = problem.CodeUnreachable
	}
	src := dossier.Source{Status: dossier.StatusFailed, Code: string(code), Problem: string(code), Message: "PRH: " + err.Error()}
	var te *transport.Error
	if errors.As(err, &te) {
		src.Code, src.Problem = te.Code(), string(te.Problem())
		if te.Body != "" {
			src.RegisterText = transport.RegisterText(te.Body, 300)
		}
	}
	return dossier.Answer{Source: src}
}

// notFoundError is a 404 for a business ID.
type notFoundError struct{ id string }

func (e *notFoundError) Error() string { return "prh: no company " + e.id }

// Search asks PRH for the companies whose current or earlier name
// matches name (the API's first page) and returns them with how many PRH
// has in all.
func (c *Client) Search(ctx context.Context, name string) ([]*dossier.Company, int, error) {
	res, err := c.get(ctx, url.Values{"name": {name}})
	if err != nil {
		var nf *notFoundError
		if errors.As(err, &nf) {
			return nil, 0, nil
		}
		return nil, 0, err
	}
	out := make([]*dossier.Company, 0, len(res.Companies))
	for i := range res.Companies {
		out = append(out, toCompany(&res.Companies[i]))
	}
	return out, max(res.TotalResults, len(out)), nil
}

// get asks /companies with q and reads the answer.
func (c *Client) get(ctx context.Context, q url.Values) (*companiesResult, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/companies?"+q.Encode(), nil)
	if err != nil {
		return nil, fmt.Errorf("prh: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	done, err := c.lim.Wait(ctx)
	if err != nil {
		code := problem.CodeCanceled
		if errors.Is(err, context.DeadlineExceeded) {
			code = problem.CodeTimeout
		}
		return nil, problem.New(code, fmt.Errorf("prh: waiting for the rate limit: %w", err))
	}
	resp, err := c.hc.Do(ctx, req)
	done()
	if err != nil {
		return nil, err
	}
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return nil, &notFoundError{id: q.Get("businessId")}
	case resp.StatusCode != http.StatusOK:
		return nil, &transport.Error{Kind: transport.KindStatus, Method: http.MethodGet, Host: req.URL.Hostname(),
			StatusCode: resp.StatusCode, Attempts: 1, Body: string(resp.Body)}
	}
	res, err := parse(resp.Body)
	if err != nil {
		return nil, problem.New(problem.CodeUnreadableAnswer, err)
	}
	return res, nil
}

// parse reads an answer of /companies.
func parse(body []byte) (*companiesResult, error) {
	var res companiesResult
	if err := json.Unmarshal(body, &res); err != nil {
		return nil, fmt.Errorf("prh: reading the answer: %w", err)
	}
	for i := range res.Companies {
		if res.Companies[i].BusinessID.Value == "" {
			return nil, errors.New("prh: a company without a business ID")
		}
	}
	return &res, nil
}
