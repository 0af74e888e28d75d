package classify

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

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

func TestReadSectorZip(t *testing.T) {
	file := toLatin1(t, scbHeader+"\n"+scbLine(umlauts, "56.100", "Restaurangverksamhet")+"\n")
	many := make([]zipEntry, DefaultMaxEntries+1)
	for i := range many {
		many[i] = zipEntry{name: fmt.Sprintf("f%d.txt", i), data: "x"}
	}
	bomb := "OrgNr\n" + strings.Repeat("5560747569\n", 300_000) // 3.3 MB, compresses > 200 times
	tests := []struct {
		name    string
		zip     []byte
		lim     ZipLimits
		want    []SectorRecord
		limit   string
		format  bool
		corrupt bool
	}{
		{name: "deflated", zip: makeZip(t, zipEntry{"sektor.txt", file, zip.Deflate}), want: []SectorRecord{umlauts}},
		{name: "stored, in a folder, beside others", zip: makeZip(t, zipEntry{"README.pdf", "x", zip.Store}, zipEntry{"ut/SEKTOR.TXT", file, zip.Store}), want: []SectorRecord{umlauts}},
		{name: "the only txt, named otherwise", zip: makeZip(t, zipEntry{"sektor_20261203.txt", file, zip.Deflate}), want: []SectorRecord{umlauts}},
		{name: "no txt", zip: makeZip(t, zipEntry{"sektor.csv", file, zip.Deflate}), format: true},
		{name: "two txt, neither sektor.txt", zip: makeZip(t, zipEntry{"a.txt", file, zip.Deflate}, zipEntry{"b.txt", file, zip.Deflate}), format: true},
		{name: "not a zip", zip: []byte(file), format: true},
		{name: "too many entries", zip: makeZip(t, many...), limit: LimitEntries},
		{name: "too large", zip: makeZip(t, zipEntry{"sektor.txt", file, zip.Deflate}), lim: ZipLimits{MaxEntrySize: 100}, limit: LimitEntrySize},
		{name: "zip bomb", zip: makeZip(t, zipEntry{"sektor.txt", bomb, zip.Deflate}), limit: LimitRatio},
		{name: "corrupt", zip: makeZip(t, zipEntry{"sektor.txt", file, zip.Store}), corrupt: true, format: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			z := tc.zip
			if tc.corrupt { // a byte of the stored text changed: the CRC fails
				z = bytes.Clone(z)
				z[bytes.Index(z, []byte("\xC5ngstr"))+1] = 'N'
			}
			var got []SectorRecord
			err := tc.lim.ReadSectorZip(bytes.NewReader(z), int64(len(z)), func(r SectorRecord) error {
				got = append(got, r)
				return nil
			})
			var le *LimitError
			var fe *FormatError
			switch {
			case tc.limit != "":
				if !errors.As(err, &le) || le.Limit != tc.limit {
					t.Fatalf("err = %v, want limit %s", err, tc.limit)
				}
			case tc.format:
				if !errors.As(err, &fe) {
					t.Fatalf("err = %v (%T), want *FormatError", err, err)
				}
			case err != nil:
				t.Fatalf("ReadSectorZip: %v", err)
			default:
				if !reflect.DeepEqual(got, tc.want) {
					t.Errorf("got %+v, want %+v", got, tc.want)
				}
			}
		})
	}
}

func TestLoadSectorZip(t *testing.T) {
	file := toLatin1(t, scbHeader+"\n"+scbLine(exempelBygg, "43.210", "El")+"\n"+scbLine(annaAndersson, "01.110", "Odling")+"\n")
	z := makeZip(t, zipEntry{"sektor.txt", file, zip.Deflate})
	x, err := LoadSectorZip(bytes.NewReader(z), int64(len(z)))
	if err != nil {
		t.Fatal(err)
	}
	if x.Len() != 2 {
		t.Fatalf("Len = %d, want 2", x.Len())
	}
	if r, ok := x.Lookup("556074-7569"); !ok || !reflect.DeepEqual(r, exempelBygg) {
		t.Errorf("Lookup = %+v, %v; want %+v", r, ok, exempelBygg)
	}
}
