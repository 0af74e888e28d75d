package desk

// This file holds the Swedish use cases (issue 16): look-ups through SCB's
// Företagsregister, SCB's sector file kept in the vault, and classifying a
// customer register against it.

import (
	"context"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
)

// SwedishSource answers for SCB's Företagsregister: one dossier.Answer
// whose Source has the ID "scb".
type SwedishSource interface {
	Lookup(ctx context.Context, orgnr string) dossier.Answer
}

// SectorFile describes the copy of SCB's sector file in the vault; ok is
// false when the vault holds none.
func (d *Desk) SectorFile() (info dossier.SectorFileInfo, ok bool, err error) {
	return dossier.SectorFileInfo{}, false, problem.New(problem.CodeCountryNotConnected, nil)
}

// RefreshSectorFile downloads SCB's sector file and keeps it, encrypted,
// in the vault with its date, replacing the copy there only once the new
// one is whole. progress, when not nil, is told the bytes read and the
// total (-1 when SCB does not say).
func (d *Desk) RefreshSectorFile(ctx context.Context, progress func(read, total int64)) (dossier.SectorFileInfo, error) {
	return dossier.SectorFileInfo{}, problem.New(problem.CodeCountryNotConnected, nil)
}

// ClassifyCustomers classifies the customer register in (CSV or XLSX)
// against SCB's sector file and writes the classified rows to out in
// format ("csv" or "xlsx"; empty: out's extension). column names the
// column holding the numbers; empty finds it. sectorFile names a sector
// file (SCB's zip or the sektor.txt inside it); empty uses the vault's
// copy. Nothing is left at out when the run fails or is cancelled.
func (d *Desk) ClassifyCustomers(ctx context.Context, in, out string, column string, format string, sectorFile string, progress func(done, total int)) (dossier.ClassifySummary, error) {
	return dossier.ClassifySummary{}, problem.New(problem.CodeCountryNotConnected, nil)
}

// PreviewCustomers reads the first rows of a customer file and finds the
// column holding the numbers.
func (d *Desk) PreviewCustomers(path string) (dossier.CustomerPreview, error) {
	return dossier.CustomerPreview{NumberColumn: -1}, problem.New(problem.CodeCountryNotConnected, nil)
}
