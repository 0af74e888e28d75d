package watermark

import (
	"image"
	"image/color"
	"image/draw"
	"testing"
)

// grey is a plain picture of size w×h.
func grey(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.Gray{Y: 0x40}), image.Point{}, draw.Src)
	return img
}

// changed counts the pixels of r that differ between a and b.
func changed(a, b *image.RGBA, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.RGBAAt(x, y) != b.RGBAAt(x, y) {
				n++
			}
		}
	}
	return n
}

func TestStamp(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		text string
	}{
		{"wide", 720, 460, "SANDBOX – practice data"},
		{"tall", 300, 800, "SANDLÅDA – övningsdata"},
		{"large", 1920, 1080, "HIEKKALAATIKKO – harjoitusaineisto"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := grey(tt.w, tt.h)
			out, err := Stamp(in, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if out.Bounds() != in.Bounds() {
				t.Fatalf("bounds %v, want %v", out.Bounds(), in.Bounds())
			}
			all := changed(in, out, in.Bounds())
			if total := tt.w * tt.h; all < total/100 || all > total/2 {
				t.Errorf("%d of %d pixels changed: want letters, not nothing or a block", all, total)
			}
			// Letters across the middle, along the diagonal.
			mid := image.Rect(tt.w/2-tt.w/8, tt.h/2-tt.h/8, tt.w/2+tt.w/8, tt.h/2+tt.h/8)
			if changed(in, out, mid) == 0 {
				t.Errorf("nothing written across the middle %v", mid)
			}
			// The strip in the lower left corner, in the band's amber.
			if got := out.RGBAAt(1, tt.h-2); got != (color.RGBA{R: 0xff, G: 0xb3, A: 0xff}) {
				t.Errorf("lower left pixel %v, want the strip's amber", got)
			}
			// The upper left corner, away from the diagonal, is left alone.
			corner := image.Rect(0, 0, tt.w/10, tt.h/10)
			if n := changed(in, out, corner); n != 0 {
				t.Errorf("%d pixels changed in the upper left corner", n)
			}
			// The picture given is not changed.
			if changed(in, grey(tt.w, tt.h), in.Bounds()) != 0 {
				t.Error("Stamp changed its input")
			}
		})
	}
}

func TestStampWithoutText(t *testing.T) {
	in := grey(200, 100)
	sub := in.SubImage(image.Rect(50, 20, 150, 80))
	out, err := Stamp(sub, "")
	if err != nil {
		t.Fatal(err)
	}
	if out.Bounds() != image.Rect(0, 0, 100, 60) || changed(grey(100, 60), out, out.Bounds()) != 0 {
		t.Errorf("without text: %v, changed", out.Bounds())
	}
}
