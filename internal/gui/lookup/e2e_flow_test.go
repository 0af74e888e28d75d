package lookup

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/sandbox"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// historyDesk is fakeDesk with earlier lookups: History lists what the
// saved map holds, in the order of order.
type historyDesk struct {
	*fakeDesk
	order []string
}

func (d *historyDesk) History() ([]dossier.HistoryEntry, error) {
	var entries []dossier.HistoryEntry
	for _, n := range d.order {
		dos := d.saved[n]
		name := ""
		if dos.Company != nil {
			name = dos.Company.Name
		}
		entries = append(entries, dossier.HistoryEntry{Number: n, Name: name, Fetched: dos.Fetched, Standing: dos.Company.Standing()})
	}
	return entries, nil
}

// newHistoryDesk has saved dossiers of a bankrupt company, an active one
// and a deleted one with many roles, and no lookup made.
func newHistoryDesk() *historyDesk {
	d := &historyDesk{fakeDesk: newFakeDesk()}
	add := func(number, name string, c dossier.Company, roles int) {
		c.Number, c.Name = number, name
		dos := &dossier.Dossier{Number: number, Country: "NO", Fetched: fakeTime, Company: &c,
			Sources: []dossier.Source{{ID: "brreg", Status: dossier.StatusFound, Fetched: fakeTime}}}
		for i := range roles {
			dos.Roles = append(dos.Roles, dossier.Role{Type: dossier.Code{Code: "MEDL", Description: "Styremedlem"},
				Person: &dossier.Person{Name: "Styremedlem " + string(rune('A'+i))}})
		}
		d.saved[number] = dos
		d.order = append(d.order, number)
	}
	add("923609016", "EKSEMPELBYRÅ AS", dossier.Company{Bankrupt: true}, 0)
	add("974760673", "REGISTERENHETEN I BRØNNØYSUND", dossier.Company{}, 0)
	add("123456785", "LANGE LISTER AS", dossier.Company{Deleted: true}, 20)
	return d
}

// newFlowScreen is the Lookup screen on d in an English window of size.
func newFlowScreen(t *testing.T, d Desk, size fyne.Size) (*Screen, fyne.Window) {
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
	win.Resize(size)
	t.Cleanup(func() { h.WaitIdle(); s.Close(); win.Close() })
	return s, win
}

// historyButton is the history row's button whose text holds name.
func historyButton(t *testing.T, s *Screen, name string) *widget.Button {
	t.Helper()
	for _, row := range s.history.Objects {
		c, ok := row.(*fyne.Container)
		if !ok {
			continue
		}
		for _, o := range c.Objects {
			if b, ok := o.(*widget.Button); ok && strings.Contains(b.Text, name) {
				return b
			}
		}
	}
	t.Fatalf("no history entry for %s in %q", name, buttonTexts(s.history))
	return nil
}

func TestHistoryOpensTheSavedCopyWithoutAskingTheRegisters(t *testing.T) {
	when := fakeTime.Local().Format("2006-01-02 15:04")
	tests := []struct {
		name        string
		number      string
		wantEntry   string // the history button's text
		wantBadge   string // "" for none
		wantCompany string
	}{
		{"EKSEMPELBYRÅ AS", "923609016", "EKSEMPELBYRÅ AS (923609016) · " + when, "Bankrupt", "EKSEMPELBYRÅ AS"},
		{"REGISTERENHETEN I BRØNNØYSUND", "974760673", "REGISTERENHETEN I BRØNNØYSUND (974760673) · " + when, "", "REGISTERENHETEN I BRØNNØYSUND"},
		{"LANGE LISTER AS", "123456785", "LANGE LISTER AS (123456785) · " + when, "Deleted", "LANGE LISTER AS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newHistoryDesk()
			s, _ := newFlowScreen(t, d, fyne.NewSize(900, 640))
			b := historyButton(t, s, tt.name)
			if b.Text != tt.wantEntry {
				t.Errorf("history entry %q, want %q", b.Text, tt.wantEntry)
			}
			row := labelsIn(s.history)
			if tt.wantBadge != "" && !contains(row, tt.wantBadge) {
				t.Errorf("history lacks the badge %q: %q", tt.wantBadge, row)
			}
			test.Tap(b)
			s.host.WaitIdle()
			if len(d.lookups) != 0 {
				t.Fatalf("opening the history asked the registers: %v", d.lookups)
			}
			if s.current != d.saved[tt.number] || s.Search.Text != tt.number {
				t.Fatalf("shows %+v with %q typed, want the saved copy of %s", s.current, s.Search.Text, tt.number)
			}
			if !contains(labelsIn(s.dossier.box), tt.wantCompany) {
				t.Errorf("the dossier does not name %q", tt.wantCompany)
			}
			wantSaved := "Saved copy from " + when + ": the registers were not asked again."
			if !s.savedBar.Visible() || s.savedLabel.Text != wantSaved {
				t.Errorf("saved bar shown %v saying %q, want %q", s.savedBar.Visible(), s.savedLabel.Text, wantSaved)
			}
			if s.savedStanding.Text != tt.wantBadge {
				t.Errorf("standing badge %q, want %q", s.savedStanding.Text, tt.wantBadge)
			}
			if s.again.Disabled() || s.reload.Disabled() {
				t.Error("Look up again is disabled on a saved copy")
			}
			// Look up again asks, once, and the copy is no longer the saved one.
			test.Tap(s.again)
			s.host.WaitIdle()
			if len(d.lookups) != 1 || d.lookups[0] != tt.number {
				t.Errorf("Look up again asked %v, want [%s]", d.lookups, tt.number)
			}
			if s.savedBar.Visible() {
				t.Error("the saved bar stays after a new lookup")
			}
		})
	}
}

// enter looks up what is typed, as Enter does, waits, and lays the window
// out again as the driver does before it draws.
func enter(s *Screen, number string) {
	s.Search.SetText(number)
	onUI(func() { s.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	s.host.WaitIdle()
	relayout(s.host.Win)
}

// relayout lays win out again, as the driver does before drawing.
func relayout(win fyne.Window) {
	size := win.Canvas().Size()
	win.Resize(size.AddWidthHeight(1, 0))
	win.Resize(size)
}

func TestNewLookupOpensAtTheTop(t *testing.T) {
	d := newHistoryDesk()
	d.dossiers = d.saved // Lookup answers with the same dossiers
	s, _ := newFlowScreen(t, d, fyne.NewSize(900, 400))
	tests := []struct {
		name    string
		do      func()
		wantTab int
	}{
		{"typed number", func() { enter(s, "974760673") }, 0},
		{"Open on a tab", func() { onUI(func() { s.Open("974760673", 2) }) }, 2},
		{"the next lookup after Open", func() { enter(s, "923609016") }, 0},
		{"a unit clicked", func() { onUI(func() { s.openUnit("974760673") }) }, 0},
		{"history", func() { s.Search.SetText(""); test.Tap(historyButton(t, s, "EKSEMPELBYRÅ AS")) }, 0},
		{"back", func() { onUI(s.Back) }, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Leave the dossier shown scrolled down on another tab.
			enter(s, "123456785")
			s.dossier.tabs.SelectIndex(1)
			s.dossier.tabs.SelectIndex(0)
			s.scroll.ScrollToBottom()
			s.dossier.tabs.SelectIndex(1)
			if s.scroll.Offset.Y == 0 {
				t.Fatal("the test dossier does not scroll")
			}
			tt.do()
			s.host.WaitIdle()
			if s.current == nil {
				t.Fatal("no dossier shown")
			}
			if s.scroll.Offset.Y != 0 {
				t.Errorf("scrolled to %v, want the top", s.scroll.Offset.Y)
			}
			if got := s.dossier.tabs.SelectedIndex(); got != tt.wantTab {
				t.Errorf("tab %d, want %d", got, tt.wantTab)
			}
		})
	}
}

func TestHistoryShowsTheStandingOfTheRealDesk(t *testing.T) {
	a := newUnlockedApp(t, "en")
	s := a.lookup
	lookUp(t, a, world.BankruptOrgNr)
	lookUp(t, a, world.RichestOrgNr)
	s.Search.SetText("")
	labels := labelsIn(s.history)
	if !contains(labels, "Bankrupt") {
		t.Errorf("history labels %q lack the bankrupt badge", labels)
	}
	sb, err := a.conn.Sandbox(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	requests := func() int {
		n := 0
		for _, svc := range []sandbox.Service{sandbox.ServiceBrreg, sandbox.ServiceGrunndata, sandbox.ServiceRRH} {
			n += sb.Requests(svc, "")
		}
		return n
	}
	before := requests()
	test.Tap(historyButton(t, s, "("+world.BankruptOrgNr+")"))
	a.waitIdle()
	if got := requests(); got != before {
		t.Errorf("opening the history made %d requests", got-before)
	}
	if s.current == nil || s.current.Number != world.BankruptOrgNr || !s.savedBar.Visible() {
		t.Errorf("history opened %+v, saved bar %v", s.current, s.savedBar.Visible())
	}
}
