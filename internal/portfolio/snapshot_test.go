package portfolio

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
)

func TestSnapshotOf(t *testing.T) {
	s := SnapshotOf(norwegian(t0))
	want := Snapshot{
		Number: "999999999", Country: "NO", Taken: t0, Found: true,
		Known:   []string{PartAML, PartCompany, PartOwners, PartRoles},
		Sources: map[string]string{PartCompany: "brreg", PartRoles: "brreg", PartOwners: "rrh", PartAML: "bankid"},
		Name:    "Fjord Konsult AS", BusinessAddress: "Storgata 1, 0155 OSLO", PostalAddress: "Postboks 7, 0101 OSLO",
		Industry: []string{"62.010 Programmeringstjenester"},
		Roles: []Role{
			{Type: "DAGL", Text: "Daglig leder", Holder: "Per Olsen", Key: "person:per olsen|1975-03-03", Since: "2019-05-05"},
			{Type: "KONT", Text: "Kontaktperson", Holder: "Lise Berg", Key: "person:lise berg|1990-04-04", Since: "2021-01-01"},
			{Type: "LEDE", Text: "Styrets leder", Holder: "Kari Nordmann", Key: "person:kari nordmann|1970-01-01", Since: "2020-01-01"},
			{Type: "MEDL", Text: "Styremedlem", Holder: "Ola Hansen", Key: "person:ola hansen|1980-02-02", Since: "2020-01-01"},
			{Type: "PROK", Text: "Prokura", Holder: "Per Olsen", Key: "person:per olsen|1975-03-03", Since: "2020-01-01"},
			{Type: "REGN", Text: "Regnskapsfører", Holder: "Regnskap AS", Key: "unit:777777777", Since: "2018-01-01"},
			{Type: "REVI", Text: "Revisor", Holder: "Revisjon AS", Key: "unit:888888888", Since: "2018-01-01"},
			{Type: "SIGN", Text: "Signatur", Holder: "Kari Nordmann", Key: "person:kari nordmann|1970-01-01", Since: "2020-01-01"},
		},
		OwnersStatus: dossier.OwnersAllIdentified, OwnersRegistered: "2024-05-01",
		Owners: []Owner{{Key: "person:kari nordmann|1970-01-01", Name: "Kari Nordmann", Positions: []string{"ownership 50–74.99 % direct"}}},
		Shareholders: []Shareholder{
			{Key: "person:kari nordmann|1970-01-01", Name: "Kari Nordmann", Share: "60 %"},
			{Key: "unit:555555555", Name: "Holding AS", Share: "40 %"},
		},
		Screened: "2026-01-01",
	}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("snapshot\n got %+v\nwant %+v", s, want)
	}
}

func TestSnapshotKnown(t *testing.T) {
	cases := []struct {
		name      string
		edit      func(d *dossier.Dossier)
		known     []string
		found     bool
		companyBy string
	}{
		{"every source answered", func(*dossier.Dossier) {}, []string{PartAML, PartCompany, PartOwners, PartRoles}, true, "brreg"},
		{"Enhetsregisteret failed, grunndataWS answered", func(d *dossier.Dossier) {
			d.Sources[0].Status = dossier.StatusFailed
		}, []string{PartAML, PartCompany, PartOwners, PartRoles}, true, "grunndata"},
		{"roles unread by both", func(d *dossier.Dossier) {
			d.Sources[0].Missing = []dossier.Part{dossier.PartRoles}
			d.Sources[1].Status = dossier.StatusNoAccess
		}, []string{PartAML, PartCompany, PartOwners}, true, "brreg"},
		{"owners register failed, no AML", func(d *dossier.Dossier) {
			d.Sources[2].Status, d.Owners, d.AML = dossier.StatusFailed, nil, nil
		}, []string{PartCompany, PartRoles}, true, "brreg"},
		{"owners register's 404 is an answer", func(d *dossier.Dossier) {
			d.Sources[2].Status, d.Owners = dossier.StatusNotFound, nil
		}, []string{PartAML, PartCompany, PartOwners, PartRoles}, true, "brreg"},
		{"unreachable: nothing known, not 'not found'", func(d *dossier.Dossier) {
			d.Company, d.Roles, d.Owners, d.AML = nil, nil, nil, nil
			for i := range d.Sources {
				d.Sources[i].Status = dossier.StatusFailed
			}
		}, nil, true, ""},
		{"not found", func(d *dossier.Dossier) {
			d.Company, d.Roles, d.Owners, d.AML = nil, nil, nil, nil
			for i := range d.Sources {
				d.Sources[i].Status = dossier.StatusNotFound
			}
		}, []string{PartCompany, PartOwners, PartRoles}, false, "brreg"},
		{"skipped sources", func(d *dossier.Dossier) {
			d.Company, d.Roles, d.Owners, d.AML = nil, nil, nil, nil
			for i := range d.Sources {
				d.Sources[i].Status = dossier.StatusSkipped
			}
		}, nil, true, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := norwegian(t0)
			tc.edit(d)
			s := SnapshotOf(d)
			if !reflect.DeepEqual(s.Known, tc.known) || s.Found != tc.found || s.Sources[PartCompany] != tc.companyBy {
				t.Errorf("known %v found %v company by %q; want %v %v %q", s.Known, s.Found, s.Sources[PartCompany], tc.known, tc.found, tc.companyBy)
			}
		})
	}
}

// TestSnapshotCarried: a part kept from the last lookup is known, with
// the source it came from, and compares equal to what it was.
func TestSnapshotCarried(t *testing.T) {
	old := norwegian(t0)
	d := norwegian(t1)
	d.Company, d.Roles = nil, nil
	d.Sources[0].Status, d.Sources[1].Status = dossier.StatusFailed, dossier.StatusFailed
	d.CarryOver(old)
	s := SnapshotOf(d)
	if want := []string{PartAML, PartCompany, PartOwners, PartRoles}; !reflect.DeepEqual(s.Known, want) {
		t.Fatalf("known %v, want %v", s.Known, want)
	}
	if s.Sources[PartCompany] != "brreg" || s.Sources[PartRoles] != "brreg" {
		t.Errorf("sources %v", s.Sources)
	}
	if got := Diff(SnapshotOf(old), s); len(got) != 0 {
		t.Errorf("carried parts changed: %+v", got)
	}
}

func TestSnapshotStatuses(t *testing.T) {
	d := norwegian(t0)
	c := d.Company
	c.Bankrupt, c.BankruptDate, c.UnderLiquidation, c.UnderForcedDissolution = true, "2026-01-02", true, true
	c.Deleted, c.DeletedDate, c.ClosedDate = true, "2026-01-05", "2026-01-04"
	want := []Status{{"bankrupt", "2026-01-02"}, {"closed", "2026-01-04"}, {"deleted", "2026-01-05"},
		{"under_forced_dissolution", ""}, {"under_liquidation", ""}}
	if got := SnapshotOf(d).Status; !reflect.DeepEqual(got, want) {
		t.Errorf("statuses %+v, want %+v", got, want)
	}
}

func TestSnapshotFinnishRules(t *testing.T) {
	d := finnish(t0)
	d.Company.Finnish.TradeRegisterStatus = "3"
	if got := SnapshotOf(d).Status; got != nil {
		t.Errorf("default rules read tradeRegisterStatus: %+v", got)
	}
	rules := DefaultSnapshotRules()
	rules.FinnishStruckOff = []string{"3"}
	if got, want := SnapshotWith(d, rules).Status, []Status{{Code: StatusStruckOff}}; !reflect.DeepEqual(got, want) {
		t.Errorf("statuses %+v, want %+v", got, want)
	}
}

func TestSnapshotJSONRoundTrip(t *testing.T) {
	for _, d := range []*dossier.Dossier{norwegian(t0), finnish(t1), swedish(t1)} {
		s := SnapshotOf(d)
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back Snapshot
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back, s) {
			t.Errorf("round trip\n got %+v\nwant %+v", back, s)
		}
		if got := Diff(s, back); len(got) != 0 {
			t.Errorf("Diff across the round trip: %+v", got)
		}
	}
}

func TestPositionLine(t *testing.T) {
	cases := []struct {
		p    dossier.Position
		want string
	}{
		{position("eier", "int1", "dire"), "ownership 25–49.99 % direct"},
		{position("KONT", "int3", "indi"), "control of votes 75–100 % indirect"},
		{dossier.Position{Type: dossier.Code{Code: "posisjontype.anne"}, Other: " styreavtale ",
			Basis: []dossier.Code{{Code: "grunnlagtype.enav"}}}, "control by other means by agreement (styreavtale)"},
		{dossier.Position{Type: dossier.Code{Code: "posisjontype.ruas"}, Basis: []dossier.Code{{Code: "grunnlagtype.indi"}},
			Intermediates: []dossier.UnitRef{{Number: "922222222"}, {Number: "911111111"}}}, "right to appoint board members indirect via 911111111, 922222222"},
		{dossier.Position{Type: dossier.Code{Code: "posisjontype.ny", Description: "Ny posisjon"}}, "Ny posisjon"},
	}
	for _, tc := range cases {
		if got := positionLine(tc.p); got != tc.want {
			t.Errorf("positionLine = %q, want %q", got, tc.want)
		}
	}
}

func TestDuplicateExemptOwners(t *testing.T) {
	d := norwegian(t0)
	ex := dossier.BeneficialOwner{Exempt: true, BirthYear: "1960", Residence: &dossier.Code{Code: "NOR"}}
	d.Owners.Owners = append(d.Owners.Owners, ex, ex)
	s := SnapshotOf(d)
	var keys []string
	for _, o := range s.Owners {
		keys = append(keys, o.Key)
	}
	want := []string{"exempt:1960|NOR", "exempt:1960|NOR#2", "person:kari nordmann|1970-01-01"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	n := norwegian(time.Time{})
	n.Owners.Owners = append(n.Owners.Owners, ex)
	got := Diff(s, SnapshotOf(n))
	if len(got) != 1 || got[0].Reason != ReasonBeneficialOwnerGone || got[0].Old != "exempt from disclosure" {
		t.Errorf("one exempt owner of two gone: %+v", got)
	}
}

func TestKeep(t *testing.T) {
	full := SnapshotOf(norwegian(t0))
	noRoles := norwegian(t0)
	noRoles.Roles = nil
	emptyRoles := SnapshotOf(noRoles)

	unread := norwegian(t1)
	unread.Company, unread.Roles, unread.Owners, unread.AML = nil, nil, nil, nil
	for i := range unread.Sources {
		unread.Sources[i].Status = dossier.StatusFailed
	}
	rolesUnread := norwegian(t1)
	rolesUnread.Roles = nil
	rolesUnread.Sources[0].Missing = []dossier.Part{dossier.PartRoles}
	rolesUnread.Sources[1].Status = dossier.StatusFailed

	cases := []struct {
		name      string
		now, prev Snapshot
		want      Snapshot
	}{
		{"nothing read keeps everything", SnapshotOf(unread), full, func() Snapshot { s := full; s.Taken = t1; return s }()},
		{"an empty part known before is kept", SnapshotOf(rolesUnread), emptyRoles, func() Snapshot { s := emptyRoles; s.Taken = t1; return s }()},
		{"what was read wins", SnapshotOf(norwegian(t1)), emptyRoles, SnapshotOf(norwegian(t1))},
		{"nothing known before", SnapshotOf(unread), Snapshot{}, SnapshotOf(unread)},
	}
	for _, tc := range cases {
		got := tc.now.Keep(tc.prev)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, got, tc.want)
		}
		if d := Diff(tc.prev, got); tc.name != "what was read wins" && len(d) != 0 {
			t.Errorf("%s: kept snapshot differs from the last: %+v", tc.name, d)
		}
	}
	// A board read again after a check that could not read it is compared
	// with the last board known.
	kept := SnapshotOf(rolesUnread).Keep(emptyRoles)
	if d := Diff(kept, SnapshotOf(norwegian(t1))); len(d) == 0 {
		t.Error("the board read again made no change against the kept empty board")
	}
}
