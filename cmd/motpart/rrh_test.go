package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/registry/rrh"
)

// copyRecords counts the records of the owners register's copy buckets,
// as `motpart vault info --json` shows them.
func copyRecords(t *testing.T, c *cliEnv) int {
	t.Helper()
	code, out, errOut := c.run("", "vault", "info", "--json")
	if code != 0 {
		t.Fatalf("vault info: %d %s", code, errOut)
	}
	var info struct{ Buckets map[string]int }
	if err := json.Unmarshal([]byte(out), &info); err != nil {
		t.Fatal(err)
	}
	n := 0
	for name, count := range info.Buckets {
		if strings.HasPrefix(name, "rrh-copy") {
			n += count
		}
	}
	return n
}

func TestRRHImportRefusals(t *testing.T) {
	c := newCLIEnv(t)
	if code, _, errOut := c.run("pw-for-vault\npw-for-vault\n", "vault", "init"); code != 0 {
		t.Fatal(errOut)
	}
	c.env["MOTPART_PASSWORD"] = "pw-for-vault"
	dir := t.TempDir()
	total := func(name string, n int) string {
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := rrh.GenerateTotal(f, n, int64(n)); err != nil {
			t.Fatal(err)
		}
		return path
	}
	empty := filepath.Join(dir, "empty.json")
	if err := os.WriteFile(empty, []byte("[]"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		code    int
		out     string // in stdout on success, in stderr on failure
		records int    // in the copy's buckets afterwards
	}{
		{"the first copy", []string{"--date", "2026-11-20", total("big.json", 50)}, 0, "Imported the copy of 2026-11-20: 50 organisations", 50},
		{"empty", []string{empty}, 1, "the download holds no registrations", 50},
		{"empty, even when told to replace", []string{"--replace-smaller", empty}, 1, "the download holds no registrations", 50},
		{"smaller", []string{total("small.json", 10)}, 1, "run the import again with --replace-smaller", 50},
		{"smaller, confirmed", []string{"--replace-smaller", "--date", "2026-12-01", filepath.Join(dir, "small.json")}, 0, "Imported the copy of 2026-12-01: 10 organisations", 10},
		{"larger", []string{"--date", "2026-12-02", filepath.Join(dir, "big.json")}, 0, "Imported the copy of 2026-12-02: 50 organisations", 50},
	}
	for _, tt := range tests {
		code, out, errOut := c.run("", append([]string{"rrh", "import"}, tt.args...)...)
		text := out
		if tt.code != 0 {
			text = errOut
		}
		if code != tt.code || !strings.Contains(text, tt.out) {
			t.Errorf("%s: %d, stdout %q, stderr %q; want %d and %q", tt.name, code, out, errOut, tt.code, tt.out)
		}
		if n := copyRecords(t, c); n != tt.records {
			t.Errorf("%s: %d records in the copy's buckets, want %d", tt.name, n, tt.records)
		}
	}
}
