package main

import (
	"github.com/motpart/motpart/internal/testclock"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/certs/certstest"
	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/gui"
	"github.com/motpart/motpart/internal/setup"
	"github.com/motpart/motpart/internal/vault"
)

// fastParams make Argon2id quick in tests.
var fastParams = vault.Params{Time: 1, MemoryKiB: 64, Threads: 1}

// now is the tests' clock.
var now = testclock.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)

// newUnlockedDesk is a real desk on a new vault in a temporary folder,
// unlocked, with its clock at now.
func newUnlockedDesk(t *testing.T) *desk.Desk {
	t.Helper()
	d, _ := setup.NewDesk(setup.Config{Desk: desk.Config{
		VaultPath:    filepath.Join(t.TempDir(), "vault.db"),
		VaultParams:  fastParams,
		VaultOptions: vault.OpenOptions{MinParams: fastParams},
		Now:          func() time.Time { return now },
	}})
	t.Cleanup(func() { _ = d.Close() })
	if err := d.CreateVault([]byte("correct horse battery")); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestExpiringCertificates(t *testing.T) {
	d := newUnlockedDesk(t)
	for _, c := range []struct {
		name string
		days int
	}{{"far", 200}, {"soon", 30}, {"sooner", 10}, {"edge", 60}, {"past edge", 61}} {
		pfx := certstest.PFX(t, certstest.Options{Subject: certstest.SCB("A04711"), Now: now,
			NotBefore: now.AddDate(-1, 0, 0), NotAfter: now.Add(time.Duration(c.days)*24*time.Hour + time.Hour)})
		if _, err := d.ImportCertificate(c.name, pfx, "scb.pfx", ""); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
	}
	got, err := d.ExpiringCertificates()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"sooner", "soon", "edge"}
	if len(got) != len(want) {
		t.Fatalf("got %d certificates, want %v", len(got), want)
	}
	for i, c := range got {
		if c.Name != want[i] {
			t.Errorf("%d: %q, want %q", i, c.Name, want[i])
		}
	}
}

// TestWindowOnTheRealDesk builds the window as main does and unlocks it.
func TestWindowOnTheRealDesk(t *testing.T) {
	t.Setenv("LANGUAGE", "en")
	fa := test.NewTempApp(t)
	d := newUnlockedDesk(t)
	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}
	ui := gui.New(fa, d)
	t.Cleanup(func() { ui.Window().Close() })
	if got := ui.Screen(); got != gui.ScreenUnlock {
		t.Fatalf("first screen %q, want %q", got, gui.ScreenUnlock)
	}
	if err := ui.Unlock([]byte("correct horse battery")); err != nil {
		t.Fatal(err)
	}
	if got := ui.Screen(); got != gui.ScreenLookup || !d.Unlocked() {
		t.Errorf("after Unlock: screen %q, unlocked %v", got, d.Unlocked())
	}
}
