package main

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
)

// TestAMLUsageErrors: every malformed `aml` command line exits 2 with the
// usage, before a vault is asked for (there is none here).
func TestAMLUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		say  string // in stderr besides the usage
	}{
		{"no subcommand", []string{"aml"}, ""},
		{"unknown subcommand", []string{"aml", "fetch", "311111116"}, `unknown subcommand "fetch"`},
		{"order without number", []string{"aml", "order"}, "give one organisation number"},
		{"order with two numbers", []string{"aml", "order", "311111116", "923609016"}, "give one organisation number"},
		{"order with a blank number", []string{"aml", "order", " "}, "give one organisation number"},
		{"order for Denmark", []string{"aml", "order", "311111116", "--country", "dk"}, `--country "dk"`},
		{"order of an unknown report", []string{"aml", "order", "--reports", "aml,annual", "311111116"}, `--reports "aml,annual"`},
		{"order of an empty report", []string{"aml", "order", "--reports", "aml,", "311111116"}, `--reports "aml,"`},
		{"order with an unknown flag", []string{"aml", "order", "311111116", "--now"}, "flag provided but not defined"},
		{"status without session", []string{"aml", "status"}, "give one BankID session id"},
		{"status with two sessions", []string{"aml", "status", "a", "b", "--json"}, "give one BankID session id"},
		{"documents without number", []string{"aml", "documents", "--json"}, "give one organisation number"},
		{"save without --out", []string{"aml", "save", "doc-1"}, "--out FILE is needed"},
		{"save without document", []string{"aml", "save", "--out", "x.pdf"}, "give one document id"},
		{"save with --out without file", []string{"aml", "save", "doc-1", "--out"}, "flag needs an argument"},
		{"receive without --listen", []string{"aml", "receive"}, "--listen ADDR is needed"},
		{"receive with an argument", []string{"aml", "receive", "--listen", "127.0.0.1:0", "now"}, `unexpected "now"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLIEnv(t)
			code, out, errOut := c.run("", tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d; stderr %q", code, exitUsage, errOut)
			}
			if out != "" || !strings.Contains(errOut, "usage: motpart [--vault PATH] aml order ORGNR") || !strings.Contains(errOut, tt.say) {
				t.Errorf("stdout %q, stderr %q: want the usage and %q", out, errOut, tt.say)
			}
			if _, err := os.Stat(c.path); err == nil {
				t.Error("a usage error created a vault")
			}
		})
	}
}

func TestParseAMLOrder(t *testing.T) {
	tests := []struct {
		args []string
		want amlOrderArgs
	}{
		{[]string{"311111116"}, amlOrderArgs{req: dossier.AMLRequest{Number: "311111116"}}},
		{[]string{"556677-8899", "--country", "SE", "--wait"}, amlOrderArgs{req: dossier.AMLRequest{Number: "556677-8899", Country: "SE"}, wait: true}},
		{[]string{"--json", "--country=fi", "1234567-1"}, amlOrderArgs{req: dossier.AMLRequest{Number: "1234567-1", Country: "FI"}, asJSON: true}},
		{[]string{"311 111 116", "--reports", "registration"}, amlOrderArgs{req: dossier.AMLRequest{Number: "311 111 116", Documents: []string{"registration"}}}},
		{[]string{"311111116", "--reports", " Registration , aml,aml"}, amlOrderArgs{req: dossier.AMLRequest{Number: "311111116", Documents: []string{"registration", "aml"}}}},
		{[]string{"--country", " no ", "311111116", "--wait", "--json"}, amlOrderArgs{req: dossier.AMLRequest{Number: "311111116", Country: "NO"}, wait: true, asJSON: true}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := parseAMLOrder(tt.args, io.Discard)
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parseAMLOrder = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

// TestAMLSaveRefusesToOverwrite: an existing file is kept unless --force,
// and nothing is asked of the vault before.
func TestAMLSaveRefusesToOverwrite(t *testing.T) {
	c := newCLIEnv(t)
	out := filepath.Join(t.TempDir(), "aml.pdf")
	if err := os.WriteFile(out, []byte("the firm's own file"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, errOut := c.run("", "aml", "save", "doc-1", "--out", out)
	if code != exitFailed || stdout != "" || !strings.Contains(errOut, out+" exists; give --force to overwrite it") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, errOut)
	}
	if b, _ := os.ReadFile(out); string(b) != "the firm's own file" {
		t.Errorf("the file was changed: %q", b)
	}
	// With --force the vault is asked (there is none here).
	code, _, errOut = c.run("", "aml", "save", "doc-1", "--out", out, "--force")
	if code != exitFailed || !strings.Contains(errOut, "vault init") {
		t.Errorf("--force without a vault: exit %d, stderr %q", code, errOut)
	}
}
