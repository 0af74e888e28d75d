package dossier

import (
	"reflect"
	"testing"
)

func TestMergeKeepsARedirectTargetApart(t *testing.T) {
	const asked, target = "310322199", "310335266"
	brreg := Answer{
		Company: &Company{Number: asked, Name: "FJELLHEIM BYGG AS", Deleted: true},
		Source:  Source{ID: "brreg", Status: StatusDeleted},
	}
	targetRoles := []Role{{Type: Code{Code: "DAGL"}, Person: &Person{Name: "Kari Nordmann"}}}
	tests := []struct {
		code, reason string
	}{
		{"1", "duplicate"},
		{"2", "merged"},
		{"3", "registration_unit"},
	}
	for _, tt := range tests {
		t.Run("code "+tt.code, func(t *testing.T) {
			grunndata := Answer{
				Company: &Company{Number: target, Name: "FJELLHEIM BYGG NY AS", Email: "post@ny.example",
					Phone: "22 22 22 22", BusinessAddress: &Address{Lines: []string{"Nyveien 1"}, City: "OSLO"}},
				Roles:    targetRoles,
				SubUnits: []UnitRef{{Number: "310999999", Name: "NY AVD"}},
				Source: Source{ID: "grunndata", Status: StatusFound, Code: tt.code,
					Redirect: &Redirect{Reason: tt.reason, Code: tt.code, Number: target}},
			}
			for _, order := range [][]Answer{{brreg, grunndata}, {grunndata, brreg}} {
				d := &Dossier{Number: asked}
				d.Merge(order...)
				want := Company{Number: asked, Name: "FJELLHEIM BYGG AS", Deleted: true}
				if d.Company == nil || !reflect.DeepEqual(*d.Company, want) {
					t.Errorf("company %+v, want only the asked unit's facts %+v", d.Company, want)
				}
				if len(d.Roles) != 0 || len(d.SubUnits) != 0 {
					t.Errorf("roles %+v, sub-units %+v of the unit pointed to were filled in", d.Roles, d.SubUnits)
				}
				if len(d.Sources) != 2 {
					t.Fatalf("sources %+v", d.Sources)
				}
				var g Source
				for _, s := range d.Sources {
					if s.ID == "grunndata" {
						g = s
					}
				}
				if g.Redirect == nil || g.Redirect.Number != target || g.Redirect.Name != "FJELLHEIM BYGG NY AS" || g.Redirect.Reason != tt.reason {
					t.Errorf("grunndata's pointer %+v, want %s named FJELLHEIM BYGG NY AS", g.Redirect, target)
				}
			}
			// The answer's own Source is not changed.
			if grunndata.Source.Redirect.Name != "" {
				t.Errorf("Merge changed the answer's Redirect: %+v", grunndata.Source.Redirect)
			}

			// Refreshing the source alone keeps it apart too.
			d := &Dossier{Number: asked}
			d.Merge(brreg)
			d.Update(grunndata, false)
			d.Update(grunndata, true)
			if d.Company.Email != "" || d.Company.BusinessAddress != nil || len(d.Roles) != 0 || len(d.Sources) != 2 {
				t.Errorf("after Update: company %+v, roles %+v, sources %+v", d.Company, d.Roles, d.Sources)
			}
		})
	}
}

func TestMergeFillsFromTheSameUnit(t *testing.T) {
	const n = "311111116"
	emp := 12
	tests := []struct {
		name    string
		answers []Answer
		want    Company
		roles   int
	}{
		{"first gives, second fills", []Answer{
			{Company: &Company{Number: n, Name: "A"}, Source: Source{ID: "brreg", Status: StatusFound}},
			{Company: &Company{Number: n, Name: "B", Email: "e@x", Employees: &emp}, Roles: []Role{{}}, Source: Source{ID: "grunndata", Status: StatusFound}},
		}, Company{Number: n, Name: "A", Email: "e@x", Employees: &emp}, 1},
		{"a failed source gives nothing", []Answer{
			{Source: Source{ID: "brreg", Status: StatusFailed}},
			{Company: &Company{Number: n, Name: "B"}, Source: Source{ID: "grunndata", Status: StatusFound}},
		}, Company{Number: n, Name: "B"}, 0},
		{"facts that do not say whose are not taken", []Answer{
			{Company: &Company{Name: "NOBODY"}, Roles: []Role{{}}, Source: Source{ID: "brreg", Status: StatusFound}},
			{Company: &Company{Number: n, Name: "B"}, Source: Source{ID: "grunndata", Status: StatusFound}},
		}, Company{Number: n, Name: "B"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Dossier{Number: n}
			d.Merge(tt.answers...)
			if d.Company == nil || !reflect.DeepEqual(*d.Company, tt.want) || len(d.Roles) != tt.roles || len(d.Sources) != len(tt.answers) {
				t.Errorf("company %+v (want %+v), %d roles (want %d), sources %+v", d.Company, tt.want, len(d.Roles), tt.roles, d.Sources)
			}
		})
	}
}

func TestUpdate(t *testing.T) {
	const n = "311111116"
	d := &Dossier{Number: n}
	d.Merge(Answer{Source: Source{ID: "brreg", Status: StatusFailed}},
		Answer{Company: &Company{Number: n, Name: "G", Phone: "1"}, Roles: []Role{{Share: "g"}}, Source: Source{ID: "grunndata", Status: StatusFound}})
	d.Update(Answer{Company: &Company{Number: n, Name: "R"}, Roles: []Role{{Share: "r"}}, SubUnits: []UnitRef{{Number: "1"}},
		Source: Source{ID: "brreg", Status: StatusFound}}, true)
	if d.Company.Name != "R" || d.Company.Phone != "1" || d.Roles[0].Share != "r" || len(d.SubUnits) != 1 {
		t.Errorf("after updating the leading source: %+v %+v %+v", d.Company, d.Roles, d.SubUnits)
	}
	if len(d.Sources) != 2 || d.Sources[0].ID != "brreg" || d.Sources[0].Status != StatusFound {
		t.Errorf("sources %+v", d.Sources)
	}
	d.Update(Answer{Company: &Company{Number: n, Name: "G2", Email: "m"}, Source: Source{ID: "grunndata", Status: StatusFound}}, false)
	if d.Company.Name != "R" || d.Company.Email != "m" {
		t.Errorf("after updating a filling source: %+v", d.Company)
	}
}

func TestMaskIdentities(t *testing.T) {
	d := &Dossier{Number: "311111116",
		Roles:  []Role{{Person: &Person{Name: "A", NationalID: "12836810064"}}, {Unit: &UnitRef{Number: "313333337"}}, {Person: &Person{Name: "B"}}},
		Owners: &Owners{Owners: []BeneficialOwner{{Name: "C", NationalID: "04916898765"}, {Exempt: true}}},
	}
	mask := func(s string) string { return s[:6] + " *****" }
	m := d.MaskIdentities(mask)
	tests := []struct{ got, want string }{
		{m.Roles[0].Person.NationalID, "128368 *****"},
		{m.Roles[2].Person.NationalID, ""},
		{m.Owners.Owners[0].NationalID, "049168 *****"},
		{m.Owners.Owners[1].NationalID, ""},
		{d.Roles[0].Person.NationalID, "12836810064"},
		{d.Owners.Owners[0].NationalID, "04916898765"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: %q, want %q", i, tt.got, tt.want)
		}
	}
}
