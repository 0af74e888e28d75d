package setup

import (
	"context"
	"fmt"
	"time"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/brreg"
)

// feeds is Enhetsregisteret's change feeds as the desk asks them
// (desk.UnitFeed), over the open API's client. Every environment has one:
// the feeds need no account.
type feeds struct{ rest *brreg.REST }

// UnitUpdates implements desk.UnitFeed.
func (f feeds) UnitUpdates(ctx context.Context, sub bool, from int64, since time.Time, size int) ([]desk.UnitUpdate, error) {
	cs, err := f.rest.UnitChanges(ctx, brreg.UnitFeedQuery{SubUnits: sub, From: from, Since: since, Size: size})
	if err != nil {
		return nil, feedError(err)
	}
	out := make([]desk.UnitUpdate, len(cs))
	for i, c := range cs {
		out[i] = desk.UnitUpdate{ID: c.ID, OrgNr: c.OrgNr, Time: c.Time, Kind: c.Kind}
	}
	return out, nil
}

// RoleUpdates implements desk.UnitFeed.
func (f feeds) RoleUpdates(ctx context.Context, afterID int64, afterTime time.Time, size int) ([]desk.RoleUpdate, error) {
	cs, err := f.rest.RoleChanges(ctx, brreg.RoleFeedQuery{AfterID: afterID, AfterTime: afterTime, Size: size})
	if err != nil {
		return nil, feedError(err)
	}
	out := make([]desk.RoleUpdate, len(cs))
	for i, c := range cs {
		out[i] = desk.RoleUpdate{ID: c.ID, Seq: c.Seq, OrgNr: c.OrgNr, Time: c.Time}
	}
	return out, nil
}

// feedError makes sure the desk can read a failure's problem code with
// problem.CodeOf: a context's end (which names none by itself) becomes
// problem.CodeCanceled or CodeTimeout; the register's and the transport's
// codes pass as they are.
func feedError(err error) error {
	if problem.CodeOf(err) != problem.CodeInternal {
		return err
	}
	if code := brreg.ProblemOf(err); code != problem.CodeInternal {
		return problem.New(code, fmt.Errorf("reading Enhetsregisteret's change feed: %w", err))
	}
	return err
}

// sandboxClock is the sandbox's clock as the desk moves it
// (desk.SandboxClock): the Connector's simulators, started when first
// asked. Should they fail to start, Now is the connector's clock and
// Advance does nothing; every lookup then says why (Connect fails too).
type sandboxClock struct{ c *Connector }

// Now implements desk.SandboxClock.
func (s sandboxClock) Now() time.Time {
	sb, err := s.c.Sandbox(context.Background())
	if err != nil {
		return s.c.now()
	}
	return sb.Now()
}

// Advance implements desk.SandboxClock.
func (s sandboxClock) Advance(d time.Duration) {
	if sb, err := s.c.Sandbox(context.Background()); err == nil {
		sb.Advance(d)
	}
}
