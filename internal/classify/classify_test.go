package classify

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var testNow = time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)

func testIndex() *Index {
	x := NewIndex()
	for _, r := range []SectorRecord{exempelBygg, annaAndersson, umlauts} {
		x.Add(r)
	}
	return x
}

// privat is a valid personal number that the test index does not hold.
var privat = withCheck("750101123")

// customers is a customer file (semicolon-separated, as Excel on a Swedish
// Windows saves it) and the rows Classify should make of it.
var (
	customers = "Kund;Orgnr;Belopp\r\n" +
		"Exempel Bygg;556074-7569;100\r\n" +
		"Anna;811218-9876;200\r\n" +
		"Privat;" + privat[:6] + "-" + privat[6:] + ";300\r\n" +
		"Fel;5565631157;400\r\n" +
		"Tom;;500\r\n" +
		"Okänd AB;5560743089;600\r\n" +
		"Extra;5562529155;7;extra1;extra2\r\n" +
		"\r\n" +
		"Kort;16 556074-7569\r\n"
	classified = [][]string{
		{"Kund", "Orgnr", "Belopp", "PeOrgNr", "Sector code", "Sector", "Legal form code", "Legal form", "Owner category code", "Owner category", "SNI", "Match", "Reason"},
		{"Exempel Bygg", "556074-7569", "100", "165560747569", "112000", "Övriga icke-finansiella bolag", "49", "Övriga aktiebolag", "..", "..", "43210", "matched", ""},
		{"Anna", "811218-9876", "200", "198112189876", "141000", "Företagarhushåll", "10", "Fysiska personer", "10", "Fysiska personer", "01110", "sole trader (personal number)", ""},
		{"Privat", privat[:6] + "-" + privat[6:], "300", "19" + privat, "", "", "", "", "", "", "", "not in the sector file", "a personal number that is not a sole trader's"},
		{"Fel", "5565631157", "400", "", "", "", "", "", "", "", "", "invalid number", "the check digit is wrong"},
		{"Tom", "", "500", "", "", "", "", "", "", "", "", "invalid number", "no number"},
		{"Okänd AB", "5560743089", "600", "165560743089", "", "", "", "", "", "", "", "not in the sector file", ""},
		{"Extra", "5562529155", "7", "165562529155", "112000", "Övriga icke-finansiella bolag", "49", "Övriga aktiebolag", "30", "Svenskt privat ägande", "56100", "matched", "", "extra1", "extra2"},
		{"Kort", "16 556074-7569", "", "165560747569", "112000", "Övriga icke-finansiella bolag", "49", "Övriga aktiebolag", "..", "..", "43210", "matched", ""},
	}
	classifiedSummary = Summary{
		Rows: 8, Matched: 3, SoleTraders: 1, NotInFile: 2, Invalid: 2,
		BySector:       map[string]int{"112000": 3, "141000": 1},
		ByLegalForm:    map[string]int{"49": 3, "10": 1},
		SectorTexts:    map[string]string{"112000": "Övriga icke-finansiella bolag", "141000": "Företagarhushåll"},
		LegalFormTexts: map[string]string{"49": "Övriga aktiebolag", "10": "Fysiska personer"},
		Column:         "Orgnr", ColumnIndex: 1,
	}
)

// csvText is rows as Classify writes them with delimiter d.
func csvText(rows [][]string, d string) string {
	var b strings.Builder
	b.WriteString("\xEF\xBB\xBF")
	for _, r := range rows {
		b.WriteString(strings.Join(r, d) + "\r\n")
	}
	return b.String()
}

// readXLSX reads the first sheet of a workbook with excelize, trailing
// blank cells left out.
func readXLSX(t testing.TB, path string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("excelize cannot open the output: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		for len(r) > 0 && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		rows[i] = r
	}
	return rows
}

func trimRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		for len(r) > 0 && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		out[i] = r
	}
	return out
}

func TestClassify(t *testing.T) {
	xlsxIn := make([][]any, 0, len(classified))
	for _, r := range strings.Split(strings.TrimSuffix(customers, "\r\n"), "\r\n") {
		var row []any
		for _, c := range strings.Split(r, ";") {
			row = append(row, c)
		}
		if r == "" {
			continue
		}
		xlsxIn = append(xlsxIn, row)
	}
	tests := []struct {
		name   string
		in     func(t *testing.T) string
		column string
		out    string
		format string
		delim  rune
		want   func(t *testing.T, path string)
	}{
		{name: "CSV Windows-1252 to CSV", in: func(t *testing.T) string { return writeFile(t, "k.csv", to1252(t, customers)) },
			out: "ut.csv", want: wantCSV(csvText(classified, ";"))},
		{name: "CSV UTF-8 to CSV, comma, column by name", column: "ORGNR",
			in: func(t *testing.T) string {
				return writeFile(t, "k.csv", []byte(strings.ReplaceAll(customers, ";", ",")))
			},
			out: "ut.csv", want: wantCSV(csvText(classified, ","))},
		{name: "CSV to CSV, tab asked for, column by index", column: "#2",
			in:  func(t *testing.T) string { return writeFile(t, "k.csv", []byte(customers)) },
			out: "ut.txt", delim: '\t', want: wantCSV(csvText(classified, "\t"))},
		{name: "CSV to XLSX", in: func(t *testing.T) string { return writeFile(t, "k.csv", []byte(customers)) },
			out: "ut.xlsx", want: wantXLSX(classified)},
		{name: "XLSX to XLSX, format named", in: func(t *testing.T) string { return makeXLSX(t, xlsxIn) },
			out: "ut.dat", format: "XLSX", want: wantXLSX(classified)},
		{name: "XLSX to CSV", in: func(t *testing.T) string { return makeXLSX(t, xlsxIn) },
			out: "ut.csv", want: wantCSV(csvText(classified, ";"))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in(t)
			out := filepath.Join(t.TempDir(), tc.out)
			var calls [][2]int
			sum, err := Classify(context.Background(), Input{Path: in, Column: tc.column, Now: testNow}, testIndex(),
				Output{Path: out, Format: tc.format, Delimiter: tc.delim}, func(done, total int) { calls = append(calls, [2]int{done, total}) })
			if err != nil {
				t.Fatalf("Classify: %v", err)
			}
			want := classifiedSummary
			if !reflect.DeepEqual(sum, want) {
				t.Errorf("summary\n%+v\nwant\n%+v", sum, want)
			}
			tc.want(t, out)
			if len(calls) < 2 || calls[0][0] != 0 || calls[len(calls)-1] != [2]int{8, 8} {
				t.Errorf("progress calls = %v, want from 0 to (8, 8)", calls)
			}
			leftovers(t, filepath.Dir(out), filepath.Base(out))
		})
	}
}

func wantCSV(want string) func(t *testing.T, path string) {
	return func(t *testing.T, path string) {
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("output\n%q\nwant\n%q", got, want)
		}
	}
}

func wantXLSX(want [][]string) func(t *testing.T, path string) {
	return func(t *testing.T, path string) {
		if got := readXLSX(t, path); !reflect.DeepEqual(got, trimRows(want)) {
			t.Errorf("output\n%q\nwant\n%q", got, trimRows(want))
		}
	}
}

// leftovers fails unless dir holds exactly the files named (and the
// test's input, which lives elsewhere).
func leftovers(t *testing.T, dir string, want ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
		t.Errorf("files in the output folder = %q, want %q", got, want)
	}
}

func TestClassifyWords(t *testing.T) {
	in := writeFile(t, "k.csv", []byte("Nr\n5560747569\n5565631157\n"))
	out := filepath.Join(t.TempDir(), "ut.csv")
	words := Words{PeOrgNr: "PeOrgNr", SectorCode: "Sektor, kod", Matched: "matchad", Invalid: "ogiltigt", Checksum: "fel kontrollsiffra"}
	if _, err := Classify(context.Background(), Input{Path: in, Now: testNow}, testIndex(), Output{Path: out, Words: &words}, nil); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	want := "\xEF\xBB\xBFNr,PeOrgNr,\"Sektor, kod\",Sector,Legal form code,Legal form,Owner category code,Owner category,SNI,Match,Reason\r\n" +
		"5560747569,165560747569,112000,Övriga icke-finansiella bolag,49,Övriga aktiebolag,..,..,43210,matchad,\r\n" +
		"5565631157,,,,,,,,,ogiltigt,fel kontrollsiffra\r\n"
	if string(got) != want {
		t.Errorf("output\n%q\nwant\n%q", got, want)
	}
}

func TestClassifyErrors(t *testing.T) {
	tests := []struct {
		name   string
		data   string
		column string
		format string
		check  func(error) bool
	}{
		{"no number column", "a;b\nx;1\n", "", "", func(err error) bool { return errors.Is(err, ErrNoColumn) }},
		{"unknown column", customers, "Saknas", "", func(err error) bool { var e *ColumnNotFoundError; return errors.As(err, &e) }},
		{"unknown format", customers, "", "pdf", func(err error) bool { return err != nil && strings.Contains(err.Error(), "pdf") }},
		{"empty file", "", "", "", func(err error) bool { var e *FormatError; return errors.As(err, &e) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			_, err := Classify(context.Background(), Input{Path: writeFile(t, "k.csv", []byte(tc.data)), Column: tc.column, Now: testNow},
				testIndex(), Output{Path: filepath.Join(dir, "ut.csv"), Format: tc.format}, nil)
			if !tc.check(err) {
				t.Errorf("err = %v", err)
			}
			leftovers(t, dir)
		})
	}
}

// bigCustomers is a CSV of n rows.
func bigCustomers(t testing.TB, n int) string {
	var b strings.Builder
	b.WriteString("Kund;Orgnr\n")
	for i := range n {
		fmt.Fprintf(&b, "Kund %d;556074-7569\n", i)
	}
	return writeFile(t, "stor.csv", []byte(b.String()))
}

func TestClassifyCancelled(t *testing.T) {
	in := bigCustomers(t, 5000)
	for _, format := range []string{FormatCSV, FormatXLSX} {
		for _, when := range []string{"before", "during"} {
			t.Run(format+" "+when, func(t *testing.T) {
				dir := t.TempDir()
				out := filepath.Join(dir, "ut."+format)
				if err := os.WriteFile(out, []byte("the old file"), 0o600); err != nil {
					t.Fatal(err)
				}
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				if when == "before" {
					cancel()
				}
				_, err := Classify(ctx, Input{Path: in, Now: testNow}, testIndex(), Output{Path: out}, func(done, total int) {
					if done >= 2048 {
						cancel()
					}
				})
				if !errors.Is(err, context.Canceled) {
					t.Fatalf("err = %v, want context.Canceled", err)
				}
				if b, _ := os.ReadFile(out); string(b) != "the old file" {
					t.Errorf("the file at the output path is %q, want it untouched", b)
				}
				leftovers(t, dir, "ut."+format)
			})
		}
	}
}

// failingWriter fails every write after the first limit bytes, as a full
// disk does.
type failingWriter struct {
	w     io.Writer
	limit int
}

var errDiskFull = errors.New("no space left on device")

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) > f.limit {
		n, _ := f.w.Write(p[:f.limit])
		f.limit = 0
		return n, errDiskFull
	}
	f.limit -= len(p)
	return f.w.Write(p)
}

func TestClassifyDiskFull(t *testing.T) {
	in := bigCustomers(t, 20000)
	for _, format := range []string{FormatCSV, FormatXLSX} {
		for _, limit := range []int{0, 100, 300 << 10} {
			t.Run(fmt.Sprintf("%s after %d bytes", format, limit), func(t *testing.T) {
				dir := t.TempDir()
				out := filepath.Join(dir, "ut."+format)
				_, err := classify(context.Background(), Input{Path: in, Now: testNow}, testIndex(), Output{Path: out}, nil,
					func(w io.Writer) io.Writer { return &failingWriter{w: w, limit: limit} })
				if !errors.Is(err, errDiskFull) {
					t.Fatalf("err = %v, want the disk-full error", err)
				}
				leftovers(t, dir)
			})
		}
	}
}

func TestClassifyNoFolder(t *testing.T) {
	in := writeFile(t, "k.csv", []byte(customers))
	_, err := Classify(context.Background(), Input{Path: in}, testIndex(), Output{Path: filepath.Join(t.TempDir(), "saknas", "ut.csv")}, nil)
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v, want not exist", err)
	}
}
