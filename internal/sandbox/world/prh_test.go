package world

import "testing"

func TestYTunnusValid(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"0116297-6", true},
		{"2345678-0", true},
		{"0116297-5", false},
		{"3050607-1", false}, // remainder 1: never issued
		{"0116297", false},
		{"011629a-6", false},
	}
	for _, tt := range tests {
		if got := YTunnusValid(tt.id); got != tt.want {
			t.Errorf("YTunnusValid(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

// TestFICompanies checks that the world's Finnish companies cover every
// case PRH's simulator must show, and that BankID's Finnish companies are
// among them with the same names.
func TestFICompanies(t *testing.T) {
	w, err := New()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		id   string
		name string
		is   func(c *FICompany) bool
	}{
		{FIShowcaseYTunnus, "Kuusiston Kone Oy", func(c *FICompany) bool { return c.Ended == "" && c.Website != "" && len(c.Names) == 3 }},
		{FILiquidationYTunnus, "Saimaan Satama Oy", func(c *FICompany) bool { return len(c.Situations) == 1 && c.Situations[0].Type == "SELTILA" }},
		{FIBankruptYTunnus, "Lapin Rakennus Oy", func(c *FICompany) bool { return c.Situations[len(c.Situations)-1].Type == "KONK" }},
		{FIDeregisteredYTunnus, "Vanha Kauppahuone Ky", func(c *FICompany) bool { return c.Ended != "" && c.TradeRegisterEnded != "" }},
		{FISwedishYTunnus, "Skärgårdens Båtvarv Ab", func(c *FICompany) bool { return c.Addresses[0].CitySV == "PARGAS" }},
		{FIRenamedYTunnus, "Tunturi Data Oy", func(c *FICompany) bool { return len(c.Names) == 3 && c.Names[0].To != "" }},
	}
	for _, tt := range cases {
		c, ok := w.FICompany(tt.id)
		if !ok || c.Name() != tt.name || !tt.is(c) {
			t.Errorf("%s: %+v, %v; want %q", tt.id, c, ok, tt.name)
		}
	}
	if c, _ := w.FICompany(FIShowcaseYTunnus); c.OwnsNO != CrossHoldingBOrgNr || !owns(w, Party{Foreign: FIShowcaseYTunnus}, CrossHoldingBOrgNr) {
		t.Errorf("%s does not own part of %s", FIShowcaseYTunnus, CrossHoldingBOrgNr)
	}
	if _, ok := w.FICompany(FINotInRegisterYTunnus); ok || !YTunnusValid(FINotInRegisterYTunnus) {
		t.Errorf("%s must be valid and no company", FINotInRegisterYTunnus)
	}
	for _, f := range w.Foreign {
		if f.Country != "FI" {
			continue
		}
		c, ok := w.FICompany(f.Number)
		if !ok || c.Name() != f.Name {
			t.Errorf("BankID's %s %q is not PRH's (%+v)", f.Number, f.Name, c)
		}
	}
}

// owns says whether p holds part of company in w.
func owns(w *World, p Party, company string) bool {
	for _, o := range w.Ownerships {
		if o.Company == company && o.Owner == p && o.Percent > 0 {
			return true
		}
	}
	return false
}
