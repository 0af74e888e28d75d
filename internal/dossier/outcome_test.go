package dossier

import (
	"slices"
	"testing"
	"time"
)

func TestOutcome(t *testing.T) {
	src := func(id string, s Status) Source { return Source{ID: id, Status: s} }
	tests := []struct {
		name    string
		sources []Source
		want    Outcome
	}{
		{"found", []Source{src("brreg", StatusFound), src("grunndata", StatusFailed), src("rrh", StatusNotFound)}, OutcomeAnswered},
		{"deleted", []Source{src("brreg", StatusDeleted)}, OutcomeAnswered},
		{"owners only, from the copy", []Source{src("brreg", StatusFailed), src("rrh", StatusOffline)}, OutcomeAnswered},
		{"not found", []Source{src("brreg", StatusNotFound), src("grunndata", StatusNotFound), src("rrh", StatusNotFound)}, OutcomeNotFound},
		{"not found, one failed", []Source{src("brreg", StatusNotFound), src("grunndata", StatusFailed)}, OutcomeNotFound},
		{"every source failed", []Source{src("brreg", StatusFailed), src("grunndata", StatusFailed), src("rrh", StatusFailed)}, OutcomeUnreachable},
		{"failed or no access", []Source{src("brreg", StatusFailed), src("grunndata", StatusNoAccess)}, OutcomeUnreachable},
		{"only the owners register's not found", []Source{src("brreg", StatusFailed), src("rrh", StatusNotFound)}, OutcomeUnreachable},
		{"not asked", []Source{src("registers", StatusSkipped)}, OutcomeNotAsked},
		{"no sources", nil, OutcomeNotAsked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Dossier{Number: "311111116", Sources: tt.sources}
			if got := d.Outcome(); got != tt.want {
				t.Errorf("Outcome() = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestCarryOver(t *testing.T) {
	t1 := time.Date(2026, 11, 12, 13, 2, 0, 0, time.UTC)
	t0 := t1.Add(-48 * time.Hour)
	saved := &Dossier{Number: "311111116", Fetched: t1,
		Company:  &Company{Number: "311111116", Name: "SOLSTRAND INDUSTRIER ASA"},
		Roles:    []Role{{Type: Code{Code: "DAGL"}}},
		SubUnits: []UnitRef{{Number: "310126144"}},
		Owners:   &Owners{Number: "311111116", Owners: []BeneficialOwner{{Name: "Ingrid Solstrand"}}},
		Sources: []Source{{ID: "brreg", Status: StatusFound, Fetched: t1.Add(-time.Second)}, {ID: "grunndata", Status: StatusFound, Fetched: t1},
			{ID: "rrh", Status: StatusFailed, Fetched: t1}},
		// The owners were themselves carried from an earlier lookup.
		Carried: []Carried{{Part: PartOwners, Source: "rrh", Fetched: t0}},
	}
	src := func(id string, s Status) Source { return Source{ID: id, Status: s} }
	tests := []struct {
		name    string
		sources []Source
		company *Company
		saved   *Dossier
		want    []Carried
	}{
		{"nothing answered", []Source{src("brreg", StatusFailed), src("grunndata", StatusFailed), src("rrh", StatusFailed)}, nil, saved,
			[]Carried{{PartCompany, "brreg", t1.Add(-time.Second)}, {PartRoles, "brreg", t1.Add(-time.Second)}, {PartSubUnits, "brreg", t1.Add(-time.Second)}, {PartOwners, "rrh", t0}}},
		{"grunndata answered", []Source{src("brreg", StatusFailed), src("grunndata", StatusFound), src("rrh", StatusNotFound)},
			&Company{Number: "311111116", Name: "SOLSTRAND INDUSTRIER ASA"}, saved,
			[]Carried{{PartSubUnits, "brreg", t1.Add(-time.Second)}}},
		{"grunndata answered with less of the company", []Source{src("brreg", StatusFailed), src("grunndata", StatusFound), src("rrh", StatusFound)},
			&Company{Number: "311111116", Email: "post@solstrand.example"}, saved,
			[]Carried{{PartCompany, "brreg", t1.Add(-time.Second)}, {PartSubUnits, "brreg", t1.Add(-time.Second)}}},
		{"sub-units missing from an answer", []Source{{ID: "brreg", Status: StatusFound, Missing: []Part{PartSubUnits}}, src("rrh", StatusFound)},
			&Company{Number: "311111116", Name: "SOLSTRAND INDUSTRIER ASA"}, saved,
			[]Carried{{PartSubUnits, "brreg", t1.Add(-time.Second)}}},
		{"a true not found", []Source{src("brreg", StatusNotFound), src("grunndata", StatusFailed), src("rrh", StatusNotFound)}, nil, saved, nil},
		{"nothing saved", []Source{src("brreg", StatusFailed)}, nil, nil, nil},
		{"another number saved", []Source{src("brreg", StatusFailed)}, nil, &Dossier{Number: "923609016", Company: &Company{Name: "X"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Dossier{Number: "311111116", Sources: tt.sources, Company: tt.company}
			d.CarryOver(tt.saved)
			if !slices.Equal(d.Carried, tt.want) {
				t.Errorf("carried %+v, want %+v", d.Carried, tt.want)
			}
			for _, c := range tt.want {
				if !d.has(c.Part) {
					t.Errorf("%s carried but not in the dossier", c.Part)
				}
			}
			if tt.company != nil && d.Company.Name != "SOLSTRAND INDUSTRIER ASA" {
				t.Errorf("company %+v not completed from the saved one", d.Company)
			}
			if tt.company == nil && len(tt.want) == 0 && d.Company != nil {
				t.Errorf("company %+v taken from the saved dossier", d.Company)
			}
		})
	}
	// The saved dossier is not changed by the one that carries its parts.
	d := &Dossier{Number: "311111116", Sources: []Source{src("brreg", StatusFailed)}}
	d.CarryOver(saved)
	d.Company.Name, d.Roles[0].Type.Code = "CHANGED", "CHANGED"
	if saved.Company.Name != "SOLSTRAND INDUSTRIER ASA" || saved.Roles[0].Type.Code != "DAGL" {
		t.Errorf("the saved dossier changed with the new one: %+v %+v", saved.Company, saved.Roles)
	}
}
