// Package scb simulates SCB's business register API (Företagsregistret,
// "Sök på var", registries.md §1) over the Swedish units of the sandbox
// world: mutual TLS with a client certificate from the sandbox CA whose
// CN carries an API-Id (Annnnn), the limit of 10 calls per 10 seconds per
// API-Id on the simulator's clock, 400 with a Swedish reason,
// HamtaForetag and RaknaForetag (JE), kodtabell, and the counterparty
// classification file (GET …/api/Je/SektorFil: a zip holding sektor.txt,
// Latin-1, tab-separated, with switchable header variants).
//
// Where the digest is uncertain the simulator chooses, and says so in a
// comment starting [U]:
//   - a request without a certificate, with one from another CA or with
//     no API-Id is refused with 403 and a Swedish text (the digest allows
//     a TLS handshake failure too; the facade's Config can ask for that);
//   - error bodies are plain text (text/plain; charset=utf-8), one line
//     of Swedish;
//   - the limit is a sliding window: the eleventh call within any ten
//     seconds is refused with 429, and refused calls do not count; no
//     Retry-After unless Options.RetryAfter;
//   - RaknaForetag answers a bare JSON number; HamtaForetag answers [] when
//     nothing matches; dates are YYYY-MM-DD; status flags are "1" or "0";
//   - a variable the caller's subscription does not include comes back as
//     "*" (the digest's [C] rule), and the subscriptions are the groups of
//     this package (Group*), per API-Id (Options.Subscriptions);
//   - the sector file's Content-Type is application/zip, its member
//     sektor.txt, a value the register does not know is "..";
//   - an API-Id header (api-id or APIId), when sent, must name the
//     certificate's API-Id, or the request is refused with 403;
//   - /help is a short HTML page, for a certificate holder only.
package scb

import (
	"crypto/x509"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// BasePath is the path of the API's base URL,
// https://privateapi.scb.se/nv0101/v1/sokpavar.
const BasePath = "/nv0101/v1/sokpavar"

// The limits.
const (
	// RateCalls calls are allowed per RateWindow and API-Id.
	RateCalls  = 10
	RateWindow = 10 * time.Second
	// DefaultMaxRows is the most rows HamtaForetag returns.
	DefaultMaxRows = 2000
)

// The subscription groups: which variables of HamtaForetag an API-Id may
// see. The identity (PeOrgNr, OrgNr, Företagsnamn) is always sent; every
// other variable of a group not subscribed comes back as "*". [U] the
// grouping is the sandbox's own.
const (
	GroupBasic      = "Grund"   // addresses, seat, legal form, status, dates, main industry
	GroupSector     = "Sektor"  // sector and owner category
	GroupContact    = "Kontakt" // telephone and e-mail
	GroupTax        = "Skatt"   // employer, VAT and F-tax status
	GroupSize       = "Storlek" // size class
	GroupIndustries = "Bransch" // the second industry
)

// AllGroups returns every subscription group.
func AllGroups() []string {
	return []string{GroupBasic, GroupSector, GroupContact, GroupTax, GroupSize, GroupIndustries}
}

// Options configure the simulator. The zero value uses the defaults.
type Options struct {
	// Now is the clock of the rate limit; nil means time.Now.
	Now func() time.Time
	// Roots are the CAs whose client certificates are accepted (the
	// sandbox CA). Nil refuses every certificate.
	Roots *x509.CertPool
	// Subscriptions are the groups each API-Id subscribes to; an API-Id
	// not listed gets DefaultSubscription.
	Subscriptions map[string][]string
	// DefaultSubscription is the groups of an API-Id not in
	// Subscriptions; nil means AllGroups.
	DefaultSubscription []string
	// Variant is the sector file's header variant; "" means
	// VariantStandard. Server.SetVariant changes it while running.
	Variant Variant
	// MaxRows caps HamtaForetag; 0 means DefaultMaxRows.
	MaxRows int
	// RetryAfter sends a Retry-After header (whole seconds until a call
	// is allowed again) with 429. [U] the digest does not say SCB does.
	RetryAfter bool
	// SectorFile, when set, is a zip served as the sector file as it is
	// (bench/gensektor's output, for measuring a download into the
	// vault) instead of one made from the world.
	SectorFile string
	// GeneratedRows adds that many rows of Generator(GeneratedSeed) after
	// the world's units in the sector file.
	GeneratedRows int
	// GeneratedSeed is the generator's seed for GeneratedRows.
	GeneratedSeed int64
}

// Server is the simulator, an http.Handler. It is safe for concurrent use.
type Server struct {
	opts      Options
	companies []world.SECompany

	mu      sync.Mutex
	variant Variant
	subs    map[string][]string
	calls   map[string][]time.Time // per API-Id, the allowed calls of the window
	counts  map[string]int         // answered requests by kind

	routes map[string]route // by lower-case path below BasePath
}

// route is one operation of the API.
type route struct {
	method string
	kind   string // what Count counts it as
	serve  func(w http.ResponseWriter, r *http.Request, apiID string)
}

// New returns a simulator over the Swedish units of w.
func New(w *world.World, opts Options) *Server {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.DefaultSubscription == nil {
		opts.DefaultSubscription = AllGroups()
	}
	if opts.MaxRows <= 0 {
		opts.MaxRows = DefaultMaxRows
	}
	if opts.Variant == "" {
		opts.Variant = VariantStandard
	}
	subs := make(map[string][]string, len(opts.Subscriptions))
	for id, g := range opts.Subscriptions {
		subs[id] = append([]string(nil), g...)
	}
	s := &Server{opts: opts, companies: w.SECompanies(), variant: opts.Variant, subs: subs,
		calls: map[string][]time.Time{}, counts: map[string]int{}}
	s.routes = map[string]route{
		"/api/je/hamtaforetag":    {http.MethodPost, "hamtaforetag", s.hamta},
		"/api/je/raknaforetag":    {http.MethodPost, "raknaforetag", s.rakna},
		"/api/je/kodtabell":       {http.MethodPost, "kodtabell", s.kodtabell},
		"/api/je/sektorfil":       {http.MethodGet, "sektorfil", s.sektorfil},
		"/api/je/koptavariabler":  {http.MethodGet, "koptavariabler", s.koptaVariabler},
		"/api/je/koptakategorier": {http.MethodGet, "koptakategorier", s.koptaKategorier},
	}
	return s
}

// SetVariant switches the sector file's header variant for the requests
// that follow. It fails for a variant this package does not know.
func (s *Server) SetVariant(v Variant) error {
	if !v.valid() {
		return fmt.Errorf("scb simulator: unknown sector file variant %q", v)
	}
	s.mu.Lock()
	s.variant = v
	s.mu.Unlock()
	return nil
}

// SetSubscription sets the groups apiID subscribes to.
func (s *Server) SetSubscription(apiID string, groups ...string) {
	s.mu.Lock()
	s.subs[apiID] = append([]string(nil), groups...)
	s.mu.Unlock()
}

// Count returns how many requests of a kind the simulator answered:
// "hamtaforetag", "raknaforetag", "kodtabell", "sektorfil", "refused"
// (no acceptable certificate), "limited" (429), "bad" (400) or "other".
func (s *Server) Count(kind string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[kind]
}

func (s *Server) count(kind string) {
	s.mu.Lock()
	s.counts[kind]++
	s.mu.Unlock()
}

// apiIDRe finds an API-Id in a certificate's CN.
var apiIDRe = regexp.MustCompile(`(?:^|[^0-9A-Za-z])(A[0-9]{5})(?:[^0-9A-Za-z]|$)`)

// APIID returns the API-Id in the CN of cert, or "".
func APIID(cert *x509.Certificate) string {
	if m := apiIDRe.FindStringSubmatch(cert.Subject.CommonName); m != nil {
		return m[1]
	}
	return ""
}

// authenticate returns the API-Id of the request's client certificate, or
// the Swedish reason it is refused.
func (s *Server) authenticate(r *http.Request) (string, string) {
	if r.TLS == nil || len(r.TLS.PeerCertificates) == 0 {
		return "", "Åtkomst nekad: klientcertifikat saknas."
	}
	leaf := r.TLS.PeerCertificates[0]
	inter := x509.NewCertPool()
	for _, c := range r.TLS.PeerCertificates[1:] {
		inter.AddCert(c)
	}
	if s.opts.Roots == nil {
		return "", "Åtkomst nekad: certifikatet är inte utfärdat av SCB."
	}
	if _, err := leaf.Verify(x509.VerifyOptions{Roots: s.opts.Roots, Intermediates: inter,
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}); err != nil {
		return "", "Åtkomst nekad: certifikatet är inte utfärdat av SCB eller har gått ut."
	}
	id := APIID(leaf)
	if id == "" {
		return "", "Åtkomst nekad: certifikatet saknar API-Id."
	}
	return id, ""
}

// allow records a call of apiID and reports whether the limit allows it,
// and if not, how long until it does.
func (s *Server) allow(apiID string) (bool, time.Duration) {
	now := s.opts.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	calls := s.calls[apiID]
	i := 0
	for i < len(calls) && !calls[i].After(now.Add(-RateWindow)) {
		i++
	}
	calls = calls[i:]
	if len(calls) >= RateCalls {
		s.calls[apiID] = calls
		return false, calls[0].Add(RateWindow).Sub(now)
	}
	s.calls[apiID] = append(calls, now)
	return true, 0
}

func (s *Server) subscription(apiID string) map[string]bool {
	s.mu.Lock()
	g, ok := s.subs[apiID]
	s.mu.Unlock()
	if !ok {
		g = s.opts.DefaultSubscription
	}
	m := make(map[string]bool, len(g))
	for _, x := range g {
		m[x] = true
	}
	return m
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	apiID, refused := s.authenticate(r)
	if refused != "" {
		s.count("refused")
		writeText(w, http.StatusForbidden, refused)
		return
	}
	for _, h := range []string{"api-id", "APIId"} {
		if v := r.Header.Get(h); v != "" && v != apiID {
			s.count("refused")
			writeText(w, http.StatusForbidden, "Åtkomst nekad: API-Id i anropet stämmer inte med certifikatets.")
			return
		}
	}
	p, ok := strings.CutPrefix(strings.ToLower(r.URL.Path), strings.ToLower(BasePath))
	if !ok {
		s.count("other")
		WriteError(w, r, http.StatusNotFound)
		return
	}
	if p == "/help" || strings.HasPrefix(p, "/help/") {
		s.count("help")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(helpPage))
		return
	}
	if ok, wait := s.allow(apiID); !ok {
		s.count("limited")
		if s.opts.RetryAfter {
			w.Header().Set("Retry-After", strconv.Itoa(int((wait+time.Second-1)/time.Second)))
		}
		WriteError(w, r, http.StatusTooManyRequests)
		return
	}
	rt, ok := s.routes[strings.TrimSuffix(p, "/")]
	switch {
	case !ok:
		s.count("other")
		WriteError(w, r, http.StatusNotFound)
	case r.Method != rt.method:
		s.count("other")
		w.Header().Set("Allow", rt.method)
		WriteError(w, r, http.StatusMethodNotAllowed)
	default:
		s.count(rt.kind)
		rt.serve(w, r, apiID)
	}
}

// WriteError writes the simulator's error body for a status: one line of
// Swedish as plain text. It is the fault package's ErrorWriter for the
// service.
func WriteError(w http.ResponseWriter, _ *http.Request, status int) {
	text := map[int]string{
		http.StatusTooManyRequests:     "För många anrop: högst 10 anrop per 10 sekunder är tillåtna.",
		http.StatusServiceUnavailable:  "Tjänsten är tillfälligt otillgänglig på grund av underhåll. Försök igen senare.",
		http.StatusNotFound:            "Resursen finns inte.",
		http.StatusMethodNotAllowed:    "Metoden är inte tillåten för resursen.",
		http.StatusInternalServerError: "Ett internt fel har inträffat.",
		http.StatusForbidden:           "Åtkomst nekad.",
	}[status]
	if text == "" {
		text = http.StatusText(status)
	}
	writeText(w, status, text)
}

func writeText(w http.ResponseWriter, status int, text string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(text + "\n"))
}

// badRequest answers 400 with a Swedish reason.
func (s *Server) badRequest(w http.ResponseWriter, reason string) {
	s.count("bad")
	writeText(w, http.StatusBadRequest, reason)
}

// helpPage is the simulator's /help.
const helpPage = `<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>SCB Företagsregistret – sandlåda</title></head>
<body><h1>Sök på var (sandlåda)</h1>
<p>POST api/Je/HamtaForetag, api/Je/RaknaForetag, api/Je/KodTabell; GET api/Je/SektorFil, api/Je/KoptaVariabler, api/Je/KoptaKategorier.</p>
<p>Exempel: {"variabler":[{"Variabel":"OrgNr (10 siffror)","Operator":"ArLikaMed","Varde1":"5566778899","Varde2":""}]}</p>
<p>Högst 10 anrop per 10 sekunder och högst 2000 rader per hämtning.</p>
</body></html>
`
