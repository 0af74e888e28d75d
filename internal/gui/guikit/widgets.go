package guikit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
