package portfolio

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
)

var (
	t0 = time.Date(2026, 1, 10, 8, 0, 0, 0, time.UTC)
	t1 = time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC)
)

// person and unit are role holders.
func person(typ, text, name, born, since string) dossier.Role {
	return dossier.Role{Type: dossier.Code{Code: typ, Description: text}, Person: &dossier.Person{Name: name, BirthDate: born}, Since: since}
}

func unit(typ, text, number, name, since string) dossier.Role {
	return dossier.Role{Type: dossier.Code{Code: typ, Description: text}, Unit: &dossier.UnitRef{Number: number, Name: name}, Since: since}
}

func position(typ, interval, basis string) dossier.Position {
	p := dossier.Position{Type: dossier.Code{Code: "posisjontype." + typ}, Basis: []dossier.Code{{Code: "grunnlagtype." + basis}}}
	if interval != "" {
		p.Interval = &dossier.Code{Code: "stoerrelseintervall." + interval}
	}
	return p
}

// norwegian is a Norwegian dossier every source answered in full.
func norwegian(at time.Time) *dossier.Dossier {
	return &dossier.Dossier{
		Number: "999999999", Country: "NO", Fetched: at,
		Company: &dossier.Company{
			Number: "999999999", Name: "Fjord Konsult AS",
			BusinessAddress: &dossier.Address{Lines: []string{"Storgata 1"}, PostalCode: "0155", City: "OSLO", CountryCode: "NO"},
			PostalAddress:   &dossier.Address{Lines: []string{"Postboks 7"}, PostalCode: "0101", City: "OSLO", CountryCode: "NO"},
			Industry:        []dossier.Code{{Code: "62.010", Description: "Programmeringstjenester"}},
		},
		Roles: []dossier.Role{
			person("LEDE", "Styrets leder", "Kari Nordmann", "1970-01-01", "2020-01-01"),
			person("MEDL", "Styremedlem", "Ola Hansen", "1980-02-02", "2020-01-01"),
			person("DAGL", "Daglig leder", "Per Olsen", "1975-03-03", "2019-05-05"),
			unit("REVI", "Revisor", "888888888", "Revisjon AS", "2018-01-01"),
			unit("REGN", "Regnskapsfører", "777777777", "Regnskap AS", "2018-01-01"),
			person("SIGN", "Signatur", "Kari Nordmann", "1970-01-01", "2020-01-01"),
			person("PROK", "Prokura", "Per Olsen", "1975-03-03", "2020-01-01"),
			person("KONT", "Kontaktperson", "Lise Berg", "1990-04-04", "2021-01-01"),
		},
		Owners: &dossier.Owners{
			Number: "999999999", Status: dossier.Code{Code: dossier.OwnersAllIdentified},
			Registered: time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC), Source: "online",
			Owners: []dossier.BeneficialOwner{
				{Name: "Kari Nordmann", BirthDate: "1970-01-01", Positions: []dossier.Position{position("eier", "int2", "dire")}},
			},
		},
		AML: &dossier.AML{
			SessionID: "s1", Country: "NO", Fetched: at,
			Shareholders: []dossier.Holding{
				{Name: "Kari Nordmann", BirthDate: "1970-01-01", Share: 60},
				{Name: "Holding AS", OrgNumber: "555555555", Share: 40},
			},
			Screening: &dossier.Screening{Lists: []string{"EU"}, Date: "2026-01-01"},
		},
		Sources: []dossier.Source{
			{ID: dossier.SourceBrreg, Status: dossier.StatusFound, Fetched: at},
			{ID: dossier.SourceGrunndata, Status: dossier.StatusFound, Fetched: at},
			{ID: dossier.SourceOwners, Status: dossier.StatusFound, Fetched: at},
		},
	}
}

// finnish is a Finnish dossier PRH answered.
func finnish(at time.Time) *dossier.Dossier {
	return &dossier.Dossier{
		Number: "1234567-8", Country: "FI", Fetched: at,
		Company: &dossier.Company{Number: "1234567-8", Name: "Järvi Oy", Finnish: &dossier.FinnishFacts{
			Registers: []dossier.FinnishRegister{{Register: "1", From: "2010-01-01"}, {Register: "6", From: "2010-01-01"}},
		}},
		Sources: []dossier.Source{{ID: dossier.SourcePRH, Status: dossier.StatusFound, Fetched: at}},
	}
}

// swedish is a Swedish dossier SCB answered.
func swedish(at time.Time) *dossier.Dossier {
	return &dossier.Dossier{
		Number: "556074-7569", Country: "SE", Fetched: at,
		Company: &dossier.Company{Number: "556074-7569", Name: "Sjö AB", Swedish: &dossier.SwedishFacts{
			Status: dossier.Code{Code: "1"}, TaxRegistration: dossier.Code{Code: "1"},
		}},
		Sources: []dossier.Source{{ID: dossier.SourceSCB, Status: dossier.StatusFound, Fetched: at}},
	}
}

// roleIndex is the index of the role of type typ held by name.
func roleIndex(d *dossier.Dossier, typ, name string) int {
	return slices.IndexFunc(d.Roles, func(r dossier.Role) bool {
		h := ""
		if r.Person != nil {
			h = r.Person.Name
		} else if r.Unit != nil {
			h = r.Unit.Name
		}
		return r.Type.Code == typ && h == name
	})
}

func dropRole(d *dossier.Dossier, typ, name string) {
	d.Roles = slices.Delete(d.Roles, roleIndex(d, typ, name), roleIndex(d, typ, name)+1)
}

// want is the part of a change a case checks.
type want struct {
	Field    Field
	Reason   Reason
	Old, New string
	Date     string
	Source   string
}

type diffCase struct {
	name string
	base func(time.Time) *dossier.Dossier
	edit func(old, new *dossier.Dossier)
	want []want
}

func diffCases() []diffCase {
	return []diffCase{
		{"bankruptcy opened", nil, func(_, n *dossier.Dossier) {
			n.Company.Bankrupt, n.Company.BankruptDate = true, "2026-02-01"
		}, []want{{FieldStatus, ReasonBankruptcyOpened, "", "bankrupt", "2026-02-01", "brreg"}}},
		{"bankruptcy ended", nil, func(o, _ *dossier.Dossier) {
			o.Company.Bankrupt, o.Company.BankruptDate = true, "2025-02-01"
		}, []want{{FieldStatus, ReasonBankruptcyEnded, "bankrupt", "", "", "brreg"}}},
		{"liquidation started", nil, func(_, n *dossier.Dossier) { n.Company.UnderLiquidation = true },
			[]want{{FieldStatus, ReasonLiquidationStarted, "", "under_liquidation", "", "brreg"}}},
		{"liquidation ended", nil, func(o, _ *dossier.Dossier) { o.Company.UnderLiquidation = true },
			[]want{{FieldStatus, ReasonLiquidationEnded, "under_liquidation", "", "", "brreg"}}},
		{"forced dissolution started", nil, func(_, n *dossier.Dossier) { n.Company.UnderForcedDissolution = true },
			[]want{{FieldStatus, ReasonForcedDissolution, "", "under_forced_dissolution", "", "brreg"}}},
		{"forced dissolution ended", nil, func(o, _ *dossier.Dossier) { o.Company.UnderForcedDissolution = true },
			[]want{{FieldStatus, ReasonForcedDissolutionEnded, "under_forced_dissolution", "", "", "brreg"}}},
		{"deleted, its roles gone with it", nil, func(_, n *dossier.Dossier) {
			n.Company.Deleted, n.Company.DeletedDate, n.Roles = true, "2026-02-03", nil
			n.Sources[0].Status, n.Sources[0].Date = dossier.StatusDeleted, "2026-02-03"
		}, []want{{FieldStatus, ReasonDeleted, "", "deleted", "2026-02-03", "brreg"}}},
		{"deleted, said by the source only", nil, func(_, n *dossier.Dossier) {
			n.Company, n.Roles = nil, nil
			n.Sources[0].Status, n.Sources[0].Date = dossier.StatusDeleted, "2026-02-04"
			n.Sources[1].Status = dossier.StatusNotFound
		}, []want{{FieldStatus, ReasonDeleted, "", "deleted", "2026-02-04", "brreg"}}},
		{"reinstated after deletion", nil, func(o, _ *dossier.Dossier) {
			o.Company.Deleted, o.Company.DeletedDate = true, "2025-01-01"
		}, []want{{FieldStatus, ReasonReinstated, "deleted", "", "", "brreg"}}},
		{"closed", nil, func(_, n *dossier.Dossier) { n.Company.ClosedDate = "2026-01-31" },
			[]want{{FieldStatus, ReasonClosed, "", "closed", "2026-01-31", "brreg"}}},
		{"struck off the Finnish trade register", finnish, func(_, n *dossier.Dossier) {
			n.Company.Finnish.Registers[0].To = "2026-01-20"
		}, []want{{FieldStatus, ReasonStruckOff, "", StatusStruckOff, "2026-01-20", "prh"}}},
		{"Finnish company in the trade register again", finnish, func(o, _ *dossier.Dossier) {
			o.Company.Finnish.Registers[0].To = "2025-01-20"
		}, []want{{FieldStatus, ReasonReinstated, StatusStruckOff, "", "", "prh"}}},
		{"struck off the Swedish Tax Agency's register", swedish, func(_, n *dossier.Dossier) {
			n.Company.Swedish.TaxRegistration.Code, n.Company.Swedish.Ended = "9", "2026-01-15"
		}, []want{{FieldStatus, ReasonStruckOff, "", StatusStruckOff, "2026-01-15", "scb"}}},
		{"Swedish company no longer active is deleted, not also struck off", swedish, func(_, n *dossier.Dossier) {
			n.Company.Swedish.Status.Code, n.Company.Swedish.TaxRegistration.Code = "9", "9"
			n.Company.Deleted, n.Company.DeletedDate = true, "2026-01-16"
		}, []want{{FieldStatus, ReasonDeleted, "", "deleted", "2026-01-16", "scb"}}},
		{"not found any more", nil, func(_, n *dossier.Dossier) {
			n.Company, n.Roles, n.Owners = nil, nil, nil
			for i := range n.Sources {
				n.Sources[i].Status = dossier.StatusNotFound
			}
		}, []want{{FieldRegistration, ReasonNotFoundAnyMore, "Fjord Konsult AS", "", "", "brreg"}}},
		{"found again", nil, func(o, _ *dossier.Dossier) {
			o.Company, o.Roles, o.Owners = nil, nil, nil
			for i := range o.Sources {
				o.Sources[i].Status = dossier.StatusNotFound
			}
		}, []want{{FieldRegistration, ReasonReinstated, "", "Fjord Konsult AS", "", "brreg"}}},
		{"renamed", nil, func(_, n *dossier.Dossier) { n.Company.Name = "Fjord Rådgivning AS" },
			[]want{{FieldName, ReasonRenamed, "Fjord Konsult AS", "Fjord Rådgivning AS", "", "brreg"}}},
		{"business address", nil, func(_, n *dossier.Dossier) { n.Company.BusinessAddress.Lines = []string{"Kirkegata 2"} },
			[]want{{FieldBusinessAddress, ReasonBusinessAddressChanged, "Storgata 1, 0155 OSLO", "Kirkegata 2, 0155 OSLO", "", "brreg"}}},
		{"postal address abroad", nil, func(_, n *dossier.Dossier) {
			n.Company.PostalAddress = &dossier.Address{Lines: []string{"Box 1"}, PostalCode: "111 22", City: "Stockholm", CountryCode: "SE", Country: "Sverige"}
		}, []want{{FieldPostalAddress, ReasonPostalAddressChanged, "Postboks 7, 0101 OSLO", "Box 1, 111 22 Stockholm, Sverige", "", "brreg"}}},
		{"industry", nil, func(_, n *dossier.Dossier) {
			n.Company.Industry = []dossier.Code{{Code: "70.220", Description: "Bedriftsrådgivning"}}
		}, []want{{FieldIndustry, ReasonIndustryChanged, "62.010 Programmeringstjenester", "70.220 Bedriftsrådgivning", "", "brreg"}}},
		{"board member added", nil, func(_, n *dossier.Dossier) {
			n.Roles = append(n.Roles, person("MEDL", "Styremedlem", "Nina Lie", "1985-05-05", "2026-02-01"))
		}, []want{{FieldBoard, ReasonBoardMemberAdded, "", "Nina Lie (Styremedlem)", "2026-02-01", "brreg"}}},
		{"board member left", nil, func(_, n *dossier.Dossier) { dropRole(n, "MEDL", "Ola Hansen") },
			[]want{{FieldBoard, ReasonBoardMemberLeft, "Ola Hansen (Styremedlem)", "", "2020-01-01", "brreg"}}},
		{"chair changed within the board", nil, func(_, n *dossier.Dossier) {
			n.Roles[0].Person, n.Roles[1].Person = n.Roles[1].Person, n.Roles[0].Person
		}, []want{{FieldBoard, ReasonChairChanged, "Kari Nordmann", "Ola Hansen", "2020-01-01", "brreg"}}},
		{"board member made deputy", nil, func(_, n *dossier.Dossier) {
			n.Roles[1].Type = dossier.Code{Code: "VARA", Description: "Varamedlem"}
		}, []want{{FieldBoard, ReasonRoleChanged, "Ola Hansen (Styremedlem)", "Ola Hansen (Varamedlem)", "2020-01-01", "brreg"}}},
		{"CEO changed", nil, func(_, n *dossier.Dossier) {
			i := roleIndex(n, "DAGL", "Per Olsen")
			n.Roles[i] = person("DAGL", "Daglig leder", "Eva Dahl", "1982-06-06", "2026-01-15")
		}, []want{{FieldCEO, ReasonCEOChanged, "Per Olsen", "Eva Dahl", "2026-01-15", "brreg"}}},
		{"auditor resigned", nil, func(_, n *dossier.Dossier) { dropRole(n, "REVI", "Revisjon AS") },
			[]want{{FieldAuditor, ReasonAuditorResigned, "Revisjon AS", "", "", "brreg"}}},
		{"auditor replaced", nil, func(_, n *dossier.Dossier) {
			n.Roles[roleIndex(n, "REVI", "Revisjon AS")] = unit("REVI", "Revisor", "666666666", "Ny Revisjon AS", "2026-01-20")
		}, []want{{FieldAuditor, ReasonAuditorAppointed, "Revisjon AS", "Ny Revisjon AS", "2026-01-20", "brreg"}}},
		{"accountant changed", nil, func(_, n *dossier.Dossier) {
			n.Roles[roleIndex(n, "REGN", "Regnskap AS")] = unit("REGN", "Regnskapsfører", "444444444", "Tall AS", "2026-01-21")
		}, []want{{FieldAccountant, ReasonAccountantChanged, "Regnskap AS", "Tall AS", "2026-01-21", "brreg"}}},
		{"signature changed", nil, func(_, n *dossier.Dossier) {
			n.Roles = append(n.Roles, person("SIGN", "Signatur", "Ola Hansen", "1980-02-02", "2026-01-22"))
		}, []want{{FieldSignature, ReasonSignatureChanged, "Kari Nordmann", "Kari Nordmann, Ola Hansen", "2026-01-22", "brreg"}}},
		{"procuration ended", nil, func(_, n *dossier.Dossier) { dropRole(n, "PROK", "Per Olsen") },
			[]want{{FieldProcuration, ReasonProcurationChanged, "Per Olsen", "", "", "brreg"}}},
		{"other role changed", nil, func(_, n *dossier.Dossier) {
			n.Roles[roleIndex(n, "KONT", "Lise Berg")].Person = &dossier.Person{Name: "Tor Vik", BirthDate: "1991-01-01"}
		}, []want{{FieldOtherRole, ReasonRoleChanged, "Kontaktperson: Lise Berg", "Kontaktperson: Tor Vik", "2021-01-01", "brreg"}}},
		{"a resigned role is no role", nil, func(_, n *dossier.Dossier) {
			r := person("MEDL", "Styremedlem", "Gammel Styremann", "1950-01-01", "2010-01-01")
			r.Resigned = true
			n.Roles = append(n.Roles, r)
		}, nil},
		{"new beneficial owner", nil, func(_, n *dossier.Dossier) {
			n.Owners.Owners = append(n.Owners.Owners, dossier.BeneficialOwner{Name: "Ola Hansen", BirthDate: "1980-02-02",
				Positions: []dossier.Position{position("eier", "int1", "indi")}})
			n.Owners.Registered = time.Date(2026, 2, 2, 9, 0, 0, 0, time.UTC)
		}, []want{{FieldBeneficialOwner, ReasonNewBeneficialOwner, "", "Ola Hansen: ownership 25–49.99 % indirect", "2026-02-02", "rrh"}}},
		{"beneficial owner gone", nil, func(_, n *dossier.Dossier) { n.Owners.Owners = nil },
			[]want{{FieldBeneficialOwner, ReasonBeneficialOwnerGone, "Kari Nordmann: ownership 50–74.99 % direct", "", "2024-05-01", "rrh"}}},
		{"owner's position changed", nil, func(_, n *dossier.Dossier) {
			n.Owners.Owners[0].Positions = []dossier.Position{position("eier", "int3", "dire"), position("kont", "int3", "dire")}
		}, []want{{FieldBeneficialOwner, ReasonOwnerPositionChanged, "Kari Nordmann: ownership 50–74.99 % direct",
			"Kari Nordmann: control of votes 75–100 % direct; ownership 75–100 % direct", "2024-05-01", "rrh"}}},
		{"fewer owners identified", nil, func(_, n *dossier.Dossier) {
			n.Owners.Status.Code = dossier.OwnersSomeIdentified
		}, []want{{FieldOwnersStatus, ReasonOwnersFewerIdentified, dossier.OwnersAllIdentified, dossier.OwnersSomeIdentified, "2024-05-01", "rrh"}}},
		{"owners register's status otherwise", nil, func(_, n *dossier.Dossier) {
			n.Owners.Status.Code, n.Owners.Owners = dossier.OwnersNorwegianState, nil
		}, []want{
			{FieldOwnersStatus, ReasonOwnersStatusChanged, dossier.OwnersAllIdentified, dossier.OwnersNorwegianState, "2024-05-01", "rrh"},
			{FieldBeneficialOwner, ReasonBeneficialOwnerGone, "Kari Nordmann: ownership 50–74.99 % direct", "", "2024-05-01", "rrh"},
		}},
		{"owners no longer registered", nil, func(_, n *dossier.Dossier) {
			n.Owners = nil
			n.Sources[2].Status = dossier.StatusNotFound
		}, []want{
			{FieldOwnersStatus, ReasonOwnersFewerIdentified, dossier.OwnersAllIdentified, "", "", "rrh"},
			{FieldBeneficialOwner, ReasonBeneficialOwnerGone, "Kari Nordmann: ownership 50–74.99 % direct", "", "", "rrh"},
		}},
		{"shareholding changed", nil, func(_, n *dossier.Dossier) {
			n.AML.Shareholders[0].Share, n.AML.Shareholders[1].Share = 50, 50
		}, []want{
			{FieldShareholding, ReasonShareholdingChanged, "Kari Nordmann 60 %", "Kari Nordmann 50 %", "", "bankid"},
			{FieldShareholding, ReasonShareholdingChanged, "Holding AS 40 %", "Holding AS 50 %", "", "bankid"},
		}},
		{"sanctions hit", nil, func(_, n *dossier.Dossier) {
			n.AML.Screening = &dossier.Screening{Lists: []string{"EU"}, Date: "2026-02-05", Sanctions: []dossier.ScreeningHit{{Name: "Ola Hansen", List: "EU"}}}
		}, []want{{FieldSanctions, ReasonSanctionsHit, "", "Ola Hansen", "2026-02-05", "bankid"}}},
		{"sanctions cleared", nil, func(o, _ *dossier.Dossier) {
			o.AML.Screening.Sanctions = []dossier.ScreeningHit{{Name: "Ola Hansen", List: "EU"}}
		}, []want{{FieldSanctions, ReasonSanctionsCleared, "Ola Hansen", "", "2026-01-01", "bankid"}}},
		{"PEP hit", nil, func(_, n *dossier.Dossier) {
			n.AML.Screening.PEP = []dossier.ScreeningHit{{Name: "Kari Nordmann"}}
		}, []want{{FieldPEP, ReasonPEPHit, "", "Kari Nordmann", "2026-01-01", "bankid"}}},
		{"PEP cleared", nil, func(o, _ *dossier.Dossier) {
			o.AML.Screening.PEP = []dossier.ScreeningHit{{Name: "Kari Nordmann"}}
		}, []want{{FieldPEP, ReasonPEPCleared, "Kari Nordmann", "", "2026-01-01", "bankid"}}},

		// Parts a source did not answer for this time are never compared.
		{"roles unread: no board member left", nil, func(_, n *dossier.Dossier) {
			n.Roles = nil
			n.Sources[0].Missing = []dossier.Part{dossier.PartRoles}
			n.Sources[1].Status = dossier.StatusFailed
		}, nil},
		{"owners register failed: no owner gone", nil, func(_, n *dossier.Dossier) {
			n.Owners = nil
			n.Sources[2].Status = dossier.StatusFailed
		}, nil},
		{"owners register not asked for want of access", nil, func(_, n *dossier.Dossier) {
			n.Owners = nil
			n.Sources[2].Status = dossier.StatusNoAccess
		}, nil},
		{"no register reached: nothing", nil, func(_, n *dossier.Dossier) {
			n.Company, n.Roles, n.Owners, n.AML = nil, nil, nil, nil
			for i := range n.Sources {
				n.Sources[i].Status = dossier.StatusFailed
			}
		}, nil},
		{"no screening ordered before: no hit compared", nil, func(o, n *dossier.Dossier) {
			o.AML.Screening = nil
			n.AML.Screening.Sanctions = []dossier.ScreeningHit{{Name: "Ola Hansen"}}
		}, nil},
		{"no AML data now: nothing of BankID's compared", nil, func(_, n *dossier.Dossier) { n.AML = nil }, nil},
		{"the sources spell the same address differently", nil, func(_, n *dossier.Dossier) {
			n.Company.BusinessAddress = &dossier.Address{Lines: []string{"STORGATA  1"}, PostalCode: "0155", City: "Oslo", CountryCode: "NOR", Municipality: "OSLO"}
			n.Company.Name = "FJORD KONSULT AS"
		}, nil},
		{"a source that gives no birth dates answers instead", nil, func(_, n *dossier.Dossier) {
			for _, r := range n.Roles {
				if r.Person != nil {
					r.Person.BirthDate = ""
				}
			}
			n.Sources[0].Status = dossier.StatusFailed
		}, nil},
		{"two of one name, one without a birth date, are not guessed", nil, func(o, n *dossier.Dossier) {
			o.Roles = append(o.Roles, person("MEDL", "Styremedlem", "Ola Hansen", "1999-09-09", "2020-01-01"))
			n.Roles = append(n.Roles, person("MEDL", "Styremedlem", "Ola Hansen", "1999-09-09", "2020-01-01"))
			n.Roles[roleIndex(n, "MEDL", "Ola Hansen")].Person.BirthDate = ""
		}, []want{
			{FieldBoard, ReasonBoardMemberAdded, "", "Ola Hansen (Styremedlem)", "2020-01-01", "brreg"},
			{FieldBoard, ReasonBoardMemberLeft, "Ola Hansen (Styremedlem)", "", "2020-01-01", "brreg"},
		}},
		{"deleted: the owners' registration goes with the unit", nil, func(_, n *dossier.Dossier) {
			n.Company.Deleted, n.Company.DeletedDate, n.Roles, n.Owners = true, "2026-02-03", nil, nil
			n.Sources[0].Status, n.Sources[0].Date = dossier.StatusDeleted, "2026-02-03"
			n.Sources[2].Status = dossier.StatusNotFound
		}, []want{{FieldStatus, ReasonDeleted, "", "deleted", "2026-02-03", "brreg"}}},
		{"roles listed in another order", nil, func(_, n *dossier.Dossier) { slices.Reverse(n.Roles) }, nil},
	}
}

func TestDiff(t *testing.T) {
	for _, tc := range diffCases() {
		t.Run(tc.name, func(t *testing.T) {
			base := tc.base
			if base == nil {
				base = norwegian
			}
			o, n := base(t0), base(t1)
			tc.edit(o, n)
			changes := Diff(SnapshotOf(o), SnapshotOf(n))
			var got []want
			for _, c := range changes {
				got = append(got, want{c.Field, c.Reason, c.Old, c.New, c.Date, c.Source})
				if c.Risk != ReasonRisk(c.Reason) {
					t.Errorf("%s: risk %v, the reason's is %v", c.Reason, c.Risk, ReasonRisk(c.Reason))
				}
				if !c.Detected.Equal(t1) {
					t.Errorf("%s: detected %v, want %v", c.Reason, c.Detected, t1)
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("changes\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// TestDiffCoversEveryReason checks that the cases above show every reason.
func TestDiffCoversEveryReason(t *testing.T) {
	seen := map[Reason]bool{}
	for _, tc := range diffCases() {
		for _, w := range tc.want {
			seen[w.Reason] = true
		}
	}
	for _, r := range Reasons() {
		if !seen[r] {
			t.Errorf("no Diff case shows %s", r)
		}
	}
}

func TestDiffSelfIsEmpty(t *testing.T) {
	for _, tc := range diffCases() {
		base := tc.base
		if base == nil {
			base = norwegian
		}
		o, n := base(t0), base(t1)
		tc.edit(o, n)
		for _, s := range []Snapshot{SnapshotOf(o), SnapshotOf(n)} {
			if got := Diff(s, s); len(got) != 0 {
				t.Errorf("%s: Diff(s, s) = %+v", tc.name, got)
			}
		}
	}
}

func TestDiffStableOrder(t *testing.T) {
	o, n := norwegian(t0), norwegian(t1)
	n.Company.Name = "Nytt Navn AS"
	n.Company.Bankrupt = true
	dropRole(n, "REVI", "Revisjon AS")
	dropRole(n, "MEDL", "Ola Hansen")
	n.Roles = append(n.Roles, person("MEDL", "Styremedlem", "Nina Lie", "1985-05-05", "2026-02-01"),
		person("MEDL", "Styremedlem", "Arne Bø", "1960-01-01", "2026-02-01"))
	n.Owners.Owners = append(n.Owners.Owners, dossier.BeneficialOwner{Name: "Nina Lie", BirthDate: "1985-05-05"})
	first := Diff(SnapshotOf(o), SnapshotOf(n))
	wantReasons := []Reason{ReasonBankruptcyOpened, ReasonRenamed, ReasonBoardMemberAdded, ReasonBoardMemberAdded,
		ReasonBoardMemberLeft, ReasonAuditorResigned, ReasonNewBeneficialOwner}
	var got []Reason
	for _, c := range first {
		got = append(got, c.Reason)
	}
	if !slices.Equal(got, wantReasons) {
		t.Fatalf("reasons %v, want %v", got, wantReasons)
	}
	if first[2].New != "Arne Bø (Styremedlem)" || first[3].New != "Nina Lie (Styremedlem)" {
		t.Errorf("board members added in order %q, %q", first[2].New, first[3].New)
	}
	for range 20 {
		slices.Reverse(n.Roles)
		if again := Diff(SnapshotOf(o), SnapshotOf(n)); !reflect.DeepEqual(again, first) {
			t.Fatalf("Diff changed with the order of the roles:\n%+v\n%+v", again, first)
		}
	}
}
