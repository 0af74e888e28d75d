// Package ratelimit keeps a register's limit of calls in a window of
// time (SCB's "10 calls per 10 s"), with an injected clock so that tests
// never wait on the real one.
package ratelimit

import (
	"context"
	"sync"
	"time"
)

// Limiter keeps a limit of n calls in a window: a call may start only
// when fewer than n calls started within the window before it are still
// counted. A call counts from when it ends (its answer is in), not when it
// starts, so that the server, which sees it somewhere in between, never
// sees more than n in a window whatever the network's delays. A Limiter is
// safe for concurrent use.
type Limiter struct {
	n      int
	window time.Duration
	now    func() time.Time
	sleep  func(context.Context, time.Duration) error

	mu    sync.Mutex
	slots []time.Time // one per call counted within the window; zero while it runs
}

// New returns a Limiter of n calls per window. now is the clock and sleep
// waits d or until ctx ends (returning ctx's error); nil means time.Now
// and Sleep. n < 1 or window ≤ 0 gives a Limiter that never waits.
func New(n int, window time.Duration, now func() time.Time, sleep func(ctx context.Context, d time.Duration) error) *Limiter {
	if now == nil {
		now = time.Now
	}
	if sleep == nil {
		sleep = Sleep
	}
	return &Limiter{n: n, window: window, now: now, sleep: sleep}
}

// Wait waits until a call may start, takes its slot, and returns the func
// to call when the call has ended (its answer read or failed). It fails
// with ctx's error when ctx ends first; no slot is taken then.
func (l *Limiter) Wait(ctx context.Context) (done func(), err error) {
	if l == nil || l.n < 1 || l.window <= 0 {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return func() {}, nil
	}
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		l.mu.Lock()
		now := l.now()
		kept := l.slots[:0]
		var oldest time.Time
		for _, t := range l.slots {
			switch {
			case t.IsZero():
				kept = append(kept, t)
			case now.Sub(t) < l.window:
				kept = append(kept, t)
				if oldest.IsZero() || t.Before(oldest) {
					oldest = t
				}
			}
		}
		l.slots = kept
		if len(l.slots) < l.n {
			l.slots = append(l.slots, time.Time{})
			l.mu.Unlock()
			var once sync.Once
			return func() { once.Do(l.release) }, nil
		}
		// All n slots are taken: wait for the oldest ended call to leave
		// the window, or, when all are still running, a little.
		d := l.window / 100
		if !oldest.IsZero() {
			d = oldest.Add(l.window).Sub(now)
		}
		l.mu.Unlock()
		if d <= 0 {
			d = time.Millisecond
		}
		if err := l.sleep(ctx, d); err != nil {
			if cerr := ctx.Err(); cerr != nil {
				return nil, cerr
			}
			return nil, err
		}
	}
}

// release ends a call: it stamps a running slot with the time. Which
// running slot does not matter, only how many calls ended when.
func (l *Limiter) release() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, t := range l.slots {
		if t.IsZero() {
			l.slots[i] = l.now()
			return
		}
	}
}

// Sleep waits d, or until ctx ends, when it returns ctx's error.
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
