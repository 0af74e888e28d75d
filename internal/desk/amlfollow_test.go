package desk

import (
	"context"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
)

// The follower waits between polls, doubling from 1 s up to 30 s, and a
// 429 waits its Retry-After instead.
func TestAMLPollingWaits(t *testing.T) {
	d, f, sl, _ := newAMLDesk(t, false)
	f.retryOnce = 7 * time.Second
	f.doneAt = 4
	o, err := d.OrderAML(context.Background(), dossier.AMLRequest{Number: fakeRichest})
	if err != nil {
		t.Fatal(err)
	}
	if o = waitOrder(t, d, o.ID); !o.Ready() {
		t.Fatalf("%+v", o)
	}
	want := []time.Duration{7 * time.Second, time.Second, 2 * time.Second, 4 * time.Second}
	if got := sl.seen(); !slices.Equal(got, want) {
		t.Errorf("waits %v, want %v", got, want)
	}
}

// nextPoll waits (bounded) for the fake's next status poll.
func nextPoll(t *testing.T, polled <-chan int) int {
	t.Helper()
	select {
	case n := <-polled:
		return n
	case <-time.After(20 * time.Second):
		t.Fatal("no status poll")
	}
	return 0
}

// The follower waits between polls until woken; Lock stops it mid-order
// and Unlock resumes it; an order whose session expired while the vault
// was locked is marked expired without asking BankID; a stopped order is
// followed no more.
func TestAMLWakeLockResumeStop(t *testing.T) {
	d, f, _, clock := newAMLDesk(t, true)
	f.polled = make(chan int, 100)
	ctx := context.Background()
	o, err := d.OrderAML(ctx, dossier.AMLRequest{Number: fakeRichest})
	if err != nil {
		t.Fatal(err)
	}
	nextPoll(t, f.polled) // NOT_STARTED, then the follower waits
	d.WakeAMLOrder(o.ID)
	nextPoll(t, f.polled) // IN_PROGRESS
	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}
	if n := f.pollCount(); n != 2 {
		t.Fatalf("%d polls before the lock, want 2", n)
	}
	if err := d.Unlock([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	nextPoll(t, f.polled) // resumed: done
	if o = waitOrder(t, d, o.ID); !o.Ready() {
		t.Fatalf("after resuming: %+v", o)
	}

	// Locked across the session's end: expired at the unlock, unasked.
	late, err := d.OrderAML(ctx, dossier.AMLRequest{Number: fakeFinnish})
	if err != nil {
		t.Fatal(err)
	}
	nextPoll(t, f.polled)
	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}
	polls := f.pollCount()
	clock.Advance(3 * time.Hour)
	if err := d.Unlock([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	late, err = d.AMLOrder(late.ID)
	if err != nil || problem.Code(late.Problem) != problem.CodeBankIDSessionExpired || late.Parts[1].State != dossier.OrderExpired || f.pollCount() != polls {
		t.Errorf("expired while locked: %+v, %v; %d polls, want %d", late, err, f.pollCount(), polls)
	}

	// Stopped: no more polls, parts stopped.
	stopped, err := d.OrderAML(ctx, dossier.AMLRequest{Number: fakeSwedish})
	if err != nil {
		t.Fatal(err)
	}
	nextPoll(t, f.polled)
	if err := d.StopAMLOrder(stopped.ID); err != nil {
		t.Fatal(err)
	}
	polls = f.pollCount()
	d.WakeAMLOrder(stopped.ID)
	stopped, err = d.AMLOrder(stopped.ID)
	if err != nil || !stopped.Finished() || stopped.Parts[2].State != dossier.OrderStopped || f.pollCount() != polls {
		t.Errorf("stopped: %+v, %v", stopped, err)
	}
	orders, err := d.AMLOrders()
	if err != nil || len(orders) != 3 || orders[0].ID != stopped.ID {
		t.Errorf("orders %+v, %v", orders, err)
	}
	if _, err := d.AMLOrder("no-such-session"); problem.CodeOf(err) != problem.CodeAMLOrderNotFound {
		t.Errorf("an unknown order: %v", err)
	}
}

// A watcher may ask about the order it is told of (the window refreshes
// it): the follower tells the watchers outside the order's lock.
func TestAMLWatcherMayAskAgain(t *testing.T) {
	d, _, _, _ := newAMLDesk(t, false)
	ctx := context.Background()
	var asked atomic.Int32
	stop := d.WatchAMLOrders(func(o dossier.AMLOrder) {
		if _, err := d.RefreshAMLOrder(ctx, o.ID); err == nil {
			asked.Add(1)
		}
	})
	defer stop()
	o, err := d.OrderAML(ctx, dossier.AMLRequest{Number: fakeRichest})
	if err != nil {
		t.Fatal(err)
	}
	if o = waitOrder(t, d, o.ID); !o.Ready() || asked.Load() == 0 {
		t.Errorf("%+v after %d refreshes", o, asked.Load())
	}
}

// An order whose session's life ended is never shown as current, even
// while its follower waits; the next step keeps it expired in the vault.
func TestAMLExpiredIsNeverCurrent(t *testing.T) {
	d, f, _, clock := newAMLDesk(t, true)
	f.polled = make(chan int, 100)
	o, err := d.OrderAML(context.Background(), dossier.AMLRequest{Number: fakeRichest})
	if err != nil {
		t.Fatal(err)
	}
	nextPoll(t, f.polled)
	clock.Advance(2*time.Hour + time.Second)
	for _, get := range []func() (dossier.AMLOrder, error){
		func() (dossier.AMLOrder, error) { return d.AMLOrder(o.ID) },
		func() (dossier.AMLOrder, error) {
			all, err := d.AMLOrders()
			if len(all) != 1 {
				t.Fatalf("orders %+v", all)
			}
			return all[0], err
		},
	} {
		got, err := get()
		if err != nil || problem.Code(got.Problem) != problem.CodeBankIDSessionExpired || got.Parts[1].State != dossier.OrderExpired {
			t.Errorf("shown as %+v, %v", got, err)
		}
	}
	if got, err := d.RefreshAMLOrder(context.Background(), o.ID); err != nil || problem.Code(got.Problem) != problem.CodeBankIDSessionExpired {
		t.Errorf("after a step: %+v, %v", got, err)
	}
	stored, err := d.storedOrder(o.ID)
	if err != nil || problem.Code(stored.Problem) != problem.CodeBankIDSessionExpired {
		t.Errorf("kept as %+v, %v", stored, err)
	}
}
