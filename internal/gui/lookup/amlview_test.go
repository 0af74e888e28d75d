package lookup

import (
	"slices"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
)

func TestScreeningBanner(t *testing.T) {
	tests := []struct {
		name       string
		screening  *dossier.Screening
		noAML      bool
		wantAlarm  []string // the red banner's lines; nil for none
		wantLabel  string   // the line shown instead
		wantAbsent string
	}{
		{"sanctions hit", &dossier.Screening{Lists: []string{"EU", "UN"}, Date: "2026-03-02", Sanctions: []dossier.ScreeningHit{{Name: "Ivan Petrov", List: "EU"}}}, false,
			[]string{"Sanctions hit: Ivan Petrov on EU (screened 2026-03-02)", "Screened against EU, UN. Check the hits before you take the client on."}, "", ""},
		{"PEP", &dossier.Screening{Lists: []string{"EU", "UN", "OFAC"}, Date: "2026-03-01", PEP: []dossier.ScreeningHit{{Name: "Kari Nordmann", Detail: "member of parliament"}}}, false,
			[]string{"Politically exposed person: Kari Nordmann (screened 2026-03-01): member of parliament", "Screened against EU, UN, OFAC. Check the hits before you take the client on."}, "", ""},
		{"no hits", &dossier.Screening{Lists: []string{"EU", "UN"}, Date: "2026-03-02"}, false, nil, "Screened against EU, UN on 2026-03-02: no sanctions or PEP hits.", ""},
		{"no screening", nil, false, nil, "Sanctions and PEP: BankID gave no screening for this company, so it is not known whether there are hits.", "no sanctions or PEP hits"},
		{"no BankID data", nil, true, nil, "", "Sanctions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, d, _, _ := newAMLScreen(t)
			dos := bankIDOnly(amlSE, "SE", "Exempelbolaget AB")
			dos.AML.Screening = tt.screening
			if tt.noAML {
				dos.AML = nil
			}
			d.dossiers[amlSE] = dos
			open(s, amlSE, 0)
			alarm, _ := s.dossier.banner.(*alarmBanner)
			switch {
			case tt.wantAlarm == nil && alarm != nil:
				t.Errorf("a red banner: %q", alarm.Text())
			case tt.wantAlarm != nil && alarm == nil:
				t.Fatal("no red banner")
			case alarm != nil && alarm.Text() != strings.Join(tt.wantAlarm, "\n"):
				t.Errorf("banner %q, want %q", alarm.Text(), tt.wantAlarm)
			}
			if alarm != nil && s.dossier.box.Objects[0] != alarm {
				t.Error("the banner is not at the top of the dossier")
			}
			texts := labelsIn(s.dossier.box)
			if tt.wantLabel != "" && !contains(texts, tt.wantLabel) {
				t.Errorf("the dossier does not say %q", tt.wantLabel)
			}
			for _, text := range texts {
				if tt.wantAbsent != "" && strings.Contains(text, tt.wantAbsent) {
					t.Errorf("the dossier says %q", text)
				}
			}
		})
	}
}

func TestBankIDDataInDossier(t *testing.T) {
	tests := []struct {
		number string
		want   []string
	}{
		{amlSE, []string{"BankID's AML service gave the data below; no register answers for this country yet.", "From BankID", "From BankID, session sess-SE, read 2026-03-02 09:30.", "Exempelbolaget AB", "Anna Berg (born 1970-05-01)", "Shareholders", "Subsidiaries", "60 %"}},
		{amlFI, []string{"From BankID, session sess-FI, read 2026-03-02 09:30.", "Esimerkki Oy"}},
	}
	for _, tt := range tests {
		t.Run(tt.number, func(t *testing.T) {
			s, _, _, _ := newAMLScreen(t)
			open(s, tt.number, 0)
			texts := labelsIn(s.dossier.tabs.Items[0].Content)
			for _, want := range tt.want {
				if !contains(texts, strings.ReplaceAll(want, " %", "\u00a0%")) && !contains(texts, want) {
					t.Errorf("the Company tab does not say %q: %q", want, texts)
				}
			}
			if _, ok := s.dossier.sourceButtons["bankid"]; ok || !contains(texts, "BankID: found") {
				t.Errorf("BankID's source: Ask again %v, texts %q", ok, texts)
			}
			var links []string
			for number := range s.dossier.units {
				links = append(links, number)
			}
			slices.Sort(links)
			if !slices.Equal(links, []string{"0116297-6", "5566778899"}) {
				t.Errorf("links to %v", links)
			}
		})
	}
}
