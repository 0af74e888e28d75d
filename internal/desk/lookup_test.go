package desk

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
)

// TestLookupKeepsWhatWasNotAnswered looks the richest unit up while every
// source answers, then again with some sources down: what the sources that
// answered said replaces the saved parts, and the rest keeps its last known
// value with the date it was fetched.
func TestLookupKeepsWhatWasNotAnswered(t *testing.T) {
	first := testNow
	later := testNow.Add(36 * time.Hour)
	allParts := []dossier.Part{dossier.PartCompany, dossier.PartRoles, dossier.PartSubUnits, dossier.PartOwners}
	tests := []struct {
		name    string
		down    []string
		outcome dossier.Outcome
		carried []dossier.Part // the parts kept from the first lookup
		saved   time.Time      // the saved dossier's date afterwards
	}{
		{"every source answers", nil, dossier.OutcomeAnswered, nil, later},
		{"no source answers", []string{"brreg", "grunndata", "rrh"}, dossier.OutcomeUnreachable, allParts, first},
		{"only the owners register answers", []string{"brreg", "grunndata"}, dossier.OutcomeAnswered,
			[]dossier.Part{dossier.PartCompany, dossier.PartRoles, dossier.PartSubUnits}, later},
		{"the owners register is down", []string{"rrh"}, dossier.OutcomeAnswered, []dossier.Part{dossier.PartOwners}, later},
		// grunndataWS gives the company but not its form: that is kept.
		{"Enhetsregisteret is down", []string{"brreg"}, dossier.OutcomeAnswered, []dossier.Part{dossier.PartCompany, dossier.PartSubUnits}, later},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, c := newFakeDesk(t)
			now := first
			d.cfg.Now = func() time.Time { return now }
			ctx := context.Background()
			if _, err := d.Lookup(ctx, fakeRichest); err != nil {
				t.Fatal(err)
			}
			now = later
			c.down = map[string]bool{}
			for _, id := range tt.down {
				c.down[id] = true
			}
			dos, err := d.Lookup(ctx, fakeRichest)
			if err != nil {
				t.Fatal(err)
			}
			if got := dos.Outcome(); got != tt.outcome {
				t.Errorf("outcome %s, want %s", got, tt.outcome)
			}
			// Nothing is lost: every part of the first lookup is still there.
			if dos.Company == nil || dos.Company.Name != "SOLSTRAND INDUSTRIER ASA" || dos.Company.Email != "post@solstrand.example" || dos.Company.Form.Code != "ASA" ||
				len(dos.Roles) != 1 || len(dos.SubUnits) != 1 || dos.Owners == nil || len(dos.Owners.Owners) != 2 {
				t.Errorf("the second lookup lost data: company %+v, %d roles, %d sub-units, owners %+v", dos.Company, len(dos.Roles), len(dos.SubUnits), dos.Owners)
			}
			var carried []dossier.Part
			for _, cp := range dos.Carried {
				carried = append(carried, cp.Part)
				if !cp.Fetched.Equal(first) {
					t.Errorf("%s carried with the date %v, want %v", cp.Part, cp.Fetched, first)
				}
			}
			if !slices.Equal(carried, tt.carried) {
				t.Errorf("carried %v, want %v", carried, tt.carried)
			}
			if len(tt.carried) > 0 && !dos.LastKnown().Equal(first) {
				t.Errorf("last known %v, want %v", dos.LastKnown(), first)
			}
			for _, id := range tt.down {
				if s := fakeSource(t, dos, id); s.Status != dossier.StatusFailed {
					t.Errorf("%s: %s, want failed", id, s.Status)
				}
			}
			saved, err := d.savedDossier(fakeRichest)
			if err != nil {
				t.Fatal(err)
			}
			if !saved.Fetched.Equal(tt.saved) || saved.Company == nil || saved.Company.Name != "SOLSTRAND INDUSTRIER ASA" || len(saved.Roles) != 1 || saved.Owners == nil {
				t.Errorf("saved dossier of %v: %+v", saved.Fetched, saved)
			}
			hist, err := d.History()
			if err != nil || len(hist) != 1 || hist[0].Name != "SOLSTRAND INDUSTRIER ASA" || !hist[0].Fetched.Equal(tt.saved) {
				t.Errorf("history %+v, %v", hist, err)
			}
		})
	}
}

// TestLookupAnswersReplace: a true "not found" or "deleted" is an answer,
// not a failure, and replaces the saved data.
func TestLookupAnswersReplace(t *testing.T) {
	tests := []struct {
		name    string
		brreg   dossier.Answer
		outcome dossier.Outcome
		company string
	}{
		{"not found", dossier.Answer{Source: dossier.Source{ID: "brreg", Status: dossier.StatusNotFound}}, dossier.OutcomeNotFound, ""},
		{"deleted", dossier.Answer{Company: &dossier.Company{Number: fakeRichest, Name: "SOLSTRAND INDUSTRIER ASA", Deleted: true},
			Source: dossier.Source{ID: "brreg", Status: dossier.StatusDeleted, Date: "2026-11-27"}}, dossier.OutcomeAnswered, "SOLSTRAND INDUSTRIER ASA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, c := newFakeDesk(t)
			ctx := context.Background()
			if _, err := d.Lookup(ctx, fakeRichest); err != nil {
				t.Fatal(err)
			}
			c.brreg[fakeRichest] = tt.brreg
			delete(c.grunndata, fakeRichest)
			delete(c.owners, fakeRichest)
			dos, err := d.Lookup(ctx, fakeRichest)
			if err != nil {
				t.Fatal(err)
			}
			name := ""
			if dos.Company != nil {
				name = dos.Company.Name
			}
			if dos.Outcome() != tt.outcome || name != tt.company || len(dos.Roles) != 0 || len(dos.SubUnits) != 0 || dos.Owners != nil || len(dos.Carried) != 0 {
				t.Errorf("outcome %s, company %q, %d roles, %d sub-units, owners %v, carried %v; want %s, %q and nothing else",
					dos.Outcome(), name, len(dos.Roles), len(dos.SubUnits), dos.Owners, dos.Carried, tt.outcome, tt.company)
			}
		})
	}
}

// TestRefreshKeepsWhatWasNotAnswered asks the owners register again while
// it is down: the owners stay, dated from the lookup that gave them.
func TestRefreshKeepsWhatWasNotAnswered(t *testing.T) {
	d, c := newFakeDesk(t)
	now := testNow
	d.cfg.Now = func() time.Time { return now }
	ctx := context.Background()
	if _, err := d.Lookup(ctx, fakeRichest); err != nil {
		t.Fatal(err)
	}
	now = testNow.Add(time.Hour)
	c.down = map[string]bool{"rrh": true}
	dos, err := d.RefreshSource(ctx, fakeRichest, "rrh")
	if err != nil {
		t.Fatal(err)
	}
	cp, ok := dos.CarriedPart(dossier.PartOwners)
	if dos.Owners == nil || len(dos.Owners.Owners) != 2 || !ok || !cp.Fetched.Equal(testNow) || fakeSource(t, dos, "rrh").Status != dossier.StatusFailed {
		t.Errorf("owners %+v, carried %+v (%v), want the 2 owners of %v", dos.Owners, cp, ok, testNow)
	}
	c.down = nil
	now = testNow.Add(2 * time.Hour)
	if dos, err = d.RefreshSource(ctx, fakeRichest, "rrh"); err != nil || len(dos.Carried) != 0 {
		t.Errorf("after the register answers again: carried %+v, %v", dos.Carried, err)
	}
}
