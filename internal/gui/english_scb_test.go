package gui

// Sweden in the window: SCB's dossier of a Swedish company and the
// Classify customers screen, checked for English in Swedish, Norwegian and
// Finnish, and reached by Ctrl+4 and by dropping a customer file.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"github.com/motpart/motpart/internal/dossier"
)

// swedishDossier is SCB's answer for a Swedish company whose subscription
// leaves out the sector, the owner category and the phone number.
func swedishDossier() *dossier.Dossier {
	return &dossier.Dossier{Number: "5560747569", Country: "SE", Fetched: shotTime,
		Company: &dossier.Company{Number: "5560747569", Name: "EXEMPEL BYGG AB",
			Form:          dossier.Code{Code: "49", Description: "Övriga aktiebolag"},
			PostalAddress: &dossier.Address{Lines: []string{"BOX 123"}, PostalCode: "15122", City: "SÖDERTÄLJE", CountryCode: "SE"},
			Industry:      []dossier.Code{{Code: "43.210", Description: "Elinstallationer"}},
			Swedish: &dossier.SwedishFacts{PeOrgNr: "165560747569",
				Status:          dossier.Code{Code: "1", Description: "Är verksam"},
				TaxRegistration: dossier.Code{Code: "1", Description: "Är registrerad hos SKV"},
				FTax:            dossier.Code{Code: "1", Description: "Är registrerad för F-skatt"},
				VAT:             dossier.Code{Code: "1", Description: "Är registrerad för moms"},
				Employer:        dossier.Code{Code: "9", Description: "Är avregistrerad som arbetsgivare"},
				CompanyStatus:   dossier.Code{Code: "0", Description: "Normalläge"},
				Seat:            dossier.Code{Code: "0181", Description: "Södertälje"},
				SeatCounty:      dossier.Code{Code: "01", Description: "Stockholms län"},
				Started:         "1981-05-04",
				NotSubscribed:   []string{"Sektor, kod", "Ägarkategori, kod", "Telefon"},
			},
		},
		Sources: []dossier.Source{{ID: "scb", Status: dossier.StatusFound, Fetched: shotTime}},
	}
}

// TestNoEnglishOnSwedishScreens opens SCB's dossier and the Classify
// customers screen before, after and without a run in each language and
// checks that no English shows.
func TestNoEnglishOnSwedishScreens(t *testing.T) {
	in := filepath.Join(t.TempDir(), "kunder.csv")
	if err := os.WriteFile(in, []byte("not read by the fake desk"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, language := range []string{"sv", "nb", "fi"} {
		t.Run(language, func(t *testing.T) {
			frags := englishFragments(t, language)
			d := newRichDesk(t)
			d.dossiers["556074-7569"] = swedishDossier()
			a := newFakeAppIn(t, d, language)
			if err := a.Unlock([]byte(testPassword)); err != nil {
				t.Fatal(err)
			}
			check := func(screen string, must ...string) {
				t.Helper()
				a.host.WaitIdle()
				var texts []string
				onUI(func() { texts = shownTexts(a.win.Canvas()) })
				if os.Getenv("MOTPART_SHOW_TEXTS") != "" {
					t.Logf("%s: %q", screen, texts)
				}
				for _, text := range texts {
					if f := findEnglish(text, frags); f != "" {
						t.Errorf("%s: %q holds the English %q", screen, text, f)
					}
				}
				all := strings.Join(texts, "\n")
				for _, m := range must {
					if !strings.Contains(all, m) {
						t.Errorf("%s: nothing shows %q", screen, m)
					}
				}
			}
			onUI(func() { a.lookup.Open("5560747569", 0) })
			check("SCB's dossier", "Södertälje, Stockholms län", "Normalläge")
			a.showScreen(ScreenClassify)
			check("classify, empty")
			onUI(func() { a.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(in)}) })
			check("classify, preview", "Organisationsnummer")
			onUI(func() { a.classify.RunTo(filepath.Join(t.TempDir(), "ut.csv")) })
			check("classify, summary", "112000")
			if a.classify.Summary() == nil {
				t.Error("no summary after the run")
			}
		})
	}
}

// TestSwedishDossierInWords: SCB's statuses show in words, the variables
// not in the subscription say so, and SNI names the industry.
func TestSwedishDossierInWords(t *testing.T) {
	d := newRichDesk(t)
	d.dossiers["556074-7569"] = swedishDossier()
	a := newFakeAppIn(t, d, "en")
	if err := a.Unlock([]byte(testPassword)); err != nil {
		t.Fatal(err)
	}
	onUI(func() { a.lookup.Open("5560747569", 0) })
	a.host.WaitIdle()
	var texts []string
	onUI(func() { texts = shownTexts(a.win.Canvas()) })
	var shown []string // a form's empty hints left out
	for _, text := range texts {
		if text != "" {
			shown = append(shown, text)
		}
	}
	all := strings.Join(shown, "\n")
	if os.Getenv("MOTPART_SHOW_TEXTS") != "" {
		t.Logf("%q", texts)
	}
	for _, want := range []string{
		"Status at SCB\nActive",
		"Swedish Tax Agency\nRegistered with the Swedish Tax Agency",
		"F-tax\nRegistered",
		"VAT\nRegistered",
		"Employer\nDeregistered",
		"Company status\nNormalläge",
		"Seat\nSödertälje, Stockholms län",
		"Started\n1981-05-04",
		"Sector\nnot in your SCB subscription",
		"Owner category\nnot in your SCB subscription",
		"Phone\nnot in your SCB subscription",
		"Industry (SNI)\n43.210 Elinstallationer",
		"SCB, business register",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the dossier does not show %q", want)
		}
	}
	if strings.Contains(all, "165560747569") {
		t.Error("the dossier shows SCB's PeOrgNr, which for a sole trader is a personal number")
	}
}

// TestCustomerFilesGoToClassify: Ctrl+4 shows Classify customers, and a
// customer file dropped anywhere goes there while a certificate file goes
// to the wizard.
func TestCustomerFilesGoToClassify(t *testing.T) {
	d := &fakeDesk{password: "correct horse battery"}
	a := newFakeApp(t, d)
	if err := a.Unlock([]byte(d.password)); err != nil {
		t.Fatal(err)
	}
	press(a, ctrl(fyne.Key4))
	if a.Screen() != ScreenClassify || a.tabs.SelectedIndex() != 3 {
		t.Errorf("Ctrl+4: screen %q, tab %d", a.Screen(), a.tabs.SelectedIndex())
	}
	tests := []struct {
		file, screen string
	}{
		{"Kunder 2026.XLSX", ScreenClassify},
		{"kunder.csv", ScreenClassify},
	}
	for _, tt := range tests {
		a.showScreen(ScreenLookup)
		onUI(func() {
			a.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(filepath.Join(t.TempDir(), tt.file))})
		})
		a.host.WaitIdle()
		if a.Screen() != tt.screen || a.classify.File.Text != tt.file {
			t.Errorf("dropped %s: screen %q, file %q", tt.file, a.Screen(), a.classify.File.Text)
		}
	}
	a.showScreen(ScreenLookup)
	onUI(func() {
		a.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(filepath.Join(t.TempDir(), "cert.p12"))})
	})
	a.host.WaitIdle()
	if a.Screen() == ScreenClassify || a.classify.File.Text != "kunder.csv" {
		t.Errorf("a certificate file went to Classify customers (screen %q, file %q)", a.Screen(), a.classify.File.Text)
	}
}
