package sandbox

import (
	"slices"
	"testing"

	"github.com/motpart/motpart/internal/sandbox/world"
)

func TestBrregSearch(t *testing.T) {
	t.Parallel()
	c := client(shared)
	base := shared.Endpoints().Brreg
	orgnrs := func(m map[string]any, collection string) []string {
		emb, ok := m["_embedded"].(map[string]any)
		if !ok {
			return nil
		}
		var out []string
		for _, u := range emb[collection].([]any) {
			out = append(out, u.(map[string]any)["organisasjonsnummer"].(string))
		}
		return out
	}
	tests := []struct {
		name  string
		query string
		sub   bool
		want  []string
		total int
	}{
		{name: "navn, case-insensitive", query: "navn=SolStrand", want: []string{"310165352", "310191493", world.RichestOrgNr}, total: 3},
		{name: "organisasjonsnummer list", query: "organisasjonsnummer=" + world.RichestOrgNr + "," + world.FirmOrgNr, want: []string{world.RichestOrgNr, world.FirmOrgNr}, total: 2},
		{name: "deleted units are left out", query: "organisasjonsnummer=" + world.DeletedOrgNr + "," + world.RemovedOrgNr, total: 0},
		{name: "organisasjonsform list", query: "organisasjonsform=ENK,NUF", want: []string{"310217638", world.NUFOrgNr}, total: 2},
		{name: "naeringskode prefix", query: "naeringskode=69.2", want: []string{world.FirmOrgNr, world.AuditorOrgNr}, total: 2},
		{name: "kommunenummer", query: "kommunenummer=1804", want: []string{world.ForcedDissolutionOrgNr, "310609730"}, total: 2},
		{name: "konkurs", query: "konkurs=true", want: []string{world.BankruptOrgNr}, total: 1},
		{name: "underAvvikling", query: "underAvvikling=true", want: []string{world.LiquidationOrgNr}, total: 1},
		{name: "overordnetEnhet of a main unit", query: "overordnetEnhet=" + world.RegisteredByOrgNr, want: []string{world.RegistrationUnitOrgNr}, total: 1},
		{name: "sub-units of a unit", query: "overordnetEnhet=" + world.RichestOrgNr, sub: true, want: []string{"310113077", world.SubUnitOrgNr, "310139211"}, total: 3},
		{name: "sub-units by navn", query: "navn=bakeri", sub: true, want: []string{"310479039"}, total: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			collection := "enheter"
			if tt.sub {
				collection = "underenheter"
			}
			status, _, m := getJSON(t, c, base+"/"+collection+"?"+tt.query)
			if status != 200 {
				t.Fatalf("status %d: %v", status, m)
			}
			if got := orgnrs(m, collection); !slices.Equal(got, tt.want) {
				t.Errorf("hits %v, want %v", got, tt.want)
			}
			if got := objectAt(t, m, "page")["totalElements"]; got != float64(tt.total) {
				t.Errorf("totalElements %v, want %d", got, tt.total)
			}
			if tt.total == 0 {
				if _, ok := m["_embedded"]; ok {
					t.Error("_embedded present with no hits")
				}
				if links := sortedKeys(objectAt(t, m, "_links")); !slices.Equal(links, []string{"self"}) {
					t.Errorf("links %v, want only self", links)
				}
			}
		})
	}
}

func TestBrregSearchPaging(t *testing.T) {
	t.Parallel()
	c := client(shared)
	base := shared.Endpoints().Brreg
	href := func(m map[string]any, rel string) string {
		l, ok := m["_links"].(map[string]any)[rel].(map[string]any)
		if !ok {
			return ""
		}
		return l["href"].(string)
	}
	page := func(n string) string { return base + "/enheter?navn=fjord&page=" + n + "&size=2" }

	// "fjord" matches seven main units: four pages of two.
	_, _, m := getJSON(t, c, base+"/enheter?navn=fjord&size=2")
	if got := objectAt(t, m, "page"); got["size"] != 2.0 || got["totalElements"] != 7.0 || got["totalPages"] != 4.0 || got["number"] != 0.0 {
		t.Errorf("page %v", got)
	}
	want := map[string]string{"self": base + "/enheter?navn=fjord&size=2", "first": page("0"), "next": page("1"), "last": page("3"), "prev": ""}
	for rel, w := range want {
		if got := href(m, rel); got != w {
			t.Errorf("page 0 %s: %q, want %q", rel, got, w)
		}
	}
	seen := map[string]bool{}
	next := href(m, "next")
	for _, u := range m["_embedded"].(map[string]any)["enheter"].([]any) {
		seen[u.(map[string]any)["organisasjonsnummer"].(string)] = true
	}
	for next != "" {
		_, _, m = getJSON(t, c, next)
		for _, u := range m["_embedded"].(map[string]any)["enheter"].([]any) {
			n := u.(map[string]any)["organisasjonsnummer"].(string)
			if seen[n] {
				t.Errorf("%s on two pages", n)
			}
			seen[n] = true
		}
		if href(m, "prev") == "" || href(m, "first") != page("0") {
			t.Errorf("page %v: prev %q, first %q", objectAt(t, m, "page")["number"], href(m, "prev"), href(m, "first"))
		}
		next = href(m, "next")
	}
	if len(seen) != 7 {
		t.Errorf("paged through %d units, want 7", len(seen))
	}
	if objectAt(t, m, "page")["number"] != 3.0 || href(m, "prev") != page("2") {
		t.Errorf("last page: %v, prev %q", objectAt(t, m, "page"), href(m, "prev"))
	}

	// The depth limit: page*size ≤ 10000.
	tests := []struct {
		query  string
		status int
	}{
		{"page=500&size=20", 200},
		{"page=501&size=20", 400},
		{"page=1&size=10001", 400},
		{"page=0&size=10000", 200},
		{"page=-1", 400},
		{"size=abc", 400},
		{"size=0", 400},
		{"konkurs=kanskje", 400},
		{"organisasjonsnummer=123", 400},
	}
	for _, tt := range tests {
		status, _, m := getJSON(t, c, base+"/enheter?"+tt.query)
		if status != tt.status {
			t.Errorf("%s: status %d, want %d", tt.query, status, tt.status)
		}
		if status == 400 && !slices.Equal(sortedKeys(m), springKeys) {
			t.Errorf("%s: error body %v", tt.query, m)
		}
	}
	// Beyond the last page: no hits, but the page is still described.
	_, _, m = getJSON(t, c, base+"/enheter?navn=fjord&page=10&size=2")
	if _, ok := m["_embedded"]; ok || objectAt(t, m, "page")["totalElements"] != 7.0 {
		t.Errorf("beyond the last page: %v", m)
	}
}
