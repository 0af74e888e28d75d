package setup

import (
	"context"
	"crypto/rsa"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/certs"
	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/reachtest"
	"github.com/motpart/motpart/internal/registry/bankid"
	"github.com/motpart/motpart/internal/registry/transport"
	"github.com/motpart/motpart/internal/sandbox"
	sandboxbankid "github.com/motpart/motpart/internal/sandbox/bankid"
	"github.com/motpart/motpart/internal/sandbox/ca"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// BankID's hosts per setting and environment (registries.md §5.2).
func TestBankIDHosts(t *testing.T) {
	tests := []struct {
		hosts         string
		env           desk.Environment
		api, oidcReal string
	}{
		{"", desk.EnvProduction, "https://aml.bankidapis.no", "https://oidc.bankidapis.no/auth/realms/prod"},
		{"", desk.EnvTest, "https://aml-current.bankidapis.no", "https://oidc-current.bankidapis.no/auth/realms/current"},
		{"prod", desk.EnvTest, "https://aml.bankidapis.no", "https://oidc.bankidapis.no/auth/realms/prod"},
		{"preprod", desk.EnvProduction, "https://aml-preprod.bankidapis.no", "https://oidc-preprod.bankidapis.no/auth/realms/preprod"},
		{"current", desk.EnvProduction, "https://aml-current.bankidapis.no", "https://oidc-current.bankidapis.no/auth/realms/current"},
	}
	for _, tt := range tests {
		api, oidc := bankIDHosts(tt.hosts, tt.env)
		if api != tt.api || oidc != tt.oidcReal {
			t.Errorf("%q in %s: %s %s", tt.hosts, tt.env, api, oidc)
		}
	}
}

// MOTPART_BANKID_URL and MOTPART_BANKID_OIDC_URL are read, https:// only.
func TestBankIDOverrides(t *testing.T) {
	tests := []struct {
		env       map[string]string
		api, oidc string
		ok        bool
	}{
		{map[string]string{"MOTPART_BANKID_URL": "https://aml.example", "MOTPART_BANKID_OIDC_URL": "https://oidc.example/auth/realms/x"}, "https://aml.example", "https://oidc.example/auth/realms/x", true},
		{map[string]string{"MOTPART_BANKID_URL": "http://aml.example"}, "", "", false},
		{map[string]string{"MOTPART_BANKID_OIDC_URL": "oidc.example"}, "", "", false},
	}
	for _, tt := range tests {
		o, err := OverridesFromEnv(func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok })
		if tt.ok != (err == nil) || tt.ok && (o.BankIDURL != tt.api || o.BankIDOIDCURL != tt.oidc) {
			t.Errorf("%v: %+v, %v", tt.env, o, err)
		}
		if !tt.ok && problem.CodeOf(err) != problem.CodeBadSetting {
			t.Errorf("%v: %v, want a bad setting", tt.env, err)
		}
	}
}

// Outside the sandbox, BankID is connected only with a client; the
// connector says why not otherwise.
func TestBankIDNotConnectedOutsideTheSandbox(t *testing.T) {
	c := NewConnector(Overrides{}, sandbox.Config{}, time.Now)
	tests := []struct {
		name string
		s    desk.RegisterSettings
		conn desk.Connection
		want problem.Code
	}{
		{"no client", desk.RegisterSettings{Environment: desk.EnvProduction}, desk.Connection{}, problem.CodeBankIDNotConnected},
		{"no secret", desk.RegisterSettings{Environment: desk.EnvProduction, BankIDClientID: "c"}, desk.Connection{}, problem.CodeBankIDNotConnected},
		{"private_key_jwt without its certificate", desk.RegisterSettings{Environment: desk.EnvTest, BankIDClientID: "c", BankIDAuth: "private_key_jwt", BankIDCertificate: "gone"},
			desk.Connection{BankIDCertificateMissing: true}, problem.CodeBankIDConfig},
		{"a client", desk.RegisterSettings{Environment: desk.EnvProduction, BankIDClientID: "c", BankIDSecret: "s"}, desk.Connection{}, ""},
	}
	for _, tt := range tests {
		conn := tt.conn
		conn.Settings = tt.s
		regs, err := c.Connect(context.Background(), conn)
		if err != nil {
			t.Fatal(err)
		}
		if got := problem.CodeOf(regs.NoAML); got != tt.want || (regs.AML == nil) == (tt.want == "") {
			t.Errorf("%s: AML %v, NoAML %v", tt.name, regs.AML, regs.NoAML)
		}
		regs.Release()
	}
}

// The addresses of the overrides take BankID's client to another host:
// here the sandbox's, trusted through the run's extra roots, from the
// test environment with the sandbox's client in the settings. A session
// BankID fails says so; a wrong secret is refused at the order.
func TestBankIDThroughOverrides(t *testing.T) {
	sb, err := sandbox.New(sandbox.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := sb.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sb.Close() })
	ep := sb.Endpoints()
	d := newLookupDesk(t, deskOptions{overrides: Overrides{Environment: desk.EnvTest, BankIDURL: ep.BankID, BankIDOIDCURL: ep.BankIDOIDC, ExtraRootsPEM: sb.CACertPEM()}})
	if err := d.SetSettings(map[string]string{desk.SettingEnvironment: "test", desk.SettingBankIDClientID: sandboxbankid.DefaultClientID, desk.SettingBankIDSecret: sandboxbankid.DefaultClientSecret}); err != nil {
		t.Fatal(err)
	}
	o, err := d.OrderAML(ctx, dossier.AMLRequest{Number: world.FirmOrgNr, Documents: []string{dossier.DocumentAML}})
	if err != nil {
		t.Fatal(err)
	}
	if o, err = d.WaitAMLOrder(ctx, o.ID); err != nil || !o.Ready() {
		t.Fatalf("%+v, %v", o, err)
	}
	failed, err := d.OrderAML(ctx, dossier.AMLRequest{Number: world.FailureOrgNr})
	if err != nil {
		t.Fatal(err)
	}
	failed, err = d.WaitAMLOrder(ctx, failed.ID)
	if err != nil || problem.Code(failed.Problem) != problem.CodeBankIDSessionFailed || failed.Parts[1].State != dossier.OrderFailed {
		t.Errorf("a failing session: %+v, %v", failed, err)
	}
	if docs, err := d.Documents(world.FailureOrgNr); err != nil || len(docs) != 0 {
		t.Errorf("documents of the failed session: %+v, %v", docs, err)
	}
	if err := d.SetSetting(desk.SettingBankIDSecret, "wrong"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.OrderAML(ctx, dossier.AMLRequest{Number: world.FirmOrgNr}); problem.CodeOf(err) != problem.CodeBankIDInvalidClient {
		t.Errorf("a wrong secret: %v", err)
	}
	if n := sb.Requests(sandbox.ServiceBankID, "/organization/session/"); n == 0 || !strings.HasPrefix(ep.BankID, "https://127.0.0.1:") {
		t.Errorf("%d session requests at %s", n, ep.BankID)
	}
}

// Lock in the middle of an order leaves nothing of BankID's client: not
// its secret, not its token, not the client.
func TestLockMidOrderLeavesNoBankIDSecret(t *testing.T) {
	block := func(ctx context.Context, _ time.Duration) error { <-ctx.Done(); return ctx.Err() }
	d := newLookupDesk(t, deskOptions{sleep: block})
	ctx := context.Background()
	sb, err := d.Sandbox(ctx)
	if err != nil {
		t.Fatal(err)
	}
	const secret = sandboxbankid.DefaultClientSecret
	if err := d.SetSettings(map[string]string{desk.SettingBankIDClientID: sandboxbankid.DefaultClientID, desk.SettingBankIDSecret: secret}); err != nil {
		t.Fatal(err)
	}
	o, err := d.OrderAML(ctx, dossier.AMLRequest{Number: world.RichestOrgNr})
	if err != nil {
		t.Fatal(err)
	}
	found := func(v reflect.Value) string {
		switch {
		case v.Kind() == reflect.String && strings.Contains(v.String(), secret):
			return "BankID's client secret"
		case v.Kind() == reflect.Pointer && v.IsNil():
			return ""
		case v.Type() == reflect.TypeFor[*bankid.Client]():
			return "BankID's client"
		}
		return ""
	}
	skip := []reflect.Type{reflect.TypeOf(sb), reflect.TypeFor[*transport.Client]()}
	if r := reachtest.Find(reflect.ValueOf(d.Desk), "desk", found, skip...); r == "" {
		t.Fatal("the walk finds no secret even while unlocked; it proves nothing")
	}
	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}
	if r := reachtest.Find(reflect.ValueOf(d.Desk), "desk", found, skip...); r != "" {
		t.Errorf("after Lock the desk still reaches %s", r)
	}
	if _, err := d.AMLOrder(o.ID); problem.CodeOf(err) != problem.CodeLocked {
		t.Errorf("an order after Lock: %v", err)
	}
}

// private_key_jwt: the client signs its assertion with the key of the
// stored certificate the settings name; BankID's simulator checks it
// with that certificate's public key.
func TestBankIDPrivateKeyJWT(t *testing.T) {
	authority, err := ca.New(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	demo, err := authority.EnterpriseCertificate(world.FirmOrgNr, "FJORDLYS REGNSKAP AS", time.Now().Add(-time.Hour), time.Now().Add(24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	cert, err := certs.Parse(demo.Data, demo.Password, demo.FileName)
	if err != nil {
		t.Fatal(err)
	}
	pub, ok := cert.Leaf().PublicKey.(*rsa.PublicKey)
	if !ok {
		t.Fatalf("the demo certificate's key is a %T", cert.Leaf().PublicKey)
	}
	sim := startBankIDSimulator(t, sandboxbankid.Options{Delays: sandboxbankid.ZeroDelays(), ClientKey: pub})
	d := newLookupDesk(t, deskOptions{overrides: sim.overrides()})
	if _, err := d.ImportCertificate("bankid-key", demo.Data, demo.FileName, demo.Password); err != nil {
		t.Fatal(err)
	}
	if err := d.SetSettings(map[string]string{desk.SettingEnvironment: "test", desk.SettingBankIDClientID: sandboxbankid.DefaultClientID,
		desk.SettingBankIDAuth: desk.BankIDAuthPrivateKeyJWT, desk.SettingBankIDCertificate: "bankid-key"}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	o, err := d.OrderAML(ctx, dossier.AMLRequest{Number: world.FirmOrgNr, Documents: []string{dossier.DocumentAML}})
	if err != nil {
		t.Fatal(err)
	}
	if o, err = d.WaitAMLOrder(ctx, o.ID); err != nil || !o.Ready() {
		t.Fatalf("%+v, %v", o, err)
	}
	// Gone from the vault: the next clients built (after a lock, as for
	// Maskinporten's certificate) cannot sign.
	if err := d.RemoveCertificate("bankid-key"); err != nil {
		t.Fatal(err)
	}
	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}
	if err := d.Unlock([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	if _, err := d.OrderAML(ctx, dossier.AMLRequest{Number: world.FirmOrgNr}); problem.CodeOf(err) != problem.CodeBankIDConfig {
		t.Errorf("with the certificate gone: %v", err)
	}
}
