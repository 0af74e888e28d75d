package classify

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// writeFile writes data to name in a new temporary folder.
func writeFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// to1252 encodes s as Windows-1252.
func to1252(t testing.TB, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(b)
}

// makeXLSX writes rows to a new workbook, numbers as numbers when num.
func makeXLSX(t testing.TB, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(t.TempDir(), "kunder.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDetectColumn(t *testing.T) {
	now := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		header []string
		rows   [][]string
		want   int
	}{
		{"valid numbers", []string{"Namn", "Nummer", "Belopp"},
			[][]string{{"A", "5560747569", "5560747569.00"}, {"B", "811218-9876", "1"}}, 1},
		{"shapes only, bad check digits", []string{"a", "b"}, [][]string{{"x", "5565631157"}, {"y", "5565631158"}}, 1},
		{"hint beats a better column", []string{"Organisationsnummer", "Annat"},
			[][]string{{"5565631157", "5560747569"}, {"", "5562529155"}, {"5560747569", ""}}, 0},
		{"hint alone is not enough", []string{"Orgnr", "Namn"}, [][]string{{"saknas", "A"}, {"", "B"}}, -1},
		{"nothing", []string{"a", "b"}, [][]string{{"x", "1"}, {"y", "2"}}, -1},
		{"a column past the header", []string{"Namn"}, [][]string{{"A", "5560747569"}, {"B", "5562529155"}}, 1},
		{"Norwegian numbers are not Swedish", []string{"a"}, [][]string{{"923609016"}, {"974760673"}}, -1},
	}
	for _, tc := range tests {
		if got := detectColumn(tc.header, tc.rows, now); got != tc.want {
			t.Errorf("%s: detectColumn = %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestFindColumn(t *testing.T) {
	h := []string{"Kund", " OrgNr ", "Ort"}
	tests := []struct {
		name string
		want int
	}{
		{"orgnr", 1}, {"ORGNR ", 1}, {"#3", 2}, {"#1", 0}, {"Saknas", -1}, {"#0", -1},
	}
	for _, tc := range tests {
		got, err := findColumn(h, tc.name)
		var nf *ColumnNotFoundError
		if got != tc.want || (tc.want < 0) != errors.As(err, &nf) {
			t.Errorf("findColumn(%q) = %d, %v; want %d", tc.name, got, err, tc.want)
		}
	}
}

func TestPreview(t *testing.T) {
	data := "\xEF\xBB\xBF\r\nKund;Nr;Belopp\r\nA;556074-7569;1\r\nB;811218-9876;2\r\nC;;3\r\n"
	tab, err := Preview(writeFile(t, "k.csv", []byte(data)), 2)
	if err != nil {
		t.Fatal(err)
	}
	want := Table{Header: []string{"Kund", "Nr", "Belopp"}, Rows: [][]string{{"A", "556074-7569", "1"}, {"B", "811218-9876", "2"}}, NumberColumn: 1}
	if !reflect.DeepEqual(tab, want) {
		t.Errorf("Preview = %+v, want %+v", tab, want)
	}
	if _, err := Preview(writeFile(t, "empty.csv", nil), 5); err == nil {
		t.Error("Preview of an empty file: no error")
	}
}
