package ratelimit

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// fakeClock is a clock whose Sleep moves it on at once.
type fakeClock struct {
	mu    sync.Mutex
	t     time.Time
	slept time.Duration
	naps  int
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
	c.slept += d
	c.naps++
	return nil
}

func TestLimiterBurst(t *testing.T) {
	tests := []struct {
		name      string
		n         int
		window    time.Duration
		calls     int
		wantTaken time.Duration
	}{
		{"scb 10 in 10s, 25 calls", 10, 10 * time.Second, 25, 20 * time.Second},
		{"scb 10 in 10s, 10 calls", 10, 10 * time.Second, 10, 0},
		{"scb 10 in 10s, 11 calls", 10, 10 * time.Second, 11, 10 * time.Second},
		{"5 in 1s, 16 calls", 5, time.Second, 16, 3 * time.Second},
		{"no limit", 0, 10 * time.Second, 25, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			l := New(tt.n, tt.window, clock.Now, clock.Sleep)
			start := clock.Now()
			var starts []time.Time
			for range tt.calls {
				done, err := l.Wait(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				starts = append(starts, clock.Now())
				done()
			}
			if got := clock.Now().Sub(start); got != tt.wantTaken {
				t.Errorf("%d calls took %v, want %v", tt.calls, got, tt.wantTaken)
			}
			// Never more than n starts within any window.
			if tt.n > 0 {
				for i := tt.n; i < len(starts); i++ {
					if d := starts[i].Sub(starts[i-tt.n]); d < tt.window {
						t.Errorf("call %d started %v after call %d, want at least %v", i, d, i-tt.n, tt.window)
					}
				}
			}
		})
	}
}

func TestLimiterCountsFromEnd(t *testing.T) {
	clock := newFakeClock()
	l := New(2, 10*time.Second, clock.Now, clock.Sleep)
	d1, _ := l.Wait(context.Background())
	d2, _ := l.Wait(context.Background())
	// Both calls take 4 s of the clock before their answers are in.
	clock.Sleep(context.Background(), 4*time.Second)
	d1()
	d2()
	d2() // a second call of done is harmless
	start := clock.Now()
	d3, err := l.Wait(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	d3()
	if got := clock.Now().Sub(start); got != 10*time.Second {
		t.Errorf("third call waited %v, want 10s (the window from the first calls' ends)", got)
	}
}

func TestLimiterCancel(t *testing.T) {
	tests := []struct {
		name  string
		setup func() (context.Context, func(context.Context, time.Duration) error)
		want  error
	}{
		{
			name: "canceled while waiting",
			setup: func() (context.Context, func(context.Context, time.Duration) error) {
				ctx, cancel := context.WithCancel(context.Background())
				return ctx, func(ctx context.Context, d time.Duration) error {
					cancel()
					<-ctx.Done()
					return ctx.Err()
				}
			},
			want: context.Canceled,
		},
		{
			name: "already canceled",
			setup: func() (context.Context, func(context.Context, time.Duration) error) {
				ctx, cancel := context.WithCancel(context.Background())
				cancel()
				return ctx, func(context.Context, time.Duration) error { t.Error("slept"); return nil }
			},
			want: context.Canceled,
		},
		{
			name: "sleep fails",
			setup: func() (context.Context, func(context.Context, time.Duration) error) {
				return context.Background(), func(ctx context.Context, d time.Duration) error {
					return context.DeadlineExceeded
				}
			},
			want: context.DeadlineExceeded,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, sleep := tt.setup()
			clock := newFakeClock()
			l := New(1, 10*time.Second, clock.Now, sleep)
			if tt.name != "already canceled" {
				done, err := l.Wait(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				done()
			}
			_, err := l.Wait(ctx)
			if !errors.Is(err, tt.want) {
				t.Errorf("Wait = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestLimiterConcurrent(t *testing.T) {
	clock := newFakeClock()
	l := New(3, time.Second, clock.Now, clock.Sleep)
	var wg sync.WaitGroup
	for range 12 {
		wg.Go(func() {
			done, err := l.Wait(context.Background())
			if err != nil {
				t.Error(err)
				return
			}
			done()
		})
	}
	wg.Wait()
	if l.slots == nil || len(l.slots) > 3 {
		t.Errorf("slots = %v, want at most 3", l.slots)
	}
}

func TestSleepCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("Sleep = %v, want context.Canceled", err)
	}
	if err := Sleep(context.Background(), 0); err != nil {
		t.Errorf("Sleep(0) = %v", err)
	}
}
