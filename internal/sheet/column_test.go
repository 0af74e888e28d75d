package sheet

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"
)

func TestColumnByWords(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		words  []string
		skip   []int
		want   int
	}{
		{"English reference", []string{"Org no", "Reference", "Responsible"}, ReferenceWords, nil, 1},
		{"Swedish kundnr with punctuation", []string{"Orgnr", "Kund-nr.", "Ansvarig"}, ReferenceWords, nil, 1},
		{"Norwegian kundenummer", []string{"Orgnr", "Kundenummer"}, ReferenceWords, nil, 1},
		{"Finnish asiakasnumero", []string{"Y-tunnus", "Asiakasnumero", "Vastuuhenkilö"}, ReferenceWords, nil, 1},
		{"Swedish ansvarig", []string{"Orgnr", "Kund-nr.", "Ansvarig"}, ResponsibleWords, nil, 2},
		{"Norwegian kundeansvarlig", []string{"Orgnr", "Kundeansvarlig"}, ResponsibleWords, nil, 1},
		{"Finnish vastuuhenkilö", []string{"Y-tunnus", "Asiakasnumero", "Vastuuhenkilö"}, ResponsibleWords, nil, 2},
		{"contained word", []string{"Orgnr", "Vår referens"}, ReferenceWords, nil, 1},
		{"exact beats contained", []string{"Kundreferens gammal", "Ref"}, ReferenceWords, nil, 1},
		{"skipped", []string{"Kundnr", "Ref"}, ReferenceWords, []int{0}, 1},
		{"none", []string{"Orgnr", "Namn"}, ResponsibleWords, nil, -1},
	}
	for _, tc := range tests {
		if got := ColumnByWords(tc.header, tc.words, tc.skip...); got != tc.want {
			t.Errorf("%s: ColumnByWords(%q) = %d, want %d", tc.name, tc.header, got, tc.want)
		}
	}
}

func TestFoldHeader(t *testing.T) {
	tests := map[string]string{
		"Kund-nr.":      "kundnr",
		"Vastuuhenkilö": "vastuuhenkilo",
		" Ansvarlig ":   "ansvarlig",
		"Handläggare":   "handlaggare",
		"Kundeansvær":   "kundeansvær",
	}
	for in, want := range tests {
		if got := FoldHeader(in); got != want {
			t.Errorf("FoldHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDetectColumn(t *testing.T) {
	score := func(s string) float64 {
		switch s {
		case "yes":
			return 1
		case "maybe":
			return 0.5
		}
		return 0
	}
	hint := func(h string) bool { return h == "Nr" }
	tests := []struct {
		name   string
		header []string
		rows   [][]string
		want   int
	}{
		{"the best column", []string{"a", "b"}, [][]string{{"maybe", "yes"}, {"no", "yes"}}, 1},
		{"a hint adds a quarter", []string{"Nr", "b"}, [][]string{{"yes", "yes"}, {"maybe", "yes"}}, 0},
		{"a hint alone is not enough", []string{"Nr"}, [][]string{{"no"}, {""}}, -1},
		{"a hint and some", []string{"Nr"}, [][]string{{"no"}, {"maybe"}}, 0},
		{"blank cells do not count", []string{"a"}, [][]string{{""}, {"yes"}}, 0},
		{"past the header", []string{"a"}, [][]string{{"no", "yes"}}, 1},
		{"nothing", []string{"a"}, [][]string{{"no"}}, -1},
	}
	for _, tc := range tests {
		if got := DetectColumn(tc.header, tc.rows, score, hint); got != tc.want {
			t.Errorf("%s: DetectColumn = %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestWriteFile(t *testing.T) {
	rows := [][]string{{"Namn", "Nummer"}, {"Åkeri; \"AB\"", "0123"}, {"Ørsta", "923609016"}}
	write := func(w Writer) error {
		for _, r := range rows {
			if err := w.Write(r); err != nil {
				return err
			}
		}
		return nil
	}
	dir := t.TempDir()

	csvPath := filepath.Join(dir, "ut.csv")
	if err := WriteFile(csvPath, write); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	want := "\xEF\xBB\xBFNamn;Nummer\r\n\"Åkeri; \"\"AB\"\"\";0123\r\nØrsta;923609016\r\n"
	if string(data) != want {
		t.Errorf("CSV = %q, want %q", data, want)
	}

	xlsxPath := filepath.Join(dir, "ut.xlsx")
	if err := WriteFile(xlsxPath, write); err != nil {
		t.Fatal(err)
	}
	r, err := Open(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got := readAll(t, r); !reflect.DeepEqual(got, rows) {
		t.Errorf("XLSX rows = %q, want %q", got, rows)
	}
	if r.Format() != "XLSX" {
		t.Errorf("Format = %q", r.Format())
	}

	// A failed write leaves the file as it was and no temporary file.
	boom := errors.New("boom")
	if err := WriteFile(csvPath, func(w Writer) error { _ = w.Write([]string{"x"}); return boom }); !errors.Is(err, boom) {
		t.Fatalf("WriteFile = %v, want boom", err)
	}
	if again, _ := os.ReadFile(csvPath); !bytes.Equal(again, data) {
		t.Errorf("a failed write changed the file: %q", again)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("the folder holds %d files, want 2", len(ents))
	}
	if err := WriteFile(filepath.Join(dir, "ut.txt"), write); err == nil {
		t.Error("WriteFile of a .txt: no error")
	}
}

func TestCSVFormat(t *testing.T) {
	tests := []struct {
		data string
		want string
	}{
		{"a;b\n1;2\n", "CSV (;, UTF-8)"},
		{"\xEF\xBB\xBFa\tb\n1\t2\n", "CSV (tab, UTF-8 with BOM)"},
		{"a,\xC5\n1,2\n", "CSV (,, Windows-1252)"},
	}
	for _, tc := range tests {
		c, err := NewCSVReader(bytes.NewReader([]byte(tc.data)))
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Format(); got != tc.want {
			t.Errorf("Format of %q = %q, want %q", tc.data, got, tc.want)
		}
	}
}

func FuzzCSVReader(f *testing.F) {
	f.Add([]byte("Orgnr;Kundnr;Ansvarig\r\n923609016;K-1;Kari\r\n"))
	f.Add([]byte("\xEF\xBB\xBFa,b\n\"1,2\",3\n"))
	f.Add([]byte("Kund\tOrgnr\n\xC5keri \x80\t556074-7569\n"))
	f.Add([]byte("a;\"b\n;c\";d\r\n\"unterminated"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := NewCSVReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		for range 10000 {
			r, err := c.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				var fe *FormatError
				var le *LimitError
				if !errors.As(err, &fe) && !errors.As(err, &le) {
					t.Fatalf("error of an unexpected type %T: %v", err, err)
				}
				return
			}
			for _, s := range r {
				if !utf8.ValidString(s) {
					t.Fatalf("a field is not UTF-8: %q", s)
				}
			}
		}
	})
}
