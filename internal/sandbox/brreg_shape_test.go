package sandbox

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// recorded reads a response recorded from the live service, or skips.
func recorded(t *testing.T, name string) map[string]any {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "reference", "enhetsregisteret-recorded", name)
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("%s absent: no recorded responses to compare with", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// shapeRule tells compareShape which differences from the recording are
// expected: keys the simulator may leave out (optional) and keys it may
// add (extra), by name at any depth.
type shapeRule struct {
	optional, extra []string
}

// compareShape compares the key sets of two decoded JSON values,
// recursively; arrays compare their first elements.
func compareShape(t *testing.T, path string, rec, got any, rule shapeRule) {
	t.Helper()
	switch r := rec.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			t.Errorf("%s: recorded an object, got %T", path, got)
			return
		}
		for k, rv := range r {
			gv, ok := g[k]
			if !ok {
				if !slices.Contains(rule.optional, k) {
					t.Errorf("%s: no %q (recorded has it)", path, k)
				}
				continue
			}
			compareShape(t, path+"."+k, rv, gv, rule)
		}
		for k := range g {
			if _, ok := r[k]; !ok && !slices.Contains(rule.extra, k) {
				t.Errorf("%s: %q is not in the recorded shape", path, k)
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok {
			if got != nil {
				t.Errorf("%s: recorded an array, got %T", path, got)
			}
			return
		}
		if len(r) > 0 && len(g) > 0 {
			if _, isObj := r[0].(map[string]any); isObj {
				compareShape(t, path+"[0]", r[0], g[0], rule)
			}
		}
	}
}

// The members of a unit documented in registries.md §3.2 (and the live
// service's underAvviklingDato and fratraadt) that a recording may lack.
var documentedExtras = []string{
	"hjemmeside", "postadresse", "frivilligMvaRegistrertBeskrivelser", "naeringskode2", "naeringskode3",
	"overordnetEnhet", "institusjonellSektorkode", "sisteInnsendteAarsregnskap", "underAvviklingDato",
	"epostadresse", "telefon", "mobil", "kapital", "erIKonsern", "harRegistrertAntallAnsatte", "konkursdato",
	"vedtektsdato", "vedtektsfestetFormaal", "aktivitet", "antallAnsatte", "oppstartsdato", "datoEierskifte",
	"fratraadt", "mellomnavn", "ansvarsandel", "valgtAv",
}

func TestBrregShapeMatchesRecordings(t *testing.T) {
	t.Parallel()
	c := client(shared)
	base := shared.Endpoints().Brreg
	lenient := shapeRule{extra: documentedExtras}
	tests := []struct {
		file string
		path string
		rule shapeRule
	}{
		{"enheter-details-response.json", "/enheter/" + world.RichestOrgNr, lenient},
		{"enheter-details-deleted-response.json", "/enheter/" + world.DeletedOrgNr, shapeRule{optional: []string{"utgaatt"}}},
		{"underenheter-details-response.json", "/underenheter/" + world.SubUnitOrgNr, shapeRule{optional: []string{"nedleggelsesdato"}, extra: documentedExtras}},
		{"underenheter-details-deleted-response.json", "/underenheter/" + world.DeletedSubUnitOrgNr, shapeRule{}},
		{"enheter-search-empty-response.json", "/enheter?navn=jibberish", shapeRule{}},
		{"underenheter-search-empty-response.json", "/underenheter?navn=jibberish", shapeRule{}},
		{"enheter-search-page1-response.json", "/enheter?navn=fjord&size=2", shapeRule{extra: documentedExtras, optional: []string{"stiftelsesdato", "sisteInnsendteAarsregnskap"}}},
		{"enheter-search-page2-response.json", "/enheter?navn=fjord&size=2&page=1", shapeRule{extra: documentedExtras, optional: []string{"hjemmeside"}}},
		{"underenheter-search-response.json", "/underenheter?organisasjonsnummer=310139211", lenient},
	}
	for _, tt := range tests {
		t.Run(tt.file+" "+tt.path, func(t *testing.T) {
			rec := recorded(t, tt.file)
			_, _, got := getJSON(t, c, base+tt.path)
			compareShape(t, tt.file, rec, got, tt.rule)
		})
	}

	// Roles: the recorded group against the simulator's group of the same
	// type, its first role against the first role of the same kind.
	roleGroup := func(m map[string]any, kode string) map[string]any {
		for _, g := range m["rollegrupper"].([]any) {
			if g := g.(map[string]any); objectAt(t, g, "type")["kode"] == kode {
				return g
			}
		}
		t.Fatalf("no role group %s", kode)
		return nil
	}
	for _, tt := range []struct{ file, orgnr, group string }{
		{"enheter-roller-person-response.json", world.RichestOrgNr, "STYR"},
		{"enheter-roller-enhet-response.json", world.PartnershipDAOrgNr, "DELT"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			rec := recorded(t, tt.file)
			_, _, got := getJSON(t, c, base+"/enheter/"+tt.orgnr+"/roller")
			if !slices.Equal(sortedKeys(rec), sortedKeys(got)) {
				t.Errorf("keys %v, recorded %v", sortedKeys(got), sortedKeys(rec))
			}
			compareShape(t, tt.file+"._links", rec["_links"], got["_links"], shapeRule{})
			recGroup := objectAt(t, rec, "rollegrupper", 0)
			group := roleGroup(got, objectAt(t, recGroup, "type")["kode"].(string))
			if tt.group == "STYR" {
				// Compare with the member who has valgtAv, as recorded.
				for _, r := range group["roller"].([]any) {
					if _, ok := r.(map[string]any)["valgtAv"]; ok {
						group = map[string]any{"type": group["type"], "sistEndret": group["sistEndret"], "roller": []any{r}}
						break
					}
				}
			}
			compareShape(t, tt.file+".rollegrupper[0]", recGroup, group, shapeRule{extra: []string{"fratraadt", "mellomnavn"}})
		})
	}

	// Exact key sets where the recordings are unambiguous.
	t.Run("deleted unit keys", func(t *testing.T) {
		rec := recorded(t, "enheter-details-deleted-response.json")
		_, _, got := getJSON(t, c, base+"/enheter/"+world.DeletedOrgNr)
		if !slices.Equal(sortedKeys(rec), sortedKeys(got)) {
			t.Errorf("keys %v, recorded %v", sortedKeys(got), sortedKeys(rec))
		}
	})
	t.Run("links on a middle page", func(t *testing.T) {
		rec := recorded(t, "enheter-search-page2-response.json")
		_, _, got := getJSON(t, c, base+"/enheter?navn=fjord&size=2&page=1")
		if a, b := sortedKeys(objectAt(t, rec, "_links")), sortedKeys(objectAt(t, got, "_links")); !slices.Equal(a, b) {
			t.Errorf("links %v, recorded %v", b, a)
		}
	})
	t.Run("no-hit page values", func(t *testing.T) {
		rec := recorded(t, "enheter-search-empty-response.json")
		_, _, got := getJSON(t, c, base+"/enheter?navn=jibberish")
		for k, v := range objectAt(t, rec, "page") {
			if objectAt(t, got, "page")[k] != v {
				t.Errorf("page.%s %v, recorded %v", k, objectAt(t, got, "page")[k], v)
			}
		}
	})
}
