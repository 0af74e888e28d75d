// Package sheet reads and writes the tabular files people keep their
// customers in: CSV (",", ";" or tab; UTF-8, UTF-8 with a byte-order mark
// or Windows-1252, told apart by sniffing) and XLSX (the first sheet,
// within zip bounds against bombs). It writes CSV as Excel in the Nordics
// opens it (UTF-8 with a byte-order mark, CRLF) and XLSX with excelize,
// whole or not at all.
//
// It also finds columns by their header words: the firm's reference and
// the responsible person in English, Swedish, Norwegian and Finnish.
// It knows nothing of what the rows mean.
package sheet
