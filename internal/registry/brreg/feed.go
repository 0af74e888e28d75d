package brreg

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// The change feeds of Enhetsregisteret's open API (registries.md §3.2
// "Change feeds"): /oppdateringer/enheter and /oppdateringer/underenheter
// (HAL pages of entries with an increasing oppdateringsid) and
// /oppdateringer/roller (a bare JSON array of CloudEvents that say which
// unit's roles changed, not what).

// MaxFeedPage is the most entries one call of UnitChanges or RoleChanges
// asks for and keeps: a larger size is lowered to it, and entries a page
// holds beyond the size asked for are not read (the caller's cursor goes
// on from the last entry it got, so nothing is skipped).
const MaxFeedPage = 10_000

// DefaultFeedPage is the size asked for when the caller gives none.
const DefaultFeedPage = 1_000

// CodeFeedTooOld is the Error code of a feed position the register no
// longer serves (problem.CodeFeedTooOld).
const CodeFeedTooOld = "feed_too_old"

// FeedOptions are the parts of the feeds the register does not document
// for certain ([U] in the specs); the zero value takes the defaults.
type FeedOptions struct {
	// AfterIDParam and AfterTimeParam name the role feed's cursor
	// parameters; defaults "afterId" ([U]) and "afterTime".
	AfterIDParam, AfterTimeParam string
	// TooOld are the statuses that, answered to a request that names a
	// position (an id or a time), mean the register no longer serves the
	// feed from there. [U]: the live behaviour for a position out of the
	// register's window is not documented; the default is 400 and 410.
	TooOld []int
}

func (o FeedOptions) withDefaults() FeedOptions {
	if o.AfterIDParam == "" {
		o.AfterIDParam = "afterId"
	}
	if o.AfterTimeParam == "" {
		o.AfterTimeParam = "afterTime"
	}
	if o.TooOld == nil {
		o.TooOld = []int{http.StatusBadRequest, http.StatusGone}
	}
	return o
}

// WithFeedOptions returns a client of the same API and transport that
// reads the change feeds with o.
func (r *REST) WithFeedOptions(o FeedOptions) *REST {
	c := *r
	c.feed = o
	return &c
}

// UnitChange is one entry of the units' or sub-units' change feed.
type UnitChange struct {
	// ID is the entry's oppdateringsid, the feed's cursor.
	ID int64
	// OrgNr is the unit that changed (9 digits).
	OrgNr string
	// Time is the entry's dato, in UTC.
	Time time.Time
	// Kind is the endringstype as given: "Ny", "Endring", "Sletting",
	// "Fjernet", "Ukjent" or whatever else the register says.
	Kind string
}

// UnitFeedQuery asks for one page of the units' change feed.
type UnitFeedQuery struct {
	// SubUnits reads /oppdateringer/underenheter instead of
	// /oppdateringer/enheter.
	SubUnits bool
	// From, when above 0, asks for the entries with an oppdateringsid of
	// at least From (the parameter oppdateringsid).
	From int64
	// Since, when From is 0 and Since is set, asks for the entries dated
	// at or after Since (the parameter dato).
	Since time.Time
	// Size is the most entries wanted: DefaultFeedPage when 0, at most
	// MaxFeedPage.
	Size int
}

// UnitChanges reads one page of the units' (or sub-units') change feed,
// in the order of oppdateringsid. An empty page is no entries and no
// error. A position the register no longer serves fails with an *Error
// with CodeFeedTooOld; a page with an entry that is not a 9-digit
// organisation number, that has no id or time, or whose id is below From
// or not above the entry before it is CodeMalformed: nothing of it is
// used.
func (r *REST) UnitChanges(ctx context.Context, q UnitFeedQuery) ([]UnitChange, error) {
	coll := "enheter"
	if q.SubUnits {
		coll = "underenheter"
	}
	op := "oppdateringer/" + coll
	size, err := feedSize(op, q.Size)
	if err != nil {
		return nil, err
	}
	if q.From < 0 {
		return nil, &Error{Op: op, Code: CodeInvalidQuery, Message: "the oppdateringsid cannot be negative"}
	}
	v := url.Values{"size": {strconv.Itoa(size)}}
	positioned := true
	switch {
	case q.From > 0:
		v.Set("oppdateringsid", strconv.FormatInt(q.From, 10))
	case !q.Since.IsZero():
		v.Set("dato", feedTime(q.Since))
	default:
		positioned = false
	}
	body, err := r.feedGet(ctx, op, "/"+op, v, positioned)
	if err != nil {
		return nil, err
	}
	changes, err := parseUnitFeed(body, q.SubUnits, q.From, size)
	if err != nil {
		return nil, &Error{Op: op, Code: CodeMalformed, StatusCode: http.StatusOK, Err: err}
	}
	return changes, nil
}

// RoleChange is one CloudEvent of the role change feed.
type RoleChange struct {
	// ID is the event's id as given; Seq is it read as a decimal number,
	// 0 when it is not one.
	ID  string
	Seq int64
	// OrgNr is the unit whose roles changed (9 digits).
	OrgNr string
	// Time is the event's time, in UTC.
	Time time.Time
	// Type is the event's type as given, e.g.
	// "no.brreg.enhetsregisteret.rolle.oppdatert".
	Type string
}

// RoleFeedQuery asks for one page of the role change feed.
type RoleFeedQuery struct {
	// AfterID, when above 0, asks for the events after the event with
	// that id (FeedOptions.AfterIDParam, [U]).
	AfterID int64
	// AfterTime, when AfterID is 0 and AfterTime is set, asks for the
	// events after that time (FeedOptions.AfterTimeParam).
	AfterTime time.Time
	// Size is the most events wanted: DefaultFeedPage when 0, at most
	// MaxFeedPage.
	Size int
}

// RoleChanges reads one page of the role change feed, in order. An empty
// array is no events and no error. A position the register no longer
// serves fails with an *Error with CodeFeedTooOld; an event without a
// 9-digit organisation number, an id or a time, or whose numeric id is
// not above AfterID or the event before it, makes the page CodeMalformed.
func (r *REST) RoleChanges(ctx context.Context, q RoleFeedQuery) ([]RoleChange, error) {
	const op = "oppdateringer/roller"
	o := r.feed.withDefaults()
	size, err := feedSize(op, q.Size)
	if err != nil {
		return nil, err
	}
	if q.AfterID < 0 {
		return nil, &Error{Op: op, Code: CodeInvalidQuery, Message: "the event id cannot be negative"}
	}
	v := url.Values{"size": {strconv.Itoa(size)}}
	positioned := true
	switch {
	case q.AfterID > 0:
		v.Set(o.AfterIDParam, strconv.FormatInt(q.AfterID, 10))
	case !q.AfterTime.IsZero():
		v.Set(o.AfterTimeParam, feedTime(q.AfterTime))
	default:
		positioned = false
	}
	body, err := r.feedGet(ctx, op, "/"+op, v, positioned)
	if err != nil {
		return nil, err
	}
	changes, err := parseRoleFeed(body, q.AfterID, size)
	if err != nil {
		return nil, &Error{Op: op, Code: CodeMalformed, StatusCode: http.StatusOK, Err: err}
	}
	return changes, nil
}

// feedSize checks and defaults a page size.
func feedSize(op string, size int) (int, error) {
	switch {
	case size < 0:
		return 0, &Error{Op: op, Code: CodeInvalidQuery, Message: "the page size cannot be negative"}
	case size == 0:
		return DefaultFeedPage, nil
	}
	return min(size, MaxFeedPage), nil
}

// feedTime formats t as the feeds' parameters take it: UTC with
// milliseconds, e.g. "2026-03-15T00:00:00.000Z".
func feedTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000Z07:00")
}

// feedGet asks a feed and returns a 200's body. positioned says the
// request names an id or a time: then a status of FeedOptions.TooOld is
// CodeFeedTooOld. A 404 is the feed not served at this address.
func (r *REST) feedGet(ctx context.Context, op, path string, q url.Values, positioned bool) ([]byte, error) {
	resp, err := r.get(ctx, op, path, q)
	if err != nil {
		return nil, err
	}
	switch {
	case resp.StatusCode == http.StatusOK:
		return resp.Body, nil
	case positioned && slices.Contains(r.feed.withDefaults().TooOld, resp.StatusCode):
		return nil, &Error{Op: op, Code: CodeFeedTooOld, StatusCode: resp.StatusCode, Message: problemMessage(resp.Body)}
	case resp.StatusCode == http.StatusBadRequest:
		return nil, &Error{Op: op, Code: CodeInvalidQuery, StatusCode: resp.StatusCode, Message: problemMessage(resp.Body)}
	case resp.StatusCode == http.StatusNotFound:
		// Not "no changes": the feed itself is not served here.
		return nil, &Error{Op: op, Code: "http_404", StatusCode: resp.StatusCode, Message: problemMessage(resp.Body)}
	}
	return nil, statusError(op, resp)
}
