package setup

import (
	"context"
	"slices"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/sandbox"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestFinnishLookupOnTheSandbox looks up each kind of Finnish company of
// the sandbox world through PRH's simulator, over TLS, and checks the
// dossier's facts, badges and history as saved.
func TestFinnishLookupOnTheSandbox(t *testing.T) {
	d := newLookupDesk(t)
	ctx := context.Background()
	tests := []struct {
		name     string
		number   string
		status   dossier.Status
		wantName string
		standing dossier.Standing
		check    func(t *testing.T, c *dossier.Company)
	}{
		{"active, with a Swedish parallel name", world.FIShowcaseYTunnus, dossier.StatusFound, "Kuusiston Kone Oy", dossier.StandingActive, func(t *testing.T, c *dossier.Company) {
			fi := c.Finnish
			if c.Form.Code != "16" || c.Website != "www.kuusistonkone.example.fi" || !c.InBusinessRegister || !c.InVATRegister ||
				fi.EUID != "FIFPRO.0116297-6" || len(fi.Names) != 3 || fi.Names[1].Name != "Kuusisto Maskin Ab" || fi.Names[1].Kind != dossier.NameParallel {
				t.Errorf("company %+v, Finnish %+v", c, fi)
			}
			if c.BusinessAddress == nil || c.BusinessAddress.City != "HELSINKI" || c.PostalAddress == nil || c.PostalAddress.Lines[0] != "PL 112" {
				t.Errorf("addresses %+v %+v", c.BusinessAddress, c.PostalAddress)
			}
			if len(c.Industry) != 1 || c.Industry[0].Code != "28220" {
				t.Errorf("industry %+v", c.Industry)
			}
		}},
		{"in liquidation", world.FILiquidationYTunnus, dossier.StatusFound, "Saimaan Satama Oy", dossier.StandingLiquidation, func(t *testing.T, c *dossier.Company) {
			if len(c.Finnish.Situations) != 1 || c.Finnish.Situations[0].Kind != dossier.SituationLiquidation || c.Finnish.Situations[0].From != "2026-05-04" {
				t.Errorf("situations %+v", c.Finnish.Situations)
			}
		}},
		{"bankrupt after a restructuring", world.FIBankruptYTunnus, dossier.StatusFound, "Lapin Rakennus Oy", dossier.StandingBankrupt, func(t *testing.T, c *dossier.Company) {
			if c.BankruptDate != "2025-11-20" || c.UnderLiquidation || len(c.Finnish.Situations) != 2 || c.Finnish.Situations[0].To != "2025-06-30" {
				t.Errorf("company %+v, situations %+v", c, c.Finnish.Situations)
			}
		}},
		{"deregistered", world.FIDeregisteredYTunnus, dossier.StatusDeleted, "Vanha Kauppahuone Ky", dossier.StandingDeleted, func(t *testing.T, c *dossier.Company) {
			if c.DeletedDate != "2023-12-31" || c.InBusinessRegister || c.Form.Code != "13" {
				t.Errorf("company %+v", c)
			}
		}},
		{"a Swedish-language name", world.FISwedishYTunnus, dossier.StatusFound, "Skärgårdens Båtvarv Ab", dossier.StandingActive, func(t *testing.T, c *dossier.Company) {
			if c.BusinessAddress == nil || c.BusinessAddress.Lines[0] != "Strandvägen 2" {
				t.Errorf("address %+v", c.BusinessAddress)
			}
		}},
		{"renamed twice", world.FIRenamedYTunnus, dossier.StatusFound, "Tunturi Data Oy", dossier.StandingActive, func(t *testing.T, c *dossier.Company) {
			var earlier []string
			for _, n := range c.Finnish.Names {
				if n.To != "" {
					earlier = append(earlier, n.Name+" until "+n.To)
				}
			}
			if len(earlier) != 2 || earlier[0] != "Pohjolan Ohjelmisto Oy until 2019-08-31" || earlier[1] != "Tunturisoft Oy until 2024-02-29" {
				t.Errorf("earlier names %v", earlier)
			}
		}},
		{"BankID's Finnish company keeps its name", world.FIPEPYTunnus, dossier.StatusFound, "Revontuli Metsä Oy", dossier.StandingActive, nil},
		{"not in the register", world.FINotInRegisterYTunnus, dossier.StatusNotFound, "", dossier.StandingActive, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := ident.Parse(tt.number, ident.Options{Country: ident.CountryFI})
			if err != nil {
				t.Fatal(err)
			}
			if err := d.CanAnswer(n); err != nil {
				t.Fatalf("CanAnswer: %v", err)
			}
			dos, err := d.Lookup(ctx, tt.number)
			if err != nil {
				t.Fatal(err)
			}
			src := source(t, dos, "prh")
			if src.Status != tt.status {
				t.Fatalf("prh %s, want %s: %+v", src.Status, tt.status, src)
			}
			if tt.wantName == "" {
				if dos.Company != nil {
					t.Errorf("company %+v", dos.Company)
				}
				return
			}
			if dos.Company == nil || dos.Company.Name != tt.wantName || dos.Company.Standing() != tt.standing || dos.Country != "FI" {
				t.Fatalf("company %+v, want %q %q", dos.Company, tt.wantName, tt.standing)
			}
			if tt.check != nil {
				tt.check(t, dos.Company)
			}
			saved, err := d.SavedDossier(tt.number)
			if err != nil || saved.Company == nil || saved.Company.Finnish == nil || saved.Company.Name != tt.wantName {
				t.Fatalf("saved %+v, %v", saved, err)
			}
			hist, err := d.History()
			if err != nil || len(hist) == 0 || hist[0].Number != tt.number || hist[0].Name != tt.wantName || hist[0].Standing != tt.standing {
				t.Errorf("history %+v, %v", hist, err)
			}
		})
	}
}

// TestSearchFinnishByName: the name search finds PRH's companies after
// Enhetsregisteret's units, by earlier names too.
func TestSearchFinnishByName(t *testing.T) {
	d := newLookupDesk(t)
	ctx := context.Background()
	tests := []struct {
		query  string
		number string
		name   string
		badges []dossier.Badge
	}{
		{"tunturisoft", world.FIRenamedYTunnus, "Tunturi Data Oy", nil},
		{"lapin rakennus", world.FIBankruptYTunnus, "Lapin Rakennus Oy", []dossier.Badge{dossier.BadgeBankrupt}},
		{"fjordlys", world.FIFirmYTunnus, "Fjordlys Tilitoimisto Oy", nil},
	}
	for _, tt := range tests {
		res, err := d.SearchByName(ctx, tt.query)
		if err != nil {
			t.Fatalf("%s: %v", tt.query, err)
		}
		last := res.Hits[len(res.Hits)-1]
		if last.Number != tt.number || last.Country != "FI" || last.Name != tt.name || !slices.Equal(last.Badges, tt.badges) || last.Municipality == "" {
			t.Errorf("%s: last hit %+v", tt.query, last)
		}
	}
}

// TestFinnishLookupTwice: a second lookup that PRH answers carries
// nothing over from the first; one PRH does not answer keeps the first's
// company as last known.
func TestFinnishLookupTwice(t *testing.T) {
	d := newLookupDesk(t)
	ctx := context.Background()
	for range 2 {
		dos, err := d.Lookup(ctx, world.FIShowcaseYTunnus)
		if err != nil {
			t.Fatal(err)
		}
		if len(dos.Carried) != 0 {
			t.Errorf("carried %+v", dos.Carried)
		}
	}
	sb, err := d.Sandbox(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sb.SetFault(sandbox.ServicePRH, sandbox.Fault{Status: 500})
	dos, err := d.Lookup(ctx, world.FIShowcaseYTunnus)
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := dos.CarriedPart(dossier.PartCompany); !ok || c.Source != "prh" || dos.Company == nil || dos.Company.Name != "Kuusiston Kone Oy" {
		t.Errorf("carried %+v, company %+v", dos.Carried, dos.Company)
	}
}

// TestFinnishLookupPRHDown: a PRH that fails leaves a failed source, not
// a dossier of another register.
func TestFinnishLookupPRHDown(t *testing.T) {
	d := newLookupDesk(t)
	ctx := context.Background()
	sb, err := d.Sandbox(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sb.SetFault(sandbox.ServicePRH, sandbox.Fault{Status: 500})
	dos, err := d.Lookup(ctx, world.FIShowcaseYTunnus)
	if err != nil {
		t.Fatal(err)
	}
	if src := source(t, dos, "prh"); src.Status != dossier.StatusFailed || src.Code != "http_500" {
		t.Errorf("prh %+v", src)
	}
	// Refreshing PRH after it recovers gives the company.
	sb.SetFault(sandbox.ServicePRH, sandbox.Fault{})
	dos, err = d.RefreshSource(ctx, world.FIShowcaseYTunnus, "prh")
	if err != nil || dos.Company == nil || dos.Company.Name != "Kuusiston Kone Oy" {
		t.Fatalf("refreshed %+v, %v", dos, err)
	}
}
