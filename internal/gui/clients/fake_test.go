package clients

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/gui/guitest"
	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/problem"
)

// uiThread stands in for the UI goroutine the test driver lacks.
var uiThread guitest.UI

// onUI runs f as if on the UI goroutine.
func onUI(f func()) { uiThread.Do(f) }

// day is the fake's today.
var day = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// fakeDesk keeps clients and changes in memory. A check reports one
// progress per value sent on steps (clients done) and ends when steps is
// closed with summary; cancelled, it keeps a pending check.
type fakeDesk struct {
	mu       sync.Mutex
	clients  []portfolio.Client
	changes  []portfolio.Change
	filters  []portfolio.ChangeFilter
	preview  portfolio.ImportPreview
	report   portfolio.ImportReport
	imported []portfolio.ImportOptions
	// importSteps gates an import like steps a check.
	importSteps chan int
	steps       chan int
	total       int
	found       map[int][]portfolio.Change
	summary     portfolio.Summary
	pending     *portfolio.Progress
	last        *portfolio.Summary
	abandoned   int
	checks      int
	exports     []string
	sandbox     time.Time
	advanced    time.Duration
	removed     []string
}

func newFakeDesk() *fakeDesk {
	return &fakeDesk{
		clients: []portfolio.Client{
			{Number: "923609016", Country: "NO", Name: "Equinor ASA", Reference: "K-100", Responsible: "Kari", LastChecked: day.Add(-48 * time.Hour)},
			{Number: "556074-7569", Country: "SE", Name: "Exempel Bygg AB", Reference: "K-200", Responsible: "Anna", Standing: dossier.StandingBankrupt, Flags: []portfolio.Reason{portfolio.ReasonBankruptcyOpened}, Risk: portfolio.RiskHigh, LastChecked: day.Add(-24 * time.Hour)},
			{Number: "0112038-9", Country: "FI", Name: "Nokia Oyj", Reference: "K-300", Responsible: "Bo", Flags: []portfolio.Reason{portfolio.ReasonAuditorAppointed}, Risk: portfolio.RiskMedium},
		},
		changes: []portfolio.Change{
			{ID: "c1", Number: "556074-7569", Name: "Exempel Bygg AB", Detected: day.Add(-24 * time.Hour), Date: "2026-02-27", Source: "scb", Field: portfolio.FieldStatus, Old: "active", New: "bankrupt", Risk: portfolio.RiskHigh, Reason: portfolio.ReasonBankruptcyOpened},
			{ID: "c2", Number: "0112038-9", Name: "Nokia Oyj", Detected: day.Add(-40 * 24 * time.Hour), Source: "prh", Field: portfolio.FieldAuditor, New: "KPMG Oy Ab", Risk: portfolio.RiskMedium, Reason: portfolio.ReasonAuditorAppointed},
			{ID: "c3", Number: "556074-7569", Name: "Exempel Bygg AB", Detected: day.Add(-48 * time.Hour), Source: "scb", Field: portfolio.FieldPostalAddress, Old: "Box 1", New: "Box 2", Risk: portfolio.RiskLow, Reason: portfolio.ReasonPostalAddressChanged},
		},
		preview: portfolio.ImportPreview{
			Header: []string{"Kundnr", "Namn", "Org.nr", "Ansvarig"},
			Rows:   [][]string{{"1", "Exempel Bygg AB", "556074-7569", "Anna"}, {"2", "Equinor", "923 609 016", "Kari"}},
			Column: 2, ReferenceColumn: 0, ResponsibleColumn: 3, Format: "CSV (;, UTF-8)",
		},
		report: portfolio.ImportReport{
			Rows: []portfolio.ImportRow{
				{Line: 2, Value: "556074-7569", Number: "556074-7569", Country: "SE", Outcome: portfolio.ImportAdded},
				{Line: 3, Value: "923 609 016", Number: "923609016", Country: "NO", Outcome: portfolio.ImportExisting},
				{Line: 4, Value: "12345", Outcome: portfolio.ImportInvalid, Reason: "too short"},
			},
			Added: 1, Existing: 1, Invalid: 1,
		},
		total: 3,
	}
}

func (d *fakeDesk) Clients() ([]portfolio.Client, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.clients), nil
}

func (d *fakeDesk) AddClient(number, reference, responsible string) (portfolio.Client, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, c := range d.clients {
		if c.Number == number {
			return portfolio.Client{}, problem.New(problem.CodeClientExists, nil)
		}
	}
	c := portfolio.Client{Number: number, Country: "NO", Reference: reference, Responsible: responsible, Added: day}
	d.clients = append(d.clients, c)
	return c, nil
}

func (d *fakeDesk) UpdateClient(number, reference, responsible string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	for i, c := range d.clients {
		if c.Number == number {
			d.clients[i].Reference, d.clients[i].Responsible = reference, responsible
			return nil
		}
	}
	return problem.New(problem.CodeNotAClient, nil)
}

func (d *fakeDesk) RemoveClient(number string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.removed = append(d.removed, number)
	d.clients = slices.DeleteFunc(d.clients, func(c portfolio.Client) bool { return c.Number == number })
	return nil
}

func (d *fakeDesk) PreviewClientImport(string) (portfolio.ImportPreview, error) {
	return d.preview, nil
}

func (d *fakeDesk) ImportClients(ctx context.Context, _ string, opt portfolio.ImportOptions, progress func(done, total int)) (portfolio.ImportReport, error) {
	d.mu.Lock()
	d.imported = append(d.imported, opt)
	steps := d.importSteps
	d.mu.Unlock()
	for steps != nil {
		select {
		case n, ok := <-steps:
			if !ok {
				steps = nil
				break
			}
			progress(n, 3)
		case <-ctx.Done():
			return portfolio.ImportReport{}, ctx.Err()
		}
	}
	return d.report, nil
}

func (d *fakeDesk) ClientChanges(f portfolio.ChangeFilter) ([]portfolio.Change, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.filters = append(d.filters, f)
	var out []portfolio.Change
	for _, c := range d.changes {
		if c.Risk >= f.MinRisk && (f.Since.IsZero() || !c.Detected.Before(f.Since)) {
			out = append(out, c)
		}
	}
	return out, nil
}

func (d *fakeDesk) ExportClients(path string, l portfolio.Labels) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.exports = append(d.exports, "clients "+path+" "+l.Column(portfolio.ColumnNumber))
	return nil
}

func (d *fakeDesk) ExportChanges(path string, f portfolio.ChangeFilter, l portfolio.Labels) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.exports = append(d.exports, "changes "+path+" "+f.MinRisk.String()+" "+l.Reason(portfolio.ReasonAuditorResigned))
	return nil
}

func (d *fakeDesk) SandboxNow() (time.Time, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.sandbox.IsZero() {
		return time.Time{}, problem.New(problem.CodeNotSandbox, nil)
	}
	return d.sandbox.Add(d.advanced), nil
}

func (d *fakeDesk) AdvanceSandbox(dur time.Duration) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.advanced += dur
	return nil
}

func (d *fakeDesk) CheckClients(ctx context.Context, progress func(portfolio.Progress)) (portfolio.Summary, error) {
	d.mu.Lock()
	d.checks++
	steps := d.steps
	p := portfolio.Progress{Run: "run-1", Started: day, Phase: portfolio.PhaseLookups, Total: d.total}
	if d.pending != nil {
		p = *d.pending
	}
	d.mu.Unlock()
	for steps != nil {
		select {
		case n, ok := <-steps:
			if !ok {
				steps = nil
				break
			}
			p.Done = n
			p.Current = "Client " + string(rune('A'+n))
			d.mu.Lock()
			p.Found = d.found[n]
			d.mu.Unlock()
			progress(p)
		case <-ctx.Done():
			d.mu.Lock()
			p.Found = nil
			d.pending = &p
			d.mu.Unlock()
			return portfolio.Summary{}, ctx.Err()
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.pending = nil
	sum := d.summary
	d.last = &sum
	return sum, nil
}

func (d *fakeDesk) PendingCheck() (portfolio.Progress, bool, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.pending == nil {
		return portfolio.Progress{}, false, nil
	}
	return *d.pending, true, nil
}

func (d *fakeDesk) AbandonCheck() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.pending == nil {
		return problem.New(problem.CodeNoPendingCheck, nil)
	}
	d.pending = nil
	d.abandoned++
	return nil
}

func (d *fakeDesk) LastCheck() (portfolio.Summary, bool, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.last == nil {
		return portfolio.Summary{}, false, nil
	}
	return *d.last, true, nil
}

func (d *fakeDesk) CheckDue() (bool, error) { return false, nil }

// newTestScreen is the screen on d in a test window, in English; opened
// collects the numbers whose dossier it opened, notes the notifications.
func newTestScreen(t *testing.T, d *fakeDesk) (s *Screen, h *guikit.Host, opened *[]string, notes *[]*fyne.Notification) {
	t.Helper()
	t.Setenv("LANGUAGE", "en")
	fa := test.NewTempApp(t)
	if _, err := guikit.ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	win := fa.NewWindow("Motpart")
	h = guikit.NewHost(fa, win)
	h.SetDo(onUI)
	var mu sync.Mutex
	opened, notes = &[]string{}, &[]*fyne.Notification{}
	h.SetNotifier(func(n *fyne.Notification) {
		mu.Lock()
		defer mu.Unlock()
		*notes = append(*notes, n)
	})
	onUI(func() {
		s = New(h, d, func(number string) { *opened = append(*opened, number) })
		s.now = func() time.Time { return day }
		win.SetContent(s.Content())
		win.Resize(fyne.NewSize(1200, 800))
	})
	h.WaitIdle()
	t.Cleanup(func() {
		onUI(s.Close)
		h.WaitIdle()
		win.Close()
	})
	return s, h, opened, notes
}
