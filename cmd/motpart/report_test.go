package main

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// Usage errors exit 2 before the vault is opened (there is none here).
func TestReportUsage(t *testing.T) {
	c := newCLIEnv(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no number", []string{"report", "--out", "r.pdf"}, "give one organisation number"},
		{"two numbers", []string{"report", world.RichestOrgNr, world.FirmOrgNr, "--out", "r.pdf"}, "give one organisation number"},
		{"no --out", []string{"report", world.RichestOrgNr}, "--out FILE.pdf is needed"},
		{"bad language", []string{"report", world.RichestOrgNr, "--out", "r.pdf", "--lang", "de"}, `--lang "de"`},
		{"same file twice", []string{"report", world.RichestOrgNr, "--out", "r.pdf", "--bundle", "./r.pdf"}, "the same file"},
		{"unknown flag", []string{"report", world.RichestOrgNr, "--out", "r.pdf", "--colour"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := c.run("", tt.args...)
			if code != exitUsage || out != "" || !strings.Contains(errOut, tt.want) || !strings.Contains(errOut, "usage: motpart") {
				t.Errorf("exit %d, stdout %q, stderr %q; want 2 and %q", code, out, errOut, tt.want)
			}
		})
	}
}

func TestEnvLanguage(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, "en"},
		{map[string]string{"LANG": "nb_NO.UTF-8"}, "nb"},
		{map[string]string{"LANG": "no_NO.UTF-8"}, "nb"},
		{map[string]string{"LANGUAGE": "de:sv", "LANG": "fi_FI.UTF-8"}, "sv"},
		{map[string]string{"LANGUAGE": "de", "LANG": "fi_FI.UTF-8"}, "fi"},
		{map[string]string{"LANG": "C.UTF-8"}, "en"},
		{map[string]string{"LANG": "de_DE.UTF-8"}, "en"},
	}
	for _, tt := range tests {
		got := envLanguage(func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok })
		if got != tt.want {
			t.Errorf("envLanguage(%v) = %q, want %q", tt.env, got, tt.want)
		}
	}
}

// pdfTextOf is what pdftotext reads from a PDF; skipped without poppler.
func pdfTextOf(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// End to end against the sandbox: a company looked up and its AML
// documents ordered gets its report in Norwegian, kept in the vault, and
// its bundle; nothing is written over without --force, and a number never
// looked up is explained.
func TestReportCommand(t *testing.T) {
	c := newAMLEnv(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "kyc.pdf")
	bundle := filepath.Join(dir, "kyc.zip")

	if code, _, errOut := c.run("", "report", world.RichestOrgNr, "--out", out); code != exitFailed ||
		!strings.Contains(errOut, "has not been looked up yet") || !strings.Contains(errOut, "motpart lookup "+world.RichestOrgNr) {
		t.Errorf("report before a lookup: exit %d %q", code, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a report was written for a number never looked up")
	}
	if code, _, errOut := c.run("", "lookup", world.RichestOrgNr); code != exitOK {
		t.Fatalf("lookup: %d %s", code, errOut)
	}
	if code, _, errOut := c.run("", "aml", "order", world.RichestOrgNr, "--wait"); code != exitOK {
		t.Fatalf("aml order: %d %s", code, errOut)
	}
	if code, _, errOut := c.run("", "settings", "set", desk.SettingReportFirm, "Revisjon Ærlig AS"); code != exitOK {
		t.Fatalf("settings set: %d %s", code, errOut)
	}

	code, stdout, errOut := c.run("", "report", world.RichestOrgNr, "--out", out, "--lang", "nb", "--bundle", bundle)
	if code != exitOK || !strings.Contains(stdout, "Norwegian") || !strings.Contains(stdout, "KYC bundle") {
		t.Fatalf("report: exit %d\n%s\n%s", code, stdout, errOut)
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(pdf)
	text := pdfTextOf(t, out)
	for _, want := range []string{"SOLSTRAND INDUSTRIER ASA", "Reelle rettighetshavere", "KYC-rapport", "Revisjon Ærlig AS"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Norwegian report does not hold %q", want)
		}
	}

	// The vault keeps it: `aml documents` lists it with the file's SHA-256.
	code, stdout, errOut = c.run("", "aml", "documents", world.RichestOrgNr, "--json")
	if code != exitOK {
		t.Fatalf("aml documents: %d %s", code, errOut)
	}
	var docs []dossier.Document
	if err := json.Unmarshal([]byte(stdout), &docs); err != nil {
		t.Fatal(err)
	}
	var kyc []dossier.Document
	for _, doc := range docs {
		if doc.Kind == dossier.DocumentKYC {
			kyc = append(kyc, doc)
		}
	}
	if len(docs) != 3 || len(kyc) != 1 || kyc[0].SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("documents %+v; the file's SHA-256 %x", docs, sum)
	}

	// The table names no expiry for the report, which has none.
	if code, stdout, _ := c.run("", "aml", "documents", world.RichestOrgNr); code != exitOK || strings.Contains(stdout, "0001-01-01") ||
		!strings.Contains(stdout, "kyc") {
		t.Errorf("aml documents: exit %d\n%s", code, stdout)
	}

	// The bundle holds this report, both AML documents and the manifest.
	z, err := zip.OpenReader(bundle)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	names := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		_ = r.Close()
		names[f.Name] = b
	}
	var m desk.KYCManifest
	if err := json.Unmarshal(names["manifest.json"], &m); err != nil || len(m.Files) != 3 || m.Files[0].Kind != dossier.DocumentKYC || m.Files[0].SHA256 != kyc[0].SHA256 {
		t.Errorf("manifest %+v, %v", m, err)
	}
	if len(names) != 5 || names["manifest.txt"] == nil {
		t.Errorf("the bundle holds %d files", len(names))
	}

	// Nothing is written over without --force; --force writes both again.
	for _, args := range [][]string{
		{"report", world.RichestOrgNr, "--out", out},
		{"report", world.RichestOrgNr, "--out", filepath.Join(dir, "other.pdf"), "--bundle", bundle},
	} {
		if code, _, errOut := c.run("", args...); code != exitFailed || !strings.Contains(errOut, "exists; give --force") {
			t.Errorf("%v: exit %d %q", args, code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "other.pdf")); err == nil {
		t.Error("a refused command wrote its report")
	}
	if code, _, errOut := c.run("", "report", world.RichestOrgNr, "--out", out, "--bundle", bundle, "--force", "--lang", "en"); code != exitOK {
		t.Errorf("--force: exit %d %q", code, errOut)
	}
	if text := pdfTextOf(t, out); !strings.Contains(text, "Beneficial owners") {
		t.Error("--force did not write the English report over the Norwegian one")
	}
}
