package desk

import (
	"context"
	"time"
)

// UnitUpdate is one entry of Enhetsregisteret's change feed of units or
// sub-units (/oppdateringer/enheter, /oppdateringer/underenheter).
type UnitUpdate struct {
	// ID is the entry's oppdateringsid: increasing, the feed's cursor.
	ID int64
	// OrgNr is the unit that changed.
	OrgNr string
	// Time is when it changed (the entry's dato), in UTC.
	Time time.Time
	// Kind is the register's endringstype: "Ny", "Endring", "Sletting",
	// "Fjernet" or "Ukjent", as given.
	Kind string
}

// RoleUpdate is one CloudEvent of Enhetsregisteret's role change feed
// (/oppdateringer/roller). It says which unit's roles changed, not what.
type RoleUpdate struct {
	// ID is the event's id as given; Seq is it read as a number (0 when it
	// is not one), the feed's cursor.
	ID  string
	Seq int64
	// OrgNr is the unit whose roles changed; Time when (UTC).
	OrgNr string
	Time  time.Time
}

// UnitFeed is Enhetsregisteret's change feeds (registries.md §3.2). Each
// call reads one page. A position the register no longer serves fails
// with problem.CodeFeedTooOld; any other failure is the transport's code.
type UnitFeed interface {
	// UnitUpdates returns at most size entries of the units' feed (or the
	// sub-units' when sub is set), in order: those with an oppdateringsid
	// of at least from when from > 0, else those dated at or after since.
	UnitUpdates(ctx context.Context, sub bool, from int64, since time.Time, size int) ([]UnitUpdate, error)
	// RoleUpdates returns at most size role events after the event
	// afterID (when afterID > 0, [U] the register's afterId) or else
	// after afterTime, in order.
	RoleUpdates(ctx context.Context, afterID int64, afterTime time.Time, size int) ([]RoleUpdate, error)
}

// SandboxClock moves the sandbox's clock, so that its world changes (a
// bankruptcy, a new board member...) can be seen; internal/setup gives
// one when the sandbox runs.
type SandboxClock interface {
	// Now is the sandbox's time.
	Now() time.Time
	// Advance moves the sandbox's time ahead by d.
	Advance(d time.Duration)
}
