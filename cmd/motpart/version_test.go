package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/setup"
)

func TestVersionCommand(t *testing.T) {
	c := newCLIEnv(t)
	code, out, errOut := c.run("", "version")
	if code != 0 || !strings.HasPrefix(out, "Motpart "+setup.BuildInfo().Version+"\n") || !strings.Contains(out, "Go       go1.") {
		t.Fatalf("version: %d %q %q", code, out, errOut)
	}
	code, out, _ = c.run("", "version", "--json")
	var b setup.Build
	if err := json.Unmarshal([]byte(out), &b); code != 0 || err != nil || b != setup.BuildInfo() {
		t.Fatalf("version --json: %d %v %q", code, err, out)
	}
	if code, _, _ := c.run("", "version", "extra"); code != exitUsage {
		t.Fatalf("version extra: %d", code)
	}
}
