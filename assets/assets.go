// Package assets holds the files embedded into Motpart: the application
// icon and the translations of every string the user sees.
package assets

import (
	"embed"
	_ "embed" // for the icon
)

// Icon is the application icon as a 512×512 PNG (drawn by scripts/drawicon).
//
//go:embed icon.png
var Icon []byte

// Translations holds translations/{en,sv,nb,fi}.json in the go-i18n JSON
// format that fyne.io/fyne/v2/lang reads, and fyne.{nb,fi}.json: Fyne's
// own dialog texts in the two languages Fyne lacks.
//
//go:embed translations/*.json
var Translations embed.FS

// TranslationsDir is the directory inside Translations that holds the files.
const TranslationsDir = "translations"
