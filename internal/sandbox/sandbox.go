package sandbox

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/motpart/motpart/internal/sandbox/bankid"
	"github.com/motpart/motpart/internal/sandbox/ca"
	"github.com/motpart/motpart/internal/sandbox/fault"
	"github.com/motpart/motpart/internal/sandbox/maskinporten"
	"github.com/motpart/motpart/internal/sandbox/rrh"
	"github.com/motpart/motpart/internal/sandbox/scb"
	"github.com/motpart/motpart/internal/sandbox/vero"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// The default grunndataWS accounts.
const (
	// DefaultGrunndataUser and DefaultGrunndataPassword are the account
	// authorised for every grunndata operation.
	DefaultGrunndataUser     = "SANDBOX"
	DefaultGrunndataPassword = "sandbox-passord"
	// DefaultGrunndataLimitedUser and DefaultGrunndataLimitedPassword are
	// an account that is authenticated but not authorised for hentRoller
	// (it gets hovedStatus -1, underStatus -100).
	DefaultGrunndataLimitedUser     = "SANDBOX-BEGRENSET"
	DefaultGrunndataLimitedPassword = "sandbox-begrenset"
)

// Config configures a [Sandbox]. The zero value is a working sandbox on
// 127.0.0.1 with free ports and the default accounts.
type Config struct {
	// Addr is the host every simulator listens on; default 127.0.0.1.
	Addr string
	// Ports fixes a service's port; a missing or zero entry means any free
	// port.
	Ports map[Service]int
	// GrunndataUser and GrunndataPassword are the fully authorised
	// grunndataWS account; defaults DefaultGrunndataUser and
	// DefaultGrunndataPassword.
	GrunndataUser, GrunndataPassword string
	// GrunndataLimitedUser and GrunndataLimitedPassword are the account not
	// authorised for hentRoller; defaults DefaultGrunndataLimitedUser and
	// DefaultGrunndataLimitedPassword.
	GrunndataLimitedUser, GrunndataLimitedPassword string
	// Now is the clock for dates in replies (prossessDato, timestamps) and
	// for the demo certificates; default time.Now.
	Now func() time.Time
	// Logger receives the servers' own errors (TLS handshakes and the
	// like), never request contents; nil discards them.
	Logger *slog.Logger

	// GrunndataNoteStatus is the hovedStatus that comes with data notes
	// 1010–1180 (data returned, some item missing). [U] The published
	// table of legal combinations and the recorded replies say 0, the
	// default; the digest's simulator note suggests 1.
	GrunndataNoteStatus int
	// GrunndataResignedFlag is the fratraadt value of every resigned role
	// in hentRoller; a current role is always "N". The default, "", writes
	// the values the real hentRoller.xsd allows: K, R or F as the world
	// records each resignation, with a fratraadtTekst. "J" is the digest's
	// old guess, kept for tests of a client's tolerance; "K", "R" or "F"
	// put that one value on every resigned role.
	GrunndataResignedFlag string
	// BrregChecksum404 makes the REST API answer 404 instead of 400 for a
	// 9-digit number that fails MOD11. [U] the live behaviour is not
	// documented.
	BrregChecksum404 bool

	// TokenLifetime is how long Maskinporten's access tokens live
	// (expires_in); default 120 s. A short one lets a test see a token
	// expire between two look-ups.
	TokenLifetime time.Duration
	// RRHPathPrefix is the v1 API's path prefix before /v1; default
	// /api/oppslag. [U] §4.3 gives it, but the v1 OpenAPI is not public.
	RRHPathPrefix string
	// RRHV1LegacyCodes makes the v1 API write the Partner API's short
	// codes (posisjontype.eier...) instead of the long ones. [U] §4.3
	// expects the long style.
	RRHV1LegacyCodes bool
	// RRHV1TotalbestandZip serves v1's totalbestand zipped, as the Partner
	// API's, instead of as plain JSON. [U]
	RRHV1TotalbestandZip bool

	// BankIDDelays, when set, time BankID's sessions on the sandbox's
	// clock (Now): bankid.ZeroDelays() finishes every session at once.
	// When nil, a session completes after BankIDPolls status polls.
	BankIDDelays *bankid.Delays
	// BankIDPolls is how many status polls a BankID session takes when
	// BankIDDelays is nil; 0 means bankid.DefaultPolls, negative none.
	BankIDPolls int
	// BankIDWebhookSecret keys the HMAC signature of BankID's webhooks
	// (the sandbox's own scheme, header bankid.SignatureHeader); default
	// bankid.DefaultWebhookSecret.
	BankIDWebhookSecret string
	// BankIDWebhookInterval is how often the sandbox's worker looks for
	// BankID webhooks that fell due while nobody polled; default 100 ms.
	BankIDWebhookInterval time.Duration

	// SCBSubscriptions are the variable groups (scb.Group*) each SCB
	// API-Id subscribes to; an API-Id not listed gets every group, but
	// DemoSCBBasicAPIID gets scb.GroupBasic only unless listed here.
	SCBSubscriptions map[string][]string
	// SCBSectorVariant is the sector file's header variant; "" means
	// scb.VariantStandard. [Sandbox.SetSCBSectorVariant] changes it while
	// running.
	SCBSectorVariant scb.Variant
	// SCBRefuseInHandshake refuses a missing, foreign or API-Id-less
	// client certificate in the TLS handshake instead of with 403. [U]
	// the digest allows both.
	SCBRefuseInHandshake bool
	// SCBRetryAfter sends Retry-After with SCB's 429. [U]
	SCBRetryAfter bool
	// SCBMaxRows caps HamtaForetag; 0 means scb.DefaultMaxRows (2 000).
	SCBMaxRows int
	// SCBSectorFile, when set, is a zip (bench/gensektor's) that SCB's
	// simulator serves as its sector file as it is.
	SCBSectorFile string
	// SCBGeneratedRows adds that many generated rows (scb.Generator with
	// SCBGeneratedSeed, as bench/gensektor writes them) after the world's
	// units in SCB's sector file.
	SCBGeneratedRows int
	// SCBGeneratedSeed is the seed of SCBGeneratedRows.
	SCBGeneratedSeed int64

	// VeroReadyAfter is how long after SignNewCertificate or
	// RenewCertificate Vero's certificate is ready, on the sandbox's clock
	// (Now); 0 means vero.DefaultReadyAfter, negative ready at once.
	VeroReadyAfter time.Duration
	// VeroNoRenewWindow lets a Vero certificate be renewed at any time,
	// not only in its last 60 days, for demos;
	// [Sandbox.SetVeroRenewWindow] changes it while running.
	VeroNoRenewWindow bool
	// VeroEnvironment, "TEST" or "PRODUCTION", is the only Environment
	// Vero's simulator accepts; "" accepts both.
	VeroEnvironment string

	// FeedNoisePerDay is how many entries Enhetsregisteret's change feeds
	// get a sandbox day for units the story leaves alone (and as many a
	// day for FeedHistoryDays before the start), so that a daily check
	// pages through a realistic feed; 0 means DefaultFeedNoisePerDay,
	// negative none. The units are picked deterministically.
	FeedNoisePerDay int
	// FeedWindow is how long, in sandbox time, the feeds keep an entry;
	// 0 means 30 days. [U] the register does not say.
	FeedWindow time.Duration
	// FeedTooOldSkips serves a feed cursor older than the oldest entry
	// kept from that entry on (the client sees a jump in the ids) instead
	// of answering 400 with a Spring error saying the id is too old. [U]
	FeedTooOldSkips bool
	// FeedDropIDs are feed ids (oppdateringsid, or a roles event's id)
	// consumed but never served: a gap for a client to notice.
	FeedDropIDs []int64
	// FeedEmptyArray writes an empty feed page with "_embedded" holding
	// an empty array instead of leaving "_embedded" out (the default, as
	// Spring HATEOAS does). [U]
	FeedEmptyArray bool
	// Population adds that many generated Norwegian AS units (39xxxxxxx)
	// to the world, each with a chair, a general manager, an auditor, an
	// address and a NACE code, and every other one with a filing in the
	// register of beneficial owners: for benchmarks. See
	// [Sandbox.PopulationNumbers].
	Population int
}

// Endpoints are the simulators' base URLs.
type Endpoints struct {
	// Brreg is Enhetsregisteret's REST base,
	// https://127.0.0.1:PORT/enhetsregisteret/api.
	Brreg string
	// Grunndata is grunndataWS's ErFr endpoint,
	// https://127.0.0.1:PORT/grunndata/ErFr.
	Grunndata string
	// Maskinporten is Maskinporten's issuer, https://127.0.0.1:PORT/ (with
	// the slash): the grant's aud, and the base of
	// .well-known/oauth-authorization-server, token and jwk.
	Maskinporten string
	// RRH is the register of beneficial owners' base,
	// https://127.0.0.1:PORT: the Partner API is under
	// /api/partner/reelle-rettigheter, v1 under Config.RRHPathPrefix + /v1.
	RRH string
	// BankID is BankID's AML API host, https://127.0.0.1:PORT; its OIDC
	// provider's realm is BankIDOIDC (BankID + bankid.Realm).
	BankID, BankIDOIDC string
	// SCB is SCB's API base over mutual TLS,
	// https://127.0.0.1:PORT/nv0101/v1/sokpavar; the sector file is
	// SCB + "/api/Je/SektorFil".
	SCB string
	// PRH is PRH's open-data host, https://127.0.0.1:PORT: the YTJ API is
	// under PRH + "/opendata-ytj-api/v3".
	PRH string
	// Vero is Vero's certificate service endpoint,
	// https://127.0.0.1:PORT/2017/10/CertificateServices (the same
	// simulator answers at /DEV/2017/10/CertificateServices).
	Vero string
}

// Sandbox is the set of simulators with their world, CA and fault
// switches. Its methods are safe for concurrent use.
type Sandbox struct {
	cfg   Config
	world *world.World // the world as New built it
	// current is the world as the story has made it so far; offset is
	// the sandbox time's lead on cfg.Now, in nanoseconds.
	current   atomic.Pointer[world.World]
	offset    atomic.Int64
	storyMu   sync.Mutex // serialises Advance
	story     story
	noisePool []string // the units the feeds' noise picks from
	noiseSub  []bool   // whether each is a sub-unit
	popNrs    []string // the generated population's numbers
	ca        *ca.Authority
	faults    fault.Switches
	requests  requestCounter
	mp        *maskinporten.Server
	rrh       *rrh.Server
	bankid    *bankid.Server
	scb       *scb.Server
	vero      *vero.Server

	veroOnce sync.Once
	veroPKI  *ca.Vero
	veroErr  error

	demoOnce sync.Once
	demo     []DemoCertificate
	demoErr  error

	mu        sync.Mutex
	started   bool
	closed    bool
	closing   chan struct{}
	servers   []*http.Server
	wg        sync.WaitGroup
	endpoints Endpoints
}

// New builds the world and the CA. It starts nothing; see [Sandbox.Start].
func New(cfg Config) (*Sandbox, error) {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1"
	}
	if cfg.GrunndataUser == "" {
		cfg.GrunndataUser = DefaultGrunndataUser
	}
	if cfg.GrunndataPassword == "" {
		cfg.GrunndataPassword = DefaultGrunndataPassword
	}
	if cfg.GrunndataLimitedUser == "" {
		cfg.GrunndataLimitedUser = DefaultGrunndataLimitedUser
	}
	if cfg.GrunndataLimitedPassword == "" {
		cfg.GrunndataLimitedPassword = DefaultGrunndataLimitedPassword
	}
	if cfg.GrunndataUser == cfg.GrunndataLimitedUser {
		return nil, errors.New("sandbox: the grunndata user and the limited user must differ")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.GrunndataNoteStatus != 0 && cfg.GrunndataNoteStatus != 1 {
		return nil, fmt.Errorf("sandbox: GrunndataNoteStatus %d: want 0 or 1", cfg.GrunndataNoteStatus)
	}
	switch cfg.GrunndataResignedFlag {
	case "", "J", "K", "R", "F":
	default:
		return nil, fmt.Errorf("sandbox: GrunndataResignedFlag %q: want J, K, R or F", cfg.GrunndataResignedFlag)
	}
	switch {
	case cfg.TokenLifetime < 0:
		return nil, fmt.Errorf("sandbox: TokenLifetime %v is negative", cfg.TokenLifetime)
	case cfg.TokenLifetime == 0:
		cfg.TokenLifetime = 120 * time.Second
	}
	if cfg.RRHPathPrefix == "" {
		cfg.RRHPathPrefix = "/api/oppslag"
	}
	if !strings.HasPrefix(cfg.RRHPathPrefix, "/") || strings.HasSuffix(cfg.RRHPathPrefix, "/") || strings.HasPrefix(cfg.RRHPathPrefix+"/", rrh.PartnerPath+"/") {
		return nil, fmt.Errorf("sandbox: RRHPathPrefix %q: want /something without a trailing slash, apart from the Partner API", cfg.RRHPathPrefix)
	}
	for svc, p := range cfg.Ports {
		if p < 0 || p > 65535 {
			return nil, fmt.Errorf("sandbox: port %d for %s out of range", p, svc)
		}
	}
	if cfg.Population < 0 {
		return nil, fmt.Errorf("sandbox: Population %d is negative", cfg.Population)
	}
	if cfg.FeedWindow < 0 {
		return nil, fmt.Errorf("sandbox: FeedWindow %v is negative", cfg.FeedWindow)
	}
	w, popNrs, err := world.NewPopulated(cfg.Population)
	if err != nil {
		return nil, err
	}
	authority, err := ca.New(cfg.Now())
	if err != nil {
		return nil, err
	}
	s := &Sandbox{cfg: cfg, world: w, popNrs: popNrs, ca: authority, closing: make(chan struct{})}
	s.newStory()
	s.mp = maskinporten.New(w, maskinporten.Options{Now: cfg.Now, TokenLifetime: cfg.TokenLifetime, Roots: authority.Pool(), Faults: &s.faults})
	if cfg.BankIDWebhookInterval <= 0 {
		cfg.BankIDWebhookInterval = 100 * time.Millisecond
	}
	s.cfg = cfg
	s.bankid = bankid.New(w, bankid.Options{Now: cfg.Now, Delays: cfg.BankIDDelays, Polls: cfg.BankIDPolls,
		WebhookSecret: cfg.BankIDWebhookSecret, Fault: func() fault.Fault { return s.faults.Get(ServiceBankID) }})
	subs := map[string][]string{DemoSCBBasicAPIID: {scb.GroupBasic}}
	for id, g := range cfg.SCBSubscriptions {
		subs[id] = g
	}
	if cfg.SCBSectorVariant != "" && !slices.Contains(scb.Variants(), cfg.SCBSectorVariant) {
		return nil, fmt.Errorf("sandbox: SCBSectorVariant %q: want one of %v", cfg.SCBSectorVariant, scb.Variants())
	}
	s.scb = scb.New(w, scb.Options{Now: cfg.Now, Roots: authority.Pool(), Subscriptions: subs, Variant: cfg.SCBSectorVariant,
		MaxRows: cfg.SCBMaxRows, RetryAfter: cfg.SCBRetryAfter, SectorFile: cfg.SCBSectorFile,
		GeneratedRows: cfg.SCBGeneratedRows, GeneratedSeed: cfg.SCBGeneratedSeed})
	switch cfg.VeroEnvironment {
	case "", "TEST", "PRODUCTION":
	default:
		return nil, fmt.Errorf("sandbox: VeroEnvironment %q: want TEST, PRODUCTION or empty", cfg.VeroEnvironment)
	}
	ready := cfg.VeroReadyAfter
	switch {
	case ready == 0:
		ready = vero.DefaultReadyAfter
	case ready < 0:
		ready = 0
	}
	s.vero = vero.New(w, vero.Options{Now: cfg.Now, ReadyAfter: ready, NoRenewWindow: cfg.VeroNoRenewWindow,
		Environment: cfg.VeroEnvironment, Fault: func() fault.Fault { return s.faults.Get(ServiceVero) },
		DemoIssuer: authority.Cert()}, s.veroCA)
	s.rrh, err = rrh.New(w, s.rrhOptions())
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Start starts every simulator on its own TLS listener and returns once
// they all accept connections. ctx bounds the start only; the simulators
// run until [Sandbox.Close].
func (s *Sandbox) Start(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closed:
		return errors.New("sandbox: start after close")
	case s.started:
		return errors.New("sandbox: already started")
	}
	var issuer string // Maskinporten's, for RRH; set before the handlers are made
	services := s.services(&issuer)
	var listeners []net.Listener
	fail := func(err error) error {
		for _, l := range listeners {
			_ = l.Close()
		}
		return err
	}
	var bases []string
	for _, sv := range services {
		if err := ctx.Err(); err != nil {
			return fail(fmt.Errorf("sandbox: start: %w", err))
		}
		var lc net.ListenConfig
		l, err := lc.Listen(ctx, "tcp", net.JoinHostPort(s.cfg.Addr, strconv.Itoa(s.cfg.Ports[sv.svc])))
		if err != nil {
			return fail(fmt.Errorf("sandbox: %s listener: %w", sv.svc, err))
		}
		listeners = append(listeners, l)
		port := l.Addr().(*net.TCPAddr).Port
		bases = append(bases, "https://"+net.JoinHostPort(s.cfg.Addr, strconv.Itoa(port))+sv.path)
	}
	issuer = bases[2]
	errLog := log.New(io.Discard, "", 0)
	if s.cfg.Logger != nil {
		errLog = slog.NewLogLogger(s.cfg.Logger.Handler(), slog.LevelDebug)
	}
	var servers []*http.Server
	for i, sv := range services {
		cert, err := s.ca.ServerCert(string(sv.svc), s.cfg.Addr)
		if err != nil {
			return fail(err)
		}
		tc := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
		if sv.tls != nil {
			sv.tls(tc)
		}
		servers = append(servers, &http.Server{
			Handler:           s.requests.count(sv.svc, fault.Wrap(&s.faults, sv.svc, s.closing, sv.errors, sv.handler(bases[i]))),
			TLSConfig:         tc,
			ReadHeaderTimeout: 10 * time.Second,
			ErrorLog:          errLog,
		})
	}
	s.servers = servers
	for i, srv := range servers {
		l := listeners[i]
		s.wg.Go(func() {
			if err := srv.ServeTLS(l, "", ""); err != nil && !errors.Is(err, http.ErrServerClosed) && s.cfg.Logger != nil {
				s.cfg.Logger.Error("sandbox server stopped", "service", string(services[i].svc), "err", err)
			}
		})
	}
	s.endpoints = Endpoints{Brreg: bases[0], Grunndata: bases[1], Maskinporten: bases[2], RRH: bases[3],
		BankID: bases[4], BankIDOIDC: bases[4] + bankid.Realm, SCB: bases[5], PRH: bases[6], Vero: bases[7]}
	s.wg.Go(s.bankidWorker)
	s.started = true
	if s.cfg.Logger != nil {
		s.cfg.Logger.Info("sandbox started", "brreg", s.endpoints.Brreg, "grunndata", s.endpoints.Grunndata,
			"maskinporten", s.endpoints.Maskinporten, "rrh", s.endpoints.RRH, "bankid", s.endpoints.BankID, "scb", s.endpoints.SCB, "prh", s.endpoints.PRH,
			"vero", s.endpoints.Vero)
	}
	return nil
}

// Close stops every simulator, ends hanging requests and waits for the
// servers to stop. It may be called more than once.
func (s *Sandbox) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.closing)
	servers := s.servers
	s.mu.Unlock()
	var errs []error
	for _, srv := range servers {
		if err := srv.Close(); err != nil {
			errs = append(errs, fmt.Errorf("sandbox: close: %w", err))
		}
	}
	s.wg.Wait()
	s.bankid.Close()
	return errors.Join(errs...)
}

// bankidWorker sends BankID's webhooks that fall due while nobody asks
// about their sessions, until the sandbox closes.
func (s *Sandbox) bankidWorker() {
	t := time.NewTicker(s.cfg.BankIDWebhookInterval)
	defer t.Stop()
	for {
		select {
		case <-s.closing:
			return
		case <-t.C:
			s.bankid.Advance()
		}
	}
}

// BankIDCount returns how many requests of a kind BankID's simulator
// answered ("token", "create", "status", "jsonData", "report",
// "webhook"...); see bankid.Server.Count.
func (s *Sandbox) BankIDCount(kind string) int { return s.bankid.Count(kind) }

// World returns the sandbox's world as the story has made it so far
// (read-only): the world New built until [Sandbox.Advance] plays a story
// event.
func (s *Sandbox) World() *world.World { return s.current.Load() }

// Endpoints returns the simulators' base URLs; they are empty before
// [Sandbox.Start].
func (s *Sandbox) Endpoints() Endpoints {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.endpoints
}

// GrunndataCredentials returns the fully authorised grunndataWS account.
func (s *Sandbox) GrunndataCredentials() (user, password string) {
	return s.cfg.GrunndataUser, s.cfg.GrunndataPassword
}

// CACertPEM returns the sandbox CA's certificate in PEM form. Only a
// client configured for the sandbox may trust it.
func (s *Sandbox) CACertPEM() []byte { return s.ca.PEM() }

// CAPool returns a pool holding only the sandbox CA.
func (s *Sandbox) CAPool() *x509.CertPool { return s.ca.Pool() }

// DemoCertificates returns the demo client certificates issued by the
// sandbox CA to the world's accounting firm: an SCB one (API-Id in the CN
// and the file name), a Norwegian enterprise one (organisasjonsnummer in
// serialNumber and organizationIdentifier, RSA 2048) and a Finnish one
// (Y-tunnus in the CN). They are made on first use. On error it returns
// nil; [Sandbox.WriteDemoCertificates] reports the error.
func (s *Sandbox) DemoCertificates() []DemoCertificate {
	certs, err := s.demoCertificates()
	if err != nil {
		return nil
	}
	out := make([]DemoCertificate, len(certs))
	for i, c := range certs {
		c.Data = append([]byte(nil), c.Data...)
		out[i] = c
	}
	return out
}

func (s *Sandbox) demoCertificates() ([]DemoCertificate, error) {
	s.demoOnce.Do(func() {
		s.demo, s.demoErr = s.ca.DemoCertificates(s.world, s.cfg.Now())
	})
	return s.demo, s.demoErr
}

// WriteDemoCertificates writes the demo certificates into dir (made if
// missing), each file readable by its owner only (0600).
func (s *Sandbox) WriteDemoCertificates(dir string) error {
	certs, err := s.demoCertificates()
	if err != nil {
		return err
	}
	return ca.WriteDemoCertificates(dir, certs)
}

// SetFault sets the fault of one service, replacing the one before; the
// zero Fault heals it. It takes effect with the next request.
func (s *Sandbox) SetFault(svc Service, f Fault) { s.faults.Set(svc, f) }

// ClearFaults heals every service.
func (s *Sandbox) ClearFaults() { s.faults.Clear() }
