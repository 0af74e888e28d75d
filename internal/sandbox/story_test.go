package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// frozenStart starts a sandbox whose Config.Now stands still (at the real
// time only because its TLS certificates are checked against the real
// clock), with cfg's other fields.
func frozenStart(t *testing.T, cfg Config) (*Sandbox, time.Time) {
	t.Helper()
	frozen := time.Now().UTC().Truncate(time.Millisecond)
	cfg.Now = func() time.Time { return frozen }
	return start(t, cfg), frozen
}

// storyEntries returns the units' feed entries (after the history) for
// the story's units, as "orgnr kind".
func storyEntries(s *Sandbox) []string {
	story := map[string]bool{}
	for _, e := range world.Story() {
		story[e.OrgNr] = true
	}
	var out []string
	for _, e := range s.Feed().Units(false) {
		if story[e.OrgNr] {
			out = append(out, e.OrgNr+" "+e.Kind)
		}
	}
	return out
}

// storyRoles returns the roles feed's events for the story's units.
func storyRoles(s *Sandbox) []string {
	story := map[string]bool{}
	for _, e := range world.Story() {
		story[e.OrgNr] = true
	}
	var out []string
	for _, e := range s.Feed().Roles() {
		if story[e.OrgNr] {
			out = append(out, e.OrgNr)
		}
	}
	return out
}

func TestStoryDays(t *testing.T) {
	t.Parallel()
	s, frozen := frozenStart(t, Config{})
	c := client(s)
	base := s.Endpoints().Brreg
	name := func(orgnr string) string {
		t.Helper()
		status, _, m := getJSON(t, c, base+"/enheter/"+orgnr)
		if status != 200 {
			t.Fatalf("enheter/%s: %d", orgnr, status)
		}
		return m["navn"].(string)
	}
	if got := storyEntries(s); got != nil {
		t.Fatalf("before Advance the story's units have feed entries %v", got)
	}
	if s.StoryApplied() != 0 || !s.Now().Equal(frozen) {
		t.Fatalf("before Advance: applied %d, Now %v, want 0 and %v", s.StoryApplied(), s.Now(), frozen)
	}
	if got := name(world.StoryRenamedOrgNr); got != "FJORDGLIMT REISER AS" {
		t.Fatalf("name before the story %q", got)
	}

	day1 := []string{world.StoryRenamedOrgNr + " Endring", world.StoryBoardMemberOrgNr + " Endring", world.StoryNewCEOOrgNr + " Endring"}
	day2 := append(slices.Clone(day1), world.StoryBankruptOrgNr+" Endring")
	day3 := append(slices.Clone(day2), world.StoryAuditorResignedOrgNr+" Endring")
	all := append(slices.Clone(day3), world.StoryDeletedOrgNr+" Sletting", world.StoryMovedOrgNr+" Endring")
	roles12 := []string{world.StoryBoardMemberOrgNr, world.StoryNewCEOOrgNr}
	roles3 := append(slices.Clone(roles12), world.StoryAuditorResignedOrgNr)
	steps := []struct {
		advance time.Duration
		applied int
		entries []string
		roles   []string
	}{
		{24 * time.Hour, 3, day1, roles12},
		{24 * time.Hour, 5, day2, roles12},
		{24 * time.Hour, 6, day3, roles3},
		{2 * time.Hour, 8, all, roles3},
	}
	var moved time.Duration
	for i, d := range steps {
		s.Advance(d.advance)
		moved += d.advance
		if got, want := s.Now(), frozen.Add(moved); !got.Equal(want) {
			t.Errorf("step %d: Now %v, want %v", i+1, got, want)
		}
		if got := s.StoryApplied(); got != d.applied {
			t.Errorf("step %d: %d events applied, want %d", i+1, got, d.applied)
		}
		if got := storyEntries(s); !slices.Equal(got, d.entries) {
			t.Errorf("step %d: feed entries\n got %v\nwant %v", i+1, got, d.entries)
		}
		if got := storyRoles(s); !slices.Equal(got, d.roles) {
			t.Errorf("step %d: role events %v, want %v", i+1, got, d.roles)
		}
	}

	// Each entry is dated at its event's time.
	start, events := s.Story()
	byOrg := map[string]time.Time{}
	for _, e := range s.Feed().Units(false) {
		byOrg[e.OrgNr] = e.Time
	}
	for _, e := range events {
		if e.ChangesUnit() && !byOrg[e.OrgNr].Equal(start.Add(e.After)) {
			t.Errorf("%s %s dated %v, want %v", e.Kind, e.OrgNr, byOrg[e.OrgNr], start.Add(e.After))
		}
	}

	at := map[world.StoryKind]time.Time{}
	for _, e := range events {
		at[e.Kind] = start.Add(e.After)
	}

	// The REST API shows the changed world.
	if got := name(world.StoryRenamedOrgNr); got != world.StoryNewName {
		t.Errorf("REST name after the story %q, want %q", got, world.StoryNewName)
	}
	_, _, m := getJSON(t, c, base+"/enheter/"+world.StoryBankruptOrgNr)
	if m["konkurs"] != true || m["konkursdato"] != at[world.StoryBankruptcy].Format("2006-01-02") {
		t.Errorf("bankrupt unit: konkurs %v konkursdato %v", m["konkurs"], m["konkursdato"])
	}
	_, _, m = getJSON(t, c, base+"/enheter/"+world.StoryDeletedOrgNr)
	if m["slettedato"] == nil {
		t.Errorf("deleted unit has no slettedato: %v", m)
	}
	_, _, m = getJSON(t, c, base+"/enheter/"+world.StoryMovedOrgNr)
	if a := objectAt(t, m, "forretningsadresse"); a["postnummer"] != "5004" {
		t.Errorf("moved unit's address %v", a)
	}
	roleTypes := func(orgnr string) []string {
		status, _, body := get(t, c, base+"/enheter/"+orgnr+"/roller")
		if status != 200 {
			t.Fatalf("roller of %s: %d", orgnr, status)
		}
		var out struct {
			Rollegrupper []struct {
				Roller []struct {
					Type struct {
						Kode string `json:"kode"`
					} `json:"type"`
					Person *struct {
						Fodselsdato string `json:"fodselsdato"`
					} `json:"person"`
				} `json:"roller"`
			} `json:"rollegrupper"`
		}
		if err := json.Unmarshal(body, &out); err != nil {
			t.Fatal(err)
		}
		var types []string
		for _, g := range out.Rollegrupper {
			for _, r := range g.Roller {
				types = append(types, r.Type.Kode)
			}
		}
		slices.Sort(types)
		return types
	}
	if got := roleTypes(world.StoryAuditorResignedOrgNr); slices.Contains(got, "REVI") {
		t.Errorf("the auditor is still there: %v", got)
	}
	if got := roleTypes(world.StoryBoardMemberOrgNr); !slices.Contains(got, "MEDL") {
		t.Errorf("no board member: %v", got)
	}

	// grunndataWS too.
	user, pass := s.GrunndataCredentials()
	if _, doc := call(t, s, "hentBasisdataMini", user, pass, world.StoryRenamedOrgNr); doc.Melding == nil || doc.Melding.Name.Line1 != world.StoryNewName {
		t.Errorf("grunndata name after the story: %+v", doc.Melding)
	}

	// RRH's change log has the owner change, dated at the story's time.
	tok := tokenFor(t, s, world.ScopeRRHRapporteringspliktig)
	log := changeLog(t, s, tok, 0, 1000)
	last := log[len(log)-1]
	if d := objectAt(t, last, "data"); d["organisasjonsnummer"] != world.StoryNewOwnerOrgNr {
		t.Errorf("RRH's last change %v, want one for %s", last, world.StoryNewOwnerOrgNr)
	}
	if when, err := time.Parse(time.RFC3339Nano, last["time"].(string)); err != nil || !when.Equal(at[world.StoryNewOwner]) {
		t.Errorf("RRH's change dated %v, want %v", last["time"], at[world.StoryNewOwner])
	}
	status, _, body := rrhGet(t, s, "/api/oppslag/v1/virksomheter/"+world.StoryNewOwnerOrgNr, tok)
	if status != 200 {
		t.Fatalf("RRH v1 after the story: %d %s", status, body)
	}
	if owners := objectAt(t, decode[map[string]any](t, body), "registreringer", 0)["reelleRettighetshavere"].([]any); len(owners) != 2 {
		t.Errorf("RRH serves %d owners after the story, want 2", len(owners))
	}
}

func TestStoryIndependentOfOtherClocks(t *testing.T) {
	t.Parallel()
	s, frozen := frozenStart(t, Config{FeedNoisePerDay: -1})
	s.Advance(-time.Hour)
	if !s.Now().Equal(frozen) || s.StoryApplied() != 0 {
		t.Fatalf("a negative Advance moved the clock to %v", s.Now())
	}
	first := world.Story()[0].After
	s.Advance(first - time.Millisecond)
	if s.StoryApplied() != 0 {
		t.Fatalf("the first event came early")
	}
	s.Advance(time.Millisecond)
	if s.StoryApplied() != 1 {
		t.Fatalf("the first event did not come at %v: %d applied", first, s.StoryApplied())
	}
	if got := s.Feed().Units(false); len(got) != 1 || got[0].ID != FeedBaseID || got[0].OrgNr != world.StoryRenamedOrgNr {
		t.Errorf("without noise the feed holds %v", got)
	}
	// Maskinporten's clock did not move: a token from the frozen clock.
	tok := tokenFor(t, s, world.ScopeRRHRapporteringspliktig)
	if tok == "" {
		t.Error("no token")
	}
}

// movingClock is a Config.Now a test moves by hand.
type movingClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *movingClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *movingClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func TestStoryOnlyOnAdvance(t *testing.T) {
	t.Parallel()
	clock := &movingClock{now: time.Now().UTC()}
	s := start(t, Config{Now: clock.Now, FeedNoisePerDay: 5})
	entries := len(s.Feed().Units(false)) + len(s.Feed().Units(true))
	// Config.Now moving three days plays nothing: only Advance does.
	clock.add(3 * 24 * time.Hour)
	if s.StoryApplied() != 0 {
		t.Errorf("the real clock played %d story events", s.StoryApplied())
	}
	if got := len(s.Feed().Units(false)) + len(s.Feed().Units(true)); got != entries {
		t.Errorf("the feeds grew from %d to %d without Advance", entries, got)
	}
	if n, _ := s.World().Unit(world.StoryRenamedOrgNr); n.Name != "FJORDGLIMT REISER AS" {
		t.Errorf("renamed without Advance: %s", n.Name)
	}
	if got, want := s.Now(), clock.Now(); !got.Equal(want) {
		t.Errorf("Now %v, want Config.Now %v", got, want)
	}
	s.Advance(time.Hour)
	if got, want := s.Now(), clock.Now().Add(time.Hour); !got.Equal(want) {
		t.Errorf("Now after Advance %v, want %v", got, want)
	}
	// Five noise entries a day: one hour plays none of day 0's.
	if got := len(s.Feed().Units(false)) + len(s.Feed().Units(true)); got != entries {
		t.Errorf("an hour added %d entries, want none", got-entries)
	}
	s.Advance(23 * time.Hour)
	if got := len(s.Feed().Units(false)) + len(s.Feed().Units(true)); got != entries+5+3 {
		t.Errorf("a day added %d entries, want 5 of noise and 3 of the story", got-entries)
	}
}

func TestFeedRolesWindow(t *testing.T) {
	t.Parallel()
	s, _ := frozenStart(t, Config{FeedNoisePerDay: 9, FeedWindow: 5 * 24 * time.Hour})
	first := s.Feed().Roles()[0].ID
	if first == RoleFeedBaseID {
		t.Fatal("no role event left the window")
	}
	status, body := feedGet(t, s, "/oppdateringer/roller", url.Values{"afterId": {strconv.FormatInt(RoleFeedBaseID, 10)}})
	if status != 400 || !strings.Contains(string(body), "for gammel") {
		t.Errorf("afterId out of the window: %d %s", status, body)
	}
	// The last id gone is still a good cursor: nothing after it is lost.
	status, _ = feedGet(t, s, "/oppdateringer/roller", url.Values{"afterId": {strconv.FormatInt(first-1, 10)}})
	if status != 200 {
		t.Errorf("afterId of the last event gone: %d, want 200", status)
	}
}

// TestStoryConcurrent reads the world and the feeds while the clock
// moves (for the race detector): every answer is 200.
func TestStoryConcurrent(t *testing.T) {
	t.Parallel()
	s, _ := frozenStart(t, Config{FeedNoisePerDay: 20})
	c := client(s)
	base := s.Endpoints().Brreg
	paths := []string{"/enheter/" + world.StoryRenamedOrgNr, "/enheter/" + world.StoryBoardMemberOrgNr + "/roller",
		"/oppdateringer/enheter?size=50", "/oppdateringer/roller?size=50"}
	var wg sync.WaitGroup
	statuses := make([]int, len(paths)*5)
	for i := range statuses {
		wg.Go(func() {
			req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, base+paths[i%len(paths)], nil)
			if err != nil {
				return
			}
			resp, err := c.Do(req)
			if err != nil {
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
			statuses[i] = resp.StatusCode
		})
	}
	for range 4 {
		s.Advance(24 * time.Hour)
	}
	wg.Wait()
	for i, st := range statuses {
		if st != 200 {
			t.Errorf("%s: %d", paths[i%len(paths)], st)
		}
	}
	if s.StoryApplied() != len(world.Story()) {
		t.Errorf("%d events applied, want all %d", s.StoryApplied(), len(world.Story()))
	}
}
