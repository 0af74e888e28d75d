package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/sandbox"
)

func TestLookupAndSettingsCommands(t *testing.T) {
	c := newCLIEnv(t)
	if code, _, errOut := c.run("pw-for-vault\npw-for-vault\n", "vault", "init"); code != 0 {
		t.Fatal(errOut)
	}
	c.env["MOTPART_PASSWORD"] = "pw-for-vault"

	code, out, errOut := c.run("", "lookup", "--json", sandbox.RichestOrgNr)
	if code != 0 {
		t.Fatalf("lookup: %d %s", code, errOut)
	}
	var dos dossier.Dossier
	if err := json.Unmarshal([]byte(out), &dos); err != nil {
		t.Fatalf("not a dossier: %v\n%s", err, out)
	}
	if dos.Company == nil || dos.Company.Name != "SOLSTRAND INDUSTRIER ASA" || len(dos.Roles) == 0 || len(dos.Sources) != 3 || dos.Owners == nil || len(dos.Owners.Owners) == 0 {
		t.Errorf("dossier %+v", dos)
	}
	code, out, _ = c.run("", "lookup", sandbox.DuplicateOrgNr)
	if code != 0 || !strings.Contains(out, "FJELLHEIM BYGG AS") || !strings.Contains(out, "see "+sandbox.DuplicateOfOrgNr+" (duplicate)") {
		t.Errorf("lookup of a duplicate: %d\n%s", code, out)
	}
	if code, _, errOut := c.run("", "lookup", "923609017"); code != 1 || !strings.Contains(errOut, "not a valid organisation number") {
		t.Errorf("lookup of a bad number: %d %q", code, errOut)
	}
	if code, _, _ := c.run("", "lookup", "--env", "staging", sandbox.RichestOrgNr); code != 2 {
		t.Errorf("--env staging: %d, want 2", code)
	}

	// A register that cannot be reached fails its source, and the status says so.
	c.env["MOTPART_BRREG_URL"] = "https://127.0.0.1:1/enhetsregisteret/api"
	code, out, _ = c.run("", "lookup", sandbox.RichestOrgNr)
	if code != 1 || !strings.Contains(out, "Source brreg:") || !strings.Contains(out, "INCOMPLETE") {
		t.Errorf("unreachable register: %d\n%s", code, out)
	}
	delete(c.env, "MOTPART_BRREG_URL")

	if code, out, _ := c.run("", "settings", "set", "grunndata.password", "hemmelig-123"); code != 0 || !strings.Contains(out, "Set grunndata.password") {
		t.Errorf("settings set: %d %q", code, out)
	}
	if code, out, _ := c.run("", "settings", "get", "grunndata.password"); code != 0 || strings.TrimSpace(out) != "(set)" {
		t.Errorf("settings get of a secret: %d %q", code, out)
	}
	code, out, _ = c.run("", "settings", "list")
	if code != 0 || strings.Contains(out, "hemmelig") || !strings.Contains(out, "grunndata.userid") {
		t.Errorf("settings list: %d\n%s", code, out)
	}
	if code, _, errOut := c.run("", "settings", "set", "environment", "staging"); code != 1 || !strings.Contains(errOut, "staging") {
		t.Errorf("bad environment: %d %q", code, errOut)
	}
	if code, _, _ := c.run("", "settings", "set", "nonsense", "x"); code != 1 {
		t.Errorf("unknown setting: %d", code)
	}
}
