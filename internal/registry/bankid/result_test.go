package bankid

import (
	"reflect"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
)

// TestScreeningIntoDossier: hits as objects (the simulator's shape) and as
// bare names (the older one) both reach the dossier with their list and
// detail; a birth date joins the detail; no sanction block stays nil.
func TestScreeningIntoDossier(t *testing.T) {
	tests := []struct {
		name string
		json string
		want *dossier.Screening
	}{
		{"objects", `{"keyInformation":{"name":"A AB"},"sanction":{"lists":["EU","UN","OFAC"],"date":"2026-02-27",
			"hits":[{"name":"Ivan Primerov","list":"EU","detail":"Asset freeze","birthDate":"1961-07-07"}],
			"pepHits":[{"name":"Aino Mäkelä","list":"PEP","detail":"Member of parliament"}]}}`,
			&dossier.Screening{Lists: []string{"EU", "UN", "OFAC"}, Date: "2026-02-27",
				Sanctions: []dossier.ScreeningHit{{Name: "Ivan Primerov", List: "EU", Detail: "Asset freeze; born 1961-07-07"}},
				PEP:       []dossier.ScreeningHit{{Name: "Aino Mäkelä", List: "PEP", Detail: "Member of parliament"}}}},
		{"bare names", `{"keyInformation":{"name":"A AB"},"sanction":{"lists":["EU"],"date":"2026-02-27","hits":["X Ltd"],"pepHits":[]}}`,
			&dossier.Screening{Lists: []string{"EU"}, Date: "2026-02-27", Sanctions: []dossier.ScreeningHit{{Name: "X Ltd"}}}},
		{"no hits", `{"keyInformation":{"name":"A AB"},"sanction":{"lists":["EU","UN"],"date":"2026-02-27","hits":[],"pepHits":[]}}`,
			&dossier.Screening{Lists: []string{"EU", "UN"}, Date: "2026-02-27"}},
		{"no block", `{"keyInformation":{"name":"A AB"}}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseResult([]byte(tt.json))
			if err != nil {
				t.Fatal(err)
			}
			got := r.Dossier("s1", ident.CountrySE, time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)).Screening
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
		})
	}
	if _, err := ParseResult([]byte(`{"keyInformation":{"name":"A"},"sanction":{"hits":[7]}}`)); err == nil {
		t.Fatal("a hit that is a number was accepted")
	}
}
