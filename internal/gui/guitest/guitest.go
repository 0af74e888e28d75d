// Package guitest helps the window's tests: it reads what a widget tree
// shows and stands in for the UI goroutine that Fyne's test driver lacks.
// Only tests import it.
package guitest

import (
	"image"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// UI stands in for the UI goroutine the test driver lacks: work that
// finishes in the background and the test's own steps that race with it
// take turns holding it. Pass its Do to guikit.Host.SetDo.
type UI struct{ mu sync.Mutex }

// Do runs f as if on the UI goroutine.
func (u *UI) Do(f func()) {
	u.mu.Lock()
	defer u.mu.Unlock()
	f()
}

// Eventually waits up to 5 s for cond, checking every 10 ms.
func Eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// FormValue returns the text of the label in form's row called label.
func FormValue(f *widget.Form, label string) string {
	for _, it := range f.Items {
		if it.Text == label {
			if l, ok := it.Widget.(*widget.Label); ok {
				return l.Text
			}
		}
	}
	return ""
}

// TextsIn returns the text of every label, button, hyperlink and form
// label in o's tree.
func TextsIn(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *widget.Hyperlink:
			out = append(out, w.Text)
		case *widget.Form:
			for _, it := range w.Items {
				out = append(out, it.Text)
				walk(it.Widget)
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(w.Content)
		case *container.AppTabs:
			for _, it := range w.Items {
				walk(it.Content)
			}
		}
	}
	walk(o)
	return out
}

// LabelsIn returns the text of every label in o's tree.
func LabelsIn(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(w.Content)
		case *container.AppTabs:
			for _, it := range w.Items {
				walk(it.Content)
			}
		}
	}
	walk(o)
	return out
}

// ButtonTexts returns the text of every button in o's tree.
func ButtonTexts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case *widget.Button:
			out = append(out, w.Text)
		case *container.AppTabs:
			for _, it := range w.Items {
				walk(it.Content)
			}
		}
	}
	walk(o)
	return out
}

// Contains reports whether list holds s.
func Contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// EntriesIn returns every text field in o's tree, through containers and
// the objects of widgets' renderers (dialogs, forms); a guikit.Entry is
// given as the widget.Entry it is made of.
func EntriesIn(o fyne.CanvasObject) []*widget.Entry {
	switch w := o.(type) {
	case *widget.Entry:
		return []*widget.Entry{w}
	case *guikit.Entry:
		return []*widget.Entry{&w.Entry}
	case *fyne.Container:
		var out []*widget.Entry
		for _, c := range w.Objects {
			out = append(out, EntriesIn(c)...)
		}
		return out
	case fyne.Widget:
		var out []*widget.Entry
		for _, c := range test.WidgetRenderer(w).Objects() {
			out = append(out, EntriesIn(c)...)
		}
		return out
	}
	return nil
}

// Capture lays win out at size and draws it, as the driver does, for a
// golden-image test. Fyne 2.8 stamps a widget's renderer with the time of
// the last drawing of any canvas in the process, and the next drawing
// throws away those stamped more than a minute before; a renderer made
// again is not laid out until its widget changes size. In a test process
// that ran long since its last drawing, a screen built just now would lose
// its renderers in the capture and come out half drawn. So Capture draws
// once (which brings that clock up to date and throws away what is
// stale), lays every widget and container out again, and draws.
func Capture(win fyne.Window, size fyne.Size) image.Image {
	win.Resize(size)
	win.Canvas().Capture()
	win.Resize(size.Add(fyne.NewSize(1, 0)))
	win.Resize(size)
	// Twice: a text that wraps knows its height only once it has its
	// width, and its container must then be laid out again.
	for range 2 {
		relayout(win.Canvas().Content())
		for _, o := range win.Canvas().Overlays().List() {
			relayout(o)
		}
	}
	return win.Canvas().Capture()
}

// relayout lays o and everything in it out again at their sizes, making
// any renderer that was thrown away.
func relayout(o fyne.CanvasObject) {
	switch x := o.(type) {
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		r.Layout(x.Size())
		for _, c := range r.Objects() {
			relayout(c)
		}
	case *fyne.Container:
		if x.Layout != nil {
			x.Layout.Layout(x.Objects, x.Size())
		}
		for _, c := range x.Objects {
			relayout(c)
		}
	}
}
