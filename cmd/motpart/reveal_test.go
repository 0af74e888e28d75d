package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// jsonIdentities lists the identity numbers of a dossier printed as JSON.
func jsonIdentities(t *testing.T, out string) []string {
	t.Helper()
	var dos dossier.Dossier
	if err := json.Unmarshal([]byte(out), &dos); err != nil {
		t.Fatalf("not a dossier: %v\n%s", err, out)
	}
	var ids []string
	for _, r := range dos.Roles {
		if r.Person != nil && r.Person.NationalID != "" {
			ids = append(ids, r.Person.NationalID)
		}
	}
	if dos.Owners != nil {
		for _, o := range dos.Owners.Owners {
			if o.NationalID != "" {
				ids = append(ids, o.NationalID)
			}
		}
	}
	return ids
}

// auditReveals counts the "reveal" entries in the vault's audit log.
func auditReveals(t *testing.T, c *cliEnv) int {
	t.Helper()
	code, out, errOut := c.run("", "vault", "audit", "--json")
	if code != 0 {
		t.Fatalf("vault audit: %d %s", code, errOut)
	}
	var log struct {
		Entries []struct{ Action, Subject string }
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range log.Entries {
		if e.Action == "reveal" {
			if e.Subject != world.RichestOrgNr {
				t.Errorf("a reveal entry about %q", e.Subject)
			}
			n++
		}
	}
	return n
}

func TestLookupReveal(t *testing.T) {
	c := newCLIEnv(t)
	if code, _, errOut := c.run("pw-for-vault\npw-for-vault\n", "vault", "init"); code != 0 {
		t.Fatal(errOut)
	}
	c.env["MOTPART_PASSWORD"] = "pw-for-vault"
	tests := []struct {
		args    []string
		whole   bool
		reveals int // per identity number shown
	}{
		{[]string{"lookup", "--json", world.RichestOrgNr}, false, 0},
		{[]string{"lookup", "--json", "--reveal", world.RichestOrgNr}, true, 1},
		{[]string{"lookup", "--reveal", world.RichestOrgNr}, true, 1},
		{[]string{"lookup", world.RichestOrgNr}, false, 0},
	}
	var shown int      // identity numbers in the JSON of the first lookup
	var whole []string // the numbers as --reveal prints them
	for _, tt := range tests {
		before := auditReveals(t, c)
		code, out, errOut := c.run("", tt.args...)
		if code != 0 {
			t.Fatalf("%v: %d %s", tt.args, code, errOut)
		}
		var ids []string
		if tt.args[1] == "--json" {
			ids = jsonIdentities(t, out)
			if shown == 0 {
				shown = len(ids)
			}
			if len(ids) != shown || shown == 0 {
				t.Fatalf("%v: %d identity numbers in the JSON, want %d (and some)", tt.args, len(ids), shown)
			}
		}
		for _, id := range ids {
			if isWhole := len(id) == 11 && !strings.Contains(id, "*"); isWhole != tt.whole {
				t.Errorf("%v: identity number %q, want whole %v", tt.args, id, tt.whole)
			}
		}
		if tt.whole && len(ids) > 0 {
			whole = ids
		}
		if tt.args[1] != "--json" && !tt.whole {
			// The text never shows a number whole without --reveal.
			for _, id := range whole {
				if strings.Contains(out, id) {
					t.Errorf("%v: the text shows %s whole:\n%s", tt.args, id, out)
				}
			}
		}
		if got, want := auditReveals(t, c)-before, tt.reveals*shown; got != want {
			t.Errorf("%v: %d reveal entries, want %d", tt.args, got, want)
		}
	}
}
