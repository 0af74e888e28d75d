package certificates

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/sandbox"
	"github.com/motpart/motpart/internal/sandbox/world"
	"github.com/motpart/motpart/internal/setup"
	"github.com/motpart/motpart/internal/vault"
)

// veroClock is the clock of the Vero tests: it moves only when the desk
// sleeps between its tries.
type veroClock struct {
	mu  sync.Mutex
	now time.Time
	// sleeps counts the desk's waits.
	sleeps int
	// stopped, while set, makes every wait end as if the app stopped.
	stopped bool
}

func (c *veroClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *veroClock) sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped {
		return context.Canceled
	}
	c.now = c.now.Add(d)
	c.sleeps++
	return nil
}

// newVeroApp is the Certificates screen on a real desk in the sandbox,
// whose Vero simulator makes a certificate ready two minutes after it is
// asked for.
func newVeroApp(t *testing.T) (*Screen, *veroClock) {
	t.Helper()
	t.Setenv("LANGUAGE", "en")
	fa := test.NewTempApp(t)
	if _, err := guikit.ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	clock := &veroClock{now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	d, _ := setup.NewDesk(setup.Config{
		Desk: desk.Config{
			VaultPath:    filepath.Join(t.TempDir(), "vault.db"),
			VaultParams:  fastParams,
			VaultOptions: vault.OpenOptions{MinParams: fastParams},
			Now:          clock.Now,
			Sleep:        clock.sleep,
		},
		Overrides: setup.Overrides{Environment: desk.EnvSandbox},
		Sandbox:   sandbox.Config{Now: clock.Now, VeroReadyAfter: 2 * time.Minute},
	})
	t.Cleanup(func() { _ = d.Close() })
	if err := d.CreateVault([]byte(testPassword)); err != nil {
		t.Fatal(err)
	}
	win := fa.NewWindow("Motpart")
	h := guikit.NewHost(fa, win)
	h.SetDo(onUI)
	s := New(h, d, nil)
	s.banner.now = clock.Now
	win.SetContent(container.NewBorder(s.Banner(), nil, nil, nil, s.Content()))
	win.Resize(fyne.NewSize(980, 680))
	t.Cleanup(func() { h.WaitIdle(); win.Close() })
	return s, clock
}

// TestOrderFromVeroSandbox orders the Incomes Register certificate from
// the sandbox's Vero through the wizard: a wrong TransferPassword first,
// then the right one, and the certificate is listed.
func TestOrderFromVeroSandbox(t *testing.T) {
	s, clock := newVeroApp(t)
	onUI(func() { test.Tap(s.order) })
	w := s.orderWizard
	onUI(func() {
		test.Type(w.businessID, world.FIYTunnus)
		test.Type(w.company, "Pohjoistuuli Energia Oy")
		test.Tap(w.next)
		test.Type(w.transferID, world.VeroTransferID2)
		test.Type(w.password, "wrong")
		test.Tap(w.next)
	})
	if w.environment() != "sandbox" {
		t.Fatalf("environment %q, want the sandbox", w.environment())
	}
	tries := []struct {
		password string
		wantStep int
		wantMsg  string
	}{
		{"", orderReview, "Vero did not accept the TransferPassword"},
		{world.VeroTransferPassword2, orderDone, ""},
	}
	for _, tr := range tries {
		onUI(func() {
			if tr.password != "" {
				w.show(orderTransfer)
				test.Type(w.password, tr.password)
				test.Tap(w.next)
			}
			test.Tap(w.next) // the service
			test.Tap(w.next) // Order
		})
		s.host.WaitIdle()
		if w.step != tr.wantStep || !strings.HasPrefix(w.dialog.Error.Text, tr.wantMsg) || (tr.wantMsg == "") == w.dialog.Error.Visible() {
			t.Fatalf("password %q: step %d, message %q", tr.password, w.step, w.dialog.Error.Text)
		}
	}
	if clock.sleeps == 0 {
		t.Error("the desk never waited for Vero")
	}
	if len(s.stored) != 1 || s.stored[0].Name != "Incomes Register "+world.FIYTunnus || !strings.HasPrefix(w.result.Text, "Stored as “Incomes Register 1572860-0”, valid until 2028-") {
		t.Errorf("stored %+v, result %q", s.stored, w.result.Text)
	}
	if s.pending.Visible() {
		t.Error("a pending order is offered after it was received")
	}
}

// TestResumeFromVeroSandbox: the app stops while Vero prepares the
// certificate; the screen offers the order, and Resume fetches it
// without ordering again.
func TestResumeFromVeroSandbox(t *testing.T) {
	s, clock := newVeroApp(t)
	clock.stopped = true
	onUI(func() {
		test.Tap(s.order)
		w := s.orderWizard
		test.Type(w.businessID, world.FIYTunnus)
		test.Type(w.company, "Pohjoistuuli Energia Oy")
		test.Tap(w.next)
		test.Type(w.transferID, world.VeroTransferID2)
		test.Type(w.password, world.VeroTransferPassword2)
		test.Tap(w.next)
		test.Tap(w.next)
		test.Tap(w.next)
	})
	s.host.WaitIdle()
	onUI(func() { test.Tap(s.orderWizard.cancel) })
	s.host.WaitIdle()
	onUI(s.Reload)
	if s.orderWizard != nil || !s.pending.Visible() || len(s.stored) != 0 {
		t.Fatalf("after stopping: wizard %v, pending offered %v, stored %+v", s.orderWizard != nil, s.pending.Visible(), s.stored)
	}
	clock.stopped = false
	onUI(func() { test.Tap(s.resume) })
	s.host.WaitIdle()
	w := s.orderWizard
	if w == nil || w.step != orderDone || len(s.stored) != 1 || s.pending.Visible() {
		t.Fatalf("after Resume: wizard %v, stored %+v, pending %v", w != nil, s.stored, s.pending.Visible())
	}
	if !strings.HasPrefix(w.result.Text, "Stored as “Incomes Register 1572860-0”") {
		t.Errorf("result %q", w.result.Text)
	}
}
