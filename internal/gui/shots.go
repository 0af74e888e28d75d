//go:build screenshots

package gui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
)

// This file is built only with the screenshots tag, into the program that
// `make screenshots` runs under Xvfb: it lets cmd/desktop's extra flags put
// the window in a given state. The shipped window has none of it.

// ShowScreen selects the main window's screen called name (ScreenLookup,
// ScreenCertificates, ScreenSettings, ScreenClassify, ScreenClients or
// ScreenImport) and reports whether
// there is one (there is none while the vault is locked).
func (a *App) ShowScreen(name string) bool { return a.showScreen(name) }

// Search types text into the Lookup screen's search field and, when it
// is a name, searches for it as Enter does.
func (a *App) Search(text string) bool {
	if a.lookup == nil {
		return false
	}
	a.lookup.Search.SetText(text)
	a.lookup.FindByName()
	return true
}

// LookUp looks number up on the Lookup screen, as Enter does, then shows
// the dossier's tab (0 the company, 1 the beneficial owners, 2 the
// ownership graph).
func (a *App) LookUp(number string, tab int) bool {
	if !a.showScreen(ScreenLookup) {
		return false
	}
	a.lookup.Open(number, tab)
	return true
}

// OpenImport opens the certificate wizard on the file at path, as if it
// were dropped on the window, and reads it at once. With password set it
// also opens the file with it and, with toName, goes on to the naming
// step.
func (a *App) OpenImport(path string, password *string, toName bool) error {
	if a.certificates == nil {
		return errors.New("the vault is locked")
	}
	a.showScreen(ScreenCertificates)
	return a.certificates.OpenImport(path, password, toName)
}

// OpenVeroOrder opens the order of the Incomes Register certificate on
// step (1 to 4), or on its progress, for a picture; nothing is sent.
func (a *App) OpenVeroOrder(step int, progress bool, next time.Time) error {
	if a.certificates == nil {
		return errors.New("the vault is locked")
	}
	a.showScreen(ScreenCertificates)
	a.certificates.OpenOrderShot(step, progress, next)
	return nil
}

// OpenVeroRenew opens the renewal of the certificate name on its
// progress, for a picture; nothing is sent.
func (a *App) OpenVeroRenew(name string, next time.Time) error {
	if a.certificates == nil {
		return errors.New("the vault is locked")
	}
	a.showScreen(ScreenCertificates)
	a.certificates.OpenRenewShot(name, next)
	return nil
}

// OrderAML opens the order dialog for the dossier shown, as Ctrl+Shift+O
// does; with confirm it also presses Order. It reports whether there was
// a dossier to order for.
func (a *App) OrderAML(confirm bool) bool {
	if a.lookup == nil || a.lookup.Current() == nil {
		return false
	}
	a.lookup.OrderAML()
	if confirm {
		return a.lookup.ConfirmOrder()
	}
	return true
}

// MakeReport opens the KYC report dialog for the dossier shown, as
// Ctrl+Shift+K does; with confirm it also presses Make. It reports
// whether there was a dossier to make the report of.
func (a *App) MakeReport(confirm bool) bool {
	if a.lookup == nil || a.lookup.Current() == nil {
		return false
	}
	a.lookup.MakeReport()
	if confirm {
		return a.lookup.ConfirmReport()
	}
	return true
}

// OrdersUnfinished counts the AML orders the Lookup screen follows that
// are not finished.
func (a *App) OrdersUnfinished() int {
	if a.lookup == nil {
		return 0
	}
	return a.lookup.OrdersUnfinished()
}

// ClassifyOpen shows the Classify customers screen with the customer
// file at path read into its preview, as if it were dropped on the window.
func (a *App) ClassifyOpen(path string) bool {
	if !a.showScreen(ScreenClassify) {
		return false
	}
	a.classify.Open(path)
	return true
}

// ClassifyRun classifies the file shown on Classify customers into out;
// with pauseAt between 0 and 1 the run is held once that fraction of the
// rows is done, so the screen shows it counting.
func (a *App) ClassifyRun(out string, pauseAt float64) bool {
	if a.classify == nil {
		return false
	}
	if pauseAt > 0 && pauseAt < 1 {
		a.classify.RunPaused(out, pauseAt)
	} else {
		a.classify.RunTo(out)
	}
	return true
}

// ClassifyRefresh shows Classify customers and fetches SCB's sector file
// into the vault, as its Refresh button does.
func (a *App) ClassifyRefresh() bool {
	if !a.showScreen(ScreenClassify) {
		return false
	}
	a.classify.RefreshSectorFile()
	return true
}

// ClassifyMessage is what Classify customers last said of a run.
func (a *App) ClassifyMessage() string {
	if a.classify == nil {
		return ""
	}
	return a.classify.Message()
}

// WaitIdle waits until no background work of the window runs: a lookup or
// a certificate file being read has been shown.
func (a *App) WaitIdle() { a.host.WaitIdle() }

// ClientsCheck shows the Clients screen and starts Check all, held once
// hold (0 to 1) of the clients is done when hold is above 0; with
// changes it shows the Changes view instead of the list.
func (a *App) ClientsCheck(check bool, hold float64, changes bool) bool {
	if !a.showScreen(ScreenClients) {
		return false
	}
	if changes {
		a.clients.ShowChanges()
	}
	if check {
		if hold > 0 {
			a.clients.HoldCheckAt(hold)
		}
		a.clients.StartCheck()
	}
	return true
}

// OpenAbout shows Settings with the About box open; false while locked.
func (a *App) OpenAbout() bool {
	if !a.showScreen(ScreenSettings) {
		return false
	}
	a.settings.Backup().About.OnTapped()
	return true
}

// ClientsCheckDone reports whether the check started by ClientsCheck is
// held where it was asked to stop, or has ended.
func (a *App) ClientsCheckDone() bool {
	done := false
	fyne.DoAndWait(func() { done = a.clients == nil || a.clients.CheckHeld() || !a.clients.CheckRunning() })
	return done
}
