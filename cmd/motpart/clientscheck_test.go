package main

import (
	"encoding/json"
	"strings"
	"testing"
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
