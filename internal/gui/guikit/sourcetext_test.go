package guikit

import (
	"testing"

	"github.com/motpart/motpart/internal/dossier"
)

// TestUnknownMessagesInWords: a source's own English message, for a case
// Motpart has no words for, reaches an English reader as it is; the others
// read in their language that the register said something Motpart does not
// know, with the code to quote to support, and no English.
func TestUnknownMessagesInWords(t *testing.T) {
	src := dossier.Source{Code: "weird", Message: "The register said weird."}
	note := dossier.SourceNote{Code: "1999", Message: "Some information is not registered (code 1999)."}
	for _, tt := range []struct {
		lng, source, note string
	}{
		{"en", "The register said weird.", "Some information is not registered (code 1999)."},
		{"nb", "Registeret svarte med en kode som Motpart ikke kjenner (weird).", "Registeret ga en merknad som Motpart ikke kjenner (1999)."},
		{"sv", "Registret svarade med en kod som Motpart inte känner till (weird).", "Registret gjorde en anmärkning som Motpart inte känner till (1999)."},
		{"fi", "Rekisteri vastasi koodilla, jota Motpart ei tunne (weird).", "Rekisteri antoi huomautuksen, jota Motpart ei tunne (1999)."},
	} {
		t.Setenv("LANGUAGE", tt.lng)
		if _, err := ApplyLanguage(tt.lng); err != nil {
			t.Fatal(err)
		}
		if got := SourceDetailText(src); got != tt.source {
			t.Errorf("%s: source %q, want %q", tt.lng, got, tt.source)
		}
		if got := NoteText(note); got != tt.note {
			t.Errorf("%s: note %q, want %q", tt.lng, got, tt.note)
		}
	}
	t.Setenv("LANGUAGE", "en")
	if _, err := ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
}
