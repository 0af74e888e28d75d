package classify

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// toLatin1 encodes s, which must be Latin-1 text, as ISO-8859-1.
func toLatin1(t testing.TB, s string) string {
	t.Helper()
	b, err := charmap.ISO8859_1.NewEncoder().String(s)
	if err != nil {
		t.Fatalf("encoding %q as Latin-1: %v", s, err)
	}
	return b
}

// scbHeader is SCB's header (registries.md §1.2).
const scbHeader = "PeOrgNr\tOrgNr\tFöretagsnamn\tSektor, kod\tSektor\tBransch_1, kod\tBransch_1P, kod\tBransch_1\tÄgarkategori, kod\tÄgarkategori\tJuridisk form, kod\tJuridisk form"

var (
	exempelBygg = SectorRecord{
		PeOrgNr: "165560747569", OrgNr: "5560747569", Name: "EXEMPEL BYGG AB",
		Sector: "112000", SectorText: "Övriga icke-finansiella bolag", SNI: "43210",
		OwnerCategory: "..", OwnerCategoryText: "..", LegalForm: "49", LegalFormText: "Övriga aktiebolag",
	}
	annaAndersson = SectorRecord{
		PeOrgNr: "198112189876", OrgNr: "8112189876", Name: "Anna Andersson",
		Sector: "141000", SectorText: "Företagarhushåll", SNI: "01110",
		OwnerCategory: "10", OwnerCategoryText: "Fysiska personer", LegalForm: "10", LegalFormText: "Fysiska personer",
	}
	umlauts = SectorRecord{
		PeOrgNr: "165562529155", OrgNr: "5562529155", Name: "ÅÄÖ Éclair Über Ångström AB",
		Sector: "112000", SectorText: "Övriga icke-finansiella bolag", SNI: "56100",
		OwnerCategory: "30", OwnerCategoryText: "Svenskt privat ägande", LegalForm: "49", LegalFormText: "Övriga aktiebolag",
	}
)

// scbLine writes r as a line of SCB's layout.
func scbLine(r SectorRecord, sniDotted, sniText string) string {
	return strings.Join([]string{r.PeOrgNr, r.OrgNr, r.Name, r.Sector, r.SectorText, r.SNI, sniDotted, sniText,
		r.OwnerCategory, r.OwnerCategoryText, r.LegalForm, r.LegalFormText}, "\t")
}

func TestReadSectorFile(t *testing.T) {
	scb := scbHeader + "\n" +
		scbLine(exempelBygg, "43.210", "Elinstallationer") + "\n" +
		scbLine(annaAndersson, "01.110", "Odling av spannmål") + "\n" +
		scbLine(umlauts, "56.100", "Restaurangverksamhet") + "\n"
	english := "IdNr\tOrgNr\tName\tSectorCode\tSector\tIndustry\tIndustryCode\tIndustryCode2\tOwnerCategoryCode\tOwnerCategory\tLegalFormCode\tLegalForm\n" +
		"165560747569\t5560747569\tEXEMPEL BYGG AB\t112000\tÖvriga icke-finansiella bolag\tElinstallationer\t43210\t43.210\t..\t..\t49\tÖvriga aktiebolag\n"
	// Reordered, the dotted code without ", kod" and the only SNI column.
	reordered := "Juridisk form, kod\tJuridisk form\tOrgNr\tPeOrgNr\tBransch_1P\tSektor\tSektor, kod\tFöretagsnamn\tÄgarkategori, kod\tÄgarkategori\n" +
		"49\tÖvriga aktiebolag\t5560747569\t165560747569\t43.210\tÖvriga icke-finansiella bolag\t112000\tEXEMPEL BYGG AB\t..\t..\n"
	tests := []struct {
		name string
		file string // Latin-1 unless utf8
		utf8 bool
		want []SectorRecord
	}{
		{name: "SCB", file: scb, want: []SectorRecord{exempelBygg, annaAndersson, umlauts}},
		{name: "SCB CRLF and blank lines", file: strings.ReplaceAll(scb, "\n", "\r\n") + "\r\n\r\n", want: []SectorRecord{exempelBygg, annaAndersson, umlauts}},
		{name: "no final newline", file: strings.TrimSuffix(scb, "\n"), want: []SectorRecord{exempelBygg, annaAndersson, umlauts}},
		{name: "English", file: english, want: []SectorRecord{exempelBygg}},
		{name: "reordered", file: reordered, want: []SectorRecord{exempelBygg}},
		{name: "UTF-8 with BOM", file: "\xEF\xBB\xBF" + scb, utf8: true, want: []SectorRecord{exempelBygg, annaAndersson, umlauts}},
		{name: "UTF-8 header", file: scb, utf8: true, want: []SectorRecord{exempelBygg, annaAndersson, umlauts}},
		{name: "quoted and spaced", file: "\"PeOrgNr\"\t OrgNr \t\"Företagsnamn\"\n\"165560747569\"\t 5560747569 \t\"\"\"Citat\"\" AB\"\n",
			want: []SectorRecord{{PeOrgNr: "165560747569", OrgNr: "5560747569", Name: `"Citat" AB`}}},
		{name: "short row and extra fields", file: "OrgNr\tSektor, kod\tOkänd\n0000000000\n5560747569\t112000\tx\ty\tz\n",
			want: []SectorRecord{{OrgNr: "0000000000"}, {OrgNr: "5560747569", Sector: "112000"}}},
		{name: "header only", file: scbHeader + "\n", want: nil},
		{name: "blank lines before the header", file: "\n\n" + "OrgNr\n5560747569\n", want: []SectorRecord{{OrgNr: "5560747569"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file := tc.file
			if !tc.utf8 {
				file = toLatin1(t, file)
			}
			var got []SectorRecord
			err := ReadSectorFile(strings.NewReader(file), func(r SectorRecord) error {
				got = append(got, r)
				return nil
			})
			if err != nil {
				t.Fatalf("ReadSectorFile: %v", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, tc.want)
			}
			x := NewIndex()
			for _, r := range got {
				x.Add(r)
			}
			sameIndex(t, x, []byte(file))
		})
	}
}

func TestReadSectorFileErrors(t *testing.T) {
	stop := errors.New("stop")
	tests := []struct {
		name  string
		file  string
		each  error
		limit string // a *LimitError's Limit
		is    error  // else errors.Is
		line  int    // a *FormatError's Line
	}{
		{name: "empty", file: "", line: 0, is: nil},
		{name: "no number column", file: "Företagsnamn\tSektor\nA\tB\n", is: ErrNoNumberColumn, line: 1},
		{name: "line too long", file: "OrgNr\n" + strings.Repeat("5", MaxSectorLine+10) + "\n", limit: LimitLine},
		{name: "callback error", file: "OrgNr\n5560747569\n", each: stop, is: stop},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := ReadSectorFile(strings.NewReader(toLatin1(t, tc.file)), func(SectorRecord) error { return tc.each })
			if err == nil {
				t.Fatal("no error")
			}
			var le *LimitError
			var fe *FormatError
			switch {
			case tc.limit != "":
				if !errors.As(err, &le) || le.Limit != tc.limit {
					t.Fatalf("err = %v, want limit %s", err, tc.limit)
				}
			case tc.is != nil:
				if !errors.Is(err, tc.is) {
					t.Fatalf("err = %v, want %v", err, tc.is)
				}
			default:
				if !errors.As(err, &fe) {
					t.Fatalf("err = %v (%T), want *FormatError", err, err)
				}
			}
			if tc.line > 0 && (!errors.As(err, &fe) || fe.Line != tc.line) {
				t.Errorf("err = %v, want line %d", err, tc.line)
			}
		})
	}
}

func TestFoldHeader(t *testing.T) {
	for in, want := range map[string]string{
		"Ägarkategori, kod":  "agarkategorikod",
		"Juridisk form, kod": "juridiskformkod",
		"Bransch_1P, kod":    "bransch1pkod",
		"Bransch_1P":         "bransch1p",
		"FÖRETAGSNAMN":       "foretagsnamn",
		" PeOrgNr ":          "peorgnr",
	} {
		if got := foldHeader(in); got != want {
			t.Errorf("foldHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLatin1(t *testing.T) {
	const s = "ÅÄÖ åäö É Ü ß ÿ"
	if got := latin1([]byte(toLatin1(t, s))); got != s {
		t.Errorf("latin1 = %q, want %q", got, s)
	}
}
