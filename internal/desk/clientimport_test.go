package desk

import (
	"archive/zip"
	"context"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/problem"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// importCSV is a client file: a header, then every outcome once.
const importCSV = `Kund|Orgnr|Kundnr|Ansvarig
Åkeri AB|556074-7569|K-1|Åsa Öberg
Equinor|923609016|K-2|Kari
Brønnøysund|974 760 673|K-3|Kari
Nokia|0112038-9||
Wrong|923609017|K-5|
Twice|923609016|K-6|
Nothing||K-7|
`

// importWant is what importing importCSV reports when 974760673 is a
// client already.
var importWant = portfolio.ImportReport{
	Rows: []portfolio.ImportRow{
		{Line: 2, Value: "556074-7569", Number: "556074-7569", Country: "SE", Outcome: portfolio.ImportAdded},
		{Line: 3, Value: "923609016", Number: "923609016", Country: "NO", Outcome: portfolio.ImportAdded},
		{Line: 4, Value: "974 760 673", Number: "974760673", Country: "NO", Outcome: portfolio.ImportExisting},
		{Line: 5, Value: "0112038-9", Number: "0112038-9", Country: "FI", Outcome: portfolio.ImportAdded},
		{Line: 6, Value: "923609017", Outcome: portfolio.ImportInvalid, Reason: "Norwegian organisation number: the check digit is wrong"},
		{Line: 7, Value: "923609016", Number: "923609016", Country: "NO", Outcome: portfolio.ImportDuplicate},
		{Line: 8, Outcome: portfolio.ImportEmpty},
	},
	Added: 3, Existing: 1, Duplicate: 1, Invalid: 1, Empty: 1,
}

// writeImportFile writes data to name in a new folder.
func writeImportFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// importXLSX writes importCSV as a workbook; the numbers without
// separators as numbers.
func importXLSX(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, line := range strings.Split(strings.TrimSuffix(importCSV, "\n"), "\n") {
		var row []any
		for _, s := range strings.Split(line, "|") {
			if s == "923609016" {
				row = append(row, 923609016)
				continue
			}
			row = append(row, s)
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(t.TempDir(), "kunder.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportClients(t *testing.T) {
	csvOf := func(sep string) string { return strings.ReplaceAll(importCSV, "|", sep) }
	to1252 := func(s string) []byte {
		b, err := charmap.Windows1252.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return []byte(b)
	}
	tests := []struct {
		name   string
		path   func(t *testing.T) string
		format string
	}{
		{"UTF-8 comma", func(t *testing.T) string { return writeImportFile(t, "k.csv", []byte(csvOf(","))) }, "CSV (,, UTF-8)"},
		{"UTF-8 BOM semicolon CRLF", func(t *testing.T) string {
			return writeImportFile(t, "k.csv", []byte("\xEF\xBB\xBF"+strings.ReplaceAll(csvOf(";"), "\n", "\r\n")))
		}, "CSV (;, UTF-8 with BOM)"},
		{"Windows-1252 tab", func(t *testing.T) string { return writeImportFile(t, "k.txt", to1252(csvOf("\t"))) }, "CSV (tab, Windows-1252)"},
		{"XLSX", importXLSX, "XLSX"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newClientDesk(t)
			if _, err := d.AddClient("974760673", "old", ""); err != nil {
				t.Fatal(err)
			}
			path := tc.path(t)
			p, err := d.PreviewClientImport(path)
			if err != nil {
				t.Fatal(err)
			}
			if p.Column != 1 || p.ReferenceColumn != 2 || p.ResponsibleColumn != 3 || p.Format != tc.format || len(p.Rows) != 7 {
				t.Errorf("preview = columns %d %d %d, %q, %d rows; want 1 2 3, %q, 7",
					p.Column, p.ReferenceColumn, p.ResponsibleColumn, p.Format, len(p.Rows), tc.format)
			}
			if !reflect.DeepEqual(p.Header, []string{"Kund", "Orgnr", "Kundnr", "Ansvarig"}) {
				t.Errorf("header = %q", p.Header)
			}
			var calls [][2]int
			rep, err := d.ImportClients(context.Background(), path,
				portfolio.ImportOptions{Column: -1, ReferenceColumn: p.ReferenceColumn, ResponsibleColumn: p.ResponsibleColumn},
				func(done, total int) { calls = append(calls, [2]int{done, total}) })
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(rep, importWant) {
				t.Errorf("report = %+v\nwant %+v", rep, importWant)
			}
			if last := calls[len(calls)-1]; last[0] != 7 || (last[1] != 7 && tc.format != "XLSX") {
				t.Errorf("progress = %v, want it to end at 7 of 7", calls)
			}
			clients, err := d.Clients()
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][2]string{}
			for _, c := range clients {
				got[c.Number] = [2]string{c.Reference, c.Responsible}
			}
			want := map[string][2]string{
				"556074-7569": {"K-1", "Åsa Öberg"}, "923609016": {"K-2", "Kari"},
				"974760673": {"old", ""}, "0112038-9": {"", ""},
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("clients = %v, want %v", got, want)
			}
			if a := auditActions(t, d); a[len(a)-1] != "client.import" {
				t.Errorf("audit = %q", a)
			}
		})
	}
}

func TestImportClientsAddsNothingOnCancel(t *testing.T) {
	var b strings.Builder
	b.WriteString("Orgnr\n")
	for range 1000 {
		b.WriteString("923609016\n974760673\n")
	}
	path := writeImportFile(t, "many.csv", []byte(b.String()))
	d := newClientDesk(t)
	ctx, cancel := context.WithCancel(context.Background())
	_, err := d.ImportClients(ctx, path, portfolio.ImportOptions{Column: 0, ReferenceColumn: -1, ResponsibleColumn: -1},
		func(done, total int) {
			if done >= 512 {
				cancel()
			}
		})
	if problem.CodeOf(err) != problem.CodeCanceled {
		t.Fatalf("ImportClients = %v, want %s", err, problem.CodeCanceled)
	}
	if clients, err := d.Clients(); err != nil || len(clients) != 0 {
		t.Errorf("after a cancelled import: %d clients, %v", len(clients), err)
	}
}

func TestImportClientsErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		opt  portfolio.ImportOptions
		code problem.Code
	}{
		{"no number column", "Namn;Ort\nA;B\n", portfolio.ImportOptions{Column: -1}, problem.CodeImportNoNumberColumn},
		{"empty", "", portfolio.ImportOptions{Column: -1}, problem.CodeEmptyImport},
		{"a line too long", "Orgnr\n" + strings.Repeat("9", 2<<20) + "\n", portfolio.ImportOptions{Column: 0}, problem.CodeCustomerFileUnreadable},
		{"too many rows", "Orgnr\n" + strings.Repeat("923609016\n", maxImportRows+1), portfolio.ImportOptions{Column: 0}, problem.CodeCustomerFileUnreadable},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newClientDesk(t)
			_, err := d.ImportClients(context.Background(), writeImportFile(t, "k.csv", []byte(tc.data)), tc.opt, nil)
			if problem.CodeOf(err) != tc.code {
				t.Fatalf("ImportClients = %v, want %s", err, tc.code)
			}
			if clients, _ := d.Clients(); len(clients) != 0 {
				t.Errorf("%d clients added", len(clients))
			}
		})
	}
	d := newClientDesk(t)
	if _, err := d.PreviewClientImport(filepath.Join(t.TempDir(), "none.csv")); problem.CodeOf(err) != problem.CodeCustomerFileUnreadable {
		t.Errorf("PreviewClientImport(missing) = %v", err)
	}
}

// readZipEntry returns an entry of the zip at path.
func readZipEntry(t *testing.T, path, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("%s holds no %s", path, name)
	return ""
}
