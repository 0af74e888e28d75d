package setup

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/certs"
	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/brreg"
	"github.com/motpart/motpart/internal/registry/maskinporten"
	"github.com/motpart/motpart/internal/registry/prh"
	"github.com/motpart/motpart/internal/registry/rrh"
	"github.com/motpart/motpart/internal/registry/scb"
	"github.com/motpart/motpart/internal/registry/transport"
	"github.com/motpart/motpart/internal/sandbox"
	sandboxbankid "github.com/motpart/motpart/internal/sandbox/bankid"
)

// Connector builds the register clients of one set of register settings
// (it is the desk's desk.Connector), and starts the local simulators when
// the environment is the sandbox. It keeps nothing of what it builds: the
// clients, with their secrets, are the desk's until it releases them. It
// is safe for concurrent use.
type Connector struct {
	overrides  Overrides
	sandboxCfg sandbox.Config
	now        func() time.Time
	// sleep is how BankID's client waits (nil: a timer); tests make it
	// return at once.
	sleep func(ctx context.Context, d time.Duration) error

	mu sync.Mutex
	sb *sandbox.Sandbox // the local simulators; nil until first needed
}

// NewConnector returns a Connector with the run's overrides; sandboxCfg
// configures the simulators when they are started, and now is the clock
// Maskinporten grants are stamped with.
func NewConnector(o Overrides, sandboxCfg sandbox.Config, now func() time.Time) *Connector {
	if now == nil {
		now = time.Now
	}
	return &Connector{overrides: o, sandboxCfg: sandboxCfg, now: now}
}

// productionHosts are the registers' addresses. The test environment uses
// the same ones: no separate test hosts are known for Enhetsregisteret's
// open API or grunndataWS (specs §3 [U]); Settings can point elsewhere.
func productionHosts() (brregURL, grunndataURL string) {
	return "https://data.brreg.no/enhetsregisteret/api", "https://grunndata.brreg.no/grunndata/ErFr"
}

// ownerHosts are the hosts of each environment: Maskinporten's issuer and
// the Register of beneficial owners.
func ownerHosts(env desk.Environment) (maskinportenURL, rrhURL string) {
	if env == desk.EnvTest {
		return "https://test.maskinporten.no/", "https://rrh.ppe.brreg.no"
	}
	return "https://maskinporten.no/", "https://rrh.brreg.no"
}

// Connect builds the register clients for conn's settings: the transport,
// Enhetsregisteret's open API, grunndataWS when there is an account, the
// Register of beneficial owners behind Maskinporten when a client and a
// certificate are set, BankID's AML service, and SCB's Företagsregister
// over mutual TLS when an SCB certificate is chosen, and PRH's open data
// for Finnish companies (no account). In the sandbox environment it starts the
// simulators and fills in their demo account, client and certificate
// where the settings name none.
func (c *Connector) Connect(ctx context.Context, conn desk.Connection) (*desk.Registers, error) {
	s := conn.Settings
	brregURL, grunndataURL := productionHosts()
	mpURL, rrhURL := ownerHosts(s.Environment)
	user, password := s.GrunndataUser, s.GrunndataPassword
	clientID, cert := s.MaskinportenClientID, conn.Certificate
	bid := bankIDAccount{clientID: s.BankIDClientID, secret: s.BankIDSecret}
	bid.apiURL, bid.oidcURL = bankIDHosts(s.BankIDHosts, s.Environment)
	tcfg := transport.Config{UserAgent: "Motpart/0.1", ExtraRootsPEM: c.overrides.ExtraRootsPEM}
	scbURL := scb.DefaultBaseURL
	prhURL := prh.DefaultBaseURL
	var sb *sandbox.Sandbox
	if s.Environment == desk.EnvSandbox {
		var err error
		sb, err = c.Sandbox(ctx)
		if err != nil {
			return nil, err
		}
		ep := sb.Endpoints()
		scbURL, prhURL = ep.SCB, ep.PRH
		brregURL, grunndataURL, mpURL, rrhURL = ep.Brreg, ep.Grunndata, ep.Maskinporten, ep.RRH
		if user == "" {
			user, password = sb.GrunndataCredentials()
		}
		if clientID == "" {
			clientID = sandbox.DemoMaskinportenClientID
		}
		if cert == nil && !conn.CertificateMissing {
			cert = c.demoCertificate(sb)
		}
		bid.apiURL, bid.oidcURL = ep.BankID, ep.BankIDOIDC
		if bid.clientID == "" {
			bid.clientID, bid.secret = sandboxbankid.DefaultClientID, sandboxbankid.DefaultClientSecret
		}
		// The sandbox CA is trusted here, and only here.
		tcfg.RootCAs, tcfg.ExtraRootsPEM = sb.CAPool(), nil
	}
	o := c.overrides
	brregURL = firstSet(o.BrregURL, s.BrregURL, brregURL)
	grunndataURL = firstSet(o.GrunndataURL, s.GrunndataURL, grunndataURL)
	mpURL = firstSet(o.MaskinportenURL, s.MaskinportenURL, mpURL)
	rrhURL = firstSet(o.RRHURL, s.RRHURL, rrhURL)
	bid.apiURL = firstSet(o.BankIDURL, s.BankIDURL, bid.apiURL)
	bid.oidcURL = firstSet(o.BankIDOIDCURL, s.BankIDOIDCURL, bid.oidcURL)
	scbURL = firstSet(o.SCBURL, s.SCBURL, scbURL)
	prhURL = firstSet(o.PRHURL, prhURL)
	t, err := transport.New(tcfg)
	if err != nil {
		return nil, problem.New(problem.CodeInternal, fmt.Errorf("setting up connections: %w", err))
	}

	restClient := brreg.NewREST(brregURL, t)
	rest := organisations{restClient}
	regs := &desk.Registers{Organisations: rest, Names: rest, Search: rest, Feeds: feeds{restClient}}
	var closers []func()
	if user != "" {
		g := &registrations{now: c.now, g: brreg.NewGrunndata(grunndataURL, user, password, t)}
		regs.Registrations = g
		closers = append(closers, g.close)
	}
	noAccess := func(code, msg string) dossier.Source {
		return dossier.Source{ID: "rrh", Status: dossier.StatusNoAccess, Code: code, Message: msg}
	}
	scope := s.OwnerScope()
	switch {
	case conn.CertificateMissing:
		regs.NoOwners = noAccess("no_certificate", fmt.Sprintf("The certificate %q chosen for Maskinporten is not in the vault: choose another in Settings", s.MaskinportenCertificate))
	case clientID == "":
		regs.NoOwners = noAccess("no_client", "No Maskinporten client: enter the client id from Samarbeidsportalen in Settings")
	case cert == nil:
		regs.NoOwners = noAccess("no_certificate", "No enterprise certificate chosen for Maskinporten: import it and choose it in Settings")
	default:
		mp, err := maskinporten.New(maskinporten.Config{
			Issuer:      mpURL,
			TokenURL:    strings.TrimSuffix(mpURL, "/") + "/token",
			MetadataURL: strings.TrimSuffix(mpURL, "/") + "/.well-known/oauth-authorization-server",
			ClientID:    clientID,
			Scopes:      []string{scope},
			Now:         c.now,
		}, cert.Signer(), cert.X5C(), t)
		if err != nil {
			regs.NoOwners = noAccess("mp_config", err.Error())
			break
		}
		tokens := &tokens{mp: mp}
		closers = append(closers, tokens.close)
		api := rrh.PartnerAPI
		if s.OwnersAPI() == desk.OwnersAPIV1 {
			api = rrh.V1
		}
		regs.Owners = owners{rrh.New(rrh.Config{BaseURL: rrhURL, API: api}, tokens, t)}
	}
	if aml, err := c.bankIDClient(conn, bid, t); err != nil {
		regs.NoAML = err
	} else {
		regs.AML = aml
		closers = append(closers, aml.close)
	}
	if sw, err := c.scbClient(conn, sb, scbURL, tcfg); err != nil {
		regs.NoSwedish = err
	} else {
		regs.Swedish, regs.SectorFiles = sw, sw
		closers = append(closers, sw.close)
	}
	if fi, err := prh.New(prh.Config{BaseURL: prhURL, Now: c.now}, t); err != nil {
		regs.NoFinnish = problem.New(problem.CodeInternal, err)
	} else {
		regs.Finnish, regs.FinnishSearch = finnish{fi}, finnish{fi}
	}
	regs.Release = func() {
		for _, release := range closers {
			release()
		}
	}
	return regs, nil
}

// demoCertificate is the sandbox's first demo certificate fit for
// Maskinporten (one that names a Norwegian organisation), or nil.
func (c *Connector) demoCertificate(sb *sandbox.Sandbox) *certs.Certificate {
	for _, demo := range sb.DemoCertificates() {
		if cert, err := certs.Parse(demo.Data, demo.Password, demo.FileName); err == nil && len(cert.Describe(c.now()).Uses) > 0 && cert.Identity().OrgNumber.IsValid() {
			return cert
		}
	}
	return nil
}

// Sandbox returns the running simulators, starting them on first use,
// with their clock moved ahead by Overrides.SandboxAdvance.
func (c *Connector) Sandbox(ctx context.Context) (*sandbox.Sandbox, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sb != nil {
		return c.sb, nil
	}
	sb, err := sandbox.New(c.sandboxCfg)
	if err != nil {
		return nil, problem.New(problem.CodeInternal, fmt.Errorf("building the sandbox: %w", err))
	}
	// $MOTPART_SANDBOX_ADVANCE: the story starts that far ahead.
	sb.Advance(c.overrides.SandboxAdvance)
	if err := sb.Start(ctx); err != nil {
		return nil, problem.New(problem.CodeInternal, fmt.Errorf("starting the sandbox: %w", err))
	}
	c.sb = sb
	return sb, nil
}

// Close stops the simulators if they were started.
func (c *Connector) Close() error {
	c.mu.Lock()
	sb := c.sb
	c.sb = nil
	c.mu.Unlock()
	if sb == nil {
		return nil
	}
	return sb.Close()
}
