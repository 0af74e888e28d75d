package guikit

import (
	"fmt"
	"os"
	"runtime"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/motpart/motpart/assets"
)

// SupportedLanguages are the interface languages, in the order Settings
// offers them.
func SupportedLanguages() []string { return []string{"en", "sv", "nb", "fi"} }

// LanguageName is each language's name in itself, as a language menu shows it.
func LanguageName(code string) string {
	switch code {
	case "en":
		return "English"
	case "sv":
		return "Svenska"
	case "nb":
		return "Norsk bokmål"
	case "fi":
		return "Suomi"
	}
	return code
}

// SystemLanguage picks the supported language closest to the system locale,
// falling back to English. Norwegian in any form (no, nn, nb) reads bokmål.
func SystemLanguage() string {
	code := strings.ToLower(lang.SystemLocale().LanguageString())
	switch {
	case strings.HasPrefix(code, "sv"):
		return "sv"
	case strings.HasPrefix(code, "nb"), strings.HasPrefix(code, "no"), strings.HasPrefix(code, "nn"):
		return "nb"
	case strings.HasPrefix(code, "fi"):
		return "fi"
	}
	return "en"
}

// ApplyLanguage makes code ("" for the system language) the language of
// every lang.L call from now on, and returns the language chosen.
//
// Fyne picks its language from the user's locales and has no call to
// override it. On Linux and the BSDs those come from $LANGUAGE, which this
// process sets for itself. Elsewhere the chosen file is also loaded under
// the system locale's name, so the matcher finds it there.
func ApplyLanguage(code string) (string, error) {
	if code == "" {
		code = SystemLanguage()
	}
	data, err := assets.Translations.ReadFile(assets.TranslationsDir + "/" + code + ".json")
	if err != nil {
		return "", fmt.Errorf("language %q: %w", code, err)
	}
	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		if err := os.Setenv("LANGUAGE", code); err != nil {
			return "", fmt.Errorf("language %q: %w", code, err)
		}
	}
	if err := lang.AddTranslationsFS(assets.Translations, assets.TranslationsDir); err != nil {
		return "", fmt.Errorf("loading translations: %w", err)
	}
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		if err := lang.AddTranslationsForLocale(data, lang.SystemLocale()); err != nil {
			return "", fmt.Errorf("language %q: %w", code, err)
		}
	}
	return code, nil
}
