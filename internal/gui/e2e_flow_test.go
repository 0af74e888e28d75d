package gui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// press types the shortcut s as the desktop driver does: the focused
// object gets it if it takes shortcuts, otherwise the window does.
func press(a *App, s fyne.Shortcut) {
	onUI(func() {
		if f, ok := a.win.Canvas().Focused().(fyne.Shortcutable); ok {
			f.TypedShortcut(s)
			return
		}
		a.host.TypedShortcut(s)
	})
	a.host.WaitIdle()
}

func ctrl(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

func alt(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierAlt}
}

// typeNumber puts number in the focused, emptied search field.
func typeNumber(a *App, number string) {
	onUI(func() {
		a.win.Canvas().Focus(a.lookup.Search)
		a.lookup.Search.SetText(number)
	})
}

func TestShortcutsWorkInAFocusedSearchField(t *testing.T) {
	a := newUnlockedApp(t, "en")
	shown := func() string {
		if d := a.lookup.Current(); d != nil {
			return d.Number
		}
		return ""
	}
	steps := []struct {
		name       string
		typed      string // typed into the focused search field first; "" types nothing
		shortcut   fyne.Shortcut
		searchKeys bool // the search field has the focus when the shortcut is typed
		wantScreen string
		wantShown  string // the dossier shown after; "" to skip
		wantTab    int    // the dossier's tab after, when one is shown
	}{
		{"Ctrl+R looks up", world.RichestOrgNr, ctrl(fyne.KeyR), true, ScreenLookup, world.RichestOrgNr, 0},
		{"Ctrl+R again", world.AuditorOrgNr, ctrl(fyne.KeyR), true, ScreenLookup, world.AuditorOrgNr, 0},
		{"Alt+Left goes back", "", alt(fyne.KeyLeft), true, ScreenLookup, world.RichestOrgNr, 0},
		{"Alt+Right goes forward", "", alt(fyne.KeyRight), true, ScreenLookup, world.AuditorOrgNr, 0},
		{"Ctrl+Tab shows the owners", "", ctrl(fyne.KeyTab), true, ScreenLookup, world.AuditorOrgNr, 1},
		{"Ctrl+Shift+Tab the company", "", &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}, true, ScreenLookup, world.AuditorOrgNr, 0},
		{"Ctrl+Shift+Tab wraps to the documents", "", &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}, true, ScreenLookup, world.AuditorOrgNr, 3},
		{"Ctrl+Shift+Tab again the ownership", "", &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}, true, ScreenLookup, world.AuditorOrgNr, 2},
		{"Ctrl+2 shows Certificates", "", ctrl(fyne.Key2), true, ScreenCertificates, "", 0},
		{"Ctrl+1 shows Look up", "", ctrl(fyne.Key1), false, ScreenLookup, world.AuditorOrgNr, 2},
		{"Ctrl+3 shows Settings", "", ctrl(fyne.Key3), true, ScreenSettings, "", 0},
		{"Ctrl+F goes to the search field", "", ctrl(fyne.KeyF), false, ScreenLookup, world.AuditorOrgNr, 2},
		{"Ctrl+L locks", "", ctrl(fyne.KeyL), true, ScreenUnlock, "", 0},
	}
	for _, st := range steps {
		if st.typed != "" {
			typeNumber(a, st.typed)
		}
		if st.searchKeys {
			onUI(func() { a.win.Canvas().Focus(a.lookup.Search) })
			if a.win.Canvas().Focused() != a.lookup.Search {
				t.Fatalf("%s: the search field does not have the focus", st.name)
			}
		}
		press(a, st.shortcut)
		if got := a.Screen(); got != st.wantScreen {
			t.Fatalf("%s: screen %q, want %q", st.name, got, st.wantScreen)
		}
		if st.wantShown != "" && shown() != st.wantShown {
			t.Errorf("%s: shows %q, want %q", st.name, shown(), st.wantShown)
		}
		if st.wantShown != "" {
			if got := a.lookup.DossierTab(); got != st.wantTab {
				t.Errorf("%s: dossier tab %d, want %d", st.name, got, st.wantTab)
			}
		}
		if st.wantScreen == ScreenLookup && a.win.Canvas().Focused() != a.lookup.Search {
			t.Errorf("%s: focus on %T, want the search field", st.name, a.win.Canvas().Focused())
		}
	}
}

func TestCtrlFSelectsTheSearchText(t *testing.T) {
	a := newUnlockedApp(t, "en")
	typeNumber(a, world.RichestOrgNr)
	press(a, ctrl(fyne.Key3))
	press(a, ctrl(fyne.KeyF))
	if got := a.lookup.Search.SelectedText(); got != world.RichestOrgNr {
		t.Errorf("selected %q after Ctrl+F, want the whole number", got)
	}
}

func TestLanguageSwitchKeepsTheDossierAndBackForward(t *testing.T) {
	a := newUnlockedApp(t, "en")
	for _, n := range []string{world.RichestOrgNr, world.AuditorOrgNr, world.BankruptOrgNr} {
		typeNumber(a, n)
		press(a, ctrl(fyne.KeyR))
	}
	press(a, alt(fyne.KeyLeft)) // the auditor, with the bankrupt unit ahead
	before := a.lookup.Current()
	visited, at := a.lookup.Trail()
	if before == nil || before.Number != world.AuditorOrgNr || at != 1 {
		t.Fatalf("before the switch: %v at %d", visited, at)
	}
	tests := []struct {
		language   string
		choice     int // index in the language select
		wantLookup string
	}{
		{"sv", 2, "Sök"},
		{"fi", 4, "Haku"},
		{"en", 1, "Look up"},
	}
	for _, tt := range tests {
		a.showScreen(ScreenSettings)
		onUI(func() { a.settings.Language.SetSelectedIndex(tt.choice) })
		a.host.WaitIdle()
		if got := a.tabs.Items[0].Text; got != tt.wantLookup {
			t.Errorf("%s: Lookup tab %q, want %q", tt.language, got, tt.wantLookup)
		}
		if got := a.lookup.Current(); got != before {
			t.Errorf("%s: the dossier shown changed (or was looked up again): %+v", tt.language, got)
		}
		if v, i := a.lookup.Trail(); !slices.Equal(v, visited) || i != at {
			t.Errorf("%s: back/forward %v at %d, want %v at %d", tt.language, v, i, visited, at)
		}
		if got := a.lookup.Search.Text; got != world.AuditorOrgNr {
			t.Errorf("%s: search field %q", tt.language, got)
		}
	}
	// Back and forward still work from the carried history.
	a.showScreen(ScreenLookup)
	press(a, alt(fyne.KeyRight))
	if got := a.lookup.Current(); got == nil || got.Number != world.BankruptOrgNr {
		t.Errorf("forward after the switches shows %+v", got)
	}
	press(a, alt(fyne.KeyLeft))
	press(a, alt(fyne.KeyLeft))
	if got := a.lookup.Current(); got == nil || got.Number != world.RichestOrgNr {
		t.Errorf("back twice shows %+v", got)
	}
}
