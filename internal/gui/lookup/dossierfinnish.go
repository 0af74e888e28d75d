package lookup

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// This file draws what only PRH's open data says of a Finnish company
// (dossier.FinnishFacts): its EU ID, its names in other languages and
// for lines of business, and its earlier names with the day each ended.
// The company view calls finnishRows after its own rows.

// finnishRows adds c's Finnish facts to form. It adds nothing for a unit
// of another country.
func finnishRows(form *widget.Form, c *dossier.Company) {
	fi := c.Finnish
	if fi == nil {
		return
	}
	f := guikit.Format()
	add := func(label, value string) {
		if value != "" {
			form.Append(label, guikit.WrapLabel(value))
		}
	}
	add(lang.L("EU ID"), fi.EUID)
	var other, earlier []string
	for _, n := range fi.Names {
		switch {
		case n.To != "":
			earlier = append(earlier, lang.L("{{.Name}} (until {{.Date}})", map[string]any{"Name": n.Name, "Date": f.Date(n.To)}))
		case n.Name != c.Name:
			other = append(other, n.Name)
		}
	}
	add(lang.L("Other names"), strings.Join(other, "\n"))
	add(lang.L("Earlier names"), strings.Join(earlier, "\n"))
}
