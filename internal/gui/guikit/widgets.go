package guikit

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/assets"
)

// Icon is the application icon as a Fyne resource.
func Icon() fyne.Resource { return fyne.NewStaticResource("icon.png", assets.Icon) }

// CanvasIcon is the application icon at a size for the gate screens.
func CanvasIcon() fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(72, 72), widget.NewIcon(Icon()))
}

// WrapLabel is a label that wraps at word boundaries.
func WrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// ErrorText is an error that is already in the user's words, for Fyne's
// error dialogs.
type ErrorText string

// Error returns the text.
func (e ErrorText) Error() string { return string(e) }

// BusyLine is a slim line under a search field that says work is going
// on: while started a short bar runs along it, otherwise it is blank. It
// keeps its few pixels of height either way, so nothing below it moves.
type BusyLine struct {
	widget.BaseWidget
	anim    *fyne.Animation
	at      float32 // where the running bar is, 0 to 1
	running bool
}

// NewBusyLine is a stopped BusyLine.
func NewBusyLine() *BusyLine {
	b := &BusyLine{}
	b.anim = fyne.NewAnimation(1200*time.Millisecond, func(f float32) {
		b.at = f
		b.Refresh()
	})
	b.anim.RepeatCount = fyne.AnimationRepeatForever
	b.anim.Curve = fyne.AnimationLinear
	b.ExtendBaseWidget(b)
	return b
}

// Start runs the bar.
func (b *BusyLine) Start() {
	if !b.running {
		b.running = true
		b.anim.Start()
		b.Refresh()
	}
}

// Stop blanks the line.
func (b *BusyLine) Stop() {
	if b.running {
		b.running = false
		b.anim.Stop()
		b.Refresh()
	}
}

// Running reports whether the bar runs.
func (b *BusyLine) Running() bool { return b.running }

// CreateRenderer draws the line.
func (b *BusyLine) CreateRenderer() fyne.WidgetRenderer {
	r := &busyLineRenderer{line: b, track: canvas.NewRectangle(color.Transparent), bar: canvas.NewRectangle(color.Transparent)}
	r.Refresh()
	return r
}

type busyLineRenderer struct {
	line       *BusyLine
	track, bar *canvas.Rectangle
}

// busyLineHeight is the line's height, in Fyne's scaled units.
const busyLineHeight = 3

func (r *busyLineRenderer) Layout(size fyne.Size) {
	r.track.Resize(size)
	width := size.Width / 4
	// the bar comes in on the left and leaves on the right
	x := r.line.at*(size.Width+width) - width
	left, right := max(x, 0), min(x+width, size.Width)
	r.bar.Move(fyne.NewPos(left, 0))
	r.bar.Resize(fyne.NewSize(max(right-left, 0), size.Height))
}

func (r *busyLineRenderer) MinSize() fyne.Size { return fyne.NewSize(0, busyLineHeight) }

func (r *busyLineRenderer) Refresh() {
	if r.line.running {
		r.track.FillColor = theme.Color(theme.ColorNameInputBorder)
		r.bar.FillColor = theme.Color(theme.ColorNamePrimary)
	} else {
		r.track.FillColor, r.bar.FillColor = color.Transparent, color.Transparent
	}
	r.Layout(r.line.Size())
	r.track.Refresh()
	r.bar.Refresh()
}

func (r *busyLineRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.track, r.bar} }

func (r *busyLineRenderer) Destroy() { r.line.anim.Stop() }

// HintLine is a short line of small text that says what the control under
// the mouse or with the keyboard focus does, for the buttons that show only
// an icon (Fyne has no tooltips).
type HintLine struct {
	// Label shows the hint; place it where the screen has room.
	Label *widget.Label
}

// NewHintLine is an empty HintLine.
func NewHintLine() *HintLine {
	l := widget.NewLabel("")
	l.SizeName = theme.SizeNameCaptionText
	l.Alignment = fyne.TextAlignTrailing
	l.Truncation = fyne.TextTruncateEllipsis
	return &HintLine{Label: l}
}

// IconButton makes a button that shows only icon, says hint on h while it
// is hovered or focused, and runs tapped.
func (h *HintLine) IconButton(icon fyne.Resource, hint string, tapped func()) *IconButton {
	b := &IconButton{Hint: hint, line: h}
	b.Icon = icon
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

func (h *HintLine) show(text string) { h.Label.SetText(text) }

func (h *HintLine) clear(text string) {
	if h.Label.Text == text {
		h.Label.SetText("")
	}
}

// IconButton is a button with only an icon whose Hint a HintLine shows.
type IconButton struct {
	widget.Button
	// Hint says what the button does, in a few words.
	Hint string
	line *HintLine
}

// MouseIn shows the hint.
func (b *IconButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	b.line.show(b.Hint)
}

// MouseOut clears it.
func (b *IconButton) MouseOut() {
	b.Button.MouseOut()
	b.line.clear(b.Hint)
}

// FocusGained shows the hint.
func (b *IconButton) FocusGained() {
	b.Button.FocusGained()
	b.line.show(b.Hint)
}

// FocusLost clears it.
func (b *IconButton) FocusLost() {
	b.Button.FocusLost()
	b.line.clear(b.Hint)
}

// FocusFollower keeps the control with the keyboard focus in view when Tab
// moves the focus into a part of a scrolled area that is not shown. Fyne
// 2.8 moves the focus on Tab inside its driver and tells no one, so the
// follower looks at the focused object on every frame while it runs (one
// comparison) and scrolls only when the focus moved to an object it finds
// inside the scrolled content.
type FocusFollower struct {
	canvas fyne.Canvas
	scroll *container.Scroll
	last   fyne.Focusable
	anim   *fyne.Animation
}

// NewFocusFollower is a stopped FocusFollower for scroll on c.
func NewFocusFollower(c fyne.Canvas, scroll *container.Scroll) *FocusFollower {
	f := &FocusFollower{canvas: c, scroll: scroll}
	f.anim = fyne.NewAnimation(time.Second, func(float32) { f.Follow() })
	f.anim.RepeatCount = fyne.AnimationRepeatForever
	return f
}

// Start follows the focus on every frame.
func (f *FocusFollower) Start() { f.anim.Start() }

// Stop stops following; a screen that is dropped must stop its follower.
func (f *FocusFollower) Stop() { f.anim.Stop() }

// Follow scrolls the focused object into view if the focus moved to one
// inside the scrolled content.
func (f *FocusFollower) Follow() {
	focused := f.canvas.Focused()
	if focused == f.last {
		return
	}
	f.last = focused
	obj, ok := focused.(fyne.CanvasObject)
	if !ok || !contains(f.scroll.Content, obj) {
		return
	}
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(obj).Y - d.AbsolutePositionForObject(f.scroll.Content).Y
	top, height := f.scroll.Offset.Y, f.scroll.Size().Height
	switch {
	case y < top:
		f.scroll.ScrollToOffset(fyne.NewPos(f.scroll.Offset.X, y))
	case y+obj.Size().Height > top+height:
		f.scroll.ScrollToOffset(fyne.NewPos(f.scroll.Offset.X, y+obj.Size().Height-height))
	}
}

// contains reports whether obj is root or inside it, looking through
// containers and the widgets whose parts are public (tabs, scrolls,
// splits, forms, cards and accordions).
func contains(root, obj fyne.CanvasObject) bool {
	if root == nil {
		return false
	}
	if root == obj {
		return true
	}
	var children []fyne.CanvasObject
	switch r := root.(type) {
	case *fyne.Container:
		children = r.Objects
	case *container.AppTabs:
		for _, it := range r.Items {
			children = append(children, it.Content)
		}
	case *container.DocTabs:
		for _, it := range r.Items {
			children = append(children, it.Content)
		}
	case *container.Scroll:
		children = []fyne.CanvasObject{r.Content}
	case *container.Split:
		children = []fyne.CanvasObject{r.Leading, r.Trailing}
	case *widget.Form:
		for _, it := range r.Items {
			children = append(children, it.Widget)
		}
	case *widget.Card:
		children = []fyne.CanvasObject{r.Content}
	case *widget.Accordion:
		for _, it := range r.Items {
			children = append(children, it.Detail)
		}
	}
	for _, c := range children {
		if contains(c, obj) {
			return true
		}
	}
	return false
}
