// Package watermark marks a picture as made from practice or test data:
// a large translucent line of text across its middle, corner to corner,
// and the same text on a solid strip in its lower left corner, so that a
// crop or a print in grey still shows it. It knows nothing of the project:
// the caller chooses the words (in the user's language) and when to mark.
package watermark

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/f64"
	"golang.org/x/image/math/fixed"
)

// Colours of the marks: the diagonal in translucent amber, the corner
// strip in the same amber as the window's SANDBOX band, with black words.
var (
	diagonalInk = color.NRGBA{R: 0xff, G: 0x8f, A: 0x90}
	stripFill   = color.NRGBA{R: 0xff, G: 0xb3, A: 0xff}
	stripInk    = color.Black
)

// Stamp returns a copy of img with text written across it diagonally and
// in its lower left corner. It fails only when the embedded font cannot
// be read.
func Stamp(img image.Image, text string) (*image.RGBA, error) {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(out, out.Bounds(), img, b.Min, draw.Src)
	if text == "" || b.Dx() < 8 || b.Dy() < 8 {
		return out, nil
	}
	f, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, fmt.Errorf("reading the watermark font: %w", err)
	}
	w, h := float64(b.Dx()), float64(b.Dy())

	// The diagonal: the text drawn upright at a size that makes it about
	// two thirds of the diagonal long, then turned onto it.
	diagonal := math.Hypot(w, h)
	const probe = 48.0
	width, err := measure(f, text, probe)
	if err != nil {
		return nil, err
	}
	label, err := render(f, text, math.Max(8, probe*0.66*diagonal/width), diagonalInk)
	if err != nil {
		return nil, err
	}
	angle := math.Atan2(h, w) // from lower left to upper right
	sin, cos := math.Sin(-angle), math.Cos(-angle)
	lw, lh := float64(label.Bounds().Dx()), float64(label.Bounds().Dy())
	// Turn the label about its centre and move that to the picture's
	// centre.
	cx, cy := w/2-(cos*lw/2-sin*lh/2), h/2-(sin*lw/2+cos*lh/2)
	m := f64.Aff3{cos, -sin, cx, sin, cos, cy}
	xdraw.BiLinear.Transform(out, m, label, label.Bounds(), xdraw.Over, nil)

	// The corner strip, small enough to leave the picture readable.
	small := math.Max(11, math.Min(24, h/30))
	corner, err := render(f, text, small, stripInk)
	if err != nil {
		return nil, err
	}
	pad := int(small / 2)
	cb := corner.Bounds()
	strip := image.Rect(0, b.Dy()-cb.Dy()-2*pad, min(b.Dx(), cb.Dx()+2*pad), b.Dy())
	draw.Draw(out, strip, image.NewUniform(stripFill), image.Point{}, draw.Src)
	draw.Draw(out, cb.Add(image.Pt(pad, strip.Min.Y+pad)), corner, cb.Min, draw.Over)
	return out, nil
}

// measure returns how wide text is at size, in pixels.
func measure(f *opentype.Font, text string, size float64) (float64, error) {
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72})
	if err != nil {
		return 0, fmt.Errorf("sizing the watermark font: %w", err)
	}
	defer face.Close()
	return math.Max(1, float64(font.MeasureString(face, text))/64), nil
}

// render draws text in ink at size (in pixels) on a transparent picture
// just large enough for it.
func render(f *opentype.Font, text string, size float64, ink color.Color) (*image.RGBA, error) {
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, fmt.Errorf("sizing the watermark font: %w", err)
	}
	defer face.Close()
	m := face.Metrics()
	width := font.MeasureString(face, text).Ceil()
	height := (m.Ascent + m.Descent).Ceil()
	img := image.NewRGBA(image.Rect(0, 0, max(width, 1), max(height, 1)))
	d := font.Drawer{Dst: img, Src: image.NewUniform(ink), Face: face, Dot: fixed.Point26_6{Y: m.Ascent}}
	d.DrawString(text)
	return img, nil
}
