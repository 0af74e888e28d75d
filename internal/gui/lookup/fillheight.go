package lookup

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// fillHeight lays out one object as high as the window below where the
// object starts (at least its own minimum, at most the height it is
// given), so that a tab inside the Lookup screen's scrolling column fills
// the window and grows and shrinks with it, even when a taller tab beside
// it makes the tabs higher than the window. The top is measured where the
// object is drawn, each time the window checks sizes; as scrolling down
// moves it up, the height asked for is bounded by the window's height less
// room for what is always above (minChrome), so scrolling cannot make the
// column grow without end.
type fillHeight struct {
	canvas fyne.Canvas
	box    *fyne.Container
	// top is how far below the window's top the object starts, as last
	// measured.
	top float32
	// retries counts the frames asked for while the object was shown but
	// its position not yet known (a window lays out before it first
	// draws): each asks the window to check the sizes again next frame.
	retries int
	// given is the height Layout last gave the object; laying is true
	// while Layout runs.
	given  float32
	laying bool
	// measuring is true while MinSize asks the driver where the object
	// is. Asking walks the window's tree, which may build renderers (Fyne
	// builds them again after a minute out of sight), whose first refresh
	// lays this container out and asks MinSize again: that inner call
	// answers with the objects' own size instead of walking again, or the
	// walk would recurse without end.
	measuring bool
}

// maxRetries bounds the frames asked for while the top is not known;
// minChrome is the least height above the object (the window's bar and
// the search field).
const (
	maxRetries = 30
	minChrome  = 160
)

// newFillHeight wraps o so that it fills the height of the window of c.
func newFillHeight(c fyne.Canvas, o fyne.CanvasObject) *fyne.Container {
	l := &fillHeight{canvas: c}
	l.box = container.New(l, o)
	return l.box
}

// Layout gives every object the whole width and the window's height.
func (l *fillHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.laying = true
	defer func() { l.laying = false }()
	size.Height = min(size.Height, l.MinSize(objs).Height)
	l.given = size.Height
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is the objects' own, but at least as high as the window from
// the object's top down.
func (l *fillHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var least fyne.Size
	for _, o := range objs {
		least = least.Max(o.MinSize())
	}
	if l.canvas == nil || fyne.CurrentApp() == nil || l.measuring {
		return least
	}
	win := l.canvas.Size()
	l.measuring = true
	y := fyne.CurrentApp().Driver().AbsolutePositionForObject(l.box).Y
	l.measuring = false
	if y != 0 {
		l.top = y
	}
	if l.top == 0 {
		if l.box.Visible() && l.retries < maxRetries {
			// The window checks every object's size when it draws a
			// changed frame, and knows the positions by then.
			l.retries++
			canvas.Refresh(l.box)
		}
		return least
	}
	least.Height = max(least.Height, win.Height-max(l.top, minChrome)-2*theme.Padding())
	// A window that learns the new height lays the parents out again,
	// but a container given the size it has does not lay itself out:
	// do it here when the height to give changed.
	if size := l.box.Size(); !l.laying && size.Height > 0 && min(size.Height, least.Height) != l.given {
		l.Layout(objs, size)
	}
	return least
}
