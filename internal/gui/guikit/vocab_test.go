package guikit

import (
	"encoding/json"
	"testing"

	"github.com/motpart/motpart/assets"
	"github.com/motpart/motpart/internal/dossier"
)

// closedSets are the registers' closed sets of codes with the function
// that words each code.
var closedSets = []struct {
	name  string
	codes func() []string
	words func(dossier.Code) string
}{
	{"role", RoleCodes, RoleName},
	{"organisation form", FormCodes, formWordsOf},
	{"owners status", OwnersStatusCodes, OwnersStatusText},
	{"position", PositionCodes, PositionName},
	{"basis", BasisCodes, BasisName},
}

func formWordsOf(c dossier.Code) string { return formWords(c.Code) }

// translationFile is the translation file of language lng.
func translationFile(t *testing.T, lng string) map[string]string {
	t.Helper()
	data, err := assets.Translations.ReadFile(assets.TranslationsDir + "/" + lng + ".json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s.json: %v", lng, err)
	}
	return m
}

// TestEveryClosedSetCodeHasWordsInEveryLanguage: each code of the closed
// sets is worded in English (not by its code, nor by the register's
// Norwegian description, which the test leaves out), and sv, nb and fi
// each give it their own words from their translation file.
func TestEveryClosedSetCodeHasWordsInEveryLanguage(t *testing.T) {
	english := map[string]string{}
	t.Setenv("LANGUAGE", "en")
	if _, err := ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	for _, set := range closedSets {
		if len(set.codes()) == 0 {
			t.Errorf("%s: no codes", set.name)
		}
		for _, code := range set.codes() {
			w := set.words(dossier.Code{Code: code})
			if w == "" || w == code {
				t.Errorf("%s %s: no English words (%q)", set.name, code, w)
			}
			english[set.name+" "+code] = w
		}
	}
	for _, lng := range []string{"sv", "nb", "fi"} {
		file := translationFile(t, lng)
		t.Setenv("LANGUAGE", lng)
		if _, err := ApplyLanguage(lng); err != nil {
			t.Fatal(err)
		}
		for _, set := range closedSets {
			for _, code := range set.codes() {
				en := english[set.name+" "+code]
				want, ok := file[en]
				if !ok || want == "" {
					t.Errorf("%s.json has no words for %s %s (%q)", lng, set.name, code, en)
					continue
				}
				if got := set.words(dossier.Code{Code: code}); got != want {
					t.Errorf("%s: %s %s is %q, the file says %q", lng, set.name, code, got, want)
				}
			}
		}
	}
	if _, err := ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
}

func TestCodesOutsideTheSetsKeepTheRegistersWords(t *testing.T) {
	t.Setenv("LANGUAGE", "en")
	if _, err := ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		got  string
		want string
	}{
		{"role", RoleName(dossier.Code{Code: "XYZW", Description: "Ukjent rolle"}), "Ukjent rolle"},
		{"role without words", RoleName(dossier.Code{Code: "XYZW"}), "XYZW"},
		{"role, lower case", RoleName(dossier.Code{Code: "dagl", Description: "Daglig leder"}), "Chief executive"},
		{"form", FormName(dossier.Code{Code: "AS", Description: "Aksjeselskap"}), "Private limited company (AS)"},
		{"form outside", FormName(dossier.Code{Code: "BRL", Description: "Borettslag"}), "Borettslag (BRL)"},
		{"position of the example file", PositionName(dossier.Code{Code: "grunnlagtype.anne"}), "Controls by other means"},
		{"position outside", PositionName(dossier.Code{Code: "posisjontype.ny", Description: "Ny posisjon"}), "Ny posisjon"},
		{"interval, capital I", IntervalText(dossier.Code{Code: "stoerrelseIntervall.int1"}), "25.01–49.99\u00a0%"},
		{"interval 2", IntervalText(dossier.Code{Code: "stoerrelseintervall.int2"}), "50–74.99\u00a0%"},
		{"interval 3", IntervalText(dossier.Code{Code: "stoerrelseintervall.int3"}), "75–100\u00a0%"},
		{"interval outside", IntervalText(dossier.Code{Code: "stoerrelseintervall.int9", Description: "over 90%"}), "over 90%"},
		{"status outside", OwnersStatusText(dossier.Code{Code: "x", Description: "Noe annet"}), "Noe annet"},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestCountriesInEachLanguage(t *testing.T) {
	for _, tt := range []struct {
		lng, code, fallback, want string
	}{
		{"en", "NOR", "Norge", "Norway"},
		{"sv", "NOR", "Norge", "Norge"},
		{"fi", "NOR", "Norge", "Norja"},
		{"nb", "SWE", "", "Sverige"},
		{"fi", "SE", "", "Ruotsi"},
		{"en", "DE", "", "Germany"},
		{"nb", "DEU", "Tyskland", "Tyskland"},
		{"fi", "GB", "", "Iso-Britannia"},
		{"sv", "USA", "", "USA"},
		{"nb", "FIN", "", "Finland"},
		{"nb", "XQ", "Et sted", "Et sted"}, // no country: the register's name
		{"fi", "ZZ", "", "ZZ"},
		{"sv", "", "Okänt", "Okänt"},
	} {
		if got := countryIn(tt.lng, tt.code, tt.fallback); got != tt.want {
			t.Errorf("%s: %q (%q) = %q, want %q", tt.lng, tt.code, tt.fallback, got, tt.want)
		}
	}
}
