package sandbox

import (
	"net/http"
	"strings"
	"sync"
)

// requestCounter counts the requests every simulator received, by service
// and URL path. It is safe for concurrent use.
type requestCounter struct {
	mu sync.Mutex
	n  map[Service]map[string]int
}

// count wraps a service's handler so that every request it receives is
// counted before anything else happens to it (a fault switch included).
func (c *requestCounter) count(svc Service, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		if c.n == nil {
			c.n = make(map[Service]map[string]int)
		}
		if c.n[svc] == nil {
			c.n[svc] = make(map[string]int)
		}
		c.n[svc][r.URL.Path]++
		c.mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

// total returns how many requests svc received whose path begins with
// prefix.
func (c *requestCounter) total(svc Service, prefix string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for p, k := range c.n[svc] {
		if strings.HasPrefix(p, prefix) {
			n += k
		}
	}
	return n
}

// Requests returns how many requests the simulator svc has received since
// the sandbox started whose URL path begins with prefix ("" counts them
// all), whatever the answer was, faults included. Paths are as the
// simulator sees them, without the base URL's host: Maskinporten's token
// requests are Requests(ServiceMaskinporten, "/token"); Enhetsregisteret's
// unit look-ups Requests(ServiceBrreg, "/enhetsregisteret/api/enheter/");
// the Partner API's look-ups Requests(ServiceRRH,
// "/api/partner/reelle-rettigheter/"); every grunndataWS call (each one a
// POST to the same path) Requests(ServiceGrunndata, ""). It is safe to
// call while requests are running, so a test can assert, for example,
// that eight concurrent look-ups made one token request.
func (s *Sandbox) Requests(svc Service, prefix string) int { return s.requests.total(svc, prefix) }
