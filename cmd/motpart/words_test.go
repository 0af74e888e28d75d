package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestLookupPrintsRolesAndOwnersInWords: `lookup` without --json names the
// roles and the beneficial owners' positions in words, never by the
// register's codes.
func TestLookupPrintsRolesAndOwnersInWords(t *testing.T) {
	c := newCLIEnv(t)
	if code, _, errOut := c.run("pw-for-vault\npw-for-vault\n", "vault", "init"); code != 0 {
		t.Fatal(errOut)
	}
	c.env["MOTPART_PASSWORD"] = "pw-for-vault"
	tests := []struct {
		number string
		lines  []string // regular expressions, each matching a whole line
	}{
		{world.RichestOrgNr, []string{
			`Roles:`,
			`  Chief executive +Magnus Solstrand \(born 1965-07-04\)`,
			`  Chair of the board +Ingrid Solstrand \(born 1968-03-12\)`,
			`  Deputy chair of the board +Astrid Bøe \(born 1972-11-23\)`,
			`  Board member +Marit Kvam \(born 1969-08-08\) \(resigned\)`,
			`  Deputy board member +Jonas Vik \(born 1990-08-17\)`,
			`  Contact person +Eline Strand \(born 1985-02-02\)`,
			`  Auditor +NORDKAPP REVISJON AS \(313333337\)`,
			`  Accountant +FJORDLYS REGNSKAP AS \(` + world.FirmOrgNr + `\)`,
			`Beneficial owners: all identified \(registered \d{4}-\d\d-\d\d\)`,
			`  INGRID SOLSTRAND \(128368 \*\*\*\*\*\), born 1968-03-12, lives in Norway +owns 50–74\.99 % indirectly through SOLSTRAND HOLDING AS \(310165352\)`,
			`  Greta Lindqvist, born 1971-09-14, lives in Sweden +can appoint or remove half the board indirectly and by agreement through Norrsken Kapital AB \(Sweden 556677-8899\)`,
		}},
		{world.FamilyOwnedOrgNr, []string{
			`  Chief executive +Solveig Hauge \(born 1979-04-28\)`,
			`  SOLVEIG HAUGE \(288479 \*\*\*\*\*\), born 1979-04-28, lives in Norway +owns 50–74\.99 % directly`,
			`  Exempt from disclosure, born 2012, lives in Norway +owns 25\.01–49\.99 %`,
		}},
	}
	codes := regexp.MustCompile(`\b(DAGL|LEDE|NEST|MEDL|VARA|KONT|REVI|REGN)\b|posisjontype|stoerrelseintervall|grunnlagtype|reellerettighetshaverestatus`)
	for _, tt := range tests {
		t.Run(tt.number, func(t *testing.T) {
			code, out, errOut := c.run("", "lookup", tt.number)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, l := range tt.lines {
				if !regexp.MustCompile(`(?m)^` + l + `$`).MatchString(out) {
					t.Errorf("no line matches %q in:\n%s", l, out)
				}
			}
			if m := codes.FindString(out); m != "" {
				t.Errorf("the register's code %q printed:\n%s", m, out)
			}
		})
	}
}

func TestOwnerWords(t *testing.T) {
	tests := []struct {
		name    string
		owner   dossier.BeneficialOwner
		wantWho string
		wantHow string
	}{
		{"foreign owner by votes",
			dossier.BeneficialOwner{Name: "Aino Virtanen", BirthYear: "1980", Foreign: true, Residence: &dossier.Code{Code: "FIN", Description: "Finland"},
				Positions: []dossier.Position{{Type: dossier.Code{Code: "posisjontype.kont"}, Interval: &dossier.Code{Code: "stoerrelseintervall.int3"}, Basis: []dossier.Code{{Code: "grunnlagtype.dire"}}}}},
			"Aino Virtanen, born 1980, lives in Finland", "controls votes 75–100 % directly"},
		{"two positions",
			dossier.BeneficialOwner{Name: "Ola Nordmann", NationalID: "010180 *****", Deceased: true, Positions: []dossier.Position{
				{Type: dossier.Code{Code: "POSISJONTYPE.EIER"}, Interval: &dossier.Code{Code: "stoerrelseintervall.int1"}},
				{Type: dossier.Code{Code: "posisjontype.anne"}, Other: "aksjonæravtale"}}},
			"Ola Nordmann (010180 *****), deceased", "owns 25.01–49.99 %; controls by other means (aksjonæravtale)"},
		{"code outside the set keeps the register's words",
			dossier.BeneficialOwner{Exempt: true, Residence: &dossier.Code{Code: "XX", Description: "Ukjent land"},
				Positions: []dossier.Position{{Type: dossier.Code{Code: "posisjontype.ny", Description: "Ny posisjon"}}}},
			"Exempt from disclosure, lives in Ukjent land", "Ny posisjon"},
		{"no position", dossier.BeneficialOwner{Name: "Kari"}, "Kari", "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ownerWho(tt.owner); got != tt.wantWho {
				t.Errorf("who %q, want %q", got, tt.wantWho)
			}
			if got := ownerHow(tt.owner); got != tt.wantHow {
				t.Errorf("how %q, want %q", got, tt.wantHow)
			}
		})
	}
	for _, code := range []string{"DAGL", "LEDE", "NEST", "MEDL", "VARA", "REVI", "REGN", "KONT", "DTPR", "DTSO", "INNH"} {
		if got := roleName(dossier.Code{Code: code, Description: "norsk"}); got == "norsk" || strings.ToUpper(got) == got {
			t.Errorf("role %s: %q, want English words", code, got)
		}
	}
	if got := roleName(dossier.Code{Code: "NYKO", Description: "Ny rolle"}); got != "Ny rolle" {
		t.Errorf("unknown role: %q", got)
	}
}
