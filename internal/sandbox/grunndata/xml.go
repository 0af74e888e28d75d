package grunndata

import (
	"fmt"
	"strings"
)

// xmlw writes XML by hand, so the sandbox controls every byte.
type xmlw struct {
	b        strings.Builder
	entities bool // write non-ASCII as numeric character entities (&#xe5;)
}

func (x *xmlw) raw(s string) { x.b.WriteString(s) }

// start writes a start tag; attrs are name, value pairs.
func (x *xmlw) start(name string, attrs ...string) {
	x.b.WriteByte('<')
	x.b.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		x.b.WriteByte(' ')
		x.b.WriteString(attrs[i])
		x.b.WriteString(`="`)
		x.text(attrs[i+1], true)
		x.b.WriteByte('"')
	}
	x.b.WriteByte('>')
}

func (x *xmlw) end(name string) {
	x.b.WriteString("</")
	x.b.WriteString(name)
	x.b.WriteByte('>')
}

// leaf writes an element holding text.
func (x *xmlw) leaf(name, text string, attrs ...string) {
	x.start(name, attrs...)
	x.text(text, false)
	x.end(name)
}

// opt writes an element holding text unless text is empty.
func (x *xmlw) opt(name, text string) {
	if text != "" {
		x.leaf(name, text)
	}
}

// text writes escaped character data (attr: for an attribute value).
func (x *xmlw) text(s string, attr bool) {
	for _, r := range s {
		switch {
		case r == '&':
			x.b.WriteString("&amp;")
		case r == '<':
			x.b.WriteString("&lt;")
		case r == '>':
			x.b.WriteString("&gt;")
		case r == '"' && attr:
			x.b.WriteString("&quot;")
		case r >= 0x80 && x.entities:
			fmt.Fprintf(&x.b, "&#x%x;", r)
		default:
			x.b.WriteRune(r)
		}
	}
}
