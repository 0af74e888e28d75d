//go:build screenshots

package clients

// This file is built only with the screenshots tag, for the program that
// `make screenshots` runs: it holds a check midway for a picture.

// HoldCheckAt makes the next check's progress stop once fraction (0 to
// 1) of the clients is done, showing it until the screen is closed: the
// goroutine that reports it waits (the desk may finish the check
// meanwhile; the picture shows it running).
func (s *Screen) HoldCheckAt(fraction float64) {
	s.check.mu.Lock()
	defer s.check.mu.Unlock()
	s.check.hold = fraction
	s.check.released = make(chan struct{})
}

// ShowChanges shows the Changes view.
func (s *Screen) ShowChanges() { s.Tabs.SelectIndex(1) }

// CheckHeld reports whether the check is held where HoldCheckAt said.
func (s *Screen) CheckHeld() bool {
	s.check.mu.Lock()
	defer s.check.mu.Unlock()
	return s.check.held
}
