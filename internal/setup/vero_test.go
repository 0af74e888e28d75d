package setup

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/sandbox"
	"github.com/motpart/motpart/internal/sandbox/fault"
	"github.com/motpart/motpart/internal/sandbox/world"
	"github.com/motpart/motpart/internal/vault"
)

// veroStart is the tests' first moment; the clock moves only by the
// desk's sleeps and the tests' Advance.
var veroStart = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// veroRig is a desk wired to Vero's simulator with a clock its sleeps
// move.
type veroRig struct {
	*desk.Desk
	conn  *Connector
	clock *clock
	path  string
	// sleeps records every wait the desk asked for.
	sleeps []time.Duration
}

// newVeroRig makes an unlocked desk in the sandbox whose simulator makes
// certificates ready readyAfter after they are asked for.
func newVeroRig(t *testing.T, readyAfter time.Duration) *veroRig {
	t.Helper()
	r := &veroRig{clock: &clock{now: veroStart}, path: filepath.Join(t.TempDir(), "vault.db")}
	r.conn = NewConnector(Overrides{Environment: desk.EnvSandbox}, sandbox.Config{Now: r.clock.Now, VeroReadyAfter: readyAfter}, r.clock.Now)
	t.Cleanup(func() { _ = r.conn.Close() })
	r.Desk = r.newDesk(t, r.sleep, true)
	return r
}

// sleep moves the clock on instead of waiting.
func (r *veroRig) sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r.sleeps = append(r.sleeps, d)
	r.clock.Advance(d)
	return nil
}

// newDesk opens (or creates) the rig's vault in a new desk, as a new run
// of the app would.
func (r *veroRig) newDesk(t *testing.T, sleep func(context.Context, time.Duration) error, create bool) *desk.Desk {
	t.Helper()
	d := desk.New(desk.Config{
		VaultPath:      r.path,
		VaultParams:    fastParams,
		VaultOptions:   vault.OpenOptions{MinParams: fastParams},
		Now:            r.clock.Now,
		Environment:    desk.EnvSandbox,
		Connector:      r.conn,
		FICertificates: r.conn.FICertificates,
		Sleep:          sleep,
	})
	var err error
	if create {
		err = d.CreateVault([]byte("correct horse"))
	} else {
		err = d.Unlock([]byte("correct horse"))
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Lock() })
	return d
}

func (r *veroRig) sandbox(t *testing.T) *sandbox.Sandbox {
	t.Helper()
	sb, err := r.conn.Sandbox(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return sb
}

// firmOrder is an order for the firm's Finnish company with the world's
// first TransferId.
func firmOrder(name string) dossier.FIOrder {
	return dossier.FIOrder{BusinessID: world.FIFirmYTunnus, CompanyName: "Fjordlys Tilitoimisto Oy",
		TransferID: world.VeroTransferID, Environment: "sandbox", Name: name}
}

func TestOrderFICertificateAgainstTheSimulator(t *testing.T) {
	r := newVeroRig(t, time.Minute)
	var steps []dossier.FIOrderState
	got, err := r.OrderFICertificate(context.Background(), firmOrder("Tulorekisteri"), []byte(world.VeroTransferPassword),
		func(s dossier.FIOrderState) { steps = append(steps, s) })
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Tulorekisteri" || got.Info == nil {
		t.Fatalf("stored %+v", got)
	}
	if got.Info.Identity.YTunnus.String() != world.FIFirmYTunnus {
		t.Errorf("Y-tunnus %q, want %q", got.Info.Identity.YTunnus.String(), world.FIFirmYTunnus)
	}
	if want := veroStart.Add(30*time.Second+45*time.Second).AddDate(2, 0, 0); got.Info.NotAfter.Sub(want).Abs() > 48*time.Hour {
		t.Errorf("valid until %v, want about %v (2 years)", got.Info.NotAfter, want)
	}
	// Ready after a minute: the first call at 30 s is too early, the
	// second at 75 s is not.
	if want := []time.Duration{30 * time.Second, 45 * time.Second}; !equalDurations(r.sleeps, want) {
		t.Errorf("waits %v, want %v", r.sleeps, want)
	}
	sb := r.sandbox(t)
	for op, want := range map[string]int{"SignNewCertificate": 1, "GetCertificate": 2, "RenewCertificate": 0} {
		if n := sb.VeroCount(op); n != want {
			t.Errorf("%s answered %d times, want %d", op, n, want)
		}
	}
	wantSteps := []string{dossier.FIStepSent, dossier.FIStepWaiting, dossier.FIStepWaiting, dossier.FIStepReady}
	if len(steps) != len(wantSteps) {
		t.Fatalf("steps %+v, want %v", steps, wantSteps)
	}
	for i, s := range steps {
		if s.Step != wantSteps[i] {
			t.Errorf("step %d is %q, want %q", i, s.Step, wantSteps[i])
		}
	}
	if steps[1].RetrievalID == "" || steps[1].NextTry != veroStart.Add(30*time.Second) {
		t.Errorf("waiting step %+v: want a RetrievalID and the first try 30 s on", steps[1])
	}
	// An ordinary vault certificate: listed, and exportable as .pfx.
	list, err := r.Certificates()
	if err != nil || len(list) != 1 || list[0].Name != "Tulorekisteri" {
		t.Fatalf("Certificates() = %+v, %v", list, err)
	}
	pfx, err := r.ExportCertificate("Tulorekisteri", "export password")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.InspectCertificate(pfx, "t.pfx", "export password"); err != nil {
		t.Errorf("the exported .pfx does not open: %v", err)
	}
	if _, _, ok, err := r.PendingFIOrder(); ok || err != nil {
		t.Errorf("PendingFIOrder after success: %v, %v", ok, err)
	}
	// Reminded 60 days before it ends.
	r.clock.Advance(got.Info.NotAfter.Sub(r.clock.Now()) - 59*24*time.Hour)
	due, err := r.ExpiringCertificates()
	if err != nil || len(due) != 1 {
		t.Errorf("ExpiringCertificates 59 days before the end = %+v, %v", due, err)
	}
}

func TestOrderFICertificateRefusals(t *testing.T) {
	tests := []struct {
		name     string
		id, pass string
		fault    sandbox.Fault
		want     problem.Code
		pending  bool // the order stays pending (the answer could not be trusted)
	}{
		{"wrong password", world.VeroTransferID, "Wrong1Password", sandbox.Fault{}, problem.CodeVeroTransferPassword, false},
		{"used before", world.VeroUsedTransferID, world.VeroUsedTransferPassword, sandbox.Fault{}, problem.CodeVeroTransferPassword, false},
		{"unknown id", "SBX9999999999999", "Whatever1", sandbox.Fault{}, problem.CodeVeroTransferIDUnknown, false},
		{"tampered signature", world.VeroTransferID, world.VeroTransferPassword, sandbox.Fault{VeroSignature: fault.VeroTampered}, problem.CodeVeroBadSignature, true},
		{"unsigned", world.VeroTransferID, world.VeroTransferPassword, sandbox.Fault{VeroSignature: fault.VeroUnsigned}, problem.CodeVeroBadSignature, true},
		{"foreign signer", world.VeroTransferID, world.VeroTransferPassword, sandbox.Fault{VeroSignature: fault.VeroForeignSigner}, problem.CodeVeroBadSignature, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newVeroRig(t, time.Minute)
			r.sandbox(t).SetFault(sandbox.ServiceVero, tt.fault)
			o := firmOrder("FI")
			o.TransferID = tt.id
			_, err := r.OrderFICertificate(context.Background(), o, []byte(tt.pass), nil)
			if c := problem.CodeOf(err); c != tt.want {
				t.Fatalf("code %q (%v), want %q", c, err, tt.want)
			}
			_, st, ok, err := r.PendingFIOrder()
			if err != nil || ok != tt.pending {
				t.Errorf("pending %v (%+v), %v; want %v", ok, st, err, tt.pending)
			}
			if list, _ := r.Certificates(); len(list) != 0 {
				t.Errorf("a certificate was stored: %+v", list)
			}
			if n := r.sandbox(t).VeroCount("SignNewCertificate"); n != 1 {
				t.Errorf("SignNewCertificate sent %d times, want once", n)
			}
		})
	}
}

func TestTransferIDWorksOnce(t *testing.T) {
	r := newVeroRig(t, time.Minute)
	if _, err := r.OrderFICertificate(context.Background(), firmOrder("First"), []byte(world.VeroTransferPassword), nil); err != nil {
		t.Fatal(err)
	}
	_, err := r.OrderFICertificate(context.Background(), firmOrder("Second"), []byte(world.VeroTransferPassword), nil)
	if c := problem.CodeOf(err); c != problem.CodeVeroTransferPassword {
		t.Fatalf("second use: %q (%v), want %q", c, err, problem.CodeVeroTransferPassword)
	}
	if !r.sandbox(t).VeroTransferUsed(world.VeroTransferID) {
		t.Error("the simulator does not count the TransferId as used")
	}
}

func TestFICertificateNotReadyThenResumed(t *testing.T) {
	r := newVeroRig(t, 2*time.Hour)
	var last dossier.FIOrderState
	_, err := r.OrderFICertificate(context.Background(), firmOrder("FI"), []byte(world.VeroTransferPassword), func(s dossier.FIOrderState) { last = s })
	if c := problem.CodeOf(err); c != problem.CodeVeroNotReady {
		t.Fatalf("code %q (%v), want %q", c, err, problem.CodeVeroNotReady)
	}
	if last.Step != dossier.FIStepFailed || last.Attempts != 10 || last.Problem != string(problem.CodeVeroNotReady) {
		t.Errorf("last state %+v, want failed after 10 attempts", last)
	}
	if n := r.sandbox(t).VeroCount("GetCertificate"); n != 10 {
		t.Errorf("GetCertificate asked %d times, want 10", n)
	}
	if want := 30*time.Second + 9*45*time.Second; sum(r.sleeps) != want {
		t.Errorf("waited %v in all, want %v", sum(r.sleeps), want)
	}
	o, st, ok, err := r.PendingFIOrder()
	if err != nil || !ok || o.Name != "FI" || st.RetrievalID == "" {
		t.Fatalf("PendingFIOrder = %+v, %+v, %v, %v", o, st, ok, err)
	}
	r.clock.Advance(2 * time.Hour)
	got, err := r.ResumeFIOrder(context.Background(), nil)
	if err != nil || got.Name != "FI" {
		t.Fatalf("ResumeFIOrder = %+v, %v", got, err)
	}
	if n := r.sandbox(t).VeroCount("SignNewCertificate"); n != 1 {
		t.Errorf("SignNewCertificate sent %d times, want once", n)
	}
}

func TestFIOrderCrashAfterSendingIsResumed(t *testing.T) {
	r := newVeroRig(t, time.Minute)
	// The app dies while waiting for the first GetCertificate.
	crash := errors.New("the process ended")
	_ = r.Lock()
	d1 := r.newDesk(t, func(context.Context, time.Duration) error { return crash }, false)
	if _, err := d1.OrderFICertificate(context.Background(), firmOrder("FI"), []byte(world.VeroTransferPassword), nil); !errors.Is(err, crash) {
		t.Fatalf("err %v, want the crash", err)
	}
	_ = d1.Lock()
	// A new run finds the order and resumes it.
	d2 := r.newDesk(t, r.sleep, false)
	o, st, ok, err := d2.PendingFIOrder()
	if err != nil || !ok || o.TransferID != world.VeroTransferID || st.Step != dossier.FIStepWaiting || st.RetrievalID == "" {
		t.Fatalf("PendingFIOrder = %+v, %+v, %v, %v", o, st, ok, err)
	}
	got, err := d2.ResumeFIOrder(context.Background(), nil)
	if err != nil || got.Name != "FI" {
		t.Fatalf("ResumeFIOrder = %+v, %v", got, err)
	}
	sb := r.sandbox(t)
	if n := sb.VeroCount("SignNewCertificate"); n != 1 {
		t.Errorf("SignNewCertificate sent %d times, want once", n)
	}
	if _, _, ok, _ := d2.PendingFIOrder(); ok {
		t.Error("the order is still pending after it was stored")
	}
	// A new order while none is pending is fine; while one is, it is not.
	if _, err := d2.ResumeFIOrder(context.Background(), nil); problem.CodeOf(err) != problem.CodeVeroNoPendingOrder {
		t.Errorf("ResumeFIOrder with none pending: %v", err)
	}
}

func TestRenewFICertificate(t *testing.T) {
	r := newVeroRig(t, time.Minute)
	first, err := r.OrderFICertificate(context.Background(), firmOrder("FI"), []byte(world.VeroTransferPassword), nil)
	if err != nil {
		t.Fatal(err)
	}
	// Too early: the desk says so without asking Vero.
	if err := r.CanRenewFI("FI"); problem.CodeOf(err) != problem.CodeVeroRenewalTooEarly {
		t.Errorf("CanRenewFI a day after issue: %v", err)
	}
	if _, err := r.RenewFICertificate(context.Background(), "FI", nil); problem.CodeOf(err) != problem.CodeVeroRenewalTooEarly {
		t.Errorf("RenewFICertificate a day after issue: %v", err)
	}
	if n := r.sandbox(t).VeroCount("RenewCertificate"); n != 0 {
		t.Errorf("RenewCertificate sent %d times while too early", n)
	}
	// 30 days before the end it renews, and replaces the old one.
	r.clock.Advance(first.Info.NotAfter.Sub(r.clock.Now()) - 30*24*time.Hour)
	if err := r.CanRenewFI("FI"); err != nil {
		t.Fatalf("CanRenewFI 30 days before the end: %v", err)
	}
	renewed, err := r.RenewFICertificate(context.Background(), "FI", nil)
	if err != nil {
		t.Fatal(err)
	}
	if renewed.Name != "FI" || !renewed.Info.NotAfter.After(first.Info.NotAfter) || renewed.Info.SHA256 == first.Info.SHA256 {
		t.Errorf("renewed %+v, was %+v", renewed.Info, first.Info)
	}
	list, err := r.Certificates()
	if err != nil || len(list) != 1 || list[0].Info.SHA256 != renewed.Info.SHA256 {
		t.Errorf("Certificates() after renewal = %+v, %v", list, err)
	}
	if n := r.sandbox(t).VeroCount("RenewCertificate"); n != 1 {
		t.Errorf("RenewCertificate sent %d times, want once", n)
	}
}

func equalDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func sum(ds []time.Duration) time.Duration {
	var s time.Duration
	for _, d := range ds {
		s += d
	}
	return s
}
