package setup

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/sandbox"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestLookupKeepsTheLastKnownData looks the richest unit up on the
// sandbox, then again while its services fail: the saved dossier keeps its
// data and its date, and a partial answer keeps the saved parts the
// registers did not answer for, dated.
func TestLookupKeepsTheLastKnownData(t *testing.T) {
	clk := &clock{now: time.Now().UTC()}
	d := newLookupDesk(t, deskOptions{now: clk.Now})
	ctx := context.Background()
	sb, err := d.Sandbox(ctx)
	if err != nil {
		t.Fatal(err)
	}
	first, err := d.Lookup(ctx, world.RichestOrgNr)
	if err != nil || first.Outcome() != dossier.OutcomeAnswered || first.Company == nil || first.Owners == nil || len(first.Roles) == 0 || len(first.SubUnits) == 0 {
		t.Fatalf("first lookup: %+v, %v", first, err)
	}
	t1 := first.Fetched
	clk.Advance(10 * time.Minute)

	tests := []struct {
		name    string
		down    []sandbox.Service
		outcome dossier.Outcome
		carried []dossier.Part
		saved   time.Time // the saved dossier's date afterwards
	}{
		{"every register fails", []sandbox.Service{sandbox.ServiceBrreg, sandbox.ServiceGrunndata, sandbox.ServiceRRH}, dossier.OutcomeUnreachable,
			[]dossier.Part{dossier.PartCompany, dossier.PartRoles, dossier.PartSubUnits, dossier.PartOwners}, t1},
		{"only Enhetsregisteret answers", []sandbox.Service{sandbox.ServiceGrunndata, sandbox.ServiceRRH}, dossier.OutcomeAnswered,
			[]dossier.Part{dossier.PartOwners}, t1.Add(10 * time.Minute)},
		// Enhetsregisteret reads the unit but not its roles (and
		// grunndataWS, the other source of roles, is down): the saved roles
		// stay, dated, instead of an empty list. (The owners register is
		// down too: the sandbox's Maskinporten checks grants against the
		// real clock, which this test's clock has left behind.)
		{"Enhetsregisteret's roles fail", []sandbox.Service{sandbox.ServiceGrunndata, sandbox.ServiceRRH}, dossier.OutcomeAnswered,
			[]dossier.Part{dossier.PartRoles, dossier.PartOwners}, t1.Add(20 * time.Minute)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sb.ClearFaults()
			defer sb.ClearFaults()
			for _, s := range tt.down {
				sb.SetFault(s, sandbox.Fault{Status: 500})
			}
			if tt.name == "Enhetsregisteret's roles fail" {
				clk.Advance(10 * time.Minute)
				sb.SetFault(sandbox.ServiceBrreg, sandbox.Fault{Status: 500, PathSuffix: "/roller"})
			}
			dos, err := d.Lookup(ctx, world.RichestOrgNr)
			if err != nil {
				t.Fatal(err)
			}
			if got := dos.Outcome(); got != tt.outcome {
				t.Errorf("outcome %s, want %s: %+v", got, tt.outcome, dos.Sources)
			}
			var carried []dossier.Part
			for _, c := range dos.Carried {
				carried = append(carried, c.Part)
				if c.Fetched.IsZero() || !c.Fetched.Before(dos.Fetched) {
					t.Errorf("%s carried with the date %v, want one before this lookup's %v", c.Part, c.Fetched, dos.Fetched)
				}
			}
			if !slices.Equal(carried, tt.carried) {
				t.Errorf("carried %v, want %v; sources %+v", carried, tt.carried, dos.Sources)
			}
			if dos.Company == nil || dos.Company.Name != first.Company.Name || len(dos.Roles) != len(first.Roles) ||
				len(dos.SubUnits) != len(first.SubUnits) || dos.Owners == nil || len(dos.Owners.Owners) != len(first.Owners.Owners) {
				t.Errorf("the lookup lost data: %+v", dos)
			}
			saved, err := d.SavedDossier(world.RichestOrgNr)
			if err != nil || !saved.Fetched.Equal(tt.saved) || saved.Company == nil || saved.Company.Name != first.Company.Name || saved.Owners == nil {
				t.Errorf("saved dossier %+v, %v; want the data of %v", saved, err, tt.saved)
			}
			hist, err := d.History()
			if err != nil || len(hist) != 1 || hist[0].Name != first.Company.Name || !hist[0].Fetched.Equal(tt.saved) {
				t.Errorf("history %+v, %v", hist, err)
			}
		})
	}
}
