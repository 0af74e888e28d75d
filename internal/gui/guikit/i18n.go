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

// CurrentLanguage is the code of the language lang.L speaks now ("en",
// "sv", "nb" or "fi"): each translation file says its own code.
func CurrentLanguage() string { return lang.L("en") }

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

// FileSizeText is a file size in the user's words: bytes below 1 KiB,
// otherwise kilobytes with one decimal, written with the language's
// decimal separator and unit ("2,3 kB", "2,3 kt").
func FileSizeText(n int) string {
	if n < 1024 {
		return lang.L("{{.Count}} bytes", map[string]any{"Count": n})
	}
	tenths := (n*10 + 512) / 1024
	return lang.L("{{.Whole}}.{{.Tenth}} KB", map[string]any{"Whole": tenths / 10, "Tenth": tenths % 10})
}

// KeyText names a certificate's key for people: its type (RSA, ECDSA,
// Ed25519) and its size in bits.
func KeyText(keyType string, bits int) string {
	return lang.L("{{.Type}} key, {{.Bits}} bits", map[string]any{"Type": keyType, "Bits": bits})
}
