package transport

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// RegisterText makes text a register wrote (an error message, a free-text
// field) safe to show in the window, a terminal or a log: valid UTF-8 on
// one line (tabs and line breaks become spaces and runs of white space
// fold into one), without control or format characters (bidirectional
// overrides among them, which could change how what follows is shown),
// and at most n bytes, cut at a character boundary with "…".
func RegisterText(s string, n int) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}
