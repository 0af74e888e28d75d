package portfolio

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/motpart/motpart/internal/dossier"
)

// SourceBankID is the Source of the parts BankID's AML data gives.
const SourceBankID = "bankid"

// SnapshotRules are the register codes a snapshot reads statuses from
// whose meaning the specifications leave open ([U] in registries.md):
// they are configurable here rather than guessed in the rules.
type SnapshotRules struct {
	// SwedishStruckOff are the codes of SCB's "Registrerad hos SKV" that
	// mean the company is no longer registered with the Tax Agency (SCB
	// gives 9 for "no longer"; the API is said not to return it).
	SwedishStruckOff []string
	// FinnishTradeRegister is PRH's register code of the trade register
	// (kaupparekisteri, "1" as clients read it): a company whose entries
	// in it have all ended is struck off.
	FinnishTradeRegister string
	// FinnishStruckOff are codes of PRH's tradeRegisterStatus (code list
	// REK_KDI) that mean struck off. Clients disagree on the codes, so by
	// default none is read.
	FinnishStruckOff []string
}

// DefaultSnapshotRules are the rules SnapshotOf uses.
func DefaultSnapshotRules() SnapshotRules {
	return SnapshotRules{SwedishStruckOff: []string{"9"}, FinnishTradeRegister: "1"}
}

// SnapshotOf takes the snapshot of a dossier as a check read it, at
// d.Fetched, with DefaultSnapshotRules.
func SnapshotOf(d *dossier.Dossier) Snapshot {
	return SnapshotWith(d, DefaultSnapshotRules())
}

// SnapshotWith takes the snapshot of d with the given rules. A part is
// Known only when one of its sources answered for it in d (found, not
// found, deleted, no data, an offline copy, and not listed as Missing) or
// when d carries it from an earlier lookup. Found is false only when the
// registers answered that they do not know the number. Every list is
// sorted, so equal facts give equal snapshots.
func SnapshotWith(d *dossier.Dossier, rules SnapshotRules) Snapshot {
	s := Snapshot{Number: d.Number, Country: d.Country, Taken: d.Fetched, Found: d.Outcome() != dossier.OutcomeNotFound}
	s.Sources = map[string]string{}
	for _, p := range []dossier.Part{dossier.PartCompany, dossier.PartRoles, dossier.PartOwners} {
		if id, ok := knownFrom(d, p); ok {
			s.Known = append(s.Known, string(p))
			s.Sources[string(p)] = id
		}
	}
	if s.Knows(PartCompany) {
		companyFacts(&s, d, rules)
	}
	if s.Knows(PartRoles) {
		s.Roles = rolesOf(d.Roles)
	}
	if s.Knows(PartOwners) && d.Owners != nil {
		ownersOf(&s, d.Owners)
	}
	if d.AML != nil {
		s.Known = append(s.Known, PartAML)
		s.Sources[PartAML] = SourceBankID
		amlOf(&s, d.AML)
	}
	slices.Sort(s.Known)
	if len(s.Sources) == 0 {
		s.Sources = nil
	}
	return s
}

// knownFrom reports whether part p is known in d and from which source:
// the first of p's sources that answered for it (preferring one that
// knows the unit), else the source of the carried value.
func knownFrom(d *dossier.Dossier, p dossier.Part) (string, bool) {
	best := ""
	for _, id := range p.Sources() {
		for _, src := range d.Sources {
			if src.ID != id || !src.Answered() || slices.Contains(src.Missing, p) {
				continue
			}
			if src.Status != dossier.StatusNotFound {
				return id, true
			}
			if best == "" {
				best = id
			}
		}
	}
	if best != "" {
		return best, true
	}
	if c, ok := d.CarriedPart(p); ok {
		return c.Source, true
	}
	return "", false
}

// companyFacts fills the company's facts into s.
func companyFacts(s *Snapshot, d *dossier.Dossier, rules SnapshotRules) {
	c := d.Company
	if c == nil {
		// A register may say "deleted" without giving the unit's facts.
		for _, src := range d.Sources {
			if src.Status == dossier.StatusDeleted {
				s.Status = []Status{{Code: string(dossier.StandingDeleted), Date: src.Date}}
				break
			}
		}
		return
	}
	s.Name = oneLine(c.Name)
	s.Status = statusesOf(c, d, rules)
	s.BusinessAddress = addressLine(c.BusinessAddress, d.Country)
	s.PostalAddress = addressLine(c.PostalAddress, d.Country)
	for _, i := range c.Industry {
		if l := oneLine(i.Code + " " + i.Description); l != "" {
			s.Industry = append(s.Industry, l)
		}
	}
}

// statusesOf lists the company's status flags with their dates, sorted by
// code.
func statusesOf(c *dossier.Company, d *dossier.Dossier, rules SnapshotRules) []Status {
	var out []Status
	add := func(code dossier.Standing, date string) { out = append(out, Status{Code: string(code), Date: date}) }
	if c.Bankrupt {
		add(dossier.StandingBankrupt, c.BankruptDate)
	}
	if c.UnderLiquidation {
		add(dossier.StandingLiquidation, "")
	}
	if c.UnderForcedDissolution {
		add(dossier.StandingForcedDissolution, "")
	}
	deleted := c.Deleted
	if !deleted {
		for _, src := range d.Sources {
			deleted = deleted || src.Status == dossier.StatusDeleted
		}
	}
	if deleted {
		date := c.DeletedDate
		for _, src := range d.Sources {
			if date == "" && src.Status == dossier.StatusDeleted {
				date = src.Date
			}
		}
		add(dossier.StandingDeleted, date)
	}
	if c.ClosedDate != "" {
		add(dossier.StandingClosed, c.ClosedDate)
	}
	if date, ok := struckOff(c, rules); ok && !deleted {
		add(StatusStruckOff, date)
	}
	slices.SortFunc(out, func(a, b Status) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// struckOff reports whether a Swedish or Finnish company is struck off
// the register, and since when when the register says.
func struckOff(c *dossier.Company, rules SnapshotRules) (string, bool) {
	if sw := c.Swedish; sw != nil && sw.TaxRegistration.Code != "" && slices.Contains(rules.SwedishStruckOff, sw.TaxRegistration.Code) {
		return sw.Ended, true
	}
	fi := c.Finnish
	if fi == nil {
		return "", false
	}
	if fi.TradeRegisterStatus != "" && slices.Contains(rules.FinnishStruckOff, fi.TradeRegisterStatus) {
		return "", true
	}
	if rules.FinnishTradeRegister == "" {
		return "", false
	}
	ended, last := false, ""
	for _, r := range fi.Registers {
		if r.Register != rules.FinnishTradeRegister {
			continue
		}
		if r.To == "" {
			return "", false // a current entry
		}
		ended, last = true, max(last, r.To)
	}
	return last, ended
}

// homeCode reports whether code names the country itself (the REST API
// gives alpha-2, grunndataWS alpha-3).
func homeCode(country, code string) bool {
	switch country {
	case "NO":
		return code == "NO" || code == "NOR"
	case "SE":
		return code == "SE" || code == "SWE"
	case "FI":
		return code == "FI" || code == "FIN"
	}
	return false
}

// addressLine is an address as one normalised line: its lines, postal
// code and city, and the country only when it is not the unit's own (so
// that sources that name the home country differently agree).
func addressLine(a *dossier.Address, country string) string {
	if a == nil {
		return ""
	}
	var parts []string
	for _, l := range a.Lines {
		if l = oneLine(l); l != "" {
			parts = append(parts, l)
		}
	}
	if pc := oneLine(a.PostalCode + " " + a.City); pc != "" {
		parts = append(parts, pc)
	}
	code := strings.ToUpper(strings.TrimSpace(a.CountryCode))
	if code != "" && !homeCode(country, code) {
		parts = append(parts, oneLine(cmp.Or(a.Country, code)))
	}
	return strings.Join(parts, ", ")
}

// oneLine collapses runs of white space (line breaks too) into one space
// and trims the ends.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// rolesOf lists the roles not resigned, sorted by type, key and holder,
// without duplicates.
func rolesOf(roles []dossier.Role) []Role {
	var out []Role
	for _, r := range roles {
		if r.Resigned {
			continue
		}
		x := Role{Type: strings.TrimSpace(r.Type.Code), Text: oneLine(r.Type.Description), Since: r.Since}
		switch {
		case r.Unit != nil:
			x.Holder = oneLine(r.Unit.Name)
			x.Key = "unit:" + cmp.Or(r.Unit.Number, r.Unit.ForeignNumber, strings.ToLower(x.Holder))
		case r.Person != nil:
			x.Holder = oneLine(r.Person.Name)
			x.Key = personKey(x.Holder, r.Person.BirthDate)
		default:
			continue
		}
		out = append(out, x)
	}
	sortRoles(out)
	return slices.CompactFunc(out, func(a, b Role) bool { return a.Type == b.Type && a.Key == b.Key })
}

// sortRoles sorts roles by type, key, holder and date.
func sortRoles(rs []Role) {
	slices.SortFunc(rs, func(a, b Role) int {
		return cmp.Or(strings.Compare(a.Type, b.Type), strings.Compare(a.Key, b.Key),
			strings.Compare(a.Holder, b.Holder), strings.Compare(a.Since, b.Since), strings.Compare(a.Text, b.Text))
	})
}

// personKey tells people apart by name (case and spacing aside) and
// birth date or year.
func personKey(name, born string) string {
	return "person:" + strings.ToLower(oneLine(name)) + "|" + strings.TrimSpace(born)
}

// ownersOf fills the owners' registration into s.
func ownersOf(s *Snapshot, o *dossier.Owners) {
	s.OwnersStatus = strings.ToLower(strings.TrimSpace(o.Status.Code))
	if !o.Registered.IsZero() {
		s.OwnersRegistered = o.Registered.UTC().Format("2006-01-02")
	}
	seen := map[string]int{}
	for _, b := range o.Owners {
		x := Owner{Name: oneLine(b.Name)}
		if b.Exempt || x.Name == "" {
			x.Name = ""
			key := "exempt:" + b.BirthYear
			if b.Residence != nil {
				key += "|" + b.Residence.Code
			}
			for _, c := range b.Citizenships {
				key += "|" + c.Code
			}
			x.Key = key
		} else {
			x.Key = personKey(x.Name, cmp.Or(b.BirthDate, b.BirthYear))
		}
		for _, p := range b.Positions {
			x.Positions = append(x.Positions, positionLine(p))
		}
		slices.Sort(x.Positions)
		s.Owners = append(s.Owners, x)
	}
	slices.SortFunc(s.Owners, compareOwners)
	// Two owners the register does not tell apart (exempt, same year and
	// countries) keep apart by their order.
	for i := range s.Owners {
		k := s.Owners[i].Key
		seen[k]++
		if n := seen[k]; n > 1 {
			s.Owners[i].Key = k + "#" + strconv.Itoa(n)
		}
	}
}

func compareOwners(a, b Owner) int {
	return cmp.Or(strings.Compare(a.Key, b.Key), strings.Compare(a.Name, b.Name),
		slices.Compare(a.Positions, b.Positions))
}

// positionLine is a beneficial owner's position as one line:
// "ownership 25–49.99 % direct via 999999999".
func positionLine(p dossier.Position) string {
	parts := []string{codeWord(p.Type, map[string]string{
		"eier": "ownership", "kont": "control of votes", "ruas": "right to appoint board members", "anne": "control by other means",
	})}
	if p.Interval != nil {
		parts = append(parts, codeWord(*p.Interval, map[string]string{
			"int1": "25–49.99 %", "int2": "50–74.99 %", "int3": "75–100 %",
		}))
	}
	var basis []string
	for _, b := range p.Basis {
		basis = append(basis, codeWord(b, map[string]string{"dire": "direct", "indi": "indirect", "enav": "by agreement"}))
	}
	slices.Sort(basis)
	parts = append(parts, basis...)
	if o := oneLine(p.Other); o != "" {
		parts = append(parts, "("+o+")")
	}
	var via []string
	for _, u := range p.Intermediates {
		if v := cmp.Or(u.Number, u.ForeignNumber, oneLine(u.Name)); v != "" {
			via = append(via, v)
		}
	}
	slices.Sort(via)
	if len(via) > 0 {
		parts = append(parts, "via "+strings.Join(via, ", "))
	}
	return oneLine(strings.Join(parts, " "))
}

// codeWord is the English word of a code of the owners register
// ("posisjontype.eier" → "ownership"), matched on its last dotted part
// case-insensitively; an unknown code is its description, else itself.
func codeWord(c dossier.Code, words map[string]string) string {
	code := strings.ToLower(strings.TrimSpace(c.Code))
	if i := strings.LastIndexByte(code, '.'); i >= 0 {
		code = code[i+1:]
	}
	if w, ok := words[code]; ok {
		return w
	}
	return cmp.Or(oneLine(c.Description), strings.TrimSpace(c.Code))
}

// amlOf fills BankID's shareholders and screening into s.
func amlOf(s *Snapshot, a *dossier.AML) {
	for _, h := range a.Shareholders {
		x := Shareholder{Name: oneLine(h.Name), Share: strconv.FormatFloat(h.Share, 'f', -1, 64) + " %"}
		if n := strings.TrimSpace(h.OrgNumber); n != "" {
			x.Key = "unit:" + n
		} else {
			x.Key = personKey(x.Name, h.BirthDate)
		}
		s.Shareholders = append(s.Shareholders, x)
	}
	slices.SortFunc(s.Shareholders, func(a, b Shareholder) int {
		return cmp.Or(strings.Compare(a.Key, b.Key), strings.Compare(a.Share, b.Share), strings.Compare(a.Name, b.Name))
	})
	if sc := a.Screening; sc != nil {
		// A screening without a date is dated when its result was read.
		s.Screened = cmp.Or(sc.Date, a.Fetched.UTC().Format("2006-01-02"))
		s.Sanctions = hitNames(sc.Sanctions)
		s.PEP = hitNames(sc.PEP)
	}
}

// hitNames lists the names of screening hits, sorted, without duplicates.
func hitNames(hits []dossier.ScreeningHit) []string {
	var out []string
	for _, h := range hits {
		if n := oneLine(h.Name); n != "" {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Keep returns s with every part it does not know taken from prev where
// prev knows it, with prev's source: the snapshot to store, so that the
// next check compares a part read again with its last known values even
// when this check could not read it. (A lookup's dossier carries parts
// over already, see dossier.CarryOver; Keep also keeps a part whose last
// known value was empty, which CarryOver does not.)
func (s Snapshot) Keep(prev Snapshot) Snapshot {
	sources := make(map[string]string, len(s.Sources))
	for k, v := range s.Sources {
		sources[k] = v
	}
	for _, p := range []string{PartCompany, PartRoles, PartOwners, PartAML} {
		if s.Knows(p) || !prev.Knows(p) {
			continue
		}
		switch p {
		case PartCompany:
			s.Found, s.Name, s.Status = prev.Found, prev.Name, slices.Clone(prev.Status)
			s.BusinessAddress, s.PostalAddress, s.Industry = prev.BusinessAddress, prev.PostalAddress, slices.Clone(prev.Industry)
		case PartRoles:
			s.Roles = slices.Clone(prev.Roles)
		case PartOwners:
			s.OwnersStatus, s.OwnersRegistered = prev.OwnersStatus, prev.OwnersRegistered
			s.Owners = slices.Clone(prev.Owners)
		case PartAML:
			s.Shareholders, s.Screened = slices.Clone(prev.Shareholders), prev.Screened
			s.Sanctions, s.PEP = slices.Clone(prev.Sanctions), slices.Clone(prev.PEP)
		}
		s.Known = append(slices.Clone(s.Known), p)
		if id, ok := prev.Sources[p]; ok {
			sources[p] = id
		}
	}
	slices.Sort(s.Known)
	s.Sources = sources
	if len(sources) == 0 {
		s.Sources = nil
	}
	return s
}
