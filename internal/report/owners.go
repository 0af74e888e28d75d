package report

import (
	"time"

	"sort"
	"strings"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
)

// owners is the beneficial owners with their positions, the registration
// status and the source.
func (d *doc) owners() {
	t := d.t
	d.newPage()
	d.h1(t.L("Beneficial owners"))
	ids := t.L("no")
	if d.in.FullIDs {
		ids = t.L("yes")
	}
	d.kv(t.L("Include full identity numbers"), ids)
	o := d.d.Owners
	src := ownersSource(d.d)
	if o == nil {
		switch {
		case src == nil:
			d.para(t.L("The Register of beneficial owners was not asked."))
		case src.Status == dossier.StatusFailed || src.Status == dossier.StatusNoAccess:
			d.paraStyle(t.L("The Register of beneficial owners could not be reached: the owners are not known."), "B", [3]int{198, 40, 40})
		default:
			d.paraStyle(t.L("No beneficial owners are registered for the company. The register does not say whether the company must register them: find out."), "B", [3]int{0, 0, 0})
		}
		if src != nil {
			if src.RegisterText != "" {
				d.para(t.L("The register's own words: {{.Text}}", map[string]any{"Text": src.RegisterText}))
			}
		}
		d.source(d.sourceLine(dossier.PartOwners))
		return
	}
	d.kv(t.L("Registration status"), t.ownersStatus(o.Status))
	if !o.Registered.IsZero() {
		d.kv(t.L("Registered"), t.when(o.Registered))
	}
	if o.Source == "offline" {
		d.kv(t.L("Source"), t.L("From the offline copy of {{.Date}}.", map[string]any{"Date": t.date(o.CopyDate)}))
	} else {
		d.kv(t.L("Source"), t.L("From the register, online at {{.Time}}.", map[string]any{"Time": t.when(d.fetchedOf(dossier.SourceOwners))}))
	}
	if src != nil {
		for _, n := range src.Notes {
			d.paraStyle("•  "+n.Message, "I", [3]int{150, 90, 0})
		}
	}
	d.pdf.Ln(2)
	if len(o.Owners) == 0 {
		d.para(t.L("No beneficial owners listed."))
	} else {
		var rows [][]cell
		for _, b := range o.Owners {
			rows = append(rows, d.ownerRow(b))
		}
		d.table([]column{{t.L("Owner"), 0.24}, {t.L("Born and identity"), 0.2}, {t.L("Positions"), 0.34}, {t.L("Through"), 0.22}}, rows)
	}
	d.source(d.sourceLine(dossier.PartOwners))
}

// fetchedOf is when source id answered; the dossier's time when it is not
// listed.
func (d *doc) fetchedOf(id string) time.Time {
	for _, s := range d.d.Sources {
		if s.ID == id {
			return s.Fetched
		}
	}
	return d.d.Fetched
}

// ownerRow is one beneficial owner as a table row.
func (d *doc) ownerRow(b dossier.BeneficialOwner) []cell {
	t := d.t
	name := b.Name
	if b.Exempt || name == "" {
		name = t.L("Exempt from disclosure")
	}
	if b.Deceased {
		name += " †"
	}
	var who []string
	if b.BirthDate != "" {
		who = append(who, t.date(b.BirthDate))
	} else if b.BirthYear != "" {
		who = append(who, b.BirthYear)
	}
	if b.NationalID != "" {
		who = append(who, d.identity(b.NationalID))
	}
	var cs []string
	for _, c := range b.Citizenships {
		cs = append(cs, t.country(c.Code, c.Description))
	}
	if len(cs) > 0 {
		who = append(who, t.L("Citizen of {{.Countries}}", map[string]any{"Countries": strings.Join(cs, ", ")}))
	}
	if b.Residence != nil {
		who = append(who, t.L("Lives in {{.Country}}", map[string]any{"Country": t.country(b.Residence.Code, b.Residence.Description)}))
	}
	var positions, through []string
	for _, p := range b.Positions {
		s := t.positionName(p.Type)
		if p.Interval != nil {
			s += " " + t.intervalText(*p.Interval)
		}
		var bases []string
		for _, c := range p.Basis {
			bases = append(bases, t.basisName(c))
		}
		if len(bases) > 0 {
			s += " (" + strings.Join(bases, ", ") + ")"
		}
		if p.Other != "" {
			s += ": " + p.Other
		}
		positions = append(positions, s)
		for _, u := range p.Intermediates {
			through = append(through, strings.TrimSpace(u.Name+" "+or(u.Number, u.ForeignNumber)))
		}
	}
	return plain(name, strings.Join(who, "\n"), strings.Join(positions, "\n"), strings.Join(through, "\n"))
}

// identity is an identity number as the report prints it: in full when
// asked for, masked otherwise ("128368 *****").
func (d *doc) identity(id string) string {
	if d.in.FullIDs {
		return id
	}
	if strings.Contains(id, "*") {
		return id
	}
	n, err := ident.Parse(id, ident.Options{AllowTestData: true})
	if err != nil {
		return "*****"
	}
	return n.Masked()
}

// aml is the AML documents held and BankID's data with the sanctions and
// PEP screening.
func (d *doc) aml() {
	t := d.t
	d.newPage()
	d.h1(t.L("AML documents and screening"))
	d.h2(t.L("Sanctions and politically exposed persons"))
	a := d.d.AML
	s := screening(d.d)
	red := [3]int{198, 40, 40}
	switch {
	case s == nil:
		d.paraStyle(t.L("No screening: the client was not screened against sanctions lists or for politically exposed persons."), "B", [3]int{0, 0, 0})
	case !s.Hits():
		d.paraStyle(t.L("Screened against {{.Lists}} on {{.Date}}: no hits.", map[string]any{"Lists": strings.Join(s.Lists, ", "), "Date": t.date(s.Date)}), "B", [3]int{0, 0, 0})
	default:
		d.paraStyle(t.L("Screened against {{.Lists}} on {{.Date}}.", map[string]any{"Lists": strings.Join(s.Lists, ", "), "Date": t.date(s.Date)}), "", [3]int{0, 0, 0})
		for _, h := range s.Sanctions {
			d.paraStyle(t.L("SANCTIONS HIT")+": "+hitText(h), "B", red)
		}
		for _, h := range s.PEP {
			d.paraStyle(t.L("Politically exposed person")+": "+hitText(h), "B", red)
		}
	}
	if a != nil {
		d.source(t.L("Source: {{.Source}}, session {{.Session}}, read {{.Time}}", map[string]any{"Source": t.sourceName("bankid"), "Session": a.SessionID, "Time": t.when(a.Fetched)}))
	}

	d.h2(t.L("AML documents held"))
	docs := append([]dossier.Document(nil), d.in.Documents...)
	sort.SliceStable(docs, func(i, j int) bool {
		if !docs[i].ReadyAt.Equal(docs[j].ReadyAt) {
			return docs[i].ReadyAt.Before(docs[j].ReadyAt)
		}
		return docs[i].ID < docs[j].ID
	})
	if len(docs) == 0 {
		d.para(t.L("No AML documents are held for the client."))
	}
	for _, doc := range docs {
		d.room(18)
		d.paraStyle(t.documentKind(doc.Kind)+" ("+t.country(doc.Country, doc.Country)+")", "B", [3]int{0, 0, 0})
		d.para(t.L("Ordered {{.Ordered}} · ready {{.Ready}} · session {{.Session}} · {{.Size}} bytes",
			map[string]any{"Ordered": t.when(doc.OrderedAt), "Ready": t.when(doc.ReadyAt), "Session": doc.SessionID, "Size": count(int(doc.Size))}))
		d.pdf.SetFont(font, "", 8)
		d.pdf.MultiCell(d.contentWidth(), 4, "SHA-256: "+doc.SHA256, "", "L", false)
		d.pdf.Ln(1.5)
	}

	if a == nil {
		return
	}
	if k := a.Key; k != nil {
		d.h2(t.L("Key information from BankID"))
		d.kv(t.L("Name"), k.Name)
		d.kv(t.L("Organisation number"), k.Number)
		d.kv(t.L("Country"), t.country(k.Country, k.Country))
		d.kv(t.L("Organisation form"), k.Form)
		d.kv(t.L("Registered"), t.date(k.Registered))
		d.kv("LEI", k.LEI)
		d.kv("D-U-N-S", k.DUNS)
	}
	if len(a.Roles) > 0 {
		d.h2(t.L("Roles according to BankID"))
		var rows [][]cell
		for _, r := range a.Roles {
			rows = append(rows, plain(r.Type, r.Name, or(t.date(r.BirthDate), r.OrgNumber)))
		}
		d.table([]column{{t.L("Role"), 0.3}, {t.L("Name"), 0.45}, {t.L("Born or number"), 0.25}}, rows)
	}
	if len(a.Beneficials) > 0 {
		d.h2(t.L("Beneficial owners according to BankID"))
		var rows [][]cell
		for _, o := range a.Beneficials {
			rows = append(rows, plain(o.Name, t.date(o.BirthDate), t.percentRange(o.Share, o.Share), strings.Join(o.Roles, ", ")))
		}
		d.table([]column{{t.L("Name"), 0.4}, {t.L("Born"), 0.2}, {t.L("Share"), 0.15}, {t.L("Details"), 0.25}}, rows)
	}
	for _, hs := range []struct {
		title string
		list  []dossier.Holding
	}{{t.L("Shareholders"), a.Shareholders}, {t.L("Subsidiaries"), a.Subsidiaries}} {
		if len(hs.list) == 0 {
			continue
		}
		d.h2(hs.title)
		var rows [][]cell
		for _, h := range hs.list {
			rows = append(rows, plain(h.Name, or(h.OrgNumber, t.date(h.BirthDate)), t.country(h.Country, h.Country), t.percentRange(h.Share, h.Share)))
		}
		d.table([]column{{t.L("Name"), 0.45}, {t.L("Born or number"), 0.2}, {t.L("Country"), 0.2}, {t.L("Share"), 0.15}}, rows)
	}
}

// hitText is a screening hit on one line.
func hitText(h dossier.ScreeningHit) string {
	return strings.Join(nonEmpty(h.Name, h.List, h.Detail), " — ")
}

// notesAndAudit is the firm's notes on the client and the audit log's
// entries for it.
func (d *doc) notesAndAudit() {
	t := d.t
	d.h1(t.L("Notes"))
	if len(d.in.Notes) == 0 {
		d.para(t.L("No notes on the client."))
	}
	notes := append([]dossier.Note(nil), d.in.Notes...)
	sort.SliceStable(notes, func(i, j int) bool { return notes[i].Created.Before(notes[j].Created) })
	for _, n := range notes {
		head := t.when(n.Created)
		if !n.Updated.IsZero() {
			head += " (" + t.L("changed {{.Time}}", map[string]any{"Time": t.when(n.Updated)}) + ")"
		}
		d.room(14)
		d.paraStyle(head, "B", [3]int{0, 0, 0})
		d.para(n.Text)
		d.pdf.Ln(1.5)
	}
	d.pdf.Ln(3)
	d.h1(t.L("Audit log"))
	if len(d.in.Audit) == 0 {
		d.para(t.L("No audit entries for the client."))
		return
	}
	var rows [][]cell
	for _, a := range d.in.Audit {
		rows = append(rows, plain(t.when(a.Time), a.Action, a.Detail))
	}
	d.table([]column{{t.L("Time"), 0.22}, {t.L("Action"), 0.28}, {t.L("Details"), 0.5}}, rows)
}
