package lookup

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guitest"
)

// finnishDossier is a Finnish company as PRH gives it: renamed, with a
// Swedish parallel name, in liquidation.
func finnishDossier() *dossier.Dossier {
	return &dossier.Dossier{Number: "0116297-6", Country: "FI", Fetched: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC),
		Company: &dossier.Company{Number: "0116297-6", Name: "Kuusiston Kone Oy", Form: dossier.Code{Code: "16", Description: "Osakeyhtiö"},
			UnderLiquidation: true, Website: "www.kuusistonkone.example.fi",
			Finnish: &dossier.FinnishFacts{EUID: "FIFPRO.0116297-6", Names: []dossier.FinnishName{
				{Name: "Kuusiston Konepaja Oy", Kind: dossier.NameTrade, Type: "1", From: "1978-04-12", To: "2009-12-31"},
				{Name: "Kuusiston Kone Oy", Kind: dossier.NameTrade, Type: "1", From: "2010-01-01"},
				{Name: "Kuusisto Maskin Ab", Kind: dossier.NameParallel, Type: "2", From: "1995-09-01"},
			}}},
		Sources: []dossier.Source{{ID: "prh", Status: dossier.StatusFound}}}
}

func TestCompanyTabOfAFinnishCompany(t *testing.T) {
	tests := []struct {
		lang string
		want []string
	}{
		{"fi", []string{"EU-tunniste", "FIFPRO.0116297-6", "Muut nimet", "Kuusisto Maskin Ab", "Aiemmat nimet", "Kuusiston Konepaja Oy (31.12.2009 asti)"}},
		{"sv", []string{"EU-id", "Andra namn", "Tidigare namn", "Kuusiston Konepaja Oy (till 2009-12-31)"}},
		{"en", []string{"EU ID", "Other names", "Earlier names"}},
	}
	for _, tt := range tests {
		v := showIn(t, tt.lang, finnishDossier())
		texts := guitest.TextsIn(v.tabs.Items[0].Content)
		for _, want := range tt.want {
			if !slices.Contains(texts, want) {
				t.Errorf("%s: no %q in\n%s", tt.lang, want, strings.Join(texts, "\n"))
			}
		}
	}
}
