package world

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/ident"
)

func TestStoryApplyCopiesOnWrite(t *testing.T) {
	w, err := New()
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		kind  StoryKind
		check func(before, after *Unit) bool
	}{
		{StoryRename, func(b, a *Unit) bool { return a.Name == StoryNewName && b.Name == "FJORDGLIMT REISER AS" }},
		{StoryBoardMember, func(b, a *Unit) bool {
			return len(a.Roles) == len(b.Roles)+1 && a.Roles[len(a.Roles)-1] == Role{Type: "MEDL", Person: StoryBoardMemberID, Since: "2026-03-02"}
		}},
		{StoryNewCEO, func(b, a *Unit) bool {
			return slices.ContainsFunc(a.Roles, func(r Role) bool { return r.Type == "DAGL" && r.Person == StoryNewCEOID }) &&
				!slices.ContainsFunc(a.Roles, func(r Role) bool { return r.Person == StoryOldCEOID && r.Type == "DAGL" }) &&
				slices.ContainsFunc(b.Roles, func(r Role) bool { return r.Person == StoryOldCEOID && r.Type == "DAGL" })
		}},
		{StoryBankruptcy, func(b, a *Unit) bool { return a.Bankrupt && a.BankruptDate == "2026-03-02" && !b.Bankrupt }},
		{StoryAuditorGone, func(b, a *Unit) bool {
			return !slices.ContainsFunc(a.Roles, func(r Role) bool { return r.Type == "REVI" }) &&
				slices.ContainsFunc(b.Roles, func(r Role) bool { return r.Type == "REVI" })
		}},
		{StoryDeletion, func(b, a *Unit) bool { return a.Deleted == "2026-03-02" && !b.IsDeleted() }},
		{StoryAddressChange, func(b, a *Unit) bool {
			return a.Business.Lines[0] == StoryNewAddressLine && a.Business.PostCode == "5004" && b.Business.PostCode != "5004"
		}},
	}
	events := Story()
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			i := slices.IndexFunc(events, func(e StoryEvent) bool { return e.Kind == tt.kind })
			e := events[i]
			after, err := w.Apply(e, at)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := w.Unit(e.OrgNr)
			a, _ := after.Unit(e.OrgNr)
			if !tt.check(b, a) {
				t.Errorf("%s: before %+v\nafter %+v", tt.kind, b, a)
			}
			if !e.ChangesUnit() || e.ChangesRoles() != slices.Contains([]StoryKind{StoryBoardMember, StoryNewCEO, StoryAuditorGone}, tt.kind) {
				t.Errorf("%s: ChangesUnit %v ChangesRoles %v", tt.kind, e.ChangesUnit(), e.ChangesRoles())
			}
		})
	}
}

func TestStoryUnits(t *testing.T) {
	w, err := New()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var last time.Duration
	for _, e := range Story() {
		u, ok := w.Unit(e.OrgNr)
		switch {
		case !ok || u.IsDeleted() || u.Removed || u.Bankrupt || len(u.Roles) == 0:
			t.Errorf("%s: %s is not an active unit with roles", e.Kind, e.OrgNr)
		case seen[e.OrgNr]:
			t.Errorf("%s: %s has two events", e.Kind, e.OrgNr)
		case e.After <= last:
			t.Errorf("%s: out of order", e.Kind)
		case e.Description == "":
			t.Errorf("%s: no description", e.Kind)
		}
		seen[e.OrgNr], last = true, e.After
	}
	if !w.RRHRequired(StoryNewOwnerOrgNr) {
		t.Errorf("the new owner's unit is not required to register")
	}
	if _, ok := w.RRHFiling(StoryNewOwnerOrgNr); !ok {
		t.Errorf("the new owner's unit has no filing")
	}
	status, owners := w.StoryOwners()
	if status != RRHStatusArid || len(owners) != 2 || owners[1].PersonID != StoryNewOwnerID ||
		owners[0].Positions[0].Interval != RRHInterval3 || owners[1].Positions[0].Interval != RRHInterval1 {
		t.Errorf("story owners %s %+v", status, owners)
	}
	if _, before := w.BeneficialOwners(StoryNewOwnerOrgNr); before[0].Positions[0].Interval != RRHInterval3 {
		t.Errorf("StoryOwners changed the world's owners: %+v", before)
	}
	if err := w.CheckOwners("story", owners); err != nil {
		t.Error(err)
	}
}

func TestPopulation(t *testing.T) {
	const n = 500
	w, nrs, err := NewPopulated(n)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := New()
	if len(nrs) != n || len(w.Units) != len(plain.Units)+n {
		t.Fatalf("%d numbers, %d units, want %d more than %d", len(nrs), len(w.Units), n, len(plain.Units))
	}
	filed := 0
	for i, nr := range nrs {
		if _, err := ident.Parse(nr, ident.Options{Country: ident.CountryNO}); err != nil || !strings.HasPrefix(nr, PopulationPrefix) {
			t.Fatalf("%s: %v", nr, err)
		}
		if i > 0 && nrs[i-1] >= nr {
			t.Fatalf("numbers out of order at %d", i)
		}
		u, _ := w.Unit(nr)
		types := []string{}
		for _, r := range u.Roles {
			types = append(types, r.Type)
			if r.Person != "" {
				if _, err := ident.Parse(r.Person, ident.Options{Country: ident.CountryNO, AllowTestData: true}); err != nil {
					t.Fatalf("%s's %s: %v", nr, r.Type, err)
				}
			}
		}
		if !slices.Equal(types, []string{"DAGL", "LEDE", "REVI"}) || u.Business == nil || len(u.NACE) != 1 || u.Form != "AS" {
			t.Fatalf("%s: %+v", nr, u)
		}
		if _, ok := w.RRHFiling(nr); ok {
			filed++
		}
		if _, plainHas := plain.Unit(nr); plainHas {
			t.Fatalf("%s is a hand-made unit too", nr)
		}
	}
	if filed != n/2 {
		t.Errorf("%d filings, want %d", filed, n/2)
	}
	again, nrs2, _ := NewPopulated(n)
	if !slices.Equal(nrs, nrs2) || again.Units[len(again.Units)-1].Name != w.Units[len(w.Units)-1].Name {
		t.Error("the population is not deterministic")
	}
}

func BenchmarkNewPopulated10000(b *testing.B) {
	for b.Loop() {
		if _, _, err := NewPopulated(10_000); err != nil {
			b.Fatal(err)
		}
	}
}
