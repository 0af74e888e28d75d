package desk

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
)

// SearchUnits searches the fake Enhetsregisteret's units (the companies of
// its answers) by a part of their name, in number order. down["brreg"]
// makes it unreachable, down["brreg-sub"] only its sub-units.
func (r *fakeRegisters) SearchUnits(ctx context.Context, name string, sub bool, limit int) ([]dossier.SearchHit, int, error) {
	if err := r.ask(); err != nil {
		return nil, 0, err
	}
	if r.c.down["brreg"] || (sub && r.c.down["brreg-sub"]) {
		return nil, 0, problem.New(problem.CodeUnreachable, errors.New("connection refused"))
	}
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	var hits []dossier.SearchHit
	for _, a := range r.c.brreg {
		if c := a.Company; c != nil && c.SubUnit == sub && strings.Contains(strings.ToLower(c.Name), strings.ToLower(name)) {
			hits = append(hits, dossier.HitOf(c, "NO"))
		}
	}
	slices.SortFunc(hits, func(a, b dossier.SearchHit) int { return strings.Compare(a.Number, b.Number) })
	total := len(hits)
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return hits, total, nil
}

// addUnits adds n units named "<prefix> n AS" (sub-units when sub) to
// the fake register, numbered from first.
func addUnits(c *fakeConnector, prefix string, first, n int, sub bool) {
	for i := range n {
		num := strconv.Itoa(first + i)
		c.brreg[num] = dossier.Answer{Company: &dossier.Company{Number: num, Name: prefix + " " + strconv.Itoa(i) + " AS", SubUnit: sub},
			Source: dossier.Source{ID: "brreg", Status: dossier.StatusFound}}
	}
}

func TestSearchByName(t *testing.T) {
	tests := []struct {
		name      string
		query     string
		units     int // extra legal units named "VIDDA n AS"
		subs      int // extra sub-units named "VIDDA n AS"
		down      string
		wantCode  problem.Code
		wantCause problem.Code
		wantHits  []string // numbers, in order; nil: not checked beyond count
		wantCount int
		wantTotal int
	}{
		{name: "one hit, any case", query: "solstrand", wantHits: []string{fakeRichest}, wantCount: 1, wantTotal: 1},
		{name: "spaces squeezed", query: "  fjellheim   bygg ", wantHits: []string{fakeDuplicate}, wantCount: 1, wantTotal: 1},
		{name: "legal units before sub-units", query: "vidda", units: 2, subs: 2,
			wantHits: []string{"400000000", "400000001", "500000000", "500000001"}, wantCount: 4, wantTotal: 4},
		{name: "cut at the bound, total kept", query: "vidda", units: 40, subs: 30, wantCount: MaxSearchHits, wantTotal: 70},
		{name: "no hits", query: "ingensteds", wantCode: problem.CodeNoHits},
		{name: "one letter", query: " s ", wantCode: problem.CodeNameTooShort},
		{name: "punctuation only", query: "-- &", wantCode: problem.CodeNameTooShort},
		{name: "too long", query: strings.Repeat("a", MaxSearchLen+1), wantCode: problem.CodeInvalidQuery},
		{name: "unreachable is not no hits", query: "ingensteds", down: "brreg", wantCode: problem.CodeRegisterFailed, wantCause: problem.CodeUnreachable},
		{name: "unreachable with hits", query: "solstrand", down: "brreg", wantCode: problem.CodeRegisterFailed, wantCause: problem.CodeUnreachable},
		{name: "sub-units down keeps legal units", query: "vidda", units: 1, subs: 1, down: "brreg-sub", wantHits: []string{"400000000"}, wantCount: 1, wantTotal: 1},
		{name: "sub-units down and no legal unit", query: "ingensteds", down: "brreg-sub", wantCode: problem.CodeRegisterFailed, wantCause: problem.CodeUnreachable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, c := newFakeDesk(t)
			addUnits(c, "VIDDA", 400000000, tt.units, false)
			addUnits(c, "VIDDA", 500000000, tt.subs, true)
			c.down = map[string]bool{tt.down: true}
			res, err := d.SearchByName(context.Background(), tt.query)
			if got := problem.CodeOf(err); got != tt.wantCode {
				t.Fatalf("code %q (%v), want %q", got, err, tt.wantCode)
			}
			if tt.wantCause != "" {
				if got := problem.CauseOf(err); got != tt.wantCause {
					t.Errorf("cause %q, want %q", got, tt.wantCause)
				}
			}
			if tt.wantCode != "" {
				if res != nil {
					t.Errorf("a result with the error: %+v", res)
				}
				return
			}
			if len(res.Hits) != tt.wantCount || res.Total != tt.wantTotal {
				t.Errorf("%d hits of %d, want %d of %d", len(res.Hits), res.Total, tt.wantCount, tt.wantTotal)
			}
			if tt.wantHits != nil {
				var got []string
				for _, h := range res.Hits {
					got = append(got, h.Number)
				}
				if !slices.Equal(got, tt.wantHits) {
					t.Errorf("hits %v, want %v", got, tt.wantHits)
				}
			}
			if res.Name != strings.Join(strings.Fields(tt.query), " ") {
				t.Errorf("name %q", res.Name)
			}
		})
	}
}

func TestSearchByNameHitFields(t *testing.T) {
	d, c := newFakeDesk(t)
	c.brreg["310413682"] = dossier.Answer{Company: &dossier.Company{Number: "310413682", Name: "STORMKAST MEDIA AS",
		Form: dossier.Code{Code: "AS", Description: "Aksjeselskap"}, Bankrupt: true, UnderForcedDissolution: true,
		PostalAddress: &dossier.Address{Municipality: "TROMSØ"}, BusinessAddress: &dossier.Address{Municipality: "BERGEN"}}}
	res, err := d.SearchByName(context.Background(), "Stormkast")
	if err != nil {
		t.Fatal(err)
	}
	want := dossier.SearchHit{Number: "310413682", Country: "NO", Name: "STORMKAST MEDIA AS", Form: dossier.Code{Code: "AS", Description: "Aksjeselskap"},
		Municipality: "BERGEN", Badges: []dossier.Badge{dossier.BadgeBankrupt, dossier.BadgeForcedDissolution}}
	if len(res.Hits) != 1 || !hitEqual(res.Hits[0], want) {
		t.Errorf("hits %+v, want %+v", res.Hits, want)
	}
}

func hitEqual(a, b dossier.SearchHit) bool {
	return a.Number == b.Number && a.Country == b.Country && a.Name == b.Name && a.Form == b.Form &&
		a.Municipality == b.Municipality && a.SubUnit == b.SubUnit && a.Parent == b.Parent && slices.Equal(a.Badges, b.Badges)
}

func TestSearchByNameLockedAndCancelled(t *testing.T) {
	d, _ := newFakeDesk(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := d.SearchByName(ctx, "solstrand"); problem.CodeOf(err) != problem.CodeCanceled {
		t.Errorf("cancelled: %v", err)
	}
	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}
	if _, err := d.SearchByName(context.Background(), "solstrand"); problem.CodeOf(err) != problem.CodeLocked {
		t.Errorf("locked: %v", err)
	}
}

func TestCanAnswer(t *testing.T) {
	d, _ := newFakeDesk(t)
	tests := []struct {
		input string
		want  problem.Code
	}{
		{fakeRichest, ""},
		{"556036-0793", problem.CodeCountryNotConnected}, // a Swedish organisationsnummer
		{"0112038-9", problem.CodeCountryNotConnected},   // a Finnish Y-tunnus
		{"12836810064", problem.CodePersonalNumber},      // a synthetic fødselsnummer (the sandbox allows them)
		{"19121212-1212", problem.CodePersonalNumber},    // a Swedish personnummer
	}
	for _, tt := range tests {
		n, err := d.Identify(tt.input, "")
		if err != nil {
			t.Fatalf("%s: %v", tt.input, err)
		}
		if got := problem.CodeOf(d.CanAnswer(n)); got != tt.want {
			t.Errorf("%s (%s): %q, want %q", tt.input, n.Kind(), got, tt.want)
		}
	}
	if got := problem.CodeOf(d.CanAnswer(ident.Number{})); got != problem.CodeInvalidNumber {
		t.Errorf("the zero number: %q", got)
	}
}

func TestExamples(t *testing.T) {
	examples := []dossier.Example{{Number: fakeRichest, Name: "SOLSTRAND INDUSTRIER ASA"}}
	tests := []struct {
		env  Environment
		want []dossier.Example
	}{
		{EnvSandbox, examples},
		{EnvTest, nil},
		{EnvProduction, nil},
	}
	for _, tt := range tests {
		d, _ := newFakeDesk(t)
		d.cfg.SandboxExamples = examples
		d.cfg.Environment = tt.env
		got := d.Examples()
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.env, got, tt.want)
		}
		if len(got) > 0 {
			got[0].Name = "changed"
			if d.Examples()[0].Name != examples[0].Name {
				t.Errorf("%s: the examples are the desk's own, not a copy", tt.env)
			}
		}
	}
}
