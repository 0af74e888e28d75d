package main

import (
	"flag"
	"reflect"
	"strings"
	"testing"
)

func TestParseFlagsAnywhere(t *testing.T) {
	tests := []struct {
		args       []string
		name       string
		asJSON     bool
		positional []string
	}{
		{[]string{"FILE"}, "", false, []string{"FILE"}},
		{[]string{"--name", "byraa", "FILE"}, "byraa", false, []string{"FILE"}},
		{[]string{"FILE", "--name", "byraa"}, "byraa", false, []string{"FILE"}},
		{[]string{"FILE", "--name=byraa", "--json"}, "byraa", true, []string{"FILE"}},
		{[]string{"A", "--json", "B"}, "", true, []string{"A", "B"}},
		{[]string{"A", "--", "--json", "-x"}, "", false, []string{"A", "--json", "-x"}},
		{[]string{"--", "--name"}, "", false, []string{"--name"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			name := fs.String("name", "", "")
			asJSON := fs.Bool("json", false, "")
			if err := parseFlags(fs, tt.args); err != nil {
				t.Fatal(err)
			}
			if *name != tt.name || *asJSON != tt.asJSON {
				t.Errorf("name %q json %v, want %q %v", *name, *asJSON, tt.name, tt.asJSON)
			}
			if got := fs.Args(); !reflect.DeepEqual(got, tt.positional) && !(len(got) == 0 && len(tt.positional) == 0) {
				t.Errorf("positional %q, want %q", got, tt.positional)
			}
		})
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(new(strings.Builder))
	if err := parseFlags(fs, []string{"FILE", "--unknown"}); err == nil {
		t.Error("an unknown flag after the file was accepted")
	}
}
