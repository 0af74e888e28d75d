package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	sandboxscb "github.com/motpart/motpart/internal/sandbox/scb"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// worldSectorZip writes the sandbox world's sector file, as SCB sends it.
func worldSectorZip(t *testing.T, path string) {
	t.Helper()
	w, err := world.New()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := func(yield func(*sandboxscb.SectorRow) bool) {
		for _, c := range w.SECompanies() {
			r := sandboxscb.WorldRow(&c)
			if !yield(&r) {
				return
			}
		}
	}
	if err := sandboxscb.WriteSectorZip(f, sandboxscb.VariantStandard, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), rows); err != nil {
		t.Fatal(err)
	}
}

func TestSCBLookupCommand(t *testing.T) {
	c := newAMLEnv(t)
	code, out, errOut := c.run("", "lookup", world.SEOrgNr)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"556677-8899", "Norrsken Kapital AB", "Source scb:", "found", "PeOrgNr:", "165566778899", "Owner category:", "Seat:"} {
		if !strings.Contains(out, want) {
			t.Errorf("the dossier lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = c.run("", "lookup", "--json", "5566778899")
	var dos dossier.Dossier
	if code != exitOK || json.Unmarshal([]byte(out), &dos) != nil || dos.Company == nil || dos.Company.Swedish == nil || dos.Company.Swedish.OwnerCategory.Code == "" {
		t.Errorf("--json: %d %s", code, out)
	}
}

func TestSCBSectorFileAndClassifyCommands(t *testing.T) {
	c := newAMLEnv(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "kunder.csv")
	customers := "Kund;Organisationsnummer\nNorrsken;556677-8899\nÅsa;" + world.SESoleTraderPNr + "\nFel;556677-8898\n"
	if err := os.WriteFile(in, []byte(customers), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "ut.csv")

	if code, out, _ := c.run("", "scb", "sector-file"); code != exitFailed || !strings.Contains(out, "--refresh") {
		t.Errorf("no copy: %d %q", code, out)
	}
	if code, _, errOut := c.run("", "scb", "classify", in, "--out", out); code != exitFailed || !strings.Contains(errOut, "sector_file_missing") {
		t.Errorf("classify without a copy: %d %q", code, errOut)
	}
	if code, stdout, errOut := c.run("", "scb", "sector-file", "--refresh"); code != exitOK || !strings.Contains(stdout, "units") {
		t.Fatalf("refresh: %d %q %q", code, stdout, errOut)
	}
	code, stdout, _ := c.run("", "scb", "sector-file", "--json")
	var info dossier.SectorFileInfo
	if code != exitOK || json.Unmarshal([]byte(stdout), &info) != nil || info.Rows == 0 || info.Size == 0 {
		t.Errorf("--json: %d %s", code, stdout)
	}

	tests := []struct {
		name string
		args []string
		env  map[string]string // removed from the environment when ""
	}{
		{"the vault's copy", []string{"--out", out, "--json-summary"}, nil},
		{"a named zip, no vault", []string{"--out", filepath.Join(dir, "ut.xlsx"), "--json-summary", "--sector-file", filepath.Join(dir, "sektor.zip")}, map[string]string{"MOTPART_PASSWORD": ""}},
		{"a named column", []string{"--out", filepath.Join(dir, "ut2.csv"), "--json-summary", "--column", "Organisationsnummer"}, nil},
	}
	worldSectorZip(t, filepath.Join(dir, "sektor.zip"))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			saved := map[string]string{}
			for k := range tt.env {
				saved[k] = c.env[k]
				delete(c.env, k)
			}
			defer func() {
				for k, v := range saved {
					c.env[k] = v
				}
			}()
			code, stdout, errOut := c.run("", append([]string{"scb", "classify", in}, tt.args...)...)
			var sum dossier.ClassifySummary
			if code != exitOK || json.Unmarshal([]byte(stdout), &sum) != nil {
				t.Fatalf("exit %d: %s %s", code, stdout, errOut)
			}
			if sum.Rows != 3 || sum.Matched != 1 || sum.SoleTraders != 1 || sum.Invalid != 1 || sum.Column != "Organisationsnummer" {
				t.Errorf("summary %+v", sum)
			}
		})
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(b), "165566778899") || !strings.Contains(string(b), "Norrsken") {
		t.Errorf("the output: %v\n%s", err, b)
	}

	// An existing file is kept without --force; the summary in words.
	if code, _, errOut := c.run("", "scb", "classify", in, "--out", out); code != exitFailed || !strings.Contains(errOut, "--force") {
		t.Errorf("existing output: %d %q", code, errOut)
	}
	code, stdout, errOut := c.run("", "scb", "classify", in, "--out", out, "--force")
	if code != exitOK || !strings.Contains(stdout, "Classified 3 rows") || !strings.Contains(stdout, "Sole traders:") {
		t.Errorf("--force: %d %q %q", code, stdout, errOut)
	}
	if code, _, _ := c.run("", "scb", "classify", in, "--out", out, "--column", "Nope", "--force"); code != exitFailed {
		t.Errorf("a missing column: %d", code)
	}
	for _, args := range [][]string{{"scb"}, {"scb", "classify", in}, {"scb", "classify", in, "--out", in}, {"scb", "classify", in, "--out", out, "--format", "pdf"}, {"scb", "what"}} {
		if code, _, _ := c.run("", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want usage", args, code)
		}
	}
}
