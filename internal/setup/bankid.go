package setup

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/bankid"
	"github.com/motpart/motpart/internal/registry/transport"
)

// bankIDHosts are BankID's AML API host and OIDC realm for the hosts
// setting (registries.md §5.2): prod, preprod or current; empty: prod in
// production, current (the stable test hosts) otherwise.
func bankIDHosts(hosts string, env desk.Environment) (apiURL, oidcURL string) {
	if hosts == "" {
		hosts = desk.BankIDHostsCurrent
		if env == desk.EnvProduction {
			hosts = desk.BankIDHostsProd
		}
	}
	switch hosts {
	case desk.BankIDHostsPreprod:
		return "https://aml-preprod.bankidapis.no", "https://oidc-preprod.bankidapis.no/auth/realms/preprod"
	case desk.BankIDHostsCurrent:
		return "https://aml-current.bankidapis.no", "https://oidc-current.bankidapis.no/auth/realms/current"
	}
	return "https://aml.bankidapis.no", "https://oidc.bankidapis.no/auth/realms/prod"
}

// bankIDAccount is what the BankID client is built from, beside the
// settings: the addresses and the client's credentials as resolved for
// the environment.
type bankIDAccount struct {
	apiURL, oidcURL  string
	clientID, secret string
}

// bankIDClient builds BankID's client for the settings and account; when
// it cannot, it returns why (the desk's Registers.NoAML).
func (c *Connector) bankIDClient(conn desk.Connection, a bankIDAccount, t *transport.Client) (*amlSource, error) {
	s := conn.Settings
	auth := bankid.AuthMethod(s.BankIDAuth)
	cfg := bankid.Config{BaseURL: a.apiURL, OIDCBaseURL: a.oidcURL, ClientID: a.clientID, ClientSecret: a.secret,
		Auth: auth, OFAC: s.BankIDOFAC == desk.BankIDOFACOn, Now: c.now, Sleep: c.sleep}
	switch {
	case a.clientID == "":
		return nil, problem.New(problem.CodeBankIDNotConnected, errors.New("no BankID client id"))
	case auth == bankid.AuthPrivateKeyJWT && conn.BankIDCertificateMissing:
		return nil, problem.New(problem.CodeBankIDConfig, fmt.Errorf("the certificate %q chosen for BankID is not in the vault", s.BankIDCertificate))
	case auth == bankid.AuthPrivateKeyJWT && conn.BankIDCertificate == nil:
		return nil, problem.New(problem.CodeBankIDConfig, errors.New("no certificate chosen for BankID's private_key_jwt"))
	case auth == bankid.AuthPrivateKeyJWT:
		cert := conn.BankIDCertificate
		cfg.Key = cert.Signer()
		cfg.Chain = append([]*x509.Certificate{cert.Leaf()}, cert.CACerts()...)
	case a.secret == "":
		return nil, problem.New(problem.CodeBankIDNotConnected, errors.New("no BankID client secret"))
	}
	cl, err := bankid.New(cfg, t)
	if err != nil {
		return nil, err
	}
	return &amlSource{c: cl, now: c.now}, nil
}

// amlSource is BankID's client as the desk asks it (desk.AMLSource). It
// holds the client, with its secret or key and its cached token, until
// close.
type amlSource struct {
	now func() time.Time // when a result is read

	mu sync.Mutex
	c  *bankid.Client
}

// client returns the client, or an error once closed.
func (a *amlSource) client() (*bankid.Client, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.c == nil {
		return nil, problem.New(problem.CodeBankIDNotConnected, errClosed)
	}
	return a.c, nil
}

// close drops the client and what it holds.
func (a *amlSource) close() {
	a.mu.Lock()
	a.c = nil
	a.mu.Unlock()
}

// reportNames maps the dossier's document kinds to BankID's report names.
var reportNames = map[string]string{
	dossier.DocumentAML:          bankid.AssumedReportAML,
	dossier.DocumentRegistration: bankid.AssumedReportRegistration,
}

// CreateSession implements desk.AMLSource.
func (a *amlSource) CreateSession(ctx context.Context, o desk.AMLSessionOrder) (desk.AMLSession, error) {
	c, err := a.client()
	if err != nil {
		return desk.AMLSession{}, err
	}
	order := bankid.Order{Identifier: o.OrgNr, Country: o.Country}
	for _, k := range o.Documents {
		name, ok := reportNames[k]
		if !ok {
			return desk.AMLSession{}, problem.New(problem.CodeInternal, fmt.Errorf("no BankID report for the document kind %q", k))
		}
		order.Reports = append(order.Reports, name)
	}
	if o.CallbackURL != "" {
		order.Webhook = &bankid.AssumedWebhook{URL: o.CallbackURL, Events: bankid.AssumedWebhookEvents()}
	}
	s, err := c.CreateSession(ctx, order)
	if err != nil {
		return desk.AMLSession{}, err
	}
	return session(s), nil
}

// session is a BankID session as the desk describes it.
func session(s *bankid.Session) desk.AMLSession {
	if s == nil {
		return desk.AMLSession{}
	}
	out := desk.AMLSession{ID: s.ID, Created: s.Created, Expires: s.Expires, Parts: map[string]desk.AMLStatus{}}
	entities := map[string]string{bankid.AssumedJSONDataEntity: dossier.PartData}
	for kind, name := range reportNames {
		entities[name+bankid.AssumedReportEntitySuffix] = kind
	}
	for entity, status := range s.Status {
		if kind, ok := entities[entity]; ok {
			out.Parts[kind] = partStatus(status)
		}
	}
	return out
}

// partStatus maps an entity's status value to the desk's.
func partStatus(v string) desk.AMLStatus {
	switch v {
	case bankid.StatusNotStarted:
		return desk.AMLNotStarted
	case bankid.StatusInProgress:
		return desk.AMLInProgress
	case bankid.AssumedStatusCompleted, bankid.AssumedStatusDone:
		return desk.AMLDone
	case bankid.AssumedStatusFailed:
		return desk.AMLFailed
	case bankid.AssumedStatusExpired:
		return desk.AMLExpired
	}
	return desk.AMLInProgress // a value not known: not finished
}

// Status implements desk.AMLSource.
func (a *amlSource) Status(ctx context.Context, id string) (desk.AMLSession, time.Duration, error) {
	c, err := a.client()
	if err != nil {
		return desk.AMLSession{}, 0, err
	}
	s, wait, err := c.Poll(ctx, id)
	return session(s), wait, err
}

// Data implements desk.AMLSource.
func (a *amlSource) Data(ctx context.Context, id string, country ident.Country) (*dossier.AML, error) {
	c, err := a.client()
	if err != nil {
		return nil, err
	}
	r, err := c.Result(ctx, id)
	if err != nil {
		return nil, err
	}
	return r.Dossier(id, country, a.now()), nil
}

// Document implements desk.AMLSource.
func (a *amlSource) Document(ctx context.Context, id, kind string) ([]byte, error) {
	c, err := a.client()
	if err != nil {
		return nil, err
	}
	name, ok := reportNames[kind]
	if !ok {
		return nil, problem.New(problem.CodeInternal, fmt.Errorf("no BankID report for the document kind %q", kind))
	}
	return c.Report(ctx, id, name)
}
