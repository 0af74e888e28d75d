package classify

import "github.com/motpart/motpart/internal/sheet"

// The customer file is read by package sheet; these names stay for the
// callers and tests of classify.

// MaxCustomerLine is the longest physical line, in bytes, of a customer
// CSV file.
const MaxCustomerLine = sheet.MaxLine

// MaxXLSXEntries is the most entries an XLSX customer file may hold.
const MaxXLSXEntries = sheet.MaxXLSXEntries

// Encoding is the character encoding of a customer CSV file.
type Encoding = sheet.Encoding

// The encodings a customer CSV file is read in.
const (
	UTF8        = sheet.UTF8        // UTF-8 without a byte-order mark
	UTF8BOM     = sheet.UTF8BOM     // UTF-8 with a byte-order mark (Excel's "CSV UTF-8")
	Windows1252 = sheet.Windows1252 // Windows-1252 (Excel's "CSV" on a Swedish Windows)
)

// rowReader reads a customer file row by row.
type rowReader = sheet.Reader

// openCustomer opens a customer file, CSV or XLSX.
func openCustomer(path string) (rowReader, error) { return sheet.Open(path) }
