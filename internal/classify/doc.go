// Package classify does SCB's counterparty classification
// (motpartsklassificering) of a customer register: it reads SCB's sector
// file (sektor.txt, every Swedish legal unit and sole trader with its
// INSEKT sector, legal form, owner category and main SNI code), indexes
// it, and writes a customer file (CSV or XLSX) back with those variables
// added to each row.
//
// The pieces, in the order they are used:
//
//   - ReadSectorFile and ReadSectorZip read sektor.txt, or the zip SCB
//     sends, streaming: a Latin-1, tab-separated file whose columns are
//     bound by header name (registries.md §1.2 lists the variants). Every
//     value stays a string, leading zeros kept.
//   - Index holds the file compactly for lookups by number: about 80 bytes
//     a row, 95 MiB for the 1.2 million rows of the real file.
//   - Preview reads the first rows of a customer file and finds the column
//     that holds the organisation or personal numbers.
//   - Classify reads the whole customer file, normalises each number,
//     looks it up and writes the result beside the original rows, to a
//     temporary file renamed into place only when it is whole.
//
// The customer file itself is read and written by package sheet (CSV
// sniffing, XLSX within zip bounds, the output written whole or not at
// all); LimitError and FormatError are sheet's.
//
// The package knows nothing of the vault, the desk or SCB's API: the
// caller says where the sector file comes from.
package classify
