package lookup

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// fillHeight lays out one object as high as the window below where the
// object starts (at least its own minimum, at most the height it is
// given), so that a tab inside the Lookup screen's scrolling column fills
// the window and grows and shrinks with it, even when a taller tab beside
// it makes the tabs higher than the window. The top is measured where the
// object is drawn; scrolling down never makes it ask for more.
type fillHeight struct {
	canvas fyne.Canvas
	box    *fyne.Container
	// top is how far below the window's top the object starts, as last
	// measured; width is the window width it was measured at.
	top, width float32
	// retries counts the later measurements asked for while the object
	// was not yet drawn (a window lays out before it first paints, when
	// positions are not known yet); pending is true while one waits.
	retries int
	pending bool
}

// maxRetries bounds the later measurements; retryDelay is their spacing.
const (
	maxRetries = 20
	retryDelay = 100 * time.Millisecond
)

// newFillHeight wraps o so that it fills the height of the window of c.
func newFillHeight(c fyne.Canvas, o fyne.CanvasObject) *fyne.Container {
	l := &fillHeight{canvas: c}
	l.box = container.New(l, o)
	return l.box
}

// Layout gives every object the whole width and the window's height.
func (l *fillHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	size.Height = min(size.Height, l.MinSize(objs).Height)
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if l.top == 0 && !l.pending && l.retries < maxRetries && l.canvas != nil {
		l.pending = true
		time.AfterFunc(retryDelay, func() { fyne.Do(l.remeasure) })
	}
}

// remeasure measures the top again once the window has drawn the object,
// and lays the window out again when it is known.
func (l *fillHeight) remeasure() {
	l.pending = false
	l.retries++
	if fyne.CurrentApp() == nil || l.canvas.Content() == nil {
		return
	}
	if y := fyne.CurrentApp().Driver().AbsolutePositionForObject(l.box).Y; y > 0 {
		l.top = y
		l.canvas.Content().Refresh()
		return
	}
	if l.retries < maxRetries {
		l.pending = true
		time.AfterFunc(retryDelay, func() { fyne.Do(l.remeasure) })
	}
}

// MinSize is the objects' own, but at least as high as the window from
// the object's top down.
func (l *fillHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var least fyne.Size
	for _, o := range objs {
		least = least.Max(o.MinSize())
	}
	if l.canvas == nil || fyne.CurrentApp() == nil {
		return least
	}
	win := l.canvas.Size()
	if win.Width != l.width {
		l.width, l.top = win.Width, 0 // what is above may wrap differently
	}
	if y := fyne.CurrentApp().Driver().AbsolutePositionForObject(l.box).Y; y > l.top {
		l.top = y
	}
	if l.top == 0 {
		return least
	}
	least.Height = max(least.Height, win.Height-l.top-2*theme.Padding())
	return least
}
