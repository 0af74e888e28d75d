package guikit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func TestTableColumns(t *testing.T) {
	test.NewTempApp(t)
	long := strings.Repeat("word ", 40)
	for _, tt := range []struct {
		name  string
		width float32
		names []string
		// checks on the laid out cells of the first data row
		check func(t *testing.T, role, name, since fyne.CanvasObject, size fyne.Size)
	}{
		{"wide window: the name column as wide as its text", 1200, []string{"Ingrid Solstrand"},
			func(t *testing.T, role, name, since fyne.CanvasObject, size fyne.Size) {
				if w := naturalWidth(widget.NewLabel("Ingrid Solstrand")); name.Size().Width > w+1 {
					t.Errorf("name column %v wide, its text needs %v", name.Size().Width, w)
				}
				if since.Position().X > size.Width/2 {
					t.Errorf("since column at %v of %v: not compact", since.Position().X, size.Width)
				}
			}},
		{"long name wraps in its column, the row grows", 600, []string{long},
			func(t *testing.T, role, name, since fyne.CanvasObject, size fyne.Size) {
				if end := since.Position().X + since.Size().Width; end > size.Width+0.5 {
					t.Errorf("the since column ends at %v, beyond %v", end, size.Width)
				}
				if name.Size().Height < 2*widget.NewLabel("x").MinSize().Height {
					t.Errorf("a long name is %v high: not wrapped", name.Size().Height)
				}
				if role.Size().Height != name.Size().Height || role.Position().Y != name.Position().Y {
					t.Errorf("cells of a row differ: %v at %v, %v at %v", role.Size(), role.Position(), name.Size(), name.Position())
				}
			}},
		{"narrow window: the fixed columns give way to the stretch column", 300, []string{"Per"},
			func(t *testing.T, role, name, since fyne.CanvasObject, size fyne.Size) {
				if role.Size().Width > size.Width*maxColumnShare+0.5 {
					t.Errorf("role column %v of %v", role.Size().Width, size.Width)
				}
				if since.Size().Width < since.MinSize().Width {
					t.Errorf("since column %v narrower than its text %v", since.Size().Width, since.MinSize().Width)
				}
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			role := WrapLabel("Deputy chair of the board of directors")
			name := WrapLabel(tt.names[0])
			since := widget.NewLabel("2023-06-20")
			table := NewTable(3, 1, widget.NewLabel("Role"), widget.NewLabel("Name"), widget.NewLabel("Since"), role, name, since)
			size := fyne.NewSize(tt.width, 400)
			table.Resize(size)
			table.Layout.Layout(table.Objects, size)
			if got, min := table.MinSize().Height, role.Position().Y+role.Size().Height; got < min {
				t.Errorf("table min height %v, rows need %v", got, min)
			}
			if name.Position().X < role.Position().X+role.Size().Width+theme.Padding()-0.5 {
				t.Errorf("columns overlap: role ends %v, name starts %v", role.Position().X+role.Size().Width, name.Position().X)
			}
			tt.check(t, role, name, since, size)
		})
	}
}
