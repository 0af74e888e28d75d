package sandbox

import (
	"net/http"
	"sync"
	"testing"

	"github.com/motpart/motpart/internal/sandbox/rrh"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestRequests counts requests by service and path, concurrent ones and
// those a fault answers included.
func TestRequests(t *testing.T) {
	t.Parallel()
	s := start(t, Config{})
	if n := s.Requests(ServiceMaskinporten, ""); n != 0 {
		t.Fatalf("before any request: %d", n)
	}
	tok := tokenFor(t, s, world.ScopeRRHPartnerRapporteringspliktig)
	c := client(s)
	const lookups = 8
	var wg sync.WaitGroup
	errs := make(chan error, 2*lookups)
	for range lookups {
		wg.Go(func() {
			req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, s.Endpoints().RRH+rrh.PartnerPath+"/"+world.FirmOrgNr, nil)
			if err != nil {
				errs <- err
				return
			}
			req.Header.Set("Authorization", "Bearer "+tok)
			resp, err := c.Do(req)
			if err != nil {
				errs <- err
				return
			}
			_ = resp.Body.Close()
		})
		wg.Go(func() {
			resp, err := c.Get(s.Endpoints().Brreg + "/enheter/" + world.RichestOrgNr)
			if err != nil {
				errs <- err
				return
			}
			_ = resp.Body.Close()
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	s.SetFault(ServiceBrreg, Fault{Status: 503})
	get(t, c, s.Endpoints().Brreg+"/enheter/"+world.AuditorOrgNr)
	user, pass := s.GrunndataCredentials()
	call(t, s, "hentRoller", user, pass, world.RichestOrgNr)

	for _, tt := range []struct {
		svc    Service
		prefix string
		want   int
	}{
		{ServiceMaskinporten, "/token", 1},
		{ServiceMaskinporten, "", 1},
		{ServiceRRH, rrh.PartnerPath + "/", lookups},
		{ServiceRRH, rrh.PartnerPath + "/totalbestand", 0},
		{ServiceBrreg, "/enhetsregisteret/api/enheter/", lookups + 1},
		{ServiceBrreg, "/enhetsregisteret/api/enheter/" + world.AuditorOrgNr, 1},
		{ServiceBrreg, "/enhetsregisteret/api/underenheter/", 0},
		{ServiceGrunndata, "", 1},
	} {
		if got := s.Requests(tt.svc, tt.prefix); got != tt.want {
			t.Errorf("Requests(%s, %q) = %d, want %d", tt.svc, tt.prefix, got, tt.want)
		}
	}
}
