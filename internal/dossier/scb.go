package dossier

import "time"

// SectorFileInfo describes the copy of SCB's sector file (sektor.txt, the
// counterparty classification of every Swedish unit) kept in the vault.
type SectorFileInfo struct {
	// Date is when the copy was downloaded, in UTC.
	Date time.Time `json:"date"`
	// Rows is how many units it lists.
	Rows int `json:"rows"`
	// Size is the size of the file as SCB sent it, in bytes.
	Size int64 `json:"size"`
}

// ClassifySummary counts the outcome of classifying a customer register
// against the sector file.
type ClassifySummary struct {
	// Rows is the number of customer rows read (the header not counted).
	Rows int `json:"rows"`
	// Matched rows were found in the sector file.
	Matched int `json:"matched"`
	// NotInFile rows had a valid number the sector file does not list.
	NotInFile int `json:"not_in_file"`
	// Invalid rows had no valid organisation or personal number.
	Invalid int `json:"invalid"`
	// SoleTraders rows had the personal number of a sole trader.
	SoleTraders int `json:"sole_traders"`
	// BySector and ByLegalForm count the matched rows by sector code and
	// by legal form code.
	BySector    map[string]int `json:"by_sector,omitempty"`
	ByLegalForm map[string]int `json:"by_legal_form,omitempty"`
	// SectorTexts and LegalFormTexts give the sector file's text of each
	// code counted.
	SectorTexts    map[string]string `json:"sector_texts,omitempty"`
	LegalFormTexts map[string]string `json:"legal_form_texts,omitempty"`
	// Column is the header of the column the numbers were read from.
	Column string `json:"column,omitempty"`
}

// CustomerPreview is the first rows of a customer file, for choosing the
// column that holds the numbers.
type CustomerPreview struct {
	// Header is the file's first row.
	Header []string `json:"header"`
	// Rows are the next rows, as read.
	Rows [][]string `json:"rows"`
	// NumberColumn is the index in Header of the column found to hold the
	// organisation numbers; -1 when none was.
	NumberColumn int `json:"number_column"`
}

// SwedishFacts are what SCB's Företagsregister says of a Swedish legal
// unit beside the facts every register gives (name, form, addresses, SNI
// codes and sector are in Company). Each Code carries SCB's code and its
// text; a zero Code is a variable SCB did not give. A variable the user's
// SCB subscription does not include is never a value here: it is listed in
// NotSubscribed.
type SwedishFacts struct {
	// PeOrgNr is SCB's 12-digit number: 16 + the organisation number, or
	// 19/20 + a sole trader's personal number.
	PeOrgNr string `json:"pe_org_nr,omitempty"`
	// OwnerCategory is the owner category (ÄGAR 2000, 2 digits).
	OwnerCategory Code `json:"owner_category,omitzero"`
	// Status is the company status (Företagsstatus: 0 never active,
	// 1 active, 9 no longer active).
	Status Code `json:"status,omitzero"`
	// TaxRegistration is "Registrerad hos SKV" (1 in the Tax Agency's
	// register, 2 in the population another way, 9 no longer).
	TaxRegistration Code `json:"tax_registration,omitzero"`
	// VAT, FTax, Employer and CompanyStatus are SCB's Momsstatus,
	// Fskattstatus, Arbetsgivarstatus and Bolagsstatus codes.
	VAT           Code `json:"vat,omitzero"`
	FTax          Code `json:"f_tax,omitzero"`
	Employer      Code `json:"employer,omitzero"`
	CompanyStatus Code `json:"company_status,omitzero"`
	// Seat is the seat municipality (Säteskommun, 4 digits) and SeatCounty
	// the seat county (Säteslän, 2 digits).
	Seat       Code `json:"seat,omitzero"`
	SeatCounty Code `json:"seat_county,omitzero"`
	// SizeClass is the size class by employees (Storleksklass).
	SizeClass Code `json:"size_class,omitzero"`
	// Started and Ended are SCB's start and end dates, YYYY-MM-DD.
	Started string `json:"started,omitempty"`
	Ended   string `json:"ended,omitempty"`
	// NotSubscribed names the SCB variables (SCB's own labels, e.g.
	// "Sektor, kod") that the subscription does not include: SCB answered
	// "*" for them.
	NotSubscribed []string `json:"not_subscribed,omitempty"`
}
