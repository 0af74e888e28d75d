package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// runCLI runs one command line in-process and returns its exit status and
// output.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := func(string) (string, bool) { return "", false }
	code := run(args, strings.NewReader(stdin), &out, &errb, env)
	return code, out.String(), errb.String()
}

func TestIdentCheckJSON(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     string
	}{
		{
			name:     "valid numbers of every country",
			args:     []string{"923 609 016", "5560747569", "0116297-6"},
			wantCode: 0,
			want: `[{"input":"923 609 016","valid":true,"kind":"no-orgnr","country":"NO","normalized":"923609016","reason":""},` +
				`{"input":"5560747569","valid":true,"kind":"se-orgnr","country":"SE","normalized":"556074-7569","reason":""},` +
				`{"input":"0116297-6","valid":true,"kind":"fi-ytunnus","country":"FI","normalized":"0116297-6","reason":""}]`,
		},
		{
			name:     "one invalid makes the status 1",
			args:     []string{"923609016", "923609017"},
			wantCode: 1,
			want: `[{"input":"923609016","valid":true,"kind":"no-orgnr","country":"NO","normalized":"923609016","reason":""},` +
				`{"input":"923609017","valid":false,"kind":"no-orgnr","country":"NO","normalized":"","reason":"checksum"}]`,
		},
		{
			name:     "Swedish personal number gets its century",
			args:     []string{"811218-9876"},
			wantCode: 0,
			want:     `[{"input":"811218-9876","valid":true,"kind":"se-pnr","country":"SE","normalized":"19811218-9876","reason":""}]`,
		},
		{
			name:     "country hint rules out other shapes",
			args:     []string{"--country", "fi", "923609016"},
			wantCode: 1,
			want:     `[{"input":"923609016","valid":false,"kind":"","country":"","normalized":"","reason":"length"}]`,
		},
		{
			name:     "nothing fits",
			args:     []string{"hello"},
			wantCode: 1,
			want:     `[{"input":"hello","valid":false,"kind":"","country":"","normalized":"","reason":"format"}]`,
		},
		{
			name:     "DUNS only when asked",
			args:     []string{"--duns", "150483782"},
			wantCode: 0,
			want:     `[{"input":"150483782","valid":true,"kind":"duns","country":"","normalized":"150483782","reason":""}]`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"ident", "check", "--json"}, tt.args...)
			code, out, errOut := runCLI(t, "", args...)
			if code != tt.wantCode {
				t.Errorf("exit status %d, want %d (stderr %q)", code, tt.wantCode, errOut)
			}
			var compact bytes.Buffer
			if err := json.Compact(&compact, []byte(out)); err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, out)
			}
			if got := compact.String(); got != tt.want {
				t.Errorf("output\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestIdentCheckUsage(t *testing.T) {
	tests := []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"ident"}, "usage: motpart ident check"},
		{[]string{"ident", "check"}, "give at least one VALUE"},
		{[]string{"ident", "check", "--country", "dk", "123"}, "dk"},
		{[]string{"ident", "check", "--bogus", "123"}, "flag provided but not defined"},
		{[]string{"nonsense"}, `unknown command "nonsense"`},
		{nil, "Usage:"},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, "", tt.args...)
		if code != 2 {
			t.Errorf("%v: exit status %d, want 2", tt.args, code)
		}
		if !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: stderr %q lacks %q", tt.args, errOut, tt.want)
		}
	}
}

func TestIdentCheckTable(t *testing.T) {
	code, out, _ := runCLI(t, "", "ident", "check", "923609016", "12")
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want a header and two rows, got:\n%s", out)
	}
	if f := strings.Fields(lines[1]); len(f) != 5 || f[0] != "923609016" || f[1] != "true" || f[2] != "no-orgnr" || f[4] != "-" {
		t.Errorf("row 1 = %q", lines[1])
	}
	if f := strings.Fields(lines[2]); len(f) != 5 || f[0] != "12" || f[1] != "false" || f[4] != "length" {
		t.Errorf("row 2 = %q", lines[2])
	}
}

func TestIdentCheckTestData(t *testing.T) {
	// A synthetic Tenor fødselsnummer (month + 80): 1 January 1980.
	const synthetic = "01818010083"
	tests := []struct {
		args     []string
		wantCode int
		want     string
	}{
		{nil, 1, `"reason":"date"`},
		{[]string{"--test-data"}, 0, `"normalized":"01818010083"`},
	}
	for _, tt := range tests {
		args := append(append([]string{"ident", "check", "--json"}, tt.args...), synthetic)
		code, out, _ := runCLI(t, "", args...)
		var compact bytes.Buffer
		if err := json.Compact(&compact, []byte(out)); err != nil {
			t.Fatalf("output is not JSON: %v\n%s", err, out)
		}
		if out = compact.String(); code != tt.wantCode || !strings.Contains(out, tt.want) {
			t.Errorf("%v: exit %d, output %s; want exit %d and %s", tt.args, code, out, tt.wantCode, tt.want)
		}
	}
}
