package rrh

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
)

// The reference files: brreg's example downloads of the full register
// (see ../../../../shared/reference/README.md). The tests skip when they
// are absent.
const (
	refJSON = "../../../../shared/reference/rrh-totalbestand-example.json"
	refCSV  = "../../../../shared/reference/rrh-totalbestand-example.csv"
)

func readRef(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("reference file absent: %v", err)
	}
	return b
}

// readAll reads a stream into a map by organisation number, in order.
func readAll(t testing.TB, data []byte, kind Kind) ([]*dossier.Owners, map[string]*dossier.Owners, Stats) {
	t.Helper()
	var list []*dossier.Owners
	byNr := map[string]*dossier.Owners{}
	st, err := ReadTotalStream(bytes.NewReader(data), kind, func(o *dossier.Owners) error {
		list = append(list, o)
		if byNr[o.Number] != nil {
			t.Errorf("%s twice", o.Number)
		}
		byNr[o.Number] = o
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return list, byNr, st
}

// refRegistration is the reference JSON read independently, with
// encoding/json, for cross-checks.
type refRegistration struct {
	RegistreringID                 string `json:"registreringId"`
	RegistreringspliktigVirksomhet struct {
		Organisasjonsnummer string `json:"organisasjonsnummer"`
	} `json:"registreringspliktigVirksomhet"`
	Status struct {
		Kode string `json:"kode"`
	} `json:"reelleRettighetshavereStatus"`
	Owners []struct {
		Posisjoner []json.RawMessage `json:"posisjoner"`
	} `json:"reelleRettighetshavere"`
}

func findOwner(t *testing.T, o *dossier.Owners, name string) *dossier.BeneficialOwner {
	t.Helper()
	for i := range o.Owners {
		if o.Owners[i].Name == name {
			return &o.Owners[i]
		}
	}
	t.Fatalf("%s has no owner %q", o.Number, name)
	return nil
}

func TestReferenceJSON(t *testing.T) {
	data := readRef(t, refJSON)
	list, byNr, st := readAll(t, data, Detect)
	if st.Registrations != 43 || len(list) != 43 || st.Owners != 92 || st.Bytes != int64(len(data)) || st.Skipped != 0 {
		t.Fatalf("stats %+v, %d registrations", st, len(list))
	}

	// Every organisation of the file, found with the owners and positions
	// that encoding/json sees.
	var ref []refRegistration
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatal(err)
	}
	statuses := map[string]int{}
	for i, r := range ref {
		nr := r.RegistreringspliktigVirksomhet.Organisasjonsnummer
		o := byNr[nr]
		if o == nil {
			t.Errorf("%s not read", nr)
			continue
		}
		if list[i] != o {
			t.Errorf("registration %d is %s, want %s (file order)", i, list[i].Number, nr)
		}
		if len(o.Owners) != len(r.Owners) {
			t.Errorf("%s: %d owners, want %d", nr, len(o.Owners), len(r.Owners))
			continue
		}
		for j := range r.Owners {
			if got, want := len(o.Owners[j].Positions), len(r.Owners[j].Posisjoner); got != want {
				t.Errorf("%s owner %d: %d positions, want %d", nr, j, got, want)
			}
		}
		if o.Status.Code != strings.ToLower(r.Status.Kode) || o.Status.Description == "" {
			t.Errorf("%s: status %+v", nr, o.Status)
		}
		if o.Source != "offline" || o.Registered.IsZero() {
			t.Errorf("%s: source %q, registered %v", nr, o.Source, o.Registered)
		}
		statuses[o.Status.Code]++
	}
	want := map[string]int{
		dossier.OwnersAllIdentified: 26, dossier.OwnersSomeIdentified: 5, dossier.OwnersNoneIdentified: 3,
		dossier.OwnersNone: 1, dossier.OwnersNorwegianState: 5, dossier.OwnersForeignState: 3,
	}
	if !mapsEqual(statuses, want) {
		t.Errorf("statuses %v, want %v", statuses, want)
	}

	// The placeholder numbers are kept as given (999999998 fails MOD11).
	for _, nr := range []string{"999999998", "000000000"} {
		if byNr[nr] == nil {
			t.Errorf("placeholder %s dropped", nr)
		}
	}

	// A named owner, with birth year and position interval.
	p := byNr["999999998"]
	if want := time.Date(2022, 3, 28, 11, 18, 41, 867822000, time.UTC); !p.Registered.Equal(want) {
		t.Errorf("registered %v, want %v (microseconds)", p.Registered, want)
	}
	m := findOwner(t, p, "MINIMALISTISK HANDLELISTE")
	if m.BirthYear != "1971" || m.BirthDate != "1971-07-18" || m.NationalID != "58877102163" || !m.Exempt || m.Foreign ||
		m.Residence == nil || m.Residence.Code != "USA" || len(m.Citizenships) != 1 || m.Citizenships[0] != (dossier.Code{Code: "MSR", Description: "Montserrat"}) {
		t.Errorf("MINIMALISTISK HANDLELISTE: %+v", m)
	}
	if len(m.Positions) != 4 {
		t.Fatalf("positions %+v", m.Positions)
	}
	pos := m.Positions[0]
	if pos.Type.Code != PositionOwnership || pos.Interval == nil || pos.Interval.Code != Interval2 ||
		pos.Interval.Description != "50% - 74,99%" || len(pos.Basis) != 1 || pos.Basis[0].Code != BasisDirect {
		t.Errorf("first position %+v", pos)
	}
	if pos := m.Positions[1]; pos.Type.Code != PositionVotes || pos.Interval.Code != Interval1 ||
		len(pos.Basis) != 2 || pos.Basis[1].Code != BasisAgreement {
		t.Errorf("second position %+v", pos)
	}
	if pos := m.Positions[3]; pos.Type.Code != PositionOther || pos.Interval != nil ||
		pos.Other != "Vedkommende utøver kontroll over virksomheten pga bla bla" {
		t.Errorf("fourth position %+v", pos)
	}

	// grunnlagtype.anne in a position type's place, without a text.
	tøff := findOwner(t, p, "TØFF SYSTEM")
	if got := tøff.Positions[0].Type; got != (dossier.Code{Code: PositionOther, Description: "Kontroll på annen måte"}) {
		t.Errorf("grunnlagtype.anne position: %+v", got)
	}
	if tøff.BirthYear != "1968" || tøff.BirthDate != "2005-03-09" {
		t.Errorf("birth kept as given: %+v", tøff)
	}

	// Codes in odd case, without texts: normalised, texts filled in.
	pussig := findOwner(t, byNr["910471120"], "PUSSIG LAV DAL JORDBÆR")
	if iv := pussig.Positions[0].Interval; iv == nil || *iv != (dossier.Code{Code: Interval3, Description: "75% - 100%"}) {
		t.Errorf("stoerrelseIntervall.int3: %+v", iv)
	}
	if iv := pussig.Positions[1].Interval; iv == nil || *iv != (dossier.Code{Code: Interval1, Description: "25,01% - 49,99%"}) {
		t.Errorf("stoerrelseIntervall.int1: %+v", iv)
	}
	for _, o := range list {
		for _, bo := range o.Owners {
			for _, ps := range bo.Positions {
				codes := []string{ps.Type.Code}
				if ps.Interval != nil {
					codes = append(codes, ps.Interval.Code)
				}
				for _, b := range ps.Basis {
					codes = append(codes, b.Code)
				}
				for _, c := range codes {
					if c != strings.ToLower(c) || lookupCode(c) == nil {
						t.Errorf("%s %s: code %q not canonical", o.Number, bo.Name, c)
					}
				}
			}
		}
	}

	// Intermediates, Norwegian and foreign.
	sb := byNr["810011572"].Owners[0]
	var inter []dossier.UnitRef
	for _, ps := range sb.Positions {
		inter = append(inter, ps.Intermediates...)
	}
	wantInter := []dossier.UnitRef{
		{Number: "910443461"},
		{ForeignNumber: "1133550099887766", Name: "Sydligere Breddegrader Inc.", Country: "ESP"},
	}
	if !slices.Equal(inter, wantInter) {
		t.Errorf("intermediates %+v, want %+v", inter, wantInter)
	}
	norwegian, foreign := 0, 0
	for _, o := range list {
		for _, bo := range o.Owners {
			for _, ps := range bo.Positions {
				for _, u := range ps.Intermediates {
					switch {
					case u.Number != "" && u.ForeignNumber == "":
						norwegian++
					case u.ForeignNumber != "" && u.Country != "":
						foreign++
					default:
						t.Errorf("%s: intermediate %+v", o.Number, u)
					}
				}
			}
		}
	}
	if norwegian != 9 || foreign != 2 {
		t.Errorf("%d Norwegian and %d foreign intermediates, want 9 and 2", norwegian, foreign)
	}

	// A deceased owner; a foreign one.
	if r := findOwner(t, byNr["910340743"], "RETTFERDIG RIST"); !r.Deceased || r.BirthYear != "1943" {
		t.Errorf("RETTFERDIG RIST: %+v", r)
	}
	gill := findOwner(t, byNr["000000000"], "Gill Bates")
	if !gill.Foreign || gill.NationalID != "" || len(gill.Citizenships) != 3 || gill.Citizenships[2].Code != "SWE" {
		t.Errorf("Gill Bates: %+v", gill)
	}
	// No owners: the state owns more than 75 %.
	for _, o := range list {
		if (o.Status.Code == dossier.OwnersNorwegianState || o.Status.Code == dossier.OwnersForeignState) && StatusText(o.Status.Code) == "" {
			t.Errorf("%s: no English text for %s", o.Number, o.Status.Code)
		}
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestReferenceCSV(t *testing.T) {
	data := readRef(t, refCSV)
	if !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Fatal("the reference CSV has lost its byte-order mark")
	}
	list, byNr, st := readAll(t, data, Detect)
	if st.Registrations != 35 || len(list) != 35 || st.Owners != 83 || st.Bytes != int64(len(data)) {
		t.Fatalf("stats %+v", st)
	}
	// Every organisation of the file, read independently.
	rows, err := refCSVRows(data)
	if err != nil {
		t.Fatal(err)
	}
	for nr := range rows {
		if byNr[nr] == nil {
			t.Errorf("%s not read", nr)
		}
	}

	// Statuses come as texts: their codes are found.
	for _, o := range list {
		if lookupCode(o.Status.Code) == nil || o.Status.Description == "" {
			t.Errorf("%s: status %+v", o.Number, o.Status)
		}
	}
	if got := byNr["910456563"]; got.Status.Code != dossier.OwnersNoneIdentified || len(got.Owners) != 0 {
		t.Errorf("910456563: %+v", got)
	}
	// One owner over two rows (two positions), multi-valued cells.
	o := byNr["910485407"]
	if len(o.Owners) != 4 {
		t.Fatalf("910485407: %d owners", len(o.Owners))
	}
	s := o.Owners[0]
	if s.Name != "STOLT EFFEKTIV PARASOLL" || s.BirthYear != "2002" || s.NationalID != "05910298382" || len(s.Positions) != 2 ||
		!slices.Equal(s.Citizenships, []dossier.Code{{Code: "NOR", Description: "Norge"}, {Code: "MEX", Description: "Mexico"}}) {
		t.Errorf("STOLT EFFEKTIV PARASOLL: %+v", s)
	}
	if p := s.Positions[0]; p.Type.Code != PositionOwnership || p.Interval.Code != Interval1 ||
		!slices.Equal(p.Basis, []dossier.Code{{Code: BasisDirect, Description: "Direkte"}, {Code: BasisIndirect, Description: "Indirekte"}}) {
		t.Errorf("position %+v", p)
	}
	if p := s.Positions[1]; p.Type.Code != PositionVotes || p.Interval.Code != Interval3 {
		t.Errorf("position %+v", p)
	}
	if tom := o.Owners[2]; !tom.Foreign || tom.Name != "TOM NELSON" || tom.Residence.Code != "SWE" {
		t.Errorf("TOM NELSON: %+v", tom)
	}
	// A description over several lines is kept.
	found := false
	for _, o := range list {
		for _, bo := range o.Owners {
			for _, p := range bo.Positions {
				if strings.Contains(p.Other, "Dette er linje2\n") {
					found = p.Type.Code == PositionOther
				}
			}
		}
	}
	if !found {
		t.Error("the multi-line description is lost")
	}
	if d := findOwner(t, byNr["910340743"], "RETTFERDIG RIST"); !d.Deceased {
		t.Errorf("erDød: %+v", d)
	}
}

// refCSVRows reads the reference CSV with encoding/csv: rows by
// organisation number.
func refCSVRows(data []byte) (map[string][][]string, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	r.Comma = ';'
	all, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	out := map[string][][]string{}
	for _, row := range all[1:] {
		out[row[0]] = append(out[row[0]], row)
	}
	return out, nil
}

// TestReferenceJSONAndCSVAgree compares the two downloads where they hold
// the same registration (the same registreringId): same owners, same
// positions. Elsewhere they are different days' data.
func TestReferenceJSONAndCSVAgree(t *testing.T) {
	jdata, cdata := readRef(t, refJSON), readRef(t, refCSV)
	_, fromJSON, _ := readAll(t, jdata, JSON)
	_, fromCSV, _ := readAll(t, cdata, CSV)
	var ref []refRegistration
	if err := json.Unmarshal(jdata, &ref); err != nil {
		t.Fatal(err)
	}
	rows, err := refCSVRows(cdata)
	if err != nil {
		t.Fatal(err)
	}
	same := 0
	for nr := range fromCSV {
		if fromJSON[nr] == nil {
			t.Errorf("%s is in the CSV, not in the JSON", nr)
		}
	}
	for _, r := range ref {
		nr := r.RegistreringspliktigVirksomhet.Organisasjonsnummer
		if len(rows[nr]) == 0 || rows[nr][0][1] != r.RegistreringID {
			continue
		}
		same++
		j, c := fromJSON[nr], fromCSV[nr]
		if j.Status.Code != c.Status.Code || !j.Registered.Equal(c.Registered) {
			t.Errorf("%s: status %s/%s, registered %v/%v", nr, j.Status.Code, c.Status.Code, j.Registered, c.Registered)
		}
		if len(j.Owners) != len(c.Owners) {
			t.Errorf("%s: %d owners in JSON, %d in CSV", nr, len(j.Owners), len(c.Owners))
			continue
		}
		for i := range j.Owners {
			jo, co := j.Owners[i], c.Owners[i]
			if jo.Name != co.Name || jo.NationalID != co.NationalID || jo.BirthYear != co.BirthYear || jo.Foreign != co.Foreign ||
				jo.Exempt != co.Exempt || jo.Deceased != co.Deceased || len(jo.Positions) != len(co.Positions) {
				t.Errorf("%s owner %d: JSON %+v, CSV %+v", nr, i, jo, co)
				continue
			}
			if jo.Residence.Code != co.Residence.Code || len(jo.Citizenships) != len(co.Citizenships) {
				t.Errorf("%s %s: countries differ: %+v / %+v", nr, jo.Name, jo, co)
			}
			for k := range jo.Positions {
				jp, cp := jo.Positions[k], co.Positions[k]
				if jp.Type.Code != cp.Type.Code || (jp.Interval == nil) != (cp.Interval == nil) ||
					(jp.Interval != nil && jp.Interval.Code != cp.Interval.Code) || len(jp.Basis) != len(cp.Basis) || jp.Other != cp.Other {
					t.Errorf("%s %s position %d: JSON %+v, CSV %+v", nr, jo.Name, k, jp, cp)
				}
				for b := range jp.Basis {
					if jp.Basis[b].Code != cp.Basis[b].Code {
						t.Errorf("%s %s position %d basis: %v / %v", nr, jo.Name, k, jp.Basis, cp.Basis)
					}
				}
			}
		}
	}
	if same != 21 {
		t.Errorf("%d registrations in both files, want 21", same)
	}
}

// TestReferenceZipped reads both reference files zipped, as served, and
// gets what the streams give.
func TestReferenceZipped(t *testing.T) {
	jdata, cdata := readRef(t, refJSON), readRef(t, refCSV)
	for _, tc := range []struct {
		name string
		data []byte
		regs int
	}{
		{"reelle_rettigheter.json", jdata, 43},
		{"reelle_rettigheter.csv", cdata, 35},
	} {
		t.Run(tc.name, func(t *testing.T) {
			z := zipOf(t, zip.Deflate, tc.name, tc.data)
			var got []string
			st, err := ReadTotal(bytes.NewReader(z), int64(len(z)), func(o *dossier.Owners) error {
				got = append(got, o.Number)
				return nil
			})
			if err != nil || st.Registrations != tc.regs || st.Bytes != int64(len(tc.data)) || len(got) != tc.regs {
				t.Fatalf("%+v, %v", st, err)
			}
		})
	}
}

func zipOf(t testing.TB, method uint16, name string, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
