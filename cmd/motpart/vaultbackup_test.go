package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestVaultBackupAndRestore(t *testing.T) {
	c := newCLIEnv(t)
	c.env["MOTPART_PASSWORD"] = "correct horse"
	if code, _, errOut := c.run("", "vault", "init"); code != 0 {
		t.Fatalf("vault init: %d %s", code, errOut)
	}
	if code, _, errOut := c.run("", "notes", "add", "923609016", "before the backup"); code != 0 {
		t.Fatalf("notes add: %d %s", code, errOut)
	}
	backup := filepath.Join(t.TempDir(), "Åsa Bjørnstad", "Motpart backup.vault")
	if err := os.MkdirAll(filepath.Dir(backup), 0o700); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := c.run("", "vault", "backup", backup)
	if code != 0 || !strings.Contains(out, "Backed up the vault to "+backup) {
		t.Fatalf("vault backup: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := c.run("", "vault", "backup", backup); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Fatalf("a second backup over the first: %d %q", code, errOut)
	}
	if code, _, errOut := c.run("", "notes", "add", "923609016", "after the backup"); code != 0 {
		t.Fatalf("notes add: %d %s", code, errOut)
	}
	c.env["MOTPART_PASSWORD"] = "wrong horse"
	if code, _, errOut := c.run("", "vault", "restore", backup); code != 1 || !strings.Contains(errOut, "password is wrong") {
		t.Fatalf("restore with a wrong password: %d %q", code, errOut)
	}
	c.env["MOTPART_PASSWORD"] = "correct horse"
	code, out, errOut = c.run("", "vault", "restore", backup)
	if code != 0 || !strings.Contains(out, "The vault it replaced is kept at "+c.path+".before-restore-") {
		t.Fatalf("vault restore: %d %q %q", code, out, errOut)
	}
	code, out, _ = c.run("", "notes", "list", "923609016")
	if code != 0 || !strings.Contains(out, "before the backup") || strings.Contains(out, "after the backup") {
		t.Fatalf("notes after the restore: %d %q", code, out)
	}
	if code, _, _ := c.run("", "vault", "restore"); code != exitUsage {
		t.Fatalf("restore without a file: %d", code)
	}
}
