package report

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ownership"
)

// now is the reports' creation time in the tests.
var now = time.Date(2026, 12, 3, 14, 30, 0, 0, time.UTC)

// samiName holds the Norwegian, Swedish and Finnish letters and the Sámi
// ones, upper and lower case.
const samiName = "Áhkká Čečča Đuođđa Ŋáŋŋa Šiellaš Ŧuŧŧa Žuržža Ørnes Åsen Æra Ärla Öre Bjørnå Sæter Jävrö AS"

// typical is a dossier like a sandbox company's: 6 roles, 3 beneficial
// owners, a 10-node ownership graph, two AML documents, a screening with
// no hits, notes and audit lines.
func typical() Input {
	fetched := time.Date(2026, 12, 3, 14, 20, 5, 0, time.UTC)
	emp := 12
	person := func(name, born string) *dossier.Person {
		return &dossier.Person{Name: name, BirthDate: born}
	}
	d := &dossier.Dossier{
		Number: "311111116", Country: "NO", Fetched: fetched,
		Company: &dossier.Company{
			Number: "311111116", Name: samiName,
			Form:            dossier.Code{Code: "AS", Description: "Aksjeselskap"},
			BusinessAddress: &dossier.Address{Lines: []string{"Storgata 1"}, PostalCode: "9730", City: "KARASJOK", CountryCode: "NO"},
			PostalAddress:   &dossier.Address{Lines: []string{"Postboks 7"}, PostalCode: "9735", City: "KARASJOK", CountryCode: "NO"},
			Industry:        []dossier.Code{{Code: "62.010", Description: "Programmeringstjenester"}},
			Registered:      "2019-04-01", Founded: "2019-03-15", Employees: &emp,
			Capital: "30000 NOK", InBusinessRegister: true, InVATRegister: true,
			Purpose: []string{"Utvikling av programvare for reindrift."},
			Email:   "post@example.no", Website: "www.example.no",
		},
		Roles: []dossier.Role{
			{Group: dossier.Code{Code: "DAGL"}, Type: dossier.Code{Code: "DAGL", Description: "Daglig leder"}, Person: person("Máret Ŋuolla", "1975-02-11"), Since: "2019-04-01"},
			{Group: dossier.Code{Code: "STYR"}, Type: dossier.Code{Code: "LEDE", Description: "Styrets leder"}, Person: person("Ánde Čuđe", "1960-08-30")},
			{Group: dossier.Code{Code: "STYR"}, Type: dossier.Code{Code: "MEDL", Description: "Styremedlem"}, Person: person("Sire Žiŋŋa", "1982-12-01")},
			{Group: dossier.Code{Code: "STYR"}, Type: dossier.Code{Code: "VARA", Description: "Varamedlem"}, Person: person("Per Østli", "1990-05-05")},
			{Group: dossier.Code{Code: "REVI"}, Type: dossier.Code{Code: "REVI", Description: "Revisor"}, Unit: &dossier.UnitRef{Number: "987654321", Name: "Revisjon Nord AS"}},
			{Group: dossier.Code{Code: "REGN"}, Type: dossier.Code{Code: "REGN", Description: "Regnskapsfører"}, Unit: &dossier.UnitRef{Number: "912345678", Name: "Tall og Tromsø AS"}},
		},
		SubUnits: []dossier.UnitRef{
			{Number: "311111124", Name: samiName, Address: &dossier.Address{Lines: []string{"Storgata 1"}, PostalCode: "9730", City: "KARASJOK"}},
		},
		Owners: &dossier.Owners{
			Number: "311111116", Status: dossier.Code{Code: dossier.OwnersAllIdentified},
			Registered: time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC), Source: "online",
			Owners: []dossier.BeneficialOwner{
				{Name: "Máret Ŋuolla", NationalID: "11027512560", BirthDate: "1975-02-11",
					Citizenships: []dossier.Code{{Code: "NOR", Description: "Norge"}}, Residence: &dossier.Code{Code: "NOR", Description: "Norge"},
					Positions: []dossier.Position{{Type: dossier.Code{Code: "posisjontype.eier"}, Interval: &dossier.Code{Code: "stoerrelseintervall.int2"}, Basis: []dossier.Code{{Code: "grunnlagtype.dire"}}}}},
				{Name: "Ánde Čuđe", NationalID: "30086023438", BirthDate: "1960-08-30",
					Positions: []dossier.Position{{Type: dossier.Code{Code: "posisjontype.kont"}, Interval: &dossier.Code{Code: "stoerrelseintervall.int1"}, Basis: []dossier.Code{{Code: "grunnlagtype.indi"}},
						Intermediates: []dossier.UnitRef{{Number: "922222226", Name: "Čuđe Holding AS"}}}}},
				{Exempt: true, BirthYear: "1988",
					Positions: []dossier.Position{{Type: dossier.Code{Code: "posisjontype.ruas"}, Basis: []dossier.Code{{Code: "grunnlagtype.enav"}}}}},
			},
		},
		AML: &dossier.AML{
			SessionID: "sess-0001", Country: "NO", Fetched: fetched.Add(10 * time.Minute),
			Key:          &dossier.AMLKey{Name: samiName, Number: "311111116", Country: "NO", Form: "AS", Registered: "2019-04-01"},
			Shareholders: []dossier.Holding{{Name: "Čuđe Holding AS", OrgNumber: "922222226", Country: "NO", Share: 40}},
			Subsidiaries: []dossier.Holding{{Name: "Guovdageaidnu Data AS", OrgNumber: "933333336", Country: "NO", Share: 100}},
			Screening:    &dossier.Screening{Lists: []string{"EU", "UN", "OFAC"}, Date: "2026-12-03"},
		},
		Sources: []dossier.Source{
			{ID: dossier.SourceBrreg, Status: dossier.StatusFound, Fetched: fetched},
			{ID: dossier.SourceGrunndata, Status: dossier.StatusFound, Fetched: fetched},
			{ID: dossier.SourceOwners, Status: dossier.StatusFound, Fetched: fetched},
		},
	}
	g := &ownership.Graph{Focus: "311111116"}
	add := func(id string, kind ownership.NodeKind, label, detail string) {
		g.AddNode(ownership.Node{ID: id, Kind: kind, Label: label, Detail: detail})
	}
	add("311111116", ownership.Entity, samiName, "311111116")
	add("922222226", ownership.Entity, "Čuđe Holding AS", "922222226")
	add("944444446", ownership.Entity, "Ŋuolla Invest AS", "944444446")
	add("p1", ownership.Person, "Máret Ŋuolla", "1975")
	add("p2", ownership.Person, "Ánde Čuđe", "1960")
	add("p3", ownership.Person, "Sire Žiŋŋa", "1982")
	add("x1", ownership.Exempt, "", "1988")
	add("933333336", ownership.Entity, "Guovdageaidnu Data AS", "933333336")
	add("955555556", ownership.Entity, "Deatnu Drift AS", "955555556")
	add("311111124", ownership.Entity, "KARASJOK", "311111124")
	edge := func(from, to string, in ownership.Interest, direct bool, lo, hi float64) {
		g.AddEdge(ownership.Edge{From: from, To: to, Interest: in, Direct: direct, Share: ownership.Share{Min: lo, Max: hi}})
	}
	edge("944444446", "311111116", ownership.Owns, true, 50, 74.99)
	edge("922222226", "311111116", ownership.Owns, true, 40, 40)
	edge("p1", "944444446", ownership.Owns, true, 100, 100)
	edge("p2", "922222226", ownership.Owns, true, 100, 100)
	edge("p2", "311111116", ownership.Controls, false, 25.01, 49.99)
	edge("p3", "944444446", ownership.Controls, true, 0, 0)
	edge("x1", "311111116", ownership.Controls, true, 0, 0)
	edge("311111116", "933333336", ownership.Owns, true, 100, 100)
	edge("311111116", "955555556", ownership.Owns, true, 60, 60)
	edge("955555556", "922222226", ownership.Owns, true, 10, 10) // a cross-holding
	edge("311111116", "311111124", ownership.Establishment, true, 0, 0)
	return Input{
		Dossier: d, Graph: g,
		Notes: []dossier.Note{
			{ID: "1", Created: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC), Text: "Møte med dagleg leiar; eigarskap stadfesta."},
			{ID: "2", Created: time.Date(2026, 12, 1, 13, 15, 0, 0, time.UTC), Updated: time.Date(2026, 12, 2, 8, 0, 0, 0, time.UTC), Text: "Kontrollert mot BankID AML."},
		},
		Documents: []dossier.Document{
			{ID: "doc-1", OrgNr: "311111116", Kind: dossier.DocumentAML, Country: "NO", SessionID: "sess-0001",
				OrderedAt: fetched.Add(5 * time.Minute), ReadyAt: fetched.Add(7 * time.Minute), Size: 48213,
				SHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
			{ID: "doc-2", OrgNr: "311111116", Kind: dossier.DocumentRegistration, Country: "NO", SessionID: "sess-0001",
				OrderedAt: fetched.Add(5 * time.Minute), ReadyAt: fetched.Add(8 * time.Minute), Size: 23001,
				SHA256: "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"},
		},
		Audit: []AuditLine{
			{Time: fetched, Action: "lookup", Detail: "311111116"},
			{Time: fetched.Add(5 * time.Minute), Action: "aml_order", Detail: "sess-0001"},
			{Time: fetched.Add(9 * time.Minute), Action: "reveal_id", Detail: "owner 1"},
		},
		Firm: "Regnskap Sápmi AS", Person: "Elle Ánte", Version: "1.4.0", Environment: "sandbox",
	}
}

// stress is a dossier with 500 roles and a 200-node graph.
func stress() Input {
	in := typical()
	d := *in.Dossier
	d.Roles = nil
	for i := 0; i < 500; i++ {
		d.Roles = append(d.Roles, dossier.Role{Type: dossier.Code{Code: []string{"MEDL", "VARA", "SIGN", "PROK"}[i%4]},
			Person: &dossier.Person{Name: fmt.Sprintf("Person Šiellaš %03d", i), BirthDate: "1970-01-01"}})
	}
	in.Dossier = &d
	in.Graph = bigGraph(200)
	return in
}

// bigGraph is a graph of n nodes: the focus, owners in layers above it
// and holdings below, with some indirect and controlling edges.
func bigGraph(n int) *ownership.Graph {
	g := &ownership.Graph{Focus: "n0"}
	for i := 0; i < n; i++ {
		kind := ownership.Entity
		if i%5 == 4 {
			kind = ownership.Person
		}
		g.AddNode(ownership.Node{ID: "n" + strconv.Itoa(i), Kind: kind, Label: fmt.Sprintf("Selskap Ŧuŧŧa %d AS", i), Detail: strconv.Itoa(900000000 + i)})
	}
	for i := 1; i < n; i++ {
		parent := "n" + strconv.Itoa((i-1)/3)
		child := "n" + strconv.Itoa(i)
		in := ownership.Owns
		if i%7 == 0 {
			in = ownership.Controls
		}
		if i%2 == 0 {
			g.AddEdge(ownership.Edge{From: child, To: parent, Interest: in, Direct: i%11 != 0, Share: ownership.Share{Min: float64(10 + i%60), Max: float64(10 + i%60)}})
		} else {
			g.AddEdge(ownership.Edge{From: parent, To: child, Interest: in, Direct: true, Share: ownership.Share{Min: 100, Max: 100}})
		}
	}
	return g
}

// hostile is a dossier meant to break the layout: very long names without
// spaces, 500 roles, empty everything else.
func hostile() Input {
	long := strings.Repeat("Ŋ", 400) + " " + strings.Repeat("Ž", 3000)
	d := &dossier.Dossier{Number: strings.Repeat("9", 200), Company: &dossier.Company{Name: long, Purpose: []string{long, long}}}
	for i := 0; i < 500; i++ {
		d.Roles = append(d.Roles, dossier.Role{Type: dossier.Code{Code: long}, Person: &dossier.Person{Name: long}})
	}
	g := &ownership.Graph{Focus: "a"}
	g.AddNode(ownership.Node{ID: "a", Kind: ownership.Entity, Label: long, Detail: long})
	g.AddNode(ownership.Node{ID: "b", Kind: ownership.Unknown})
	g.AddEdge(ownership.Edge{From: "b", To: "a", Interest: ownership.Owns, Direct: true})
	return Input{Dossier: d, Graph: g, Firm: long, Person: long, Notes: []dossier.Note{{Text: long}},
		Audit: []AuditLine{{Action: long, Detail: long}}, Documents: []dossier.Document{{Kind: long, SHA256: long}}}
}

// poppler runs one of poppler's tools on pdf and returns its output; the
// test is skipped when the tool is not installed (make test installs it).
func poppler(t *testing.T, pdf []byte, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s is not installed (poppler-utils; make test installs it)", tool)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, append(args, file, "-")...).CombinedOutput()
	if tool == "pdfinfo" || tool == "pdffonts" {
		out, err = exec.Command(tool, append(args, file)...).CombinedOutput()
	}
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
	return string(out)
}
