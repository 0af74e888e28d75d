package report

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden PNGs in testdata")

// render returns page of pdf as pdftoppm draws it at 50 dpi.
func render(t *testing.T, pdf []byte, page int) image.Image {
	t.Helper()
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm is not installed (poppler-utils; make test installs it)")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	n := strconv.Itoa(page)
	out, err := exec.Command("pdftoppm", "-r", "50", "-png", "-singlefile", "-f", n, "-l", n, file, filepath.Join(dir, "page")).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// differing counts the pixels of a and b that differ by more than a
// little in any channel (anti-aliasing differs between poppler versions).
func differing(a, b image.Image) int {
	n := 0
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if far(r1, r2) || far(g1, g2) || far(b1, b2) {
				n++
			}
		}
	}
	return n
}

func far(a, b uint32) bool {
	const limit = 48 << 8
	if a > b {
		return a-b > limit
	}
	return b-a > limit
}

func TestGoldenPages(t *testing.T) {
	tests := []struct {
		name string
		lang string
		page int
	}{
		{"cover-en", "en", 1},
		{"graph-en", "en", 4},
		{"cover-nb", "nb", 1},
		{"graph-nb", "nb", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf, err := Make(typical(), Options{Language: tt.lang, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			got := render(t, pdf, tt.page)
			file := filepath.Join("testdata", tt.name+".png")
			if *update {
				var b bytes.Buffer
				if err := png.Encode(&b, got); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test -update to make it)", err)
			}
			want, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if got.Bounds() != want.Bounds() {
				t.Fatalf("page size %v, want %v", got.Bounds(), want.Bounds())
			}
			total := got.Bounds().Dx() * got.Bounds().Dy()
			// 0.5 % of the page: a changed word or line is more.
			if n := differing(got, want); n*200 > total {
				t.Errorf("%d of %d pixels differ from %s", n, total, file)
			}
		})
	}
}

// TestGoldenCatchesChange makes sure the comparison sees a change as
// small as one line of the cover.
func TestGoldenCatchesChange(t *testing.T) {
	pdf, err := Make(typical(), Options{Language: "en", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	in := typical()
	in.Firm = "Another Firm Entirely AS, Bodø"
	in.Dossier.AML = nil
	changed, err := Make(in, Options{Language: "en", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	a, b := render(t, pdf, 1), render(t, changed, 1)
	total := a.Bounds().Dx() * a.Bounds().Dy()
	if n := differing(a, b); n*200 <= total {
		t.Errorf("only %d of %d pixels differ for a changed firm and verdict", n, total)
	}
}
