package report

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
)

// squash joins the words of pdftotext's output with single spaces, so
// that a phrase can be found whatever the line breaks and columns.
func squash(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// pages returns pdfinfo's page count.
func pages(t *testing.T, pdf []byte) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(poppler(t, pdf, "pdfinfo"))
	if m == nil {
		t.Fatal("pdfinfo gave no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestSectionsReadBack(t *testing.T) {
	tests := []struct {
		lang  string
		pages int
		want  []string
	}{
		{"en", 6, []string{
			// Cover.
			"Know your customer: record of the check", samiName, "Organisation number 311111116", "Country Norway",
			"Checked 2026-12-03 14:20 UTC", "Firm Regnskap Sápmi AS", "Made by Elle Ánte", "Motpart version 1.4.0",
			"Include full identity numbers no",
			"Active. Beneficial owners registered and identified. No sanctions hits.", "Nothing is missing from the check.",
			// Every page.
			"SANDBOX: MADE-UP DATA, NOT A REAL CHECK", "Page 1 of 6", "Page 6 of 6", "Created 2026-12-03 14:30 UTC by Motpart 1.4.0",
			// Facts, roles, sub-units.
			"Company facts", "Organisation form Private limited company (AS)", "Business address Storgata 1, 9730 KARASJOK",
			"Industry 62.010 Programmeringstjenester", "Share capital 30000 NOK", "Employees 12",
			"Source: Brønnøysund, Enhetsregisteret: found, retrieved 2026-12-03 14:20 UTC",
			"Chief executive Máret Ŋuolla 1975-02-11 since 2019-04-01", "Auditor Revisjon Nord AS 987654321", "Deputy board member Per Østli",
			"311111124", "Storgata 1, 9730 KARASJOK",
			// Owners.
			"Registration status Beneficial owners registered; all are identified.", "From the register, online at 2026-12-03 14:20 UTC.",
			"110275 *****", "Owns 50–74.99 % (directly)", "Controls votes 25.01–49.99 % (indirectly)", "Čuđe Holding AS 922222226",
			"Exempt from disclosure 1988", "Can appoint or remove half the board (by agreement)", "Citizen of Norway",
			// Graph and tree.
			"Ownership graph", "Legend: owns controls sub-unit indirectly cross-holding", "Ŋuolla Invest AS", "Deatnu Drift AS",
			"Ownership tree", "Owned or controlled by", "Čuđe Holding AS (922222226): owns 40 %", "Ánde Čuđe (1960): controls indirectly 25.01–49.99 % (see above)",
			"Owns, and sub-units", "KARASJOK (311111124): sub-unit", "Guovdageaidnu Data AS (933333336): owns 100 %",
			// AML.
			"Screened against EU, UN, OFAC on 2026-12-03: no hits.", "Source: BankID AML, session sess-0001, read 2026-12-03 14:30 UTC",
			"AML report (Norway)", "Ordered 2026-12-03 14:25 UTC · ready 2026-12-03 14:27 UTC · session sess-0001 · 48213 bytes",
			"SHA-256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
			"Certificate of registration (Norway)", "SHA-256: 60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
			"Shareholders", "Subsidiaries", "Guovdageaidnu Data AS 933333336 Norway 100 %",
			// Notes and audit.
			"2026-11-20 09:00 UTC Møte med dagleg leiar; eigarskap stadfesta.", "2026-12-01 13:15 UTC (changed 2026-12-02 08:00 UTC) Kontrollert mot BankID AML.",
			"Audit log", "2026-12-03 14:25 UTC aml_order sess-0001",
		}},
		{"nb", 6, []string{
			"Kundekontroll: dokumentasjon av kontrollen", samiName, "Organisasjonsnummer 311111116", "Land Norge",
			"Aktiv. Reelle rettighetshavere registrert og identifisert. Ingen sanksjonstreff.", "Side 2 av 6",
			"Styrets leder Ánde Čuđe 30.08.1960", "Eierskapsgraf", "Eiertre", "AML-rapport (Norge)", "Firmaattest (Norge)",
			"Kontrollert mot EU, UN, OFAC 03.12.2026: ingen treff.", "SANDKASSE: OPPDIKTEDE DATA, INGEN EKTE KONTROLL",
			"Eier 50–74,99 %",
		}},
		{"sv", 6, []string{"Kundkännedom: dokumentation av kontrollen", "Sida 6 av 6", "Verkliga huvudmän registrerade och identifierade.", "Ägarträd", "Registreringsbevis (Norge)"}},
		{"fi", 6, []string{"Asiakkaan tunteminen: tarkistuksen dokumentaatio", "Sivu 3/6", "Tosiasialliset edunsaajat rekisteröity ja tunnistettu.", "Omistuspuu", "Kaupparekisteriote (Norja)", "Luotu 3.12.2026 14.30 UTC"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			pdf, err := Make(typical(), Options{Language: tt.lang, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if got := pages(t, pdf); got != tt.pages {
				t.Errorf("%d pages, want %d", got, tt.pages)
			}
			text := squash(poppler(t, pdf, "pdftotext", "-layout"))
			raw := squash(poppler(t, pdf, "pdftotext", "-raw"))
			for _, w := range tt.want {
				if w = squash(w); !strings.Contains(text, w) && !strings.Contains(raw, w) {
					t.Errorf("the report lacks %q", w)
				}
			}
			if strings.Contains(text, "11027512560") {
				t.Error("an identity number is printed in full without FullIDs")
			}
		})
	}
}

func TestSamiNameRoundTrips(t *testing.T) {
	pdf, err := Make(typical(), Options{Language: "en", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	page := poppler(t, pdf, "pdftotext", "-raw", "-f", "2", "-l", "2")
	// The name wraps at a space in its column: the words in order, and
	// nothing between them, are the name exactly.
	if want := "Name " + samiName + " Organisation number"; !strings.Contains(squash(page), want) {
		t.Errorf("page 2 lacks %q:\n%s", want, page)
	}
	if want := "Title: KYC report: " + samiName + " (311111116)"; !strings.Contains(squash(poppler(t, pdf, "pdfinfo")), want) {
		t.Errorf("the document's title is not %q", want)
	}
	lines := strings.Split(page, "\n")
	for _, r := range "ÁáČčĐđŊŋŠšŦŧŽžØÅÄÖÆøåäöæ" {
		if !strings.ContainsRune(strings.Join(lines, "\n"), r) {
			t.Errorf("%q is lost", r)
		}
	}
}

func TestFontsEmbeddedNoCoreFont(t *testing.T) {
	for _, in := range []Input{typical(), stress()} {
		pdf, err := Make(in, Options{Language: "nb", Now: now})
		if err != nil {
			t.Fatal(err)
		}
		out := poppler(t, pdf, "pdffonts")
		rows := strings.Split(strings.TrimSpace(out), "\n")[2:]
		if len(rows) != 3 {
			t.Errorf("%d fonts, want regular, bold and italic:\n%s", len(rows), out)
		}
		for _, row := range rows {
			f := strings.Fields(row)
			// name type... encoding emb sub uni id gen
			if len(f) < 7 || f[len(f)-5] != "yes" || !strings.Contains(row, "TrueType") {
				t.Errorf("a font that is not an embedded TrueType font: %s", row)
			}
			for _, core := range []string{"Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats"} {
				if strings.Contains(row, core) {
					t.Errorf("core font: %s", row)
				}
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   func() Input
	}{{"typical", typical}, {"stress", stress}, {"hostile", hostile}} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Make(tc.in(), Options{Language: "sv", Now: now})
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 2; i++ {
				b, err := Make(tc.in(), Options{Language: "sv", Now: now})
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(a, b) {
					t.Fatalf("run %d differs from the first", i+2)
				}
			}
			c, err := Make(tc.in(), Options{Language: "sv", Now: now.Add(time.Minute)})
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Equal(a, c) {
				t.Error("another creation time gives the same bytes")
			}
		})
	}
}

func TestFullIDsAndMarkings(t *testing.T) {
	tests := []struct {
		name        string
		full        bool
		environment string
		want, not   []string
	}{
		{"masked sandbox", false, "sandbox", []string{"Include full identity numbers no", "110275 *****", "SANDBOX: MADE-UP DATA"}, []string{"11027512560", "TEST REGISTERS"}},
		{"full test", true, "test", []string{"Include full identity numbers yes", "11027512560", "30086023438", "TEST REGISTERS: NOT A REAL CHECK"}, []string{"110275 *****", "SANDBOX"}},
		{"production", false, "production", []string{"Include full identity numbers no"}, []string{"SANDBOX", "TEST REGISTERS", "Environment"}},
		{"unset is sandbox", false, "", []string{"SANDBOX: MADE-UP DATA"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := typical()
			in.FullIDs, in.Environment = tt.full, tt.environment
			pdf, err := Make(in, Options{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			text := squash(poppler(t, pdf, "pdftotext", "-layout"))
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("lacks %q", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(text, w) {
					t.Errorf("has %q", w)
				}
			}
			if tt.environment != "production" {
				for p := 1; p <= pages(t, pdf); p++ {
					page := poppler(t, pdf, "pdftotext", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p))
					if !strings.Contains(page, "NOT A REAL CHECK") {
						t.Errorf("page %d is not marked", p)
					}
				}
			}
		})
	}
}

func TestHostileDossier(t *testing.T) {
	for _, in := range []Input{hostile(), {Dossier: &dossier.Dossier{}}, {Dossier: &dossier.Dossier{Number: "1"}, Graph: bigGraph(1)}} {
		pdf, err := Make(in, Options{Language: "fi", Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if n := pages(t, pdf); n < 5 {
			t.Errorf("%d pages: sections are missing", n)
		}
		text := squash(poppler(t, pdf, "pdftotext", "-layout"))
		for _, w := range []string{"Omistusrakennekaavio", "Muistiinpanot", "Tarkastusloki", "Tarkistuksesta puuttuu:"} {
			if !strings.Contains(text, w) {
				t.Errorf("lacks %q", w)
			}
		}
	}
	if _, err := Make(Input{}, Options{Now: now}); !errors.Is(err, ErrNoDossier) {
		t.Errorf("no dossier: %v", err)
	}
	if _, err := Make(typical(), Options{Language: "de", Now: now}); err == nil {
		t.Error("an unknown language is accepted")
	}
}

func TestVerdict(t *testing.T) {
	failed := func(id string) dossier.Source { return dossier.Source{ID: id, Status: dossier.StatusFailed} }
	tests := []struct {
		name    string
		edit    func(d *dossier.Dossier)
		line    string
		missing []string
	}{
		{"clean", func(*dossier.Dossier) {}, "Active. Beneficial owners registered and identified. No sanctions hits.", nil},
		{"bankrupt", func(d *dossier.Dossier) { d.Company.Bankrupt = true },
			"Bankrupt. Beneficial owners registered and identified. No sanctions hits.", nil},
		{"deleted and under liquidation", func(d *dossier.Dossier) { d.Company.Deleted, d.Company.UnderLiquidation = true, true },
			"Deleted. Under liquidation. Beneficial owners registered and identified. No sanctions hits.", nil},
		{"owners not registered", func(d *dossier.Dossier) {
			d.Owners = nil
			d.Sources[2] = dossier.Source{ID: "rrh", Status: dossier.StatusNotFound, FollowUp: &dossier.FollowUp{Reason: dossier.FollowUpOwnersNotRegistered}}
		}, "Active. Beneficial owners not registered. No sanctions hits.",
			[]string{"Beneficial owners: not registered; find out whether the company must register them"}},
		{"owners register failed", func(d *dossier.Dossier) { d.Owners = nil; d.Sources[2] = failed("rrh") },
			"Active. Beneficial owners unknown: the register could not be reached. No sanctions hits. Some sources could not be reached.",
			[]string{"Register of beneficial owners: could not be reached"}},
		{"some owners unidentified, offline", func(d *dossier.Dossier) {
			d.Owners.Status.Code = dossier.OwnersSomeIdentified
			d.Owners.Source, d.Owners.CopyDate = "offline", "2026-11-30"
		}, "Active. Beneficial owners registered; some cannot be identified (from the offline copy of 2026-11-30). No sanctions hits.",
			[]string{"Beneficial owners: some cannot be identified"}},
		{"sanctions hit", func(d *dossier.Dossier) {
			d.AML.Screening.Sanctions = []dossier.ScreeningHit{{Name: "X", List: "EU"}}
		}, "Active. Beneficial owners registered and identified. SANCTIONS HIT.", nil},
		{"PEP", func(d *dossier.Dossier) {
			d.AML.Screening.PEP = []dossier.ScreeningHit{{Name: "Y"}}
		}, "Active. Beneficial owners registered and identified. No sanctions hits. Politically exposed person.", nil},
		{"not screened", func(d *dossier.Dossier) { d.AML = nil },
			"Active. Beneficial owners registered and identified. Not screened for sanctions or politically exposed persons.",
			[]string{"Sanctions and PEP screening: not screened"}},
		{"screening not asked", func(d *dossier.Dossier) { d.AML.Screening = nil },
			"Active. Beneficial owners registered and identified. Not screened for sanctions or politically exposed persons.",
			[]string{"Sanctions and PEP screening: not screened"}},
		{"registers failed", func(d *dossier.Dossier) {
			d.Company = nil
			d.Sources[0], d.Sources[1] = failed("brreg"), dossier.Source{ID: "grunndata", Status: dossier.StatusNoAccess}
		}, "The company could not be read: its registers could not be reached. Beneficial owners registered and identified. No sanctions hits. Some sources could not be reached.",
			[]string{"Brønnøysund, Enhetsregisteret: could not be reached", "Brønnøysund, grunndataWS: no access"}},
		{"unknown company", func(d *dossier.Dossier) {
			d.Company, d.Owners, d.AML = nil, nil, nil
			d.Sources = []dossier.Source{{ID: "brreg", Status: dossier.StatusNotFound}}
		}, "No register knows the company. Beneficial owners not checked. Not screened for sanctions or politically exposed persons.",
			[]string{"Register of beneficial owners: not asked", "Sanctions and PEP screening: not screened"}},
		{"carried roles", func(d *dossier.Dossier) {
			d.Carried = []dossier.Carried{{Part: dossier.PartRoles, Source: "brreg", Fetched: time.Date(2026, 10, 1, 8, 0, 0, 0, time.UTC)}}
		}, "Active. Beneficial owners registered and identified. No sanctions hits.", []string{"Roles: last known data from 2026-10-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := typical()
			tt.edit(in.Dossier)
			line, missing := Verdict(in)
			if line != tt.line {
				t.Errorf("verdict\n got %q\nwant %q", line, tt.line)
			}
			if strings.Join(missing, "|") != strings.Join(tt.missing, "|") {
				t.Errorf("missing\n got %q\nwant %q", missing, tt.missing)
			}
			for _, bad := range []string{"not required", "not found", "no hits"} {
				if strings.Contains(strings.ToLower(line), bad) {
					t.Errorf("the verdict says %q", bad)
				}
			}
		})
	}
}

func TestHitsAndBadgesInRed(t *testing.T) {
	tests := []struct {
		name      string
		edit      func(in *Input)
		red       bool
		cover     []string
		elsewhere []string
	}{
		{"clean", func(*Input) {}, false, []string{"No sanctions hits."}, nil},
		{"sanctions, PEP and bankrupt", func(in *Input) {
			in.Dossier.Company.Bankrupt, in.Dossier.Company.BankruptDate = true, "2026-11-01"
			in.Dossier.AML.Screening.Sanctions = []dossier.ScreeningHit{{Name: "Ánde Čuđe", List: "EU", Detail: "asset freeze"}}
			in.Dossier.AML.Screening.PEP = []dossier.ScreeningHit{{Name: "Máret Ŋuolla", Detail: "member of parliament"}}
		}, true,
			[]string{"BANKRUPT 2026-11-01 · SANCTIONS HIT · POLITICALLY EXPOSED PERSON", "Bankrupt. Beneficial owners registered and identified. SANCTIONS HIT. Politically exposed person."},
			[]string{"SANCTIONS HIT: Ánde Čuđe — EU — asset freeze", "Politically exposed person: Máret Ŋuolla — member of parliament"}},
		{"owners register failed", func(in *Input) {
			in.Dossier.Owners = nil
			in.Dossier.Sources[2] = dossier.Source{ID: "rrh", Status: dossier.StatusFailed}
		}, false,
			[]string{"Register of beneficial owners could not be reached", "• Register of beneficial owners: could not be reached"},
			[]string{"The Register of beneficial owners could not be reached: the owners are not known.", "Source: Register of beneficial owners: could not be reached"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := typical()
			in.Environment = "production" // no red marking band
			tt.edit(&in)
			pdf, err := Make(in, Options{Language: "en", Now: now})
			if err != nil {
				t.Fatal(err)
			}
			cover := squash(poppler(t, pdf, "pdftotext", "-layout", "-f", "1", "-l", "1"))
			for _, w := range tt.cover {
				if !strings.Contains(cover, w) {
					t.Errorf("the cover lacks %q:\n%s", w, cover)
				}
			}
			text := squash(poppler(t, pdf, "pdftotext", "-layout"))
			for _, w := range tt.elsewhere {
				if !strings.Contains(text, w) {
					t.Errorf("the report lacks %q", w)
				}
			}
			img := render(t, pdf, 1)
			red := 0
			for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
				for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
					r, g, b, _ := img.At(x, y).RGBA()
					if r > 150<<8 && g < 90<<8 && b < 90<<8 {
						red++
					}
				}
			}
			if (red > 50) != tt.red {
				t.Errorf("%d red pixels on the cover; want red: %v", red, tt.red)
			}
		})
	}
}

func TestTimeZone(t *testing.T) {
	tests := []struct {
		name string
		loc  *time.Location
		lang string
		want []string
	}{
		{"UTC by default", nil, "en", []string{"Checked 2026-12-03 14:20 UTC", "Created 2026-12-03 14:30 UTC"}},
		{"CET in Norwegian", time.FixedZone("CET", 3600), "nb", []string{"Kontrollert 03.12.2026 15:20 CET", "Laget 03.12.2026 15:30 CET", "Bestilt 03.12.2026 15:25 CET"}},
		{"EET in Finnish", time.FixedZone("EET", 7200), "fi", []string{"Tarkistettu 3.12.2026 16.20 EET", "Luotu 3.12.2026 16.30 EET"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf, err := Make(typical(), Options{Language: tt.lang, Now: now, Location: tt.loc})
			if err != nil {
				t.Fatal(err)
			}
			text := squash(poppler(t, pdf, "pdftotext", "-layout"))
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("lacks %q", w)
				}
			}
		})
	}
}

func TestUnprintableText(t *testing.T) {
	tests := []struct {
		name, firm, want string
	}{
		{"invalid UTF-8 and NUL", "bad\xff\x00name", "bad�name"},
		{"tab and carriage return", "Regnskap\tNord\r AS", "Regnskap Nord AS"},
		{"outside the BMP", "Firma 😀 AS", "Firma � AS"},
		{"no glyph in the font", "会社 AS", "�� AS"},
		{"bidirectional override", "Firma \u202eSA\u202c AS", "Firma SA AS"},
		{"Sámi untouched", "Ŋuolla Šŧž AS", "Ŋuolla Šŧž AS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := typical()
			in.Firm = tt.firm
			in.Dossier.Company.Name = tt.firm
			pdf, err := Make(in, Options{Language: "en", Now: now})
			if err != nil {
				t.Fatal(err)
			}
			text := squash(poppler(t, pdf, "pdftotext", "-layout", "-f", "1", "-l", "1"))
			if !strings.Contains(text, "Firm "+tt.want) {
				t.Errorf("the firm is not printed as %q:\n%s", tt.want, text)
			}
			if in.Firm != tt.firm || in.Dossier.Company.Name != tt.firm {
				t.Error("the caller's input was changed")
			}
		})
	}
}

// TestConcurrentReports makes reports at the same time (run with -race):
// they share nothing, so each is the same as one made alone.
func TestConcurrentReports(t *testing.T) {
	want, err := Make(typical(), Options{Language: "nb", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	const n = 4
	got := make([][]byte, n)
	errs := make([]error, n)
	done := make(chan int)
	for i := range n {
		go func() {
			got[i], errs[i] = Make(typical(), Options{Language: "nb", Now: now})
			done <- i
		}()
	}
	for range n {
		<-done
	}
	for i := range n {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !bytes.Equal(got[i], want) {
			t.Errorf("report %d made beside others differs from one made alone", i)
		}
	}
}
