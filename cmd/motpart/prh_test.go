package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestFinnishLookupCommand runs `motpart lookup 0116297-6` end to end:
// the sandbox's PRH answers and the dossier is printed and saved.
func TestFinnishLookupCommand(t *testing.T) {
	c := newAMLEnv(t)
	tests := []struct {
		number string
		want   []string
	}{
		{world.FIShowcaseYTunnus, []string{"0116297-6", "Kuusiston Kone Oy", "Source prh:", "found", "Osakeyhtiö (16)",
			"Teollisuuskatu 21, 00510 HELSINKI", "EU ID:", "FIFPRO.0116297-6", "Website:", "www.kuusistonkone.example.fi",
			"Kuusisto Maskin Ab (parallel name, since 1995-09-01)", "28220"}},
		{world.FIBankruptYTunnus, []string{"Lapin Rakennus Oy", "bankrupt", "Situation:", "bankruptcy since 2025-11-20", "restructuring 2024-03-01 – 2025-06-30"}},
		{world.FIRenamedYTunnus, []string{"Tunturi Data Oy", "Pohjolan Ohjelmisto Oy (name, 2016-01-11 – 2019-08-31)"}},
	}
	for _, tt := range tests {
		code, out, errOut := c.run("", "lookup", tt.number)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s %s", tt.number, code, out, errOut)
		}
		for _, want := range tt.want {
			if !strings.Contains(out, want) {
				t.Errorf("the dossier of %s lacks %q:\n%s", tt.number, want, out)
			}
		}
	}
	code, out, _ := c.run("", "lookup", "--json", "01162976")
	var dos dossier.Dossier
	if code != exitOK || json.Unmarshal([]byte(out), &dos) != nil || dos.Company == nil || dos.Company.Finnish == nil || dos.Company.Finnish.EUID != "FIFPRO.0116297-6" {
		t.Errorf("--json: %d %s", code, out)
	}
}
