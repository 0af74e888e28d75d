// Package gui is Motpart's window, built with Fyne. Every screen is made by
// small functions from what the use cases offer (the Desk interface); the
// package never talks to a register, the vault or the network itself. Long
// work runs in goroutines and changes the screen only through fyne.Do.
package gui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/assets"
	"github.com/motpart/motpart/internal/certs"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// Screen names, for ShowScreen, Screen and the --screen flag.
const (
	ScreenCreate       = "create"       // first start: make the vault
	ScreenUnlock       = "unlock"       // later starts and after locking
	ScreenLookup       = "lookup"       // the main window's Lookup tab
	ScreenCertificates = "certificates" // the main window's Certificates tab
	ScreenSettings     = "settings"     // the main window's Settings tab
	ScreenImport       = "import"       // the certificate wizard over Certificates
)

// App is Motpart's main window and the state its screens share.
type App struct {
	fyne  fyne.App
	win   fyne.Window
	desk  Desk
	prefs Preferences

	// language is the interface language in use ("en", "sv", "nb", "fi").
	language string
	// tabs is the main window's navigation; nil while locked.
	tabs *container.AppTabs
	// lookup, certificates and settings are the main window's screens.
	lookup       *lookupScreen
	certificates *certificatesScreen
	settings     *settingsScreen
	// wizard is the open certificate wizard, if any.
	wizard *certWizard
	// banner warns of certificates about to expire; hidden when none.
	banner     *fyne.Container
	bannerText *widget.Label
	// gate is the create or unlock screen; nil while unlocked.
	gate *gateScreen
	// lockButton is the main window's Lock button.
	lockButton *widget.Button

	// jobs counts work running in the background, so tests can wait.
	jobs sync.WaitGroup
	// do runs a function on the UI goroutine and waits for it:
	// fyne.DoAndWait, except in tests, whose driver has no UI goroutine.
	do func(func())

	// mu guards what the auto-lock timer's goroutine and tests read.
	mu           sync.Mutex
	screen       string // the screen shown
	lastActivity time.Time
	idleTimer    *time.Timer
	idleLimit    time.Duration // overrides the preference; tests only
}

// New builds Motpart's window on the Fyne app fa, asking d for everything,
// in the language chosen in the preferences. It opens on the create or
// unlock screen.
func New(fa fyne.App, d Desk) *App {
	fa.SetIcon(Icon())
	a := &App{fyne: fa, desk: d, prefs: NewPreferences(fa.Preferences()), do: fyne.DoAndWait}
	a.language = a.setLanguage(a.prefs.Language())
	a.win = fa.NewWindow("Motpart")
	a.win.Resize(fyne.NewSize(980, 680))
	a.win.SetMaster()
	a.win.SetOnClosed(func() { _ = a.desk.Lock() })
	a.showGate()
	return a
}

// Icon is the application icon as a Fyne resource.
func Icon() fyne.Resource { return fyne.NewStaticResource("icon.png", assets.Icon) }

// Window is the main window.
func (a *App) Window() fyne.Window { return a.win }

// ShowAndRun shows the window and runs the app until it is closed.
func (a *App) ShowAndRun() { a.win.ShowAndRun() }

// Screen returns the name of the screen shown. It is safe to call from any
// goroutine.
func (a *App) Screen() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.screen
}

func (a *App) setScreen(name string) {
	a.mu.Lock()
	a.screen = name
	a.mu.Unlock()
}

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

// showGate shows the create screen when there is no vault yet, otherwise
// the unlock screen.
func (a *App) showGate() {
	a.stopAutoLock()
	if a.wizard != nil {
		a.wizard.close()
	}
	a.tabs, a.lookup, a.certificates, a.settings = nil, nil, nil, nil
	a.gate = newGateScreen(a, !a.desk.VaultExists())
	a.win.SetContent(a.gate.content())
	a.win.Canvas().Focus(a.gate.password)
	a.setScreen(a.gate.name())
}

// showMain builds the unlocked window: a bar with the Lock button over the
// screens, with the search field focused.
func (a *App) showMain() {
	a.gate = nil
	a.lookup = newLookupScreen(a)
	a.certificates = newCertificatesScreen(a)
	a.settings = newSettingsScreen(a)
	a.bannerText = wrapLabel("")
	a.bannerText.Importance = widget.WarningImportance
	show := widget.NewButton(lang.L("Show"), func() { a.ShowScreen(ScreenCertificates) })
	a.banner = container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())), show, a.bannerText)
	a.banner.Hide()
	a.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Look up"), theme.SearchIcon(), a.lookup.content()),
		container.NewTabItemWithIcon(lang.L("Certificates"), theme.AccountIcon(), a.certificates.content()),
		container.NewTabItemWithIcon(lang.L("Settings"), theme.SettingsIcon(), a.settings.content()),
	)
	a.tabs.SetTabLocation(container.TabLocationLeading)
	a.tabs.OnSelected = func(*container.TabItem) {
		a.activity()
		a.focusCurrent()
		a.setScreen(screenNames()[a.tabs.SelectedIndex()])
	}
	a.lockButton = widget.NewButtonWithIcon(lang.L("Lock"), theme.LogoutIcon(), a.lock)
	title := widget.NewLabelWithStyle("Motpart", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := container.NewBorder(nil, nil, title, a.lockButton)
	a.win.SetContent(container.NewBorder(container.NewVBox(bar, a.banner), nil, nil, nil, a.tabs))
	a.win.SetOnDropped(a.dropped)
	a.focusCurrent()
	a.setScreen(ScreenLookup)
	a.startAutoLock()
	a.installShortcuts()
}

// screenNames lists the main window's screens in navigation order.
func screenNames() []string { return []string{ScreenLookup, ScreenCertificates, ScreenSettings} }

// ShowScreen selects the main window's screen called name and reports
// whether there is one (there is none while the vault is locked).
func (a *App) ShowScreen(name string) bool {
	if a.tabs == nil {
		return false
	}
	if name == ScreenImport {
		a.ShowScreen(ScreenCertificates)
		a.openWizard()
		return true
	}
	for i, n := range screenNames() {
		if n == name {
			a.tabs.SelectIndex(i)
			a.focusCurrent()
			a.setScreen(name)
			return true
		}
	}
	return false
}

// Search types text into the Lookup screen's search field.
func (a *App) Search(text string) bool {
	if a.lookup == nil {
		return false
	}
	a.lookup.search.SetText(text)
	return true
}

// LookUp types number into the Lookup screen and looks it up, as Enter
// does, then shows the dossier's tab (0 the company, 1 the beneficial
// owners, 2 the ownership graph).
func (a *App) LookUp(number string, tab int) bool {
	if !a.ShowScreen(ScreenLookup) {
		return false
	}
	a.lookup.tab = tab
	a.lookup.openUnit(number)
	return true
}

// focusCurrent puts the keyboard focus where the user will type next.
func (a *App) focusCurrent() {
	if a.tabs != nil && a.tabs.SelectedIndex() == 0 {
		a.win.Canvas().Focus(a.lookup.search)
	}
}

// openWizard opens the certificate wizard (one at a time) and returns it.
func (a *App) openWizard() *certWizard {
	a.activity()
	if a.tabs == nil {
		return nil
	}
	if a.wizard == nil {
		a.wizard = newCertWizard(a, func() {
			a.certificates.reload()
			a.ShowScreen(ScreenCertificates)
		})
		a.wizard.open()
	}
	return a.wizard
}

// dropped takes a certificate file dropped on the window into the wizard.
func (a *App) dropped(_ fyne.Position, uris []fyne.URI) {
	if a.tabs == nil || len(uris) == 0 {
		return
	}
	w := a.openWizard()
	w.show(stepFile)
	w.loadURI(uris[0])
}

// refreshBanner shows the banner when a stored certificate expires within
// 60 days, and once a day a desktop notification saying so.
func (a *App) refreshBanner(list []certs.Stored) {
	var soon []certs.Stored
	for _, c := range list {
		if c.Info.DaysLeft <= certs.ExpiringDays {
			soon = append(soon, c)
		}
	}
	if len(soon) == 0 {
		a.banner.Hide()
		return
	}
	first := soon[0]
	for _, c := range soon[1:] {
		if c.Info.DaysLeft < first.Info.DaysLeft {
			first = c
		}
	}
	var text string
	if first.Info.DaysLeft < 0 {
		text = lang.L("The certificate “{{.Name}}” has expired. Order a new one from the register.", map[string]any{"Name": first.Name})
	} else {
		text = lang.L("The certificate “{{.Name}}” expires in {{.Days}} days. Order a renewal from the register now.", map[string]any{"Name": first.Name, "Days": first.Info.DaysLeft})
	}
	if len(soon) > 1 {
		text += " " + lang.L("({{.Count}} certificates need attention.)", map[string]any{"Count": len(soon)})
	}
	a.bannerText.SetText(text)
	a.banner.Show()
	today := time.Now().Format(guikit.DateLayout)
	if a.prefs.LastExpiryNotice() != today {
		a.prefs.SetLastExpiryNotice(today)
		a.fyne.SendNotification(fyne.NewNotification("Motpart", text))
	}
}

// lock closes the vault and shows the unlock screen.
func (a *App) lock() {
	if err := a.desk.Lock(); err != nil {
		fyne.LogError("locking the vault", err)
	}
	a.showGate()
}

// Unlock opens the vault with password and shows the main window; for
// cmd/desktop when the password comes from the environment.
func (a *App) Unlock(password []byte) error {
	if err := a.desk.Unlock(password); err != nil {
		return err
	}
	a.showMain()
	return nil
}

// changeLanguage is called from Settings: it stores the choice and redraws
// every screen in the new language, staying on Settings.
func (a *App) changeLanguage(code string) {
	a.prefs.SetLanguage(code)
	a.language = a.setLanguage(code)
	search := a.lookup.search.Text
	a.showMain()
	a.lookup.search.SetText(search)
	a.ShowScreen(ScreenSettings)
}

// background runs work off the UI goroutine, then done on it with work's
// error. Tests wait for it with waitIdle.
func (a *App) background(work func() error, done func(error)) {
	a.jobs.Add(1)
	go func() {
		defer a.jobs.Done()
		err := work()
		a.do(func() { done(err) })
	}()
}

// waitIdle waits until no background work runs.
func (a *App) waitIdle() { a.jobs.Wait() }

// installShortcuts adds the main window's keyboard shortcuts: Ctrl+L locks,
// Ctrl+F goes to the search field.
func (a *App) installShortcuts() {
	// Adding a shortcut under a name it already has replaces it.
	c := a.win.Canvas()
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		if a.tabs != nil {
			a.lock()
		}
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		a.ShowScreen(ScreenLookup)
	})
	// Alt+Left and Alt+Right go back and forward between dossiers, as in
	// a browser; Ctrl+R looks the dossier up again.
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}, func(fyne.Shortcut) {
		if a.lookup != nil {
			a.lookup.goBack()
		}
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt}, func(fyne.Shortcut) {
		if a.lookup != nil {
			a.lookup.goForward()
		}
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		if a.lookup != nil {
			a.lookup.lookUp()
		}
	})
}
