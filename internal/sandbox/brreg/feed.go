package brreg

import (
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"sync"
	"time"
)

// The feeds' defaults.
const (
	// DefaultFeedBaseID is the first oppdateringsid of the units' and the
	// sub-units' feeds (each has its own contiguous sequence).
	DefaultFeedBaseID = 9_400_000
	// DefaultRoleBaseID is the first id of the roles feed's events.
	DefaultRoleBaseID = 1_000_000
	// DefaultFeedWindow is how long the feeds keep an entry. [U] the
	// register does not say how far back its feeds go.
	DefaultFeedWindow = 30 * 24 * time.Hour
	// DefaultFeedSize is a feed page's size when the request gives none;
	// MaxFeedSize the largest allowed. [U]
	DefaultFeedSize = 20
	MaxFeedSize     = 10_000
	// DefaultRoleFeedSize is the roles feed's size when none is given. [U]
	DefaultRoleFeedSize = 100
	// RoleEventType is the CloudEvents type of the roles feed's events.
	RoleEventType = "no.brreg.enhetsregisteret.rolle.oppdatert"
)

// FeedTimeFormat is how the feeds write their times (dato, time):
// milliseconds, UTC, Z.
const FeedTimeFormat = "2006-01-02T15:04:05.000Z"

// FeedOptions configures a [Feed].
type FeedOptions struct {
	// BaseID is the first oppdateringsid; 0 means DefaultFeedBaseID.
	BaseID int64
	// RoleBaseID is the roles feed's first id; 0 means DefaultRoleBaseID.
	RoleBaseID int64
	// Window is how long an entry is kept, measured back from Now; 0
	// means DefaultFeedWindow.
	Window time.Duration
	// Now is the feeds' clock (the sandbox's story time); nil means
	// time.Now.
	Now func() time.Time
	// TooOldSkips serves a cursor older than the oldest entry kept from
	// that entry on (the client sees a jump in the ids) instead of
	// answering 400. [U] the register's behaviour is not documented.
	TooOldSkips bool
	// DropIDs are ids consumed but never served, in any of the three
	// sequences: a gap for a client to notice.
	DropIDs []int64
	// EmptyArray writes an empty page as "_embedded" with an empty array
	// instead of leaving "_embedded" out. [U] Spring HATEOAS leaves it out
	// (the default); the register's live answer is not recorded.
	EmptyArray bool
}

// FeedChange is one change of an entry with includeChanges=true, a JSON
// Patch operation. [U] the spec shows the operations only in part.
type FeedChange struct {
	Op    string `json:"op"`
	Path  string `json:"path"`
	Value any    `json:"value,omitempty"`
}

// FeedEntry is one entry of the units' or the sub-units' feed.
type FeedEntry struct {
	ID      int64        // oppdateringsid
	OrgNr   string       // organisasjonsnummer
	Time    time.Time    // dato
	Kind    string       // endringstype: Ny, Endring, Sletting, Fjernet, Ukjent
	Changes []FeedChange // endringer, written with includeChanges=true
}

// RoleEvent is one event of the roles feed.
type RoleEvent struct {
	ID    int64
	OrgNr string
	Time  time.Time
}

// Feed is Enhetsregisteret's change feeds as the simulator serves them:
// three append-only tables (units, sub-units, roles), each entry with an
// id one more than the one before. Entries must be added in order of
// time. It is safe for concurrent use.
type Feed struct {
	opts FeedOptions
	drop map[int64]bool

	mu                       sync.Mutex
	units, subs              []FeedEntry
	roles                    []RoleEvent
	nextUnit, nextSub, nextR int64
}

// NewFeed returns empty feeds.
func NewFeed(o FeedOptions) *Feed {
	if o.BaseID == 0 {
		o.BaseID = DefaultFeedBaseID
	}
	if o.RoleBaseID == 0 {
		o.RoleBaseID = DefaultRoleBaseID
	}
	if o.Window == 0 {
		o.Window = DefaultFeedWindow
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	f := &Feed{opts: o, drop: map[int64]bool{}, nextUnit: o.BaseID, nextSub: o.BaseID, nextR: o.RoleBaseID}
	for _, id := range o.DropIDs {
		f.drop[id] = true
	}
	return f
}

// AddUnit appends an entry for orgnr to the units' feed (the sub-units'
// when sub is set) and returns its oppdateringsid.
func (f *Feed) AddUnit(sub bool, orgnr string, at time.Time, kind string, changes []FeedChange) int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	next, list := &f.nextUnit, &f.units
	if sub {
		next, list = &f.nextSub, &f.subs
	}
	id := *next
	*next++
	if !f.drop[id] {
		*list = append(*list, FeedEntry{ID: id, OrgNr: orgnr, Time: at.UTC(), Kind: kind, Changes: changes})
	}
	return id
}

// AddRoles appends an event for orgnr to the roles feed and returns its
// id.
func (f *Feed) AddRoles(orgnr string, at time.Time) int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	id := f.nextR
	f.nextR++
	if !f.drop[id] {
		f.roles = append(f.roles, RoleEvent{ID: id, OrgNr: orgnr, Time: at.UTC()})
	}
	return id
}

// Units returns the entries of the units' feed (the sub-units' when sub
// is set) still kept, oldest first.
func (f *Feed) Units(sub bool) []FeedEntry {
	f.mu.Lock()
	defer f.mu.Unlock()
	list := f.units
	if sub {
		list = f.subs
	}
	return slices.Clone(list[f.firstKept(len(list), func(i int) time.Time { return list[i].Time }):])
}

// Roles returns the roles feed's events still kept, oldest first.
func (f *Feed) Roles() []RoleEvent {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.roles[f.firstKept(len(f.roles), func(i int) time.Time { return f.roles[i].Time }):])
}

// firstKept returns the index of the first of n entries inside the
// window. f.mu is held.
func (f *Feed) firstKept(n int, at func(int) time.Time) int {
	oldest := f.opts.Now().Add(-f.opts.Window)
	return sort.Search(n, func(i int) bool { return !at(i).Before(oldest) })
}

// tooOld is the message of the 400 answered for a cursor older than the
// oldest entry kept. [U] the register's words are not recorded.
func tooOld(id int64) string {
	return "Oppdateringsid " + strconv.FormatInt(id, 10) + " er for gammel: endringer så langt tilbake finnes ikke lenger"
}

type jsonUnitUpdate struct {
	ID      int64               `json:"oppdateringsid"`
	Dato    string              `json:"dato"`
	OrgNr   string              `json:"organisasjonsnummer"`
	Kind    string              `json:"endringstype"`
	Changes []FeedChange        `json:"endringer,omitempty"`
	Links   map[string]jsonLink `json:"_links"`
}

type jsonUnitFeed struct {
	Embedded map[string][]jsonUnitUpdate `json:"_embedded,omitempty"`
	Links    jsonPageLinks               `json:"_links"`
	Page     jsonPage                    `json:"page"`
}

type jsonRoleEvent struct {
	SpecVersion string `json:"specversion"`
	ID          string `json:"id"`
	Source      string `json:"source"`
	Type        string `json:"type"`
	Time        string `json:"time"`
	Data        struct {
		OrgNr string `json:"organisasjonsnummer"`
	} `json:"data"`
}

// intParam reads a non-negative integer parameter; ok is false (and a 400
// written) when it is malformed.
func (b *brreg) intParam(w http.ResponseWriter, r *http.Request, q url.Values, name string, def int64) (int64, bool) {
	s := q.Get(name)
	if s == "" {
		return def, true
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		b.error(w, r, http.StatusBadRequest, "Ugyldig verdi for parameter '"+name+"': "+s)
		return 0, false
	}
	return n, true
}

// timeParam reads an ISO 8601 time parameter.
func (b *brreg) timeParam(w http.ResponseWriter, r *http.Request, q url.Values, name string) (time.Time, bool) {
	s := q.Get(name)
	if s == "" {
		return time.Time{}, true
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		b.error(w, r, http.StatusBadRequest, "Ugyldig verdi for parameter '"+name+"': "+s)
		return time.Time{}, false
	}
	return t, true
}

// unitFeed serves /oppdateringer/enheter and /oppdateringer/underenheter:
// the entries with an oppdateringsid of at least oppdateringsid, or else
// dated at or after dato, or else every entry kept; paged by page and
// size; only those of organisasjonsnummer when given.
func (b *brreg) unitFeed(w http.ResponseWriter, r *http.Request, sub bool) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		b.error(w, r, http.StatusBadRequest, "Ugyldig spørring")
		return
	}
	from, ok := b.intParam(w, r, q, "oppdateringsid", 0)
	if !ok {
		return
	}
	size, ok := b.intParam(w, r, q, "size", DefaultFeedSize)
	if !ok {
		return
	}
	page, ok := b.intParam(w, r, q, "page", 0)
	if !ok {
		return
	}
	since, ok := b.timeParam(w, r, q, "dato")
	if !ok {
		return
	}
	if size < 1 || size > MaxFeedSize {
		b.error(w, r, http.StatusBadRequest, "size må være mellom 1 og "+strconv.Itoa(MaxFeedSize))
		return
	}
	changes := q.Get("includeChanges") == "true"
	orgnr := q.Get("organisasjonsnummer")

	f := b.feed
	f.mu.Lock()
	list := f.units
	if sub {
		list = f.subs
	}
	kept := f.firstKept(len(list), func(i int) time.Time { return list[i].Time })
	// Entries left the window when kept > 0; a cursor at or before the
	// last of them asks for what is gone.
	if from > 0 && kept > 0 && from <= list[kept-1].ID && !f.opts.TooOldSkips {
		f.mu.Unlock()
		b.error(w, r, http.StatusBadRequest, tooOld(from))
		return
	}
	var hits []FeedEntry
	for _, e := range list[kept:] {
		switch {
		case from > 0 && e.ID < from, from == 0 && !since.IsZero() && e.Time.Before(since), orgnr != "" && e.OrgNr != orgnr:
			continue
		}
		hits = append(hits, e)
	}
	f.mu.Unlock()

	collection, member, link := "enheter", "oppdaterteEnheter", "enhet"
	if sub {
		collection, member, link = "underenheter", "oppdaterteUnderenheter", "underenhet"
	}
	total := int64(len(hits))
	pages := (total + size - 1) / size
	out := jsonUnitFeed{Page: jsonPage{Size: int(size), TotalElements: int(total), TotalPages: int(pages), Number: int(page)}}
	lo, hi := min(page*size, total), min((page+1)*size, total)
	items := make([]jsonUnitUpdate, 0, hi-lo)
	for _, e := range hits[lo:hi] {
		it := jsonUnitUpdate{ID: e.ID, Dato: e.Time.Format(FeedTimeFormat), OrgNr: e.OrgNr, Kind: e.Kind,
			Links: map[string]jsonLink{link: b.link("/" + collection + "/" + e.OrgNr)}}
		if changes {
			it.Changes = e.Changes
			if it.Changes == nil {
				it.Changes = []FeedChange{}
			}
		}
		items = append(items, it)
	}
	if len(items) > 0 || f.opts.EmptyArray {
		out.Embedded = map[string][]jsonUnitUpdate{member: items}
	}
	path := "/oppdateringer/" + collection
	out.Links.Self = jsonLink{Href: b.base + path + "?" + r.URL.RawQuery}
	pageLink := func(n int64) *jsonLink {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Set("page", strconv.FormatInt(n, 10))
		v.Set("size", strconv.FormatInt(size, 10))
		return &jsonLink{Href: b.base + path + "?" + v.Encode()}
	}
	if page > 0 && total > 0 {
		out.Links.First, out.Links.Prev = pageLink(0), pageLink(min(page-1, pages-1))
	}
	if page+1 < pages {
		out.Links.First, out.Links.Next, out.Links.Last = pageLink(0), pageLink(page+1), pageLink(pages-1)
	}
	b.writeJSON(w, r, http.StatusOK, "application/hal+json", out)
}

// roleFeed serves /oppdateringer/roller: a bare array of CloudEvents, those
// after afterId when given, else after afterTime when given, else every
// event kept, at most size. [U] afterId's meaning (strictly after) is the
// sandbox's reading.
func (b *brreg) roleFeed(w http.ResponseWriter, r *http.Request) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		b.error(w, r, http.StatusBadRequest, "Ugyldig spørring")
		return
	}
	afterID, ok := b.intParam(w, r, q, "afterId", 0)
	if !ok {
		return
	}
	size, ok := b.intParam(w, r, q, "size", DefaultRoleFeedSize)
	if !ok {
		return
	}
	afterTime, ok := b.timeParam(w, r, q, "afterTime")
	if !ok {
		return
	}
	if size < 1 || size > MaxFeedSize {
		b.error(w, r, http.StatusBadRequest, "size må være mellom 1 og "+strconv.Itoa(MaxFeedSize))
		return
	}
	f := b.feed
	f.mu.Lock()
	list := f.roles
	kept := f.firstKept(len(list), func(i int) time.Time { return list[i].Time })
	if kept > 0 && !f.opts.TooOldSkips && q.Has("afterId") && afterID < list[kept-1].ID {
		f.mu.Unlock()
		b.error(w, r, http.StatusBadRequest, tooOld(afterID))
		return
	}
	out := make([]jsonRoleEvent, 0)
	for _, e := range list[kept:] {
		if int64(len(out)) == size {
			break
		}
		switch {
		case q.Has("afterId") && e.ID <= afterID, !q.Has("afterId") && !afterTime.IsZero() && !e.Time.After(afterTime):
			continue
		}
		ev := jsonRoleEvent{SpecVersion: "1.0", ID: strconv.FormatInt(e.ID, 10), Source: b.base + "/enheter/" + e.OrgNr + "/roller",
			Type: RoleEventType, Time: e.Time.Format(FeedTimeFormat)}
		ev.Data.OrgNr = e.OrgNr
		out = append(out, ev)
	}
	f.mu.Unlock()
	b.writeJSON(w, r, http.StatusOK, "application/json", out)
}
