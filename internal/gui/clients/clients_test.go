package clients

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/portfolio"
)

// numbers lists the numbers of clients in order.
func numbers(list []portfolio.Client) []string {
	out := make([]string, len(list))
	for i, c := range list {
		out[i] = c.Number
	}
	return out
}

func TestSortAndFilter(t *testing.T) {
	tests := []struct {
		name    string
		sort    []int
		filter  string
		country int
		risk    int
		want    []string
	}{
		{"by name", nil, "", 0, 0, []string{"923609016", "556074-7569", "0112038-9"}},
		{"name reversed", []int{ColName}, "", 0, 0, []string{"0112038-9", "556074-7569", "923609016"}},
		{"by risk", []int{ColRisk}, "", 0, 0, []string{"923609016", "0112038-9", "556074-7569"}},
		{"by risk reversed", []int{ColRisk, ColRisk}, "", 0, 0, []string{"556074-7569", "0112038-9", "923609016"}},
		{"by last checked", []int{ColChecked}, "", 0, 0, []string{"0112038-9", "923609016", "556074-7569"}},
		{"by reference reversed", []int{ColReference, ColReference}, "", 0, 0, []string{"0112038-9", "556074-7569", "923609016"}},
		{"filter by name", nil, "bygg", 0, 0, []string{"556074-7569"}},
		{"filter by digits", nil, "5560747569", 0, 0, []string{"556074-7569"}},
		{"filter by reference", nil, "k-300", 0, 0, []string{"0112038-9"}},
		{"Sweden", nil, "", 2, 0, []string{"556074-7569"}},
		{"medium and high", nil, "", 0, 1, []string{"556074-7569", "0112038-9"}},
		{"high only", nil, "", 0, 2, []string{"556074-7569"}},
		{"nothing", nil, "zzz", 0, 0, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, h, _, _ := newTestScreen(t, newFakeDesk())
			onUI(func() {
				for _, col := range tt.sort {
					s.SortBy(col)
				}
				s.Country.SetSelectedIndex(tt.country)
				s.Risk.SetSelectedIndex(tt.risk)
				s.Filter.SetText(tt.filter)
			})
			h.WaitIdle()
			var got []string
			onUI(func() { got = numbers(s.Shown()) })
			if !slices.Equal(got, tt.want) {
				t.Errorf("shown %v, want %v", got, tt.want)
			}
			var count string
			onUI(func() { count = s.Count.Text })
			if want := "of 3 clients"; !strings.HasSuffix(count, want) {
				t.Errorf("count %q", count)
			}
		})
	}
}

func TestCellsSayStatusRiskAndDate(t *testing.T) {
	d := newFakeDesk()
	tests := []struct {
		client portfolio.Client
		col    int
		want   string
	}{
		{d.clients[1], ColStatus, "Bankrupt"},
		{d.clients[0], ColStatus, "Active"},
		{portfolio.Client{Number: "1"}, ColStatus, ""},
		{portfolio.Client{Number: "1"}, ColName, "(not checked yet)"},
		{d.clients[1], ColRisk, "Bankruptcy opened"},
		{d.clients[2], ColChecked, "never"},
		{d.clients[0], ColCountry, "Norway"},
		{d.clients[1], ColChecked, "2026-03-01"},
	}
	newTestScreen(t, d)
	for _, tt := range tests {
		if got, _, _ := cellText(tt.client, tt.col); got != tt.want {
			t.Errorf("%s column %d: %q, want %q", tt.client.Number, tt.col, got, tt.want)
		}
	}
}

func TestOpenAddEditRemove(t *testing.T) {
	d := newFakeDesk()
	s, h, opened, _ := newTestScreen(t, d)
	onUI(func() {
		s.Filter.SetText("nokia")
		s.openChosen() // the only one shown
		s.Filter.SetText("")
		s.Select("923609016")
		test.Tap(s.Open)
	})
	if want := []string{"0112038-9", "923609016"}; !slices.Equal(*opened, want) {
		t.Errorf("opened %v, want %v", *opened, want)
	}
	// add
	onUI(func() { test.Tap(s.Add) })
	entries := s.formEntries
	if len(entries) != 3 {
		t.Fatalf("%d entries in the add dialog", len(entries))
	}
	onUI(func() {
		entries[0].SetText("974760673")
		entries[1].SetText("K-400")
		entries[2].SetText("Per")
		test.Tap(s.lastForm.Confirm)
	})
	h.WaitIdle()
	h.WaitIdle()
	if got := numbers(s.Shown()); !slices.Contains(got, "974760673") {
		t.Errorf("after adding: %v", got)
	}
	// adding it again says why not
	onUI(func() { test.Tap(s.Add) })
	entries = s.formEntries
	onUI(func() {
		entries[0].SetText("974760673")
		test.Tap(s.lastForm.Confirm)
	})
	h.WaitIdle()
	if text := s.lastForm.Error.Text; !s.lastForm.Error.Visible() || text == "" {
		t.Errorf("adding twice says %q", text)
	}
	onUI(func() { s.lastForm.Hide() })
	// edit
	onUI(func() {
		s.Select("923609016")
		test.Tap(s.Edit)
	})
	entries = s.formEntries
	if len(entries) != 2 || entries[0].Text != "K-100" || entries[1].Text != "Kari" {
		t.Fatalf("edit dialog entries %d", len(entries))
	}
	onUI(func() {
		entries[1].SetText("Ola")
		test.Tap(s.lastForm.Confirm)
	})
	h.WaitIdle()
	if d.clients[0].Responsible != "Ola" {
		t.Errorf("responsible %q after edit", d.clients[0].Responsible)
	}
	// remove, confirmed by the named action
	onUI(func() {
		s.Select("923609016")
		test.Tap(s.Remove)
	})
	if got := s.lastConfirm.Action.Text; got != "Remove client" {
		t.Errorf("confirm button %q", got)
	}
	if !strings.Contains(s.lastConfirm.Message.Text, "Equinor ASA (923609016)") {
		t.Errorf("confirm message %q", s.lastConfirm.Message.Text)
	}
	onUI(func() { test.Tap(s.lastConfirm.Action) })
	h.WaitIdle()
	h.WaitIdle()
	if !slices.Equal(d.removed, []string{"923609016"}) || slices.Contains(numbers(s.Shown()), "923609016") {
		t.Errorf("removed %v, shown %v", d.removed, numbers(s.Shown()))
	}
}

func TestExport(t *testing.T) {
	tests := []struct {
		name    string
		changes bool
		format  string
		path    string
		want    string
	}{
		{"clients as xlsx", false, "Excel (XLSX)", "/tmp/out", "clients /tmp/out.xlsx Organisation number"},
		{"changes as csv", true, "CSV", "/tmp/c.csv", "changes /tmp/c.csv medium Auditor resigned"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newFakeDesk()
			s, h, _, _ := newTestScreen(t, d)
			var asked string
			s.chooseSave = func(name string, _ []string, done func(string)) {
				asked = name
				done(tt.path)
			}
			onUI(func() {
				s.openExportOf(tt.changes)
				s.lastExport.Format.SetSelected(tt.format)
				test.Tap(s.lastExport.Save)
			})
			h.WaitIdle()
			if len(d.exports) != 1 || d.exports[0] != tt.want {
				t.Errorf("exports %v, want %q", d.exports, tt.want)
			}
			if !strings.Contains(asked, "2026-03-02") {
				t.Errorf("suggested name %q", asked)
			}
		})
	}
}

func TestSandboxDay(t *testing.T) {
	d := newFakeDesk()
	d.sandbox = day
	s, h, _, _ := newTestScreen(t, d)
	if !s.sandbox.box.Visible() || s.sandbox.Label.Text != "Sandbox date: 2026-03-02" {
		t.Fatalf("strip visible %v, %q", s.sandbox.box.Visible(), s.sandbox.Label.Text)
	}
	onUI(func() { test.Tap(s.sandbox.Button) })
	h.WaitIdle()
	if !strings.Contains(s.sandbox.Label.Text, "2026-03-03") || d.advanced.Hours() != 24 {
		t.Errorf("after a day: %q, advanced %v", s.sandbox.Label.Text, d.advanced)
	}
	// outside the sandbox there is no strip
	s2, _, _, _ := newTestScreen(t, newFakeDesk())
	if s2.sandbox.box.Visible() {
		t.Error("a sandbox strip outside the sandbox")
	}
}
