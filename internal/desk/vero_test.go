package desk

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// fakeFI is a certificate service that issues at once, or fails as told,
// and looks into the vault while the TransferPassword is being sent.
type fakeFI struct {
	d          *Desk
	signErr    error // SignNewCertificate's answer, when set
	signs      int
	gets       int
	sawPending dossier.FIOrderState // the pending state when SignNewCertificate was called
	sawOK      bool
}

func (f *fakeFI) SignNewCertificate(_ context.Context, id, name, transferID string, pw []byte, csr []byte) (string, error) {
	f.signs++
	_, f.sawPending, f.sawOK, _ = f.d.PendingFIOrder()
	if f.signErr != nil {
		return "", f.signErr
	}
	return "R1", nil
}

func (f *fakeFI) GetCertificate(_ context.Context, id, name, retrievalID string) (*x509.Certificate, error) {
	f.gets++
	return nil, problem.New(problem.CodeVeroNotReady, nil)
}

func (f *fakeFI) RenewCertificate(context.Context, string, string, []byte, crypto.Signer, *x509.Certificate) (string, error) {
	return "", errors.New("not used")
}

func newFIDesk(t *testing.T, f *fakeFI) *Desk {
	t.Helper()
	d := New(Config{
		VaultPath:      filepath.Join(t.TempDir(), "vault.db"),
		VaultParams:    fastParams,
		VaultOptions:   vault.OpenOptions{MinParams: fastParams},
		Now:            func() time.Time { return testNow },
		Environment:    EnvSandbox,
		Sleep:          func(ctx context.Context, _ time.Duration) error { return ctx.Err() },
		FICertificates: func(string) (FICertificateService, error) { return f, nil },
	})
	f.d = d
	if err := d.CreateVault([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Lock() })
	return d
}

func TestFIOrderRecordsTheAttemptBeforeSending(t *testing.T) {
	order := dossier.FIOrder{BusinessID: "0116297-6", CompanyName: "Testi Oy", TransferID: "T1", Environment: "sandbox"}
	tests := []struct {
		name        string
		signErr     error
		want        problem.Code
		pending     bool
		pendingStep string
	}{
		{"no answer", problem.New(problem.CodeTimeout, nil), problem.CodeTimeout, true, dossier.FIStepSent},
		{"refused", problem.New(problem.CodeVeroTransferPassword, nil), problem.CodeVeroTransferPassword, false, ""},
		{"unsigned answer", problem.New(problem.CodeVeroBadSignature, nil), problem.CodeVeroBadSignature, true, dossier.FIStepSent},
		{"never ready", nil, problem.CodeVeroNotReady, true, dossier.FIStepFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeFI{signErr: tt.signErr}
			d := newFIDesk(t, f)
			_, err := d.OrderFICertificate(context.Background(), order, []byte("pw"), nil)
			if problem.CodeOf(err) != tt.want {
				t.Fatalf("code %q (%v), want %q", problem.CodeOf(err), err, tt.want)
			}
			if !f.sawOK || f.sawPending.Step != dossier.FIStepSent {
				t.Errorf("while sending, the vault held %v %+v; want the attempt recorded", f.sawOK, f.sawPending)
			}
			o, st, ok, err := d.PendingFIOrder()
			if err != nil || ok != tt.pending || st.Step != tt.pendingStep {
				t.Errorf("PendingFIOrder = %+v, %+v, %v, %v; want pending %v at %q", o, st, ok, err, tt.pending, tt.pendingStep)
			}
			if ok && o.Name != "Tulorekisteri 0116297-6" {
				t.Errorf("pending order named %q", o.Name)
			}
			// A second order waits for the first; resuming never signs again.
			if tt.pending {
				if _, err := d.OrderFICertificate(context.Background(), order, []byte("pw"), nil); problem.CodeOf(err) != problem.CodeVeroOrderPending {
					t.Errorf("second order: %v", err)
				}
				_, err := d.ResumeFIOrder(context.Background(), nil)
				wantResume := problem.CodeVeroRetrievalUnknown
				if st.RetrievalID != "" {
					wantResume = problem.CodeVeroNotReady
				}
				if problem.CodeOf(err) != wantResume {
					t.Errorf("ResumeFIOrder: %v, want %q", err, wantResume)
				}
			}
			if f.signs != 1 {
				t.Errorf("SignNewCertificate called %d times, want once", f.signs)
			}
			if _, _, ok, _ := d.PendingFIOrder(); ok {
				if err := d.DiscardFIOrder(); err != nil {
					t.Errorf("DiscardFIOrder: %v", err)
				}
			}
			if err := d.DiscardFIOrder(); problem.CodeOf(err) != problem.CodeVeroNoPendingOrder {
				t.Errorf("DiscardFIOrder with none pending: %v", err)
			}
		})
	}
}

func TestFIOrderChecksWhatWasTyped(t *testing.T) {
	good := dossier.FIOrder{BusinessID: "0116297-6", CompanyName: "Testi Oy", TransferID: "T1", Environment: "test"}
	tests := []struct {
		name   string
		change func(*dossier.FIOrder)
		pw     string
		want   problem.Code
	}{
		{"no password", func(*dossier.FIOrder) {}, "", problem.CodeVeroOrderIncomplete},
		{"no company", func(o *dossier.FIOrder) { o.CompanyName = " " }, "pw", problem.CodeVeroOrderIncomplete},
		{"no transfer id", func(o *dossier.FIOrder) { o.TransferID = "" }, "pw", problem.CodeVeroOrderIncomplete},
		{"bad check digit", func(o *dossier.FIOrder) { o.BusinessID = "0116297-5" }, "pw", problem.CodeInvalidNumber},
		{"Norwegian number", func(o *dossier.FIOrder) { o.BusinessID = "923609016" }, "pw", problem.CodeInvalidNumber},
		{"unknown environment", func(o *dossier.FIOrder) { o.Environment = "dev" }, "pw", problem.CodeVeroNotConnected},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeFI{}
			d := newFIDesk(t, f)
			o := good
			tt.change(&o)
			if _, err := d.OrderFICertificate(context.Background(), o, []byte(tt.pw), nil); problem.CodeOf(err) != tt.want {
				t.Errorf("code %q (%v), want %q", problem.CodeOf(err), err, tt.want)
			}
			if f.signs != 0 {
				t.Error("sent anyway")
			}
		})
	}
}

func TestCanRenewFI(t *testing.T) {
	f := &fakeFI{}
	d := newFIDesk(t, f)
	tests := []struct {
		name     string
		cn       string
		notAfter time.Time
		want     problem.Code
	}{
		{"a year left", "0116297-6", testNow.AddDate(1, 0, 0), problem.CodeVeroRenewalTooEarly},
		{"30 days left", "0116297-6", testNow.AddDate(0, 0, 30), ""},
		{"expired", "0116297-6", testNow.AddDate(0, 0, -1), problem.CodeCertExpired},
		{"not Finnish", "Someone", testNow.AddDate(0, 0, 30), problem.CodeVeroNotRenewable},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := tt.name
			storeTestCert(t, d, name, tt.cn, int64(i+1), tt.notAfter)
			if err := d.CanRenewFI(name); problem.CodeOf(err) != tt.want {
				t.Errorf("CanRenewFI = %v, want %q", err, tt.want)
			}
		})
	}
	if err := d.CanRenewFI("missing"); problem.CodeOf(err) != problem.CodeCertNotFound {
		t.Errorf("CanRenewFI of a missing certificate: %v", err)
	}
}

// storeTestCert stores a self-signed certificate with CN cn under name.
func storeTestCert(t *testing.T, d *Desk, name, cn string, serial int64, notAfter time.Time) {
	t.Helper()
	key, _, err := newKeyAndCSR(dossier.FIOrder{BusinessID: cn, CompanyName: "Testi Oy"})
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: cn, Country: []string{"FI"}},
		NotBefore: notAfter.AddDate(-2, 0, 0), NotAfter: notAfter, KeyUsage: x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := x509.ParseCertificate(der)
	p := &fiPending{Order: dossier.FIOrder{Name: name}}
	if _, err := d.storeIssued(p, key, leaf, nil); err != nil {
		t.Fatal(err)
	}
}
