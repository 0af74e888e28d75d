package classify

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guitest"
	"github.com/motpart/motpart/internal/problem"
)

// TestPickPreviewChooseRunSummary walks the whole screen: a file dropped,
// its preview with the number column found, another column chosen, Excel
// chosen, a run counted on the bar, and the summary with its chart.
func TestPickPreviewChooseRunSummary(t *testing.T) {
	d := newFakeDesk()
	d.steps = make(chan int)
	s, h := newTestScreen(t, d)
	in := filepath.Join(t.TempDir(), "kunder.csv")

	onUI(func() { s.Drop(storage.NewFileURI(in)) })
	h.WaitIdle()
	checks := []struct{ what, got, want string }{
		{"file", s.File.Text, "kunder.csv"},
		{"column", s.Column.Selected, "Organisationsnummer"},
		{"column note", s.ColumnNote.Text, "Found by Motpart: the column whose values are organisation or personal numbers."},
		{"format", s.Format.Selected, "CSV"},
		{"sector file", s.sector.Info.Text, "SCB's sector file of 2026-03-02, 1,204,317 rows."},
		{"sector button", s.sector.Refresh.Text, "Refresh"},
		{"header cell", s.table.cell(0, 2), "Organisationsnummer"},
		{"first row", s.table.cell(1, 2), "556074-7569"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	if s.table.Marked() != 2 || !s.table.box.Visible() || s.run.Run.Disabled() {
		t.Errorf("preview: marked %d, shown %v, Run disabled %v", s.table.Marked(), s.table.box.Visible(), s.run.Run.Disabled())
	}

	onUI(func() { s.Column.SetSelected("Namn") })
	if s.table.Marked() != 1 || s.ColumnNote.Text != "Chosen by you." {
		t.Errorf("after choosing Namn: marked %d, note %q", s.table.Marked(), s.ColumnNote.Text)
	}
	onUI(func() { s.Column.SetSelected("Organisationsnummer") })
	onUI(func() { s.Format.SetSelected("Excel (XLSX)") })

	out := filepath.Join(t.TempDir(), "klassificerad")
	onUI(func() { s.run.RunTo(out) })
	if !s.run.Run.Disabled() || !s.run.Cancel.Visible() || !s.Pick.Disabled() {
		t.Errorf("while running: Run disabled %v, Cancel shown %v, Pick disabled %v", s.run.Run.Disabled(), s.run.Cancel.Visible(), s.Pick.Disabled())
	}
	for _, step := range []struct {
		done int
		text string
		bar  float64
	}{
		{0, "0 of 100,000 rows", 0},
		{12345, "12,345 of 100,000 rows", 0.12345},
		{100000, "100,000 of 100,000 rows", 1},
	} {
		d.steps <- step.done
		d.steps <- step.done // the second is taken only once the first is shown
		var text string
		var bar float64
		onUI(func() { text, bar = s.run.Progress.Text, s.run.bar.Value })
		if text != step.text || bar != step.bar {
			t.Errorf("after %d rows: %q at %v, want %q at %v", step.done, text, bar, step.text, step.bar)
		}
	}
	close(d.steps)
	h.WaitIdle()

	if len(d.calls) != 1 {
		t.Fatalf("%d runs, want 1", len(d.calls))
	}
	want := classifyCall{in: in, out: out + ".xlsx", column: "Organisationsnummer", format: "xlsx"}
	if d.calls[0] != want {
		t.Errorf("ClassifyCustomers(%+v), want %+v", d.calls[0], want)
	}
	if s.run.Message.Text != "Saved as "+out+".xlsx." || s.run.Message.Importance != widget.SuccessImportance {
		t.Errorf("message %q (%v)", s.run.Message.Text, s.run.Message.Importance)
	}
	if s.run.Last == nil || s.run.Last.Matched != 95210 {
		t.Errorf("last summary %+v", s.run.Last)
	}
	texts := strings.Join(guitest.LabelsIn(s.run.summary), "|")
	for _, w := range []string{
		"100,000|Customers read", "95,210|Found in the sector file", "3,120|Not in the sector file",
		"1,170|Invalid numbers", "500|Sole traders (personal numbers)",
		"112000 Non-financial corporations|80,210", "141000 Households|9,000",
		"151000 Non-profit institutions serving households|6,000",
	} {
		if !strings.Contains(texts, w) {
			t.Errorf("summary lacks %q: %s", w, texts)
		}
	}
	if s.run.Run.Disabled() || s.run.Cancel.Visible() || s.run.bar.Visible() {
		t.Errorf("after the run: Run disabled %v, Cancel shown %v, bar shown %v", s.run.Run.Disabled(), s.run.Cancel.Visible(), s.run.bar.Visible())
	}
}

// TestCancelRun: Cancel stops the run, says nothing was saved and shows no
// summary; Run can start again.
func TestCancelRun(t *testing.T) {
	d := newFakeDesk()
	d.steps = make(chan int)
	s, h := newTestScreen(t, d)
	onUI(func() { s.Open(filepath.Join(t.TempDir(), "kunder.xlsx")) })
	h.WaitIdle()
	if s.Format.Selected != "Excel (XLSX)" {
		t.Errorf("format for an .xlsx file = %q", s.Format.Selected)
	}
	onUI(func() { s.run.RunTo(filepath.Join(t.TempDir(), "ut.csv")) })
	if s.Format.Selected != "CSV" {
		t.Errorf("format after saving as ut.csv = %q", s.Format.Selected)
	}
	d.steps <- 5000
	d.steps <- 5000
	onUI(func() { test.Tap(s.run.Cancel) })
	h.WaitIdle()
	if !d.runCanceled {
		t.Error("the desk's run was not cancelled")
	}
	if s.run.Message.Text != "Cancelled. Nothing was saved." || s.run.Last != nil || len(s.run.summary.Objects) != 0 {
		t.Errorf("after Cancel: %q, summary %v (%d objects)", s.run.Message.Text, s.run.Last, len(s.run.summary.Objects))
	}
	if s.run.Run.Disabled() || s.run.Cancel.Visible() || s.Pick.Disabled() {
		t.Errorf("after Cancel: Run disabled %v, Cancel shown %v, Pick disabled %v", s.run.Run.Disabled(), s.run.Cancel.Visible(), s.Pick.Disabled())
	}
}

// TestErrorsInWords: what the desk refuses is said in words, in the place
// it concerns.
func TestErrorsInWords(t *testing.T) {
	tests := []struct {
		name  string
		setup func(d *fakeDesk)
		act   func(s *Screen)
		got   func(s *Screen) string
		want  string
	}{
		{"preview", func(d *fakeDesk) { d.previewErr = problem.New(problem.CodeCountryNotConnected, nil) },
			func(s *Screen) {}, func(s *Screen) string { return s.FileMessage.Text },
			"Motpart has no register for this country connected yet."},
		{"sector file", func(d *fakeDesk) { d.fileErr = problem.New(problem.CodeLocked, nil) },
			func(s *Screen) {}, func(s *Screen) string { return s.sector.Info.Text },
			"The vault is locked. Unlock it first."},
		{"refresh", func(d *fakeDesk) { d.refreshErr = problem.New(problem.CodeNoAccess, nil) },
			func(s *Screen) { test.Tap(s.sector.Refresh) }, func(s *Screen) string { return s.sector.Info.Text },
			"SCB's sector file of 2026-03-02, 1,204,317 rows. Motpart may not ask the register. Check the register's account in Settings."},
		{"run", func(d *fakeDesk) { d.runErr = errors.New("disk full") },
			func(s *Screen) { s.run.RunTo(s.path + "-ut.csv") }, func(s *Screen) string { return s.run.Message.Text },
			"Something went wrong. Try again; if it keeps happening, report it with the details."},
		{"same file", func(d *fakeDesk) {},
			func(s *Screen) { s.run.RunTo(s.path) }, func(s *Screen) string { return s.run.Message.Text },
			"Choose another name: the result may not replace the customer file itself."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newFakeDesk()
			tt.setup(d)
			s, h := newTestScreen(t, d)
			onUI(func() { s.Open(filepath.Join(t.TempDir(), "kunder.csv")) })
			h.WaitIdle()
			onUI(func() { tt.act(s) })
			h.WaitIdle()
			var got string
			onUI(func() { got = tt.got(s) })
			if got != tt.want {
				t.Errorf("%q, want %q", got, tt.want)
			}
		})
	}
	d := newFakeDesk()
	s, h := newTestScreen(t, d)
	onUI(func() { s.Open(filepath.Join(t.TempDir(), "kunder.csv")) })
	h.WaitIdle()
	onUI(func() { s.run.RunTo(s.path) })
	h.WaitIdle()
	if len(d.calls) != 0 {
		t.Errorf("the customer file itself was given as the output: %+v", d.calls)
	}
}

// TestSectorFileFetchAndCancel: without a sector file the screen says so,
// offers to fetch it and will not run; fetching shows progress and, once
// done, the file's date; a cancelled fetch keeps what was there.
func TestSectorFileFetchAndCancel(t *testing.T) {
	d := newFakeDesk()
	d.hasFile = false
	d.refreshSteps = make(chan int64)
	s, h := newTestScreen(t, d)
	onUI(func() { s.Open(filepath.Join(t.TempDir(), "kunder.csv")) })
	h.WaitIdle()
	if s.sector.Refresh.Text != "Fetch the sector file" || !strings.HasPrefix(s.sector.Info.Text, "No sector file yet: fetch it from SCB") || !s.run.Run.Disabled() {
		t.Errorf("without a sector file: %q, %q, Run disabled %v", s.sector.Refresh.Text, s.sector.Info.Text, s.run.Run.Disabled())
	}

	onUI(func() { test.Tap(s.sector.Refresh) })
	d.refreshSteps <- 250
	d.refreshSteps <- 250
	var value float64
	var barShown, cancelShown bool
	onUI(func() {
		value, barShown, cancelShown = s.sector.bar.Value, s.sector.bar.Visible(), s.sector.Cancel.Visible()
	})
	if value != 0.25 || !barShown || !cancelShown || s.sector.Info.Text != "Fetching SCB's sector file…" {
		t.Errorf("fetching: bar %v (shown %v), Cancel shown %v, %q", value, barShown, cancelShown, s.sector.Info.Text)
	}
	onUI(func() { test.Tap(s.sector.Cancel) })
	h.WaitIdle()
	if !strings.HasSuffix(s.sector.Info.Text, "Cancelled; the sector file kept is unchanged.") || s.sector.has || !s.run.Run.Disabled() {
		t.Errorf("after Cancel: %q, has %v, Run disabled %v", s.sector.Info.Text, s.sector.has, s.run.Run.Disabled())
	}

	d.refreshSteps = make(chan int64)
	onUI(func() { test.Tap(s.sector.Refresh) })
	d.refreshSteps <- 1000
	close(d.refreshSteps)
	h.WaitIdle()
	if s.sector.Info.Text != "SCB's sector file of 2026-03-02, 1,204,317 rows." || s.sector.Refresh.Text != "Refresh" || s.run.Run.Disabled() || s.sector.Cancel.Visible() {
		t.Errorf("after fetching: %q, %q, Run disabled %v, Cancel shown %v", s.sector.Info.Text, s.sector.Refresh.Text, s.run.Run.Disabled(), s.sector.Cancel.Visible())
	}
	if d.refreshes != 2 {
		t.Errorf("%d refreshes, want 2", d.refreshes)
	}
}

// TestNoNumberColumnFound: a file without a column of numbers asks the
// user to choose one, and Run waits for it.
func TestNoNumberColumnFound(t *testing.T) {
	d := newFakeDesk()
	d.preview.NumberColumn = -1
	d.preview.Header = []string{"Kund", "", "Kund"}
	s, h := newTestScreen(t, d)
	onUI(func() { s.Open(filepath.Join(t.TempDir(), "kunder.csv")) })
	h.WaitIdle()
	if got := strings.Join(s.Column.Options, "|"); got != "Kund|Column 2|Column 3" {
		t.Errorf("options %q", got)
	}
	if s.Column.SelectedIndex() != -1 || !s.run.Run.Disabled() || s.ColumnNote.Text != "Motpart found no column of organisation numbers. Choose the one that holds them." {
		t.Errorf("no column: selected %d, Run disabled %v, note %q", s.Column.SelectedIndex(), s.run.Run.Disabled(), s.ColumnNote.Text)
	}
	onUI(func() { s.Column.SetSelected("Column 3") })
	if s.run.Run.Disabled() || s.chosenColumn() != "Kund" || s.table.Marked() != 2 {
		t.Errorf("column 3 chosen: Run disabled %v, column %q, marked %d", s.run.Run.Disabled(), s.chosenColumn(), s.table.Marked())
	}
}

// TestPickOpensAFileDialog: Choose shows a file dialog over the window.
func TestPickOpensAFileDialog(t *testing.T) {
	s, _ := newTestScreen(t, newFakeDesk())
	onUI(func() { test.Tap(s.Pick) })
	if overlay := s.host.Win.Canvas().Overlays().Top(); overlay == nil {
		t.Error("no file dialog shown")
	}
}

func TestSectorBars(t *testing.T) {
	tests := []struct {
		name  string
		in    map[string]int
		texts map[string]string
		want  []ChartBar
	}{
		{"empty", map[string]int{}, nil, nil},
		{"ordered by count, then code", map[string]int{"141000": 5, "112000": 9, "131110": 5, "": 1}, nil,
			[]ChartBar{{"112000 Non-financial corporations", 9}, {"131110 General government", 5}, {"141000 Households", 5}, {"No sector", 1}}},
		{"SCB's texts", map[string]int{"112000": 9, "141000": 5, "": 1},
			map[string]string{"112000": "Övriga icke-finansiella bolag", "": "Okänd", "151000": "Ideella föreningar"},
			[]ChartBar{{"112000 Övriga icke-finansiella bolag", 9}, {"141000 Households", 5}, {"No sector", 1}}},
		{"the rest added up", map[string]int{"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9}, nil,
			[]ChartBar{{"9", 9}, {"8", 8}, {"7", 7}, {"6", 6}, {"5", 5}, {"4", 4}, {"3", 3}, {"Other sectors", 3}}},
	}
	newTestScreen(t, newFakeDesk()) // English
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sectorBars(tt.in, tt.texts)
			if len(got) != len(tt.want) {
				t.Fatalf("%v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("bar %d = %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestOutputNames(t *testing.T) {
	newTestScreen(t, newFakeDesk()) // English
	tests := []struct{ in, format, name, path, withExt string }{
		{"/home/anna/Downloads/kunder.csv", "csv", "kunder-classified.csv", "/tmp/ut", "/tmp/ut.csv"},
		{"/home/anna/kunder 2026.xlsx", "xlsx", "kunder 2026-classified.xlsx", "/tmp/ut.XLSX", "/tmp/ut.XLSX"},
		{"kunder.CSV", "xlsx", "kunder-classified.xlsx", "/tmp/ut.csv", "/tmp/ut.csv.xlsx"},
	}
	for _, tt := range tests {
		if got := outputName(tt.in, tt.format); got != tt.name {
			t.Errorf("outputName(%q, %q) = %q, want %q", tt.in, tt.format, got, tt.name)
		}
		if got := withExtension(tt.path, tt.format); got != tt.withExt {
			t.Errorf("withExtension(%q, %q) = %q, want %q", tt.path, tt.format, got, tt.withExt)
		}
	}
}

func TestIsCustomerFile(t *testing.T) {
	for name, want := range map[string]bool{"kunder.csv": true, "KUNDER.XLSX": true, "cert.pfx": false, "kunder.xls": false, "csv": false} {
		if got := IsCustomerFile(name); got != want {
			t.Errorf("IsCustomerFile(%q) = %v", name, got)
		}
	}
}
