package classify

import (
	"context"

	"github.com/motpart/motpart/internal/dossier"
)

// Desk is what the Classify customers screen asks of Motpart's use cases;
// internal/desk.Desk provides it. Errors carry a *problem.Error with a
// stable code.
type Desk interface {
	// PreviewCustomers reads the first rows of a customer file (CSV or
	// XLSX) and finds the column holding the numbers.
	PreviewCustomers(path string) (dossier.CustomerPreview, error)
	// SectorFile describes the copy of SCB's sector file in the vault; ok
	// is false when the vault holds none.
	SectorFile() (info dossier.SectorFileInfo, ok bool, err error)
	// RefreshSectorFile downloads SCB's sector file into the vault,
	// telling progress the bytes read and the total (-1 when unknown);
	// ctx cancels it and keeps the old copy.
	RefreshSectorFile(ctx context.Context, progress func(read, total int64)) (dossier.SectorFileInfo, error)
	// ClassifyCustomers classifies the customer file in against the
	// sector file and writes the result to out in format ("csv" or
	// "xlsx"), telling progress the rows done and the total; column names
	// the number column ("" finds it), sectorFile a file to use instead
	// of the vault's copy ("" for the copy). Nothing is left at out when
	// it fails or ctx is cancelled.
	ClassifyCustomers(ctx context.Context, in, out string, column string, format string, sectorFile string, progress func(done, total int)) (dossier.ClassifySummary, error)
}
