package setup

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestSearchByNameOnTheSandbox searches the simulated Enhetsregisteret by
// name over TLS: legal units and sub-units, with their badges.
func TestSearchByNameOnTheSandbox(t *testing.T) {
	d := newLookupDesk(t)
	ctx := context.Background()
	tests := []struct {
		query      string
		wantFirst  string // a legal unit among the hits
		wantSub    string // a sub-unit among the hits, with wantFirst as its parent; "" none
		wantBadges []dossier.Badge
	}{
		{"solstrand", world.RichestOrgNr, world.SubUnitOrgNr, nil},
		{"STORMKAST", world.BankruptOrgNr, "", []dossier.Badge{dossier.BadgeBankrupt}},
	}
	for _, tt := range tests {
		res, err := d.SearchByName(ctx, tt.query)
		if err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		i := slices.IndexFunc(res.Hits, func(h dossier.SearchHit) bool { return h.Number == tt.wantFirst })
		if i < 0 {
			t.Fatalf("%s: %s is not among the hits %+v", tt.query, tt.wantFirst, res.Hits)
		}
		first := res.Hits[i]
		if first.Number != tt.wantFirst || first.SubUnit || first.Form.Code == "" || first.Municipality == "" || first.Country != "NO" {
			t.Errorf("%s: hit %+v", tt.query, first)
		}
		if !slices.Equal(first.Badges, tt.wantBadges) {
			t.Errorf("%s: badges %v, want %v", tt.query, first.Badges, tt.wantBadges)
		}
		if tt.wantSub != "" {
			found := false
			for _, h := range res.Hits {
				if h.Number == tt.wantSub {
					found = h.SubUnit && h.Parent == tt.wantFirst
				}
			}
			if !found {
				t.Errorf("%s: sub-unit %s not among the hits as a sub-unit of %s: %+v", tt.query, tt.wantSub, tt.wantFirst, res.Hits)
			}
		}
		if res.Total < len(res.Hits) {
			t.Errorf("%s: total %d under %d hits", tt.query, res.Total, len(res.Hits))
		}
	}
	if _, err := d.SearchByName(ctx, "zzqqxx ingen slik"); problem.CodeOf(err) != problem.CodeNoHits {
		t.Errorf("no hits: %v", err)
	}
}

// TestSearchByNameUnreachable: a register that cannot be reached is said
// to be so, never "no hits".
func TestSearchByNameUnreachable(t *testing.T) {
	d := newLookupDesk(t, deskOptions{overrides: Overrides{BrregURL: "https://127.0.0.1:1/enhetsregisteret/api"}})
	_, err := d.SearchByName(context.Background(), "solstrand")
	if problem.CodeOf(err) != problem.CodeRegisterFailed || problem.CauseOf(err) != problem.CodeUnreachable {
		t.Errorf("%v: code %q, cause %q", err, problem.CodeOf(err), problem.CauseOf(err))
	}
}

// TestExamplesOfTheSandbox: NewDesk offers the sandbox world's numbers in
// the sandbox, each a unit the simulators know, and none elsewhere.
func TestExamplesOfTheSandbox(t *testing.T) {
	tests := []struct {
		env      desk.Environment
		wantSome bool
	}{
		{desk.EnvSandbox, true},
		{desk.EnvProduction, false},
	}
	for _, tt := range tests {
		d, c := NewDesk(Config{Desk: desk.Config{VaultPath: filepath.Join(t.TempDir(), "vault.db")}, Overrides: Overrides{Environment: tt.env}})
		ex := d.Examples()
		if (len(ex) > 0) != tt.wantSome {
			t.Errorf("%s: %d examples", tt.env, len(ex))
		}
		if tt.wantSome && (ex[0].Number != world.RichestOrgNr || ex[0].Name != "SOLSTRAND INDUSTRIER ASA") {
			t.Errorf("%s: first example %+v", tt.env, ex[0])
		}
		for _, e := range ex {
			if _, err := ident.ParseOrgNr(e.Number, ident.Options{AllowTestData: true}); err != nil || e.Name == "" {
				t.Errorf("%s: example %+v: %v", tt.env, e, err)
			}
		}
		_ = c.Close()
	}
}
