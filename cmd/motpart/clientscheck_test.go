package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestClientsCheckCommand checks an empty portfolio in the sandbox, as
// a table and as JSON, and refuses bad flags.
func TestClientsCheckCommand(t *testing.T) {
	c := newCLIEnv(t)
	if code, _, errOut := c.run("pw-for-vault\npw-for-vault\n", "vault", "init"); code != 0 {
		t.Fatal(errOut)
	}
	c.env["MOTPART_PASSWORD"] = "pw-for-vault"
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string
		wantErr  string
	}{
		{"no clients", []string{"clients", "check"}, 0, "Checked 0 clients: 0 looked up", ""},
		{"restart without a pending check", []string{"clients", "check", "--restart"}, 0, "not used (no Norwegian client)", ""},
		{"an argument", []string{"clients", "check", "all"}, 2, "", "usage: motpart"},
		{"a bad flag", []string{"clients", "check", "--fast"}, 2, "", "usage: motpart"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := c.run("", tt.args...)
			if code != tt.wantCode || !strings.Contains(out, tt.wantOut) || !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("exit %d, want %d\nstdout %q, want %q\nstderr %q, want %q", code, tt.wantCode, out, tt.wantOut, errOut, tt.wantErr)
			}
		})
	}
	code, out, errOut := c.run("", "clients", "check", "--json")
	if code != 0 {
		t.Fatalf("--json: %d %s", code, errOut)
	}
	var rep checkReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not a report: %v\n%s", err, out)
	}
	if rep.Summary.Phase != "done" || rep.Summary.Total != 0 || rep.Changes == nil || rep.Summary.Finished.IsZero() {
		t.Errorf("report %+v", rep)
	}
}

// TestClientsCheckWithClients checks two of the sandbox's units over
// TLS: the first check looks both up and finds no change.
func TestClientsCheckWithClients(t *testing.T) {
	c := newCLIEnv(t)
	if code, _, errOut := c.run("pw-for-vault\npw-for-vault\n", "vault", "init"); code != 0 {
		t.Fatal(errOut)
	}
	c.env["MOTPART_PASSWORD"] = "pw-for-vault"
	for _, n := range []string{world.RichestOrgNr, world.BankruptOrgNr} {
		if code, _, errOut := c.run("", "clients", "add", n); code != 0 {
			t.Fatalf("clients add %s: %s", n, errOut)
		}
	}
	code, out, errOut := c.run("", "clients", "check")
	if code != 0 || !strings.Contains(out, "Checked 2 clients: 2 looked up, 0 settled by the change feeds, 0 not settled.") ||
		!strings.Contains(out, "first check") || !strings.Contains(out, "No changes found.") || !strings.Contains(errOut, "2 of 2") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	code, out, errOut = c.run("", "clients", "check", "--json")
	var rep checkReport
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil {
		t.Fatalf("--json: %d %s %s", code, out, errOut)
	}
	if rep.Summary.Total != 2 || rep.Summary.Done != 2 || rep.Summary.Failed != 0 || len(rep.Changes) != 0 {
		t.Errorf("second check: %+v", rep)
	}
}
