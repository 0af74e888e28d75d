package brreg

import (
	"fmt"
	"net/http"
	"testing"
)

// TestClosedUnits reads nedleggelsesdato into the dossier: before issue 11
// it was ignored, so a closed sub-unit that is not (yet) deleted looked
// active, in its own dossier and in its legal unit's list of sub-units.
func TestClosedUnits(t *testing.T) {
	const (
		legal    = "313513408"
		closed   = "974760673"
		active   = "310219622"
		badClose = "923609016"
	)
	subUnit := func(nr, closedOn string) string {
		s := `{"organisasjonsnummer":"` + nr + `","navn":"AVDELING ` + nr + `","organisasjonsform":{"kode":"BEDR","beskrivelse":"Bedrift"},"overordnetEnhet":"` + legal + `"`
		if closedOn != "" {
			s += `,"nedleggelsesdato":"` + closedOn + `"`
		}
		return s + "}"
	}
	search := fmt.Sprintf(`{"_embedded":{"underenheter":[%s,%s]},"page":{"size":500,"totalElements":2,"totalPages":1,"number":0}}`,
		subUnit(closed, "2024-05-31"), subUnit(active, ""))
	srv := newRESTServer(t, map[string]http.HandlerFunc{
		"/enheter/" + legal:                         reply(200, []byte(`{"organisasjonsnummer":"`+legal+`","navn":"TENOR AS","nedleggelsesdato":"2025-01-02"}`)),
		"/enheter/" + legal + "/roller":             reply(200, []byte(`{"rollegrupper":[]}`)),
		"/underenheter?overordnetEnhet=" + legal:    reply(200, []byte(search)),
		"/enheter/" + closed:                        reply(404, springError(404, "")),
		"/underenheter/" + closed:                   reply(200, []byte(subUnit(closed, "2024-05-31"))),
		"/enheter/" + active:                        reply(404, springError(404, "")),
		"/underenheter/" + active:                   reply(200, []byte(subUnit(active, ""))),
		"/enheter/" + badClose:                      reply(404, springError(404, "")),
		"/underenheter/" + badClose:                 reply(200, []byte(subUnit(badClose, "31.05.2024"))),
		"/underenheter?overordnetEnhet=" + badClose: reply(200, []byte(search)),
	})
	c := srv.client(t)

	for _, tc := range []struct {
		number     string
		closedDate string
		subUnit    bool
		failed     bool
	}{
		{number: legal, closedDate: "2025-01-02"},
		{number: closed, closedDate: "2024-05-31", subUnit: true},
		{number: active, subUnit: true},
		{number: badClose, failed: true},
	} {
		t.Run(tc.number, func(t *testing.T) {
			res := c.Lookup(t.Context(), tc.number)
			if tc.failed {
				if res.Company != nil || res.Source.Code != CodeMalformed {
					t.Errorf("a date that is not one: %+v", res.Source)
				}
				return
			}
			if res.Company == nil {
				t.Fatalf("source %+v", res.Source)
			}
			if res.Company.ClosedDate != tc.closedDate || res.Company.SubUnit != tc.subUnit || res.Company.Deleted {
				t.Errorf("closed %q, sub-unit %v, deleted %v; want closed %q, sub-unit %v",
					res.Company.ClosedDate, res.Company.SubUnit, res.Company.Deleted, tc.closedDate, tc.subUnit)
			}
			if tc.number == legal {
				got := map[string]string{}
				for _, u := range res.SubUnits {
					got[u.Number] = u.ClosedDate
				}
				if len(got) != 2 || got[closed] != "2024-05-31" || got[active] != "" {
					t.Errorf("sub-units %+v", res.SubUnits)
				}
			}
		})
	}
}
