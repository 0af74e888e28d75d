package setup

import (
	"context"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/sandbox"
	"github.com/motpart/motpart/internal/sandbox/world"
)

func TestLookupOnTheSandbox(t *testing.T) {
	d := newLookupDesk(t)
	ctx := context.Background()
	tests := []struct {
		name      string
		number    string
		wantName  string
		brreg     dossier.Status
		grunndata dossier.Status
		check     func(t *testing.T, dos *dossier.Dossier)
	}{
		{"the richest unit", world.RichestOrgNr, "SOLSTRAND INDUSTRIER ASA", dossier.StatusFound, dossier.StatusFound, func(t *testing.T, dos *dossier.Dossier) {
			c := dos.Company
			if c.Form.Code != "ASA" || len(c.Industry) != 3 || c.Sector == nil || c.BusinessAddress == nil || c.PostalAddress == nil {
				t.Errorf("company %+v", c)
			}
			if len(dos.SubUnits) < 3 {
				t.Errorf("%d sub-units", len(dos.SubUnits))
			}
			var types []string
			var unitHolder bool
			for _, r := range dos.Roles {
				types = append(types, r.Type.Code)
				if r.Unit != nil && r.Unit.Number == world.AuditorOrgNr {
					unitHolder = true
				}
			}
			for _, want := range []string{"DAGL", "LEDE", "MEDL", "VARA", "REVI", "REGN"} {
				if !slices.Contains(types, want) {
					t.Errorf("no %s among the roles %v", want, types)
				}
			}
			if !unitHolder {
				t.Error("the auditor firm is not a unit role holder")
			}
			if !dos.Complete() {
				t.Errorf("dossier marked incomplete: %+v", dos.Sources)
			}
		}},
		{"deleted", world.DeletedOrgNr, "GAMLEVEIEN TRANSPORT AS", dossier.StatusDeleted, dossier.StatusDeleted, func(t *testing.T, dos *dossier.Dossier) {
			if !dos.Company.Deleted || source(t, dos, "brreg").Date == "" {
				t.Errorf("deleted without a date: %+v", source(t, dos, "brreg"))
			}
		}},
		{"deleted as a duplicate", world.DuplicateOrgNr, "FJELLHEIM BYGG AS", dossier.StatusDeleted, dossier.StatusFound, func(t *testing.T, dos *dossier.Dossier) {
			r := source(t, dos, "grunndata").Redirect
			if r == nil || r.Reason != "duplicate" || r.Number != world.DuplicateOfOrgNr {
				t.Errorf("redirect %+v, want the correct unit %s", r, world.DuplicateOfOrgNr)
			}
		}},
		{"a sub-unit asked for as a legal unit", world.SubUnitOrgNr, "SOLSTRAND INDUSTRIER ASA AVD OSLO", dossier.StatusFound, dossier.StatusFound, func(t *testing.T, dos *dossier.Dossier) {
			if !dos.Company.SubUnit || dos.Company.Parent != world.RichestOrgNr {
				t.Errorf("company %+v", dos.Company)
			}
			if r := source(t, dos, "brreg").Redirect; r == nil || r.Reason != "sub_unit" || r.Number != world.RichestOrgNr {
				t.Errorf("redirect %+v", r)
			}
		}},
		{"never created", world.NeverCreatedOrgNr, "", dossier.StatusNotFound, dossier.StatusNotFound, nil},
		{"bankrupt", world.BankruptOrgNr, "STORMKAST MEDIA AS", dossier.StatusFound, dossier.StatusFound, func(t *testing.T, dos *dossier.Dossier) {
			if !dos.Company.Bankrupt {
				t.Error("not bankrupt")
			}
			if notes := source(t, dos, "grunndata").Notes; len(notes) == 0 {
				t.Error("grunndata gave no notes of what is not registered")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dos, err := d.Lookup(ctx, tt.number)
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantName == "" {
				if dos.Company != nil {
					t.Errorf("found %+v", dos.Company)
				}
			} else if dos.Company == nil || dos.Company.Name != tt.wantName {
				t.Fatalf("company %+v, want %s", dos.Company, tt.wantName)
			}
			if got := source(t, dos, "brreg").Status; got != tt.brreg {
				t.Errorf("brreg %s, want %s (%+v)", got, tt.brreg, source(t, dos, "brreg"))
			}
			if got := source(t, dos, "grunndata").Status; got != tt.grunndata {
				t.Errorf("grunndata %s, want %s (%+v)", got, tt.grunndata, source(t, dos, "grunndata"))
			}
			if tt.check != nil {
				tt.check(t, dos)
			}
		})
	}

	// Every lookup is saved, and listed newest first.
	hist, err := d.History()
	if err != nil || len(hist) != len(tests) || hist[0].Number != world.BankruptOrgNr || hist[0].Name != "STORMKAST MEDIA AS" {
		t.Errorf("history %+v, %v", hist, err)
	}
	saved, err := d.SavedDossier(world.RichestOrgNr)
	if err != nil || saved.Company == nil || saved.Company.Name != "SOLSTRAND INDUSTRIER ASA" || saved.Fetched.IsZero() {
		t.Errorf("saved dossier %+v, %v", saved, err)
	}
	if _, err := d.SavedDossier("923609016"); problem.CodeOf(err) != problem.CodeNoDossier {
		t.Errorf("never looked up: %v", err)
	}
}

func TestLookupFaults(t *testing.T) {
	first := newLookupDesk(t)
	ctx := context.Background()
	sb, err := first.Sandbox(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		fault   sandbox.Fault
		limit   time.Duration // per source
		status  dossier.Status
		code    string
		minTime time.Duration
		// maxTime is generous: the sum of packages of make test under
		// -race loads a 2-core machine; it only has to tell an answer
		// from a wait for the Retry-After or the hang.
		maxTime time.Duration
	}{
		{"429 once, retried after Retry-After", sandbox.Fault{Status: 429, RetryAfter: time.Second, Times: 1}, 10 * time.Second, dossier.StatusFound, "", time.Second, 9 * time.Second},
		{"429 with a Retry-After past the time limit fails at once", sandbox.Fault{Status: 429, RetryAfter: 30 * time.Second}, 2 * time.Second, dossier.StatusFailed, "http_429", 0, 10 * time.Second},
		{"503 twice, retried with backoff", sandbox.Fault{Status: 503, Times: 2}, 10 * time.Second, dossier.StatusFound, "", 0, 8 * time.Second},
		{"a hang ends at the time limit", sandbox.Fault{Hang: true}, 700 * time.Millisecond, dossier.StatusFailed, "timeout", 600 * time.Millisecond, 8 * time.Second},
		{"malformed body", sandbox.Fault{Malformed: true}, 2 * time.Second, dossier.StatusFailed, "malformed", 0, 8 * time.Second},
		{"body cut short", sandbox.Fault{Truncated: true}, 2 * time.Second, dossier.StatusFailed, "truncated", 0, 8 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newLookupDesk(t, deskOptions{timeout: tt.limit, conn: first.conn})
			sb.ClearFaults()
			sb.SetFault(sandbox.ServiceBrreg, tt.fault)
			defer sb.ClearFaults()
			start := time.Now()
			dos, err := d.Lookup(ctx, world.RichestOrgNr)
			took := time.Since(start)
			if err != nil {
				t.Fatal(err)
			}
			s := source(t, dos, "brreg")
			if s.Status != tt.status || s.Code != tt.code {
				t.Errorf("brreg %s/%s, want %s/%s (%s)", s.Status, s.Code, tt.status, tt.code, s.Message)
			}
			if took < tt.minTime || took > tt.maxTime {
				t.Errorf("took %v, want %v to %v", took, tt.minTime, tt.maxTime)
			}
			if tt.status == dossier.StatusFailed {
				if dos.Complete() {
					t.Error("a dossier with a failed source is marked complete")
				}
				// grunndataWS still answered, so the facts come from it.
				if dos.Company == nil || source(t, dos, "grunndata").Status != dossier.StatusFound {
					t.Errorf("grunndata did not fill in: %+v", dos.Sources)
				}
			}
		})
	}
}

func TestLookupCancelAndSettings(t *testing.T) {
	d := newLookupDesk(t)
	sb, err := d.Sandbox(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	sb.SetFault(sandbox.ServiceBrreg, sandbox.Fault{Hang: true})
	ctx, cancel := context.WithCancel(context.Background())
	// Cancel once the lookup has asked Enhetsregisteret, which hangs. The
	// sources may take a minute, so an answer within 20 s (the slack is for
	// a loaded machine) and the code say the cancel, not a time limit,
	// ended it.
	asking := newLookupDesk(t, deskOptions{conn: d.conn, timeout: time.Minute, connector: func(c *Connector) desk.Connector {
		return cancelOnAsk{c, cancel}
	}})
	start := time.Now()
	_, err = asking.Lookup(ctx, world.RichestOrgNr)
	if problem.CodeOf(err) != problem.CodeCanceled || time.Since(start) > 20*time.Second {
		t.Errorf("cancelled lookup: %v after %v", err, time.Since(start))
	}
	sb.ClearFaults()

	if err := d.SetSetting(desk.SettingEnvironment, "staging"); problem.CodeOf(err) != problem.CodeBadSetting {
		t.Errorf("environment staging: %v", err)
	}
	if err := d.SetSetting("nonsense", "x"); problem.CodeOf(err) != problem.CodeUnknownSetting {
		t.Errorf("unknown setting: %v", err)
	}
	if err := d.SetSetting(desk.SettingBrregURL, "http://plain.example"); problem.CodeOf(err) != problem.CodeBadSetting {
		t.Errorf("plain http address: %v", err)
	}
	// A wrong grunndataWS password: no access, with the code that says so.
	for key, value := range map[string]string{desk.SettingGrunndataUser: sandbox.DefaultGrunndataUser, desk.SettingGrunndataPassword: "wrong"} {
		if err := d.SetSetting(key, value); err != nil {
			t.Fatal(err)
		}
	}
	dos, err := d.Lookup(context.Background(), world.RichestOrgNr)
	if err != nil {
		t.Fatal(err)
	}
	if s := source(t, dos, "grunndata"); s.Status != dossier.StatusNoAccess || s.Code != "-101" {
		t.Errorf("grunndata with a wrong password: %+v", s)
	}
	if s := source(t, dos, "brreg"); s.Status != dossier.StatusFound {
		t.Errorf("brreg: %+v", s)
	}
	if got, _ := d.Setting(desk.SettingGrunndataPassword); got != "wrong" {
		t.Errorf("stored password %q", got)
	}
}

// BenchmarkLookupRichest measures a whole lookup of the sandbox's richest
// unit, both sources, on loopback over TLS, and reports the median.
func BenchmarkLookupRichest(b *testing.B) {
	d := newLookupDesk(b)
	ctx := context.Background()
	if _, err := d.Lookup(ctx, world.RichestOrgNr); err != nil { // start the sandbox, warm the connections
		b.Fatal(err)
	}
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		dos, err := d.Lookup(ctx, world.RichestOrgNr)
		if err != nil || !dos.Complete() {
			b.Fatalf("lookup: %v", err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
}

func TestRefreshOneSource(t *testing.T) {
	d := newLookupDesk(t)
	ctx := context.Background()
	sb, err := d.Sandbox(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sb.SetFault(sandbox.ServiceBrreg, sandbox.Fault{Status: 500})
	dos, err := d.Lookup(ctx, world.RichestOrgNr)
	if err != nil {
		t.Fatal(err)
	}
	if s := source(t, dos, "brreg"); s.Status != dossier.StatusFailed || len(dos.SubUnits) != 0 {
		t.Fatalf("brreg %+v, %d sub-units", s, len(dos.SubUnits))
	}
	sb.ClearFaults()
	dos, err = d.RefreshSource(ctx, world.RichestOrgNr, "brreg")
	if err != nil {
		t.Fatal(err)
	}
	if s := source(t, dos, "brreg"); s.Status != dossier.StatusFound || len(dos.SubUnits) == 0 || !dos.Complete() {
		t.Errorf("after refreshing brreg: %+v, %d sub-units, complete %v", s, len(dos.SubUnits), dos.Complete())
	}
	if len(dos.Sources) != 3 {
		t.Errorf("sources %+v", dos.Sources)
	}
	saved, _ := d.SavedDossier(world.RichestOrgNr)
	if source(t, saved, "brreg").Status != dossier.StatusFound {
		t.Error("the refreshed dossier was not saved")
	}
	if _, err := d.RefreshSource(ctx, world.RichestOrgNr, "nonsense"); err == nil {
		t.Error("an unknown source refreshed")
	}
}

// cancelOnAsk is a Connector whose Enhetsregisteret cancels the lookup as
// soon as it is asked, and then answers as the real one does.
type cancelOnAsk struct {
	*Connector
	cancel context.CancelFunc
}

func (c cancelOnAsk) Connect(ctx context.Context, conn desk.Connection) (*desk.Registers, error) {
	regs, err := c.Connector.Connect(ctx, conn)
	if err != nil {
		return nil, err
	}
	regs.Organisations = cancellingSource{regs.Organisations, c.cancel}
	return regs, nil
}

type cancellingSource struct {
	desk.OrganisationSource
	cancel context.CancelFunc
}

func (s cancellingSource) Lookup(ctx context.Context, orgnr string) dossier.Answer {
	s.cancel()
	return s.OrganisationSource.Lookup(ctx, orgnr)
}
