package lookup

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// sameSlot lays its buttons on top of each other in a slot as wide as the
// widest of them, shown or hidden, so that swapping which one is shown
// moves nothing around it.
type sameSlot struct {
	// least is the widest button's size, measured on shown copies: Fyne
	// leaves the icon out of a hidden button's size.
	least fyne.Size
}

func newSameSlot(buttons ...*widget.Button) *sameSlot {
	l := &sameSlot{}
	for _, b := range buttons {
		l.least = l.least.Max(widget.NewButtonWithIcon(b.Text, b.Icon, nil).MinSize())
	}
	return l
}

func (l *sameSlot) MinSize(objects []fyne.CanvasObject) fyne.Size {
	size := l.least
	for _, o := range objects {
		if o.Visible() {
			size = size.Max(o.MinSize())
		}
	}
	return size
}

func (l *sameSlot) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}
