package prh

import (
	"strings"

	"github.com/motpart/motpart/internal/dossier"
)

// PRH's codes Motpart reads.
const (
	nameTypeTrade     = "1" // toiminimi
	nameTypeParallel  = "2" // rinnakkaistoiminimi
	nameTypeAuxiliary = "3" // aputoiminimi

	situationRestructuring = "SANE"
	situationLiquidation   = "SELTILA"
	situationBankruptcy    = "KONK"

	registerTrade = "1" // kaupparekisteri
	registerVAT   = "6" // arvonlisäverorekisteri [U]

	addressStreet = 1 // käyntiosoite
	addressPostal = 2 // postiosoite

	langFinnish = "1"
	langSwedish = "2"
	langEnglish = "3"
)

// toCompany is c as the dossier holds a company.
func toCompany(c *company) *dossier.Company {
	out := &dossier.Company{
		Number:      c.BusinessID.Value,
		Name:        currentName(c.Names),
		Registered:  c.RegistrationDate,
		Deleted:     c.EndDate != "",
		DeletedDate: c.EndDate,
	}
	if f := currentForm(c.CompanyForms); f != nil {
		out.Form = dossier.Code{Code: f.Type, Description: text(f.Descriptions)}
	}
	if l := c.MainBusinessLine; l != nil && l.Type != "" {
		out.Industry = []dossier.Code{{Code: l.Type, Description: text(l.Descriptions)}}
	}
	if c.Website != nil {
		out.Website = c.Website.URL
	}
	for i := range c.Addresses {
		a := &c.Addresses[i]
		switch {
		case a.Type == addressStreet && out.BusinessAddress == nil:
			out.BusinessAddress = toAddress(a)
		case a.Type == addressPostal && out.PostalAddress == nil:
			out.PostalAddress = toAddress(a)
		}
	}
	fi := &dossier.FinnishFacts{TradeRegisterStatus: c.TradeRegisterStatus, Status: c.Status, LastModified: c.LastModified}
	if c.EUID != nil {
		fi.EUID = c.EUID.Value
	}
	for _, n := range c.Names {
		fi.Names = append(fi.Names, dossier.FinnishName{Name: n.Name, Kind: nameKind(n.Type), Type: n.Type, From: n.RegistrationDate, To: n.EndDate})
	}
	for _, s := range c.CompanySituations {
		fi.Situations = append(fi.Situations, dossier.FinnishSituation{Kind: situationKind(s.Type), Type: s.Type, From: s.RegistrationDate, To: s.EndDate})
		if s.EndDate != "" {
			continue
		}
		switch s.Type {
		case situationBankruptcy:
			out.Bankrupt, out.BankruptDate = true, s.RegistrationDate
		case situationLiquidation:
			out.UnderLiquidation = true
		}
	}
	for _, e := range c.RegisteredEntries {
		fi.Registers = append(fi.Registers, dossier.FinnishRegister{Register: e.Register, Authority: e.Authority, Type: e.Type,
			Description: text(e.Descriptions), From: e.RegistrationDate, To: e.EndDate})
		if e.EndDate != "" {
			continue
		}
		switch e.Register {
		case registerTrade:
			out.InBusinessRegister = true
		case registerVAT:
			out.InVATRegister = true
		}
	}
	out.Finnish = fi
	return out
}

// currentName is the trade name in use: the type-1 name without an end
// date, else the latest one, else the first name of any type.
func currentName(names []name) string {
	var latest *name
	for i := range names {
		n := &names[i]
		if n.Type != nameTypeTrade {
			continue
		}
		if n.EndDate == "" {
			return n.Name
		}
		if latest == nil || n.EndDate > latest.EndDate {
			latest = n
		}
	}
	switch {
	case latest != nil:
		return latest.Name
	case len(names) > 0:
		return names[0].Name
	}
	return ""
}

// currentForm is the company form in use, else the latest.
func currentForm(forms []describedEntry) *describedEntry {
	var latest *describedEntry
	for i := range forms {
		f := &forms[i]
		if f.EndDate == "" {
			return f
		}
		if latest == nil || f.EndDate > latest.EndDate {
			latest = f
		}
	}
	return latest
}

// text is the Finnish description, else the Swedish, the English, the
// first.
func text(ds []description) string {
	for _, lang := range []string{langFinnish, langSwedish, langEnglish} {
		for _, d := range ds {
			if d.LanguageCode == lang && d.Description != "" {
				return d.Description
			}
		}
	}
	for _, d := range ds {
		if d.Description != "" {
			return d.Description
		}
	}
	return ""
}

// toAddress is a as the dossier holds an address.
func toAddress(a *address) *dossier.Address {
	out := &dossier.Address{PostalCode: a.PostCode, Country: a.Country}
	if a.CO != "" {
		out.Lines = append(out.Lines, "c/o "+a.CO)
	}
	street := strings.Join(nonEmpty(a.Street, a.BuildingNumber, a.Entrance, a.ApartmentNumber+a.ApartmentIDSuffix), " ")
	switch {
	case street != "":
		out.Lines = append(out.Lines, street)
	case a.PostOfficeBox != "":
		out.Lines = append(out.Lines, "PL "+a.PostOfficeBox)
	}
	if a.FreeAddressLine != "" {
		out.Lines = append(out.Lines, a.FreeAddressLine)
	}
	var office *postOffice
	for _, lang := range []string{langFinnish, langSwedish} {
		for i := range a.PostOffices {
			if office == nil && a.PostOffices[i].LanguageCode == lang {
				office = &a.PostOffices[i]
			}
		}
	}
	if office == nil && len(a.PostOffices) > 0 {
		office = &a.PostOffices[0]
	}
	if office != nil {
		out.City, out.MunicipalityNumber = office.City, office.MunicipalityCode
	}
	return out
}

// nonEmpty returns the strings that are not empty.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// nameKind is the dossier's kind of a PRH name type.
func nameKind(t string) string {
	switch t {
	case nameTypeTrade:
		return dossier.NameTrade
	case nameTypeParallel:
		return dossier.NameParallel
	case nameTypeAuxiliary:
		return dossier.NameAuxiliary
	}
	return ""
}

// situationKind is the dossier's kind of a PRH situation type.
func situationKind(t string) string {
	switch t {
	case situationRestructuring:
		return dossier.SituationRestructuring
	case situationLiquidation:
		return dossier.SituationLiquidation
	case situationBankruptcy:
		return dossier.SituationBankruptcy
	}
	return ""
}
