package sandbox

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/sandbox/rrh"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// unzipOne returns the one file of a ZIP.
func unzipOne(t *testing.T, data []byte) (string, []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a ZIP: %v", err)
	}
	if len(zr.File) != 1 {
		t.Fatalf("%d files in the ZIP, want 1", len(zr.File))
	}
	f, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return zr.File[0].Name, b
}

// keyPaths collects every member path of a JSON value, arrays as [].
func keyPaths(v any, path string, into map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			p := path + "." + k
			into[p] = true
			keyPaths(e, p, into)
		}
	case []any:
		into[path+"[]"] = true
		for _, e := range x {
			keyPaths(e, path+"[]", into)
		}
	}
}

// reportedOrgNrs are the units whose current registration is reported.
func reportedOrgNrs(w *world.World) []string {
	var out []string
	for _, u := range w.Units {
		if st, _ := w.BeneficialOwners(u.OrgNr); st != "" {
			out = append(out, u.OrgNr)
		}
	}
	return out
}

func TestRRHTotalbestandJSON(t *testing.T) {
	t.Parallel()
	s := shared
	status, h, data := rrhGet(t, s, rrh.PartnerPath+"/totalbestand/json", tokenFor(t, s, world.ScopeRRHPartnerRapporteringspliktig))
	if status != 200 || h.Get("Content-Type") != "application/zip" || !strings.Contains(h.Get("Content-Disposition"), ".zip") {
		t.Fatalf("totalbestand: %d %v", status, h)
	}
	name, b := unzipOne(t, data)
	if !strings.HasSuffix(name, ".json") {
		t.Errorf("file %q in the ZIP", name)
	}
	var all []map[string]any
	if err := json.Unmarshal(b, &all); err != nil {
		t.Fatal(err)
	}
	w := s.World()
	var got []string
	codes := map[string]bool{}
	micro := false
	for _, rr := range all {
		got = append(got, objectAt(t, rr, "registreringspliktigVirksomhet")["organisasjonsnummer"].(string))
		codes[codeOf(rr["reelleRettighetshavereStatus"])] = true
		micro = micro || regexp.MustCompile(`\.\d{6}Z$`).MatchString(rr["registrertDato"].(string))
		for _, o := range rr["reelleRettighetshavere"].([]any) {
			for _, p := range o.(map[string]any)["posisjoner"].([]any) {
				pm := p.(map[string]any)
				codes[codeOf(pm["type"])] = true
				codes[codeOf(pm["stoerrelseIntervall"])] = true
				for _, g := range pm["grunnlag"].([]any) {
					codes[codeOf(g)] = true
				}
			}
		}
	}
	if want := reportedOrgNrs(w); !slices.Equal(got, want) {
		t.Errorf("units %v, want %v", got, want)
	}
	for _, u := range w.Units {
		if _, owners := w.BeneficialOwners(u.OrgNr); len(owners) > 0 && !slices.Contains(got, u.OrgNr) {
			t.Errorf("%s has owners but is not in the totalbestand", u.OrgNr)
		}
	}
	for _, c := range []string{
		"reellerettighetshaverestatus.arid", "reellerettighetshaverestatus.nrki", "reellerettighetshaverestatus.irki",
		"reellerettighetshaverestatus.rikv", "reellerettighetshaverestatus.rknv", "reellerettighetshaverestatus.rkuv",
		"posisjontype.eier", "posisjontype.kont", "posisjontype.ruas", "posisjontype.anne",
		"stoerrelseintervall.int1", "stoerrelseintervall.int2", "stoerrelseintervall.int3",
		"grunnlagtype.dire", "grunnlagtype.indi", "grunnlagtype.enav",
		// The quirks of the real data.
		"grunnlagtype.anne", "stoerrelseIntervall.int1", "stoerrelseIntervall.int2",
	} {
		if !codes[c] {
			t.Errorf("code %s does not occur in the totalbestand", c)
		}
	}
	if !micro {
		t.Error("no timestamp with microseconds")
	}

	// The same members as the register's example download.
	mine := map[string]bool{}
	for _, rr := range all {
		keyPaths(rr, "", mine)
	}
	var ref []any
	if err := json.Unmarshal(reference(t, "rrh-totalbestand-example.json"), &ref); err != nil {
		t.Fatal(err)
	}
	theirs := map[string]bool{}
	for _, rr := range ref {
		keyPaths(rr, "", theirs)
	}
	for k := range theirs {
		if !mine[k] {
			t.Errorf("the example has %s, the sandbox never writes it", k)
		}
	}
	for k := range mine {
		if !theirs[k] {
			t.Errorf("the sandbox writes %s, the example does not have it", k)
		}
	}
}

func TestRRHTotalbestandCSV(t *testing.T) {
	t.Parallel()
	s := shared
	status, h, data := rrhGet(t, s, rrh.PartnerPath+"/totalbestand/csv", tokenFor(t, s, world.ScopeRRHPartnerRapporteringspliktig))
	if status != 200 || h.Get("Content-Type") != "application/zip" {
		t.Fatalf("totalbestand csv: %d %v", status, h)
	}
	name, b := unzipOne(t, data)
	if !strings.HasSuffix(name, ".csv") {
		t.Errorf("file %q in the ZIP", name)
	}
	raw, ok := bytes.CutPrefix(b, []byte("\ufeff"))
	if !ok {
		t.Fatal("no UTF-8 BOM")
	}
	r := csv.NewReader(bytes.NewReader(raw))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV: %v", err)
	}
	if !slices.Equal(rows[0], rrh.CSVHeader()) {
		t.Errorf("header %q", rows[0])
	}
	// Every field quoted: writing the rows back that way gives the file.
	var again bytes.Buffer
	for _, row := range rows {
		for i, c := range row {
			if i > 0 {
				again.WriteByte(';')
			}
			again.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
		}
		again.WriteByte('\n')
	}
	if !bytes.Equal(again.Bytes(), raw) {
		t.Error("not every field is quoted, or the line ends are not LF")
	}
	// One row per owner × position, one for a registration without owners.
	want := 0
	w := s.World()
	for _, n := range reportedOrgNrs(w) {
		_, owners := w.BeneficialOwners(n)
		k := 0
		for _, o := range owners {
			k += len(o.Positions)
		}
		want += max(k, 1)
	}
	if len(rows)-1 != want {
		t.Errorf("%d rows, want %d", len(rows)-1, want)
	}
	texts := map[string]bool{}
	multiline := false
	for _, row := range rows[1:] {
		texts[row[18]] = true
		texts[row[11]] = true
		multiline = multiline || strings.Contains(row[20], "\n")
	}
	for _, x := range []string{"Eierskap", "Kontroll over stemmerettigheter", "Kontroll på annen måte", "Norge,Sverige"} {
		if !texts[x] {
			t.Errorf("no cell %q", x)
		}
	}
	if !multiline {
		t.Error("no multi-line beskrivelseAnnenMåte")
	}

	ref := reference(t, "rrh-totalbestand-example.csv")
	rr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(ref, []byte("\ufeff"))))
	rr.Comma = ';'
	refHeader, err := rr.Read()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], refHeader) {
		t.Errorf("header %q\nwant the example's %q", rows[0], refHeader)
	}
}
