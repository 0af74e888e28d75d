package dossier

import "testing"

func TestStanding(t *testing.T) {
	tests := []struct {
		name    string
		company *Company
		want    Standing
	}{
		{"none", nil, StandingActive},
		{"active", &Company{Name: "A"}, StandingActive},
		{"deleted and bankrupt", &Company{Deleted: true, Bankrupt: true}, StandingDeleted},
		{"bankrupt", &Company{Bankrupt: true, UnderLiquidation: true}, StandingBankrupt},
		{"liquidation", &Company{UnderLiquidation: true}, StandingLiquidation},
		{"forced dissolution", &Company{UnderForcedDissolution: true}, StandingForcedDissolution},
		{"closed sub-unit", &Company{SubUnit: true, ClosedDate: "2020-01-31"}, StandingClosed},
	}
	for _, tt := range tests {
		if got := tt.company.Standing(); got != tt.want {
			t.Errorf("%s: standing %q, want %q", tt.name, got, tt.want)
		}
	}
}
