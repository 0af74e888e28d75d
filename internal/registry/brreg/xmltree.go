package brreg

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/motpart/motpart/internal/registry/transport"
	"golang.org/x/text/encoding/charmap"
)

// Limits on the XML documents parsed, against hostile input. The
// response body itself is bounded by the transport.
const (
	maxXMLDepth = 64
	maxXMLNodes = 200_000
)

// xnode is an element of a parsed XML document.
type xnode struct {
	name  xml.Name
	attrs []xml.Attr
	kids  []*xnode
	text  string // the character data directly inside, untrimmed
}

// child returns the first child element named local (any namespace,
// ASCII case ignored), or nil.
func (n *xnode) child(local string) *xnode {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if strings.EqualFold(k.name.Local, local) {
			return k
		}
	}
	return nil
}

// children returns the child elements named local.
func (n *xnode) children(local string) []*xnode {
	if n == nil {
		return nil
	}
	var out []*xnode
	for _, k := range n.kids {
		if strings.EqualFold(k.name.Local, local) {
			out = append(out, k)
		}
	}
	return out
}

// textOf returns the trimmed text of the first child named local.
func (n *xnode) textOf(local string) string {
	if c := n.child(local); c != nil {
		return strings.TrimSpace(c.text)
	}
	return ""
}

// firstText returns the text of the first of the named children that has
// any.
func (n *xnode) firstText(locals ...string) string {
	for _, l := range locals {
		if t := n.textOf(l); t != "" {
			return t
		}
	}
	return ""
}

// attr returns the trimmed value of the attribute named local.
func (n *xnode) attr(local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attrs {
		if strings.EqualFold(a.Name.Local, local) {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// charsetReader decodes the encodings grunndataWS documents declare.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return input, nil
	case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1":
		return charmap.ISO8859_1.NewDecoder().Reader(input), nil
	case "iso-8859-15", "iso8859-15", "latin-9", "latin9":
		return charmap.ISO8859_15.NewDecoder().Reader(input), nil
	case "windows-1252", "cp1252":
		return charmap.Windows1252.NewDecoder().Reader(input), nil
	}
	return nil, fmt.Errorf("unsupported character encoding %q", transport.RegisterText(label, 40))
}

// parseXML parses the document in data up to the end of its root element
// (anything after it is ignored: grunndataWS has been seen to leave a
// stray "</return>" there). With text set, data is taken to be text that
// was already decoded (the inner document of a SOAP reply): when it is
// valid UTF-8, a declared encoding such as ISO-8859-1 is ignored, since
// decoding it again would garble the letters æøå.
func parseXML(data []byte, text bool) (*xnode, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.CharsetReader = charsetReader
	if text && utf8.Valid(data) {
		dec.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
			if _, err := charsetReader(label, nil); err != nil {
				return nil, err
			}
			return input, nil
		}
	}
	var (
		root  *xnode
		stack []*xnode
		texts [][]byte
		nodes int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil, errors.New("the document ends before its root element does")
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root != nil && len(stack) == 0 {
				return nil, errors.New("more than one root element")
			}
			nodes++
			if nodes > maxXMLNodes {
				return nil, fmt.Errorf("more than %d elements", maxXMLNodes)
			}
			if len(stack) >= maxXMLDepth {
				return nil, fmt.Errorf("elements nested deeper than %d", maxXMLDepth)
			}
			n := &xnode{name: t.Name, attrs: t.Attr}
			if len(stack) == 0 {
				root = n
			} else {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			}
			stack = append(stack, n)
			texts = append(texts, nil)
		case xml.EndElement:
			n := stack[len(stack)-1]
			n.text = string(texts[len(texts)-1])
			stack, texts = stack[:len(stack)-1], texts[:len(texts)-1]
			if len(stack) == 0 {
				return root, nil
			}
		case xml.CharData:
			if len(stack) > 0 {
				texts[len(texts)-1] = append(texts[len(texts)-1], t...)
			} else if len(bytes.TrimSpace(t)) > 0 {
				return nil, errors.New("text outside the root element")
			}
		case xml.Directive:
			// A DTD could declare entities; grunndataWS never sends one.
			return nil, errors.New("a DTD or other directive is not allowed")
		}
	}
}
