package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/certs/certstest"
)

// writeFile writes data to name in dir and returns the path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCertInspectJSON(t *testing.T) {
	dir := t.TempDir()
	scb := writeFile(t, dir, "Certifikat_SokPaVar_A00494_2025-10-06 13-14-52Z.pfx",
		certstest.PFX(t, certstest.Options{Subject: certstest.SCB("A00494"), Password: "hemligt"}))
	garbage := writeFile(t, dir, "mail.eml", []byte("From: scb@example.se\r\n\r\nHej!"))
	c := newCLIEnv(t)

	tests := []struct {
		name     string
		path     string
		password string
		wantCode int
		check    func(t *testing.T, r map[string]any)
	}{
		{"SCB certificate", scb, "hemligt", 0, func(t *testing.T, r map[string]any) {
			id := r["identity"].(map[string]any)
			if r["ok"] != true || r["error"] != nil || id["scb_api_id"] != "A00494" || id["country"] != "SE" || r["status"] != "valid" {
				t.Errorf("report %v", r)
			}
			if uses := r["uses"].([]any); len(uses) != 1 || uses[0] != "scb" {
				t.Errorf("uses %v", uses)
			}
			if key := r["key"].(map[string]any); key["type"] != "RSA" || key["bits"] != 2048.0 {
				t.Errorf("key %v", key)
			}
			if r["chain_length"] != 2.0 || r["client_auth"] != true {
				t.Errorf("chain %v, client auth %v", r["chain_length"], r["client_auth"])
			}
			if _, err := time.Parse(time.RFC3339, r["not_after"].(string)); err != nil {
				t.Errorf("not_after %v", r["not_after"])
			}
		}},
		{"wrong password", scb, "fel", 1, func(t *testing.T, r map[string]any) {
			e := r["error"].(map[string]any)
			if r["ok"] != false || e["code"] != "wrong_password" {
				t.Errorf("report %v", r)
			}
			if uses := r["uses"].([]any); len(uses) != 0 {
				t.Errorf("uses %v", uses)
			}
		}},
		{"not a certificate", garbage, "", 1, func(t *testing.T, r map[string]any) {
			if e := r["error"].(map[string]any); e["code"] != "not_pkcs12" {
				t.Errorf("report %v", r)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.env["MOTPART_CERT_PASSWORD"] = tt.password
			code, out, errOut := c.run("", "cert", "inspect", "--json", tt.path)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d (%s)", code, tt.wantCode, errOut)
			}
			var r map[string]any
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out)
			}
			want := []string{"ok", "error", "subject", "issuer", "serial", "not_before", "not_after", "days_left", "status", "key", "client_auth", "chain_length", "identity", "uses", "warnings"}
			if len(r) != len(want) {
				t.Errorf("fields %v", r)
			}
			for _, f := range want {
				if _, ok := r[f]; !ok {
					t.Errorf("field %q missing", f)
				}
			}
			tt.check(t, r)
		})
	}
}

func TestCertCommands(t *testing.T) {
	dir := t.TempDir()
	pfx := writeFile(t, dir, "buypass.p12", certstest.PFX(t, certstest.Options{Subject: certstest.Norwegian("EKSEMPELBYRÅ AS", "923609016"), Password: "pin"}))
	c := newCLIEnv(t)
	if code, _, errOut := c.run("pw-for-vault\npw-for-vault\n", "vault", "init"); code != 0 {
		t.Fatal(errOut)
	}
	c.env["MOTPART_PASSWORD"] = "pw-for-vault"
	c.env["MOTPART_CERT_PASSWORD"] = "pin"

	code, out, errOut := c.run("", "cert", "import", pfx)
	if code != 0 || !strings.Contains(out, `Imported "Maskinporten 923609016": EKSEMPELBYRÅ AS`) {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := c.run("", "cert", "import", "--name", "Maskinporten 923609016", pfx); code != 1 || !strings.Contains(errOut, "already stored") {
		t.Errorf("import under a taken name: %d %q", code, errOut)
	}
	// Flags after the file, as people type them.
	if code, out, errOut := c.run("", "cert", "import", pfx, "--name", "byraa"); code != 0 || !strings.Contains(out, `Imported "byraa"`) {
		t.Fatalf("import FILE --name byraa: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := c.run("", "cert", "remove", "byraa"); code != 0 {
		t.Fatalf("remove byraa: %d %q", code, errOut)
	}
	code, out, _ = c.run("", "cert", "list", "--json")
	var list []certListEntry
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list) != 1 {
		t.Fatalf("list: %d %v %s", code, err, out)
	}
	if list[0].Name != "Maskinporten 923609016" || list[0].Holder != "EKSEMPELBYRÅ AS" || list[0].DaysLeft < 360 || len(list[0].Uses) != 1 {
		t.Errorf("listed %+v", list[0])
	}

	out1 := filepath.Join(dir, "moved.pfx")
	c.env["MOTPART_NEW_PASSWORD"] = "flytta-2026!"
	if code, out, errOut := c.run("", "cert", "export", "Maskinporten 923609016", out1); code != 0 || !strings.Contains(out, "Exported") {
		t.Fatalf("export: %d %q %q", code, out, errOut)
	}
	if st, err := os.Stat(out1); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("exported file: %v %v", st, err)
	}
	// The exported file opens with the new password, in Motpart and in OpenSSL.
	c.env["MOTPART_CERT_PASSWORD"] = "flytta-2026!"
	if code, out, _ := c.run("", "cert", "inspect", "--json", out1); code != 0 || !strings.Contains(out, `"org_number": "923609016"`) {
		t.Errorf("inspecting the export: %d %s", code, out)
	}
	if openssl, err := exec.LookPath("openssl"); err == nil {
		cmd := exec.Command(openssl, "pkcs12", "-in", out1, "-passin", "pass:flytta-2026!", "-noout")
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("openssl cannot read the export: %v\n%s", err, msg)
		}
	}
	if code, _, errOut := c.run("", "cert", "export", "Maskinporten 923609016", out1); code != 1 || !strings.Contains(errOut, "exists") {
		t.Errorf("export over an existing file: %d %q", code, errOut)
	}

	if code, out, _ := c.run("", "cert", "remove", "Maskinporten 923609016"); code != 0 || !strings.Contains(out, "Removed") {
		t.Errorf("remove: %d %q", code, out)
	}
	if code, out, _ := c.run("", "cert", "list"); code != 0 || !strings.Contains(out, "No certificates") {
		t.Errorf("list after remove: %d %q", code, out)
	}
	if code, _, errOut := c.run("", "cert", "remove", "nothing"); code != 1 || !strings.Contains(errOut, "no certificate with that name") {
		t.Errorf("remove unknown: %d %q", code, errOut)
	}
	if code, _, _ := c.run("", "cert"); code != 2 {
		t.Errorf("cert without subcommand: %d", code)
	}
}

// TestCertRefusesWhatIsNoCertificateFile: a file that cannot be a
// certificate file is refused as such at once, before a password is asked
// for (none is given here: asking would fail differently).
func TestCertRefusesWhatIsNoCertificateFile(t *testing.T) {
	dir := t.TempDir()
	c := newCLIEnv(t)
	if code, _, errOut := c.run("pw-for-vault\npw-for-vault\n", "vault", "init"); code != 0 {
		t.Fatal(errOut)
	}
	tests := []struct {
		name       string
		data       []byte
		wantDetail string
	}{
		{"PEM", []byte("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n"), "it is a PEM text file; ask for the .pfx or .p12 file"},
		{"e-mail", []byte("From: scb@example.se\r\n\r\nHej!"), ""},
		{"empty", nil, "the file is empty"},
		{"ZIP", []byte("PK\x03\x04\x14\x00\x00\x00"), "it is a ZIP archive; unpack it and choose the .pfx or .p12 file inside"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, dir, tt.name+".pfx", tt.data)
			for _, args := range [][]string{{"cert", "inspect", path}, {"cert", "import", path}} {
				c.env = map[string]string{} // no password anywhere
				code, out, errOut := c.run("", args...)
				if code != exitFailed || out != "" {
					t.Errorf("%s: exit %d, stdout %q", args[1], code, out)
				}
				if !strings.Contains(errOut, "This is not a certificate file (.pfx or .p12).") || !strings.Contains(errOut, tt.wantDetail) {
					t.Errorf("%s: stderr %q, want it to say it is not a certificate file (%s)", args[1], errOut, tt.wantDetail)
				}
				if strings.Contains(errOut, "password") {
					t.Errorf("%s: stderr %q speaks of a password", args[1], errOut)
				}
			}
			c.env = map[string]string{}
			code, out, _ := c.run("", "cert", "inspect", "--json", path)
			var r map[string]any
			if err := json.Unmarshal([]byte(out), &r); err != nil || code != exitFailed {
				t.Fatalf("--json: exit %d, %v\n%s", code, err, out)
			}
			if e, _ := r["error"].(map[string]any); e == nil || e["code"] != "not_pkcs12" {
				t.Errorf("--json error %v, want not_pkcs12", r["error"])
			}
		})
	}
}
