package scb

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// readSektor unzips a sector file and returns its header and rows, decoded
// from Latin-1, and its raw bytes.
func readSektor(t *testing.T, body []byte) (header []string, rows [][]string, raw []byte, eol string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	if len(zr.File) != 1 || zr.File[0].Name != SectorFileName {
		t.Fatalf("zip members %v", zr.File)
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	raw, err = io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	text := FromLatin1(raw)
	eol = "\n"
	if strings.Contains(text, "\r\n") {
		eol = "\r\n"
	}
	lines := strings.Split(strings.TrimSuffix(text, eol), eol)
	header = strings.Split(lines[0], "\t")
	for _, l := range lines[1:] {
		rows = append(rows, strings.Split(l, "\t"))
	}
	return header, rows, raw, eol
}

func TestSectorFileVariants(t *testing.T) {
	standard := []string{"PeOrgNr", "OrgNr", "Företagsnamn", "Sektor, kod", "Sektor", "Bransch_1, kod", "Bransch_1P, kod",
		"Bransch_1", "Ägarkategori, kod", "Ägarkategori", "Juridisk form, kod", "Juridisk form"}
	tests := []struct {
		variant Variant
		header  []string
		eol     string
	}{
		{VariantStandard, standard, "\n"},
		{VariantBransch1P, []string{"PeOrgNr", "OrgNr", "Företagsnamn", "Sektor, kod", "Sektor", "Bransch_1, kod", "Bransch_1P",
			"Bransch_1", "Ägarkategori, kod", "Ägarkategori", "Juridisk form, kod", "Juridisk form"}, "\n"},
		{VariantTextFirst, []string{"PeOrgNr", "OrgNr", "Företagsnamn", "Sektor, kod", "Sektor", "Bransch_1", "Bransch_1, kod",
			"Bransch_1P, kod", "Ägarkategori, kod", "Ägarkategori", "Juridisk form, kod", "Juridisk form"}, "\n"},
		{VariantCRLF, standard, "\r\n"},
		{VariantShuffled, []string{"OrgNr", "PeOrgNr", "Företagsnamn", "Juridisk form, kod", "Juridisk form", "Sektor, kod", "Sektor",
			"Ägarkategori, kod", "Ägarkategori", "Bransch_1P, kod", "Bransch_1, kod", "Bransch_1"}, "\n"},
	}
	f := newFixture(t, Options{})
	active := 0
	for _, c := range fixtureW.SECompanies() {
		if c.Active {
			active++
		}
	}
	for _, tt := range tests {
		t.Run(string(tt.variant), func(t *testing.T) {
			if err := f.srv.SetVariant(tt.variant); err != nil {
				t.Fatal(err)
			}
			rec := f.do(t, f.chain(t, "A00001"), http.MethodGet, BasePath+"/api/Je/SektorFil", "")
			if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/zip" {
				t.Fatalf("%d %s", rec.Code, rec.Header().Get("Content-Type"))
			}
			header, rows, raw, eol := readSektor(t, rec.Body.Bytes())
			if strings.Join(header, "|") != strings.Join(tt.header, "|") || eol != tt.eol {
				t.Errorf("header %q, line end %q", header, eol)
			}
			if len(rows) != active {
				t.Errorf("%d rows, want the %d active units", len(rows), active)
			}
			col := map[string]int{}
			for i, h := range header {
				col[h] = i
			}
			byOrg := map[string][]string{}
			for _, r := range rows {
				if len(r) != len(header) {
					t.Fatalf("row %q: %d fields", r, len(r))
				}
				byOrg[r[col["OrgNr"]]] = r
			}
			dotted := "Bransch_1P, kod"
			if tt.variant == VariantBransch1P {
				dotted = "Bransch_1P"
			}
			want := []struct{ orgnr, column, value string }{
				{"9696543215", "Företagsnamn", "Café Åkerblom HB"},
				{"9165234569", "Företagsnamn", "Müller & Söner KB"},
				{"7506141231", "Företagsnamn", ""}, // not a unit: checked below
				{"8112189876", "PeOrgNr", "198112189876"},
				{"8112189876", "Sektor", "Företagarhushåll utan anställda"},
				{"8112189876", "Ägarkategori, kod", ".."},
				{"0109234567", "PeOrgNr", "200109234567"},
				{"5566778899", "PeOrgNr", "165566778899"},
				{"5566778899", dotted, "64.202"},
				{"5566778899", "Bransch_1, kod", "64202"},
				{"5591234561", "Ägarkategori", "Utlandsägda"},
				{"5569990004", "Sektor, kod", ".."},
				{"2120006545", "Juridisk form", "Kommuner"},
			}
			for _, w := range want {
				r, ok := byOrg[w.orgnr]
				if w.value == "" {
					if ok {
						t.Errorf("%s is in the file", w.orgnr)
					}
					continue
				}
				if !ok || r[col[w.column]] != w.value {
					t.Errorf("%s %s: %q (found %v), want %q", w.orgnr, w.column, r, ok, w.value)
				}
			}
			if _, ok := byOrg["5565432191"]; ok {
				t.Error("an inactive unit is in the file")
			}
			// Latin-1 on the wire: É is one byte 0xC9, Ü 0xDC, never UTF-8.
			for _, b := range [][]byte{{0xC9}, {0xDC}, {0xC5}, {0xD6}, {0xC4}, {0xE9}, {0xFC}} {
				if !bytes.Contains(raw, b) {
					t.Errorf("no byte %X in the file", b)
				}
			}
			if bytes.Contains(raw, []byte("Ö")) {
				t.Error("UTF-8 in the file")
			}
		})
	}
	if err := f.srv.SetVariant("semicolons"); err == nil {
		t.Error("an unknown variant was accepted")
	}
}

func TestLatin1(t *testing.T) {
	tests := []struct {
		in   string
		want []byte
	}{
		{"Åsa Ö", []byte{0xC5, 's', 'a', ' ', 0xD6}},
		{"É Ü ä", []byte{0xC9, ' ', 0xDC, ' ', 0xE4}},
		{"Đ€", []byte("??")},
		{"a\tb\nc", []byte("a b c")},
		{"Ö\tÅ", []byte{0xD6, ' ', 0xC5}},
	}
	for _, tt := range tests {
		if got := Latin1(tt.in); !bytes.Equal(got, tt.want) {
			t.Errorf("Latin1(%q) = %X, want %X", tt.in, got, tt.want)
		}
	}
	if got := FromLatin1([]byte{0xC9, 0xDC, 'x'}); got != "ÉÜx" {
		t.Errorf("FromLatin1 = %q", got)
	}
}

func TestGenerator(t *testing.T) {
	const n = 200_000
	g := NewGenerator(1)
	seen := make(map[string]bool, n)
	forms := map[string]int{}
	for i := range n {
		r := g.Row(i)
		if !world.LuhnSE(r.OrgNr) {
			t.Fatalf("row %d: %s fails the Luhn check", i, r.OrgNr)
		}
		if seen[r.OrgNr] {
			t.Fatalf("row %d: %s twice", i, r.OrgNr)
		}
		seen[r.OrgNr] = true
		person := r.LegalFormCode == "10"
		switch {
		case person && r.OrgNr[2:4] >= "20", !person && r.OrgNr[2:4] < "20":
			t.Fatalf("row %d: form %s with %s", i, r.LegalFormCode, r.OrgNr)
		case person && r.PeOrgNr != "19"+r.OrgNr && r.PeOrgNr != "20"+r.OrgNr, !person && r.PeOrgNr != "16"+r.OrgNr:
			t.Fatalf("row %d: PeOrgNr %s for %s", i, r.PeOrgNr, r.OrgNr)
		case r.Sector == "" || r.LegalForm == "" || r.SNIText == "" || r.OwnerCategory == "" || r.SNIDotted[2] != '.':
			t.Fatalf("row %d: %+v", i, r)
		}
		forms[r.LegalFormCode]++
	}
	if share := float64(forms["10"]) / n; share < 0.36 || share > 0.40 {
		t.Errorf("sole traders %.3f, want about 0.38", share)
	}
	if share := float64(forms["49"]) / n; share < 0.45 || share > 0.49 {
		t.Errorf("aktiebolag %.3f, want about 0.47", share)
	}
	if len(forms) != len(kinds) {
		t.Errorf("forms %v", forms)
	}
	// Deterministic: the same row again, from a new generator.
	if a, b := NewGenerator(1).Row(12345), g.Row(12345); a != b {
		t.Errorf("row 12345 differs: %+v %+v", a, b)
	}
	if a, b := NewGenerator(2).Row(12345), g.Row(12345); a == b {
		t.Error("seeds 1 and 2 give the same row")
	}
	var buf bytes.Buffer
	if err := WriteSectorFile(&buf, VariantStandard, g.Rows(3)); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(buf.String(), "\n"); lines != 4 {
		t.Errorf("%d lines for 3 rows", lines)
	}
}

func BenchmarkGenerateSectorFile(b *testing.B) {
	g := NewGenerator(1)
	for b.Loop() {
		if err := WriteSectorFile(io.Discard, VariantStandard, g.Rows(100_000)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSectorFileSources(t *testing.T) {
	active := 0
	f := newFixture(t, Options{})
	for _, c := range fixtureW.SECompanies() {
		if c.Active {
			active++
		}
	}
	// A zip on disk, served as it is.
	var zipped bytes.Buffer
	g := NewGenerator(3)
	if err := WriteSectorZip(&zipped, VariantCRLF, f.clock(), g.Rows(50)); err != nil {
		t.Fatal(err)
	}
	path := t.TempDir() + "/sektor.zip"
	if err := os.WriteFile(path, zipped.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		opts   Options
		rows   int
		sameAs []byte
	}{
		{"the world", Options{}, active, nil},
		{"the world and generated rows", Options{GeneratedRows: 500, GeneratedSeed: 3}, active + 500, nil},
		{"a file", Options{SectorFile: path}, 50, zipped.Bytes()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, tt.opts)
			rec := f.do(t, f.chain(t, "A00001"), http.MethodGet, BasePath+"/api/Je/SektorFil", "")
			if rec.Code != 200 {
				t.Fatalf("%d", rec.Code)
			}
			if tt.sameAs != nil && !bytes.Equal(rec.Body.Bytes(), tt.sameAs) {
				t.Error("the file was not served as it is")
			}
			_, rows, _, _ := readSektor(t, rec.Body.Bytes())
			if len(rows) != tt.rows {
				t.Errorf("%d rows, want %d", len(rows), tt.rows)
			}
			seen := map[string]bool{}
			for _, r := range rows {
				if seen[r[1]] {
					t.Errorf("%s twice", r[1])
				}
				seen[r[1]] = true
			}
		})
	}
	f = newFixture(t, Options{SectorFile: t.TempDir() + "/missing.zip"})
	if rec := f.do(t, f.chain(t, "A00001"), http.MethodGet, BasePath+"/api/Je/SektorFil", ""); rec.Code != 500 {
		t.Errorf("a missing file: %d", rec.Code)
	}
}
