// Package gui is Motpart's window, built with Fyne. Every screen is made by
// small functions from what internal/desk offers; the package never talks to
// a register, the vault or the network itself. Long work runs in goroutines
// and changes the screen only through fyne.Do.
package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/motpart/motpart/assets"
)

// App is Motpart's main window and the state its screens share.
type App struct {
	fyne  fyne.App
	win   fyne.Window
	desk  Desk
	prefs Preferences

	// language is the interface language in use ("en", "sv", "nb", "fi").
	language string
	// tabs is the navigation; rebuilt when the language changes.
	tabs *container.AppTabs
	// lookup is the Lookup screen, kept so tests and shortcuts reach it.
	lookup *lookupScreen
}

// New builds Motpart's window on the Fyne app fa, asking d for everything.
// It applies the language chosen in the preferences.
func New(fa fyne.App, d Desk) *App {
	fa.SetIcon(Icon())
	a := &App{fyne: fa, desk: d, prefs: NewPreferences(fa.Preferences())}
	a.language = a.setLanguage(a.prefs.Language())
	a.win = fa.NewWindow("Motpart")
	a.win.Resize(fyne.NewSize(980, 680))
	a.win.SetMaster()
	a.rebuild()
	return a
}

// Icon is the application icon as a Fyne resource.
func Icon() fyne.Resource { return fyne.NewStaticResource("icon.png", assets.Icon) }

// Window is the main window.
func (a *App) Window() fyne.Window { return a.win }

// ShowAndRun shows the window and runs the app until it is closed.
func (a *App) ShowAndRun() { a.win.ShowAndRun() }

// setLanguage applies code ("" for the system's) and returns the language
// in use; on failure it keeps English and logs why.
func (a *App) setLanguage(code string) string {
	used, err := applyLanguage(code)
	if err != nil {
		fyne.LogError("applying the interface language", err)
		return "en"
	}
	return used
}

// rebuild makes every screen anew, in the current language, and shows the
// Lookup screen with the search field focused.
func (a *App) rebuild() {
	a.lookup = newLookupScreen(a)
	a.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Look up"), theme.SearchIcon(), a.lookup.content()),
		container.NewTabItemWithIcon(lang.L("Settings"), theme.SettingsIcon(), newSettingsScreen(a)),
	)
	a.tabs.SetTabLocation(container.TabLocationLeading)
	a.tabs.OnSelected = func(*container.TabItem) { a.focusCurrent() }
	a.win.SetContent(a.tabs)
	a.focusCurrent()
}

// focusCurrent puts the keyboard focus where the user will type next.
func (a *App) focusCurrent() {
	if a.tabs.SelectedIndex() == 0 {
		a.win.Canvas().Focus(a.lookup.search)
	}
}

// changeLanguage is called from Settings: it stores the choice and redraws
// every screen in the new language, staying on Settings.
func (a *App) changeLanguage(code string) {
	a.prefs.SetLanguage(code)
	a.language = a.setLanguage(code)
	selected := a.tabs.SelectedIndex()
	a.rebuild()
	a.tabs.SelectIndex(selected)
}

// Screen names, for ShowScreen and the --screen flag.
const (
	ScreenLookup   = "lookup"
	ScreenSettings = "settings"
)

// screenNames lists the screens in navigation order.
func screenNames() []string { return []string{ScreenLookup, ScreenSettings} }

// ShowScreen selects the screen called name and reports whether one is.
func (a *App) ShowScreen(name string) bool {
	for i, n := range screenNames() {
		if n == name {
			a.tabs.SelectIndex(i)
			a.focusCurrent()
			return true
		}
	}
	return false
}

// Search types text into the Lookup screen's search field.
func (a *App) Search(text string) {
	a.lookup.search.SetText(text)
}
