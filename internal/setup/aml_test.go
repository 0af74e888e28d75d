package setup

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/sandbox"
	sandboxbankid "github.com/motpart/motpart/internal/sandbox/bankid"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// pdfText is the text pdftotext reads from a PDF file; the test is
// skipped when poppler is not installed.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", filepath.Base(path), err)
	}
	return string(out)
}

// squeeze drops spaces and dashes, so a number matches however a PDF
// groups its digits.
func squeeze(s string) string {
	return strings.NewReplacer(" ", "", "-", "", "\u00a0", "", "\n", "").Replace(s)
}

// The whole flow over TLS against the sandbox's BankID, for a company of
// each country: the order is accepted, followed to the end, both PDFs are
// in the vault with their records, a real PDF reader finds the company's
// name and number in each, and BankID's data is kept for the number.
func TestOrderAMLFromTheSandbox(t *testing.T) {
	d := newLookupDesk(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	sb, err := d.Sandbox(ctx)
	if err != nil {
		t.Fatal(err)
	}
	richest, _ := sb.World().Unit(world.RichestOrgNr)
	firm := sb.World().Firm
	tests := []struct {
		country, number, name string
	}{
		{"NO", world.RichestOrgNr, richest.Name},
		{"SE", firm.SEOrgNr, firm.SEName},
		{"FI", firm.YTunnus, firm.FIName},
	}
	for _, tt := range tests {
		t.Run(tt.country, func(t *testing.T) {
			o, err := d.OrderAML(ctx, dossier.AMLRequest{Number: tt.number})
			if err != nil {
				t.Fatal(err)
			}
			if o.Country != tt.country || len(o.Parts) != 3 || o.ID == "" {
				t.Fatalf("order %+v", o)
			}
			o, err = d.WaitAMLOrder(ctx, o.ID)
			if err != nil || !o.Ready() || o.Problem != "" {
				t.Fatalf("waited: %+v, %v", o, err)
			}
			docs, err := d.Documents(tt.number)
			if err != nil || len(docs) != 2 {
				t.Fatalf("documents %+v, %v", docs, err)
			}
			kinds := map[string]bool{}
			for _, doc := range docs {
				kinds[doc.Kind] = true
				if doc.SessionID != o.ID || doc.Country != tt.country || doc.Size == 0 || len(doc.SHA256) != 64 || !doc.ExpiresAt.Equal(o.ExpiresAt) {
					t.Errorf("record %+v", doc)
				}
				path := filepath.Join(t.TempDir(), doc.Kind+".pdf")
				if err := d.SaveDocument(doc.ID, path); err != nil {
					t.Fatal(err)
				}
				text := pdfText(t, path)
				if !strings.Contains(text, tt.name) || !strings.Contains(squeeze(text), squeeze(tt.number)) {
					t.Errorf("%s: the PDF's text does not hold %q and %s:\n%s", doc.Kind, tt.name, tt.number, text)
				}
			}
			if !kinds[dossier.DocumentAML] || !kinds[dossier.DocumentRegistration] {
				t.Errorf("kinds %v", kinds)
			}
			a, err := d.AML(tt.number)
			if err != nil || a == nil || a.Key == nil || a.Key.Name != tt.name || a.SessionID != o.ID {
				t.Errorf("AML data %+v, %v", a, err)
			}
		})
	}
}

// A sanctions or PEP hit BankID reports reaches the dossier beside the
// registers' data: a Norwegian one keeps Enhetsregisteret's company, a
// Swedish or Finnish one (no register yet) holds BankID's source, found.
func TestScreeningHitsReachTheDossier(t *testing.T) {
	d := newLookupDesk(t, deskOptions{sandbox: sandbox.Config{BankIDDelays: sandboxbankid.ZeroDelays()}})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	tests := []struct {
		number         string
		sanctions, pep bool
		register       bool // a register answers for the number
	}{
		{world.SanctionsOrgNr, true, false, true},
		{world.PEPOrgNr, false, true, true},
		{world.SESanctionsOrgNr, true, false, false},
		{world.FIPEPYTunnus, false, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.number, func(t *testing.T) {
			o, err := d.OrderAML(ctx, dossier.AMLRequest{Number: tt.number, Documents: []string{dossier.DocumentRegistration}})
			if err != nil {
				t.Fatal(err)
			}
			if o, err = d.WaitAMLOrder(ctx, o.ID); err != nil || !o.Ready() {
				t.Fatalf("%+v, %v", o, err)
			}
			dos, err := d.Lookup(ctx, tt.number)
			if err != nil {
				t.Fatal(err)
			}
			if dos.AML == nil {
				t.Fatal("no AML data in the dossier")
			}
			sc := dos.AML.Screening
			if sc == nil || (len(sc.Sanctions) > 0) != tt.sanctions || (len(sc.PEP) > 0) != tt.pep || sc.Date == "" || len(sc.Lists) == 0 {
				t.Errorf("screening %+v", sc)
			}
			if tt.register && (dos.Company == nil || dos.Company.Number != tt.number) {
				t.Errorf("the registers' company is gone: %+v", dos.Company)
			}
			if !tt.register {
				if s := source(t, dos, "bankid"); s.Status != dossier.StatusFound || !s.Fetched.Equal(dos.AML.Fetched) {
					t.Errorf("BankID's source %+v", s)
				}
			}
		})
	}
}

// Locking in the middle of an order stops following it; unlocking
// follows it again to the end, over TLS against the sandbox (whose
// sessions complete at their second status poll).
func TestLockMidOrderThenUnlockResumes(t *testing.T) {
	block := func(ctx context.Context, _ time.Duration) error { <-ctx.Done(); return ctx.Err() }
	d := newLookupDesk(t, deskOptions{sleep: block})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	preparing := make(chan struct{}, 10)
	stop := d.WatchAMLOrders(func(o dossier.AMLOrder) {
		if o.Parts[0].State == dossier.OrderPreparing {
			preparing <- struct{}{}
		}
	})
	defer stop()
	o, err := d.OrderAML(ctx, dossier.AMLRequest{Number: world.RichestOrgNr})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-preparing: // polled once; the follower now waits
	case <-ctx.Done():
		t.Fatal("the order was never polled")
	}
	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}
	if err := d.Unlock([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	o, err = d.WaitAMLOrder(ctx, o.ID)
	if err != nil || !o.Ready() {
		t.Fatalf("after the unlock: %+v, %v", o, err)
	}
	if docs, err := d.Documents(world.RichestOrgNr); err != nil || len(docs) != 2 {
		t.Errorf("documents %+v, %v", docs, err)
	}
}
