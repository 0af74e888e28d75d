package desk

import (
	"context"
	"crypto"
	"crypto/rsa"
	"reflect"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/certs/certstest"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/reachtest"
)

// Numbers of the fake world (valid organisation numbers).
const (
	fakeRichest   = "311111116"
	fakeDuplicate = "310322199"
	fakeCorrect   = "310335266"
	fakeHolding   = "313333337"
	fakeNowhere   = "315555558"
)

// newFakeWorld is a connector whose registers know a few units.
func newFakeWorld() *fakeConnector {
	found := func(id string) dossier.Source { return dossier.Source{ID: id, Status: dossier.StatusFound} }
	return &fakeConnector{
		brreg: map[string]dossier.Answer{
			fakeRichest: {Company: &dossier.Company{Number: fakeRichest, Name: "SOLSTRAND INDUSTRIER ASA", Form: dossier.Code{Code: "ASA"}},
				SubUnits: []dossier.UnitRef{{Number: "310126144"}}, Source: found("brreg")},
			fakeDuplicate: {Company: &dossier.Company{Number: fakeDuplicate, Name: "FJELLHEIM BYGG AS", Deleted: true},
				Source: dossier.Source{ID: "brreg", Status: dossier.StatusDeleted, Date: "2017-10-20"}},
		},
		grunndata: map[string]dossier.Answer{
			fakeRichest: {Company: &dossier.Company{Number: fakeRichest, Name: "SOLSTRAND INDUSTRIER ASA", Email: "post@solstrand.example"},
				Roles: []dossier.Role{{Type: dossier.Code{Code: "DAGL"}, Person: &dossier.Person{Name: "Ingrid Solstrand", NationalID: "12836810064"}}}, Source: found("grunndata")},
			// Code 1: the data are the correct unit's.
			fakeDuplicate: {Company: &dossier.Company{Number: fakeCorrect, Name: "FJELLHEIM BYGG NY AS", Email: "post@ny.example"},
				Roles: []dossier.Role{{Type: dossier.Code{Code: "DAGL"}, Person: &dossier.Person{Name: "Kari Ny"}}},
				Source: dossier.Source{ID: "grunndata", Status: dossier.StatusFound, Code: "1",
					Redirect: &dossier.Redirect{Reason: "duplicate", Code: "1", Number: fakeCorrect}}},
		},
		owners: map[string]*dossier.Owners{
			fakeRichest: {Number: fakeRichest, Owners: []dossier.BeneficialOwner{
				{Name: "Ingrid Solstrand", NationalID: "12836810064", Positions: []dossier.Position{{Intermediates: []dossier.UnitRef{{Number: fakeHolding}}}}},
				{Exempt: true, Name: "Hidden Person", BirthDate: "1970-01-01", NationalID: "01017012345"},
			}},
		},
		names: map[string]string{fakeHolding: "NORDKAPP HOLDING AS"},
	}
}

// newFakeDesk is an unlocked desk on the fake world, with the grunndataWS
// account and a Maskinporten client set.
func newFakeDesk(t *testing.T) (*Desk, *fakeConnector) {
	t.Helper()
	d := newTestDesk(t)
	c := newFakeWorld()
	d.cfg.Connector = c
	d.cfg.OwnersFiles = rrhFiles{}
	if err := d.CreateVault([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	if err := d.SaveRegisterSettings(RegisterSettings{GrunndataUser: "motpart", GrunndataPassword: "hemmelig-passord-123", MaskinportenClientID: "client-1"}); err != nil {
		t.Fatal(err)
	}
	return d, c
}

// fakeSource returns the outcome of source id in dos.
func fakeSource(t *testing.T, dos *dossier.Dossier, id string) dossier.Source {
	t.Helper()
	for _, s := range dos.Sources {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no source %q in %+v", id, dos.Sources)
	return dossier.Source{}
}

func TestLookupOverFakes(t *testing.T) {
	d, c := newFakeDesk(t)
	ctx := context.Background()
	tests := []struct {
		number, name             string
		brreg, grunndata, owners dossier.Status
		email                    string
		roles, subUnits, nOwners int
		check                    func(t *testing.T, dos *dossier.Dossier)
	}{
		{fakeRichest, "SOLSTRAND INDUSTRIER ASA", dossier.StatusFound, dossier.StatusFound, dossier.StatusFound, "post@solstrand.example", 1, 1, 2,
			func(t *testing.T, dos *dossier.Dossier) {
				if got := dos.Owners.Owners[0].Positions[0].Intermediates[0].Name; got != "NORDKAPP HOLDING AS" {
					t.Errorf("intermediate named %q", got)
				}
				if x := dos.Owners.Owners[1]; x.Name != "" || x.NationalID != "" || x.BirthYear != "1970" {
					t.Errorf("exempt owner not screened: %+v", x)
				}
				if dos.Owners.Source != "online" {
					t.Errorf("owners source %q", dos.Owners.Source)
				}
			}},
		// The unit pointed to is kept apart: none of its data in the dossier.
		{fakeDuplicate, "FJELLHEIM BYGG AS", dossier.StatusDeleted, dossier.StatusFound, dossier.StatusNotFound, "", 0, 0, 0,
			func(t *testing.T, dos *dossier.Dossier) {
				r := fakeSource(t, dos, "grunndata").Redirect
				if r == nil || r.Number != fakeCorrect || r.Name != "FJELLHEIM BYGG NY AS" {
					t.Errorf("grunndata points to %+v", r)
				}
			}},
		{fakeNowhere, "", dossier.StatusNotFound, dossier.StatusNotFound, dossier.StatusNotFound, "", 0, 0, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.number, func(t *testing.T) {
			dos, err := d.Lookup(ctx, tt.number)
			if err != nil {
				t.Fatal(err)
			}
			name, email := "", ""
			if dos.Company != nil {
				name, email = dos.Company.Name, dos.Company.Email
			}
			nOwners := 0
			if dos.Owners != nil {
				nOwners = len(dos.Owners.Owners)
			}
			if name != tt.name || email != tt.email || len(dos.Roles) != tt.roles || len(dos.SubUnits) != tt.subUnits || nOwners != tt.nOwners {
				t.Errorf("company %q <%s>, %d roles, %d sub-units, %d owners; want %q <%s>, %d, %d, %d",
					name, email, len(dos.Roles), len(dos.SubUnits), nOwners, tt.name, tt.email, tt.roles, tt.subUnits, tt.nOwners)
			}
			for id, want := range map[string]dossier.Status{"brreg": tt.brreg, "grunndata": tt.grunndata, "rrh": tt.owners} {
				if got := fakeSource(t, dos, id).Status; got != want {
					t.Errorf("%s: %s, want %s", id, got, want)
				}
			}
			if !dos.Fetched.Equal(testNow) {
				t.Errorf("fetched %v, want the desk's clock %v", dos.Fetched, testNow)
			}
			if tt.check != nil {
				tt.check(t, dos)
			}
		})
	}
	if n := c.connects(); n != 1 {
		t.Errorf("%d connects for %d lookups, want 1", n, len(tests))
	}
	if got := c.connections[0].Settings; got.Environment != EnvSandbox || got.GrunndataPassword != "hemmelig-passord-123" || got.MaskinportenClientID != "client-1" {
		t.Errorf("the connector was given %+v", got)
	}
	hist, err := d.History()
	if err != nil || len(hist) != 3 || hist[0].Number != fakeNowhere || hist[2].Name != "SOLSTRAND INDUSTRIER ASA" {
		t.Errorf("history %+v, %v", hist, err)
	}

	// A Swedish number: no register is connected for it.
	dos, err := d.Lookup(ctx, "556074-7569")
	if err != nil || len(dos.Sources) != 1 || dos.Sources[0].Status != dossier.StatusSkipped {
		t.Errorf("Swedish lookup %+v, %v", dos, err)
	}

	// Refreshing one source puts its new answer in place of the old.
	c.grunndata[fakeRichest] = dossier.Answer{Source: dossier.Source{ID: "grunndata", Status: dossier.StatusFailed, Code: "timeout"}}
	dos, err = d.RefreshSource(ctx, fakeRichest, "grunndata")
	if err != nil || fakeSource(t, dos, "grunndata").Status != dossier.StatusFailed || dos.Company.Email != "post@solstrand.example" || len(dos.Sources) != 3 {
		t.Errorf("after refreshing grunndata: %+v, %v", dos, err)
	}
}

func TestLookupWithoutAccounts(t *testing.T) {
	d := newTestDesk(t)
	c := newFakeWorld()
	d.cfg.Connector = c
	if err := d.CreateVault([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	dos, err := d.Lookup(context.Background(), fakeRichest)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id   string
		code string
	}{
		{"grunndata", "no_account"},
		{"rrh", "no_client"},
	}
	for _, tt := range tests {
		if s := fakeSource(t, dos, tt.id); s.Status != dossier.StatusNoAccess || s.Code != tt.code || !s.Fetched.Equal(testNow) {
			t.Errorf("%s: %+v, want no access (%s) at %v", tt.id, s, tt.code, testNow)
		}
	}
	if dos.Complete() {
		t.Error("a dossier without two sources is complete")
	}
}

func TestLockDropsTheRegisters(t *testing.T) {
	d, c := newFakeDesk(t)
	pfx := certstest.PFX(t, certstest.Options{Subject: certstest.Norwegian("EKSEMPELBYRÅ AS", "923609016"), Now: testNow})
	if _, err := d.ImportCertificate("mp", pfx, "mp.p12", ""); err != nil {
		t.Fatal(err)
	}
	if err := d.SetSetting(SettingMaskinportenCertificate, "mp"); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := d.Lookup(ctx, fakeRichest); err != nil {
		t.Fatal(err)
	}
	built := c.built[len(c.built)-1]
	if built.password == "" || built.signer == nil || built.token == nil {
		t.Fatalf("the registers hold no secrets to drop: %+v", built)
	}
	signerType := reflect.TypeFor[crypto.Signer]()
	secrets := func(v reflect.Value) string {
		switch {
		case v.Kind() == reflect.String && strings.Contains(v.String(), "hemmelig-passord"):
			return "the grunndataWS password"
		case v.Kind() == reflect.String && strings.Contains(v.String(), "fake-access-token"):
			return "an access token"
		case v.Type() == reflect.TypeFor[*rsa.PrivateKey]() && !v.IsNil():
			return "a private key"
		case v.Kind() == reflect.Pointer && !v.IsNil() && v.Type().Implements(signerType):
			return "a signer (" + v.Type().String() + ")"
		case v.Type() == reflect.TypeFor[*fakeRegisters]() && !v.IsNil():
			return "the register clients"
		}
		return ""
	}
	// The fake connector keeps what it built for this test to look at;
	// internal/setup's keeps nothing.
	skip := reflect.TypeFor[*fakeConnector]()
	if r := reachtest.Find(reflect.ValueOf(d), "desk", secrets, skip); r == "" {
		t.Fatal("the walk finds no secret even while unlocked; it proves nothing")
	}

	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}
	if !built.released || built.password != "" || built.signer != nil || built.token != nil {
		t.Errorf("Lock did not release the registers: %+v", built)
	}
	if r := reachtest.Find(reflect.ValueOf(d), "desk", secrets, skip); r != "" {
		t.Errorf("after Lock the desk still reaches %s", r)
	}
	// The next use asks for the password.
	for name, err := range map[string]error{
		"Lookup":        func() error { _, err := d.Lookup(ctx, fakeRichest); return err }(),
		"RefreshSource": func() error { _, err := d.RefreshSource(ctx, fakeRichest, "brreg"); return err }(),
		"RefreshOwners": func() error { _, err := d.RefreshOwnersCopy(ctx); return err }(),
	} {
		if problem.CodeOf(err) != problem.CodeLocked {
			t.Errorf("%s after Lock: %v, want %s", name, err, problem.CodeLocked)
		}
	}
	if err := d.Unlock([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Lookup(ctx, fakeRichest); err != nil {
		t.Fatal(err)
	}
	if n := c.connects(); n != 2 {
		t.Errorf("%d connects, want a new one after unlocking", n)
	}
	if got := c.connections[1]; got.Certificate == nil || got.Settings.MaskinportenCertificate != "mp" {
		t.Errorf("the connector was not given the stored certificate: %+v", got)
	}
}

func TestRegisterSettings(t *testing.T) {
	d, c := newFakeDesk(t)
	want := RegisterSettings{
		Environment: EnvTest, BrregURL: "https://brreg.example", GrunndataURL: "https://grunndata.example",
		GrunndataUser: "firm", GrunndataPassword: "pw", MaskinportenURL: "https://mp.example",
		MaskinportenClientID: "client-2", MaskinportenScope: OwnerScopes()[3], MaskinportenCertificate: "gone", RRHURL: "https://rrh.example",
	}
	if _, err := d.Lookup(context.Background(), fakeRichest); err != nil {
		t.Fatal(err)
	}
	if err := d.SaveRegisterSettings(want); err != nil {
		t.Fatal(err)
	}
	got, err := d.RegisterSettings()
	if err != nil || got != want {
		t.Fatalf("RegisterSettings() = %+v, %v; want %+v", got, err, want)
	}
	if !c.built[0].released {
		t.Error("saving the settings did not release the clients built from the old ones")
	}
	// Setting and SetSetting work on the same values.
	for _, info := range Settings() {
		v, err := d.Setting(info.Key)
		if err != nil || v != *want.field(info.Key) {
			t.Errorf("Setting(%s) = %q, %v", info.Key, v, err)
		}
	}
	if err := d.SetSetting(SettingRRHURL, " "); err != nil {
		t.Fatal(err)
	}
	want.RRHURL = ""
	if got, _ := d.RegisterSettings(); got != want {
		t.Errorf("after removing one: %+v", got)
	}
	// The environment resolves as the settings say; the connector is told.
	if d.Environment() != EnvTest {
		t.Errorf("environment %s", d.Environment())
	}
	if _, err := d.Lookup(context.Background(), fakeRichest); err != nil {
		t.Fatal(err)
	}
	if conn := c.connections[len(c.connections)-1]; conn.Settings.Environment != EnvTest || !conn.CertificateMissing || conn.Settings.RRHURL != "" {
		t.Errorf("connection %+v", conn)
	}

	bad := []struct {
		name string
		s    RegisterSettings
	}{
		{"environment", RegisterSettings{Environment: "staging"}},
		{"scope", RegisterSettings{MaskinportenScope: "brreg:everything"}},
		{"plain http", RegisterSettings{BrregURL: "http://brreg.example"}},
	}
	for _, tt := range bad {
		if err := d.SaveRegisterSettings(tt.s); problem.CodeOf(err) != problem.CodeBadSetting {
			t.Errorf("%s: %v, want %s", tt.name, err, problem.CodeBadSetting)
		}
	}
	if got, _ := d.RegisterSettings(); got != want {
		t.Errorf("a refused save changed the settings: %+v", got)
	}
	// Each change is audited by key, never with its value.
	entries, _, err := d.AuditLog()
	if err != nil {
		t.Fatal(err)
	}
	var subjects []string
	for _, e := range entries {
		if e.Action == "settings.set" {
			subjects = append(subjects, e.Subject)
		}
		if strings.Contains(e.Detail, "pw") {
			t.Errorf("audit entry %+v holds a value", e)
		}
	}
	// newFakeDesk set 3 keys; the save changed all 10; then one removal.
	if len(subjects) != 3+10+1 || subjects[len(subjects)-1] != SettingRRHURL {
		t.Errorf("audited settings %v", subjects)
	}
}
