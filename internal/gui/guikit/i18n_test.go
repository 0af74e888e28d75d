package guikit

import (
	"testing"

	"github.com/motpart/motpart/internal/dossier"
)

// TestUnitsAndUnknownCodesInEveryLanguage: sizes and keys are written
// with the language's units and decimal separator, and a client's English
// for a code without words reaches only English readers.
func TestUnitsAndUnknownCodesInEveryLanguage(t *testing.T) {
	tests := []struct {
		lang                       string
		small, size, key           string
		unknownSource, unknownNote string
	}{
		{"en", "812 bytes", "2.3 KB", "RSA key, 2048 bits",
			"grunndataWS: the answer could not be parsed", "Some information is not registered (code 1999)."},
		{"sv", "812 byte", "2,3 kB", "RSA-nyckel, 2048 bitar",
			"Registret svarade med en kod som Motpart inte känner till (weird).", "Registret gjorde en anmärkning som Motpart inte känner till (1999)."},
		{"nb", "812 byte", "2,3 kB", "RSA-nøkkel, 2048 biter",
			"Registeret svarte med en kode som Motpart ikke kjenner (weird).", "Registeret ga en merknad som Motpart ikke kjenner (1999)."},
		{"fi", "812 tavua", "2,3 kt", "RSA-avain, 2048 bittiä",
			"Rekisteri vastasi koodilla, jota Motpart ei tunne (weird).", "Rekisteri antoi huomautuksen, jota Motpart ei tunne (1999)."},
	}
	defer ApplyLanguage("en")
	for _, tt := range tests {
		t.Setenv("LANGUAGE", tt.lang)
		if _, err := ApplyLanguage(tt.lang); err != nil {
			t.Fatal(err)
		}
		if got := CurrentLanguage(); got != tt.lang {
			t.Errorf("CurrentLanguage() = %q, want %q", got, tt.lang)
		}
		if got := FileSizeText(812); got != tt.small {
			t.Errorf("%s: FileSizeText(812) = %q, want %q", tt.lang, got, tt.small)
		}
		if got := FileSizeText(2355); got != tt.size {
			t.Errorf("%s: FileSizeText(2355) = %q, want %q", tt.lang, got, tt.size)
		}
		if got := KeyText("RSA", 2048); got != tt.key {
			t.Errorf("%s: KeyText = %q, want %q", tt.lang, got, tt.key)
		}
		src := dossier.Source{ID: "grunndata", Code: "weird", Message: "grunndataWS: the answer could not be parsed"}
		if got := SourceDetailText(src); got != tt.unknownSource {
			t.Errorf("%s: unknown source code: %q, want %q", tt.lang, got, tt.unknownSource)
		}
		note := dossier.SourceNote{Code: "1999", Message: "Some information is not registered (code 1999)."}
		if got := NoteText(note); got != tt.unknownNote {
			t.Errorf("%s: unknown note code: %q, want %q", tt.lang, got, tt.unknownNote)
		}
	}
}
