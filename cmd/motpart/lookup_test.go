package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/registry/rrh"
	"github.com/motpart/motpart/internal/sandbox/world"
)

func TestLookupAndSettingsCommands(t *testing.T) {
	c := newCLIEnv(t)
	if code, _, errOut := c.run("pw-for-vault\npw-for-vault\n", "vault", "init"); code != 0 {
		t.Fatal(errOut)
	}
	c.env["MOTPART_PASSWORD"] = "pw-for-vault"

	code, out, errOut := c.run("", "lookup", "--json", world.RichestOrgNr)
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
	// Identity numbers leave masked, as on screen.
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
	if len(ids) == 0 {
		t.Error("no identity number in the JSON to check")
	}
	for _, id := range ids {
		if !strings.HasSuffix(id, " *****") || len(id) != len("123456 *****") {
			t.Errorf("identity number %q in the JSON is not masked", id)
		}
	}
	code, out, _ = c.run("", "lookup", world.DuplicateOrgNr)
	if code != 0 || !strings.Contains(out, "FJELLHEIM BYGG AS") || !strings.Contains(out, "see "+world.DuplicateOfOrgNr+" (duplicate)") {
		t.Errorf("lookup of a duplicate: %d\n%s", code, out)
	}
	if !strings.Contains(out, "the register points to "+world.DuplicateOfOrgNr+" FJELLHEIM BYGGSERVICE AS") || strings.Contains(out, "Marit Kvam") {
		t.Errorf("the duplicate's dossier does not keep the correct unit apart:\n%s", out)
	}
	if code, _, errOut := c.run("", "lookup", "923609017"); code != 1 || !strings.Contains(errOut, "not a valid organisation number") {
		t.Errorf("lookup of a bad number: %d %q", code, errOut)
	}
	if code, _, _ := c.run("", "lookup", "--env", "staging", world.RichestOrgNr); code != 2 {
		t.Errorf("--env staging: %d, want 2", code)
	}

	// A register that cannot be reached fails its source, and the status says so.
	c.env["MOTPART_BRREG_URL"] = "https://127.0.0.1:1/enhetsregisteret/api"
	code, out, _ = c.run("", "lookup", world.RichestOrgNr)
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

func TestLookupFromTheOfflineCopy(t *testing.T) {
	c := newCLIEnv(t)
	if code, _, errOut := c.run("pw-for-vault\npw-for-vault\n", "vault", "init"); code != 0 {
		t.Fatal(errOut)
	}
	c.env["MOTPART_PASSWORD"] = "pw-for-vault"
	path := filepath.Join(t.TempDir(), "totalbestand.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := rrh.GenerateTotal(f, 50, 3); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, out, errOut := c.run("", "rrh", "import", "--date", "2026-11-20", path)
	if code != 0 || !strings.Contains(out, "Imported the copy of 2026-11-20: 50 organisations") {
		t.Fatalf("rrh import: %d %q %q", code, out, errOut)
	}
	var number string
	_, _ = rrh.ReadTotalStream(mustOpenFile(t, path), rrh.Detect, func(o *dossier.Owners) error {
		if number == "" && len(o.Owners) > 0 {
			number = o.Number
		}
		return nil
	})

	// The register cannot be reached: the owners come from the copy.
	c.env["MOTPART_RRH_URL"] = "https://127.0.0.1:1"
	code, out, _ = c.run("", "lookup", "--json", number)
	var dos dossier.Dossier
	if err := json.Unmarshal([]byte(out), &dos); err != nil {
		t.Fatalf("lookup: %d, %v\n%s", code, err, out)
	}
	if dos.Owners == nil || len(dos.Owners.Owners) == 0 || dos.Owners.Source != "offline" || dos.Owners.CopyDate != "2026-11-20" {
		t.Errorf("owners %+v", dos.Owners)
	}
	offline := false
	for _, s := range dos.Sources {
		offline = offline || (s.ID == "rrh" && s.Status == dossier.StatusOffline && s.Date == "2026-11-20")
	}
	if !offline {
		t.Errorf("sources %+v do not say the owners came from the copy", dos.Sources)
	}
	if code, _, errOut := c.run("", "rrh", "import", "/nonexistent.zip"); code != 1 || !strings.Contains(errOut, "rrh import") {
		t.Errorf("import of a missing file: %d %q", code, errOut)
	}
}

func mustOpenFile(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
