package guikit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// The environments a Band and a watermark speak of (internal/desk's
// names, which the window receives as plain strings).
const (
	EnvSandbox    = "sandbox"    // the local simulators and their made-up world
	EnvTest       = "test"       // the registers' official test hosts
	EnvProduction = "production" // the registers themselves
)

// Band is a strip across the top of the window that says, unmistakably,
// that the window works on practice data (the sandbox) or on the
// registers' test hosts. In production, or while the environment is not
// known and was never known before, it takes no room. Make it with NewBand; it reads the environment
// from its Host, and Host.EnvironmentChanged updates the band shown.
type Band struct {
	widget.BaseWidget
	host  *Host
	env   string
	bg    *canvas.Rectangle
	title *canvas.Text
	text  *canvas.Text
}

// NewBand is the band for the environment of h; it becomes the band
// h.EnvironmentChanged updates.
func NewBand(h *Host) *Band {
	b := &Band{host: h, bg: canvas.NewRectangle(color.Transparent)}
	b.title = canvas.NewText("", color.Black)
	b.title.TextStyle = fyne.TextStyle{Bold: true}
	b.text = canvas.NewText("", color.Black)
	b.ExtendBaseWidget(b)
	h.band = b
	b.Update()
	return b
}

// WithBand is content under a new band for the environment of h.
func WithBand(h *Host, content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(NewBand(h), nil, nil, nil, content)
}

// Update reads the environment again and shows or hides the band. While
// the environment cannot be known (the vault is locked), it shows the one
// the window last knew.
func (b *Band) Update() {
	b.env = b.host.Environment()
	if b.env != "" {
		b.host.Prefs.SetLastEnvironment(b.env)
	} else {
		b.env = b.host.Prefs.LastEnvironment()
	}
	title, text, fill, ink := BandText(b.env)
	b.title.Text, b.text.Text = title, text
	b.bg.FillColor = fill
	b.title.Color, b.text.Color = ink, ink
	if title == "" {
		b.Hide()
	} else {
		b.Show()
	}
	b.Refresh()
}

// Environment is the environment the band shows.
func (b *Band) Environment() string { return b.env }

// Text is what the band says, "" when it is hidden.
func (b *Band) Text() string {
	if b.title.Text == "" {
		return ""
	}
	return b.title.Text + " · " + b.text.Text
}

// BandText is what the band says for env, in the interface language, and
// its colours: amber for the sandbox, purple for test; "" for production
// and for an unknown environment.
func BandText(env string) (title, text string, fill, ink color.Color) {
	switch env {
	case EnvSandbox:
		return lang.L("SANDBOX"), lang.L("Practice data: not real companies"), color.NRGBA{R: 0xff, G: 0xb3, A: 0xff}, color.Black
	case EnvTest:
		return lang.L("TEST"), lang.L("Test registers: not for real work"), color.NRGBA{R: 0x7b, G: 0x1f, B: 0xa2, A: 0xff}, color.White
	}
	return "", "", color.Transparent, color.Black
}

// CreateRenderer draws the band: the colour across the whole width and
// the words in the middle.
func (b *Band) CreateRenderer() fyne.WidgetRenderer {
	words := container.NewHBox(b.title, b.text)
	return widget.NewSimpleRenderer(container.NewStack(b.bg, container.NewCenter(container.NewPadded(words))))
}

// SetEnvironment sets how h learns the environment ("sandbox", "test",
// "production", or "" while it is not known); the window passes its
// desk's. Set it before the screens are built.
func (h *Host) SetEnvironment(env func() string) { h.env = env }

// Environment is the environment now; "" when not known.
func (h *Host) Environment() string {
	if h.env == nil {
		return ""
	}
	return h.env()
}

// EnvironmentChanged updates the band shown after the environment may
// have changed (Settings saved). Call it on the UI goroutine.
func (h *Host) EnvironmentChanged() {
	if h.band != nil {
		h.band.Update()
	}
}

// Band is the band shown in h's window, nil before the first.
func (h *Host) Band() *Band { return h.band }

// WatermarkText is the mark every picture or export made in env carries,
// in the interface language: "" in production and while env is unknown.
func WatermarkText(env string) string {
	switch env {
	case EnvSandbox:
		return lang.L("SANDBOX – practice data")
	case EnvTest:
		return lang.L("TEST – test registers")
	}
	return ""
}
