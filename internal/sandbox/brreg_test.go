package sandbox

import (
	"encoding/json"
	"github.com/motpart/motpart/internal/sandbox/brreg"
	"github.com/motpart/motpart/internal/sandbox/world"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// springKeys are the members of every error body.
var springKeys = []string{"error", "message", "path", "status", "timestamp"}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestBrregUnits(t *testing.T) {
	t.Parallel()
	c := client(shared)
	base := shared.Endpoints().Brreg
	tests := []struct {
		name     string
		path     string
		status   int
		keys     []string // exact key set, if set
		has      []string // keys that must be present
		hasNot   []string // keys that must be absent
		navn     string
		checkSub bool
	}{
		{name: "normal unit", path: "/enheter/" + world.RichestOrgNr, status: 200, navn: "SOLSTRAND INDUSTRIER ASA",
			has: []string{"organisasjonsform", "postadresse", "forretningsadresse", "naeringskode1", "naeringskode2", "naeringskode3",
				"institusjonellSektorkode", "kapital", "vedtektsfestetFormaal", "hjemmeside", "epostadresse", "telefon", "mobil", "_links"},
			hasNot: []string{"slettedato", "overordnetEnhet"}},
		{name: "deleted unit, minimal body", path: "/enheter/" + world.DeletedOrgNr, status: 200, navn: "GAMLEVEIEN TRANSPORT AS",
			keys: []string{"_links", "navn", "organisasjonsform", "organisasjonsnummer", "slettedato"}},
		{name: "deleted as duplicate, minimal body", path: "/enheter/" + world.DuplicateOrgNr, status: 200,
			keys: []string{"_links", "navn", "organisasjonsform", "organisasjonsnummer", "slettedato"}},
		{name: "unknown", path: "/enheter/" + world.NeverCreatedOrgNr, status: 404, keys: springKeys},
		{name: "malformed: too short", path: "/enheter/12345", status: 400, keys: springKeys},
		{name: "malformed: letters", path: "/enheter/31111111A", status: 400, keys: springKeys},
		{name: "malformed: check digit", path: "/enheter/311111117", status: 400, keys: springKeys},
		{name: "removed", path: "/enheter/" + world.RemovedOrgNr, status: 410, keys: springKeys},
		{name: "sub-unit at /enheter", path: "/enheter/" + world.SubUnitOrgNr, status: 404, keys: springKeys},
		{name: "sub-unit", path: "/underenheter/" + world.SubUnitOrgNr, status: 200, navn: "SOLSTRAND INDUSTRIER ASA AVD OSLO", checkSub: true,
			has: []string{"overordnetEnhet", "beliggenhetsadresse", "oppstartsdato", "naeringskode1"}, hasNot: []string{"slettedato", "forretningsadresse"}},
		{name: "deleted sub-unit, minimal body", path: "/underenheter/" + world.DeletedSubUnitOrgNr, status: 200,
			keys: []string{"_links", "navn", "nedleggelsesdato", "organisasjonsform", "organisasjonsnummer", "slettedato"}},
		{name: "main unit at /underenheter", path: "/underenheter/" + world.RichestOrgNr, status: 404, keys: springKeys},
		{name: "unknown sub-unit", path: "/underenheter/" + world.NeverCreatedOrgNr, status: 404, keys: springKeys},
		{name: "malformed sub-unit", path: "/underenheter/12345", status: 400, keys: springKeys},
		{name: "organisasjonsledd has overordnetEnhet", path: "/enheter/" + world.RegistrationUnitOrgNr, status: 200, has: []string{"overordnetEnhet"}},
		{name: "bankrupt", path: "/enheter/" + world.BankruptOrgNr, status: 200, has: []string{"konkurs", "konkursdato"}},
		{name: "unknown path", path: "/finnesikke", status: 404, keys: springKeys},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			status, h, m := getJSON(t, c, base+tt.path)
			if status != tt.status {
				t.Fatalf("status %d, want %d: %v", status, tt.status, m)
			}
			if ct := h.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			if tt.keys != nil {
				if got := sortedKeys(m); !slices.Equal(got, tt.keys) {
					t.Errorf("keys %v, want %v", got, tt.keys)
				}
			}
			for _, k := range tt.has {
				if _, ok := m[k]; !ok {
					t.Errorf("no %q", k)
				}
			}
			for _, k := range tt.hasNot {
				if _, ok := m[k]; ok {
					t.Errorf("has %q", k)
				}
			}
			if tt.navn != "" && m["navn"] != tt.navn {
				t.Errorf("navn %v, want %s", m["navn"], tt.navn)
			}
			if status >= 400 {
				if m["status"] != float64(status) || m["error"] != http.StatusText(status) || m["path"] != "/enhetsregisteret/api"+tt.path {
					t.Errorf("error body %v", m)
				}
				return
			}
			self := objectAt(t, m, "_links", "self")["href"]
			if self != base+tt.path {
				t.Errorf("self %v, want %s", self, base+tt.path)
			}
			if tt.checkSub {
				parent := objectAt(t, m, "_links", "overordnetEnhet")["href"]
				if parent != base+"/enheter/"+world.RichestOrgNr {
					t.Errorf("overordnetEnhet link %v", parent)
				}
			}
		})
	}
}

func TestBrregUnitValues(t *testing.T) {
	t.Parallel()
	c := client(shared)
	base := shared.Endpoints().Brreg
	_, _, m := getJSON(t, c, base+"/enheter/"+world.RichestOrgNr)
	if got := objectAt(t, m, "organisasjonsform")["kode"]; got != "ASA" {
		t.Errorf("organisasjonsform %v", got)
	}
	if got := objectAt(t, m, "naeringskode3")["kode"]; got != "25.110" {
		t.Errorf("naeringskode3 %v", got)
	}
	if got := objectAt(t, m, "kapital")["belop"]; got != 1e7 {
		t.Errorf("kapital %v", got)
	}
	if got := objectAt(t, m, "forretningsadresse")["kommunenummer"]; got != "1508" {
		t.Errorf("kommunenummer %v", got)
	}
	// An address with "" and null lines, as the live service sends.
	_, _, m = getJSON(t, c, base+"/enheter/310465968")
	lines, _ := objectAt(t, m, "forretningsadresse")["adresse"].([]any)
	if len(lines) != 3 || lines[1] != "" || lines[2] != nil {
		t.Errorf("adresse %#v, want a line, \"\" and null", lines)
	}
	if _, ok := m["postadresse"]; ok {
		t.Error("postadresse present for a unit without one")
	}
	// antallAnsatte is left out when none are registered.
	_, _, m = getJSON(t, c, base+"/underenheter/310139211")
	if _, ok := m["antallAnsatte"]; ok || m["harRegistrertAntallAnsatte"] != false {
		t.Errorf("antallAnsatte %v, harRegistrertAntallAnsatte %v", m["antallAnsatte"], m["harRegistrertAntallAnsatte"])
	}
}

func TestBrregContentNegotiation(t *testing.T) {
	t.Parallel()
	c := client(shared)
	base := shared.Endpoints().Brreg
	tests := []struct {
		path, accept string
		status       int
		ct           string
	}{
		{"/enheter/" + world.RichestOrgNr, "", 200, "application/json"},
		{"/enheter/" + world.RichestOrgNr, "application/json", 200, "application/json"},
		{"/enheter/" + world.RichestOrgNr, brreg.MediaEnhet + ";charset=UTF-8", 200, brreg.MediaEnhet + ";charset=UTF-8"},
		{"/enheter?navn=fjord", brreg.MediaEnhet, 200, brreg.MediaEnhet + ";charset=UTF-8"},
		{"/underenheter/" + world.SubUnitOrgNr, brreg.MediaUnderenhet, 200, brreg.MediaUnderenhet + ";charset=UTF-8"},
		{"/enheter/" + world.RichestOrgNr + "/roller", brreg.MediaRolle, 200, brreg.MediaRolle + ";charset=UTF-8"},
		{"/enheter/" + world.RichestOrgNr, brreg.MediaUnderenhet, 406, "application/json"},
		{"/enheter/" + world.RichestOrgNr, "text/html", 406, "application/json"},
		{"/enheter/" + world.RichestOrgNr, "text/html, */*;q=0.8", 200, "application/json"},
	}
	for _, tt := range tests {
		status, h, _ := get(t, c, base+tt.path, "Accept", tt.accept)
		if status != tt.status || h.Get("Content-Type") != tt.ct {
			t.Errorf("GET %s Accept %q: %d %q, want %d %q", tt.path, tt.accept, status, h.Get("Content-Type"), tt.status, tt.ct)
		}
	}
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, base+"/enheter", nil)
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", resp.StatusCode)
	}
}

func TestBrregRoles(t *testing.T) {
	t.Parallel()
	c := client(shared)
	base := shared.Endpoints().Brreg

	status, _, m := getJSON(t, c, base+"/enheter/"+world.RichestOrgNr+"/roller")
	if status != 200 {
		t.Fatalf("status %d", status)
	}
	if got := objectAt(t, m, "_links", "enhet")["href"]; got != base+"/enheter/"+world.RichestOrgNr {
		t.Errorf("enhet link %v", got)
	}
	groups := map[string]map[string]any{}
	for _, g := range m["rollegrupper"].([]any) {
		g := g.(map[string]any)
		groups[objectAt(t, g, "type")["kode"].(string)] = g
	}
	for _, want := range []string{"DAGL", "STYR", "KONT", "REVI", "REGN"} {
		if groups[want] == nil {
			t.Errorf("no role group %s (have %v)", want, sortedKeys(anyMap(groups)))
		}
	}
	board := groups["STYR"]["roller"].([]any)
	var employeeRep, resigned, dnr map[string]any
	for _, r := range board {
		r := r.(map[string]any)
		p := objectAt(t, r, "person")
		switch objectAt(t, p, "navn")["etternavn"] {
		case "Årdal":
			employeeRep = r
		case "Kvam":
			resigned = r
		case "Ödegaard":
			dnr = p
		}
		if _, ok := p["fodselsnr"]; ok {
			t.Error("the open API must not show national identity numbers")
		}
	}
	if employeeRep == nil || objectAt(t, employeeRep, "valgtAv")["kode"] != "AREP" {
		t.Errorf("employee representative: %v", employeeRep)
	}
	if resigned == nil || resigned["fratraadt"] != true {
		t.Errorf("resigned member: %v", resigned)
	}
	if dnr == nil || dnr["fodselsdato"] != "1976-10-03" {
		t.Errorf("D-nummer holder's fodselsdato: %v", dnr)
	}
	revi := objectAt(t, groups["REVI"], "roller", 0, "enhet")
	if revi["organisasjonsnummer"] != world.AuditorOrgNr {
		t.Errorf("auditor %v", revi)
	}
	if names, ok := revi["navn"].([]any); !ok || len(names) != 1 || names[0] != "NORDKAPP REVISJON AS" {
		t.Errorf("enhet.navn must be an array of name lines: %#v", revi["navn"])
	}

	// DTPR held by units, with ansvarsandel.
	_, _, m = getJSON(t, c, base+"/enheter/"+world.PartnershipDAOrgNr+"/roller")
	var dtpr []map[string]any
	for _, g := range m["rollegrupper"].([]any) {
		for _, r := range g.(map[string]any)["roller"].([]any) {
			if r := r.(map[string]any); objectAt(t, r, "type")["kode"] == "DTPR" {
				dtpr = append(dtpr, r)
			}
		}
	}
	if len(dtpr) != 2 || dtpr[0]["ansvarsandel"] != "50%" || objectAt(t, dtpr[1], "enhet")["organisasjonsnummer"] != world.CrossHoldingBOrgNr {
		t.Errorf("DTPR roles: %v", dtpr)
	}

	// A dead person.
	_, _, m = getJSON(t, c, base+"/enheter/316666663/roller")
	dead := false
	for _, g := range m["rollegrupper"].([]any) {
		for _, r := range g.(map[string]any)["roller"].([]any) {
			if p, ok := r.(map[string]any)["person"].(map[string]any); ok && p["erDoed"] == true {
				dead = true
			}
		}
	}
	if !dead {
		t.Error("no erDoed person in the foundation's roles")
	}

	tests := []struct {
		orgnr  string
		status int
		empty  bool
	}{
		{world.NoRolesOrgNr, 200, true},
		{world.DeletedOrgNr, 200, true},
		{world.NeverCreatedOrgNr, 404, false},
		{world.SubUnitOrgNr, 404, false},
		{world.RemovedOrgNr, 410, false},
		{"31111111", 400, false},
	}
	for _, tt := range tests {
		status, _, m := getJSON(t, c, base+"/enheter/"+tt.orgnr+"/roller")
		if status != tt.status {
			t.Errorf("%s roles: status %d, want %d", tt.orgnr, status, tt.status)
			continue
		}
		if tt.empty {
			if g, ok := m["rollegrupper"].([]any); !ok || len(g) != 0 {
				t.Errorf("%s roles: %v, want rollegrupper []", tt.orgnr, m["rollegrupper"])
			}
			if got := objectAt(t, m, "_links", "self")["href"]; got != base+"/enheter/"+tt.orgnr+"/roller" {
				t.Errorf("self %v", got)
			}
		}
	}
}

func anyMap[V any](m map[string]V) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

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

func TestBrregCodeLists(t *testing.T) {
	t.Parallel()
	c := client(shared)
	base := shared.Endpoints().Brreg
	// Every href the simulator hands out resolves on the simulator.
	_, _, m := getJSON(t, c, base+"/enheter/"+world.RichestOrgNr+"/roller")
	var hrefs []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if h, ok := v["href"].(string); ok {
				hrefs = append(hrefs, h)
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(m)
	slices.Sort(hrefs)
	hrefs = slices.Compact(hrefs)
	if len(hrefs) < 10 {
		t.Fatalf("only %d hrefs", len(hrefs))
	}
	for _, h := range hrefs {
		if !strings.HasPrefix(h, base+"/") {
			t.Errorf("%s is not under the simulator's base", h)
			continue
		}
		if _, err := url.Parse(h); err != nil {
			t.Errorf("%s: %v", h, err)
		}
		if status, _, _ := get(t, c, h); status != 200 {
			t.Errorf("GET %s: %d", h, status)
		}
	}
	if status, _, _ := get(t, c, base+"/organisasjonsformer/XYZ"); status != 404 {
		t.Errorf("unknown code: %d", status)
	}
}

func TestBrregChecksum404(t *testing.T) {
	t.Parallel()
	s := start(t, Config{BrregChecksum404: true})
	status, _, _ := get(t, client(s), s.Endpoints().Brreg+"/enheter/311111117")
	if status != 404 {
		t.Errorf("bad check digit with BrregChecksum404: %d, want 404", status)
	}
}
