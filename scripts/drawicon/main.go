// Command drawicon draws Motpart's application icon, assets/icon.png: two
// overlapping rings (the firm and its counterparty) with a check mark, on a
// rounded dark-teal square. It uses only the standard library and
// supersamples every pixel, so the edges are smooth.
//
//	go run ./scripts/drawicon assets/icon.png
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

const size = 512

type shape struct {
	inside func(x, y float64) bool
	fill   color.NRGBA
}

func roundedSquare(x, y float64) bool {
	const lo, hi, r = 16.0, 496.0, 96.0
	if x < lo || x > hi || y < lo || y > hi {
		return false
	}
	cx := math.Max(lo+r, math.Min(x, hi-r))
	cy := math.Max(lo+r, math.Min(y, hi-r))
	return math.Hypot(x-cx, y-cy) <= r
}

func ring(cx, cy, r, width float64) func(x, y float64) bool {
	return func(x, y float64) bool {
		d := math.Hypot(x-cx, y-cy)
		return math.Abs(d-r) <= width/2
	}
}

// stroke reports points within width/2 of the polyline through pts.
func stroke(width float64, pts ...[2]float64) func(x, y float64) bool {
	return func(x, y float64) bool {
		for i := 0; i+1 < len(pts); i++ {
			ax, ay, bx, by := pts[i][0], pts[i][1], pts[i+1][0], pts[i+1][1]
			dx, dy := bx-ax, by-ay
			t := ((x-ax)*dx + (y-ay)*dy) / (dx*dx + dy*dy)
			t = math.Max(0, math.Min(1, t))
			if math.Hypot(x-(ax+t*dx), y-(ay+t*dy)) <= width/2 {
				return true
			}
		}
		return false
	}
}

func main() {
	out := "assets/icon.png"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	shapes := []shape{
		{roundedSquare, color.NRGBA{0x12, 0x46, 0x4f, 0xff}},
		{ring(196, 226, 118, 36), color.NRGBA{0x7f, 0xd1, 0xc7, 0xff}},
		{ring(316, 226, 118, 36), color.NRGBA{0xf2, 0xc1, 0x4e, 0xff}},
		{stroke(30, [2]float64{222, 232}, [2]float64{250, 262}, [2]float64{294, 200}), color.NRGBA{0xff, 0xff, 0xff, 0xff}},
		{stroke(28, [2]float64{176, 420}, [2]float64{336, 420}), color.NRGBA{0xff, 0xff, 0xff, 0xff}},
	}
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	const samples = 4
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64
			for sy := 0; sy < samples; sy++ {
				for sx := 0; sx < samples; sx++ {
					x := float64(px) + (float64(sx)+0.5)/samples
					y := float64(py) + (float64(sy)+0.5)/samples
					for i := len(shapes) - 1; i >= 0; i-- {
						if shapes[i].inside(x, y) {
							c := shapes[i].fill
							r, g, b, a = r+float64(c.R), g+float64(c.G), b+float64(c.B), a+1
							break
						}
					}
				}
			}
			if a == 0 {
				continue
			}
			img.SetNRGBA(px, py, color.NRGBA{uint8(r / a), uint8(g / a), uint8(b / a), uint8(255 * a / (samples * samples))})
		}
	}
	f, err := os.Create(out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "drawicon:", err)
		os.Exit(1)
	}
	if err := png.Encode(f, img); err != nil {
		fmt.Fprintln(os.Stderr, "drawicon:", err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "drawicon:", err)
		os.Exit(1)
	}
}
