package sandbox

import (
	"slices"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestRedirectFixtures checks the units grunndataWS redirects from (codes
// 1 and 2 of seed 002) and the unit removed from open data, on both
// services.
func TestRedirectFixtures(t *testing.T) {
	t.Parallel()
	user, pass := shared.GrunndataCredentials()
	c := client(shared)
	for _, tt := range []struct {
		orgnr, target string
		code          int
		words         string
	}{
		{world.DuplicateOrgNr, world.DuplicateOfOrgNr, 1, "slettet som dublett"},
		{world.MergedOrgNr, world.MergedIntoOrgNr, 2, "slettet som sammenslått"},
	} {
		_, doc := call(t, shared, "hentBasisdataMini", user, pass, tt.orgnr)
		if doc.Header.Main != 0 || !slices.Equal(codes(doc), []int{0, tt.code}) {
			t.Errorf("%s: %d %v, want 0 [0 %d]", tt.orgnr, doc.Header.Main, codes(doc), tt.code)
			continue
		}
		text := doc.Header.Subs[1].Text
		if !strings.Contains(text, tt.orgnr) || !strings.Contains(text, tt.target) || !strings.Contains(text, tt.words) {
			t.Errorf("%s: underStatus %d %q, want x %s and y %s", tt.orgnr, tt.code, text, tt.orgnr, tt.target)
		}
		if doc.Header.OrgNr != tt.orgnr || doc.Melding == nil || doc.Melding.OrgNr != tt.target {
			t.Errorf("%s: header orgnr %s, melding %+v, want the data of %s", tt.orgnr, doc.Header.OrgNr, doc.Melding, tt.target)
		}
		status, _, m := getJSON(t, c, shared.Endpoints().Brreg+"/enheter/"+tt.orgnr)
		if status != 200 || m["slettedato"] == nil || m["organisasjonsnummer"] != tt.orgnr {
			t.Errorf("REST %s: %d %v", tt.orgnr, status, m)
		}
	}

	base := shared.Endpoints().Brreg
	for _, tt := range []struct {
		path   string
		status int
	}{
		{"/enheter/" + world.RemovedOrgNr, 410},
		{"/enheter/" + world.RemovedOrgNr + "/roller", 410},
		{"/underenheter/" + world.RemovedOrgNr, 404},
		{"/enheter/" + world.NeverCreatedOrgNr, 404},
	} {
		if status, _, _ := get(t, c, base+tt.path); status != tt.status {
			t.Errorf("GET %s: %d, want %d", tt.path, status, tt.status)
		}
	}
	if status, _, m := getJSON(t, c, base+"/enheter?organisasjonsnummer="+world.RemovedOrgNr); status != 200 || m["_embedded"] != nil {
		t.Errorf("search for the removed unit: %d %v", status, m)
	}
}
