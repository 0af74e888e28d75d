package guikit

import (
	"testing"

	"github.com/motpart/motpart/internal/dossier"
)

// TestSCBWords: SCB's codes in words, and SCB's own text for a code
// without words here.
func TestSCBWords(t *testing.T) {
	if _, err := ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	code := func(c, d string) dossier.Code { return dossier.Code{Code: c, Description: d} }
	tests := []struct {
		name, got, want string
	}{
		{"status 1", SCBCompanyStatusText(code("1", "Är verksam")), "Active"},
		{"status 9", SCBCompanyStatusText(code("9", "")), "No longer active"},
		{"status unknown", SCBCompanyStatusText(code("5", "Vilande")), "Vilande"},
		{"SKV 2", SCBTaxRegistrationText(code("2", "")), "Not registered with the Swedish Tax Agency; known to SCB another way"},
		{"F-tax 1", SCBRegistrationText(code(" 1 ", "Är registrerad för F-skatt")), "Registered"},
		{"VAT 3", SCBRegistrationText(code("3", "")), "Registered through a representative"},
		{"employer 4", SCBRegistrationText(code("4", "")), "Registered as an embassy"},
		{"F-tax 9", SCBRegistrationText(code("9", "Avregistrerad")), "Deregistered"},
		{"F-tax unknown", SCBRegistrationText(code("7", "")), "7"},
		{"variable sector", SCBVariableName("Sektor, kod"), "Sector"},
		{"variable owner category", SCBVariableName("Ägarkategori"), "Owner category"},
		{"variable SNI", SCBVariableName("Bransch_1P, kod"), "Industry (SNI)"},
		{"variable F-tax", SCBVariableName("Fskattstatus, kod"), "F-tax"},
		{"variable unknown", SCBVariableName(" Andel kvinna "), "Andel kvinna"},
		{"sector 112000", SectorLabel("112000"), "112000 Non-financial corporations"},
		{"sector 121000", SectorLabel("121000"), "121000 Financial corporations"},
		{"sector 131110", SectorLabel("131110"), "131110 General government"},
		{"sector 141000", SectorLabel("141000"), "141000 Households"},
		{"sector 151000", SectorLabel("151000"), "151000 Non-profit institutions serving households"},
		{"sector 200000", SectorLabel("200000"), "200000 Rest of the world"},
		{"sector unknown", SectorLabel("990000"), "990000"},
		{"no sector", SectorLabel(" "), "No sector"},
		{"source", SourceName("scb"), "SCB, business register"},
		{"not subscribed", SCBNotSubscribedText(), "not in your SCB subscription"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	if len(SectorGroupCodes()) != 6 {
		t.Errorf("%d sector groups", len(SectorGroupCodes()))
	}
	for _, c := range SectorGroupCodes() {
		if SectorGroupName(c+"0000") == "" {
			t.Errorf("no words for sector group %s", c)
		}
	}
}
