package brreg

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/transport"
)

// MaxSearchDepth is the deepest hit the open API serves: page·size, with
// 0-based pages, may not pass it.
const MaxSearchDepth = 10_000

// MaxSubUnits is the most sub-units Lookup and SubUnitsOf list.
const MaxSubUnits = 5_000

// subUnitPageSize is the page size SubUnitsOf asks for.
const subUnitPageSize = 500

// serviceREST names the open API in messages.
const serviceREST = "Enhetsregisteret (data.brreg.no)"

// REST is a client of Enhetsregisteret's open REST API. It is safe for
// concurrent use.
type REST struct {
	base string
	t    *transport.Client
	feed FeedOptions // the change feeds' [U] parts; see WithFeedOptions
}

// NewREST returns a client of the open API at baseURL, e.g.
// "https://data.brreg.no/enhetsregisteret/api" (a simulator serves the same
// paths under its own host).
func NewREST(baseURL string, t *transport.Client) *REST {
	return &REST{base: strings.TrimRight(baseURL, "/"), t: t}
}

// SearchQuery is a search in /enheter, or with SubUnits in /underenheter.
// Empty fields do not filter.
type SearchQuery struct {
	// Name is matched as the register does (a combined similarity search).
	Name string
	// Form is an organisation form code, or a comma-separated list ("AS,ASA").
	Form string
	// Municipality is a 4-digit kommunenummer.
	Municipality string
	// Industry is a NACE code at any level, or a comma-separated list.
	Industry string
	// Parent is the overordnetEnhet (for sub-units: their legal unit).
	Parent string
	// SubUnits searches sub-units instead of legal units.
	SubUnits bool
	// Page is 0-based; Size defaults to 20. (Page+1)·Size may not pass
	// MaxSearchDepth.
	Page, Size int
}

// Unit fetches the legal unit orgnr from /enheter. A deleted unit comes
// back with Deleted and DeletedDate set, and no error. An unknown number
// gives an *Error with CodeNotFound, a number the register rejects one
// with CodeInvalidNumber.
func (r *REST) Unit(ctx context.Context, orgnr string) (*dossier.Company, error) {
	return r.unit(ctx, orgnr, false)
}

// SubUnit fetches the sub-unit orgnr from /underenheter, as Unit does.
func (r *REST) SubUnit(ctx context.Context, orgnr string) (*dossier.Company, error) {
	return r.unit(ctx, orgnr, true)
}

func (r *REST) unit(ctx context.Context, orgnr string, sub bool) (*dossier.Company, error) {
	coll := "enheter"
	if sub {
		coll = "underenheter"
	}
	n, err := orgNumber(orgnr)
	if err != nil {
		err.(*Error).Op = coll
		return nil, err
	}
	op := coll + "/" + n
	resp, err := r.get(ctx, op, "/"+coll+"/"+n, nil)
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusOK:
		c, err := parseUnit(resp.Body, sub)
		if err != nil {
			return nil, &Error{Op: op, Code: CodeMalformed, StatusCode: resp.StatusCode, Err: err}
		}
		if c.Number != n {
			return nil, &Error{Op: op, Code: CodeMalformed, StatusCode: resp.StatusCode,
				Err: fmt.Errorf("asked for %s, got %s", n, c.Number)}
		}
		return c, nil
	case http.StatusNotFound, http.StatusGone:
		// A removed unit may come with the minimal body of a deleted one.
		if c, err := parseUnit(resp.Body, sub); err == nil && c.Deleted && c.Number == n {
			return c, nil
		}
		code := CodeNotFound
		if resp.StatusCode == http.StatusGone {
			// "Enheten er fjernet": removed from the open data, which
			// is not "never registered".
			code = CodeRemoved
		}
		return nil, &Error{Op: op, Code: code, StatusCode: resp.StatusCode, Message: problemMessage(resp.Body)}
	}
	return nil, statusError(op, resp)
}

// Roles fetches the roles of the legal unit orgnr. A unit without roles
// has none; an unknown unit gives an *Error with CodeNotFound.
func (r *REST) Roles(ctx context.Context, orgnr string) ([]dossier.Role, error) {
	n, err := orgNumber(orgnr)
	if err != nil {
		err.(*Error).Op = "roller"
		return nil, err
	}
	op := "enheter/" + n + "/roller"
	resp, err := r.get(ctx, op, "/"+op, nil)
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusOK:
		roles, err := parseRoles(resp.Body)
		if err != nil {
			return nil, &Error{Op: op, Code: CodeMalformed, StatusCode: resp.StatusCode, Err: err}
		}
		return roles, nil
	case http.StatusNotFound, http.StatusGone:
		return nil, &Error{Op: op, Code: CodeNotFound, StatusCode: resp.StatusCode, Message: problemMessage(resp.Body)}
	}
	return nil, statusError(op, resp)
}

// SubUnitsOf lists the sub-units whose legal unit is parent, following
// the pages of /underenheter?overordnetEnhet=parent up to MaxSubUnits.
// total is the number the register reports; when it is larger than
// len(refs), the list was cut at MaxSubUnits.
func (r *REST) SubUnitsOf(ctx context.Context, parent string) (refs []dossier.UnitRef, total int, err error) {
	n, err := orgNumber(parent)
	if err != nil {
		err.(*Error).Op = "underenheter"
		return nil, 0, err
	}
	op := "underenheter?overordnetEnhet=" + n
	for page := 0; ; page++ {
		q := url.Values{
			"overordnetEnhet": {n},
			"page":            {strconv.Itoa(page)},
			"size":            {strconv.Itoa(subUnitPageSize)},
		}
		resp, err := r.get(ctx, op, "/underenheter", q)
		if err != nil {
			return nil, 0, err
		}
		if resp.StatusCode != http.StatusOK {
			return nil, 0, statusError(op, resp)
		}
		got, totalElements, totalPages, err := parseSubUnitRefs(resp.Body)
		if err != nil {
			return nil, 0, &Error{Op: op, Code: CodeMalformed, StatusCode: resp.StatusCode, Err: err}
		}
		refs = append(refs, got...)
		total = max(totalElements, len(refs))
		if len(got) == 0 || page+1 >= totalPages || len(refs) >= MaxSubUnits ||
			(page+2)*subUnitPageSize > MaxSearchDepth {
			break
		}
	}
	if len(refs) > MaxSubUnits {
		refs = refs[:MaxSubUnits]
	}
	return refs, total, nil
}

// Search runs a search. It refuses, without asking, a page deeper than
// MaxSearchDepth.
func (r *REST) Search(ctx context.Context, q SearchQuery) (SearchPage, error) {
	coll := "enheter"
	if q.SubUnits {
		coll = "underenheter"
	}
	size := q.Size
	if size == 0 {
		size = 20
	}
	switch {
	case q.Page < 0 || size < 0:
		return SearchPage{}, &Error{Op: coll, Code: CodeInvalidQuery, Message: "page and size cannot be negative"}
	case size > MaxSearchDepth || q.Page > MaxSearchDepth || (q.Page+1)*size > MaxSearchDepth:
		return SearchPage{}, &Error{Op: coll, Code: CodeInvalidQuery,
			Message: fmt.Sprintf("the register serves only the first %d hits (page %d of size %d is deeper); narrow the search", MaxSearchDepth, q.Page, size)}
	}
	v := url.Values{"page": {strconv.Itoa(q.Page)}, "size": {strconv.Itoa(size)}}
	set := func(k, s string) {
		if s = strings.TrimSpace(s); s != "" {
			v.Set(k, s)
		}
	}
	set("navn", q.Name)
	set("organisasjonsform", q.Form)
	set("kommunenummer", q.Municipality)
	set("naeringskode", q.Industry)
	if q.Parent != "" {
		p, err := orgNumber(q.Parent)
		if err != nil {
			err.(*Error).Op = coll
			return SearchPage{}, err
		}
		v.Set("overordnetEnhet", p)
	}
	resp, err := r.get(ctx, coll+" search", "/"+coll, v)
	if err != nil {
		return SearchPage{}, err
	}
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusBadRequest:
		return SearchPage{}, &Error{Op: coll + " search", Code: CodeInvalidQuery, StatusCode: resp.StatusCode, Message: problemMessage(resp.Body)}
	default:
		return SearchPage{}, statusError(coll+" search", resp)
	}
	page, err := parseSearch(resp.Body, q.SubUnits)
	if err != nil {
		return SearchPage{}, &Error{Op: coll + " search", Code: CodeMalformed, StatusCode: resp.StatusCode, Err: err}
	}
	return page, nil
}

// Lookup asks everything the dossier needs about orgnr: the unit (and,
// when /enheter does not know it, /underenheter: a sub-unit asked for as
// if it were a legal unit comes back with SubUnit set and a Redirect to
// its legal unit), then its roles and sub-units at the same time. A
// failure to read the unit makes the whole Result failed, with no facts;
// a failure to read its roles or sub-units keeps the unit and the other
// part, with a note (dossier.NoteRolesUnread, NoteSubUnitsUnread) saying
// which part is missing and why. Only a caller's cancellation fails it
// then.
func (r *REST) Lookup(ctx context.Context, orgnr string) Result {
	start := time.Now()
	res := r.lookup(ctx, orgnr)
	stamp(&res, SourceREST, start)
	return res
}

func (r *REST) lookup(ctx context.Context, orgnr string) Result {
	fail := func(err error) Result { return failedResult(SourceREST, serviceREST, err) }
	n, err := orgNumber(orgnr)
	if err != nil {
		return fail(err)
	}
	c, err := r.Unit(ctx, n)
	if isRemoved(err) {
		// 410 from /enheter: the unit is known and removed from the open
		// data; /underenheter is not asked.
		return removedResult(n, err)
	}
	if isNotFound(err) {
		c, err = r.SubUnit(ctx, n)
		if isRemoved(err) {
			return removedResult(n, err)
		}
		if isNotFound(err) {
			return Result{Source: dossier.Source{
				Status:  dossier.StatusNotFound,
				Code:    CodeNotFound,
				Problem: string(problem.CodeUnitNotFound),
				Message: fmt.Sprintf("Enhetsregisteret has no unit or sub-unit %s. Check the number.", n),
			}}
		}
	}
	if err != nil {
		return fail(err)
	}
	switch {
	case c.Deleted:
		return Result{Company: c, Source: dossier.Source{
			Status:  dossier.StatusDeleted,
			Date:    c.DeletedDate,
			Message: fmt.Sprintf("Enhetsregisteret: %s was deleted on %s.", n, c.DeletedDate),
		}}
	case c.SubUnit:
		res := Result{Company: c, Source: dossier.Source{Status: dossier.StatusFound}}
		if c.Parent != "" {
			res.Source.Redirect = &dossier.Redirect{Reason: "sub_unit", Number: c.Parent}
			res.Source.Message = fmt.Sprintf("%s is a sub-unit; its legal unit is %s.", n, c.Parent)
		}
		return res
	}

	// A legal unit: its roles and sub-units, at the same time. A part
	// that fails does not sink the unit: the Result keeps what was read
	// and a note names the part that is missing, and why.
	var (
		roles             []dossier.Role
		subs              []dossier.UnitRef
		total             int
		rolesErr, subsErr error
		wg                sync.WaitGroup
	)
	wg.Go(func() {
		roles, rolesErr = r.Roles(ctx, n)
		if isNotFound(rolesErr) { // a unit with no roles
			roles, rolesErr = nil, nil
		}
	})
	wg.Go(func() {
		subs, total, subsErr = r.SubUnitsOf(ctx, n)
	})
	wg.Wait()
	if err := ctx.Err(); errors.Is(err, context.Canceled) {
		// The caller gave up: nothing is said about the unit.
		return fail(err)
	}
	res := Result{Company: c, Roles: roles, SubUnits: subs, Source: dossier.Source{Status: dossier.StatusFound}}
	if rolesErr != nil {
		res.Roles = nil
		res.Source.Missing = append(res.Source.Missing, dossier.PartRoles) // a lookup keeps the saved roles
		res.Source.Notes = append(res.Source.Notes, partUnread(dossier.NoteRolesUnread, problem.CodeRolesUnread, "the roles", serviceREST, rolesErr))
	}
	if subsErr != nil {
		res.SubUnits = nil
		res.Source.Missing = append(res.Source.Missing, dossier.PartSubUnits) // a lookup keeps the saved sub-units
		res.Source.Notes = append(res.Source.Notes, partUnread(dossier.NoteSubUnitsUnread, problem.CodeSubUnitsUnread, "the sub-units", serviceREST, subsErr))
	} else if total > len(subs) {
		res.Source.Notes = append(res.Source.Notes, dossier.SourceNote{
			Code:    "sub_units_cut",
			Message: fmt.Sprintf("Enhetsregisteret lists %d sub-units; only the first %d are shown.", total, len(subs)),
		})
	}
	return res
}

// get sends a GET for path (with query q) and returns the response, or a
// transport failure wrapped with op.
func (r *REST) get(ctx context.Context, op, path string, q url.Values) (*transport.Response, error) {
	u := r.base + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("brreg: %s: the register address is not valid: %w", op, err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := r.t.Do(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("brreg: %s: %w", op, err)
	}
	return resp, nil
}

// statusError is the Error for a status the caller did not expect: 400 is
// an invalid number, the rest "http_" and the status.
func statusError(op string, resp *transport.Response) error {
	e := &Error{Op: op, StatusCode: resp.StatusCode, Message: problemMessage(resp.Body)}
	if resp.StatusCode == http.StatusBadRequest {
		e.Code = CodeInvalidNumber
	} else {
		e.Code = "http_" + strconv.Itoa(resp.StatusCode)
	}
	return e
}
