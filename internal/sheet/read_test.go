package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

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

// readAll reads every row of a reader.
func readAll(t testing.TB, rr Reader) [][]string {
	t.Helper()
	var rows [][]string
	for {
		r, err := rr.Next()
		if errors.Is(err, io.EOF) {
			return rows
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		rows = append(rows, r)
	}
}

func TestCSVReader(t *testing.T) {
	want := [][]string{{"Kund", "Orgnr", "Ort"}, {"Åkeri AB", "556074-7569", "Göteborg"}, {"Café €, \"Ö\"", "811218-9876", "Malmö"}}
	csvOf := func(sep string) string {
		return "Kund" + sep + "Orgnr" + sep + "Ort\r\n" +
			"Åkeri AB" + sep + "556074-7569" + sep + "Göteborg\r\n" +
			`"Café €, ""Ö"""` + sep + "811218-9876" + sep + "Malmö\r\n"
	}
	tests := []struct {
		name  string
		data  []byte
		enc   Encoding
		comma rune
	}{
		{"semicolon UTF-8 BOM", []byte("\xEF\xBB\xBF" + csvOf(";")), UTF8BOM, ';'},
		{"comma UTF-8", []byte(csvOf(",")), UTF8, ','},
		{"tab Windows-1252", to1252(t, csvOf("\t")), Windows1252, '\t'},
		{"semicolon Windows-1252", to1252(t, csvOf(";")), Windows1252, ';'},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rr, err := Open(writeFile(t, "kunder.csv", tc.data))
			if err != nil {
				t.Fatal(err)
			}
			defer rr.Close()
			c := rr.(*CSVReader)
			if c.enc != tc.enc || c.comma != tc.comma {
				t.Errorf("encoding, delimiter = %v, %q; want %v, %q", c.enc, c.comma, tc.enc, tc.comma)
			}
			if got := readAll(t, rr); !reflect.DeepEqual(got, want) {
				t.Errorf("rows = %q, want %q", got, want)
			}
			if rr.Total() != 3 {
				t.Errorf("Total = %d, want 3", rr.Total())
			}
		})
	}
}

func TestSniffDelimiter(t *testing.T) {
	tests := []struct {
		sample string
		want   rune
	}{
		{"a;b;c\n1;2;3\n", ';'},
		{"a,b,c\n1,2,3\n", ','},
		{"a\tb\n1\t2\n", '\t'},
		{"namn;orgnr\n\"Bygg, AB\";5560747569\n", ';'}, // the comma is quoted
		{"name,amount\nX,\"1;2\"\n", ','},              // the semicolon is quoted
		{"a;b,c;d\n1;2,3;4\n", ';'},                    // both consistent: the most fields wins
		{"orgnr\n5560747569\n", ','},                   // one column: any will do
		{"a;b;c\n1;2\n", ';'},                          // not consistent: the header decides
		{"a;b\n\"multi\nline\";x\n", ';'},              // a quoted line break
	}
	for _, tc := range tests {
		if got := sniffDelimiter([]byte(tc.sample)); got != tc.want {
			t.Errorf("sniffDelimiter(%q) = %q, want %q", tc.sample, got, tc.want)
		}
	}
}

func TestDecode1252(t *testing.T) {
	const s = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ ÅÄÖåäöé"
	if got := Decode1252(string(to1252(t, s))); got != s {
		t.Errorf("decode1252 = %q, want %q", got, s)
	}
}

func TestCSVLineLimit(t *testing.T) {
	data := "a;b\n1;" + strings.Repeat("x", MaxLine+1) + "\n"
	rr, err := Open(writeFile(t, "long.csv", []byte(data)))
	if err == nil {
		defer rr.Close()
		for err == nil {
			_, err = rr.Next()
		}
	}
	var le *LimitError
	if !errors.As(err, &le) || le.Limit != LimitLine {
		t.Fatalf("err = %v, want a line limit", err)
	}
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

func TestXLSXReader(t *testing.T) {
	p := makeXLSX(t, [][]any{
		{"Kund", "Orgnr", "Belopp"},
		{"Åkeri AB", 5560747569, 12.5},
		{"Anna", "811218-9876", nil},
		{"Sist", 198112189876, "x"},
	})
	rr, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer rr.Close()
	want := [][]string{{"Kund", "Orgnr", "Belopp"}, {"Åkeri AB", "5560747569", "12.5"}, {"Anna", "811218-9876"}, {"Sist", "198112189876", "x"}}
	if got := readAll(t, rr); !reflect.DeepEqual(got, want) {
		t.Errorf("rows = %q, want %q", got, want)
	}
}

func TestXLSXLimits(t *testing.T) {
	many := make([]zipEntry, MaxXLSXEntries+1)
	for i := range many {
		many[i] = zipEntry{name: "x/" + strconv.Itoa(i), data: "x"}
	}
	tests := []struct {
		name  string
		zip   []byte
		limit string
	}{
		{"too many entries", makeZip(t, many...), LimitEntries},
		{"zip bomb", makeZip(t, zipEntry{"xl/worksheets/sheet1.xml", strings.Repeat("<row/>", 2<<20), 8}), LimitRatio},
		{"not a workbook", makeZip(t, zipEntry{"a.txt", "x", 8}), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Open(writeFile(t, "k.xlsx", tc.zip))
			var le *LimitError
			var fe *FormatError
			if tc.limit != "" && (!errors.As(err, &le) || le.Limit != tc.limit) {
				t.Fatalf("err = %v, want limit %s", err, tc.limit)
			}
			if tc.limit == "" && !errors.As(err, &fe) {
				t.Fatalf("err = %v (%T), want *FormatError", err, err)
			}
		})
	}
}

// zipEntry is a file to put in a test zip.
type zipEntry struct {
	name   string
	data   string
	method uint16
}

func makeZip(t testing.TB, entries ...zipEntry) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: e.method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(e.data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
