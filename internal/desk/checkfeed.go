package desk

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// feedPageSize is how many entries one page of a change feed asks for.
const feedPageSize = 1000

// maxFeedEntries bounds how many entries one check reads from the feeds;
// beyond it, looking every client up is cheaper, and the check does.
const maxFeedEntries = 500_000

// feedCursors are the change feeds' positions (checkBucket/
// checkCursorRecord): where the next check reads from.
type feedCursors struct {
	Units    feedPos `json:"units"`
	SubUnits feedPos `json:"sub_units"`
	Roles    feedPos `json:"roles"`
	// Owners is the owners register's change log's position (the last
	// entry read); OwnersSet says there is one.
	Owners    int64 `json:"owners,omitempty"`
	OwnersSet bool  `json:"owners_set,omitempty"`
}

// feedPos is one feed's position: an id when there is one, else a time.
type feedPos struct {
	// ID is, for the units' feeds, the next oppdateringsid to read; for
	// the roles' feed the last event's number read. 0: none, use Since.
	ID int64 `json:"id,omitempty"`
	// Since is the time to read from when there is no ID.
	Since time.Time `json:"since,omitzero"`
}

// errFeedGap says a feed skipped entries; errFeedBound says it had more
// than maxFeedEntries.
var (
	errFeedGap   = errors.New("the change feed skipped entries")
	errFeedBound = errors.New("the change feeds hold more entries than a check reads")
)

// feedNow is the time the feeds are read at: the sandbox's, whose clock
// tests move, else the desk's.
func (d *Desk) feedNow() time.Time {
	if d.cfg.SandboxClock != nil {
		return d.cfg.SandboxClock.Now().UTC()
	}
	return d.cfg.Now().UTC()
}

// readFeedsForRun reads Norway's change feeds from the stored positions
// for run: which Norwegian clients to look up again, how the feeds were
// used, and the positions to store when the run finishes. It stores the
// outcome in the run's checkpoint, so a resumed run does not read the
// feeds again.
func (d *Desk) readFeedsForRun(ctx context.Context, run *checkRun, refs []clientRef) error {
	norwegian := map[string]bool{}
	for _, r := range refs {
		if r.Country == string(ident.CountryNO) {
			norwegian[r.Number] = false
		}
	}
	start := d.feedNow()
	var stored feedCursors
	var have bool
	err := d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.View(func(tx *vault.Tx) error {
			var err error
			have, err = getRecord(tx, checkCursorRecord, &stored)
			return err
		}))
	})
	if err != nil {
		return err
	}
	use := portfolio.FeedNotUsed
	var next *feedCursors
	if len(norwegian) > 0 {
		regs, err := d.registers(ctx)
		if err != nil {
			return err
		}
		use, next, err = d.readFeeds(ctx, regs, stored, have, norwegian)
		if err != nil {
			return err
		}
		if use != portfolio.FeedUsed {
			// Every Norwegian client is looked up: the feeds are read from
			// this run's start next time, so that nothing between is missed.
			next, err = d.cursorsAt(ctx, regs, start)
			if err != nil {
				return err
			}
		}
	}
	run.FeedsRead = true
	run.Progress.Feed = use
	run.Progress.Phase = portfolio.PhaseLookups
	run.Cursors = next
	run.Named = run.Named[:0]
	for number, named := range norwegian {
		if named {
			run.Named = append(run.Named, number)
		}
	}
	slices.Sort(run.Named)
	return d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error { return putRecord(tx, checkRunRecord, run) }))
	})
}

// cursorsAt are the feeds' positions at t.
func (d *Desk) cursorsAt(ctx context.Context, regs *Registers, t time.Time) (*feedCursors, error) {
	c := &feedCursors{Units: feedPos{Since: t}, SubUnits: feedPos{Since: t}, Roles: feedPos{Since: t}}
	if regs.Owners != nil {
		seq, err := regs.Owners.Sequence(ctx, t)
		if ctx.Err() != nil {
			return nil, problem.New(problem.CodeCanceled, ctx.Err())
		}
		// Without the owners log's position, the next check cannot read
		// it and looks every client up again.
		c.Owners, c.OwnersSet = seq, err == nil
	}
	return c, nil
}

// readFeeds reads the feeds from stored (have: there are positions) to
// their ends, marking in clients the numbers they name. It says how the
// feeds could be used; the positions it returns are meaningful for
// portfolio.FeedUsed only. Only ctx's end is an error.
func (d *Desk) readFeeds(ctx context.Context, regs *Registers, stored feedCursors, have bool, clients map[string]bool) (portfolio.FeedUse, *feedCursors, error) {
	if regs.Feeds == nil {
		return portfolio.FeedUnavailable, nil, nil
	}
	if !have {
		return portfolio.FeedFirstCheck, nil, nil
	}
	if regs.Owners != nil && !stored.OwnersSet {
		return portfolio.FeedNoOwnersLog, nil, nil
	}
	r := feedReader{d: d, feeds: regs.Feeds, clients: clients}
	next := stored
	err := r.units(ctx, false, &next.Units)
	if err == nil {
		err = r.units(ctx, true, &next.SubUnits)
	}
	if err == nil {
		err = r.roles(ctx, &next.Roles)
	}
	if err == nil && regs.Owners != nil {
		err = r.owners(ctx, regs.Owners, &next.Owners)
	}
	switch {
	case err == nil:
		return portfolio.FeedUsed, &next, nil
	case ctx.Err() != nil:
		return "", nil, problem.New(problem.CodeCanceled, ctx.Err())
	case errors.Is(err, errFeedGap):
		return portfolio.FeedGap, nil, nil
	case errors.Is(err, errFeedBound), problem.CodeOf(err) == problem.CodeFeedTooOld:
		return portfolio.FeedTooOld, nil, nil
	}
	return portfolio.FeedUnavailable, nil, nil
}

// feedReader reads the feeds of one check.
type feedReader struct {
	d       *Desk
	feeds   UnitFeed
	clients map[string]bool // the Norwegian clients; true: named
	read    int             // entries read so far
}

// name marks orgnr as named when it is a client, and counts the entry.
func (r *feedReader) name(orgnr string) error {
	if _, ok := r.clients[orgnr]; ok {
		r.clients[orgnr] = true
	}
	r.read++
	if r.read > maxFeedEntries {
		return errFeedBound
	}
	return nil
}

// gap reports whether id after prev (0: none) skips entries.
func (r *feedReader) gap(prev, id int64) bool {
	slack := r.d.cfg.FeedIDSlack
	return slack >= 0 && prev > 0 && id > prev+1+slack
}

// units reads the units' (or sub-units') feed from pos to its end, and
// moves pos to the next id to read.
func (r *feedReader) units(ctx context.Context, sub bool, pos *feedPos) error {
	prev := pos.ID - 1 // the last id read; -1 or 0 when none
	for {
		page, err := r.feeds.UnitUpdates(ctx, sub, pos.ID, pos.Since, feedPageSize)
		if err != nil {
			return fmt.Errorf("reading the units' feed: %w", err)
		}
		moved := false
		for _, e := range page {
			if e.ID <= prev {
				continue // an entry read already
			}
			if r.gap(prev, e.ID) {
				return errFeedGap
			}
			if err := r.name(e.OrgNr); err != nil {
				return err
			}
			prev, moved = e.ID, true
			pos.ID = e.ID + 1
		}
		// A page may hold fewer entries than asked for before the end (a
		// register's own limit): only a page with nothing new ends it.
		if !moved {
			return nil
		}
	}
}

// roles reads the roles' feed from pos to its end, and moves pos to the
// last event read.
func (r *feedReader) roles(ctx context.Context, pos *feedPos) error {
	for {
		page, err := r.feeds.RoleUpdates(ctx, pos.ID, pos.Since, feedPageSize)
		if err != nil {
			return fmt.Errorf("reading the roles' feed: %w", err)
		}
		moved := false
		for _, e := range page {
			switch {
			case e.Seq > 0 && e.Seq <= pos.ID, e.Seq == 0 && !e.Time.After(pos.Since):
				continue // an event read already
			case e.Seq > 0 && r.gap(pos.ID, e.Seq):
				return errFeedGap
			}
			if err := r.name(e.OrgNr); err != nil {
				return err
			}
			if e.Seq > 0 {
				pos.ID = e.Seq
			} else {
				// [U] an event id that is no number: go on by time.
				pos.ID, pos.Since = 0, e.Time
			}
			moved = true
		}
		if !moved {
			return nil
		}
	}
}

// owners reads the owners register's change log after *after to its end,
// and moves *after to the last entry read. Its sequence numbers have gaps
// by design (the sandbox's, after the register's description [U]): no
// gap is read into them.
func (r *feedReader) owners(ctx context.Context, src OwnersSource, after *int64) error {
	for {
		page, err := src.Changes(ctx, *after)
		if err != nil {
			return fmt.Errorf("reading the owners register's change log: %w", err)
		}
		moved := false
		for _, e := range page {
			if e.Seq <= *after {
				continue
			}
			if err := r.name(e.OrgNr); err != nil {
				return err
			}
			*after, moved = e.Seq, true
		}
		if !moved {
			return nil
		}
	}
}
