package main

import (
	"encoding/json"
	"regexp"
	"testing"
)

// TestNotesListFlagsAndUpdated: `notes list` takes its flags before or
// after the number, and a note never changed has no "updated" in the JSON
// (nor a date in the table's CHANGED column).
func TestNotesListFlagsAndUpdated(t *testing.T) {
	c := newCLIEnv(t)
	if code, _, errOut := c.run("pw-for-vault\npw-for-vault\n", "vault", "init"); code != 0 {
		t.Fatal(errOut)
	}
	c.env["MOTPART_PASSWORD"] = "pw-for-vault"
	for _, args := range [][]string{{"notes", "add", "923609016", "Ny revisor"}, {"notes", "add", "923609016", "Styret byttes"}, {"notes", "edit", "923609016", "2", "Styret byttes i mars"}} {
		if code, _, errOut := c.run("", args...); code != 0 {
			t.Fatalf("%v: %s", args, errOut)
		}
	}
	for _, args := range [][]string{
		{"notes", "list", "923609016", "--json"},
		{"notes", "list", "--json", "923609016"},
		{"notes", "list", "923 609 016", "-json"},
	} {
		code, out, errOut := c.run("", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d %s", args, code, errOut)
		}
		var notes []map[string]any
		if err := json.Unmarshal([]byte(out), &notes); err != nil || len(notes) != 2 {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		tests := []struct {
			note        map[string]any
			wantText    string
			wantUpdated bool
		}{
			{notes[0], "Ny revisor", false},
			{notes[1], "Styret byttes i mars", true},
		}
		for _, tt := range tests {
			_, has := tt.note["updated"]
			if tt.note["text"] != tt.wantText || has != tt.wantUpdated || tt.note["created"] == nil {
				t.Errorf("%v: note %v, want text %q and updated %v", args, tt.note, tt.wantText, tt.wantUpdated)
			}
		}
	}
	code, out, _ := c.run("", "notes", "list", "923609016")
	lines := []string{
		`ID +DATE +CHANGED +TEXT`,
		`1 +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +- +Ny revisor`,
		`2 +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +Styret byttes i mars`,
	}
	for _, l := range lines {
		if code != 0 || !regexp.MustCompile(`(?m)^`+l+`$`).MatchString(out) {
			t.Errorf("table: exit %d, no line matches %q in:\n%s", code, l, out)
		}
	}
	if code, out, _ := c.run("", "notes", "list", "556074-7569", "--json"); code != 0 || out != "[]\n" {
		t.Errorf("no notes: %d %q", code, out)
	}
}
