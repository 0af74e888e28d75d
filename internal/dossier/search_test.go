package dossier

import (
	"slices"
	"testing"
)

func TestHitOf(t *testing.T) {
	tests := []struct {
		name             string
		c                Company
		wantMunicipality string
		wantBadges       []Badge
	}{
		{"in good standing", Company{Number: "311111116", BusinessAddress: &Address{Municipality: "BERGEN"}}, "BERGEN", nil},
		{"postal address when no business address", Company{PostalAddress: &Address{Municipality: "OSLO"}}, "OSLO", nil},
		{"a sub-unit's location", Company{SubUnit: true, LocationAddress: &Address{Municipality: "ASKER"}, PostalAddress: &Address{Municipality: "OSLO"}}, "ASKER", nil},
		{"no address", Company{}, "", nil},
		{"every badge, most serious first", Company{Deleted: true, Bankrupt: true, UnderLiquidation: true, UnderForcedDissolution: true, ClosedDate: "2020-01-01"}, "",
			[]Badge{BadgeDeleted, BadgeBankrupt, BadgeForcedDissolution, BadgeLiquidation, BadgeClosed}},
		{"closed", Company{ClosedDate: "2020-01-01"}, "", []Badge{BadgeClosed}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.c.Name, tt.c.Form, tt.c.Parent = "NAVN AS", Code{Code: "AS", Description: "Aksjeselskap"}, "312345676"
			h := HitOf(&tt.c, "NO")
			if h.Number != tt.c.Number || h.Country != "NO" || h.Name != "NAVN AS" || h.Form.Code != "AS" || h.SubUnit != tt.c.SubUnit || h.Parent != "312345676" {
				t.Errorf("hit %+v", h)
			}
			if h.Municipality != tt.wantMunicipality {
				t.Errorf("municipality %q, want %q", h.Municipality, tt.wantMunicipality)
			}
			if !slices.Equal(h.Badges, tt.wantBadges) {
				t.Errorf("badges %v, want %v", h.Badges, tt.wantBadges)
			}
		})
	}
}
