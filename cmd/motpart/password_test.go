package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/certs/certstest"
)

// TestMissingPasswordNamesItsVariable: when a password is neither in the
// environment nor typed, the error names the variable that would have
// given that password, and no other.
func TestMissingPasswordNamesItsVariable(t *testing.T) {
	dir := t.TempDir()
	pfx := writeFile(t, dir, "buypass.p12", certstest.PFX(t, certstest.Options{Subject: certstest.Norwegian("EKSEMPELBYRÅ AS", "923609016"), Password: "pin"}))
	c := newCLIEnv(t)
	if code, _, errOut := c.run("pw-for-vault\npw-for-vault\n", "vault", "init"); code != 0 {
		t.Fatal(errOut)
	}
	vaultOnly := map[string]string{"MOTPART_PASSWORD": "pw-for-vault"}
	withCert := map[string]string{"MOTPART_PASSWORD": "pw-for-vault", "MOTPART_CERT_PASSWORD": "pin"}
	tests := []struct {
		name  string
		env   map[string]string
		stdin string
		args  []string
		want  string // the variable the error must name
	}{
		{"vault password", nil, "", []string{"notes", "list", "923609016"}, "MOTPART_PASSWORD"},
		{"lookup", nil, "", []string{"lookup", "923609016"}, "MOTPART_PASSWORD"},
		{"certificate file password", nil, "", []string{"cert", "inspect", pfx}, "MOTPART_CERT_PASSWORD"},
		{"certificate password after the vault's", vaultOnly, "", []string{"cert", "import", pfx}, "MOTPART_CERT_PASSWORD"},
		{"new vault password", vaultOnly, "", []string{"vault", "passwd"}, "MOTPART_NEW_PASSWORD"},
		{"new vault password typed once", vaultOnly, "battery staple\n", []string{"vault", "passwd"}, "MOTPART_NEW_PASSWORD"},
		{"export password", withCert, "", []string{"cert", "export", "Maskinporten 923609016", filepath.Join(dir, "out.pfx")}, "MOTPART_NEW_PASSWORD"},
		{"first vault password", nil, "", []string{"vault", "init"}, "MOTPART_PASSWORD"},
	}
	c.env = withCert
	if code, _, errOut := c.run("", "cert", "import", pfx); code != 0 {
		t.Fatal(errOut)
	}
	others := []string{"MOTPART_PASSWORD", "MOTPART_CERT_PASSWORD", "MOTPART_NEW_PASSWORD"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.env = map[string]string{}
			for k, v := range tt.env {
				c.env[k] = v
			}
			if tt.args[1] == "init" { // a new vault beside the one in use
				saved := c.path
				c.path = filepath.Join(dir, "new.db")
				defer func() { c.path = saved }()
			}
			code, _, errOut := c.run(tt.stdin, tt.args...)
			if code != exitFailed {
				t.Errorf("exit %d, want %d", code, exitFailed)
			}
			if !strings.Contains(errOut, "set "+tt.want+" or type it") {
				t.Errorf("stderr %q does not name %s", errOut, tt.want)
			}
			for _, v := range others {
				if v != tt.want && strings.Contains(errOut, v) {
					t.Errorf("stderr %q names %s, want only %s", errOut, v, tt.want)
				}
			}
		})
	}
}
