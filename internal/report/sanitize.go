package report

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"unicode"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// printable makes every string of an input safe to print: gofpdf panics
// on a character outside the Basic Multilingual Plane and prints nothing
// useful for one its font lacks, so the registers' and the user's text is
// cleaned before it reaches the page. Invalid UTF-8 and characters the
// embedded font cannot draw become U+FFFD "�" (so a reader sees that
// something was there); tabs become spaces; carriage returns, other
// control characters and the bidirectional overrides that could make a
// name read as another are left out. The caller's input is not changed.
type printable struct {
	font *sfnt.Font
	buf  sfnt.Buffer
	has  map[rune]bool
}

// newPrintable reads the coverage of the embedded font.
func newPrintable() (*printable, error) {
	f, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("report: reading the embedded font: %w", err)
	}
	return &printable{font: f, has: map[rune]bool{}}, nil
}

// drawable reports whether the font has a glyph for r.
func (p *printable) drawable(r rune) bool {
	if r > 0xFFFF {
		return false
	}
	ok, seen := p.has[r]
	if !seen {
		i, err := p.font.GlyphIndex(&p.buf, r)
		ok = err == nil && i != 0
		p.has[r] = ok
	}
	return ok
}

// text cleans one string.
func (p *printable) text(s string) string {
	clean := true
	for _, r := range s {
		if r == unicode.ReplacementChar || r < ' ' || r > '~' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r), r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F:
		case unicode.IsSpace(r):
			if p.drawable(r) {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		case p.drawable(r):
			b.WriteRune(r)
		default:
			b.WriteRune(unicode.ReplacementChar)
		}
	}
	return b.String()
}

// input returns a deep copy of in with every string cleaned.
func (p *printable) input(in Input) (Input, error) {
	data, err := json.Marshal(in)
	if err != nil {
		return Input{}, fmt.Errorf("report: copying the input: %w", err)
	}
	var out Input
	if err := json.Unmarshal(data, &out); err != nil {
		return Input{}, fmt.Errorf("report: copying the input: %w", err)
	}
	p.walk(reflect.ValueOf(&out).Elem())
	return out, nil
}

// walk cleans every string reachable from v.
func (p *printable) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(p.text(v.String()))
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			p.walk(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				p.walk(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			p.walk(v.Index(i))
		}
	}
}
