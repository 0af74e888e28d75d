package setup

import (
	"context"
	"crypto/x509"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/brreg"
	"github.com/motpart/motpart/internal/registry/transport"
	"github.com/motpart/motpart/internal/sandbox"
)

// TestFeedsInEveryEnvironment: the change feeds need no account, so the
// connector gives them wherever Enhetsregisteret's open API is asked.
func TestFeedsInEveryEnvironment(t *testing.T) {
	for _, env := range []desk.Environment{desk.EnvTest, desk.EnvProduction} {
		c := NewConnector(Overrides{}, sandbox.Config{}, nil)
		regs, err := c.Connect(context.Background(), desk.Connection{Settings: desk.RegisterSettings{Environment: env}})
		if err != nil {
			t.Fatalf("%s: %v", env, err)
		}
		if _, ok := regs.Feeds.(feeds); !ok {
			t.Errorf("%s: Feeds = %T, want the open API's feeds", env, regs.Feeds)
		}
		if regs.Release != nil {
			regs.Release()
		}
		c.Close()
	}
}

// TestFeedsAdapter: the adapter hands the desk the feed's entries as
// they are, and failures with a problem code the desk can read.
func TestFeedsAdapter(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		switch {
		case r.URL.Path == "/api/oppdateringer/enheter" && q.Get("oppdateringsid") == "1":
			w.Write([]byte(`{"_embedded":{"oppdaterteEnheter":[{"oppdateringsid":4,"dato":"2026-03-15T10:00:00.5Z","organisasjonsnummer":"923609016","endringstype":"Endring"}]}}`))
		case r.URL.Path == "/api/oppdateringer/underenheter" && q.Get("dato") == "2026-03-15T00:00:00.000Z":
			w.Write([]byte(`{"page":{"totalElements":0}}`))
		case r.URL.Path == "/api/oppdateringer/roller" && q.Get("afterId") == "7":
			w.Write([]byte(`[{"id":"8","time":"2026-03-15T11:00:00Z","type":"no.brreg.enhetsregisteret.rolle.oppdatert","data":{"organisasjonsnummer":"810004622"}}]`))
		case r.URL.Path == "/api/oppdateringer/roller":
			w.WriteHeader(http.StatusGone)
		default:
			w.WriteHeader(http.StatusBadRequest)
		}
	}))
	defer srv.Close()
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	tc, err := transport.New(transport.Config{RootCAs: pool})
	if err != nil {
		t.Fatal(err)
	}
	defer tc.CloseIdleConnections()
	f := feeds{brreg.NewREST(srv.URL+"/api", tc)}
	ctx := context.Background()
	since := time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)

	units, err := f.UnitUpdates(ctx, false, 1, time.Time{}, 10)
	want := []desk.UnitUpdate{{ID: 4, OrgNr: "923609016", Time: time.Date(2026, 3, 15, 10, 0, 0, 5e8, time.UTC), Kind: "Endring"}}
	if err != nil || !reflect.DeepEqual(units, want) {
		t.Errorf("UnitUpdates = %+v, %v; want %+v", units, err, want)
	}
	subs, err := f.UnitUpdates(ctx, true, 0, since, 10)
	if err != nil || subs == nil || len(subs) != 0 {
		t.Errorf("sub-units = %#v, %v; want an empty page", subs, err)
	}
	roles, err := f.RoleUpdates(ctx, 7, time.Time{}, 10)
	wantRoles := []desk.RoleUpdate{{ID: "8", Seq: 8, OrgNr: "810004622", Time: time.Date(2026, 3, 15, 11, 0, 0, 0, time.UTC)}}
	if err != nil || !reflect.DeepEqual(roles, wantRoles) {
		t.Errorf("RoleUpdates = %+v, %v; want %+v", roles, err, wantRoles)
	}

	canceled, cancel := context.WithCancel(ctx)
	cancel()
	for _, tt := range []struct {
		name string
		call func() error
		want problem.Code
	}{
		{"role id too old", func() error { _, err := f.RoleUpdates(ctx, 3, time.Time{}, 10); return err }, problem.CodeFeedTooOld},
		{"unit id too old", func() error { _, err := f.UnitUpdates(ctx, false, 2, time.Time{}, 10); return err }, problem.CodeFeedTooOld},
		{"canceled", func() error { _, err := f.UnitUpdates(canceled, false, 1, time.Time{}, 10); return err }, problem.CodeCanceled},
	} {
		if got := problem.CodeOf(tt.call()); got != tt.want {
			t.Errorf("%s: problem %s, want %s", tt.name, got, tt.want)
		}
	}
}
