package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
)

// TestPrintDossierSaysWhatTheRegistersSaid: before issue 11 the command
// line printed a closed unit with no status, resigned role holders as
// current, and a 404 of the owners register without the register's words
// or a follow-up.
func TestPrintDossierSaysWhatTheRegistersSaid(t *testing.T) {
	for _, tc := range []struct {
		name string
		dos  dossier.Dossier
		want []string
	}{
		{name: "closed sub-unit",
			dos:  dossier.Dossier{Number: "974760673", Company: &dossier.Company{Number: "974760673", Name: "AVDELING", ClosedDate: "2024-05-31"}},
			want: []string{"Status:", "closed on 2024-05-31"}},
		{name: "closed sub-unit in the list",
			dos: dossier.Dossier{Number: "313513408", Company: &dossier.Company{Number: "313513408", Name: "TENOR AS"},
				SubUnits: []dossier.UnitRef{{Number: "310219622", Name: "FILIAL", ClosedDate: "2023-01-31"}}},
			want: []string{"310219622 FILIAL (closed on 2023-01-31)"}},
		{name: "resigned holders",
			dos: dossier.Dossier{Number: "313513408", Company: &dossier.Company{Number: "313513408", Name: "TENOR AS"}, Roles: []dossier.Role{
				{Type: dossier.Code{Code: "MEDL"}, Person: &dossier.Person{Name: "Ola Olsen"}, Resigned: true, ResignedCode: "K", ResignedText: "Fratrådt"},
				{Type: dossier.Code{Code: "VARA"}, Person: &dossier.Person{Name: "Kari Nordmann"}, Resigned: true},
			}},
			want: []string{`Ola Olsen (resigned; register code K, whose meaning is not documented; "Fratrådt")`, "Kari Nordmann (resigned)"}},
		{name: "owners 404",
			dos: dossier.Dossier{Number: "313513408", Company: &dossier.Company{Number: "313513408", Name: "TENOR AS"}, Sources: []dossier.Source{
				{ID: "rrh", Status: dossier.StatusNotFound, Code: "not_required", RegisterText: "Virksomheten har ikke registrert reelle rettighetshavere",
					FollowUp: &dossier.FollowUp{Reason: dossier.FollowUpOwnersNotRegistered, Message: "Find out why."}}}},
			want: []string{`the register said: "Virksomheten har ikke registrert reelle rettighetshavere"`, "FOLLOW UP (owners_not_registered): Find out why."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			printDossier(&session{stdout: &out}, &tc.dos)
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("no %q in\n%s", w, out.String())
				}
			}
		})
	}
}
