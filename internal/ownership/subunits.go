package ownership

import (
	"strings"
	"unicode"
)

// SubUnit is a sub-unit (business establishment) of a legal unit as the
// graph needs it: its number, its own name and where it is.
type SubUnit struct {
	Number string
	Name   string
	// Street is the first line of its location address, e.g. "Strandveien 4".
	Street string
	// Town is its municipality, else its post town, e.g. "BERGEN".
	Town string
}

// place is where u is, as short as tells it apart: the town alone, or
// street and town when long is true.
func (u SubUnit) place(long bool) string {
	street, town := strings.TrimSpace(u.Street), strings.TrimSpace(u.Town)
	switch {
	case !long || street == "":
		return town
	case town == "":
		return street
	}
	return street + ", " + town
}

// AddSubUnits adds the sub-units of the legal unit parent (a node already
// in the graph), each joined to it by an Establishment edge, and each
// labelled by what tells it apart from its legal unit and its siblings
// (see SubUnitLabels). The node's FullName keeps its registered name.
func (g *Graph) AddSubUnits(parent string, units []SubUnit) {
	p, _ := g.Node(parent)
	labels := SubUnitLabels(p.Label, units)
	for i, u := range units {
		n := Node{ID: u.Number, Kind: Entity, Label: labels[i], Place: u.place(true), Detail: u.Number, Number: u.Number}
		if full := strings.TrimSpace(u.Name); full != "" && full != n.Label {
			n.FullName = full
		}
		g.AddNode(n)
		g.AddEdge(Edge{From: parent, To: u.Number, Interest: Establishment, Direct: true})
	}
}

// SubUnitLabels chooses a short label for each sub-unit of the legal unit
// called parentName, by what tells it apart, so that three sub-units do
// not all show the same legal name:
//   - its own name, when that differs from the legal unit's; when the name
//     only adds to the legal unit's name ("SOLSTRAND AS AVD BERGEN"), what
//     it adds ("AVD BERGEN");
//   - otherwise where it is: the town, or street and town when the town
//     alone is shared with another sub-unit labelled by place;
//   - a name shared by several sub-units gets the town after it;
//   - with nothing else to go on, its name, else its number.
func SubUnitLabels(parentName string, units []SubUnit) []string {
	parent := fold(parentName)
	own := make([]string, len(units)) // what the unit's own name tells, or ""
	for i, u := range units {
		name := strings.TrimSpace(u.Name)
		f := fold(name)
		switch {
		case f == "" || f == parent:
		case parent != "" && strings.HasPrefix(f, parent+" "):
			own[i] = strings.TrimLeftFunc(strings.TrimSpace(name[len(leadingWords(name, parentName)):]), isSeparator)
		default:
			own[i] = name
		}
	}
	count := func(key func(int) string) map[string]int {
		c := map[string]int{}
		for i := range units {
			if k := key(i); k != "" {
				c[fold(k)]++
			}
		}
		return c
	}
	ownCount := count(func(i int) string { return own[i] })
	byPlace := func(i int) bool { return own[i] == "" }
	townCount := count(func(i int) string {
		if !byPlace(i) {
			return ""
		}
		return units[i].place(false)
	})
	labels := make([]string, len(units))
	for i, u := range units {
		switch {
		case own[i] != "" && ownCount[fold(own[i])] > 1 && u.place(false) != "":
			labels[i] = own[i] + " · " + u.place(false)
		case own[i] != "":
			labels[i] = own[i]
		case u.place(false) != "" && townCount[fold(u.place(false))] == 1:
			labels[i] = u.place(false)
		case u.place(true) != "":
			labels[i] = u.place(true)
		case strings.TrimSpace(u.Name) != "":
			labels[i] = strings.TrimSpace(u.Name)
		default:
			labels[i] = u.Number
		}
	}
	return labels
}

// fold is s for comparing names: upper case, single spaces.
func fold(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), " ")) }

// leadingWords returns the start of name that holds the words of prefix
// (name's own spelling and spacing), for cutting them off.
func leadingWords(name, prefix string) string {
	words := len(strings.Fields(prefix))
	rest := name
	for range words {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if i := strings.IndexFunc(rest, unicode.IsSpace); i >= 0 {
			rest = rest[i:]
		} else {
			rest = ""
		}
	}
	return name[:len(name)-len(rest)]
}

// isSeparator is punctuation between a legal unit's name and what a
// sub-unit's name adds to it ("ACME AS - AVD BERGEN", "ACME AS, BERGEN").
func isSeparator(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("-–—,.:;/(", r)
}
