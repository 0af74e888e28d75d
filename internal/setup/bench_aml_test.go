package setup

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	sandboxbankid "github.com/motpart/motpart/internal/sandbox/bankid"
	"github.com/motpart/motpart/internal/sandbox/ca"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// timedHandler sums the time its handler spends on the requests: the
// simulator's own time.
type timedHandler struct {
	h     http.Handler
	spent atomic.Int64 // nanoseconds
}

func (t *timedHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	t.h.ServeHTTP(w, r)
	t.spent.Add(int64(time.Since(start)))
}

// bankIDSimulator is BankID's simulator served on its own over TLS on
// 127.0.0.1, with a CA of its own, its handler timed.
type bankIDSimulator struct {
	base      string
	authority *ca.Authority
	timed     *timedHandler
}

// overrides point the desk's BankID client at the simulator, from the
// test environment, trusting its CA.
func (s *bankIDSimulator) overrides() Overrides {
	return Overrides{Environment: desk.EnvTest, BankIDURL: s.base, BankIDOIDCURL: s.base + sandboxbankid.Realm,
		ExtraRootsPEM: s.authority.PEM()}
}

// startBankIDSimulator serves BankID's simulator with opts until the test
// ends.
func startBankIDSimulator(tb testing.TB, opts sandboxbankid.Options) *bankIDSimulator {
	tb.Helper()
	w, err := world.New()
	if err != nil {
		tb.Fatal(err)
	}
	authority, err := ca.New(time.Now())
	if err != nil {
		tb.Fatal(err)
	}
	cert, err := authority.ServerCert("bankid", "127.0.0.1")
	if err != nil {
		tb.Fatal(err)
	}
	timed := &timedHandler{h: sandboxbankid.New(w, opts)}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	srv := &http.Server{Handler: timed, TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.ServeTLS(l, "", ""); err != nil && !errors.Is(err, http.ErrServerClosed) {
			tb.Error(err)
		}
	}()
	tb.Cleanup(func() { _ = srv.Close() })
	return &bankIDSimulator{base: "https://" + l.Addr().String(), authority: authority, timed: timed}
}

// BenchmarkOrderToVault: an order of both documents, followed until both
// PDFs and the data are in the vault, against BankID's simulator in
// process over TLS with zero delays (every session done at once). It
// reports the app's own time per order (app-ms/op: the whole time less the
// simulator's handlers' time, sim-ms/op). Issue 14 wants app-ms/op <= 50.
func BenchmarkOrderToVault(b *testing.B) {
	sim := startBankIDSimulator(b, sandboxbankid.Options{Delays: sandboxbankid.ZeroDelays()})
	d := newLookupDesk(b, deskOptions{overrides: sim.overrides()})
	if err := d.SetSettings(map[string]string{desk.SettingEnvironment: "test",
		desk.SettingBankIDClientID: sandboxbankid.DefaultClientID, desk.SettingBankIDSecret: sandboxbankid.DefaultClientSecret}); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	order := func() {
		o, err := d.OrderAML(ctx, dossier.AMLRequest{Number: world.RichestOrgNr})
		if err != nil {
			b.Fatal(err)
		}
		if o, err = d.WaitAMLOrder(ctx, o.ID); err != nil || !o.Ready() {
			b.Fatalf("%+v, %v", o, err)
		}
	}
	order() // the token, the TLS connection and the vault's buckets
	sim.timed.spent.Store(0)
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		order()
	}
	total := time.Since(start)
	b.StopTimer()
	spent := time.Duration(sim.timed.spent.Load())
	n := float64(b.N)
	b.ReportMetric(float64(total-spent)/float64(time.Millisecond)/n, "app-ms/op")
	b.ReportMetric(float64(spent)/float64(time.Millisecond)/n, "sim-ms/op")
}
