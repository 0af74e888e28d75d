package classify

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// heightLayout gives its objects the whole width and a fixed height.
type heightLayout struct{ height float32 }

func (l *heightLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objects {
		w = max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, l.height)
}

func (l *heightLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// pageLayout stacks objects top to bottom, each as wide as the page, like
// a VBox; but it first gives each object the page's width and only then
// asks how high it is, so a wrapping label is as high as its lines at that
// width rather than at the width it had before the window was resized.
type pageLayout struct{}

func (pageLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	shown := 0
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		size.Width = max(size.Width, m.Width)
		size.Height += m.Height
		shown++
	}
	if shown > 1 {
		size.Height += float32(shown-1) * theme.Padding()
	}
	return size
}

func (pageLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		if o.Visible() && o.Size().Width != size.Width {
			o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
		}
	}
	var y float32
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + theme.Padding()
	}
}
