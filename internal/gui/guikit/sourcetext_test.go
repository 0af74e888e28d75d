package guikit

import (
	"testing"

	"github.com/motpart/motpart/internal/dossier"
)

// TestEnglishMessagesAreMarked: a source's own English message, for a case
// Motpart has no words for, is said to be English outside English.
func TestEnglishMessagesAreMarked(t *testing.T) {
	src := dossier.Source{Code: "weird", Message: "The register said weird."}
	note := dossier.SourceNote{Code: "1999", Message: "Some information is not registered (code 1999)."}
	for _, tt := range []struct {
		lng, source, note string
	}{
		{"en", "The register said weird.", "Some information is not registered (code 1999)."},
		{"nb", "Kildens melding, på engelsk: «The register said weird.»", "Kildens melding, på engelsk: «Some information is not registered (code 1999).»"},
		{"sv", "Källans meddelande, på engelska: ”The register said weird.”", "Källans meddelande, på engelska: ”Some information is not registered (code 1999).”"},
		{"fi", "Lähteen viesti englanniksi: ”The register said weird.”", "Lähteen viesti englanniksi: ”Some information is not registered (code 1999).”"},
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
