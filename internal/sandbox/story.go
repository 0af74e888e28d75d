package sandbox

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"time"

	"github.com/motpart/motpart/internal/sandbox/brreg"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// The change feeds' defaults, as the sandbox configures them.
const (
	// FeedBaseID is the first oppdateringsid of Enhetsregisteret's units'
	// and sub-units' feeds (each its own contiguous sequence).
	FeedBaseID = brreg.DefaultFeedBaseID
	// RoleFeedBaseID is the first id of the roles feed's events.
	RoleFeedBaseID = brreg.DefaultRoleBaseID
	// DefaultFeedNoisePerDay is Config.FeedNoisePerDay's default.
	DefaultFeedNoisePerDay = 50
	// FeedHistoryDays is how many days before the sandbox started the
	// feeds hold noise for: Config.FeedNoisePerDay entries a day.
	FeedHistoryDays = 10
)

// StoryEvent is one change of the world's story; see world.Story.
type StoryEvent = world.StoryEvent

// story is the sandbox's story state: how far the story and the feeds'
// noise have been played. Sandbox.storyMu guards it; the offset and the
// current world are atomics of their own, read without the lock.
type story struct {
	start  time.Time // the story's time zero: cfg.Now() at New, to the millisecond
	events []world.StoryEvent
	next   int // the first story event not applied
	noise  int // the number of noise entries after start added so far
	perDay int // noise entries a sandbox day
	feed   *brreg.Feed
}

// Now returns the sandbox's time: Config.Now() plus every [Sandbox.Advance]
// so far. Only the story (the changes of Enhetsregisteret's world, its
// feeds and the owner change in RRH) follows it; Maskinporten, BankID,
// Vero and the rest keep Config.Now.
func (s *Sandbox) Now() time.Time {
	return s.cfg.Now().Add(time.Duration(s.offset.Load()))
}

// Advance moves the sandbox's time ahead by d (a negative d does
// nothing) and plays, in order and once, every story event and feed
// entry whose time has come: Enhetsregisteret's REST API and grunndataWS
// answer with the changed world from then on, and the feeds hold the
// entries. Nothing changes without it.
func (s *Sandbox) Advance(d time.Duration) {
	if d <= 0 {
		return
	}
	s.storyMu.Lock()
	defer s.storyMu.Unlock()
	s.offset.Add(int64(d))
	s.play(time.Duration(s.offset.Load()))
}

// Story returns the world's story (world.Story) with the time each event
// happens (or happened) at: the sandbox's start plus its After.
func (s *Sandbox) Story() (start time.Time, events []StoryEvent) {
	return s.story.start, world.Story()
}

// StoryApplied returns how many of the story's events have happened.
func (s *Sandbox) StoryApplied() int {
	s.storyMu.Lock()
	defer s.storyMu.Unlock()
	return s.story.next
}

// Feed returns the change feeds' tables, for tests that look behind the
// REST API.
func (s *Sandbox) Feed() *brreg.Feed { return s.story.feed }

// newStory sets up the story and the feeds' history; s.world and s.cfg
// are set.
func (s *Sandbox) newStory() {
	start := s.cfg.Now().UTC().Truncate(time.Millisecond)
	perDay := s.cfg.FeedNoisePerDay
	switch {
	case perDay == 0:
		perDay = DefaultFeedNoisePerDay
	case perDay < 0:
		perDay = 0
	}
	s.story = story{start: start, events: world.Story(), perDay: perDay,
		feed: brreg.NewFeed(brreg.FeedOptions{Window: s.cfg.FeedWindow, Now: s.Now, TooOldSkips: s.cfg.FeedTooOldSkips,
			DropIDs: s.cfg.FeedDropIDs, EmptyArray: s.cfg.FeedEmptyArray})}
	s.current.Store(s.world)
	if perDay == 0 {
		return
	}
	skip := map[string]bool{}
	for _, e := range s.story.events {
		skip[e.OrgNr] = true
	}
	for _, u := range s.world.Units {
		if !skip[u.OrgNr] && !u.Removed && !u.IsDeleted() {
			s.noisePool = append(s.noisePool, u.OrgNr)
			s.noiseSub = append(s.noiseSub, u.IsSubUnit())
		}
	}
	n := FeedHistoryDays * perDay
	for k := range n {
		s.addNoise(-int64(n-k), start.Add(-FeedHistoryDays*24*time.Hour+noiseAt(k, perDay)))
	}
}

// noiseAt is when, after the beginning of its day, the k-th noise entry
// of a run of perDay a day comes.
func noiseAt(k, perDay int) time.Duration {
	day, i := k/perDay, k%perDay
	return time.Duration(day)*24*time.Hour + time.Duration(i+1)*24*time.Hour/time.Duration(perDay+1)
}

// addNoise adds the noise entry number k (negative for the history before
// the start) at the time at: a unit of the world picked by k's hash,
// Endring in its feed, and every third one a roles event too.
func (s *Sandbox) addNoise(k int64, at time.Time) {
	if len(s.noisePool) == 0 {
		return
	}
	h := fnv.New64a()
	h.Write([]byte("noise:" + strconv.FormatInt(k, 10)))
	i := int(h.Sum64() % uint64(len(s.noisePool)))
	orgnr, sub := s.noisePool[i], s.noiseSub[i]
	s.story.feed.AddUnit(sub, orgnr, at, "Endring", nil)
	if !sub && k%3 == 0 {
		s.story.feed.AddRoles(orgnr, at)
	}
}

// play applies, in order of time, the story events and noise entries due
// by the offset; a story event comes before noise of the same time.
// storyMu is held.
func (s *Sandbox) play(offset time.Duration) {
	st := &s.story
	for {
		nextEvent, nextNoise := time.Duration(-1), time.Duration(-1)
		if st.next < len(st.events) && st.events[st.next].After <= offset {
			nextEvent = st.events[st.next].After
		}
		if st.perDay > 0 && noiseAt(st.noise, st.perDay) <= offset {
			nextNoise = noiseAt(st.noise, st.perDay)
		}
		switch {
		case nextEvent >= 0 && (nextNoise < 0 || nextEvent <= nextNoise):
			e := st.events[st.next]
			st.next++
			if err := s.happen(e, st.start.Add(e.After)); err != nil && s.cfg.Logger != nil {
				s.cfg.Logger.Error("sandbox story", "event", string(e.Kind), "err", err)
			}
		case nextNoise >= 0:
			s.addNoise(int64(st.noise), st.start.Add(nextNoise))
			st.noise++
		default:
			return
		}
	}
}

// happen applies one story event at the time at.
func (s *Sandbox) happen(e StoryEvent, at time.Time) error {
	cur := s.current.Load()
	if e.Kind == world.StoryNewOwner {
		status, owners := cur.StoryOwners()
		if _, err := s.rrh.ChangeOwnersAt(at, e.OrgNr, status, owners...); err != nil {
			return fmt.Errorf("sandbox story: %w", err)
		}
		return nil
	}
	next, err := cur.Apply(e, at)
	if err != nil {
		return err
	}
	s.current.Store(next)
	if e.ChangesUnit() {
		s.story.feed.AddUnit(false, e.OrgNr, at, e.FeedKind(), storyChanges(e, next))
	}
	if e.ChangesRoles() {
		s.story.feed.AddRoles(e.OrgNr, at)
	}
	return nil
}

// storyChanges is what includeChanges shows of a story event: JSON Patch
// operations on the unit's REST form. Role changes show none (the unit's
// own record did not change). [U]
func storyChanges(e StoryEvent, w *world.World) []brreg.FeedChange {
	u, ok := w.Unit(e.OrgNr)
	if !ok {
		return nil
	}
	switch e.Kind {
	case world.StoryRename:
		return []brreg.FeedChange{{Op: "replace", Path: "/navn", Value: u.Name}}
	case world.StoryBankruptcy:
		return []brreg.FeedChange{{Op: "replace", Path: "/konkurs", Value: true}, {Op: "add", Path: "/konkursdato", Value: u.BankruptDate}}
	case world.StoryDeletion:
		return []brreg.FeedChange{{Op: "add", Path: "/slettedato", Value: u.Deleted}}
	case world.StoryAddressChange:
		return []brreg.FeedChange{{Op: "replace", Path: "/forretningsadresse/adresse", Value: u.Business.Lines},
			{Op: "replace", Path: "/forretningsadresse/postnummer", Value: u.Business.PostCode}}
	}
	return nil
}

// PopulationNumbers returns the organisation numbers of the units
// Config.Population generated, in order (nil without a population).
func (s *Sandbox) PopulationNumbers() []string { return slices.Clone(s.popNrs) }
