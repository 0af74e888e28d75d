// Package guikit is the small core every screen of Motpart's window shares:
// the Host a screen lives in (its window, background work, activity for
// auto-lock), the typed preferences, the interface languages, the words for
// problems, certificates, sources and identity numbers, and a few widget
// helpers. It imports Fyne and the vocabulary packages only (dossier, ident,
// problem, certinfo, assets), never the use cases: each screen package
// (gate, lookup, certificates, settings) declares the part of the desk it
// needs, and package gui assembles the screens into the window.
package guikit

import (
	"sync"

	"fyne.io/fyne/v2"
)

// Host is what a screen needs of the window it is shown in: the Fyne app
// and window, the preferences, a way to run work off the UI goroutine, and
// a way to say that the user did something (which postpones auto-lock).
// One Host serves every screen of a window; it is safe for concurrent use.
type Host struct {
	// App is the Fyne app (clipboard, notifications).
	App fyne.App
	// Win is the window screens show their dialogs over.
	Win fyne.Window
	// Prefs are the settings kept outside the vault.
	Prefs Preferences
	// Hints says what the icon-only buttons made with Hints.IconButton do;
	// a screen shows Hints.Label near them.
	Hints *HintLine
	// About describes this build, for the About box.
	About About

	// onActivity is told of every user action; see SetOnActivity.
	onActivity func()
	// do runs a function on the UI goroutine and waits for it.
	do func(func())
	// shortcuts are the window's shortcuts, for Entry; see AddShortcut.
	shortcuts fyne.ShortcutHandler
	// jobs counts work running in the background, so tests can wait.
	jobs sync.WaitGroup
	// env tells the environment (see SetEnvironment); band is the band
	// shown, which EnvironmentChanged updates (band.go).
	env  func() string
	band *Band
	// outside replaces notifications and opening URLs in tests
	// (notify.go).
	outside hostOutside
}

// NewHost is a Host for the window win of the Fyne app fa. Its background
// work comes back to the UI goroutine with fyne.DoAndWait.
func NewHost(fa fyne.App, win fyne.Window) *Host {
	return &Host{App: fa, Win: win, Prefs: NewPreferences(fa.Preferences()), Hints: NewHintLine(), do: fyne.DoAndWait}
}

// SetOnActivity sets what Activity calls; the window uses it for
// auto-lock. Set it before the screens are built.
func (h *Host) SetOnActivity(f func()) { h.onActivity = f }

// SetDo replaces how work gets back to the UI goroutine. Fyne's test
// driver has no UI goroutine, so tests pass a function that holds a lock
// instead. Set it before any background work starts.
func (h *Host) SetDo(do func(func())) { h.do = do }

// Activity notes that the user did something. Every screen's handlers call
// it.
func (h *Host) Activity() {
	if h.onActivity != nil {
		h.onActivity()
	}
}

// Do runs f on the UI goroutine and waits for it to finish.
func (h *Host) Do(f func()) { h.do(f) }

// Background runs work off the UI goroutine, then done on it with work's
// error. WaitIdle waits for both.
func (h *Host) Background(work func() error, done func(error)) {
	h.jobs.Add(1)
	go func() {
		defer h.jobs.Done()
		err := work()
		h.do(func() { done(err) })
	}()
}

// WaitIdle waits until no background work runs.
func (h *Host) WaitIdle() { h.jobs.Wait() }
