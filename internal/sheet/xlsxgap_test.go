package sheet

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSXRowGaps: a row missing from the sheet's XML is read as an
// empty row, so that row numbers stay the sheet's.
func TestXLSXRowGaps(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for cell, v := range map[string]string{"A1": "Orgnr", "A2": "923609016", "A4": "974760673"} {
		if err := f.SetCellValue("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(t.TempDir(), "gap.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	r, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	want := [][]string{{"Orgnr"}, {"923609016"}, nil, {"974760673"}}
	if got := readAll(t, r); !reflect.DeepEqual(got, want) {
		t.Errorf("rows = %q, want %q", got, want)
	}
}
