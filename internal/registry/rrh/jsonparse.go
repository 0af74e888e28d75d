package rrh

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// This file is a small JSON parser for the register's documents. The full
// register holds hundreds of thousands of registrations; decoding them with
// reflection (encoding/json) is the slowest part of an import, so the
// registration shape is read here directly, field by field. It is strict
// about JSON syntax (RFC 8259) and lenient about the document: unknown
// fields are skipped, null means absent, and a value of an unexpected type
// is skipped as if absent.

// maxDepth bounds nesting, so that hostile input cannot exhaust the stack.
const maxDepth = 64

// errSyntax is wrapped by every JSON syntax error.
var errSyntax = errors.New("invalid JSON")

// parser reads one JSON document held in data.
type parser struct {
	data  []byte
	pos   int
	depth int
	// scratch is reused to unescape strings and keys.
	scratch []byte
	// intern shares short repeated strings (codes, texts, countries);
	// nil for a single document.
	intern map[string]string
	// hitEnd is set when the parser looked past the end of data: a
	// failure may then only mean that the data is cut short.
	hitEnd bool
}

// maxInterned bounds the intern table of one reader.
const maxInterned = 8192

func (p *parser) reset(data []byte) {
	p.data, p.pos, p.depth, p.hitEnd = data, 0, 0, false
}

func (p *parser) fail(msg string) error {
	return fmt.Errorf("%w at byte %d: %s", errSyntax, p.pos, msg)
}

func (p *parser) ws() {
	d, i := p.data, p.pos
	for i < len(d) {
		switch d[i] {
		case ' ', '\t', '\n', '\r':
			i++
			// Indentation: skip eight spaces at a time.
			for i+8 <= len(d) && binary.LittleEndian.Uint64(d[i:]) == 0x2020202020202020 {
				i += 8
			}
		default:
			p.pos = i
			return
		}
	}
	p.pos = i
}

// peek returns the next byte after white space, or 0 at the end.
func (p *parser) peek() byte {
	p.ws()
	if p.pos >= len(p.data) {
		p.hitEnd = true
		return 0
	}
	return p.data[p.pos]
}

// end checks that only white space is left.
func (p *parser) end() error {
	p.ws()
	if p.pos != len(p.data) {
		return p.fail("data after the value")
	}
	return nil
}

// literal consumes word (true, false, null).
func (p *parser) literal(word string) error {
	if len(p.data)-p.pos < len(word) {
		p.hitEnd = true
		return p.fail("invalid literal")
	}
	if string(p.data[p.pos:p.pos+len(word)]) != word {
		return p.fail("invalid literal")
	}
	p.pos += len(word)
	return nil
}

// object calls fn for each member of the object that is next, with the
// parser at the member's value; fn must consume it. null is an empty
// object; any other non-object is skipped and reported by ok=false.
func (p *parser) object(fn func(key []byte) error) (ok bool, err error) {
	switch p.peek() {
	case '{':
	case 'n':
		return false, p.literal("null")
	default:
		return false, p.skip()
	}
	if p.depth++; p.depth > maxDepth {
		return false, &LimitError{Limit: LimitNesting, Max: maxDepth, Offset: int64(p.pos)}
	}
	p.pos++
	if p.peek() == '}' {
		p.pos++
		p.depth--
		return true, nil
	}
	for {
		if p.peek() != '"' {
			return false, p.fail("expected a member name")
		}
		key, err := p.rawString(true)
		if err != nil {
			return false, err
		}
		if p.peek() != ':' {
			return false, p.fail("expected ':'")
		}
		p.pos++
		p.ws()
		if err := fn(key); err != nil {
			return false, err
		}
		switch p.peek() {
		case ',':
			p.pos++
		case '}':
			p.pos++
			p.depth--
			return true, nil
		default:
			return false, p.fail("expected ',' or '}'")
		}
	}
}

// array calls fn for each element of the array that is next, with the
// parser at the element; fn must consume it. null is an empty array; any
// other non-array is skipped.
func (p *parser) array(fn func() error) error {
	switch p.peek() {
	case '[':
	case 'n':
		return p.literal("null")
	default:
		return p.skip()
	}
	if p.depth++; p.depth > maxDepth {
		return &LimitError{Limit: LimitNesting, Max: maxDepth, Offset: int64(p.pos)}
	}
	p.pos++
	if p.peek() == ']' {
		p.pos++
		p.depth--
		return nil
	}
	for {
		p.ws()
		if err := fn(); err != nil {
			return err
		}
		switch p.peek() {
		case ',':
			p.pos++
		case ']':
			p.pos++
			p.depth--
			return nil
		default:
			return p.fail("expected ',' or ']'")
		}
	}
}

// skip consumes any value, checking its syntax.
func (p *parser) skip() error {
	switch c := p.peek(); {
	case c == '{':
		_, err := p.object(func([]byte) error { return p.skip() })
		return err
	case c == '[':
		return p.array(p.skip)
	case c == '"':
		_, err := p.rawString(false)
		return err
	case c == 't':
		return p.literal("true")
	case c == 'f':
		return p.literal("false")
	case c == 'n':
		return p.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		_, err := p.number()
		return err
	case c == 0:
		return p.fail("unexpected end")
	}
	return p.fail("unexpected character")
}

// number consumes a JSON number and returns its text.
func (p *parser) number() ([]byte, error) {
	d, start := p.data, p.pos
	i := p.pos
	if i < len(d) && d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case i < len(d) && d[i] >= '1' && d[i] <= '9':
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	default:
		p.pos = i
		p.hitEnd = i >= len(d)
		return nil, p.fail("invalid number")
	}
	if i < len(d) && d[i] == '.' {
		i++
		if i >= len(d) || d[i] < '0' || d[i] > '9' {
			p.pos = i
			p.hitEnd = i >= len(d)
			return nil, p.fail("invalid number")
		}
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if i >= len(d) || d[i] < '0' || d[i] > '9' {
			p.pos = i
			p.hitEnd = i >= len(d)
			return nil, p.fail("invalid number")
		}
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	}
	if i >= len(d) {
		p.hitEnd = true
	}
	p.pos = i
	return d[start:i], nil
}

// rawString consumes the string that is next and returns its content,
// unescaped, as valid UTF-8 (invalid bytes become U+FFFD, as
// encoding/json does). The result aliases data or the scratch buffer:
// copy it before the next call when it must be kept. key says the string
// is a member name (only for error messages).
func (p *parser) rawString(key bool) ([]byte, error) {
	d := p.data
	i := p.pos + 1 // after the quote
	start := i
	plain := true
	for {
		if i >= len(d) {
			p.pos = i
			p.hitEnd = true
			return nil, p.fail("unterminated string")
		}
		c := d[i]
		if c == '"' {
			break
		}
		if c == '\\' {
			plain = false
			i += 2
			continue
		}
		if c < 0x20 {
			p.pos = i
			return nil, p.fail("control character in a string")
		}
		if c >= utf8.RuneSelf {
			plain = false
		}
		i++
	}
	raw := d[start:i]
	p.pos = i + 1
	if plain || (utf8.Valid(raw) && !hasBackslash(raw)) {
		return raw, nil
	}
	out, err := p.unescape(raw)
	if err != nil {
		if key {
			return nil, p.fail("invalid member name: " + err.Error())
		}
		return nil, p.fail(err.Error())
	}
	return out, nil
}

func hasBackslash(b []byte) bool {
	for _, c := range b {
		if c == '\\' {
			return true
		}
	}
	return false
}

// unescape decodes the escapes of raw into the scratch buffer.
func (p *parser) unescape(raw []byte) ([]byte, error) {
	out := p.scratch[:0]
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '\\':
			if i+1 >= len(raw) {
				return nil, errors.New("invalid escape")
			}
			switch raw[i+1] {
			case '"', '\\', '/':
				out = append(out, raw[i+1])
				i += 2
			case 'b':
				out = append(out, '\b')
				i += 2
			case 'f':
				out = append(out, '\f')
				i += 2
			case 'n':
				out = append(out, '\n')
				i += 2
			case 'r':
				out = append(out, '\r')
				i += 2
			case 't':
				out = append(out, '\t')
				i += 2
			case 'u':
				r, ok := hex4(raw[i+2:])
				if !ok {
					return nil, errors.New("invalid \\u escape")
				}
				i += 6
				if utf16.IsSurrogate(r) {
					r2, ok2 := rune(-1), false
					if i+1 < len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
						r2, ok2 = hex4(raw[i+2:])
					}
					if dec := utf16.DecodeRune(r, r2); ok2 && dec != utf8.RuneError {
						r = dec
						i += 6
					} else {
						r = utf8.RuneError
					}
				}
				out = utf8.AppendRune(out, r)
			default:
				return nil, errors.New("invalid escape")
			}
		case c < utf8.RuneSelf:
			out = append(out, c)
			i++
		default:
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size == 1 {
				out = utf8.AppendRune(out, utf8.RuneError)
			} else {
				out = append(out, raw[i:i+size]...)
			}
			i += size
		}
	}
	p.scratch = out
	return out, nil
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// str reads a string value. A number or boolean gives its text (the
// register's examples show organisation numbers unquoted); null gives "";
// an object or array is skipped and gives "".
func (p *parser) str() (string, error) {
	b, err := p.strBytes()
	if err != nil || b == nil {
		return "", err
	}
	return string(b), nil
}

// shared reads a string value that is likely repeated across the file (a
// code, a text, a country), sharing one copy of each.
func (p *parser) shared() (string, error) {
	b, err := p.strBytes()
	if err != nil || b == nil {
		return "", err
	}
	if p.intern == nil {
		return string(b), nil
	}
	if s, ok := p.intern[string(b)]; ok {
		return s, nil
	}
	s := string(b)
	if len(s) <= 200 && len(p.intern) < maxInterned {
		p.intern[s] = s
	}
	return s, nil
}

// strBytes is str without the copy; nil for absent.
func (p *parser) strBytes() ([]byte, error) {
	switch c := p.peek(); {
	case c == '"':
		return p.rawString(false)
	case c == 'n':
		return nil, p.literal("null")
	case c == 't':
		return []byte("true"), p.literal("true")
	case c == 'f':
		return []byte("false"), p.literal("false")
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	}
	return nil, p.skip()
}

// boolean reads true, false, or (leniently) "true"/"false"; anything else
// is false.
func (p *parser) boolean() (bool, error) {
	switch p.peek() {
	case 't':
		return true, p.literal("true")
	case 'f':
		return false, p.literal("false")
	case '"':
		b, err := p.rawString(false)
		return string(b) == "true", err
	}
	return false, p.skip()
}
