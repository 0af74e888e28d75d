package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
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
		{"order --duns without --country", []string{"aml", "order", "354781234", "--duns"}, "--duns needs --country"},
		{"receive with an argument", []string{"aml", "receive", "--listen", "127.0.0.1:0", "now"}, `unexpected "now"`},
		{"receive with --cert alone", []string{"aml", "receive", "--listen", "127.0.0.1:0", "--cert", "c.pem"}, "--cert and --key go together"},
		{"receive with --key alone", []string{"aml", "receive", "--key", "k.pem", "--listen", "127.0.0.1:0"}, "--cert and --key go together"},
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
		{[]string{"354781234", "--duns", "--country", "se"}, amlOrderArgs{req: dossier.AMLRequest{Number: "354781234", Country: "SE", DUNS: true}}},
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

// session is a session on the test's vault writing to stdout and stderr.
func (c *cliEnv) session(stdout, stderr io.Writer) *session {
	return &session{
		stdin: strings.NewReader(""), stdout: stdout, stderr: stderr,
		lookupEnv: func(k string) (string, bool) { v, ok := c.env[k]; return v, ok },
		vaultPath: c.path, vaultParams: fastParams, vaultOptions: vault.OpenOptions{MinParams: fastParams},
	}
}

// TestProgressLines: a line for each part that changes and one when the
// whole order becomes ready; other orders are left out when one is
// followed, and prefixed with their session when all are.
func TestProgressLines(t *testing.T) {
	order := func(id string, states ...dossier.OrderState) dossier.AMLOrder {
		o := dossier.AMLOrder{ID: id}
		for i, kind := range []string{dossier.PartData, dossier.DocumentAML, dossier.DocumentRegistration}[:len(states)] {
			p := dossier.OrderPart{Kind: kind, State: states[i]}
			if states[i] == dossier.OrderReady && kind != dossier.PartData {
				p.Document = "doc-" + kind
			}
			if states[i] == dossier.OrderFailed {
				p.Problem = string(problem.CodeBankIDReportNotPDF)
			}
			o.Parts = append(o.Parts, p)
		}
		return o
	}
	const w, p, r, f = dossier.OrderWaiting, dossier.OrderPreparing, dossier.OrderReady, dossier.OrderFailed
	tests := []struct {
		name    string
		only    string
		known   []dossier.AMLOrder
		updates []dossier.AMLOrder
		want    string
	}{
		{"one order to the end", "s1", []dossier.AMLOrder{order("s1", w, w, w)},
			[]dossier.AMLOrder{order("s1", p, p, w), order("s1", p, p, w), order("s2", r, r, r), order("s1", r, r, p), order("s1", r, r, r)},
			"company data: being prepared by BankID\nAML report: being prepared by BankID\n" +
				"company data: ready\nAML report: ready, document doc-aml\ncertificate of registration: being prepared by BankID\n" +
				"certificate of registration: ready, document doc-registration\neverything is ready\n"},
		{"a failed part", "s1", []dossier.AMLOrder{order("s1", r, p)},
			[]dossier.AMLOrder{order("s1", r, f)},
			"AML report: FAILED: " + problem.Text(problem.CodeBankIDReportNotPDF) + "\n"},
		{"every order, one failing", "", []dossier.AMLOrder{order("s1", p, p)},
			[]dossier.AMLOrder{func() dossier.AMLOrder {
				o := order("s1", f, f)
				o.Problem = string(problem.CodeBankIDReportNotPDF)
				return o
			}()},
			"session s1: company data: FAILED\nsession s1: AML report: FAILED\n" +
				"session s1: finished, not everything stored: " + problem.Text(problem.CodeBankIDReportNotPDF) + "\n"},
		{"every order", "", nil,
			[]dossier.AMLOrder{order("s1", w), order("s2", r), order("s1", r), order("s1", r)},
			"session s1: company data: waiting for BankID\nsession s2: company data: ready\nsession s2: everything is ready\n" +
				"session s1: company data: ready\nsession s1: everything is ready\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			pr := newProgress(&b, tt.only, tt.known...)
			for _, o := range tt.updates {
				pr.update(o)
			}
			pr.close()
			pr.update(order(tt.only, f, f, f))
			if b.String() != tt.want {
				t.Errorf("lines:\n%s\nwant:\n%s", b.String(), tt.want)
			}
		})
	}
}

// TestWebhookSecret: the setting when set; the sandbox's default in the
// sandbox environment; otherwise none, and receive says how to set it.
func TestWebhookSecret(t *testing.T) {
	c := newCLIEnv(t)
	if code, _, errOut := c.run("pw-for-vault\npw-for-vault\n", "vault", "init"); code != 0 {
		t.Fatal(errOut)
	}
	c.env["MOTPART_PASSWORD"] = "pw-for-vault"
	tests := []struct {
		settings map[string]string
		want     string
	}{
		{map[string]string{}, sandboxWebhookSecret},
		{map[string]string{"environment": "sandbox"}, sandboxWebhookSecret},
		{map[string]string{"environment": "production"}, ""},
		{map[string]string{"environment": "test", desk.SettingBankIDWebhookSecret: "s3cret"}, "s3cret"},
		{map[string]string{"environment": "sandbox", desk.SettingBankIDWebhookSecret: "s3cret"}, "s3cret"},
		{map[string]string{"environment": "production"}, ""},
	}
	for _, tt := range tests {
		for _, key := range []string{"environment", desk.SettingBankIDWebhookSecret} {
			if code, _, errOut := c.run("", "settings", "set", key, tt.settings[key]); code != 0 {
				t.Fatalf("settings set %s: %s", key, errOut)
			}
		}
		var errb bytes.Buffer
		d, status := c.session(io.Discard, &errb).openAMLDesk("test")
		if d == nil {
			t.Fatalf("exit %d: %s", status, errb.String())
		}
		got, err := webhookSecret(d)
		d.Close()
		if string(got) != tt.want || err != nil {
			t.Errorf("%v: %q, %v; want %q", tt.settings, got, err, tt.want)
		}
	}
	// receive says how to set the secret (the environment is production now).
	code, _, errOut := c.run("", "aml", "receive", "--listen", "127.0.0.1:0")
	if code != exitFailed || !strings.Contains(errOut, "motpart settings set "+desk.SettingBankIDWebhookSecret+" SECRET") {
		t.Errorf("receive without a secret: exit %d, stderr %q", code, errOut)
	}
}
