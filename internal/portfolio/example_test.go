package portfolio_test

import (
	"fmt"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/portfolio"
)

// ExampleDiff compares two lookups of one company: it went bankrupt and
// its auditor resigned, while the owners register could not be asked the
// second time, so nothing is said of its owners.
func ExampleDiff() {
	auditor := dossier.Role{Type: dossier.Code{Code: "REVI", Description: "Revisor"},
		Unit: &dossier.UnitRef{Number: "888888888", Name: "Revisjon AS"}}
	before := &dossier.Dossier{
		Number: "999999999", Country: "NO", Fetched: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Company: &dossier.Company{Number: "999999999", Name: "Fjord Konsult AS"},
		Roles:   []dossier.Role{auditor},
		Owners:  &dossier.Owners{Status: dossier.Code{Code: dossier.OwnersAllIdentified}},
		Sources: []dossier.Source{{ID: dossier.SourceBrreg, Status: dossier.StatusFound}, {ID: dossier.SourceOwners, Status: dossier.StatusFound}},
	}
	after := &dossier.Dossier{
		Number: "999999999", Country: "NO", Fetched: time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC),
		Company: &dossier.Company{Number: "999999999", Name: "Fjord Konsult AS", Bankrupt: true, BankruptDate: "2026-02-01"},
		Sources: []dossier.Source{{ID: dossier.SourceBrreg, Status: dossier.StatusFound}, {ID: dossier.SourceOwners, Status: dossier.StatusFailed}},
	}
	for _, c := range portfolio.Diff(portfolio.SnapshotOf(before), portfolio.SnapshotOf(after)) {
		fmt.Printf("%s: %s (%q → %q, %s, date %q)\n", c.Risk, portfolio.ReasonText(c.Reason), c.Old, c.New, c.Source, c.Date)
	}
	// Output:
	// high: Bankruptcy opened ("" → "bankrupt", brreg, date "2026-02-01")
	// high: Auditor resigned ("Revisjon AS" → "", brreg, date "")
}
