package report

import (
	"strings"

	"github.com/motpart/motpart/internal/dossier"
)

// cover is page 1: who the client is, who checked it when, and the verdict
// with what is missing.
func (d *doc) cover() {
	t, p := d.t, d.pdf
	d.newPage()
	p.Ln(8)
	p.SetFont(font, "", 11)
	p.SetTextColor(90, 90, 90)
	p.MultiCell(d.contentWidth(), 6, t.L("Know your customer: record of the check"), "", "L", false)
	p.Ln(2)
	p.SetFont(font, "B", 22)
	p.SetTextColor(20, 50, 110)
	name := d.name
	if name == "" {
		name = t.L("Name not known")
	}
	p.MultiCell(d.contentWidth(), 10, name, "", "L", false)
	p.SetTextColor(0, 0, 0)
	p.Ln(4)
	d.badges()
	d.kv(t.L("Organisation number"), d.number)
	d.kv(t.L("Country"), t.country(d.d.Country, d.d.Country))
	d.kv(t.L("Checked"), t.when(d.d.Fetched))
	d.kv(t.L("Firm"), or(d.in.Firm, t.L("not given")))
	d.kv(t.L("Made by"), or(d.in.Person, t.L("not given")))
	d.kv(t.L("Report created"), t.when(d.opt.Now))
	d.kv(t.L("Motpart version"), or(d.in.Version, t.L("not given")))
	ids := t.L("no")
	if d.in.FullIDs {
		ids = t.L("yes")
	}
	d.kv(t.L("Include full identity numbers"), ids)
	if d.marking != "" {
		d.kv(t.L("Environment"), d.marking)
	}

	line, missing := verdict(d.in, t)
	p.Ln(6)
	d.h2(t.L("Verdict"))
	red := screening(d.d).Hits() || d.d.Company.Standing() != dossier.StandingActive
	rgb := [3]int{0, 0, 0}
	if red {
		rgb = [3]int{198, 40, 40}
	}
	p.SetFont(font, "B", 12)
	p.SetTextColor(rgb[0], rgb[1], rgb[2])
	p.MultiCell(d.contentWidth(), 6, line, "", "L", false)
	p.SetTextColor(0, 0, 0)
	p.Ln(3)
	if len(missing) == 0 {
		d.para(t.L("Nothing is missing from the check."))
	} else {
		d.paraStyle(t.L("Missing from the check:"), "B", [3]int{0, 0, 0})
		for _, m := range missing {
			d.para("•  " + m)
		}
	}
	if len(d.d.Sources) > 0 || d.d.AML != nil {
		p.Ln(4)
		d.h2(t.L("Sources asked"))
		for _, s := range d.d.Sources {
			d.kv(t.sourceName(s.ID), strings.Join(nonEmpty(t.sourceStatus(s), t.when(s.Fetched)), ", "))
		}
		if a := d.d.AML; a != nil {
			d.kv(t.sourceName("bankid"), t.L("session {{.Session}}, read {{.Time}}", map[string]any{"Session": a.SessionID, "Time": t.when(a.Fetched)}))
		}
	}
	p.Ln(6)
	d.source(t.L("This report records what Motpart was told by the sources named with each block, at the times given. It is the record of the check, not advice."))
}

// badges writes the company's status and any sanctions or PEP hit in
// words, in red, at the top.
func (d *doc) badges() {
	t, c := d.t, d.d.Company
	if c == nil {
		c = &dossier.Company{}
	}
	var words []string
	if c.Deleted {
		words = append(words, withDate(t.L("DELETED"), t.date(c.DeletedDate)))
	}
	if c.Bankrupt {
		words = append(words, withDate(t.L("BANKRUPT"), t.date(c.BankruptDate)))
	}
	if c.UnderLiquidation {
		words = append(words, t.L("UNDER LIQUIDATION"))
	}
	if c.UnderForcedDissolution {
		words = append(words, t.L("UNDER FORCED DISSOLUTION"))
	}
	if c.ClosedDate != "" {
		words = append(words, withDate(t.L("CLOSED DOWN"), t.date(c.ClosedDate)))
	}
	if s := screening(d.d); s != nil && len(s.Sanctions) > 0 {
		words = append(words, t.L("SANCTIONS HIT"))
	}
	if s := screening(d.d); s != nil && len(s.PEP) > 0 {
		words = append(words, t.L("POLITICALLY EXPOSED PERSON"))
	}
	if len(words) == 0 {
		return
	}
	p := d.pdf
	p.SetFont(font, "B", 11)
	p.SetFillColor(198, 40, 40)
	p.SetTextColor(255, 255, 255)
	p.MultiCell(d.contentWidth(), 7, strings.Join(words, "  ·  "), "", "L", true)
	p.SetTextColor(0, 0, 0)
	p.Ln(3)
}

func withDate(word, date string) string {
	if date == "" {
		return word
	}
	return word + " " + date
}

func or(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}

// sourceLine says where a part came from: the sources that answer for it
// with what they answered and when, or the earlier lookup it was carried
// from.
func (d *doc) sourceLine(part dossier.Part) string {
	t := d.t
	for _, c := range d.d.Carried {
		if c.Part == part {
			return t.L("Source: {{.Source}}, last known data retrieved {{.Time}} (the source could not be reached this time)",
				map[string]any{"Source": t.sourceName(c.Source), "Time": t.when(c.Fetched)})
		}
	}
	var parts []string
	for _, id := range part.Sources() {
		for _, s := range d.d.Sources {
			switch {
			case s.ID != id:
			case s.Fetched.IsZero():
				parts = append(parts, t.sourceName(s.ID)+": "+t.sourceStatus(s))
			default:
				parts = append(parts, t.L("{{.Source}}: {{.Status}}, retrieved {{.Time}}",
					map[string]any{"Source": t.sourceName(s.ID), "Status": t.sourceStatus(s), "Time": t.when(s.Fetched)}))
			}
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return t.L("Source:") + " " + strings.Join(parts, "; ")
}

// facts is the company facts, the sources asked, the roles and the
// sub-units.
func (d *doc) facts() {
	t := d.t
	d.newPage()
	d.h1(t.L("Company facts"))
	d.badges()
	c := d.d.Company
	if c == nil {
		d.para(t.L("No source gave facts about the company."))
	} else {
		d.kv(t.L("Name"), c.Name)
		d.kv(t.L("Organisation number"), c.Number)
		d.kv(t.L("Organisation form"), t.formName(c.Form))
		if c.SubUnit {
			d.kv(t.L("Sub-unit of"), c.Parent)
		}
		d.kv(t.L("Business address"), address(c.BusinessAddress, t))
		d.kv(t.L("Postal address"), address(c.PostalAddress, t))
		d.kv(t.L("Location address"), address(c.LocationAddress, t))
		var industry []string
		for _, i := range c.Industry {
			industry = append(industry, strings.TrimSpace(i.Code+" "+i.Description))
		}
		d.kv(t.L("Industry"), strings.Join(industry, "\n"))
		if c.Sector != nil {
			d.kv(t.L("Sector"), strings.TrimSpace(c.Sector.Code+" "+c.Sector.Description))
		}
		d.kv(t.L("Registered"), t.date(c.Registered))
		d.kv(t.L("Founded"), t.date(c.Founded))
		if c.Employees != nil {
			d.kv(t.L("Employees"), count(*c.Employees))
		}
		d.kv(t.L("Share capital"), c.Capital)
		var regs []string
		if c.InBusinessRegister {
			regs = append(regs, t.L("Register of Business Enterprises"))
		}
		if c.InVATRegister {
			regs = append(regs, t.L("VAT register"))
		}
		d.kv(t.L("Registered in"), strings.Join(regs, ", "))
		d.kv(t.L("Purpose"), strings.Join(c.Purpose, "\n"))
		d.kv(t.L("E-mail"), c.Email)
		d.kv(t.L("Phone"), strings.Join(nonEmpty(c.Phone, c.Mobile), ", "))
		d.kv(t.L("Website"), c.Website)
	}
	d.source(d.sourceLine(dossier.PartCompany))

	d.h2(t.L("Sources asked"))
	var rows [][]cell
	for _, s := range d.d.Sources {
		status := cell{text: t.sourceStatus(s), red: s.Status == dossier.StatusFailed || s.Status == dossier.StatusNoAccess}
		detail := s.Message
		if s.FollowUp != nil && s.FollowUp.Message != "" {
			detail = strings.TrimSpace(detail + " " + s.FollowUp.Message)
		}
		rows = append(rows, []cell{{text: t.sourceName(s.ID)}, status, {text: t.when(s.Fetched)}, {text: detail}})
	}
	if len(rows) == 0 {
		d.para(t.L("No source was asked."))
	} else {
		d.table([]column{{t.L("Source"), 0.28}, {t.L("Answer"), 0.18}, {t.L("Retrieved"), 0.24}, {t.L("Details"), 0.3}}, rows)
	}

	d.roles()
	d.subUnits()
}

// roles lists the roles, those still held first.
func (d *doc) roles() {
	t := d.t
	d.h2(t.L("Roles"))
	if len(d.d.Roles) == 0 {
		d.para(t.L("No roles registered."))
		d.source(d.sourceLine(dossier.PartRoles))
		return
	}
	var rows [][]cell
	for _, r := range d.d.Roles {
		role := t.roleName(r.Type)
		if r.Resigned {
			role += " " + t.L("(resigned)")
		}
		var who, born string
		switch {
		case r.Person != nil:
			who = r.Person.Name
			born = t.date(r.Person.BirthDate)
			if r.Person.Deceased {
				who += " †"
			}
		case r.Unit != nil:
			who = r.Unit.Name
			born = or(r.Unit.Number, r.Unit.ForeignNumber)
		}
		extra := nonEmpty(r.Share, r.ElectedBy)
		if r.Since != "" {
			extra = append(extra, t.L("since {{.Date}}", map[string]any{"Date": t.date(r.Since)}))
		}
		rows = append(rows, plain(role, who, born, strings.Join(extra, "; ")))
	}
	d.table([]column{{t.L("Role"), 0.3}, {t.L("Name"), 0.32}, {t.L("Born or number"), 0.16}, {t.L("Details"), 0.22}}, rows)
	d.source(d.sourceLine(dossier.PartRoles))
}

// subUnits lists the sub-units.
func (d *doc) subUnits() {
	t := d.t
	d.h2(t.L("Sub-units"))
	if len(d.d.SubUnits) == 0 {
		d.para(t.L("No sub-units registered."))
		d.source(d.sourceLine(dossier.PartSubUnits))
		return
	}
	var rows [][]cell
	for _, u := range d.d.SubUnits {
		var state string
		switch {
		case u.Deleted:
			state = t.L("deleted")
		case u.ClosedDate != "":
			state = t.L("closed down {{.Date}}", map[string]any{"Date": t.date(u.ClosedDate)})
		}
		rows = append(rows, []cell{{text: u.Name}, {text: u.Number}, {text: address(u.Address, t)}, {text: state, red: state != ""}})
	}
	d.table([]column{{t.L("Name"), 0.34}, {t.L("Number"), 0.16}, {t.L("Address"), 0.32}, {t.L("Status"), 0.18}}, rows)
	d.source(d.sourceLine(dossier.PartSubUnits))
}

// address writes an address on lines.
func address(a *dossier.Address, t *translator) string {
	if a == nil {
		return ""
	}
	lines := append([]string{}, a.Lines...)
	if pc := strings.TrimSpace(a.PostalCode + " " + a.City); pc != "" {
		lines = append(lines, pc)
	}
	if a.CountryCode != "" && !strings.EqualFold(a.CountryCode, "NO") && !strings.EqualFold(a.CountryCode, "NOR") {
		lines = append(lines, t.country(a.CountryCode, a.Country))
	}
	return strings.Join(lines, ", ")
}

// nonEmpty returns the strings that are not empty.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
