package gui

import (
	"context"

	"github.com/motpart/motpart/internal/dossier"
)

// The window's fake desk has a sector file of the screenshots' day and
// reads every customer file as the same few rows; a run counts them and
// ends with a summary over three sectors.

func fakeCustomerPreview() dossier.CustomerPreview {
	return dossier.CustomerPreview{
		Header: []string{"Kundnr", "Namn", "Organisationsnummer", "Ort"},
		Rows: [][]string{
			{"1001", "Exempel Bygg AB", "556074-7569", "Södertälje"},
			{"1002", "Åkesson Ärlig Öberg HB", "969663-7033", "Malmö"},
			{"1003", "Anna Andersson", "811218-9876", "Umeå"},
		},
		NumberColumn: 2,
	}
}

func fakeClassifySummary() dossier.ClassifySummary {
	return dossier.ClassifySummary{Rows: 100000, Matched: 95210, NotInFile: 3120, Invalid: 1170, SoleTraders: 500,
		BySector:    map[string]int{"112000": 80210, "141000": 9000, "151000": 6000},
		ByLegalForm: map[string]int{"49": 80210, "10": 9000, "61": 6000}}
}

func (d *fakeDesk) PreviewCustomers(string) (dossier.CustomerPreview, error) {
	return fakeCustomerPreview(), nil
}

func (d *fakeDesk) SectorFile() (dossier.SectorFileInfo, bool, error) {
	return dossier.SectorFileInfo{Date: shotTime, Rows: 1204317, Size: 98 << 20}, true, nil
}

func (d *fakeDesk) RefreshSectorFile(_ context.Context, progress func(read, total int64)) (dossier.SectorFileInfo, error) {
	progress(98<<20, 98<<20)
	info, _, err := d.SectorFile()
	return info, err
}

func (d *fakeDesk) ClassifyCustomers(ctx context.Context, _, _, _, _, _ string, progress func(done, total int)) (dossier.ClassifySummary, error) {
	for done := 0; done <= 100000; done += 25000 {
		if err := ctx.Err(); err != nil {
			return dossier.ClassifySummary{}, err
		}
		progress(done, 100000)
	}
	return fakeClassifySummary(), nil
}
