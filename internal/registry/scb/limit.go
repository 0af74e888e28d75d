package scb

import (
	"context"
	"sync"
	"time"
)

// limiter keeps SCB's limit of n calls in a window: a call may start only
// when fewer than n calls ended within the window before it. A call counts
// from when it ends (its answer is in), not when it starts, so that the
// server, which sees it somewhere in between, never sees more than n in a
// window whatever the network's delays.
type limiter struct {
	n      int
	window time.Duration
	now    func() time.Time
	sleep  func(context.Context, time.Duration) error

	mu    sync.Mutex
	slots []time.Time // one per call started within the window; zero while it runs
}

func newLimiter(n int, window time.Duration, now func() time.Time, sleep func(context.Context, time.Duration) error) *limiter {
	return &limiter{n: n, window: window, now: now, sleep: sleep}
}

// wait waits until a call may start, takes its slot, and returns the func
// to call when the call has ended.
func (l *limiter) wait(ctx context.Context) (done func(), err error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		l.mu.Lock()
		now := l.now()
		kept := l.slots[:0]
		running := 0
		var oldest time.Time
		for _, t := range l.slots {
			switch {
			case t.IsZero():
				running++
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
			return l.release, nil
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
			return nil, err
		}
	}
}

// release ends a call: it stamps a running slot with the time. Which
// running slot does not matter, only how many calls ended when.
func (l *limiter) release() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, t := range l.slots {
		if t.IsZero() {
			l.slots[i] = l.now()
			return
		}
	}
}
