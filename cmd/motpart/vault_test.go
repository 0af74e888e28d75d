package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/vault"
)

// fastParams make Argon2id quick in tests.
var fastParams = vault.Params{Time: 1, MemoryKiB: 64, Threads: 1}

// cliEnv is a test's environment and vault.
type cliEnv struct {
	t    *testing.T
	path string
	env  map[string]string
}

func newCLIEnv(t *testing.T) *cliEnv {
	return &cliEnv{t: t, path: filepath.Join(t.TempDir(), "vault.db"), env: map[string]string{}}
}

// run runs one command line on the test's vault with fast key derivation.
func (c *cliEnv) run(stdin string, args ...string) (int, string, string) {
	c.t.Helper()
	var out, errb bytes.Buffer
	s := &session{
		stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		lookupEnv: func(k string) (string, bool) { v, ok := c.env[k]; return v, ok },
		vaultPath: c.path, vaultParams: fastParams, vaultOptions: vault.OpenOptions{MinParams: fastParams},
	}
	code := s.dispatch(args)
	return code, out.String(), errb.String()
}

func TestVaultAndNotesCommands(t *testing.T) {
	c := newCLIEnv(t)

	// No vault yet.
	if code, _, errOut := c.run("", "notes", "list", "923609016"); code != 1 || !strings.Contains(errOut, "vault init") {
		t.Errorf("notes without vault: %d %q", code, errOut)
	}
	// Passwords typed at a prompt (stdin is not a terminal here): twice.
	if code, _, errOut := c.run("correct horse\ncorrect horsE\n", "vault", "init"); code != 1 || !strings.Contains(errOut, "differ") {
		t.Errorf("init with differing passwords: %d %q", code, errOut)
	}
	code, out, errOut := c.run("correct horse\ncorrect horse\n", "vault", "init")
	if code != 0 || !strings.Contains(out, "Created the vault") {
		t.Fatalf("vault init: %d %q %q", code, out, errOut)
	}
	if st, err := os.Stat(c.path); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("vault file: %v %v", st, err)
	}
	if code, _, errOut := c.run("x\nx\n", "vault", "init"); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("second init: %d %q", code, errOut)
	}

	c.env["MOTPART_PASSWORD"] = "correct horse"
	for _, text := range []string{"Kunden har bytt revisor", "Styret byttes i mars"} {
		if code, out, errOut := c.run("", "notes", "add", "923 609 016", text); code != 0 || !strings.HasPrefix(out, "Added note") {
			t.Fatalf("notes add: %d %q %q", code, out, errOut)
		}
	}
	code, out, _ = c.run("", "notes", "list", "--json", "923609016")
	var notes []dossier.Note
	if err := json.Unmarshal([]byte(out), &notes); code != 0 || err != nil {
		t.Fatalf("notes list --json: %d %v\n%s", code, err, out)
	}
	if len(notes) != 2 || notes[0].ID != "1" || notes[0].Text != "Kunden har bytt revisor" || notes[1].ID != "2" {
		t.Errorf("notes = %+v", notes)
	}
	if code, out, _ := c.run("", "notes", "list", "556074-7569"); code != 0 || out != "No notes.\n" {
		t.Errorf("notes of another company: %d %q", code, out)
	}
	if code, out, _ := c.run("", "notes", "list", "923609016"); code != 0 || !strings.Contains(out, "Styret byttes i mars") {
		t.Errorf("notes list table: %d %q", code, out)
	}
	if code, _, _ := c.run("", "notes", "remove", "923609016", "1"); code != 0 {
		t.Errorf("notes remove: %d", code)
	}
	if code, _, errOut := c.run("", "notes", "remove", "923609016", "1"); code != 1 || !strings.Contains(errOut, "no note with that id") {
		t.Errorf("notes remove twice: %d %q", code, errOut)
	}
	if code, _, errOut := c.run("", "notes", "add", "923609017", "x"); code != 1 || !strings.Contains(errOut, "not a valid organisation number") {
		t.Errorf("notes add on a bad number: %d %q", code, errOut)
	}

	// vault info needs no password and shows no contents.
	delete(c.env, "MOTPART_PASSWORD")
	code, out, _ = c.run("", "vault", "info")
	if code != 0 {
		t.Fatalf("vault info: %d", code)
	}
	for _, want := range []string{"Format version:  1", "Argon2id, 1 passes", "Records (notes):  1", "Audit entries:   3"} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), strings.Join(strings.Fields(want), " ")) {
			t.Errorf("vault info lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "923609016") || strings.Contains(out, "Styret") {
		t.Errorf("vault info shows contents:\n%s", out)
	}

	// A wrong password exits non-zero and says so.
	c.env["MOTPART_PASSWORD"] = "wrong horse"
	if code, _, errOut := c.run("", "notes", "list", "923609016"); code != 1 || !strings.Contains(errOut, "the password is wrong") {
		t.Errorf("wrong password: %d %q", code, errOut)
	}

	// Change the password; the old one stops working.
	c.env["MOTPART_PASSWORD"] = "correct horse"
	c.env["MOTPART_NEW_PASSWORD"] = "battery staple"
	if code, out, errOut := c.run("", "vault", "passwd"); code != 0 || !strings.Contains(out, "Changed the vault password") {
		t.Fatalf("vault passwd: %d %q %q", code, out, errOut)
	}
	if code, _, _ := c.run("", "notes", "list", "923609016"); code != 1 {
		t.Errorf("old password still opens the vault")
	}
	c.env["MOTPART_PASSWORD"] = "battery staple"
	code, out, _ = c.run("", "vault", "audit")
	if code != 0 || !strings.Contains(out, "intact (4 entries)") {
		t.Errorf("vault audit: %d\n%s", code, out)
	}
	for _, action := range []string{"note.add", "note.remove", "vault.passwd"} {
		if !strings.Contains(out, action) {
			t.Errorf("audit lacks %s:\n%s", action, out)
		}
	}
}

func TestVaultFlagAndEnvironment(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		env  map[string]string
		want string
	}{
		{[]string{"--vault", filepath.Join(dir, "a.db"), "vault", "info"}, nil, filepath.Join(dir, "a.db")},
		{[]string{"vault", "info", "--vault=" + filepath.Join(dir, "b.db")}, nil, filepath.Join(dir, "b.db")},
		{[]string{"vault", "info"}, map[string]string{"MOTPART_VAULT": filepath.Join(dir, "c.db")}, filepath.Join(dir, "c.db")},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		env := func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok }
		code := run(tt.args, strings.NewReader(""), &out, &errb, env)
		// There is no vault there, and the message names the path used.
		if code != 1 || !strings.Contains(errb.String(), "no vault at "+tt.want) {
			t.Errorf("%v: %d %q", tt.args, code, errb.String())
		}
	}
	if code := run([]string{"--vault"}, strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) (string, bool) { return "", false }); code != 2 {
		t.Errorf("--vault without PATH: %d, want 2", code)
	}
}
