package transport

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRegisterText(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"Virksomheten har ikke registrert reelle rettighetshavere", 200, "Virksomheten har ikke registrert reelle rettighetshavere"},
		{"two\nlines\r\n\tand  tabs", 100, "two lines and tabs"},
		{"evil\u202etxt.exe\u200b", 100, "eviltxt.exe"},
		{"bell\x07 and \x00nul", 100, "bell and nul"},
		{"bad \xff utf-8", 100, "bad utf-8"},
		{"Brønnøysund", 4, "Brø…"},
		{"Brønnøysund", 3, "Br…"}, // ø is two bytes: cut before it
		{"", 10, ""},
	}
	for _, tt := range tests {
		if got := RegisterText(tt.in, tt.n); got != tt.want {
			t.Errorf("RegisterText(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func FuzzRegisterText(f *testing.F) {
	f.Add("Brønnøysund\u202e\n", 5)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 0 || n > 1<<16 {
			return
		}
		got := RegisterText(s, n)
		if !utf8.ValidString(got) || strings.ContainsAny(got, "\n\r\t\u202e") || len(strings.TrimSuffix(got, "…")) > n {
			t.Errorf("RegisterText(%q, %d) = %q", s, n, got)
		}
	})
}
