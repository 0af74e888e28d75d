package prh

// The YTJ open-data API's JSON, as the package documentation describes
// it. Every field is optional here: a field the API leaves out is its
// zero value.

// companiesResult is the answer of /companies.
type companiesResult struct {
	TotalResults int       `json:"totalResults"`
	Companies    []company `json:"companies"`
}

// company is one company.
type company struct {
	BusinessID          registeredValue  `json:"businessId"`
	EUID                *registeredValue `json:"euId,omitempty"`
	Names               []name           `json:"names,omitempty"`
	MainBusinessLine    *businessLine    `json:"mainBusinessLine,omitempty"`
	Website             *website         `json:"website,omitempty"`
	CompanyForms        []describedEntry `json:"companyForms,omitempty"`
	CompanySituations   []situation      `json:"companySituations,omitempty"`
	RegisteredEntries   []registerEntry  `json:"registeredEntries"`
	Addresses           []address        `json:"addresses,omitempty"`
	TradeRegisterStatus string           `json:"tradeRegisterStatus"`
	Status              string           `json:"status,omitempty"`
	RegistrationDate    string           `json:"registrationDate,omitempty"`
	EndDate             string           `json:"endDate,omitempty"`
	LastModified        string           `json:"lastModified"`
}

// registeredValue is businessId and euId.
type registeredValue struct {
	Value            string `json:"value"`
	RegistrationDate string `json:"registrationDate,omitempty"`
	Source           string `json:"source,omitempty"`
}

// name is one of the company's names.
type name struct {
	Name             string `json:"name"`
	Type             string `json:"type"`
	RegistrationDate string `json:"registrationDate,omitempty"`
	EndDate          string `json:"endDate,omitempty"`
	Version          int    `json:"version,omitempty"`
	Source           string `json:"source,omitempty"`
}

// description is a text in one language.
type description struct {
	LanguageCode string `json:"languageCode"`
	Description  string `json:"description"`
}

// businessLine is the main line of business (TOL 2008).
type businessLine struct {
	Type             string        `json:"type"`
	Descriptions     []description `json:"descriptions,omitempty"`
	TypeCodeSet      string        `json:"typeCodeSet,omitempty"`
	RegistrationDate string        `json:"registrationDate,omitempty"`
	Source           string        `json:"source,omitempty"`
}

// website is the company's web address.
type website struct {
	URL              string `json:"url"`
	RegistrationDate string `json:"registrationDate,omitempty"`
	Source           string `json:"source,omitempty"`
}

// describedEntry is a company form.
type describedEntry struct {
	Type             string        `json:"type"`
	Descriptions     []description `json:"descriptions,omitempty"`
	RegistrationDate string        `json:"registrationDate,omitempty"`
	EndDate          string        `json:"endDate,omitempty"`
	Version          int           `json:"version,omitempty"`
	Source           string        `json:"source,omitempty"`
}

// situation is a restructuring, liquidation or bankruptcy.
type situation struct {
	Type             string `json:"type"`
	RegistrationDate string `json:"registrationDate,omitempty"`
	EndDate          string `json:"endDate,omitempty"`
	Source           string `json:"source,omitempty"`
}

// registerEntry is an entry in one of the registers.
type registerEntry struct {
	Type             string        `json:"type"`
	Descriptions     []description `json:"descriptions,omitempty"`
	RegistrationDate string        `json:"registrationDate,omitempty"`
	EndDate          string        `json:"endDate,omitempty"`
	Register         string        `json:"register"`
	Authority        string        `json:"authority"`
}

// postOffice is a post office's name in one language.
type postOffice struct {
	City             string `json:"city"`
	LanguageCode     string `json:"languageCode"`
	MunicipalityCode string `json:"municipalityCode,omitempty"`
}

// address is a street (type 1) or postal (type 2) address.
type address struct {
	Type              int          `json:"type"`
	Street            string       `json:"street,omitempty"`
	PostCode          string       `json:"postCode,omitempty"`
	PostOffices       []postOffice `json:"postOffices,omitempty"`
	PostOfficeBox     string       `json:"postOfficeBox,omitempty"`
	BuildingNumber    string       `json:"buildingNumber,omitempty"`
	Entrance          string       `json:"entrance,omitempty"`
	ApartmentNumber   string       `json:"apartmentNumber,omitempty"`
	ApartmentIDSuffix string       `json:"apartmentIdSuffix,omitempty"`
	CO                string       `json:"co,omitempty"`
	Country           string       `json:"country,omitempty"`
	FreeAddressLine   string       `json:"freeAddressLine,omitempty"`
	RegistrationDate  string       `json:"registrationDate,omitempty"`
	Source            string       `json:"source,omitempty"`
}
