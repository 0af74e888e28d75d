package world

import (
	"fmt"
	"slices"
	"sort"
)

// holderKey is a party as a map key, with its kind.
func holderKey(p Party) string {
	switch {
	case p.PersonID != "":
		return "p:" + p.PersonID
	case p.ForeignPerson != "":
		return "f:" + p.ForeignPerson
	case p.OrgNr != "":
		return "o:" + p.OrgNr
	case p.Foreign != "":
		return "e:" + p.Foreign
	}
	return ""
}

// entity returns the company key (an organisasjonsnummer or a foreign
// Number) of a party that is an entity.
func entity(p Party) (string, bool) {
	switch {
	case p.OrgNr != "":
		return p.OrgNr, true
	case p.Foreign != "":
		return p.Foreign, true
	}
	return "", false
}

// share returns how much of company the natural person p owns directly
// and through entities p controls (more than 50 %), with the intermediate
// entities of the indirect part, nearest company first. visiting guards
// against cross-holdings.
func (w *World) share(p Party, company string, visiting map[string]bool) (direct, indirect float64, via []Party) {
	visiting[company] = true
	defer delete(visiting, company)
	for _, o := range w.holdings[company] {
		if o.Owner == p {
			direct += o.Percent
			continue
		}
		e, ok := entity(o.Owner)
		if !ok || visiting[e] {
			continue
		}
		d, i, v := w.share(p, e, visiting)
		if d+i > 50 {
			indirect += o.Percent
			for _, x := range append([]Party{o.Owner}, v...) {
				if !slices.Contains(via, x) {
					via = append(via, x)
				}
			}
		}
	}
	return direct, indirect, via
}

// interval returns the size interval of a share in percent.
func interval(pct float64) string {
	switch {
	case pct >= 75:
		return RRHInterval3
	case pct >= 50:
		return RRHInterval2
	default:
		return RRHInterval1
	}
}

// deriveOwners computes the beneficial owners of a unit from the world's
// ownerships and controls, largest share first.
func (w *World) deriveOwners(orgnr string) []BeneficialOwner {
	type cand struct {
		owner BeneficialOwner
		share float64
		order int
	}
	var cands []*cand
	byKey := map[string]*cand{}
	add := func(p Party, order int) *cand {
		k := holderKey(p)
		if c, ok := byKey[k]; ok {
			return c
		}
		c := &cand{owner: BeneficialOwner{PersonID: p.PersonID, ForeignPerson: p.ForeignPerson}, order: order}
		byKey[k] = c
		cands = append(cands, c)
		return c
	}
	var people []Party
	for _, p := range w.Persons {
		people = append(people, Party{PersonID: p.ID})
	}
	for _, p := range w.ForeignPersons {
		people = append(people, Party{ForeignPerson: p.Key})
	}
	for i, p := range people {
		d, ind, via := w.share(p, orgnr, map[string]bool{})
		total := d + ind
		if total <= 25 {
			continue
		}
		pos := Position{Type: RRHPositionOwner, Interval: interval(total), Via: via}
		if d > 0 {
			pos.Basis = append(pos.Basis, RRHBasisDirect)
		}
		if ind > 0 {
			pos.Basis = append(pos.Basis, RRHBasisIndirect)
		}
		c := add(p, i)
		c.share = total
		c.owner.Positions = append(c.owner.Positions, pos)
	}
	for i, c := range w.Controls {
		if c.Company != orgnr {
			continue
		}
		pos := Position{Type: c.Type, Basis: c.Basis, Description: c.Description, Via: c.Via}
		if c.Type == RRHPositionVotes {
			pos.Interval = interval(c.Percent)
		}
		cd := add(c.Holder, len(people)+i)
		cd.owner.Positions = append(cd.owner.Positions, pos)
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].share != cands[j].share {
			return cands[i].share > cands[j].share
		}
		return cands[i].order < cands[j].order
	})
	out := make([]BeneficialOwner, len(cands))
	for i, c := range cands {
		out[i] = c.owner
	}
	return out
}

// deriveStatus is the status a unit reports for its owners: arid with
// owners; else rknv or rkuv when a Norwegian municipality or a foreign
// public entity owns more than 75 %; else rikv.
func (w *World) deriveStatus(orgnr string, owners []BeneficialOwner) string {
	if len(owners) > 0 {
		return RRHStatusArid
	}
	var no, foreign float64
	for _, o := range w.holdings[orgnr] {
		if u, ok := w.units[o.Owner.OrgNr]; ok && u.Form == "KOMM" {
			no += o.Percent
		}
		if f, ok := w.foreign[o.Owner.Foreign]; ok && f.Public {
			foreign += o.Percent
		}
	}
	switch {
	case no > 75:
		return RRHStatusRknv
	case foreign > 75:
		return RRHStatusRkuv
	}
	return RRHStatusRikv
}

// rrhStatuses, rrhPositions, rrhBases are the valid codes.
var (
	rrhStatuses  = []string{RRHStatusArid, RRHStatusNrki, RRHStatusIrki, RRHStatusRikv, RRHStatusRknv, RRHStatusRkuv}
	rrhPositions = []string{RRHPositionOwner, RRHPositionVotes, RRHPositionBoard, RRHPositionOther}
	rrhBases     = []string{RRHBasisDirect, RRHBasisIndirect, RRHBasisAgreement}
)

// CheckOwners checks that every owner and intermediate resolves and every
// code is valid.
func (w *World) CheckOwners(what string, owners []BeneficialOwner) error {
	for _, o := range owners {
		if err := w.checkHolder(what, Party{PersonID: o.PersonID, ForeignPerson: o.ForeignPerson}); err != nil {
			return err
		}
		if len(o.Positions) == 0 {
			return fmt.Errorf("sandbox world: %s: an owner without positions", what)
		}
		for _, p := range o.Positions {
			if err := w.checkPosition(what, p.Type, p.Basis, p.Via); err != nil {
				return err
			}
			switch {
			case (p.Type == RRHPositionOwner || p.Type == RRHPositionVotes) != (p.Interval != ""):
				return fmt.Errorf("sandbox world: %s: position %s with interval %q", what, p.Type, p.Interval)
			case p.Interval != "" && !slices.Contains([]string{RRHInterval1, RRHInterval2, RRHInterval3}, p.Interval):
				return fmt.Errorf("sandbox world: %s: unknown interval %q", what, p.Interval)
			}
		}
	}
	return nil
}

func (w *World) checkHolder(what string, h Party) error {
	switch {
	case h.PersonID != "" && h.ForeignPerson == "" && h.OrgNr == "" && h.Foreign == "":
		if _, ok := w.persons[h.PersonID]; !ok {
			return fmt.Errorf("sandbox world: %s: unknown person", what)
		}
	case h.ForeignPerson != "" && h.PersonID == "" && h.OrgNr == "" && h.Foreign == "":
		if _, ok := w.foreignPersons[h.ForeignPerson]; !ok {
			return fmt.Errorf("sandbox world: %s: unknown foreign person %s", what, h.ForeignPerson)
		}
	default:
		return fmt.Errorf("sandbox world: %s: a holder must be one natural person", what)
	}
	return nil
}

func (w *World) checkPosition(what, typ string, basis []string, via []Party) error {
	if !slices.Contains(rrhPositions, typ) {
		return fmt.Errorf("sandbox world: %s: unknown position %q", what, typ)
	}
	for _, b := range basis {
		if !slices.Contains(rrhBases, b) {
			return fmt.Errorf("sandbox world: %s: unknown basis %q", what, b)
		}
	}
	for _, v := range via {
		if _, ok := w.units[v.OrgNr]; ok && v.Foreign == "" {
			continue
		}
		if _, ok := w.foreign[v.Foreign]; ok && v.OrgNr == "" {
			continue
		}
		return fmt.Errorf("sandbox world: %s: intermediate %+v is neither a unit nor a foreign entity", what, v)
	}
	return nil
}

// indexRRH indexes and checks the beneficial-owner and Maskinporten data.
func (w *World) indexRRH() error {
	w.foreignPersons = make(map[string]*ForeignPerson, len(w.ForeignPersons))
	for i := range w.ForeignPersons {
		p := &w.ForeignPersons[i]
		if _, dup := w.foreignPersons[p.Key]; dup {
			return fmt.Errorf("sandbox world: foreign person %s twice", p.Key)
		}
		w.foreignPersons[p.Key] = p
	}
	for _, c := range w.Controls {
		what := "control of " + c.Company
		if _, ok := w.units[c.Company]; !ok {
			return fmt.Errorf("sandbox world: %s: no such unit", what)
		}
		if err := w.checkHolder(what, c.Holder); err != nil {
			return err
		}
		if c.Type == RRHPositionOwner {
			return fmt.Errorf("sandbox world: %s: ownership comes from Ownerships", what)
		}
		if err := w.checkPosition(what, c.Type, c.Basis, c.Via); err != nil {
			return err
		}
	}
	w.filings = make(map[string]*RRHFiling, len(w.Filings))
	for i := range w.Filings {
		f := &w.Filings[i]
		if !w.RRHRequired(f.OrgNr) {
			return fmt.Errorf("sandbox world: filing of %s, which is not required to register", f.OrgNr)
		}
		if _, dup := w.filings[f.OrgNr]; dup {
			return fmt.Errorf("sandbox world: two filings of %s", f.OrgNr)
		}
		w.filings[f.OrgNr] = f
		for _, g := range append([]RRHFiling{*f}, f.Earlier...) {
			if g.ID == "" || g.Registered == "" {
				return fmt.Errorf("sandbox world: filing of %s without id or date", f.OrgNr)
			}
			if g.Status != "" && !slices.Contains(rrhStatuses, g.Status) {
				return fmt.Errorf("sandbox world: filing of %s: unknown status %q", f.OrgNr, g.Status)
			}
			if err := w.CheckOwners("filing of "+f.OrgNr, g.Owners); err != nil {
				return err
			}
		}
		for _, g := range f.Earlier {
			if g.Status == "" || g.Owners == nil && (g.Status == RRHStatusArid || g.Status == RRHStatusNrki) {
				return fmt.Errorf("sandbox world: an earlier filing of %s needs its status and owners", f.OrgNr)
			}
		}
	}
	clients := map[string]bool{}
	for _, c := range w.Clients {
		if _, ok := w.units[c.OrgNr]; !ok {
			return fmt.Errorf("sandbox world: Maskinporten client %s: no unit %s", c.ID, c.OrgNr)
		}
		if clients[c.ID] {
			return fmt.Errorf("sandbox world: Maskinporten client %s twice", c.ID)
		}
		clients[c.ID] = true
	}
	for _, g := range w.ScopeGrants {
		if _, ok := w.units[g.OrgNr]; !ok {
			return fmt.Errorf("sandbox world: scope grant to unknown unit %s", g.OrgNr)
		}
	}
	for _, d := range w.Delegations {
		for _, n := range []string{d.Customer, d.Supplier} {
			if _, ok := w.units[n]; !ok {
				return fmt.Errorf("sandbox world: delegation: unknown unit %s", n)
			}
		}
	}
	return nil
}

// RRHStatuses returns the reellerettighetshaverestatus codes, RRHStatus*.
func RRHStatuses() []string { return slices.Clone(rrhStatuses) }

// RRHPositions returns the posisjonstype codes, RRHPosition*.
func RRHPositions() []string { return slices.Clone(rrhPositions) }

// RRHBases returns the grunnlagstype codes, RRHBasis*.
func RRHBases() []string { return slices.Clone(rrhBases) }
