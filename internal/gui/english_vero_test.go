package gui

// Finland in the window: the order of the Incomes Register certificate
// step by step, its resumption and the renewal from the banner, checked
// for English in Swedish, Norwegian and Finnish.

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/dossier"
)

// veroDesk is richDesk with Vero's certificate service answering: every
// order, resumption and renewal tells two states and stores a certificate.
type veroDesk struct {
	*richDesk
	pending bool
}

func (d *veroDesk) issue(name string, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
	progress(dossier.FIOrderState{Step: dossier.FIStepSent})
	progress(dossier.FIOrderState{Step: dossier.FIStepWaiting, RetrievalID: "R1", Attempts: 1, NextTry: shotTime.Add(45 * time.Second)})
	info := *d.certs[0].Info
	info.Uses = []certinfo.Use{certinfo.UseIncomesRegister}
	return certinfo.Stored{Name: name, Info: &info}, nil
}

func (d *veroDesk) OrderFICertificate(_ context.Context, o dossier.FIOrder, _ []byte, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
	return d.issue(o.Name, progress)
}

func (d *veroDesk) PendingFIOrder() (dossier.FIOrder, dossier.FIOrderState, bool, error) {
	return dossier.FIOrder{Name: "Tulorekisteri"}, dossier.FIOrderState{Step: dossier.FIStepSent}, d.pending, nil
}

func (d *veroDesk) ResumeFIOrder(_ context.Context, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
	return d.issue("Tulorekisteri", progress)
}

func (d *veroDesk) CanRenewFI(string) error { return nil }

func (d *veroDesk) RenewFICertificate(_ context.Context, name string, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
	return d.issue(name, progress)
}

// shownEntries are the visible entries on c's top overlay, in order.
func shownEntries(a *App) []*widget.Entry {
	var found []*widget.Entry
	visit(topOf(a.win.Canvas()), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.Visible() {
			found = append(found, e)
		}
	})
	return found
}

// TestNoEnglishInVeroOrder walks the order wizard, resumes a pending
// order and renews from the banner in each language, and checks that no
// English shows.
func TestNoEnglishInVeroOrder(t *testing.T) {
	for _, language := range []string{"sv", "nb", "fi"} {
		t.Run(language, func(t *testing.T) {
			frags := englishFragments(t, language)
			d := &veroDesk{richDesk: newRichDesk(t), pending: true}
			d.env = "sandbox"
			d.expiring[0].Info.Uses = []certinfo.Use{certinfo.UseIncomesRegister}
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
			tap := func(english string) {
				t.Helper()
				b := findButton(a.win.Canvas(), english)
				if b == nil {
					t.Fatalf("no button %q", english)
				}
				onUI(func() { test.Tap(b) })
			}
			a.showScreen(ScreenCertificates)
			check("certificates with a pending order")
			onUI(a.certificates.OpenOrder)
			check("order, company")
			entries := shownEntries(a)
			if len(entries) != 2 {
				t.Fatalf("%d entries on the company step", len(entries))
			}
			test.Type(entries[0], "0116297-6")
			test.Type(entries[1], "Esimerkki Oy")
			check("order, company typed", "Y-tunnus")
			tap("Next")
			check("order, transfer codes", "TransferPassword")
			entries = shownEntries(a)
			if len(entries) != 2 {
				t.Fatalf("%d entries on the transfer step", len(entries))
			}
			test.Type(entries[0], "T-1001")
			test.Type(entries[1], "salasana")
			tap("Next")
			check("order, service")
			tap("Next")
			check("order, review", "0116297-6")
			tap("Order")
			check("order, done", "0116297-6")
			tap("Close")
			onUI(a.certificates.ResumeOrder)
			check("resumed, done", "Tulorekisteri")
			tap("Close")
			onUI(func() { a.certificates.OpenRenew(d.expiring[0].Name) })
			check("renewed, done", d.expiring[0].Name)
			tap("Close")
		})
	}
}
