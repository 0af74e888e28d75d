package clients

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/gui/guitest"
	"github.com/motpart/motpart/internal/portfolio"
)

func TestCheckPauseContinueFinish(t *testing.T) {
	d := newFakeDesk()
	d.steps = make(chan int)
	d.found = map[int][]portfolio.Change{
		2: {d.changes[0], {Number: "923609016", Name: "Equinor ASA", Risk: portfolio.RiskHigh, Reason: portfolio.ReasonAuditorResigned}},
		3: {d.changes[2]},
	}
	d.summary = portfolio.Summary{Progress: portfolio.Progress{Total: 3, Done: 3, LookedUp: 3, Changes: 3, High: 2, Feed: portfolio.FeedFirstCheck}, Finished: day}
	s, h, _, notes := newTestScreen(t, d)
	var running []string
	onUI(func() {
		s.SetOnCheckProgress(func(text string) { running = append(running, text) })
		test.Tap(s.check.Check)
	})
	if !s.CheckRunning() || !s.check.running.Visible() || !s.check.Check.Disabled() {
		t.Fatal("the check does not show as running")
	}
	d.steps <- 1
	guitest.Eventually(t, "the first progress", func() bool {
		var text string
		onUI(func() { text = s.check.Status.Text })
		return text == "Checking Client B…"
	})
	// pause: the check is kept, the banner offers to continue
	onUI(func() { test.Tap(s.check.Pause) })
	h.WaitIdle()
	h.WaitIdle()
	if s.CheckRunning() || !s.check.Banner.Visible() {
		t.Fatalf("after pause: running %v, banner %v", s.CheckRunning(), s.check.Banner.Visible())
	}
	if want := "A check was interrupted after 1 of 3 clients."; !strings.HasPrefix(s.check.BannerText.Text, want) {
		t.Errorf("banner %q", s.check.BannerText.Text)
	}
	// continue to the end
	d.steps = make(chan int)
	onUI(func() { test.Tap(s.check.Continue) })
	if s.check.Banner.Visible() {
		t.Error("the banner stays while the check continues")
	}
	d.steps <- 2
	d.steps <- 3
	close(d.steps)
	h.WaitIdle()
	h.WaitIdle()
	if d.checks != 2 || d.abandoned != 0 {
		t.Errorf("checks %d, abandoned %d", d.checks, d.abandoned)
	}
	want := "Check finished: 3 clients checked, 3 changes found, 2 of them high risk."
	if !s.check.Summary.Visible() || s.check.Summary.Text != want {
		t.Errorf("summary %q, want %q", s.check.Summary.Text, want)
	}
	if !strings.Contains(s.check.Last.Text, "Norway: first check, every client looked up") {
		t.Errorf("last check line %q", s.check.Last.Text)
	}
	if len(*notes) != 1 || (*notes)[0].Content != "Exempel Bygg AB: Bankruptcy opened and 1 more" {
		t.Errorf("notifications %+v", *notes)
	}
	if len(running) == 0 || running[len(running)-1] != "" {
		t.Errorf("navigation texts %q", running)
	}
}

func TestCheckCancelAbandons(t *testing.T) {
	d := newFakeDesk()
	d.steps = make(chan int)
	s, h, _, notes := newTestScreen(t, d)
	onUI(func() { test.Tap(s.check.Check) })
	d.steps <- 1
	onUI(func() { test.Tap(s.check.Cancel) })
	if s.check.confirmCancel == nil || s.check.confirmCancel.Action.Text != "Cancel the check" {
		t.Fatal("no confirmation naming the action")
	}
	onUI(func() { test.Tap(s.check.confirmCancel.Action) })
	h.WaitIdle()
	h.WaitIdle()
	if d.abandoned != 1 || d.pending != nil {
		t.Errorf("abandoned %d, pending %v", d.abandoned, d.pending)
	}
	if s.check.Banner.Visible() || s.check.Summary.Text != "The check was cancelled." {
		t.Errorf("banner %v, summary %q", s.check.Banner.Visible(), s.check.Summary.Text)
	}
	if len(*notes) != 0 {
		t.Errorf("notifications %d", len(*notes))
	}
}

func TestInterruptedCheckAfterRestart(t *testing.T) {
	tests := []struct {
		name      string
		discard   bool
		abandoned int
		checks    int
	}{
		{"continue", false, 0, 1},
		{"discard", true, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newFakeDesk()
			d.pending = &portfolio.Progress{Run: "run-0", Total: 300, Done: 143}
			d.summary = portfolio.Summary{Progress: portfolio.Progress{Total: 300, Done: 300}}
			s, h, _, _ := newTestScreen(t, d)
			if !s.check.Banner.Visible() || !strings.Contains(s.check.BannerText.Text, "143 of 300") {
				t.Fatalf("banner %v %q", s.check.Banner.Visible(), s.check.BannerText.Text)
			}
			if tt.discard {
				onUI(func() { test.Tap(s.check.Discard) })
				onUI(func() { test.Tap(s.check.confirmCancel.Action) })
			} else {
				onUI(func() { test.Tap(s.check.Continue) })
			}
			h.WaitIdle()
			h.WaitIdle()
			if d.abandoned != tt.abandoned || d.checks != tt.checks || s.check.Banner.Visible() {
				t.Errorf("abandoned %d, checks %d, banner %v", d.abandoned, d.checks, s.check.Banner.Visible())
			}
		})
	}
}

func TestProgressText(t *testing.T) {
	newTestScreen(t, newFakeDesk())
	tests := []struct {
		p    portfolio.Progress
		want string
	}{
		{portfolio.Progress{Phase: portfolio.PhaseFeeds}, "Reading the register's change lists…"},
		{portfolio.Progress{Phase: portfolio.PhaseLookups, Current: "Equinor ASA"}, "Checking Equinor ASA…"},
		{portfolio.Progress{Phase: portfolio.PhaseLookups, Current: "Equinor ASA", Waiting: day.Add(90e9)}, "Waiting for the register until " + day.Add(90e9).Local().Format("15:04") + "…"},
		{portfolio.Progress{}, "Checking…"},
	}
	for _, tt := range tests {
		if got := progressText(tt.p); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestChangesView(t *testing.T) {
	tests := []struct {
		name       string
		risk       int
		period     int
		wantIDs    []string
		wantGroups []string
	}{
		{"medium and high, 30 days", 1, 1, []string{"c1"}, []string{"Exempel Bygg AB (556074-7569)"}},
		{"any risk, 30 days", 0, 1, []string{"c1", "c3"}, []string{"Exempel Bygg AB (556074-7569)"}},
		{"medium and high, all time", 1, 3, []string{"c1", "c2"}, []string{"Exempel Bygg AB (556074-7569)", "Nokia Oyj (0112038-9)"}},
		{"high, 7 days", 2, 0, []string{"c1"}, []string{"Exempel Bygg AB (556074-7569)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newFakeDesk()
			s, h, opened, _ := newTestScreen(t, d)
			onUI(func() {
				s.Tabs.SelectIndex(1)
				s.changes.Risk.SetSelectedIndex(tt.risk)
				s.changes.Period.SetSelectedIndex(tt.period)
			})
			h.WaitIdle()
			var ids, groups []string
			onUI(func() {
				for _, c := range s.changes.Shown {
					ids = append(ids, c.ID)
				}
				for _, g := range s.changes.Groups {
					groups = append(groups, g.Text)
				}
			})
			if !slices.Equal(ids, tt.wantIDs) || !slices.Equal(groups, tt.wantGroups) {
				t.Errorf("changes %v in %v, want %v in %v", ids, groups, tt.wantIDs, tt.wantGroups)
			}
			texts := guitest.TextsIn(s.changes.list)
			if !guitest.Contains(texts, "Bankruptcy opened") || !guitest.Contains(texts, "High risk") || !guitest.Contains(texts, "2026-02-27") {
				t.Errorf("rows say %q", texts)
			}
			onUI(func() { test.Tap(s.changes.Groups[0]) })
			if !slices.Equal(*opened, []string{"556074-7569"}) {
				t.Errorf("opened %v", *opened)
			}
		})
	}
}

func TestImportFlow(t *testing.T) {
	d := newFakeDesk()
	s, h, _, _ := newTestScreen(t, d)
	var dlg *ImportDialog
	onUI(func() { dlg = s.OpenImport("/home/anna/kunder.csv") })
	h.WaitIdle()
	if dlg.Numbers.Selected != "C: Org.nr" || dlg.Reference.Selected != "A: Kundnr" || dlg.Responsible.Selected != "D: Ansvarig" {
		t.Fatalf("preselected %q %q %q", dlg.Numbers.Selected, dlg.Reference.Selected, dlg.Responsible.Selected)
	}
	if !strings.Contains(dlg.Note.Text, "CSV (;, UTF-8)") || dlg.Import.Disabled() {
		t.Errorf("note %q, import disabled %v", dlg.Note.Text, dlg.Import.Disabled())
	}
	// no reference column; import, cancel midway: nothing imported
	d.importSteps = make(chan int)
	onUI(func() {
		dlg.Reference.SetSelectedIndex(0)
		test.Tap(dlg.Import)
	})
	d.importSteps <- 1
	onUI(func() { test.Tap(dlg.Cancel) })
	h.WaitIdle()
	if !strings.Contains(dlg.Note.Text, "no client was added") || dlg.Import.Disabled() {
		t.Errorf("after cancel: %q, import disabled %v", dlg.Note.Text, dlg.Import.Disabled())
	}
	// import again to the end
	d.importSteps = nil
	onUI(func() { test.Tap(dlg.Import) })
	h.WaitIdle()
	want := portfolio.ImportOptions{Column: 2, ReferenceColumn: -1, ResponsibleColumn: 3}
	if len(d.imported) != 2 || d.imported[1] != want {
		t.Errorf("imported with %+v, want %+v", d.imported, want)
	}
	rep, ok := dlg.Result()
	if !ok || rep.Added != 1 {
		t.Fatalf("result %+v %v", rep, ok)
	}
	if want := "1 added, 1 already clients, 0 twice in the file, 1 not valid, 0 without a number."; dlg.Report.Text != want {
		t.Errorf("report %q", dlg.Report.Text)
	}
	rows := guitest.LabelsIn(dlg.Rows)
	wantRows := []string{"Row 4: 12345 – Not a valid number (too short)", "Row 3: 923 609 016 – Already a client", "Row 2: 556074-7569 – Added"}
	if !slices.Equal(rows, wantRows) {
		t.Errorf("rows %q, want %q", rows, wantRows)
	}
	if dlg.Cancel.Text != "Close" || dlg.Import.Visible() {
		t.Errorf("buttons %q, import visible %v", dlg.Cancel.Text, dlg.Import.Visible())
	}
}
