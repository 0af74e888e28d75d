// Package gui is Motpart's window, built with Fyne: the App that assembles
// the screens, navigates between them and locks the vault when it is left
// alone. Each screen is its own package beside this one (gate, lookup,
// certificates, settings, classify, clients), declaring the small part of the use cases it
// needs; guikit holds what they share. Nothing under internal/gui talks to
// a register, the vault or the network itself: cmd/desktop passes the use
// cases in as a Desk. Long work runs in goroutines and changes the screen
// only through fyne.Do.
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

	"github.com/motpart/motpart/internal/gui/certificates"
	"github.com/motpart/motpart/internal/gui/classify"
	"github.com/motpart/motpart/internal/gui/clients"
	"github.com/motpart/motpart/internal/gui/gate"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/gui/lookup"
	"github.com/motpart/motpart/internal/gui/settings"
)

// Screen names, for Screen.
const (
	ScreenCreate       = "create"       // first start: make the vault
	ScreenUnlock       = "unlock"       // later starts and after locking
	ScreenLookup       = "lookup"       // the main window's Lookup tab
	ScreenCertificates = "certificates" // the main window's Certificates tab
	ScreenSettings     = "settings"     // the main window's Settings tab
	ScreenImport       = "import"       // the certificate wizard over Certificates
	ScreenClassify     = "classify"     // the main window's Classify customers tab
	ScreenClients      = "clients"      // the main window's Clients tab
)

// App is Motpart's main window and the state its screens share.
type App struct {
	host *guikit.Host
	win  fyne.Window
	desk Desk

	// language is the interface language in use ("en", "sv", "nb", "fi").
	language string
	// tabs is the main window's navigation; nil while locked.
	tabs *container.AppTabs
	// lookup, certificates and settings are the main window's screens.
	lookup       *lookup.Screen
	certificates *certificates.Screen
	settings     *settings.Screen
	classify     *classify.Screen
	clients      *clients.Screen
	// clientsTab is the Clients tab, whose title shows a running check's
	// progress.
	clientsTab *container.TabItem
	// gate is the create or unlock screen; nil while unlocked.
	gate *gate.Screen
	// lockButton is the main window's Lock button.
	lockButton *widget.Button

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
	fa.SetIcon(guikit.Icon())
	win := fa.NewWindow("Motpart")
	a := &App{host: guikit.NewHost(fa, win), win: win, desk: d}
	a.host.SetOnActivity(a.activity)
	a.host.SetEnvironment(d.EnvironmentName)
	a.language = a.setLanguage(a.host.Prefs.Language())
	a.win.Resize(fyne.NewSize(980, 680))
	a.win.SetMaster()
	a.win.SetOnClosed(func() {
		a.beforeLock() // the note being written is kept as a draft
		_ = a.desk.Lock()
	})
	a.showGate()
	return a
}

// SetAbout sets what the About box says of this build.
func (a *App) SetAbout(about guikit.About) { a.host.About = about }

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
	used, err := guikit.ApplyLanguage(code)
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
	if a.certificates != nil {
		a.certificates.CloseWizard()
	}
	if a.lookup != nil {
		a.lookup.Close()
	}
	if a.classify != nil {
		a.classify.Close()
	}
	if a.clients != nil {
		a.clients.Close() // a running check is paused, to continue later
	}
	a.tabs, a.lookup, a.certificates, a.settings, a.classify, a.clients, a.clientsTab = nil, nil, nil, nil, nil, nil, nil
	a.gate = gate.New(a.host, a.desk, !a.desk.VaultExists(), a.showMain)
	a.win.SetContent(guikit.WithBand(a.host, a.gate.Content()))
	a.gate.Focus()
	if a.gate.Creates() {
		a.setScreen(ScreenCreate)
	} else {
		a.setScreen(ScreenUnlock)
	}
}

// showMain builds the unlocked window: a bar with the Lock button over the
// screens, with the search field focused.
func (a *App) showMain() {
	a.gate = nil
	a.lookup = lookup.New(a.host, a.desk)
	a.certificates = certificates.New(a.host, a.desk, func() { a.showScreen(ScreenCertificates) })
	a.settings = settings.New(a.host, a.desk, a.changeLanguage, a.startAutoLock)
	a.classify = classify.New(a.host, a.desk)
	a.clients = clients.New(a.host, a.desk, a.openClient)
	a.certificates.SetOnChanged(a.settings.ReloadCertificates)
	a.settings.SetOnRestored(a.lock)
	a.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Look up"), theme.SearchIcon(), a.lookup.Content()),
		container.NewTabItemWithIcon(lang.L("Certificates"), theme.AccountIcon(), a.certificates.Content()),
		container.NewTabItemWithIcon(lang.L("Settings"), theme.SettingsIcon(), a.settings.Content()),
		container.NewTabItemWithIcon(lang.L("Classify customers"), theme.ListIcon(), a.classify.Content()),
	)
	a.clientsTab = container.NewTabItemWithIcon(lang.L("Clients"), theme.ContentPasteIcon(), a.clients.Content())
	a.tabs.Append(a.clientsTab)
	a.clients.SetOnCheckProgress(a.checkProgress)
	a.tabs.SetTabLocation(container.TabLocationLeading)
	a.tabs.OnSelected = func(*container.TabItem) {
		a.activity()
		a.focusCurrent()
		a.setScreen(screenNames()[a.tabs.SelectedIndex()])
	}
	a.lockButton = widget.NewButtonWithIcon(lang.L("Lock"), theme.LogoutIcon(), a.lock)
	title := widget.NewLabelWithStyle("Motpart", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := container.NewBorder(nil, nil, title, a.lockButton)
	a.win.SetContent(container.NewBorder(container.NewVBox(guikit.NewBand(a.host), bar, a.certificates.Banner(), a.settings.BackupBanner()), nil, nil, nil, a.tabs))
	a.win.SetOnDropped(a.dropped)
	a.focusCurrent()
	a.setScreen(ScreenLookup)
	a.startAutoLock()
	a.installShortcuts()
	a.checkIfDue()
}

// openClient shows a client's dossier on the Lookup screen: the copy
// saved by its last lookup or check, else a lookup.
func (a *App) openClient(number string) {
	if a.showScreen(ScreenLookup) {
		a.lookup.OpenSaved(number)
	}
}

// checkIfDue starts checking the clients in the background when the
// settings ask for it at start and the last check is more than a day
// old; the Clients tab shows its progress.
func (a *App) checkIfDue() {
	var due bool
	screen := a.clients
	a.host.Background(func() error {
		var err error
		due, err = a.desk.CheckDue()
		return err
	}, func(err error) {
		if err != nil || !due || a.clients != screen || screen == nil {
			return
		}
		screen.StartCheck()
	})
}

// checkProgress shows a running check's progress in the Clients tab's
// title ("Clients · 143 of 300"), and the plain title when text is "".
func (a *App) checkProgress(text string) {
	if a.clientsTab == nil || a.tabs == nil {
		return
	}
	title := lang.L("Clients")
	if text != "" {
		title += " · " + text
	}
	if a.clientsTab.Text != title {
		a.clientsTab.Text = title
		a.tabs.Refresh()
	}
}

// screenNames lists the main window's screens in navigation order.
func screenNames() []string {
	return []string{ScreenLookup, ScreenCertificates, ScreenSettings, ScreenClassify, ScreenClients}
}

// showScreen selects the main window's screen called name and reports
// whether there is one (there is none while the vault is locked).
func (a *App) showScreen(name string) bool {
	if a.tabs == nil {
		return false
	}
	if name == ScreenImport {
		a.showScreen(ScreenCertificates)
		a.certificates.OpenWizard()
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

// focusCurrent puts the keyboard focus where the user will type next.
func (a *App) focusCurrent() {
	if a.tabs != nil && a.tabs.SelectedIndex() == 0 {
		a.lookup.Focus()
	}
}

// dropped takes a customer file (.csv, .xlsx) dropped on the window to
// Classify customers, and any other file into the certificate wizard.
func (a *App) dropped(_ fyne.Position, uris []fyne.URI) {
	if a.tabs == nil || len(uris) == 0 {
		return
	}
	if classify.IsCustomerFile(uris[0].Name()) {
		a.showScreen(ScreenClassify)
		a.classify.Drop(uris[0])
		return
	}
	a.certificates.Drop(uris[0])
}

// lock closes the vault and shows the unlock screen.
func (a *App) lock() {
	a.beforeLock() // keeps the note being written, closes dialogs (autolock.go)
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
// every screen in the new language, staying on Settings. The Lookup screen
// keeps what it showed (the typed text, the dossier on its tab, back and
// forward) without asking the registers again.
func (a *App) changeLanguage(code string) {
	a.host.Prefs.SetLanguage(code)
	a.language = a.setLanguage(code)
	state := a.lookup.State()
	a.lookup.Close()
	a.showMain()
	a.lookup.Restore(state)
	a.showScreen(ScreenSettings)
}

// installShortcuts adds the main window's keyboard shortcuts. They work
// while a text field has the focus too: the screens' fields are
// guikit.Entry, which pass them on to the Host.
//
//	Ctrl+L          lock
//	Ctrl+F          the search field
//	Ctrl+1 to 5     Look up, Certificates, Settings, Classify customers, Clients
//	Alt+Left/Right  back and forward between dossiers, as in a browser
//	Ctrl+R          look the dossier up again
//	Ctrl+Tab        the dossier's next tab (with Shift the previous one)
//	Ctrl+Shift+O    order AML documents for the dossier shown
//	Ctrl+Shift+K    make a KYC report of the dossier shown
func (a *App) installShortcuts() {
	// Adding a shortcut under a name it already has replaces it.
	ctrl := func(key fyne.KeyName, f func()) {
		a.host.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
			a.activity()
			f()
		})
	}
	onLookup := func(f func()) func() {
		return func() {
			if a.tabs != nil && a.tabs.SelectedIndex() == 0 {
				f()
			}
		}
	}
	ctrl(fyne.KeyL, func() {
		if a.tabs != nil {
			a.lock()
		}
	})
	ctrl(fyne.KeyF, func() {
		if a.showScreen(ScreenLookup) {
			a.lookup.Search.TypedShortcut(&fyne.ShortcutSelectAll{})
		}
	})
	for i, key := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5} {
		ctrl(key, func() { a.showScreen(screenNames()[i]) })
	}
	ctrl(fyne.KeyR, onLookup(func() { a.lookup.LookUp() }))
	alt := func(key fyne.KeyName, f func()) {
		a.host.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierAlt}, func(fyne.Shortcut) {
			a.activity()
			f()
		})
	}
	alt(fyne.KeyLeft, onLookup(func() { a.lookup.Back() }))
	alt(fyne.KeyRight, onLookup(func() { a.lookup.Forward() }))
	// Ctrl+Tab and Ctrl+Shift+Tab go through the dossier's tabs.
	ctrl(fyne.KeyTab, onLookup(func() { a.lookup.NextTab(1) }))
	previousTab := onLookup(func() { a.lookup.NextTab(-1) })
	a.host.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}, func(fyne.Shortcut) {
		a.activity()
		previousTab()
	})
	orderAML := onLookup(func() { a.lookup.OrderAML() })
	a.host.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}, func(fyne.Shortcut) {
		a.activity()
		orderAML()
	})
	makeReport := onLookup(func() { a.lookup.MakeReport() })
	a.host.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}, func(fyne.Shortcut) {
		a.activity()
		makeReport()
	})
}
