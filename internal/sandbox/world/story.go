package world

import (
	"fmt"
	"slices"
	"time"
)

// The story's units: what happens to each, and when, in sandbox time after
// the sandbox started (see [Story]). Before its event a unit is exactly as
// the rest of this package describes it; nothing happens until the
// sandbox's clock is advanced past the event.
const (
	// StoryRenamedOrgNr (FJORDGLIMT REISER AS) is renamed StoryNewName on
	// day 1 (24 h): an ER Endring.
	StoryRenamedOrgNr = "310583596"
	// StoryNewName is StoryRenamedOrgNr's name from day 1.
	StoryNewName = "FJORDGLIMT REISER OG OPPLEVELSER AS"

	// StoryBoardMemberOrgNr (BJØRKELI BAKERI AS) gets a new board member
	// (MEDL, StoryBoardMemberID) on day 1 (24 h + 1 h): an ER Endring and
	// a roles event.
	StoryBoardMemberOrgNr = "310465968"
	// StoryBoardMemberID is the new board member (Kari Kvitfjell).
	StoryBoardMemberID = pKari

	// StoryNewCEOOrgNr (MOLO KAFÉ AS) replaces its general manager (DAGL,
	// Tove Bakke) with StoryNewCEOID on day 1 (24 h + 2 h): an ER Endring
	// and a roles event.
	StoryNewCEOOrgNr = "310492108"
	// StoryNewCEOID is the new general manager (Hans Brevik).
	StoryNewCEOID = pHans
	// StoryOldCEOID is the general manager replaced (Tove Bakke).
	StoryOldCEOID = pTove

	// StoryBankruptOrgNr (GRÅSTEIN UTVIKLING AS) goes bankrupt on day 2
	// (48 h): konkurs true, konkursdato the event's date; an ER Endring.
	StoryBankruptOrgNr = "310531316"

	// StoryNewOwnerOrgNr (NORDKAPP REVISJON AS) files a new registration
	// in the register of beneficial owners on day 2 (48 h + 1 h): its
	// owner before, and StoryNewOwnerID with 25–50 % (int1, direct). Only
	// the register of beneficial owners changes (its change log gets an
	// event); Enhetsregisteret's feeds get nothing.
	StoryNewOwnerOrgNr = AuditorOrgNr
	// StoryNewOwnerID is the new beneficial owner (Guro Moen).
	StoryNewOwnerID = pGuro

	// StoryAuditorResignedOrgNr (NORDLYS TRYKKERI AS) loses its auditor
	// (the REVI role of NORDKAPP REVISJON AS is removed) on day 3 (72 h):
	// an ER Endring and a roles event.
	StoryAuditorResignedOrgNr = "310609730"

	// StoryDeletedOrgNr (FJORDKANTEN BARNEHAGE AS) is deleted on day 3
	// (72 h + 1 h): slettedato the event's date; an ER Sletting. The REST
	// API then answers with the deleted unit's minimal body and no roles.
	StoryDeletedOrgNr = "310596663"

	// StoryMovedOrgNr (SOLSTRAND MARIN AS) moves its business address to
	// StoryNewAddressLine, 5004 BERGEN, on day 3 (72 h + 2 h): an ER
	// Endring.
	StoryMovedOrgNr = "310191493"
	// StoryNewAddressLine is StoryMovedOrgNr's business address line from
	// day 3.
	StoryNewAddressLine = "Nøstegaten 58"
)

// StoryKind is what a story event does.
type StoryKind string

// The kinds of story event.
const (
	StoryRename        StoryKind = "rename"         // the unit's name changes
	StoryBoardMember   StoryKind = "board-member"   // a board member (MEDL) is added
	StoryNewCEO        StoryKind = "new-ceo"        // the general manager (DAGL) is replaced
	StoryBankruptcy    StoryKind = "bankruptcy"     // konkurs opened
	StoryNewOwner      StoryKind = "new-owner"      // a new beneficial owner in RRH
	StoryAuditorGone   StoryKind = "auditor-gone"   // the auditor (REVI) resigned
	StoryDeletion      StoryKind = "deletion"       // slettedato set
	StoryAddressChange StoryKind = "address-change" // forretningsadresse changed
)

// StoryEvent is one change of the world's story.
type StoryEvent struct {
	// After is when it happens, in sandbox time after the sandbox started.
	After time.Duration
	// OrgNr is the unit it happens to.
	OrgNr string
	// Kind is what happens.
	Kind StoryKind
	// Description says it in one line of English.
	Description string
}

// ChangesUnit reports whether the event changes what Enhetsregisteret
// holds about the unit (its entry in the units' feed).
func (e StoryEvent) ChangesUnit() bool { return e.Kind != StoryNewOwner }

// ChangesRoles reports whether the event changes the unit's roles (an
// event in the roles feed).
func (e StoryEvent) ChangesRoles() bool {
	switch e.Kind {
	case StoryBoardMember, StoryNewCEO, StoryAuditorGone:
		return true
	}
	return false
}

// FeedKind is the event's endringstype in the units' feed: Sletting for
// a deletion, else Endring.
func (e StoryEvent) FeedKind() string {
	if e.Kind == StoryDeletion {
		return "Sletting"
	}
	return "Endring"
}

// Story returns the world's story of changes, in order of After.
func Story() []StoryEvent {
	const day = 24 * time.Hour
	return []StoryEvent{
		{day, StoryRenamedOrgNr, StoryRename, "FJORDGLIMT REISER AS is renamed FJORDGLIMT REISER OG OPPLEVELSER AS"},
		{day + time.Hour, StoryBoardMemberOrgNr, StoryBoardMember, "BJØRKELI BAKERI AS gets a new board member, Kari Kvitfjell"},
		{day + 2*time.Hour, StoryNewCEOOrgNr, StoryNewCEO, "MOLO KAFÉ AS replaces its general manager Tove Bakke with Hans Brevik"},
		{2 * day, StoryBankruptOrgNr, StoryBankruptcy, "GRÅSTEIN UTVIKLING AS goes bankrupt"},
		{2*day + time.Hour, StoryNewOwnerOrgNr, StoryNewOwner, "NORDKAPP REVISJON AS registers a new beneficial owner, Guro Moen (25–50 %)"},
		{3 * day, StoryAuditorResignedOrgNr, StoryAuditorGone, "NORDLYS TRYKKERI AS loses its auditor NORDKAPP REVISJON AS"},
		{3*day + time.Hour, StoryDeletedOrgNr, StoryDeletion, "FJORDKANTEN BARNEHAGE AS is deleted"},
		{3*day + 2*time.Hour, StoryMovedOrgNr, StoryAddressChange, "SOLSTRAND MARIN AS moves to Nøstegaten 58, 5004 BERGEN"},
	}
}

// StoryOwners returns the beneficial owners StoryNewOwnerOrgNr files on
// day 2: those it had, and StoryNewOwnerID.
func (w *World) StoryOwners() (status string, owners []BeneficialOwner) {
	_, before := w.BeneficialOwners(StoryNewOwnerOrgNr)
	owners = slices.Clone(before)
	owners = append(owners, BeneficialOwner{PersonID: StoryNewOwnerID,
		Positions: []Position{{Type: RRHPositionOwner, Interval: RRHInterval1, Basis: []string{RRHBasisDirect}}}})
	return RRHStatusArid, owners
}

// Apply returns the world after e happened at the time at: a new World
// sharing everything but the unit changed, which is copied. w itself does
// not change. An event that changes no unit (a new beneficial owner)
// returns w.
func (w *World) Apply(e StoryEvent, at time.Time) (*World, error) {
	if !e.ChangesUnit() {
		return w, nil
	}
	i := slices.IndexFunc(w.Units, func(u Unit) bool { return u.OrgNr == e.OrgNr })
	if i < 0 {
		return nil, fmt.Errorf("sandbox world: story %s: no unit %s", e.Kind, e.OrgNr)
	}
	nw := *w
	nw.Units = slices.Clone(w.Units)
	u := &nw.Units[i]
	u.Roles = slices.Clone(u.Roles)
	date := at.UTC().Format("2006-01-02")
	switch e.Kind {
	case StoryRename:
		u.Name = StoryNewName
	case StoryBoardMember:
		u.Roles = append(u.Roles, Role{Type: "MEDL", Person: StoryBoardMemberID, Since: date})
	case StoryNewCEO:
		j := slices.IndexFunc(u.Roles, func(r Role) bool { return r.Type == "DAGL" && !r.Resigned })
		if j < 0 {
			return nil, fmt.Errorf("sandbox world: story %s: %s has no DAGL", e.Kind, e.OrgNr)
		}
		u.Roles[j] = Role{Type: "DAGL", Person: StoryNewCEOID, Since: date}
	case StoryBankruptcy:
		u.Bankrupt, u.BankruptDate = true, date
	case StoryAuditorGone:
		u.Roles = slices.DeleteFunc(u.Roles, func(r Role) bool { return r.Type == "REVI" })
	case StoryDeletion:
		u.Deleted = date
	case StoryAddressChange:
		a := *u.Business
		a.Lines, a.TrailingNulls, a.PostCode = []string{StoryNewAddressLine}, 0, "5004"
		u.Business = &a
	default:
		return nil, fmt.Errorf("sandbox world: story: unknown kind %q", e.Kind)
	}
	nw.reindexUnits()
	return &nw, nil
}

// reindexUnits rebuilds the maps that point into Units after Units was
// replaced by a copy; every other map points into slices still shared.
func (w *World) reindexUnits() {
	w.units = make(map[string]*Unit, len(w.Units))
	w.subs = make(map[string][]*Unit)
	for i := range w.Units {
		u := &w.Units[i]
		w.units[u.OrgNr] = u
		if u.Parent != "" {
			w.subs[u.Parent] = append(w.subs[u.Parent], u)
		}
	}
}
