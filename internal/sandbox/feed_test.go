package sandbox

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/brreg"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// unitPage is one page of the units' (or sub-units') feed as served.
type unitPage struct {
	Embedded map[string][]struct {
		ID      int64  `json:"oppdateringsid"`
		Dato    string `json:"dato"`
		OrgNr   string `json:"organisasjonsnummer"`
		Kind    string `json:"endringstype"`
		Changes []struct {
			Op, Path string
			Value    any
		} `json:"endringer"`
		Links map[string]struct {
			Href string `json:"href"`
		} `json:"_links"`
	} `json:"_embedded"`
	Links map[string]struct {
		Href string `json:"href"`
	} `json:"_links"`
	Page struct {
		Size, TotalElements, TotalPages, Number int
	} `json:"page"`
	raw map[string]json.RawMessage
}

// feedGet fetches a feed path with a query and decodes a 200 page.
func feedGet(t *testing.T, s *Sandbox, path string, q url.Values) (int, []byte) {
	t.Helper()
	u := s.Endpoints().Brreg + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	status, _, body := get(t, client(s), u)
	return status, body
}

func unitFeed(t *testing.T, s *Sandbox, sub bool, q url.Values) unitPage {
	t.Helper()
	path := "/oppdateringer/enheter"
	if sub {
		path = "/oppdateringer/underenheter"
	}
	status, body := feedGet(t, s, path, q)
	if status != 200 {
		t.Fatalf("%s?%s: %d %s", path, q.Encode(), status, body)
	}
	var p unitPage
	if err := json.Unmarshal(body, &p); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if err := json.Unmarshal(body, &p.raw); err != nil {
		t.Fatal(err)
	}
	return p
}

func pageIDs(p unitPage, member string) []int64 {
	var out []int64
	for _, e := range p.Embedded[member] {
		out = append(out, e.ID)
	}
	return out
}

func idRange(from, to int64) []int64 {
	var out []int64
	for i := from; i <= to; i++ {
		out = append(out, i)
	}
	return out
}

func TestFeedUnitsPagingAndCursor(t *testing.T) {
	t.Parallel()
	s, _ := frozenStart(t, Config{FeedNoisePerDay: 10})
	units, subs := s.Feed().Units(false), s.Feed().Units(true)
	if got := len(units) + len(subs); got != FeedHistoryDays*10 {
		t.Fatalf("history holds %d entries, want %d", got, FeedHistoryDays*10)
	}
	last := units[len(units)-1].ID
	if units[0].ID != FeedBaseID || last != FeedBaseID+int64(len(units))-1 {
		t.Fatalf("ids %d..%d for %d entries, want contiguous from %d", units[0].ID, last, len(units), FeedBaseID)
	}
	tests := []struct {
		name      string
		q         url.Values
		ids       []int64
		total     int
		next      bool
		noEmbed   bool
		sizeOfPag int
	}{
		{"default size 20", nil, idRange(FeedBaseID, FeedBaseID+19), len(units), true, false, 20},
		{"cursor", url.Values{"oppdateringsid": {strconv.FormatInt(last-2, 10)}}, idRange(last-2, last), 3, false, false, 20},
		{"cursor and size", url.Values{"oppdateringsid": {strconv.FormatInt(FeedBaseID+5, 10)}, "size": {"4"}}, idRange(FeedBaseID+5, FeedBaseID+8), len(units) - 5, true, false, 4},
		{"second page", url.Values{"oppdateringsid": {strconv.FormatInt(FeedBaseID+5, 10)}, "size": {"4"}, "page": {"1"}}, idRange(FeedBaseID+9, FeedBaseID+12), len(units) - 5, true, false, 4},
		{"past the end: empty page", url.Values{"oppdateringsid": {strconv.FormatInt(last+1, 10)}}, nil, 0, false, true, 20},
		{"dato", url.Values{"dato": {units[3].Time.Format(brreg.FeedTimeFormat)}}, idRange(units[3].ID, min(units[3].ID+19, last)), len(units) - 3, len(units)-3 > 20, false, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := unitFeed(t, s, false, tt.q)
			if got := pageIDs(p, "oppdaterteEnheter"); !slices.Equal(got, tt.ids) {
				t.Errorf("ids %v, want %v", got, tt.ids)
			}
			if p.Page.TotalElements != tt.total || p.Page.Size != tt.sizeOfPag {
				t.Errorf("page %+v, want totalElements %d size %d", p.Page, tt.total, tt.sizeOfPag)
			}
			if _, ok := p.Links["next"]; ok != tt.next {
				t.Errorf("next link %v, want %v", ok, tt.next)
			}
			if _, ok := p.raw["_embedded"]; ok == tt.noEmbed {
				t.Errorf("_embedded present %v, want %v", ok, !tt.noEmbed)
			}
		})
	}
	// organisasjonsnummer takes a comma-separated list.
	var want []int64
	for _, e := range units {
		if (e.OrgNr == units[0].OrgNr || e.OrgNr == units[1].OrgNr) && len(want) < 20 {
			want = append(want, e.ID)
		}
	}
	if got := pageIDs(unitFeed(t, s, false, url.Values{"organisasjonsnummer": {units[0].OrgNr + "," + units[1].OrgNr}}), "oppdaterteEnheter"); !slices.Equal(got, want) {
		t.Errorf("organisasjonsnummer filter: %v, want %v", got, want)
	}
	// An entry's shape and links.
	p := unitFeed(t, s, false, url.Values{"size": {"1"}, "includeChanges": {"true"}})
	e := p.Embedded["oppdaterteEnheter"][0]
	if e.Kind != "Endring" || e.OrgNr != units[0].OrgNr || e.Dato != units[0].Time.Format(brreg.FeedTimeFormat) ||
		e.Links["enhet"].Href != s.Endpoints().Brreg+"/enheter/"+units[0].OrgNr || e.Changes == nil {
		t.Errorf("entry %+v", e)
	}
	// Following next links reads the whole feed once.
	var all []int64
	next := s.Endpoints().Brreg + "/oppdateringer/enheter?size=7"
	for next != "" {
		status, _, body := get(t, client(s), next)
		if status != 200 {
			t.Fatalf("%s: %d", next, status)
		}
		var p unitPage
		if err := json.Unmarshal(body, &p); err != nil {
			t.Fatal(err)
		}
		all = append(all, pageIDs(p, "oppdaterteEnheter")...)
		next = p.Links["next"].Href
	}
	if !slices.Equal(all, idRange(FeedBaseID, last)) {
		t.Errorf("following next read %d ids, want %d", len(all), len(units))
	}
	// The sub-units' feed has its own sequence and member names.
	sp := unitFeed(t, s, true, url.Values{"size": {"1"}})
	if se := sp.Embedded["oppdaterteUnderenheter"]; len(se) != 1 || se[0].ID != FeedBaseID || se[0].Links["underenhet"].Href == "" {
		t.Errorf("sub-units' feed %+v", sp.Embedded)
	}
	if n := s.Requests(ServiceBrreg, "/enhetsregisteret/api/oppdateringer/enheter"); n < len(tests)+2 {
		t.Errorf("%d feed requests counted", n)
	}
	for _, q := range []string{"size=0", "size=10001", "oppdateringsid=x", "dato=igår", "page=-1"} {
		if status, body := feedGet(t, s, "/oppdateringer/enheter?"+q, nil); status != 400 || !strings.Contains(string(body), `"status":400`) {
			t.Errorf("%s: %d %s, want a Spring 400", q, status, body)
		}
	}
}

func TestFeedWindowGapsAndEmpty(t *testing.T) {
	t.Parallel()
	// A window of 5 days: half the 10 days of history is gone at once.
	s, _ := frozenStart(t, Config{FeedNoisePerDay: 10, FeedWindow: 5 * 24 * time.Hour})
	kept := s.Feed().Units(false)
	first := kept[0].ID
	if first == FeedBaseID {
		t.Fatal("nothing left the window")
	}
	status, body := feedGet(t, s, "/oppdateringer/enheter", url.Values{"oppdateringsid": {strconv.FormatInt(FeedBaseID, 10)}})
	if status != 400 || !strings.Contains(string(body), "for gammel") {
		t.Errorf("a cursor out of the window: %d %s, want 400 too old", status, body)
	}
	if p := unitFeed(t, s, false, url.Values{"oppdateringsid": {strconv.FormatInt(first, 10)}, "size": {"1"}}); !slices.Equal(pageIDs(p, "oppdaterteEnheter"), []int64{first}) {
		t.Errorf("the oldest kept id: %v", pageIDs(p, "oppdaterteEnheter"))
	}
	// Moving the clock pushes more out.
	s.Advance(3 * 24 * time.Hour)
	if now := s.Feed().Units(false)[0].ID; now <= first {
		t.Errorf("after 3 days the oldest kept is %d, was %d", now, first)
	}
	status, _ = feedGet(t, s, "/oppdateringer/enheter", url.Values{"oppdateringsid": {strconv.FormatInt(first, 10)}})
	if status != 400 {
		t.Errorf("after 3 days the old cursor: %d, want 400", status)
	}

	// Skip mode serves from the oldest kept: a jump.
	skip, _ := frozenStart(t, Config{FeedNoisePerDay: 10, FeedWindow: 5 * 24 * time.Hour, FeedTooOldSkips: true,
		FeedDropIDs: []int64{FeedBaseID + 60}, FeedEmptyArray: true})
	p := unitFeed(t, skip, false, url.Values{"oppdateringsid": {strconv.FormatInt(FeedBaseID, 10)}, "size": {"1"}})
	if got := pageIDs(p, "oppdaterteEnheter"); len(got) != 1 || got[0] <= FeedBaseID {
		t.Errorf("skip mode served %v, want a jump past %d", got, FeedBaseID)
	}
	// A dropped id is a gap.
	ids := pageIDs(unitFeed(t, skip, false, url.Values{"oppdateringsid": {strconv.FormatInt(FeedBaseID+58, 10)}, "size": {"3"}}), "oppdaterteEnheter")
	if want := []int64{FeedBaseID + 58, FeedBaseID + 59, FeedBaseID + 61}; !slices.Equal(ids, want) {
		t.Errorf("around the dropped id: %v, want %v", ids, want)
	}
	// FeedEmptyArray: an empty page has an empty array.
	p = unitFeed(t, skip, false, url.Values{"oppdateringsid": {"99999999"}})
	if raw := string(p.raw["_embedded"]); raw != `{"oppdaterteEnheter":[]}` {
		t.Errorf("empty page's _embedded %s", raw)
	}
}

func TestFeedRoles(t *testing.T) {
	t.Parallel()
	s, _ := frozenStart(t, Config{FeedNoisePerDay: 30})
	s.Advance(24 * time.Hour)
	all := s.Feed().Roles()
	if len(all) < 10 || all[0].ID != RoleFeedBaseID {
		t.Fatalf("roles feed %d events from %d", len(all), all[0].ID)
	}
	roles := func(q url.Values) []map[string]any {
		t.Helper()
		status, body := feedGet(t, s, "/oppdateringer/roller", q)
		if status != 200 {
			t.Fatalf("roller %v: %d %s", q, status, body)
		}
		var out []map[string]any
		if err := json.Unmarshal(body, &out); err != nil {
			t.Fatalf("roller: %v (%s)", err, body)
		}
		return out
	}
	idsOf := func(evs []map[string]any) []int64 {
		var out []int64
		for _, e := range evs {
			n, _ := strconv.ParseInt(e["id"].(string), 10, 64)
			out = append(out, n)
		}
		return out
	}
	tests := []struct {
		name string
		q    url.Values
		want []int64
	}{
		{"afterId", url.Values{"afterId": {strconv.FormatInt(all[4].ID, 10)}, "size": {"3"}}, []int64{all[5].ID, all[6].ID, all[7].ID}},
		{"afterTime", url.Values{"afterTime": {all[4].Time.Format(brreg.FeedTimeFormat)}, "size": {"2"}}, []int64{all[5].ID, all[6].ID}},
		{"the last", url.Values{"afterId": {strconv.FormatInt(all[len(all)-1].ID, 10)}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := idsOf(roles(tt.q)); !slices.Equal(got, tt.want) {
				t.Errorf("ids %v, want %v", got, tt.want)
			}
		})
	}
	ev := roles(url.Values{"size": {"1"}})[0]
	data := objectAt(t, ev, "data")
	if ev["specversion"] != "1.0" || ev["type"] != brreg.RoleEventType || data["organisasjonsnummer"] != all[0].OrgNr ||
		ev["source"] != s.Endpoints().Brreg+"/enheter/"+all[0].OrgNr+"/roller" || ev["time"] != all[0].Time.Format(brreg.FeedTimeFormat) {
		t.Errorf("event %v", ev)
	}
	// The story's role changes are there, after the noise of the history.
	var story []string
	for _, e := range all {
		if e.OrgNr == world.StoryBoardMemberOrgNr || e.OrgNr == world.StoryNewCEOOrgNr {
			story = append(story, e.OrgNr)
		}
	}
	if want := []string{world.StoryBoardMemberOrgNr, world.StoryNewCEOOrgNr}; !slices.Equal(story, want) {
		t.Errorf("story role events %v, want %v", story, want)
	}
	// Faults apply to the feeds like to the rest of the API.
	s.SetFault(ServiceBrreg, Fault{Status: http.StatusServiceUnavailable})
	if status, _ := feedGet(t, s, "/oppdateringer/roller", nil); status != http.StatusServiceUnavailable {
		t.Errorf("with a 503 fault the roles feed answered %d", status)
	}
	s.ClearFaults()
}
