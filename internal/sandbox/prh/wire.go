package prh

import "github.com/motpart/motpart/internal/sandbox/world"

// The answer's JSON, as PRH's OpenAPI description names it.
type (
	result struct {
		TotalResults int       `json:"totalResults"`
		Companies    []company `json:"companies"`
	}
	company struct {
		BusinessID          value         `json:"businessId"`
		EUID                *value        `json:"euId,omitempty"`
		Names               []name        `json:"names"`
		MainBusinessLine    *businessLine `json:"mainBusinessLine,omitempty"`
		Website             *website      `json:"website,omitempty"`
		CompanyForms        []form        `json:"companyForms"`
		CompanySituations   []situation   `json:"companySituations"`
		RegisteredEntries   []entry       `json:"registeredEntries"`
		Addresses           []address     `json:"addresses"`
		TradeRegisterStatus string        `json:"tradeRegisterStatus"`
		Status              string        `json:"status"`
		RegistrationDate    string        `json:"registrationDate,omitempty"`
		EndDate             *string       `json:"endDate"`
		LastModified        string        `json:"lastModified"`
	}
	value struct {
		Value            string `json:"value"`
		RegistrationDate string `json:"registrationDate,omitempty"`
		Source           string `json:"source"`
	}
	name struct {
		Name             string  `json:"name"`
		Type             string  `json:"type"`
		RegistrationDate string  `json:"registrationDate"`
		EndDate          *string `json:"endDate"`
		Version          int     `json:"version"`
		Source           string  `json:"source"`
	}
	text struct {
		LanguageCode string `json:"languageCode"`
		Description  string `json:"description"`
	}
	businessLine struct {
		Type             string `json:"type"`
		Descriptions     []text `json:"descriptions"`
		TypeCodeSet      string `json:"typeCodeSet"`
		RegistrationDate string `json:"registrationDate"`
		Source           string `json:"source"`
	}
	website struct {
		URL              string `json:"url"`
		RegistrationDate string `json:"registrationDate"`
		Source           string `json:"source"`
	}
	form struct {
		Type             string  `json:"type"`
		Descriptions     []text  `json:"descriptions"`
		RegistrationDate string  `json:"registrationDate"`
		EndDate          *string `json:"endDate"`
		Version          int     `json:"version"`
		Source           string  `json:"source"`
	}
	situation struct {
		Type             string  `json:"type"`
		RegistrationDate string  `json:"registrationDate"`
		EndDate          *string `json:"endDate"`
		Source           string  `json:"source"`
	}
	entry struct {
		Type             string  `json:"type"`
		Descriptions     []text  `json:"descriptions"`
		RegistrationDate string  `json:"registrationDate"`
		EndDate          *string `json:"endDate"`
		Register         string  `json:"register"`
		Authority        string  `json:"authority"`
	}
	postOffice struct {
		City             string `json:"city"`
		LanguageCode     string `json:"languageCode"`
		MunicipalityCode string `json:"municipalityCode,omitempty"`
	}
	address struct {
		Type             int          `json:"type"`
		Street           string       `json:"street,omitempty"`
		PostCode         string       `json:"postCode"`
		PostOffices      []postOffice `json:"postOffices"`
		PostOfficeBox    string       `json:"postOfficeBox,omitempty"`
		BuildingNumber   string       `json:"buildingNumber,omitempty"`
		Co               string       `json:"co,omitempty"`
		Country          string       `json:"country,omitempty"`
		RegistrationDate string       `json:"registrationDate"`
		Source           string       `json:"source"`
	}
)

// Sources of the data (PRH's code list TLAHDE [U]: "0" common, "1" PRH,
// "2" the Tax Administration).
const (
	sourcePRH = "1"
	sourceTax = "2"
)

// optional is s, or nil (JSON null) when empty.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// toWire is c as the API gives it.
func toWire(c *world.FICompany) company {
	out := company{
		BusinessID:          value{Value: c.YTunnus, RegistrationDate: c.IDRegistered, Source: sourceTax},
		EUID:                &value{Value: "FIFPRO." + c.YTunnus, Source: sourcePRH},
		TradeRegisterStatus: "1",
		Status:              "2",
		RegistrationDate:    c.Registered,
		EndDate:             optional(c.Ended),
		LastModified:        c.LastModified,
		CompanySituations:   []situation{},
		Addresses:           []address{},
	}
	if c.TradeRegisterEnded != "" {
		out.TradeRegisterStatus = "4" // [U] the code of a company struck off
	}
	for i, n := range c.Names {
		out.Names = append(out.Names, name{Name: n.Name, Type: n.Type, RegistrationDate: n.From, EndDate: optional(n.To), Version: i + 1, Source: sourcePRH})
	}
	out.MainBusinessLine = &businessLine{Type: c.BusinessLine, TypeCodeSet: "TOIMI3", RegistrationDate: c.Registered, Source: sourceTax,
		Descriptions: []text{{"1", c.LineFI}, {"2", c.LineSV}, {"3", c.LineEN}}}
	if c.Website != "" {
		out.Website = &website{URL: c.Website, RegistrationDate: c.Registered, Source: sourceTax}
	}
	out.CompanyForms = []form{{Type: c.Form, Descriptions: []text{{"1", c.FormFI}, {"2", c.FormSV}, {"3", c.FormEN}},
		RegistrationDate: c.Registered, EndDate: nil, Version: 1, Source: sourcePRH}}
	for _, s := range c.Situations {
		out.CompanySituations = append(out.CompanySituations, situation{Type: s.Type, RegistrationDate: s.From, EndDate: optional(s.To), Source: sourcePRH})
	}
	if c.TradeRegister {
		out.RegisteredEntries = append(out.RegisteredEntries, entry{Type: "1", Register: "1", Authority: "2",
			Descriptions:     []text{{"1", "Rekisterissä"}, {"2", "Registrerad"}, {"3", "Registered"}},
			RegistrationDate: c.Registered, EndDate: optional(c.TradeRegisterEnded)})
	}
	if c.VAT {
		out.RegisteredEntries = append(out.RegisteredEntries, entry{Type: "1", Register: "6", Authority: "1",
			Descriptions:     []text{{"1", "Arvonlisäverovelvollinen"}, {"2", "Momsskyldig"}, {"3", "VAT-registered"}},
			RegistrationDate: c.IDRegistered})
	}
	if out.RegisteredEntries == nil {
		out.RegisteredEntries = []entry{}
	}
	for _, a := range c.Addresses {
		offices := []postOffice{{City: a.CityFI, LanguageCode: "1", MunicipalityCode: a.Municipality}}
		sv := a.CitySV
		if sv == "" {
			sv = a.CityFI
		}
		offices = append(offices, postOffice{City: sv, LanguageCode: "2", MunicipalityCode: a.Municipality})
		out.Addresses = append(out.Addresses, address{Type: a.Type, Street: a.Street, BuildingNumber: a.BuildingNumber,
			PostOfficeBox: a.PostOfficeBox, PostCode: a.PostCode, PostOffices: offices, RegistrationDate: c.Registered, Source: sourceTax})
	}
	return out
}
