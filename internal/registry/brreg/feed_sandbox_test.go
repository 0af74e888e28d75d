package brreg_test

import (
	"context"
	"net/http"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/brreg"
	"github.com/motpart/motpart/internal/registry/transport"
	"github.com/motpart/motpart/internal/sandbox"
	sandboxbrreg "github.com/motpart/motpart/internal/sandbox/brreg"
)

// feedSandbox starts the simulators with cfg and returns them with a
// client of their open API over real TLS (retries quick, Retry-After
// capped at 10 ms so that no test waits on the real clock).
func feedSandbox(t *testing.T, cfg sandbox.Config) (*sandbox.Sandbox, *brreg.REST) {
	t.Helper()
	s, err := sandbox.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	tc, err := transport.New(transport.Config{RootCAs: s.CAPool(), Timeout: 5 * time.Second,
		RetryWait: time.Millisecond, MaxRetryWait: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tc.CloseIdleConnections)
	return s, brreg.NewREST(s.Endpoints().Brreg, tc)
}

// readUnits pages through a units' feed from the id from, size entries a
// page, until an empty page, and returns every entry and the pages asked.
func readUnits(t *testing.T, c *brreg.REST, sub bool, from int64, size int) ([]brreg.UnitChange, int) {
	t.Helper()
	var all []brreg.UnitChange
	for pages := 1; ; pages++ {
		got, err := c.UnitChanges(context.Background(), brreg.UnitFeedQuery{SubUnits: sub, From: from, Size: size})
		if err != nil {
			t.Fatalf("page %d from %d: %v", pages, from, err)
		}
		if len(got) == 0 {
			return all, pages
		}
		all = append(all, got...)
		from = got[len(got)-1].ID + 1
		if pages > 10_000 {
			t.Fatal("the feed does not end")
		}
	}
}

// unitTruth is what the simulator's feed holds, as the client reads it.
func unitTruth(s *sandbox.Sandbox, sub bool, after int64) []brreg.UnitChange {
	var out []brreg.UnitChange
	for _, e := range s.Feed().Units(sub) {
		if e.ID > after {
			out = append(out, brreg.UnitChange{ID: e.ID, OrgNr: e.OrgNr, Time: e.Time.Truncate(time.Millisecond), Kind: e.Kind})
		}
	}
	return out
}

// TestUnitFeedOnSandbox: paging by the cursor reads exactly the
// simulator's feed, in order, before and after its clock moves on; the
// story's changes appear after the cursor; a cursor that has left the
// window is CodeFeedTooOld.
func TestUnitFeedOnSandbox(t *testing.T) {
	s, c := feedSandbox(t, sandbox.Config{})
	for _, sub := range []bool{false, true} {
		want := unitTruth(s, sub, 0)
		if len(want) == 0 {
			t.Fatalf("sub %v: the simulator's feed holds no history", sub)
		}
		got, pages := readUnits(t, c, sub, want[0].ID, 7)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("sub %v: read %d entries, want %d\n got %v\nwant %v", sub, len(got), len(want), got, want)
		}
		if wantPages := (len(want)+6)/7 + 1; pages != wantPages {
			t.Errorf("sub %v: %d pages asked, want %d", sub, pages, wantPages)
		}
	}

	cursor := unitTruth(s, false, 0)
	last := cursor[len(cursor)-1].ID
	s.Advance(72 * time.Hour)
	got, _ := readUnits(t, c, false, last+1, 50)
	want := unitTruth(s, false, last)
	if len(want) == 0 || !reflect.DeepEqual(got, want) {
		t.Fatalf("after 72 h: read %v, want %v", got, want)
	}
	_, events := s.Story()
	named := map[string]bool{}
	for _, e := range got {
		named[e.OrgNr] = true
	}
	for _, e := range events[:s.StoryApplied()] {
		if e.ChangesUnit() && !named[e.OrgNr] {
			t.Errorf("the story's %s of %s is not in the feed after the cursor", e.Kind, e.OrgNr)
		}
	}

	// Since a time: the same entries as from the id.
	byTime, err := c.UnitChanges(context.Background(), brreg.UnitFeedQuery{Since: got[0].Time, Size: len(got)})
	if err != nil || len(byTime) == 0 || byTime[0].ID > got[0].ID {
		t.Errorf("since %v: %v, %v; want from id %d", got[0].Time, byTime, err, got[0].ID)
	}

	// Past the window the first ids are gone.
	s.Advance(sandboxbrreg.DefaultFeedWindow + 24*time.Hour)
	_, err = c.UnitChanges(context.Background(), brreg.UnitFeedQuery{From: cursor[0].ID, Size: 10})
	if brreg.ProblemOf(err) != problem.CodeFeedTooOld || brreg.ErrorCode(err) != brreg.CodeFeedTooOld {
		t.Errorf("a cursor out of the window: %v (%s), want feed_too_old", err, brreg.ProblemOf(err))
	}
}

// TestRoleFeedOnSandbox: the role feed read after an id, page by page,
// is the simulator's; an id out of the window is CodeFeedTooOld.
func TestRoleFeedOnSandbox(t *testing.T) {
	s, c := feedSandbox(t, sandbox.Config{})
	s.Advance(48 * time.Hour)
	truth := s.Feed().Roles()
	if len(truth) < 2 {
		t.Fatalf("the roles feed holds %d events", len(truth))
	}
	var want []brreg.RoleChange
	for _, e := range truth[1:] {
		want = append(want, brreg.RoleChange{ID: itoa(e.ID), Seq: e.ID, OrgNr: e.OrgNr, Time: e.Time.Truncate(time.Millisecond), Type: sandboxbrreg.RoleEventType})
	}
	var got []brreg.RoleChange
	after := truth[0].ID
	for range 10_000 {
		page, err := c.RoleChanges(context.Background(), brreg.RoleFeedQuery{AfterID: after, Size: 5})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		got = append(got, page...)
		after = page[len(page)-1].Seq
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read %d events, want %d\n got %v\nwant %v", len(got), len(want), got, want)
	}

	s.Advance(sandboxbrreg.DefaultFeedWindow + 24*time.Hour)
	_, err := c.RoleChanges(context.Background(), brreg.RoleFeedQuery{AfterID: truth[0].ID, Size: 5})
	if brreg.ProblemOf(err) != problem.CodeFeedTooOld {
		t.Errorf("an id out of the window: %v, want feed_too_old", err)
	}
}

// TestFeedEdgesOnSandbox: an empty page in either shape is no entries;
// 429s with Retry-After are waited out by the transport; a gap the
// simulator leaves is served as it is (the ids jump), for the desk to
// see.
func TestFeedEdgesOnSandbox(t *testing.T) {
	tests := []struct {
		name string
		cfg  sandbox.Config
	}{
		{"_embedded left out", sandbox.Config{}},
		{"_embedded with an empty array", sandbox.Config{FeedEmptyArray: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, c := feedSandbox(t, tt.cfg)
			truth := unitTruth(s, false, 0)
			got, err := c.UnitChanges(context.Background(), brreg.UnitFeedQuery{From: truth[len(truth)-1].ID + 1, Size: 10})
			if err != nil || got == nil || len(got) != 0 {
				t.Errorf("past the end: %v, %v; want an empty page", got, err)
			}
			roles := s.Feed().Roles()
			rgot, err := c.RoleChanges(context.Background(), brreg.RoleFeedQuery{AfterID: roles[len(roles)-1].ID, Size: 10})
			if err != nil || rgot == nil || len(rgot) != 0 {
				t.Errorf("roles past the end: %v, %v; want an empty page", rgot, err)
			}
		})
	}

	t.Run("a gap", func(t *testing.T) {
		base := int64(sandboxbrreg.DefaultFeedBaseID)
		_, c := feedSandbox(t, sandbox.Config{FeedDropIDs: []int64{base + 2}})
		got, err := c.UnitChanges(context.Background(), brreg.UnitFeedQuery{From: base, Size: 3})
		var ids []int64
		for _, e := range got {
			ids = append(ids, e.ID)
		}
		if want := []int64{base, base + 1, base + 3}; err != nil || !reflect.DeepEqual(ids, want) {
			t.Errorf("ids %v, %v; want %v", ids, err, want)
		}
	})

	t.Run("429 with Retry-After", func(t *testing.T) {
		s, c := feedSandbox(t, sandbox.Config{})
		truth := unitTruth(s, false, 0)
		s.SetFault(sandbox.ServiceBrreg, sandbox.Fault{Status: http.StatusTooManyRequests, RetryAfter: time.Second, Times: 2, PathSuffix: "/oppdateringer/enheter"})
		before := s.Requests(sandbox.ServiceBrreg, "")
		got, err := c.UnitChanges(context.Background(), brreg.UnitFeedQuery{From: truth[0].ID, Size: 3})
		if err != nil || !reflect.DeepEqual(got, truth[:3]) {
			t.Errorf("after two 429s: %v, %v; want %v", got, err, truth[:3])
		}
		if n := s.Requests(sandbox.ServiceBrreg, "") - before; n != 3 {
			t.Errorf("%d requests, want 3 (two 429s and the answer)", n)
		}
		s.SetFault(sandbox.ServiceBrreg, sandbox.Fault{Status: http.StatusTooManyRequests, RetryAfter: time.Second, PathSuffix: "/oppdateringer/roller"})
		_, err = c.RoleChanges(context.Background(), brreg.RoleFeedQuery{AfterID: 1, Size: 3})
		if brreg.ProblemOf(err) != problem.CodeRateLimited {
			t.Errorf("429 every time: %v (%s), want rate_limited", err, brreg.ProblemOf(err))
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
