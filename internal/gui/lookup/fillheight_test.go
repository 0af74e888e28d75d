package lookup

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// rebuilt holds a fillHeight container and, when its renderer is built,
// lays that container out again, as the dossier's tabs do when Fyne builds
// their renderer again after a minute out of sight. builds counts the
// renderers built.
type rebuilt struct {
	widget.BaseWidget
	box    *fyne.Container
	builds int
}

func (r *rebuilt) CreateRenderer() fyne.WidgetRenderer {
	r.builds++
	if r.builds < 50 { // bounded, so that a failure ends
		r.box.Refresh()
	}
	return widget.NewSimpleRenderer(r.box)
}

// TestFillHeightMeasuresOnce: a MinSize asked again while fillHeight
// measures where it is (a walk of the window that builds the renderers of
// the widgets above it) answers at once instead of walking again. Without
// that, the walk and the renderer it builds asked each other without end:
// the aged test run spun in it for minutes.
func TestFillHeightMeasuresOnce(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	box := newFillHeight(w.Canvas(), canvas.NewRectangle(nil))
	root := container.NewStack(canvas.NewRectangle(nil))
	w.SetContent(root)
	w.Resize(fyne.NewSize(300, 400))
	// A widget above the container whose renderer is not built yet, as
	// one dropped from Fyne's cache.
	r := &rebuilt{box: box}
	r.ExtendBaseWidget(r)
	root.Objects = []fyne.CanvasObject{r}
	box.MinSize()
	if r.builds != 1 {
		t.Errorf("the renderer above was built %d times, want once", r.builds)
	}
}
