package certificates

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/gui/guitest"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
)

// fakeNow is the moment every fake certificate is described at.
var fakeNow = time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)

// fakeInfo describes a certificate for SCB with days left at fakeNow.
func fakeInfo(holder string, days int) *certinfo.Info {
	status := certinfo.StatusValid
	switch {
	case days < 0:
		status = certinfo.StatusExpired
	case days <= certinfo.ExpiringDays:
		status = certinfo.StatusExpiring
	}
	return &certinfo.Info{
		Holder: holder, Issuer: "CN=Motpart Test CA", NotBefore: fakeNow.AddDate(-1, 0, 0), NotAfter: fakeNow.AddDate(0, 0, days),
		Now: fakeNow, DaysLeft: days, Status: status, KeyType: certinfo.KeyRSA, KeyBits: 2048, ClientAuth: true,
		Identity: certinfo.Identity{Country: "SE", SCBAPIID: "A04711"},
		Uses:     []certinfo.Use{certinfo.UseSCB}, Warnings: []certinfo.Warning{},
	}
}

// fakeDesk keeps certificates in memory. A "file" is its password
// followed by "|" and the holder; an empty password opens files without
// one. Its renewal window is certinfo.ExpiringDays.
type fakeDesk struct {
	stored   []certinfo.Stored
	days     int               // days left of the certificates it imports
	settings map[string]string // the settings kept in the vault
	uses     []certinfo.Use    // when set, what the certificates it reads are for
	vero     fakeVero          // Vero's certificate service
}

// fakeVero is Vero's certificate service behind the fake desk: an order
// with password opens, states are told in order, and the certificate it
// issues has days left at fakeNow.
type fakeVero struct {
	env      string // the desk's environment
	password string // the TransferPassword that works
	states   []dossier.FIOrderState
	days     int
	// pending is an order sent but not received.
	pending *dossier.FIOrder
	// orders, resumed and renewed count what was asked.
	orders  []dossier.FIOrder
	resumed int
	renewed []string
	// wait, when set, blocks the waiting until the context ends.
	wait bool
}

func (d *fakeDesk) EnvironmentName() string { return d.vero.env }

// issue tells the states and stores the certificate o.Name, or ends with
// the context's error when wait is set.
func (d *fakeDesk) issue(ctx context.Context, name, holder string, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
	for _, st := range d.vero.states {
		progress(st)
	}
	if d.vero.wait {
		<-ctx.Done()
		return certinfo.Stored{}, fmt.Errorf("waiting for Vero: %w", ctx.Err())
	}
	info := fakeInfo(holder, d.vero.days)
	info.Identity = certinfo.Identity{Country: "FI"}
	info.Uses = []certinfo.Use{certinfo.UseIncomesRegister}
	c := certinfo.Stored{Name: name, Info: info}
	d.stored = slices.DeleteFunc(d.stored, func(s certinfo.Stored) bool { return s.Name == name })
	d.stored = append(d.stored, c)
	return c, nil
}

func (d *fakeDesk) OrderFICertificate(ctx context.Context, o dossier.FIOrder, password []byte, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
	d.vero.orders = append(d.vero.orders, o)
	if string(password) != d.vero.password {
		return certinfo.Stored{}, problem.New(problem.CodeVeroTransferPassword, nil)
	}
	d.vero.pending = &o
	c, err := d.issue(ctx, o.Name, o.CompanyName, progress)
	if err == nil {
		d.vero.pending = nil
	}
	return c, err
}

func (d *fakeDesk) PendingFIOrder() (dossier.FIOrder, dossier.FIOrderState, bool, error) {
	if d.vero.pending == nil {
		return dossier.FIOrder{}, dossier.FIOrderState{}, false, nil
	}
	return *d.vero.pending, dossier.FIOrderState{Step: "sent", RetrievalID: "R1"}, true, nil
}

func (d *fakeDesk) ResumeFIOrder(ctx context.Context, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
	d.vero.resumed++
	if d.vero.pending == nil {
		return certinfo.Stored{}, problem.New(problem.CodeCertNotFound, nil)
	}
	c, err := d.issue(ctx, d.vero.pending.Name, d.vero.pending.CompanyName, progress)
	if err == nil {
		d.vero.pending = nil
	}
	return c, err
}

func (d *fakeDesk) CanRenewFI(name string) error {
	for _, c := range d.stored {
		if c.Name == name && slices.Contains(c.Info.Uses, certinfo.UseIncomesRegister) {
			return nil
		}
	}
	return problem.New(problem.CodeCertNotFound, nil)
}

func (d *fakeDesk) RenewFICertificate(ctx context.Context, name string, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
	if err := d.CanRenewFI(name); err != nil {
		return certinfo.Stored{}, err
	}
	d.vero.renewed = append(d.vero.renewed, name)
	return d.issue(ctx, name, "Renewed Oy", progress)
}

func (d *fakeDesk) Setting(key string) (string, error) { return d.settings[key], nil }

func (d *fakeDesk) SetSettings(values map[string]string) error {
	if d.settings == nil {
		d.settings = map[string]string{}
	}
	for k, v := range values {
		if v == "" {
			delete(d.settings, k)
			continue
		}
		d.settings[k] = v
	}
	return nil
}

func (d *fakeDesk) InspectCertificate(data []byte, _, password string) (*certinfo.Info, error) {
	pw, holder, ok := bytes.Cut(data, []byte("|"))
	if !ok {
		return nil, &certinfo.CodeError{Code: certinfo.CodeNotPKCS12}
	}
	if string(pw) != password {
		return nil, &certinfo.CodeError{Code: certinfo.CodeWrongPassword}
	}
	info := fakeInfo(string(holder), d.days)
	info.SHA256 = fmt.Sprintf("%x", sha256.Sum256(holder))
	if d.uses != nil {
		info.Uses = d.uses
	}
	return info, nil
}

func (d *fakeDesk) SuggestCertificateName(info *certinfo.Info) string {
	return "SCB " + info.Identity.SCBAPIID
}

func (d *fakeDesk) ImportCertificate(name string, data []byte, fileName, password string) (*certinfo.Info, error) {
	info, err := d.InspectCertificate(data, fileName, password)
	if err != nil {
		return nil, err
	}
	for _, c := range d.stored {
		if c.Name == name {
			return nil, problem.New(problem.CodeCertNameTaken, nil)
		}
	}
	d.stored = append(d.stored, certinfo.Stored{Name: name, Info: info})
	return info, nil
}

func (d *fakeDesk) Certificates() ([]certinfo.Stored, error) { return slices.Clone(d.stored), nil }

func (d *fakeDesk) ExpiringCertificates() ([]certinfo.Stored, error) {
	var soon []certinfo.Stored
	for _, c := range d.stored {
		if c.Info.DaysLeft <= certinfo.ExpiringDays {
			soon = append(soon, c)
		}
	}
	slices.SortFunc(soon, func(a, b certinfo.Stored) int { return a.Info.DaysLeft - b.Info.DaysLeft })
	return soon, nil
}

func (d *fakeDesk) RemoveCertificate(name string) error {
	for i, c := range d.stored {
		if c.Name == name {
			d.stored = slices.Delete(d.stored, i, i+1)
			return nil
		}
	}
	return problem.New(problem.CodeCertNotFound, nil)
}

func (d *fakeDesk) ExportCertificate(string, string) ([]byte, error) { return []byte("pfx"), nil }

// newFakeScreen is the Certificates screen with its banner on d in an
// English 900×600 window, with its clock at now; shown counts the times it
// asked to be shown.
func newFakeScreen(t *testing.T, d Desk, now time.Time) (s *Screen, win fyne.Window, shown *int) {
	t.Helper()
	t.Setenv("LANGUAGE", "en")
	fa := test.NewTempApp(t)
	if _, err := guikit.ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	win = fa.NewWindow("Motpart")
	h := guikit.NewHost(fa, win)
	h.SetDo(onUI)
	shown = new(int)
	s = New(h, d, func() { *shown++ })
	s.banner.now = func() time.Time { return now }
	win.SetContent(container.NewBorder(s.Banner(), nil, nil, nil, s.Content()))
	win.Resize(fyne.NewSize(900, 600))
	t.Cleanup(func() { h.WaitIdle(); win.Close() })
	return s, win, shown
}

func TestBannerOnFake(t *testing.T) {
	tests := []struct {
		name string
		days []int
		want string // "" for no banner
	}{
		{"none", nil, ""},
		{"far", []int{200}, ""},
		{"one", []int{200, 30}, "The certificate “c2” expires in 30 days. Order a renewal from the register now."},
		{"expired first", []int{10, -3, 45}, "The certificate “c2” has expired. Order a new one from the register. (3 certificates need attention.)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &fakeDesk{}
			for i, days := range tt.days {
				d.stored = append(d.stored, certinfo.Stored{Name: "c" + string(rune('1'+i)), Info: fakeInfo("Holder", days)})
			}
			s, _, _ := newFakeScreen(t, d, fakeNow)
			b := s.banner
			if got := b.box.Visible(); got != (tt.want != "") || (got && b.text.Text != tt.want) {
				t.Errorf("banner visible %v %q, want %q", got, b.text.Text, tt.want)
			}
			wantNotice := ""
			if tt.want != "" {
				wantNotice = "2026-03-02"
			}
			if got := s.host.Prefs.LastExpiryNotice(); got != wantNotice {
				t.Errorf("last notice %q, want %q", got, wantNotice)
			}
		})
	}
}

func TestBannerNotifiesOnceADay(t *testing.T) {
	d := &fakeDesk{stored: []certinfo.Stored{{Name: "Maskinporten", Info: fakeInfo("EKSEMPELBYRÅ AS", 20)}}}
	s, _, _ := newFakeScreen(t, d, fakeNow)
	days := []struct {
		now  time.Time
		want string
	}{
		{fakeNow.Add(2 * time.Hour), "2026-03-02"},
		{fakeNow.AddDate(0, 0, 1), "2026-03-03"},
	}
	for _, day := range days {
		s.banner.now = func() time.Time { return day.now }
		s.Reload()
		if got := s.host.Prefs.LastExpiryNotice(); got != day.want {
			t.Errorf("at %v: last notice %q, want %q", day.now, got, day.want)
		}
	}
}

func TestWizardOnFake(t *testing.T) {
	d := &fakeDesk{days: 400}
	s, _, shown := newFakeScreen(t, d, fakeNow)
	test.Tap(s.add)
	w := s.wizard
	steps := []struct {
		name     string
		act      func()
		wantStep int
		wantMsg  string
	}{
		{"file", func() {
			w.load("Certifikat_SokPaVar_A04711.pfx", bytes.NewReader([]byte("Sommar-2026|Exempelbyrån AB")))
		}, stepPassword, ""},
		{"wrong password", func() { test.Type(w.password, "Vinter"); test.Tap(w.next) }, stepPassword,
			"The password does not open this file. SCB sends the password in a separate e-mail."},
		{"right password", func() { test.Type(w.password, "Sommar-2026"); test.Tap(w.next) }, stepSummary, ""},
		{"summary", func() { test.Tap(w.next) }, stepName, ""},
	}
	for _, st := range steps {
		onUI(st.act)
		s.host.WaitIdle()
		if w.step != st.wantStep {
			t.Fatalf("%s: step %d, want %d (message %q)", st.name, w.step, st.wantStep, w.message.Text)
		}
		if st.wantMsg != "" && w.message.Text != st.wantMsg {
			t.Errorf("%s: message %q, want %q", st.name, w.message.Text, st.wantMsg)
		}
	}
	if w.name.Text != "SCB A04711" {
		t.Errorf("suggested name %q", w.name.Text)
	}
	onUI(func() { test.Tap(w.next) })
	s.host.WaitIdle()
	if s.wizard != nil || *shown != 1 || len(s.stored) != 1 || s.stored[0].Name != "SCB A04711" {
		t.Errorf("after saving: wizard %v, shown %d, stored %+v", s.wizard != nil, *shown, s.stored)
	}
}

func TestCertificatesGolden(t *testing.T) {
	tests := []struct {
		golden string
		stored []certinfo.Stored
	}{
		{"empty.png", nil},
		{"two.png", []certinfo.Stored{
			{Name: "SCB A04711", Info: fakeInfo("Exempelbyrån Redovisning AB", 400)},
			{Name: "Maskinporten (Buypass)", Info: &certinfo.Info{Holder: "EKSEMPELBYRÅ AS", NotBefore: fakeNow.AddDate(-2, 0, 0),
				NotAfter: fakeNow.AddDate(0, 0, 30), Now: fakeNow, DaysLeft: 30, Status: certinfo.StatusExpiring,
				Identity: certinfo.Identity{OrgNumber: mustOrgNr(t, "923609016")}, Uses: []certinfo.Use{certinfo.UseMaskinporten}}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			_, win, _ := newFakeScreen(t, &fakeDesk{stored: tt.stored}, fakeNow)
			test.AssertImageMatches(t, tt.golden, guitest.Capture(win, fyne.NewSize(900, 600)))
		})
	}
}

// mustOrgNr parses a Norwegian organisation number.
func mustOrgNr(t *testing.T, s string) ident.Number {
	t.Helper()
	n, err := ident.Parse(s, ident.Options{Country: ident.CountryNO})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
