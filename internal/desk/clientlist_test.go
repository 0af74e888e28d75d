package desk

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// newClientDesk returns a test desk with a new, unlocked vault.
func newClientDesk(t *testing.T) *Desk {
	t.Helper()
	d := newTestDesk(t)
	if err := d.CreateVault([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	return d
}

// putTestRecords writes changes, snapshots and a dossier straight into
// the vault, as a check would.
func putTestRecords(t *testing.T, d *Desk, fn func(tx *vault.Tx) error) {
	t.Helper()
	err := d.withVault(func(v *vault.Vault) error { return v.Update(fn) })
	if err != nil {
		t.Fatal(err)
	}
}

// auditActions returns the actions of the audit log, in order.
func auditActions(t *testing.T, d *Desk) []string {
	t.Helper()
	entries, _, err := d.AuditLog()
	if err != nil {
		t.Fatal(err)
	}
	var a []string
	for _, e := range entries {
		a = append(a, e.Action)
	}
	return a
}

func TestAddClient(t *testing.T) {
	d := newClientDesk(t)
	dos := dossier.Dossier{Number: "923609016", Country: "NO", Company: &dossier.Company{Number: "923609016", Name: "Equinor ASA"}}
	putTestRecords(t, d, func(tx *vault.Tx) error {
		b, _ := json.Marshal(dos)
		return tx.Put(dossiersBucket, "923609016", b)
	})
	tests := []struct {
		name, number, ref, resp string
		want                    portfolio.Client
		code                    problem.Code
	}{
		{name: "Norwegian with a saved dossier", number: "923 609 016", ref: " K-1 ", resp: "Kari\tNordmann",
			want: portfolio.Client{Number: "923609016", Country: "NO", Reference: "K-1", Responsible: "Kari Nordmann", Added: testNow, Name: "Equinor ASA"}},
		{name: "Swedish without a dossier", number: "5560747569",
			want: portfolio.Client{Number: "556074-7569", Country: "SE", Added: testNow}},
		{name: "Finnish", number: "0112038-9", ref: "F",
			want: portfolio.Client{Number: "0112038-9", Country: "FI", Reference: "F", Added: testNow}},
		{name: "already a client", number: "923609016", code: problem.CodeClientExists},
		{name: "check digit wrong", number: "923609017", code: problem.CodeNotOrgNr},
		{name: "a personal number", number: "19811218-9876", code: problem.CodeNotOrgNr},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := d.AddClient(tc.number, tc.ref, tc.resp)
			if tc.code != "" {
				if problem.CodeOf(err) != tc.code {
					t.Fatalf("AddClient = %v, want %s", err, tc.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(c, tc.want) {
				t.Errorf("AddClient = %+v, want %+v", c, tc.want)
			}
			got, err := d.Client(tc.number)
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Client = %+v, %v; want %+v", got, err, tc.want)
			}
			if ok, err := d.IsClient(tc.number); !ok || err != nil {
				t.Errorf("IsClient = %v, %v", ok, err)
			}
		})
	}
	if ok, err := d.IsClient("974760673"); ok || err != nil {
		t.Errorf("IsClient(not one) = %v, %v", ok, err)
	}
	if ok, err := d.IsClient("garbage"); ok || err != nil {
		t.Errorf("IsClient(garbage) = %v, %v", ok, err)
	}
	if _, err := d.Client("974760673"); problem.CodeOf(err) != problem.CodeNotAClient {
		t.Errorf("Client(not one) = %v, want %s", err, problem.CodeNotAClient)
	}
	if got, want := auditActions(t, d), []string{"vault.create", "client.add", "client.add", "client.add"}; !reflect.DeepEqual(got[len(got)-3:], want[1:]) {
		t.Errorf("audit = %q, want it to end with %q", got, want[1:])
	}
}

func TestClientsSortedAndFlagged(t *testing.T) {
	d := newClientDesk(t)
	for _, n := range []string{"923609016", "974760673", "556074-7569", "0112038-9"} {
		if _, err := d.AddClient(n, "", ""); err != nil {
			t.Fatal(err)
		}
	}
	day := 24 * time.Hour
	changes := []portfolio.Change{
		{ID: "c1", Number: "974760673", Detected: testNow.Add(-2 * day), Risk: portfolio.RiskMedium, Reason: portfolio.ReasonAuditorResigned},
		{ID: "c2", Number: "974760673", Detected: testNow.Add(-1 * day), Risk: portfolio.RiskHigh, Reason: portfolio.ReasonBankruptcyOpened},
		{ID: "c3", Number: "974760673", Detected: testNow.Add(-3 * day), Risk: portfolio.RiskMedium, Reason: portfolio.ReasonAuditorResigned},
		{ID: "c4", Number: "974760673", Detected: testNow.Add(-1 * day), Risk: portfolio.RiskLow, Reason: portfolio.ReasonRenamed},
		{ID: "c5", Number: "923609016", Detected: testNow.Add(-31 * day), Risk: portfolio.RiskHigh, Reason: portfolio.ReasonDeleted},
	}
	putTestRecords(t, d, func(tx *vault.Tx) error {
		for _, c := range changes {
			if err := putChange(tx, c); err != nil {
				return err
			}
		}
		for n, name := range map[string]string{"923609016": "equinor", "974760673": "Brønnøysund", "556074-7569": "Equinor Sverige"} {
			c, err := getClient(tx, n)
			if err != nil {
				return err
			}
			c.Name = name
			if err := putClient(tx, c); err != nil {
				return err
			}
		}
		return nil
	})
	clients, err := d.Clients()
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		number string
		risk   portfolio.Risk
		flags  []portfolio.Reason
	}
	var got []row
	for _, c := range clients {
		got = append(got, row{c.Number, c.Risk, c.Flags})
	}
	want := []row{
		{"974760673", portfolio.RiskHigh, []portfolio.Reason{portfolio.ReasonBankruptcyOpened, portfolio.ReasonAuditorResigned}},
		{"923609016", portfolio.RiskNone, nil}, // its change is 31 days old
		{"556074-7569", portfolio.RiskNone, nil},
		{"0112038-9", portfolio.RiskNone, nil}, // no name yet: last
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Clients = %+v, want %+v", got, want)
	}
}

func TestClientChanges(t *testing.T) {
	d := newClientDesk(t)
	day := 24 * time.Hour
	putTestRecords(t, d, func(tx *vault.Tx) error {
		for _, c := range []portfolio.Change{
			{ID: "a", Number: "974760673", Detected: testNow.Add(-2 * day), Risk: portfolio.RiskMedium},
			{ID: "b", Number: "923609016", Detected: testNow.Add(-1 * day), Risk: portfolio.RiskHigh},
			{ID: "c", Number: "556074-7569", Detected: testNow.Add(-1 * day), Risk: portfolio.RiskLow},
			{ID: "d", Number: "923609016", Detected: testNow.Add(-5 * day), Risk: portfolio.RiskLow},
		} {
			if err := putChange(tx, c); err != nil {
				return err
			}
		}
		return nil
	})
	tests := []struct {
		name string
		f    portfolio.ChangeFilter
		want []string
	}{
		{"all, newest first, then by number", portfolio.ChangeFilter{}, []string{"c", "b", "a", "d"}},
		{"medium and above", portfolio.ChangeFilter{MinRisk: portfolio.RiskMedium}, []string{"b", "a"}},
		{"since", portfolio.ChangeFilter{Since: testNow.Add(-2 * day)}, []string{"c", "b", "a"}},
		{"one client, any form", portfolio.ChangeFilter{Number: "923 609 016"}, []string{"b", "d"}},
		{"limit", portfolio.ChangeFilter{Limit: 1}, []string{"c"}},
	}
	for _, tc := range tests {
		changes, err := d.ClientChanges(tc.f)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range changes {
			got = append(got, c.ID)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestUpdateAndRemoveClient(t *testing.T) {
	d := newClientDesk(t)
	for _, n := range []string{"923609016", "974760673"} {
		if _, err := d.AddClient(n, "", ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.UpdateClient("923609016", "R-9", "Ola"); err != nil {
		t.Fatal(err)
	}
	if c, _ := d.Client("923609016"); c.Reference != "R-9" || c.Responsible != "Ola" {
		t.Errorf("after UpdateClient: %+v", c)
	}
	if err := d.UpdateClient("914778271", "x", "y"); problem.CodeOf(err) != problem.CodeNotAClient {
		t.Errorf("UpdateClient(not one) = %v", err)
	}
	putTestRecords(t, d, func(tx *vault.Tx) error {
		for _, n := range []string{"923609016", "974760673"} {
			if err := tx.Put(snapshotsBucket, n, []byte(`{}`)); err != nil {
				return err
			}
			if err := tx.Put(snapshotHistoryBucket, n+"/2026-11-01T00:00:00Z", []byte(`{}`)); err != nil {
				return err
			}
			if err := putChange(tx, portfolio.Change{ID: "ch-" + n, Number: n, Detected: testNow}); err != nil {
				return err
			}
		}
		return nil
	})
	if err := d.RemoveClient("923609016"); err != nil {
		t.Fatal(err)
	}
	if err := d.RemoveClient("923609016"); problem.CodeOf(err) != problem.CodeNotAClient {
		t.Errorf("RemoveClient twice = %v", err)
	}
	count := func(bucket string) (ids []string) {
		_ = d.withVault(func(v *vault.Vault) error {
			return v.View(func(tx *vault.Tx) error {
				return tx.ForEach(bucket, func(id string, _ []byte) error { ids = append(ids, id); return nil })
			})
		})
		return ids
	}
	for bucket, want := range map[string][]string{
		clientsBucket:         {"974760673"},
		snapshotsBucket:       {"974760673"},
		snapshotHistoryBucket: {"974760673/2026-11-01T00:00:00Z"},
		changesBucket:         {"ch-974760673"},
	} {
		if got := count(bucket); !reflect.DeepEqual(got, want) {
			t.Errorf("%s after RemoveClient: %q, want %q", bucket, got, want)
		}
	}
	a := auditActions(t, d)
	if a[len(a)-1] != "client.remove" || a[len(a)-2] != "client.edit" {
		t.Errorf("audit = %q", a)
	}
}

func TestClientSettings(t *testing.T) {
	d := newClientDesk(t)
	s, err := d.ClientSettings()
	if err != nil || s != (ClientSettings{Concurrency: 8}) {
		t.Fatalf("defaults = %+v, %v", s, err)
	}
	tests := []struct {
		set  ClientSettings
		want ClientSettings
		code problem.Code
	}{
		{set: ClientSettings{CheckAtStart: true, Concurrency: 3}, want: ClientSettings{CheckAtStart: true, Concurrency: 3}},
		{set: ClientSettings{Concurrency: 16}, want: ClientSettings{Concurrency: 16}},
		{set: ClientSettings{}, want: ClientSettings{Concurrency: 8}},
		{set: ClientSettings{Concurrency: 17}, code: problem.CodeBadSetting},
		{set: ClientSettings{Concurrency: -1}, code: problem.CodeBadSetting},
	}
	for _, tc := range tests {
		err := d.SetClientSettings(tc.set)
		if problem.CodeOf(err) != tc.code {
			t.Fatalf("SetClientSettings(%+v) = %v, want %q", tc.set, err, tc.code)
		}
		if tc.code != "" {
			continue
		}
		if got, err := d.ClientSettings(); err != nil || got != tc.want {
			t.Errorf("after %+v: %+v, %v; want %+v", tc.set, got, err, tc.want)
		}
	}
}

// fakeClock is a SandboxClock that tests move.
type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time          { return c.now }
func (c *fakeClock) Advance(d time.Duration) { c.now = c.now.Add(d) }

func TestSandboxClock(t *testing.T) {
	clock := &fakeClock{now: testNow}
	tests := []struct {
		name  string
		env   Environment
		clock SandboxClock
		code  problem.Code
	}{
		{"sandbox with a clock", EnvSandbox, clock, ""},
		{"sandbox without a clock", EnvSandbox, nil, problem.CodeNotSandbox},
		{"test environment", EnvTest, clock, problem.CodeNotSandbox},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newTestDesk(t)
			d.cfg.Environment, d.cfg.SandboxClock = tc.env, tc.clock
			if err := d.CreateVault([]byte("correct horse")); err != nil {
				t.Fatal(err)
			}
			now, err := d.SandboxNow()
			if problem.CodeOf(err) != tc.code {
				t.Fatalf("SandboxNow = %v, %v; want %q", now, err, tc.code)
			}
			err = d.AdvanceSandbox(48 * time.Hour)
			if problem.CodeOf(err) != tc.code {
				t.Fatalf("AdvanceSandbox = %v; want %q", err, tc.code)
			}
			if tc.code != "" {
				return
			}
			if got, _ := d.SandboxNow(); !got.Equal(testNow.Add(48 * time.Hour)) {
				t.Errorf("after AdvanceSandbox: %v", got)
			}
			if a := auditActions(t, d); a[len(a)-1] != "sandbox.advance" {
				t.Errorf("audit = %q", a)
			}
		})
	}
}
