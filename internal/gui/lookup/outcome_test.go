package lookup

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// TestOutcomesLookApart: found, not registered, not reached and not asked
// have their own words and icons in the dossier's header and in the
// sources list; a green check only for good news.
func TestOutcomesLookApart(t *testing.T) {
	const number = "923609016"
	earlier := fakeTime.Add(-72 * time.Hour)
	company := &dossier.Company{Number: number, Name: "EKSEMPELBYRÅ AS"}
	src := func(id string, s dossier.Status) dossier.Source {
		return dossier.Source{ID: id, Status: s, Fetched: fakeTime}
	}
	var (
		success = theme.NewSuccessThemedResource(theme.ConfirmIcon())
		warning = theme.NewWarningThemedResource(theme.WarningIcon())
		failure = theme.NewErrorThemedResource(theme.ErrorIcon())
		info    = theme.InfoIcon()
		neutral = guikit.NeutralIcon()
	)
	tests := []struct {
		name        string
		dos         *dossier.Dossier
		header      string
		headerIcon  fyne.Resource
		sourceIcons map[string]fyne.Resource
		labels      []string // more that the view must show
	}{
		{"found", &dossier.Dossier{Company: company, Sources: []dossier.Source{src("brreg", dossier.StatusFound), src("rrh", dossier.StatusNotFound)}},
			"Found: the registers know this organisation.", success,
			map[string]fyne.Resource{"brreg": success, "rrh": info}, []string{"EKSEMPELBYRÅ AS"}},
		{"deleted", &dossier.Dossier{Company: &dossier.Company{Number: number, Name: "EKSEMPELBYRÅ AS", Deleted: true, DeletedDate: "2026-01-05"},
			Sources: []dossier.Source{{ID: "brreg", Status: dossier.StatusDeleted, Date: "2026-01-05"}}},
			"Found, but the organisation is not active: see its status below.", warning,
			map[string]fyne.Resource{"brreg": warning}, []string{"Deleted 2026-01-05"}},
		{"not found", &dossier.Dossier{Sources: []dossier.Source{src("brreg", dossier.StatusNotFound), src("grunndata", dossier.StatusNotFound)}},
			"No register found this organisation. See what each source answered below.", info,
			map[string]fyne.Resource{"brreg": info, "grunndata": info}, nil},
		{"unreachable, last known data", &dossier.Dossier{Company: company,
			Sources: []dossier.Source{src("brreg", dossier.StatusFailed), src("grunndata", dossier.StatusFailed), src("rrh", dossier.StatusFailed)},
			Carried: []dossier.Carried{{Part: dossier.PartCompany, Source: "brreg", Fetched: earlier}}},
			"Last known data from " + guikit.ShortTime(earlier) + "; the registers could not be reached now.", failure,
			map[string]fyne.Resource{"brreg": failure, "grunndata": failure, "rrh": failure},
			[]string{"EKSEMPELBYRÅ AS", "Company: last known data from " + guikit.ShortTime(earlier) + " (Brønnøysund, Enhetsregisteret); not answered now.",
				"Not every source answered, so this dossier may be incomplete."}},
		{"unreachable, nothing known", &dossier.Dossier{Sources: []dossier.Source{src("brreg", dossier.StatusFailed), src("grunndata", dossier.StatusNoAccess)}},
			"The registers could not be reached, so nothing is known about this organisation now. Try again later.", failure,
			map[string]fyne.Resource{"brreg": failure, "grunndata": warning}, nil},
		{"not asked", &dossier.Dossier{Sources: []dossier.Source{src("registers", dossier.StatusSkipped)}},
			"No register was asked about this organisation. See below why.", neutral,
			map[string]fyne.Resource{"registers": neutral}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newFakeDesk()
			tt.dos.Number, tt.dos.Country, tt.dos.Fetched = number, "NO", fakeTime
			d.dossiers = map[string]*dossier.Dossier{number: tt.dos}
			s, _ := newFakeScreen(t, d)
			test.Type(s.Search, number)
			onUI(func() { s.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
			s.host.WaitIdle()
			labels := labelsIn(s.dossier.box)
			for _, want := range append([]string{tt.header}, tt.labels...) {
				if !contains(labels, want) {
					t.Errorf("no %q in %q", want, labels)
				}
			}
			for _, other := range tests {
				if other.header != tt.header && contains(labels, other.header) {
					t.Errorf("the %s dossier says %q", tt.name, other.header)
				}
			}
			if got := s.dossier.outcomeIcon.Resource; got == nil || got.Name() != tt.headerIcon.Name() {
				t.Errorf("header icon %v, want %s", got, tt.headerIcon.Name())
			}
			for id, want := range tt.sourceIcons {
				if got := s.dossier.sourceIcons[id]; got == nil || got.Name() != want.Name() {
					t.Errorf("%s: icon %v, want %s", id, got, want.Name())
				}
			}
		})
	}
}
