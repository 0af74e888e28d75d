package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// newSettingsScreen builds the Settings screen.
func newSettingsScreen(a *App) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Settings"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	form := widget.NewForm(widget.NewFormItem(lang.L("Language"), languageSelect(a)))
	return container.NewPadded(container.NewVBox(title, form))
}

// languageSelect offers the system language and each translation; choosing
// one redraws the window in it at once.
func languageSelect(a *App) *widget.Select {
	codes := append([]string{""}, supportedLanguages()...)
	names := make([]string, len(codes))
	names[0] = lang.L("System language")
	for i, c := range codes[1:] {
		names[i+1] = languageName(c)
	}
	sel := widget.NewSelect(names, nil)
	current := a.prefs.Language()
	for i, c := range codes {
		if c == current {
			sel.SetSelectedIndex(i)
		}
	}
	sel.OnChanged = func(string) {
		code := codes[sel.SelectedIndex()]
		if code != a.prefs.Language() {
			a.changeLanguage(code)
		}
	}
	return sel
}
