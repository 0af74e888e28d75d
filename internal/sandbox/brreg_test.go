package sandbox

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/sandbox/brreg"
	"github.com/motpart/motpart/internal/sandbox/world"
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
