package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/portfolio"
)

// newClientsCLI returns a CLI environment with a vault.
func newClientsCLI(t *testing.T) *cliEnv {
	t.Helper()
	c := newCLIEnv(t)
	if code, _, errOut := c.run("pw-for-vault\npw-for-vault\n", "vault", "init"); code != 0 {
		t.Fatal(errOut)
	}
	c.env["MOTPART_PASSWORD"] = "pw-for-vault"
	return c
}

func TestClientsImportListRemove(t *testing.T) {
	c := newClientsCLI(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "kunder.csv")
	data := "\xEF\xBB\xBFFirma;Org.nr;Kundnummer;Ansvarlig\r\nA;923609016;K-1;Kari\r\nB;974760673;K-2;Ola\r\nC;923609017;K-3;\r\nD;923609016;K-4;\r\n"
	if err := os.WriteFile(in, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := c.run("", "clients", "import", in)
	if code != 1 {
		t.Fatalf("import with an invalid row: exit %d, want 1; %s %s", code, out, errOut)
	}
	for _, l := range []string{
		`LINE +OUTCOME +NUMBER +VALUE +REASON`,
		`2 +added +923609016 +923609016`,
		`3 +added +974760673 +974760673`,
		`4 +invalid +- +923609017 +Norwegian organisation number: the check digit is wrong`,
		`5 +duplicate +923609016 +923609016`,
		`Added 2, already clients 0, duplicates in the file 1, invalid 1, empty 0\.`,
	} {
		if !regexp.MustCompile(`(?m)^` + l + ` *$`).MatchString(out) {
			t.Errorf("import: no line matches %q in:\n%s", l, out)
		}
	}
	// Again, as JSON, the number column named by its number: all there.
	code, out, errOut = c.run("", "clients", "import", "--json", "--column", "2", in)
	var rep portfolio.ImportReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 1 || rep.Existing != 2 || rep.Added != 0 || len(rep.Rows) != 4 {
		t.Fatalf("import --json: %d %v %+v %s", code, err, rep, errOut)
	}
	if code, _, errOut := c.run("", "clients", "import", "--column", "Nope", in); code != exitUsage || !strings.Contains(errOut, "Org.nr") {
		t.Errorf("a column not there: %d %q", code, errOut)
	}

	code, out, _ = c.run("", "clients", "list", "--json")
	var clients []portfolio.Client
	if err := json.Unmarshal([]byte(out), &clients); err != nil || code != 0 || len(clients) != 2 {
		t.Fatalf("list --json: %d %v %s", code, err, out)
	}
	if clients[0].Reference != "K-1" || clients[0].Responsible != "Kari" || clients[1].Reference != "K-2" {
		t.Errorf("clients = %+v", clients)
	}
	code, out, _ = c.run("", "clients", "list")
	if code != 0 || !regexp.MustCompile(`(?m)^923609016 +NO +- +K-1 +Kari +Active +- +- +never *$`).MatchString(out) {
		t.Errorf("list: %d\n%s", code, out)
	}
	if code, out, _ := c.run("", "clients", "list", "--risk", "high"); code != 0 || out != "No clients.\n" {
		t.Errorf("list --risk high: %d %q", code, out)
	}

	if code, out, _ := c.run("", "clients", "edit", "923 609 016", "--responsible", "Per"); code != 0 || !strings.Contains(out, "Changed 923609016") {
		t.Errorf("edit: %d %q", code, out)
	}
	_, out, _ = c.run("", "clients", "list", "--json")
	_ = json.Unmarshal([]byte(out), &clients)
	if clients[0].Reference != "K-1" || clients[0].Responsible != "Per" {
		t.Errorf("after edit: %+v", clients[0])
	}
	if code, out, _ := c.run("", "clients", "remove", "923609016"); code != 0 || !strings.Contains(out, "Removed 923609016") {
		t.Errorf("remove: %d %q", code, out)
	}
	if code, _, errOut := c.run("", "clients", "remove", "923609016"); code != 1 || !strings.Contains(errOut, "not_a_client") {
		t.Errorf("remove twice: %d %q", code, errOut)
	}
}

func TestClientsAddChangesExport(t *testing.T) {
	c := newClientsCLI(t)
	tests := []struct {
		args []string
		code int
		out  string // a part of stdout, or of stderr when the code is not 0
	}{
		{[]string{"clients", "add", "5560747569", "--reference", "S-1"}, 0, "Added 556074-7569."},
		{[]string{"clients", "add", "556074-7569"}, 1, "client_exists"},
		{[]string{"clients", "add", "12345"}, 1, "not a valid organisation number"},
		{[]string{"clients", "add"}, exitUsage, "usage:"},
		{[]string{"clients", "changes"}, 0, "No changes."},
		{[]string{"clients", "changes", "--json"}, 0, "[]"},
		{[]string{"clients", "changes", "--risk", "extreme"}, exitUsage, "--risk"},
		{[]string{"clients", "changes", "--since", "3.12.2026"}, exitUsage, "YYYY-MM-DD"},
		{[]string{"clients", "export"}, exitUsage, "usage:"},
		{[]string{"clients", "export", "--out", "x.pdf"}, exitUsage, ".xlsx or .csv"},
		{[]string{"clients", "nonsense"}, exitUsage, "usage:"},
	}
	for _, tc := range tests {
		code, out, errOut := c.run("", tc.args...)
		got := out
		if tc.code != 0 {
			got = errOut
		}
		if code != tc.code || !strings.Contains(got, tc.out) {
			t.Errorf("%v: exit %d, %q %q; want %d and %q", tc.args, code, out, errOut, tc.code, tc.out)
		}
	}
	dir := t.TempDir()
	csvOut, xlsxOut := filepath.Join(dir, "clients.csv"), filepath.Join(dir, "changes.xlsx")
	if code, out, errOut := c.run("", "clients", "export", "--out", csvOut); code != 0 || !strings.Contains(out, "Wrote") {
		t.Fatalf("export: %d %q %q", code, out, errOut)
	}
	b, _ := os.ReadFile(csvOut)
	if !strings.HasPrefix(string(b), "\xEF\xBB\xBFOrganisation number;Country;Name;") || !strings.Contains(string(b), "\r\n556074-7569;SE;;S-1;") {
		t.Errorf("exported CSV:\n%q", b)
	}
	if code, _, errOut := c.run("", "clients", "export", "--out", csvOut); code != 1 || !strings.Contains(errOut, "--force") {
		t.Errorf("export over a file: %d %q", code, errOut)
	}
	if code, _, errOut := c.run("", "clients", "export", "--out", csvOut, "--force"); code != 0 {
		t.Errorf("export --force: %d %q", code, errOut)
	}
	if code, _, errOut := c.run("", "clients", "export", "--changes", "--risk", "high", "--out", xlsxOut); code != 0 {
		t.Fatalf("export --changes: %d %q", code, errOut)
	}
	if b, _ := os.ReadFile(xlsxOut); !strings.HasPrefix(string(b), "PK") {
		t.Errorf("the XLSX is not a zip")
	}
}
