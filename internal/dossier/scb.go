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
