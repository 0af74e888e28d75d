package settings

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestReportSavesFirmAndPersonAndReadsThemBack types the firm and the
// person, saves the page, and opens the screen again on what the fake
// desk stored.
func TestReportSavesFirmAndPersonAndReadsThemBack(t *testing.T) {
	tests := []struct {
		name                 string
		stored               map[string]string
		firm, person         string
		wantFirm, wantPerson string
	}{
		{"both typed", nil, "Eksempelbyrå AS", "Åse Sæther", "Eksempelbyrå AS", "Åse Sæther"},
		{"person only", nil, "", "Kari Nordmann", "", "Kari Nordmann"},
		{"both cleared", map[string]string{settingReportFirm: "Gammel AS", settingReportPerson: "Ola"}, "", "", "", ""},
		{"kept as stored", map[string]string{settingReportFirm: "Gammel AS", settingReportPerson: "Ola"}, "Gammel AS", "Ola", "Gammel AS", "Ola"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newFakeDesk()
			for k, v := range tt.stored {
				d.settings[k] = v
			}
			s, _, _, _ := newTestScreen(t, d)
			if s.report.firm.Text != tt.stored[settingReportFirm] || s.report.person.Text != tt.stored[settingReportPerson] {
				t.Errorf("opened on %v: firm %q, person %q", tt.stored, s.report.firm.Text, s.report.person.Text)
			}
			s.report.firm.SetText("")
			s.report.person.SetText("")
			test.Type(s.report.firm, tt.firm)
			test.Type(s.report.person, tt.person)
			test.Tap(s.saveRegs)
			if d.saves != 1 || d.settings[settingReportFirm] != tt.wantFirm || d.settings[settingReportPerson] != tt.wantPerson {
				t.Errorf("after %d saves: firm %q, person %q; want %q, %q after 1", d.saves,
					d.settings[settingReportFirm], d.settings[settingReportPerson], tt.wantFirm, tt.wantPerson)
			}
			again, _, _, _ := newTestScreen(t, d)
			if again.report.firm.Text != tt.wantFirm || again.report.person.Text != tt.wantPerson {
				t.Errorf("opened again: firm %q, person %q; want %q, %q", again.report.firm.Text, again.report.person.Text, tt.wantFirm, tt.wantPerson)
			}
		})
	}
}
