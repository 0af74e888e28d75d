package rrh

import (
	"crypto/sha1"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// rrhStore is the register of beneficial owners as the simulator serves
// it: every unit required to register with its registrations, and the
// append-only change log. It starts from the world and changes only
// through [Server.ChangeOwners]. It is safe for concurrent use.
type rrhStore struct {
	mu     sync.RWMutex
	world  *world.World
	units  map[string]*rrhUnit
	order  []string // the units' organisasjonsnumre, in world order
	events []rrhEvent
}

// rrhUnit is a unit required to register and its registrations, oldest
// first; the last is the current one.
type rrhUnit struct {
	orgnr string
	regs  []*rrhReg
}

// rrhReg is one registration.
type rrhReg struct {
	id         string
	reported   bool   // false: rettighetsinformasjonErIkkeMeldt
	registered string // registrertDato as the register writes it
	status     string // RRHStatus*, when reported
	owners     []rrhOwner
	quirk      world.Quirk
}

// rrhOwner is a beneficial owner in a registration, with the times the
// register keeps for it.
type rrhOwner struct {
	world.BeneficialOwner
	since   string // foerstRegistrertDato
	changed string // endretDato
}

// rrhEvent is an entry of the change log.
type rrhEvent struct {
	seq   int64
	typ   string
	time  string
	at    time.Time
	orgnr string
}

// The change log's event types. [U] Only klargjortForRegistrering is
// documented (v1 1.3.0); the sandbox logs every new registration as
// registrert.
const (
	// EventPrepared is a registration brreg prepared for a unit.
	EventPrepared = "no.brreg.rrh.rettighetsinformasjon.klargjortForRegistrering"
	// EventRegistered is a registration the unit filed.
	EventRegistered = "no.brreg.rrh.rettighetsinformasjon.registrert"
)

// rrhFirstSeq is the first sequence number of the change log. [U] The
// real numbers are not published; the sandbox's start high and leave gaps
// (rrhSeqSteps), as a log shared with other registers would, so that a
// client cannot assume consecutive numbers.
const rrhFirstSeq = 1_204_317

var rrhSeqSteps = []int64{1, 3, 1, 2, 7, 1, 1, 4}

// PreparedAt returns when brreg prepared a registration for every unit
// that had not reported (v1 1.3.0, 2025-03-21). [U] the time of day.
func PreparedAt() time.Time { return time.Date(2025, 3, 21, 1, 15, 4, 318000000, time.UTC) }

// FormatTime writes a time as the register does: UTC, microseconds,
// trailing zeros dropped.
func FormatTime(t time.Time) string {
	return t.UTC().Truncate(time.Microsecond).Format("2006-01-02T15:04:05.999999Z07:00")
}

// nameUUID returns a UUID derived from name (version 5 style), for the
// registrations the sandbox makes itself.
func nameUUID(name string) string {
	sum := sha1.Sum([]byte("motpart-sandbox-rrh:" + name))
	b := sum[:16]
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// newRRHStore builds the register from the world.
func newRRHStore(w *world.World) (*rrhStore, error) {
	st := &rrhStore{world: w, units: make(map[string]*rrhUnit)}
	prepared := 0
	for _, u := range w.Units {
		if !w.RRHRequired(u.OrgNr) {
			continue
		}
		ru := &rrhUnit{orgnr: u.OrgNr}
		st.units[u.OrgNr] = ru
		st.order = append(st.order, u.OrgNr)
		f, ok := w.RRHFiling(u.OrgNr)
		if !ok {
			at := PreparedAt().Add(time.Duration(prepared) * 1733 * time.Millisecond)
			prepared++
			ru.regs = append(ru.regs, &rrhReg{id: nameUUID(u.OrgNr), registered: FormatTime(at)})
			st.events = append(st.events, rrhEvent{typ: EventPrepared, time: FormatTime(at), at: at, orgnr: u.OrgNr})
			continue
		}
		status, owners := w.BeneficialOwners(u.OrgNr)
		filings := append(slices.Clone(f.Earlier), world.RRHFiling{ID: f.ID, Registered: f.Registered, OwnersSince: f.OwnersSince,
			Status: status, Owners: owners, Quirk: f.Quirk})
		for _, g := range filings {
			at, err := time.Parse(time.RFC3339Nano, g.Registered)
			if err != nil {
				return nil, fmt.Errorf("sandbox RRH: filing of %s: %w", u.OrgNr, err)
			}
			since := g.OwnersSince
			if since == "" {
				since = g.Registered
			}
			ru.regs = append(ru.regs, &rrhReg{id: g.ID, reported: true, registered: g.Registered, status: g.Status,
				owners: carryOwners(ru.current(), g.Owners, since), quirk: g.Quirk})
			st.events = append(st.events, rrhEvent{typ: EventRegistered, time: g.Registered, at: at, orgnr: u.OrgNr})
		}
	}
	sort.SliceStable(st.events, func(i, j int) bool { return st.events[i].at.Before(st.events[j].at) })
	seq := int64(rrhFirstSeq)
	for i := range st.events {
		st.events[i].seq = seq
		seq += rrhSeqSteps[i%len(rrhSeqSteps)]
	}
	return st, nil
}

// current returns the unit's current registration, or nil.
func (u *rrhUnit) current() *rrhReg {
	if len(u.regs) == 0 {
		return nil
	}
	return u.regs[len(u.regs)-1]
}

// carryOwners gives the owners of a new registration their times: an
// owner already in prev keeps its foerstRegistrertDato, and its
// endretDato unless its positions changed; a new owner gets now for both.
func carryOwners(prev *rrhReg, owners []world.BeneficialOwner, now string) []rrhOwner {
	out := make([]rrhOwner, 0, len(owners))
	for _, o := range owners {
		ro := rrhOwner{BeneficialOwner: o, since: now, changed: now}
		if prev != nil {
			for _, p := range prev.owners {
				if p.PersonID == o.PersonID && p.ForeignPerson == o.ForeignPerson {
					ro.since = p.since
					if reflect.DeepEqual(p.Positions, o.Positions) {
						ro.changed = p.changed
					}
				}
			}
		}
		out = append(out, ro)
	}
	return out
}

// lookup returns a copy of a unit's registrations, oldest first, and
// whether the unit is required to register.
func (st *rrhStore) lookup(orgnr string) ([]*rrhReg, bool) {
	st.mu.RLock()
	defer st.mu.RUnlock()
	u, ok := st.units[orgnr]
	if !ok {
		return nil, false
	}
	return slices.Clone(u.regs), true
}

// all returns every unit's registrations, in world order.
func (st *rrhStore) all() ([]string, [][]*rrhReg) {
	st.mu.RLock()
	defer st.mu.RUnlock()
	regs := make([][]*rrhReg, len(st.order))
	for i, n := range st.order {
		regs[i] = slices.Clone(st.units[n].regs)
	}
	return slices.Clone(st.order), regs
}

// seqAt returns the sequence number of the last event at or before t, or
// 0 when there is none.
func (st *rrhStore) seqAt(t time.Time) int64 {
	st.mu.RLock()
	defer st.mu.RUnlock()
	var seq int64
	for _, e := range st.events {
		if !e.at.After(t) {
			seq = e.seq // the events are in sequence order
		}
	}
	return seq
}

// after returns at most n events with a sequence number above seq, in
// order.
func (st *rrhStore) after(seq int64, n int) []rrhEvent {
	st.mu.RLock()
	defer st.mu.RUnlock()
	i := sort.Search(len(st.events), func(i int) bool { return st.events[i].seq > seq })
	end := min(i+n, len(st.events))
	return slices.Clone(st.events[i:end])
}

// ChangeOwners files a new registration for orgnr in the register of
// beneficial owners, dated now, with status (an RRHStatus* code) and the
// owners, and appends it to the change log: the Partner API and v1 answer
// with it from then on, v1 keeping the registration before it as an
// earlier one. It returns the new event's sequence number. arid and nrki
// need owners; the other statuses take none.
func (s *Server) ChangeOwners(orgnr, status string, owners ...world.BeneficialOwner) (int64, error) {
	return s.ChangeOwnersAt(s.opts.Now(), orgnr, status, owners...)
}

// ChangeOwnersAt is ChangeOwners dated at instead of now: the sandbox's
// story files its owner change at the story's time.
func (s *Server) ChangeOwnersAt(at time.Time, orgnr, status string, owners ...world.BeneficialOwner) (int64, error) {
	if !slices.Contains(world.RRHStatuses(), status) {
		return 0, fmt.Errorf("sandbox: ChangeOwners: unknown status %q", status)
	}
	if hasOwners := status == world.RRHStatusArid || status == world.RRHStatusNrki; hasOwners != (len(owners) > 0) {
		return 0, fmt.Errorf("sandbox: ChangeOwners: status %s with %d owners", status, len(owners))
	}
	if err := s.world.CheckOwners("ChangeOwners "+orgnr, owners); err != nil {
		return 0, err
	}
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	u, ok := st.units[orgnr]
	if !ok {
		return 0, fmt.Errorf("sandbox: ChangeOwners: %s is not required to register", orgnr)
	}
	now := at.UTC()
	ts := FormatTime(now)
	u.regs = append(u.regs, &rrhReg{id: newUUID(), reported: true, registered: ts, status: status,
		owners: carryOwners(u.current(), slices.Clone(owners), ts)})
	seq := int64(rrhFirstSeq)
	if n := len(st.events); n > 0 {
		seq = st.events[n-1].seq + rrhSeqSteps[n%len(rrhSeqSteps)]
	}
	st.events = append(st.events, rrhEvent{seq: seq, typ: EventRegistered, time: ts, at: now, orgnr: orgnr})
	return seq, nil
}
