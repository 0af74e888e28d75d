package classify

import (
	"context"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/gui/guitest"
)

// uiThread stands in for the UI goroutine the test driver lacks.
var uiThread guitest.UI

// onUI runs f as if on the UI goroutine.
func onUI(f func()) { uiThread.Do(f) }

// fileDay is the day of the fake sector file.
var fileDay = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// classifyCall is what ClassifyCustomers was asked.
type classifyCall struct {
	in, out, column, format, sectorFile string
}

// fakeDesk reads every customer file as preview (or fails with
// previewErr), has a sector file when hasFile, and runs a classification
// in steps the test lets through: each value sent on steps is reported as
// rows done (of total), and closing steps ends the run with summary (or
// runErr). A run that is cancelled ends at once with the context's error.
type fakeDesk struct {
	mu         sync.Mutex
	preview    dossier.CustomerPreview
	previewErr error
	hasFile    bool
	fileErr    error
	refreshErr error
	// refreshSteps, when not nil, gates a refresh like steps a run.
	refreshSteps chan int64
	steps        chan int
	total        int
	summary      dossier.ClassifySummary
	runErr       error
	calls        []classifyCall
	previews     []string
	refreshes    int
	runCanceled  bool
}

func newFakeDesk() *fakeDesk {
	return &fakeDesk{
		preview: dossier.CustomerPreview{
			Header: []string{"Kundnr", "Namn", "Organisationsnummer", "Ort"},
			Rows: [][]string{
				{"1001", "Exempel Bygg AB", "556074-7569", "Södertälje"},
				{"1002", "Åkesson Ärlig Öberg HB", "969663-7033", "Malmö"},
			},
			NumberColumn: 2,
		},
		hasFile: true,
		total:   100000,
		summary: dossier.ClassifySummary{Rows: 100000, Matched: 95210, NotInFile: 3120, Invalid: 1170, SoleTraders: 500,
			BySector: map[string]int{"112000": 80210, "141000": 9000, "151000": 6000}},
	}
}

func (d *fakeDesk) PreviewCustomers(path string) (dossier.CustomerPreview, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.previews = append(d.previews, path)
	if d.previewErr != nil {
		return dossier.CustomerPreview{NumberColumn: -1}, d.previewErr
	}
	return d.preview, nil
}

func (d *fakeDesk) SectorFile() (dossier.SectorFileInfo, bool, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.fileErr != nil {
		return dossier.SectorFileInfo{}, false, d.fileErr
	}
	return dossier.SectorFileInfo{Date: fileDay, Rows: 1204317, Size: 98 << 20}, d.hasFile, nil
}

func (d *fakeDesk) RefreshSectorFile(ctx context.Context, progress func(read, total int64)) (dossier.SectorFileInfo, error) {
	d.mu.Lock()
	d.refreshes++
	steps := d.refreshSteps
	d.mu.Unlock()
	for steps != nil {
		select {
		case read, ok := <-steps:
			if !ok {
				steps = nil
				break
			}
			progress(read, 1000)
		case <-ctx.Done():
			return dossier.SectorFileInfo{}, ctx.Err()
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.refreshErr != nil {
		return dossier.SectorFileInfo{}, d.refreshErr
	}
	d.hasFile = true
	return dossier.SectorFileInfo{Date: fileDay, Rows: 1204317}, nil
}

func (d *fakeDesk) ClassifyCustomers(ctx context.Context, in, out, column, format, sectorFile string, progress func(done, total int)) (dossier.ClassifySummary, error) {
	d.mu.Lock()
	d.calls = append(d.calls, classifyCall{in, out, column, format, sectorFile})
	steps := d.steps
	d.mu.Unlock()
	for steps != nil {
		select {
		case done, ok := <-steps:
			if !ok {
				steps = nil
				break
			}
			progress(done, d.total)
		case <-ctx.Done():
			d.mu.Lock()
			d.runCanceled = true
			d.mu.Unlock()
			return dossier.ClassifySummary{}, ctx.Err()
		}
	}
	if d.runErr != nil {
		return dossier.ClassifySummary{}, d.runErr
	}
	return d.summary, nil
}

// newTestScreen is the screen on d in a test window, in English.
func newTestScreen(t *testing.T, d *fakeDesk) (*Screen, *guikit.Host) {
	t.Helper()
	t.Setenv("LANGUAGE", "en")
	fa := test.NewTempApp(t)
	if _, err := guikit.ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	win := fa.NewWindow("Motpart")
	h := guikit.NewHost(fa, win)
	h.SetDo(onUI)
	s := New(h, d)
	win.SetContent(s.Content())
	win.Resize(fyne.NewSize(1000, 800))
	t.Cleanup(func() {
		s.Close()
		h.WaitIdle()
		win.Close()
	})
	return s, h
}
