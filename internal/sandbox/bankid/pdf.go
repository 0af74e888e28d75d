package bankid

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// The PDFs are A4 with the Go fonts embedded as UTF-8 TrueType subsets
// (never the core fonts), so Ø, Å, Ä, Ö and the Sámi letters print. They
// are deterministic: the creation date is the session's and the
// catalogue sorted.

// doc is one PDF being written and the fixed words of its language.
type doc struct {
	pdf   *gofpdf.Fpdf
	words pdfWords
}

// pdfWords are the fixed words of a document in its language.
type pdfWords struct {
	footer string // the sandbox's disclaimer
	page   string // "Page %d of %d"
}

var red = [3]int{190, 20, 20}

// makePDF makes the named report of a session.
func (s *Server) makePDF(ss *session, name string) ([]byte, error) {
	d := newDoc(ss.created)
	if name == ReportRegistration {
		registration(d, ss)
	} else {
		amlReport(d, ss)
	}
	var b bytes.Buffer
	if err := d.pdf.Output(&b); err != nil {
		return nil, fmt.Errorf("bankid simulator: %s report: %w", name, err)
	}
	return b.Bytes(), nil
}

// pageCount is replaced by the number of pages when the PDF is written.
const pageCount = "{nb}"

func newDoc(created time.Time) *doc {
	p := gofpdf.New("P", "mm", "A4", "")
	// gofpdf writes into the font bytes it is given (checksums while it
	// cuts the subset): each document gets its own copy, never the
	// shared gofont slices.
	p.AddUTF8FontFromBytes("go", "", bytes.Clone(goregular.TTF))
	p.AddUTF8FontFromBytes("go", "B", bytes.Clone(gobold.TTF))
	p.SetCreationDate(created.UTC())
	p.SetModificationDate(created.UTC())
	p.SetCatalogSort(true)
	p.SetCompression(true)
	p.SetMargins(20, 20, 20)
	p.SetAutoPageBreak(true, 22)
	p.AliasNbPages(pageCount)
	d := &doc{pdf: p}
	p.SetFooterFunc(func() {
		p.SetY(-16)
		p.SetFont("go", "", 8)
		p.SetTextColor(110, 110, 110)
		p.CellFormat(120, 5, d.words.footer, "", 0, "L", false, 0, "")
		p.CellFormat(0, 5, strings.Replace(strings.Replace(d.words.page, "%d", strconv.Itoa(p.PageNo()), 1), "%d", pageCount, 1), "", 0, "R", false, 0, "")
		p.SetTextColor(0, 0, 0)
	})
	return d
}

// title writes the document's heading.
func (d *doc) title(kicker, title string) {
	p := d.pdf
	p.SetFont("go", "", 9)
	p.SetTextColor(90, 90, 90)
	p.CellFormat(0, 5, kicker, "", 1, "L", false, 0, "")
	p.SetTextColor(0, 0, 0)
	p.SetFont("go", "B", 20)
	p.CellFormat(0, 11, title, "", 1, "L", false, 0, "")
	p.SetDrawColor(30, 60, 110)
	p.SetLineWidth(0.6)
	p.Line(20, p.GetY()+1, 190, p.GetY()+1)
	p.Ln(5)
}

// section writes a section heading.
func (d *doc) section(title string) {
	p := d.pdf
	if p.GetY() > 250 {
		p.AddPage()
	}
	p.Ln(3)
	p.SetFont("go", "B", 12)
	p.SetFillColor(225, 232, 242)
	p.CellFormat(0, 7, " "+title, "", 1, "L", true, 0, "")
	p.Ln(1)
}

// field writes a label and a value on one line (the value wraps).
func (d *doc) field(label, value string) {
	if value == "" {
		return
	}
	p := d.pdf
	p.SetFont("go", "B", 10)
	p.CellFormat(55, 6, label, "", 0, "L", false, 0, "")
	p.SetFont("go", "", 10)
	p.MultiCell(0, 6, value, "", "L", false)
}

// table writes rows under a header; widths in mm. An empty table says
// none.
func (d *doc) table(none string, widths []float64, header []string, rows [][]string) {
	p := d.pdf
	if len(rows) == 0 {
		p.SetFont("go", "", 10)
		p.CellFormat(0, 6, none, "", 1, "L", false, 0, "")
		return
	}
	p.SetFont("go", "B", 9)
	for i, h := range header {
		p.CellFormat(widths[i], 6, h, "B", 0, "L", false, 0, "")
	}
	p.Ln(-1)
	p.SetFont("go", "", 9.5)
	for _, r := range rows {
		for i, c := range r {
			p.CellFormat(widths[i], 6, fit(p, c, widths[i]), "", 0, "L", false, 0, "")
		}
		p.Ln(-1)
	}
}

// fit shortens s to fit width, with an ellipsis.
func fit(p *gofpdf.Fpdf, s string, width float64) string {
	if p.GetStringWidth(s) <= width-1 {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && p.GetStringWidth(string(r)+"…") > width-1 {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// amlReport writes the AML report, in English as BankID's is.
func amlReport(d *doc, ss *session) {
	c := ss.company
	d.words = pdfWords{footer: "BankID AML sandbox: not a real document", page: "Page %d of %d"}
	p := d.pdf
	p.AddPage()
	d.title("BankID AML · Organisation report", "AML Report")
	p.SetFont("go", "B", 15)
	p.MultiCell(0, 8, c.Name, "", "L", false)
	p.SetFont("go", "", 10)
	p.CellFormat(0, 6, fmt.Sprintf("Organisation number %s · Country %s", c.Number, strings.ToUpper(c.Country)), "", 1, "L", false, 0, "")
	p.SetTextColor(90, 90, 90)
	p.CellFormat(0, 6, fmt.Sprintf("Session %s · created %s UTC", ss.id, ss.created.UTC().Format("2006-01-02 15:04")), "", 1, "L", false, 0, "")
	// The screening's outcome at the top, impossible to miss.
	sc := c.Sanction
	p.Ln(2)
	p.SetFont("go", "B", 11)
	if n, m := len(sc.Hits), len(sc.PEPHits); n+m > 0 {
		p.SetFillColor(red[0], red[1], red[2])
		p.SetTextColor(255, 255, 255)
		p.CellFormat(0, 9, fmt.Sprintf(" SCREENING HITS: %d sanctions, %d PEP (screened %s)", n, m, sc.Date), "", 1, "L", true, 0, "")
	} else {
		p.SetTextColor(20, 120, 40)
		p.CellFormat(0, 9, fmt.Sprintf("No sanctions or PEP hits (%s, %s)", strings.Join(sc.Lists, ", "), sc.Date), "", 1, "L", false, 0, "")
	}
	p.SetTextColor(0, 0, 0)

	d.section("Key information")
	d.field("Name", c.Name)
	d.field("Organisation number", c.Number)
	d.field("Country", strings.ToUpper(c.Country))
	d.field("Organisation form", c.Form)
	d.field("Registered", c.KeyInformation.RegisteredDate)
	d.field("Address", c.Address)

	d.section("Roles")
	var rows [][]string
	for _, r := range c.Roles {
		rows = append(rows, []string{roleWord("en", r.Type), r.Name, r.BirthDate + r.OrgNumber})
	}
	d.table("No roles registered.", []float64{55, 80, 35}, []string{"Role", "Name", "Born / number"}, rows)

	d.section("Beneficial owners")
	rows = nil
	for _, o := range c.Ownership.Beneficials {
		var pos []string
		for _, r := range o.Roles {
			pos = append(pos, positionWord(r))
		}
		share := fmt.Sprintf("> %.0f %%", o.OwnerShare)
		if o.OwnerShare == 0 {
			share = ""
		}
		rows = append(rows, []string{o.Name, o.BirthDate, share, strings.Join(pos, ", ")})
	}
	d.table("No beneficial owners found.", []float64{70, 30, 25, 45}, []string{"Name", "Born", "Share", "Position"}, rows)

	d.section("Shareholders")
	d.table("No shareholders found.", []float64{80, 35, 20, 35}, []string{"Name", "Number / born", "Country", "Share"}, holdingRows(c.Ownership.Shareholders))
	d.section("Subsidiaries")
	d.table("No subsidiaries found.", []float64{80, 35, 20, 35}, []string{"Name", "Number", "Country", "Share"}, holdingRows(c.Ownership.Subsidiaries))

	d.section("Sanctions and PEP screening")
	d.field("Lists screened", strings.Join(sc.Lists, ", "))
	d.field("Screening date", sc.Date)
	hits := func(label string, hs []hit) {
		p.SetFont("go", "B", 10)
		if len(hs) == 0 {
			p.SetTextColor(20, 120, 40)
			p.CellFormat(0, 6, label+": no hits", "", 1, "L", false, 0, "")
			p.SetTextColor(0, 0, 0)
			return
		}
		p.SetTextColor(red[0], red[1], red[2])
		p.CellFormat(0, 6, fmt.Sprintf("%s: %d hit(s)", label, len(hs)), "", 1, "L", false, 0, "")
		for _, h := range hs {
			p.SetFont("go", "B", 10)
			line := h.Name + " (" + h.List
			if h.BirthDate != "" {
				line += ", born " + h.BirthDate
			}
			p.MultiCell(0, 6, "• "+line+")", "", "L", false)
			p.SetFont("go", "", 9.5)
			p.SetX(25)
			p.MultiCell(0, 5, h.Detail, "", "L", false)
		}
		p.SetTextColor(0, 0, 0)
	}
	hits("Sanctions", sc.Hits)
	hits("Politically exposed persons", sc.PEPHits)
}

// positionWord names a beneficial owner's position (RRH's codes).
func positionWord(code string) string {
	switch code {
	case world.RRHPositionOwner:
		return "owner"
	case world.RRHPositionVotes:
		return "controls votes"
	case world.RRHPositionBoard:
		return "appoints the board"
	case world.RRHPositionOther:
		return "control by other means"
	}
	return code
}

func holdingRows(hs []holding) [][]string {
	var rows [][]string
	for _, h := range hs {
		rows = append(rows, []string{h.Name, h.OrgNumber + h.BirthDate, h.Country, fmt.Sprintf("%.2f %%", h.Share)})
	}
	return rows
}

// registration writes the certificate of registration in the country's
// language and style: a Norwegian firmaattest, a Swedish
// registreringsbevis, a Finnish kaupparekisteriote.
func registration(d *doc, ss *session) {
	c := ss.company
	cc := c.Country
	w := certWords[cc]
	d.words = pdfWords{footer: w.footer, page: w.page}
	p := d.pdf
	p.AddPage()
	d.title(w.register, w.title)
	p.SetFont("go", "", 10)
	p.CellFormat(0, 6, w.printed+" "+localDate(cc, ss.created), "", 1, "L", false, 0, "")
	p.Ln(2)
	d.field(w.number, c.Number)
	d.field(w.name, c.Name)
	form := c.Form
	if f, ok := formWords[cc][c.Form]; ok {
		form = f
	} else if f, ok := world.OrgFormDescription(c.Form); ok && cc == "no" {
		form = f
	}
	d.field(w.form, form)
	d.field(w.seat, c.City)
	d.field(w.address, c.Address)
	if c.KeyInformation.RegisteredDate != "" {
		t, err := time.Parse("2006-01-02", c.KeyInformation.RegisteredDate)
		if err == nil {
			d.field(w.registered, localDate(cc, t))
		}
	}
	d.section(w.roles)
	var rows [][]string
	for _, r := range c.Roles {
		rows = append(rows, []string{roleWord(cc, r.Type), r.Name, localBirth(cc, r.BirthDate) + r.OrgNumber})
	}
	d.table(w.noRoles, []float64{60, 75, 35}, []string{w.role, w.person, w.born}, rows)
	p.Ln(8)
	p.SetFont("go", "", 9)
	p.SetTextColor(90, 90, 90)
	p.MultiCell(0, 5, w.closing+" "+ss.id, "", "L", false)
	p.SetTextColor(0, 0, 0)
}

// certWordSet are a certificate's words in its language.
type certWordSet struct {
	register, title, printed, number, name, form, seat, address, registered string
	roles, role, person, born, noRoles, closing, footer, page               string
}

var certWords = map[string]certWordSet{
	"no": {register: "Foretaksregisteret · Brønnøysundregistrene (sandkasse)", title: "Firmaattest", printed: "Utskriftsdato:",
		number: "Organisasjonsnummer:", name: "Foretaksnavn:", form: "Organisasjonsform:", seat: "Forretningskommune:",
		address: "Forretningsadresse:", registered: "Registrert:", roles: "Roller", role: "Rolle", person: "Navn", born: "Født / org.nr.",
		noRoles: "Ingen roller registrert.", closing: "Attesten er utstedt gjennom BankID AML, sesjon",
		footer: "Sandkasse: ikke et ekte dokument", page: "Side %d av %d"},
	"se": {register: "Bolagsverket · Näringslivsregistret (sandlåda)", title: "Registreringsbevis", printed: "Utskriftsdatum:",
		number: "Organisationsnummer:", name: "Firma:", form: "Företagsform:", seat: "Säte:",
		address: "Adress:", registered: "Registrerat:", roles: "Styrelse, verkställande direktör och revisor", role: "Funktion", person: "Namn",
		born: "Född / org.nr", noRoles: "Inga funktionärer registrerade.", closing: "Beviset är utfärdat genom BankID AML, session",
		footer: "Sandlåda: inte en verklig handling", page: "Sida %d av %d"},
	"fi": {register: "Kaupparekisteri · Patentti- ja rekisterihallitus (hiekkalaatikko)", title: "Kaupparekisteriote", printed: "Tulostettu:",
		number: "Y-tunnus:", name: "Toiminimi:", form: "Yritysmuoto:", seat: "Kotipaikka:",
		address: "Osoite:", registered: "Rekisteröity:", roles: "Hallitus, toimitusjohtaja ja tilintarkastaja", role: "Tehtävä", person: "Nimi",
		born: "Syntynyt / Y-tunnus", noRoles: "Ei rekisteröityjä henkilöitä.", closing: "Ote on annettu BankID AML -palvelun kautta, istunto",
		footer: "Hiekkalaatikko: ei aito asiakirja", page: "Sivu %d / %d"},
}

var formWords = map[string]map[string]string{
	"se": {"AB": "Aktiebolag"},
	"fi": {"Oy": "Osakeyhtiö"},
}

// roleWords name the role codes in each language ("en" is the AML
// report's).
var roleWords = map[string]map[string]string{
	"en": {"DAGL": "Chief executive", "LEDE": "Chair of the board", "NEST": "Deputy chair", "MEDL": "Board member",
		"VARA": "Deputy board member", "REVI": "Auditor", "REGN": "Accountant", "INNH": "Proprietor", "KONT": "Contact person",
		"REPR": "Representative", "DTPR": "Partner (shared liability)", "DTSO": "Partner (joint liability)", "OBS": "Observer", "BOBE": "Trustee in bankruptcy"},
	"no": {"DAGL": "Daglig leder", "LEDE": "Styrets leder", "NEST": "Nestleder", "MEDL": "Styremedlem", "VARA": "Varamedlem",
		"REVI": "Revisor", "REGN": "Regnskapsfører", "INNH": "Innehaver", "KONT": "Kontaktperson", "REPR": "Norsk representant",
		"DTPR": "Deltaker med delt ansvar", "DTSO": "Deltaker med solidarisk ansvar", "OBS": "Observatør", "BOBE": "Bostyrer"},
	"se": {"DAGL": "Verkställande direktör", "LEDE": "Styrelseordförande", "NEST": "Vice ordförande", "MEDL": "Styrelseledamot",
		"VARA": "Styrelsesuppleant", "REVI": "Revisor", "REGN": "Redovisningskonsult"},
	"fi": {"DAGL": "Toimitusjohtaja", "LEDE": "Hallituksen puheenjohtaja", "NEST": "Varapuheenjohtaja", "MEDL": "Hallituksen jäsen",
		"VARA": "Varajäsen", "REVI": "Tilintarkastaja", "REGN": "Kirjanpitäjä"},
}

func roleWord(lang, code string) string {
	if w, ok := roleWords[lang][code]; ok {
		return w
	}
	return code
}

// localDate writes a date as the country does.
func localDate(cc string, t time.Time) string {
	switch cc {
	case "se":
		return t.Format("2006-01-02")
	case "fi":
		return t.Format("2.1.2006")
	}
	return t.Format("02.01.2006")
}

func localBirth(cc, ymd string) string {
	t, err := time.Parse("2006-01-02", ymd)
	if err != nil {
		return ymd
	}
	return localDate(cc, t)
}
