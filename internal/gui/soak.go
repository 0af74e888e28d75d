//go:build screenshots

package gui

// WaitIdle waits until no background work (a lookup, a source asked again)
// runs and its result is on the screen. It is for cmd/desktop's --soak
// driver, built with the screenshots tag; call it off the UI goroutine,
// whose work it waits for.
func (a *App) WaitIdle() { a.host.WaitIdle() }
