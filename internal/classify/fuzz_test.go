package classify

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/motpart/motpart/internal/sheet"
)

func FuzzReadSectorFile(f *testing.F) {
	f.Add([]byte(scbHeader + "\n" + scbLine(exempelBygg, "43.210", "El") + "\n"))
	f.Add([]byte("\xEF\xBB\xBFOrgNr\tSektor, kod\r\n5560747569\t112000\r\n\"x\"\t\"\"\n"))
	f.Add([]byte("IdNr\tName\tBransch_1P\n165560747569\t\xC5\xC4\xD6\t43.210\n"))
	f.Add([]byte("Företagsnamn\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		x := NewIndex()
		lines := bytes.Count(data, []byte("\n")) + 1
		n := 0
		err := ReadSectorFile(bytes.NewReader(data), func(r SectorRecord) error {
			n++
			for _, s := range []string{r.OrgNr, r.PeOrgNr, r.Name, r.Sector, r.SectorText, r.LegalForm,
				r.LegalFormText, r.OwnerCategory, r.OwnerCategoryText, r.SNI} {
				if !utf8.ValidString(s) {
					t.Fatalf("a value is not UTF-8: %q", s)
				}
				if strings.ContainsAny(s, "\t\n") {
					t.Fatalf("a value holds a tab or line break: %q", s)
				}
			}
			x.Add(r)
			return nil
		})
		if n >= lines {
			t.Fatalf("%d records from %d lines", n, lines)
		}
		if err == nil && x.Len()+x.Skipped()+x.Duplicates() != n {
			t.Fatalf("index holds %d+%d+%d rows of %d", x.Len(), x.Skipped(), x.Duplicates(), n)
		}
		if err == nil {
			sameIndex(t, x, data)
		}
		var le *LimitError
		var fe *FormatError
		if err != nil && !errors.As(err, &le) && !errors.As(err, &fe) {
			t.Fatalf("error of an unexpected type %T: %v", err, err)
		}
	})
}

func FuzzCSVReader(f *testing.F) {
	f.Add([]byte(customers))
	f.Add([]byte("\xEF\xBB\xBFa,b\n\"1,2\",3\n"))
	f.Add(to1252(f, "Kund\tOrgnr\nÅkeri €\t556074-7569\n"))
	f.Add([]byte("a;\"b\n;c\";d\r\n\"unterminated"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := sheet.NewCSVReader(bytes.NewReader(data))
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
			var cl classifier
			cl.idx, cl.words, cl.col, cl.width, cl.sum = testIndex(), DefaultWords(), 1, 3, &Summary{BySector: map[string]int{}, ByLegalForm: map[string]int{}, SectorTexts: map[string]string{}, LegalFormTexts: map[string]string{}}
			if out := cl.row(r); len(out) < 3 {
				t.Fatalf("output row %q shorter than the header", out)
			}
		}
	})
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"5560747569", "16556074-7569", "811218-9876", "19811218-9876", "121212+1212", "", "ABC"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s, testNow)
		if n.Status != StatusValid {
			return
		}
		if _, ok := digits(n.PeOrgNr, 12); !ok {
			t.Fatalf("Normalize(%q).PeOrgNr = %q, not 12 digits", s, n.PeOrgNr)
		}
		x := NewIndex()
		x.Add(SectorRecord{PeOrgNr: n.PeOrgNr, Sector: "1"})
		if r, ok := x.Lookup(s); !ok || r.PeOrgNr != n.PeOrgNr {
			t.Fatalf("Lookup(%q) = %+v, %v after adding %s", s, r, ok, n.PeOrgNr)
		}
	})
}

// sameIndex checks that LoadSectorFile (which interns raw bytes) builds
// from data the index that Add of each record built in want.
func sameIndex(t *testing.T, want *Index, data []byte) {
	t.Helper()
	got, err := LoadSectorFile(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("LoadSectorFile: %v, ReadSectorFile: no error", err)
	}
	if got.Len() != want.Len() || got.Skipped() != want.Skipped() || got.Duplicates() != want.Duplicates() {
		t.Fatalf("LoadSectorFile: %d, %d, %d rows; Add: %d, %d, %d", got.Len(), got.Skipped(), got.Duplicates(),
			want.Len(), want.Skipped(), want.Duplicates())
	}
	for k, i := range want.pos {
		j, ok := got.pos[k]
		if !ok {
			t.Fatalf("LoadSectorFile lacks key %d", k)
		}
		if a, b := want.record(i, k), got.record(j, k); a != b {
			t.Fatalf("key %d: LoadSectorFile %+v, Add %+v", k, b, a)
		}
	}
}
