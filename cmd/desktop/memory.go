package main

import (
	"context"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"github.com/motpart/motpart/internal/desk"
)

// releasingDesk is the desk as the window is given it: after each use case
// that stretches a password with Argon2id (unlock, create, repair, change of
// password) it hands the key derivation's work area back to the system at
// once. That area is 64 MiB with the default parameters and garbage as soon
// as the key is made, but Go collects only when the heap has grown by as
// much again as survived the last collection, and an idle window allocates
// little: without this the window held it, twice the rest of its Go heap,
// for as long as it stayed open (docs/PERFORMANCE.md, "Memory").
type releasingDesk struct{ *desk.Desk }

// CreateVault makes the vault, then releases the key derivation's memory.
func (d releasingDesk) CreateVault(password []byte) error {
	defer debug.FreeOSMemory()
	return d.Desk.CreateVault(password)
}

// Unlock opens the vault, then releases the key derivation's memory.
func (d releasingDesk) Unlock(password []byte) error {
	defer debug.FreeOSMemory()
	return d.Desk.Unlock(password)
}

// RepairVault opens a damaged vault, then releases the key derivation's
// memory.
func (d releasingDesk) RepairVault(password []byte) error {
	defer debug.FreeOSMemory()
	return d.Desk.RepairVault(password)
}

// ChangePassword seals the vault with a new password, then releases the
// memory of the two key derivations.
func (d releasingDesk) ChangePassword(oldPassword, newPassword []byte) error {
	defer debug.FreeOSMemory()
	return d.Desk.ChangePassword(oldPassword, newPassword)
}

// gcPercent is the collector's target for the window: the heap may grow by
// half of what survived the last collection before the next one, not by as
// much again (Go's default of 100). Most of what survives is Fyne's parsed
// fonts, which never change; an idle window allocates little, and a lookup
// is one person's click, so the extra collections cost nothing anyone sees
// while the window keeps a quarter less heap. $GOGC still overrides it.
const gcPercent = 50

// tuneCollector sets gcPercent unless $GOGC is set (lookupEnv is
// os.LookupEnv).
func tuneCollector(lookupEnv func(string) (string, bool)) {
	if _, ok := lookupEnv("GOGC"); !ok {
		debug.SetGCPercent(gcPercent)
	}
}

// trimEvery is how often releaseWhenCalm looks at the collector.
const trimEvery = 30 * time.Second

// releaseWhenCalm hands the heap the window no longer uses back to the
// system once it has been calm for a while, until ctx ends. Go returns
// freed memory only slowly, and Fyne drops the widgets, renderers and
// textures of a screen a minute or so after it was last shown, so after a
// burst of lookups the window would keep the memory of the burst for
// minutes. It releases twice: after one and after two minutes without
// collections (the second after Fyne's caches have expired), from the Go
// heap and from the C heap the OpenGL driver draws with.
func releaseWhenCalm(ctx context.Context) {
	t := time.NewTicker(trimEvery)
	defer t.Stop()
	var c calm
	sample := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		metrics.Read(sample)
		if c.tick(sample[0].Value.Uint64()) {
			debug.FreeOSMemory()
			trimCHeap()
			metrics.Read(sample)
			c.released(sample[0].Value.Uint64())
		}
	}
}

// calm decides when to release memory from the count of collections, read
// every trimEvery.
type calm struct {
	cycles uint64 // the count at the last tick
	ticks  int    // ticks since the count last moved
}

// calmTicks are the numbers of calm ticks after which to release: one and
// two minutes.
var calmTicks = [...]int{2, 4}

// tick takes the count of collections now and says whether to release.
func (c *calm) tick(cycles uint64) bool {
	if cycles != c.cycles {
		c.cycles, c.ticks = cycles, 0
		return false
	}
	c.ticks++
	for _, n := range calmTicks {
		if c.ticks == n {
			return true
		}
	}
	return false
}

// released takes the count after a release's own collection, which is
// not the window's work.
func (c *calm) released(cycles uint64) { c.cycles = cycles }

// careForMemory sets the collector's target and starts releaseWhenCalm;
// the function it returns stops it. lookupEnv is os.LookupEnv.
func careForMemory(lookupEnv func(string) (string, bool)) (stop func()) {
	tuneCollector(lookupEnv)
	ctx, cancel := context.WithCancel(context.Background())
	go releaseWhenCalm(ctx)
	return cancel
}
