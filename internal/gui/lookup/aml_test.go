package lookup

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
)

// Numbers of the AML tests: a Norwegian company the fake knows, a
// Swedish and a Finnish one BankID alone answers for.
const (
	amlNO = "923609016"
	amlSE = "556074-7569"
	amlFI = "0116297-6"
)

// bankIDOnly is a dossier of a number only BankID answered for.
func bankIDOnly(number, country, name string) *dossier.Dossier {
	return &dossier.Dossier{Number: number, Country: country, Fetched: fakeTime,
		Sources: []dossier.Source{{ID: "registers", Status: dossier.StatusSkipped, Problem: string(problem.CodeCountryNotConnected), Fetched: fakeTime},
			{ID: "bankid", Status: dossier.StatusFound, Fetched: fakeTime}},
		AML: &dossier.AML{SessionID: "sess-" + country, Country: country, Fetched: fakeTime,
			Key:          &dossier.AMLKey{Name: name, Number: number, Country: country, Form: "AB", Registered: "1999-04-01"},
			Roles:        []dossier.AMLRole{{Type: "CEO", Name: "Anna Berg", BirthDate: "1970-05-01"}},
			Beneficials:  []dossier.AMLOwner{{Name: "Anna Berg", BirthDate: "1970-05-01", Share: 60}},
			Shareholders: []dossier.Holding{{Name: "Berg Holding AB", OrgNumber: "5566778899", Country: "SE", Share: 60}},
			Subsidiaries: []dossier.Holding{{Name: "Dotter Oy", OrgNumber: "0116297-6", Country: "FI", Share: 100}},
			Screening:    &dossier.Screening{Lists: []string{"EU", "UN"}, Date: "2026-03-02"},
		}}
}

// newAMLScreen is the Lookup screen on a fake that answers for the three
// numbers, with the notifications and opened URLs counted.
func newAMLScreen(t *testing.T) (*Screen, *fakeDesk, *[]*fyne.Notification, *[]string) {
	t.Helper()
	d := newFakeDesk()
	d.dossiers = map[string]*dossier.Dossier{
		amlSE: bankIDOnly(amlSE, "SE", "Exempelbolaget AB"),
		amlFI: bankIDOnly(amlFI, "FI", "Esimerkki Oy"),
	}
	d.connected = true
	s, _ := newFakeScreen(t, d)
	var notes []*fyne.Notification
	var opened []string
	s.host.SetNotifier(func(n *fyne.Notification) { notes = append(notes, n) })
	s.host.SetURLOpener(func(u *url.URL) error { opened = append(opened, u.String()); return nil })
	return s, d, &notes, &opened
}

// open looks number up on s and waits for the dossier.
func open(s *Screen, number string, tab int) {
	onUI(func() { s.Open(number, tab) })
	s.host.WaitIdle()
}

func TestOrderDialogOrders(t *testing.T) {
	tests := []struct {
		name        string
		number      string
		untick      string // "aml" or "registration" to untick one
		country     int    // -1 keeps the preselected country
		wantCountry string // preselected, as the dialog shows it
		want        dossier.AMLRequest
	}{
		{"Norwegian, both", amlNO, "", -1, "Norway", dossier.AMLRequest{Number: amlNO, Country: "NO", Documents: []string{"aml", "registration"}}},
		{"Swedish, the report only", amlSE, "registration", -1, "Sweden", dossier.AMLRequest{Number: amlSE, Country: "SE", Documents: []string{"aml"}}},
		{"Finnish, the certificate only", amlFI, "aml", -1, "Finland", dossier.AMLRequest{Number: amlFI, Country: "FI", Documents: []string{"registration"}}},
		{"country changed", amlNO, "", 2, "Norway", dossier.AMLRequest{Number: amlNO, Country: "FI", Documents: []string{"aml", "registration"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, d, _, _ := newAMLScreen(t)
			open(s, tt.number, 0)
			if s.dossier.orderButton == nil || s.dossier.orderButton.Disabled() {
				t.Fatal("no enabled Order AML documents… button")
			}
			test.Tap(s.dossier.orderButton)
			o := s.orderShown
			if o == nil {
				t.Fatal("no order dialog")
			}
			if o.country.Selected != tt.wantCountry || !o.aml.Checked || !o.registration.Checked {
				t.Errorf("dialog: country %q, aml %v, registration %v", o.country.Selected, o.aml.Checked, o.registration.Checked)
			}
			switch tt.untick {
			case "aml":
				test.Tap(o.aml)
			case "registration":
				test.Tap(o.registration)
			}
			if tt.country >= 0 {
				o.country.SetSelectedIndex(tt.country)
			}
			test.Tap(o.Order)
			s.host.WaitIdle()
			if len(d.requests) != 1 {
				t.Fatalf("%d orders, want 1", len(d.requests))
			}
			got := d.requests[0]
			if got.Number != tt.want.Number || got.Country != tt.want.Country || !slices.Equal(got.Documents, tt.want.Documents) {
				t.Errorf("ordered %+v, want %+v", got, tt.want)
			}
			if r := s.progress.rows["session-1"]; r == nil || !s.progress.box.Visible() {
				t.Error("the order is not in the progress strip")
			}
		})
	}
}

func TestOrderDialogNothingTicked(t *testing.T) {
	s, d, _, _ := newAMLScreen(t)
	open(s, amlNO, 0)
	onUI(s.OrderAML) // Ctrl+Shift+O
	o := s.orderShown
	if o == nil {
		t.Fatal("OrderAML opened no dialog")
	}
	test.Tap(o.aml)
	test.Tap(o.registration)
	if !o.Order.Disabled() {
		t.Error("Order is enabled with no document ticked")
	}
	test.Tap(o.Order)
	s.host.WaitIdle()
	if len(d.requests) != 0 {
		t.Errorf("ordered %v with nothing ticked", d.requests)
	}
}

func TestOrderButtonDisabledWithReason(t *testing.T) {
	tests := []struct {
		name       string
		can        error
		wantReason string
	}{
		{"not allowed", problem.New(problem.CodeBankIDNotConnected, nil), "BankID's AML service is not set up. Enter the BankID client in Settings, or use the sandbox."},
		{"personal number", problem.New(problem.CodePersonalNumber, nil), "This is a person's identity number. Motpart looks up organisations: type the organisation number of the person's company, or search by the company's name."},
		{"connected", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, d, _, _ := newAMLScreen(t)
			d.canOrder = tt.can
			open(s, amlNO, 0)
			b := s.dossier.orderButton
			if b.Disabled() != (tt.can != nil) {
				t.Errorf("button disabled %v", b.Disabled())
			}
			reason := ""
			if s.dossier.orderReason.Visible() {
				reason = s.dossier.orderReason.Text
			}
			if reason != tt.wantReason {
				t.Errorf("reason %q, want %q", reason, tt.wantReason)
			}
			onUI(s.OrderAML)
			if (s.orderShown != nil) != (tt.can == nil) {
				t.Errorf("Ctrl+Shift+O opened a dialog: %v", s.orderShown != nil)
			}
		})
	}
}

func TestOrderErrorShown(t *testing.T) {
	s, d, _, _ := newAMLScreen(t)
	d.orderErr = problem.New(problem.CodeBankIDForbidden, nil)
	open(s, amlNO, 0)
	test.Tap(s.dossier.orderButton)
	test.Tap(s.orderShown.Order)
	s.host.WaitIdle()
	texts := textsDeep(s.host.Win.Canvas().Overlays().Top())
	if !contains(texts, "BankID refused access: the client may not use the AML service or the scope asked for. Ask BankID to enable it for your client.") {
		t.Errorf("error dialog says %q", texts)
	}
	if len(s.progress.rows) != 0 {
		t.Error("a refused order is in the progress strip")
	}
}

// placeOrder orders both documents for number on s and returns the
// order the fake made.
func placeOrder(t *testing.T, s *Screen, d *fakeDesk, number string) dossier.AMLOrder {
	t.Helper()
	open(s, number, 0)
	test.Tap(s.dossier.orderButton)
	test.Tap(s.orderShown.Order)
	s.host.WaitIdle()
	o := dossier.AMLOrder{ID: "session-1", OrgNr: number, Country: "NO", Name: "EKSEMPELBYRÅ AS", OrderedAt: fakeTime, ExpiresAt: fakeTime.Add(2 * time.Hour)}
	if r := s.progress.rows[o.ID]; r == nil {
		t.Fatal("the order is not in the progress strip")
	}
	return o
}

// withParts is o with its parts data, aml and registration in states.
func withParts(o dossier.AMLOrder, states ...dossier.OrderState) dossier.AMLOrder {
	o.Parts = nil
	for i, k := range []string{dossier.PartData, dossier.DocumentAML, dossier.DocumentRegistration} {
		o.Parts = append(o.Parts, dossier.OrderPart{Kind: k, State: states[i]})
	}
	return o
}

func TestProgressFollowsOrder(t *testing.T) {
	s, d, notes, _ := newAMLScreen(t)
	o := placeOrder(t, s, d, amlNO)
	const w, p, r = dossier.OrderWaiting, dossier.OrderPreparing, dossier.OrderReady
	steps := []struct {
		order     dossier.AMLOrder
		wantParts string
		wantBar   float64
		wantNotes int
		wantDocs  int // rows in the Documents tab
	}{
		{withParts(o, p, w, w), "Company data: being prepared · AML report: waiting · Certificate of registration: waiting", 0.5 / 3, 0, 0},
		{withParts(o, r, p, p), "Company data: ready · AML report: being prepared · Certificate of registration: being prepared", 2.0 / 3, 0, 0},
		{withParts(o, r, r, p), "Company data: ready · AML report: ready · Certificate of registration: being prepared", 2.5 / 3, 0, 0},
		{withParts(o, r, r, r), "Company data: ready · AML report: ready · Certificate of registration: ready", 1, 1, 2},
		{withParts(o, r, r, r), "Company data: ready · AML report: ready · Certificate of registration: ready", 1, 1, 2}, // told twice, notified once
	}
	for i, st := range steps {
		if st.wantDocs > 0 {
			d.mu.Lock()
			d.docs = map[string][]dossier.Document{amlNO: testDocuments(amlNO)}
			d.amlData = map[string]*dossier.AML{amlNO: {SessionID: "session-1", Country: "NO", Fetched: fakeTime}}
			d.mu.Unlock()
		}
		d.emit(st.order)
		settle(s)
		row := s.progress.rows[o.ID]
		if row.parts.Text != st.wantParts {
			t.Errorf("step %d: parts %q, want %q", i, row.parts.Text, st.wantParts)
		}
		if diff := row.bar.Value - st.wantBar; diff > 1e-9 || diff < -1e-9 {
			t.Errorf("step %d: bar %v, want %v", i, row.bar.Value, st.wantBar)
		}
		if len(*notes) != st.wantNotes {
			t.Errorf("step %d: %d notifications, want %d", i, len(*notes), st.wantNotes)
		}
		if got := len(s.dossier.documents.rows); got != st.wantDocs {
			t.Errorf("step %d: %d documents listed, want %d", i, got, st.wantDocs)
		}
		if row.Stop.Visible() == st.order.Finished() {
			t.Errorf("step %d: Stop following shown %v", i, row.Stop.Visible())
		}
	}
	if s.current.AML == nil || s.current.AML.SessionID != "session-1" || s.DossierTab() != 0 {
		t.Errorf("BankID's data of the ready order is not in the dossier shown (tab %d)", s.DossierTab())
	}
	if n := (*notes)[0]; n.Title != "AML documents ready" || n.Content != "EKSEMPELBYRÅ AS (923609016): the documents are in the vault." {
		t.Errorf("notification %q: %q", n.Title, n.Content)
	}
}

func TestProgressStaysOnOtherCompanies(t *testing.T) {
	s, d, _, _ := newAMLScreen(t)
	o := placeOrder(t, s, d, amlNO)
	open(s, "974760673", 0)
	d.emit(withParts(o, dossier.OrderReady, dossier.OrderPreparing, dossier.OrderWaiting))
	settle(s)
	row := s.progress.rows[o.ID]
	if row == nil || !s.progress.box.Visible() {
		t.Fatal("the order left the strip when another company was shown")
	}
	if !strings.Contains(row.parts.Text, "AML report: being prepared") {
		t.Errorf("parts %q", row.parts.Text)
	}
}

func TestProgressFailedAndExpired(t *testing.T) {
	tests := []struct {
		name      string
		parts     []dossier.OrderPart
		problem   problem.Code
		wantParts string
		wantAgain bool
	}{
		{"failed", []dossier.OrderPart{{Kind: "aml", State: dossier.OrderFailed, Problem: string(problem.CodeBankIDReportNotPDF)}},
			"", "AML report: failed (BankID sent a document that is not a PDF, so it was not kept. Order again; if it keeps happening, report it.)", false},
		{"expired", []dossier.OrderPart{{Kind: "aml", State: dossier.OrderExpired}, {Kind: "registration", State: dossier.OrderReady}},
			problem.CodeBankIDSessionExpired, "AML report: expired · Certificate of registration: ready", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, d, notes, _ := newAMLScreen(t)
			o := placeOrder(t, s, d, amlNO)
			o.Parts, o.Problem = tt.parts, string(tt.problem)
			d.emit(o)
			settle(s)
			row := s.progress.rows[o.ID]
			if row.parts.Text != tt.wantParts {
				t.Errorf("parts %q, want %q", row.parts.Text, tt.wantParts)
			}
			if row.Again.Visible() != tt.wantAgain || row.Stop.Visible() || !row.Close.Visible() {
				t.Errorf("buttons: again %v, stop %v, close %v", row.Again.Visible(), row.Stop.Visible(), row.Close.Visible())
			}
			if len(*notes) != 0 {
				t.Errorf("%d notifications for an order that is not ready", len(*notes))
			}
			if tt.wantAgain {
				s.orderShown = nil
				test.Tap(row.Again)
				if s.orderShown == nil || s.orderShown.country.Selected != "Norway" {
					t.Error("Order again opened no order dialog")
				}
			}
			test.Tap(row.Close)
			if len(s.progress.rows) != 0 || s.progress.box.Visible() {
				t.Error("Close left the order in the strip")
			}
		})
	}
}

func TestStopFollowing(t *testing.T) {
	s, d, _, _ := newAMLScreen(t)
	o := placeOrder(t, s, d, amlNO)
	test.Tap(s.progress.rows[o.ID].Stop)
	s.host.WaitIdle()
	if !slices.Equal(d.stopped, []string{o.ID}) {
		t.Errorf("stopped %v, want [%s]", d.stopped, o.ID)
	}
	if len(s.progress.rows) != 0 || s.progress.box.Visible() {
		t.Error("the stopped order is still in the strip")
	}
	// the desk's late word that the order stopped does not bring it back
	d.emit(withParts(o, dossier.OrderStopped, dossier.OrderStopped, dossier.OrderStopped))
	settle(s)
	if len(s.progress.rows) != 0 {
		t.Error("a stopped order came back")
	}
}

func TestProgressListsFollowedOrdersAtStart(t *testing.T) {
	d := newFakeDesk()
	d.orders = []dossier.AMLOrder{
		withParts(dossier.AMLOrder{ID: "new", OrgNr: amlNO, Name: "EKSEMPELBYRÅ AS"}, dossier.OrderReady, dossier.OrderPreparing, dossier.OrderWaiting),
		withParts(dossier.AMLOrder{ID: "old", OrgNr: "974760673"}, dossier.OrderReady, dossier.OrderReady, dossier.OrderReady),
	}
	s, _ := newFakeScreen(t, d)
	if len(s.progress.rows) != 1 || s.progress.rows["new"] == nil {
		t.Errorf("strip shows %v, want the unfinished order only", s.progress.order)
	}
}

// textsDeep are the texts of the labels in o's tree, widgets' insides
// included (a dialog's).
func textsDeep(o fyne.CanvasObject) []string {
	switch w := o.(type) {
	case *widget.Label:
		return []string{w.Text}
	case *fyne.Container:
		var out []string
		for _, c := range w.Objects {
			out = append(out, textsDeep(c)...)
		}
		return out
	case fyne.Widget:
		var out []string
		for _, c := range test.WidgetRenderer(w).Objects() {
			out = append(out, textsDeep(c)...)
		}
		return out
	}
	return nil
}

// settle waits until the orders the fake desk sent are shown and the
// work they started is done.
func settle(s *Screen) {
	s.progress.drains.Wait()
	s.host.WaitIdle()
}
