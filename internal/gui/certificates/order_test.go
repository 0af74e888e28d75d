package certificates

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// veroStates are the states the fake Vero tells while it prepares a
// certificate.
var veroStates = []dossier.FIOrderState{
	{Step: dossier.FIStepSent},
	{Step: dossier.FIStepWaiting, RetrievalID: "R1", Attempts: 2, NextTry: fakeNow.Add(45 * time.Second)},
}

// fillOrder walks the order wizard to its review step with the password.
func fillOrder(t *testing.T, w *orderWizard, password string) {
	t.Helper()
	onUI(func() {
		test.Type(w.businessID, "0116297-6")
		test.Type(w.company, "Esimerkki Oy")
		test.Tap(w.next)
		test.Type(w.transferID, "T-1001")
		test.Type(w.password, password)
		test.Tap(w.next)
		test.Tap(w.next)
	})
	if w.step != orderReview {
		t.Fatalf("step %d, want the review", w.step)
	}
}

func TestOrderWizardCompanyStep(t *testing.T) {
	tests := []struct {
		id, company string
		verdict     string
		next        bool
	}{
		{"", "", "", false},
		{"0116297-5", "Esimerkki Oy", "Finnish business ID: the check digit is wrong.", false},
		{"923609016", "Esimerkki Oy", "No Nordic number has this many digits.", false},
		{"0116297-6", "", "Finnish business ID: valid.", false},
		{"0116297-6", "Esimerkki Oy", "Finnish business ID: valid.", true},
	}
	d := &fakeDesk{}
	s, _, _ := newFakeScreen(t, d, fakeNow)
	onUI(func() { test.Tap(s.order) })
	w := s.orderWizard
	for _, tt := range tests {
		onUI(func() {
			w.businessID.SetText("")
			w.company.SetText("")
			test.Type(w.businessID, tt.id)
			test.Type(w.company, tt.company)
		})
		if w.verdict.Text != tt.verdict || w.next.Disabled() == tt.next {
			t.Errorf("%q %q: verdict %q, next enabled %v; want %q, %v", tt.id, tt.company, w.verdict.Text, !w.next.Disabled(), tt.verdict, tt.next)
		}
	}
}

func TestOrderWizardOnFake(t *testing.T) {
	tests := []struct {
		env      string
		choices  []string
		wantEnv  string
		password string
	}{
		{"production", []string{"Vero's test service (for trying out)", "Vero's production service (the real certificate)"}, "production", "pw-1"},
		{"sandbox", []string{"Vero's test service (for trying out)", "Vero's production service (the real certificate)", "The sandbox (practice data)"}, "sandbox", "pw-2"},
	}
	for _, tt := range tests {
		t.Run(tt.env, func(t *testing.T) {
			d := &fakeDesk{vero: fakeVero{env: tt.env, password: tt.password, states: veroStates, days: 730}}
			s, _, shown := newFakeScreen(t, d, fakeNow)
			onUI(func() { test.Tap(s.order) })
			w := s.orderWizard
			fillOrder(t, w, tt.password)
			if got := w.env.Options; len(got) != len(tt.choices) || got[len(got)-1] != tt.choices[len(tt.choices)-1] {
				t.Errorf("environments %q, want %q", got, tt.choices)
			}
			if w.name.Text != "Incomes Register 0116297-6" {
				t.Errorf("suggested name %q", w.name.Text)
			}
			onUI(func() { test.Tap(w.next) })
			s.host.WaitIdle()
			want := dossier.FIOrder{BusinessID: "0116297-6", CompanyName: "Esimerkki Oy", TransferID: "T-1001", Environment: tt.wantEnv, Name: "Incomes Register 0116297-6"}
			if len(d.vero.orders) != 1 || d.vero.orders[0] != want {
				t.Fatalf("orders %+v, want %+v", d.vero.orders, want)
			}
			until := guikit.Format().Day(fakeNow.AddDate(0, 0, 730).Local())
			if w.step != orderDone || w.result.Text != "Stored as “Incomes Register 0116297-6”, valid until "+until+"." {
				t.Errorf("step %d, result %q (message %q)", w.step, w.result.Text, w.dialog.Error.Text)
			}
			if w.state.Text != "Vero is still preparing the certificate: attempt 2 of 10, next try at "+guikit.Format().Clock(fakeNow.Add(45*time.Second).Local())+"." {
				t.Errorf("last state %q", w.state.Text)
			}
			if len(s.stored) != 1 || !s.notice.Visible() || *shown != 0 {
				t.Errorf("after the order: stored %+v, notice %v", s.stored, s.notice.Visible())
			}
			onUI(func() { test.Tap(w.cancel) })
			if s.orderWizard != nil || s.pending.Visible() {
				t.Errorf("after closing: wizard %v, pending %v", s.orderWizard != nil, s.pending.Visible())
			}
		})
	}
}

func TestOrderWrongPassword(t *testing.T) {
	d := &fakeDesk{vero: fakeVero{env: "production", password: "right", states: veroStates, days: 730}}
	s, _, _ := newFakeScreen(t, d, fakeNow)
	onUI(func() { test.Tap(s.order) })
	w := s.orderWizard
	fillOrder(t, w, "wrong")
	onUI(func() { test.Tap(w.next) })
	s.host.WaitIdle()
	want := "Vero did not accept the TransferPassword: it is wrong or was used already. A TransferPassword works only once; order a new TransferID and password in the Incomes Register e-service."
	if w.step != orderReview || w.dialog.Error.Text != want || !w.dialog.Error.Visible() {
		t.Errorf("step %d, message %q, want the review with %q", w.step, w.dialog.Error.Text, want)
	}
	if w.password.Text != "" || len(d.stored) != 0 {
		t.Errorf("password kept %q, stored %+v", w.password.Text, d.stored)
	}
}

func TestOrderCancelThenResume(t *testing.T) {
	d := &fakeDesk{vero: fakeVero{env: "production", password: "pw", states: veroStates, days: 730, wait: true}}
	s, _, _ := newFakeScreen(t, d, fakeNow)
	onUI(func() { test.Tap(s.order) })
	w := s.orderWizard
	fillOrder(t, w, "pw")
	onUI(func() { test.Tap(w.next) })
	onUI(func() {
		if w.step != orderProgress {
			t.Errorf("step %d while waiting, want the progress", w.step)
		}
		test.Tap(w.cancel)
	})
	s.host.WaitIdle()
	if s.orderWizard != nil || !s.pending.Visible() {
		t.Fatalf("after Cancel: wizard %v, pending offered %v", s.orderWizard != nil, s.pending.Visible())
	}
	// The app starts again: the screen offers the order.
	d.vero.wait = false
	s2, _, _ := newFakeScreen(t, d, fakeNow)
	if !s2.pending.Visible() {
		t.Fatal("a new screen does not offer the pending order")
	}
	onUI(func() { test.Tap(s2.resume) })
	s2.host.WaitIdle()
	w2 := s2.orderWizard
	if d.vero.resumed != 1 || len(d.vero.orders) != 1 || w2 == nil || w2.step != orderDone {
		t.Fatalf("resumed %d, orders %d, wizard open %v", d.vero.resumed, len(d.vero.orders), w2 != nil)
	}
	if len(s2.stored) != 1 || s2.stored[0].Name != "Incomes Register 0116297-6" || s2.pending.Visible() {
		t.Errorf("after resuming: stored %+v, pending %v", s2.stored, s2.pending.Visible())
	}
}

func TestRenewFromBanner(t *testing.T) {
	ir := fakeInfo("Esimerkki Oy", 30)
	ir.Uses = []certinfo.Use{certinfo.UseIncomesRegister}
	tests := []struct {
		name  string
		info  *certinfo.Info
		offer bool
	}{
		{"scb", fakeInfo("Exempelbyrån AB", 30), false},
		{"incomes register", ir, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &fakeDesk{stored: []certinfo.Stored{{Name: "IR", Info: tt.info}},
				vero: fakeVero{env: "production", states: veroStates, days: 730}}
			s, _, _ := newFakeScreen(t, d, fakeNow)
			b := s.banner
			if b.renewNow.Visible() != tt.offer {
				t.Fatalf("Renew now shown %v, want %v", b.renewNow.Visible(), tt.offer)
			}
			if !tt.offer {
				return
			}
			onUI(func() { test.Tap(b.renewNow) })
			s.host.WaitIdle()
			w := s.orderWizard
			if len(d.vero.renewed) != 1 || d.vero.renewed[0] != "IR" || w == nil || w.step != orderDone {
				t.Fatalf("renewed %q, wizard open %v", d.vero.renewed, w != nil)
			}
			until := guikit.Format().Day(fakeNow.AddDate(0, 0, 730).Local())
			if w.result.Text != "Stored as “IR”, valid until "+until+"." || b.box.Visible() {
				t.Errorf("result %q, banner still shown %v", w.result.Text, b.box.Visible())
			}
		})
	}
}

func TestOrderStateText(t *testing.T) {
	next := fakeNow.Add(30 * time.Second)
	clock := guikit.Format().Clock(next.Local())
	tests := []struct {
		st   dossier.FIOrderState
		want string
	}{
		{dossier.FIOrderState{Step: dossier.FIStepSent}, "The order was sent to Vero. Waiting for its answer…"},
		{dossier.FIOrderState{Step: dossier.FIStepWaiting, NextTry: next}, "Vero received the order. Motpart asks for the certificate at " + clock + "."},
		{dossier.FIOrderState{Step: dossier.FIStepWaiting, Attempts: 3, NextTry: next}, "Vero is still preparing the certificate: attempt 3 of 10, next try at " + clock + "."},
		{dossier.FIOrderState{Step: dossier.FIStepReady}, "Vero has prepared the certificate. Storing it in the vault…"},
		{dossier.FIOrderState{Step: dossier.FIStepFailed, Problem: "vero_not_ready"}, "Vero has not finished the certificate yet. Try again later; the order is kept and continues where it stopped."},
	}
	newFakeScreen(t, &fakeDesk{}, fakeNow) // English
	for _, tt := range tests {
		if got := orderStateText(tt.st); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.st, got, tt.want)
		}
	}
}
