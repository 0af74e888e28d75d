package report

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// TestScreenshots writes the pictures of the report in docs/screenshots
// (cover, owners and graph pages in English and Norwegian) when
// REPORT_SHOTS names the directory:
//
//	REPORT_SHOTS=$PWD/docs/screenshots go test -tags x11,migrated_fynedo -run TestScreenshots ./internal/report/
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("REPORT_SHOTS")
	if dir == "" {
		t.Skip("REPORT_SHOTS is not set")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm is not installed")
	}
	for _, lng := range []string{"en", "nb"} {
		pdf, err := Make(typical(), Options{Language: lng, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), "report.pdf")
		if err := os.WriteFile(file, pdf, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, shot := range []struct {
			name string
			page int
		}{{"cover", 1}, {"owners", 3}, {"graph", 4}} {
			n := strconv.Itoa(shot.page)
			out := filepath.Join(dir, "report-"+shot.name+"-"+lng)
			if b, err := exec.Command("pdftoppm", "-r", "60", "-png", "-singlefile", "-f", n, "-l", n, file, out).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, b)
			}
		}
	}
}
