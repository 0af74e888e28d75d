package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestSearchCommand searches the sandbox's Enhetsregisteret over TLS.
func TestSearchCommand(t *testing.T) {
	c := newCLIEnv(t)
	if code, _, errOut := c.run("pw-for-vault\npw-for-vault\n", "vault", "init"); code != 0 {
		t.Fatal(errOut)
	}
	c.env["MOTPART_PASSWORD"] = "pw-for-vault"

	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string // in stdout
		wantErr  string   // in stderr
	}{
		{"a table", []string{"search", "solstrand"}, 0,
			[]string{"NUMBER", "MUNICIPALITY", world.RichestOrgNr + "  SOLSTRAND INDUSTRIER ASA", world.SubUnitOrgNr, "sub-unit of " + world.RichestOrgNr}, ""},
		{"words and flags after them", []string{"search", "stormkast", "media", "--env", "sandbox"}, 0,
			[]string{world.BankruptOrgNr, "STORMKAST MEDIA AS", "bankrupt"}, ""},
		{"no hits", []string{"search", "zzqqxx", "ingen"}, 1, nil, "no company with this name was found"},
		{"too short", []string{"search", "s"}, 1, nil, "at least two letters"},
		{"no name", []string{"search"}, 2, nil, "usage: motpart"},
		{"a bad environment", []string{"search", "--env", "staging", "solstrand"}, 2, nil, "staging"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := c.run("", tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.wantCode, out, errOut)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out, w) {
					t.Errorf("no %q in\n%s", w, out)
				}
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr %q, want %q", errOut, tt.wantErr)
			}
		})
	}

	code, out, errOut := c.run("", "search", "--json", "solstrand")
	if code != 0 {
		t.Fatalf("search --json: %d %s", code, errOut)
	}
	var res dossier.SearchResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not a search result: %v\n%s", err, out)
	}
	var rich *dossier.SearchHit
	for i, h := range res.Hits {
		if h.Number == world.RichestOrgNr {
			rich = &res.Hits[i]
		}
	}
	if res.Name != "solstrand" || res.Total < len(res.Hits) || rich == nil || rich.Name != "SOLSTRAND INDUSTRIER ASA" || rich.Form.Code != "ASA" || rich.SubUnit {
		t.Errorf("result %+v", res)
	}
	code, out, _ = c.run("", "search", "--json", "zzqqxx")
	if err := json.Unmarshal([]byte(out), &res); code != 1 || err != nil || res.Hits == nil || len(res.Hits) != 0 {
		t.Errorf("no hits as JSON: %d %v %q", code, err, out)
	}

	// A register that cannot be reached is said to be so, not "no hits".
	c.env["MOTPART_BRREG_URL"] = "https://127.0.0.1:1/enhetsregisteret/api"
	code, _, errOut = c.run("", "search", "solstrand")
	if code != 1 || !strings.Contains(errOut, "[unreachable]") || strings.Contains(errOut, "no company") {
		t.Errorf("unreachable register: %d %q", code, errOut)
	}
}
