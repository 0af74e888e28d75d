package gui

import "time"

// idleLimitNow is how long the vault may stay unused before it locks.
func (a *App) idleLimitNow() time.Duration {
	a.mu.Lock()
	limit := a.idleLimit
	a.mu.Unlock()
	if limit > 0 {
		return limit
	}
	return time.Duration(a.host.Prefs.AutoLockMinutes()) * time.Minute
}

// activity notes that the user did something, which postpones auto-lock.
// Every screen's handlers call it through their Host.
func (a *App) activity() {
	a.mu.Lock()
	a.lastActivity = time.Now()
	a.mu.Unlock()
}

// startAutoLock arms the idle timer for the unlocked window.
func (a *App) startAutoLock() {
	a.activity()
	a.armIdleTimer(a.idleLimitNow())
}

// armIdleTimer checks for idleness after d.
func (a *App) armIdleTimer(d time.Duration) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.idleTimer != nil {
		a.idleTimer.Stop()
	}
	a.idleTimer = time.AfterFunc(d, func() { a.host.Do(a.idleCheck) })
}

// stopAutoLock disarms the idle timer.
func (a *App) stopAutoLock() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.idleTimer != nil {
		a.idleTimer.Stop()
		a.idleTimer = nil
	}
}

// idleCheck runs on the UI goroutine when the timer fires: it locks when
// the user has been away long enough, and otherwise waits the rest.
func (a *App) idleCheck() {
	a.mu.Lock()
	armed := a.idleTimer != nil
	idle := time.Since(a.lastActivity)
	a.mu.Unlock()
	if !armed || a.tabs == nil {
		return
	}
	limit := a.idleLimitNow()
	if idle < limit {
		a.armIdleTimer(limit - idle)
		return
	}
	kept := a.beforeLock()
	a.lock()
	if a.gate != nil {
		a.gate.AutoLocked(limit, kept)
	}
}

// beforeLock runs on the lock path (App.lock), so that no way of locking
// loses a note or leaves the vault on screen: it keeps the note being
// written, if any, sealed in the vault, and closes every dialog and pop-up
// (a note being edited, a password dialog...), which would otherwise stay
// over the unlock screen. It reports whether a note is kept.
func (a *App) beforeLock() bool {
	kept := a.lookup != nil && a.lookup.KeepDraft()
	overlays := a.win.Canvas().Overlays()
	if list := overlays.List(); len(list) > 0 {
		overlays.Remove(list[0]) // and every one above it
	}
	return kept
}
