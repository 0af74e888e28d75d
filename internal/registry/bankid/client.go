package bankid

import (
	"context"
	"crypto"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/transport"
)

// AuthMethod is how the client authenticates at the token endpoint.
type AuthMethod string

// The authentication methods.
const (
	// AuthSecretBasic sends the client id and secret as HTTP Basic
	// authentication (the default).
	AuthSecretBasic AuthMethod = "client_secret_basic"
	// AuthSecretPost sends them as form fields.
	AuthSecretPost AuthMethod = "client_secret_post"
)

// The scopes (registries.md §5.2): profile and the organisation resource
// always, the OFAC list when enabled.
const (
	ScopeProfile = "profile"
	ScopeBasic   = "aml_organization/basic"
	ScopeOFAC    = "aml_organization/OFAC"
)

// Defaults for the zero fields of Config.
const (
	DefaultMaxReportSize = 8 << 20
	DefaultPollWait      = time.Second
	DefaultMaxPollWait   = 30 * time.Second
	// TokenMargin is how long before its expiry a cached token is
	// replaced.
	TokenMargin = 30 * time.Second
	// SessionLifetime is how long BankID keeps a session's results.
	SessionLifetime = 2 * time.Hour
	maxJSON         = 4 << 20
)

// Config configures a Client.
type Config struct {
	// BaseURL is the API host, e.g. https://aml-current.bankidapis.no.
	BaseURL string
	// OIDCBaseURL is the OIDC provider's realm, e.g.
	// https://oidc-current.bankidapis.no/auth/realms/current; the token
	// endpoint is read from its /.well-known/openid-configuration.
	OIDCBaseURL string
	// ClientID and ClientSecret are the client's credentials; the secret
	// is not used with AuthPrivateKeyJWT.
	ClientID, ClientSecret string
	// Auth is the authentication method; "" means AuthSecretBasic.
	Auth AuthMethod
	// Key signs the client assertion of AuthPrivateKeyJWT (an RSA key,
	// e.g. an imported certificate's); Chain, when set, is sent in the
	// assertion's x5c header, the client's certificate first; KeyID, when
	// set, in its kid header.
	Key   crypto.Signer
	Chain []*x509.Certificate
	KeyID string
	// OFAC adds the OFAC scope.
	OFAC bool
	// MaxReportSize bounds a report; default 8 MiB.
	MaxReportSize int64
	// PollWait is the first wait between status polls; it doubles up to
	// MaxPollWait. Defaults 1 s and 30 s.
	PollWait, MaxPollWait time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Sleep waits d or until ctx ends; nil means a timer. Tests inject
	// one that does not wait.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Client talks to BankID's AML service. It is safe for concurrent use.
type Client struct {
	cfg  Config
	hc   *transport.Client
	base *url.URL

	sem      chan struct{} // held while the token is read or fetched
	tokenURL string
	token    string
	expires  time.Time
}

// New returns a Client for cfg sending through hc.
func New(cfg Config, hc *transport.Client) (*Client, error) {
	if hc == nil {
		return nil, &Error{Op: "configure", Code: problem.CodeBankIDConfig, Err: errors.New("no HTTP client")}
	}
	base, err := url.Parse(strings.TrimRight(cfg.BaseURL, "/"))
	if err != nil || base.Scheme != "https" && base.Scheme != "http" || base.Host == "" {
		return nil, &Error{Op: "configure", Code: problem.CodeAddressInvalid, Err: fmt.Errorf("the API address %q is not a URL", cfg.BaseURL)}
	}
	if u, err := url.Parse(cfg.OIDCBaseURL); err != nil || u.Host == "" {
		return nil, &Error{Op: "configure", Code: problem.CodeAddressInvalid, Err: fmt.Errorf("the OIDC address %q is not a URL", cfg.OIDCBaseURL)}
	}
	if cfg.Auth == "" {
		cfg.Auth = AuthSecretBasic
	}
	switch cfg.Auth {
	case AuthSecretBasic, AuthSecretPost:
		if cfg.ClientID == "" || cfg.ClientSecret == "" {
			return nil, &Error{Op: "configure", Code: problem.CodeBankIDConfig, Err: errors.New("no client id or secret")}
		}
	case AuthPrivateKeyJWT:
		if cfg.ClientID == "" {
			return nil, &Error{Op: "configure", Code: problem.CodeBankIDConfig, Err: errors.New("no client id")}
		}
		if err := checkKey(cfg.Key, cfg.Chain); err != nil {
			return nil, &Error{Op: "configure", Code: problem.CodeBankIDConfig, Err: err}
		}
	default:
		return nil, &Error{Op: "configure", Code: problem.CodeBankIDConfig, Err: fmt.Errorf("unknown authentication method %q", cfg.Auth)}
	}
	if cfg.MaxReportSize <= 0 {
		cfg.MaxReportSize = DefaultMaxReportSize
	}
	if cfg.PollWait <= 0 {
		cfg.PollWait = DefaultPollWait
	}
	if cfg.MaxPollWait <= 0 {
		cfg.MaxPollWait = DefaultMaxPollWait
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Sleep == nil {
		cfg.Sleep = transport.Sleep
	}
	return &Client{cfg: cfg, hc: hc, base: base, sem: make(chan struct{}, 1)}, nil
}

// Scopes returns the scopes the client asks for, space-separated.
func (c *Client) Scopes() string {
	s := ScopeProfile + " " + ScopeBasic
	if c.cfg.OFAC {
		s += " " + ScopeOFAC
	}
	return s
}

// Token returns a valid access token: the cached one until TokenMargin
// before it expires, else a new one. Callers at the same moment share one
// token request.
func (c *Client) Token(ctx context.Context) (string, error) {
	select {
	case c.sem <- struct{}{}:
	case <-ctx.Done():
		return "", &Error{Op: "get a token", Code: problem.CodeCanceled, Err: ctx.Err()}
	}
	defer func() { <-c.sem }()
	if c.token != "" && c.cfg.Now().Before(c.expires.Add(-TokenMargin)) {
		return c.token, nil
	}
	if c.tokenURL == "" {
		u, err := c.discover(ctx)
		if err != nil {
			return "", err
		}
		c.tokenURL = u
	}
	tok, life, err := c.fetchToken(ctx)
	if err != nil {
		return "", err
	}
	c.token, c.expires = tok, c.cfg.Now().Add(life)
	return tok, nil
}

// forgetToken drops the cached token after the API refused it.
func (c *Client) forgetToken(tok string) {
	c.sem <- struct{}{}
	if c.token == tok {
		c.token = ""
	}
	<-c.sem
}

// discover reads the token endpoint from the OIDC discovery document.
func (c *Client) discover(ctx context.Context) (string, error) {
	const op = "read the OIDC discovery document"
	u := strings.TrimRight(c.cfg.OIDCBaseURL, "/") + "/.well-known/openid-configuration"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "", &Error{Op: op, Code: problem.CodeAddressInvalid, Err: err}
	}
	resp, err := c.hc.Do(ctx, req)
	if err != nil {
		return "", wrapTransport(op, err)
	}
	if resp.StatusCode != http.StatusOK {
		return "", &Error{Op: op, Status: resp.StatusCode, Code: problem.ForStatus(resp.StatusCode)}
	}
	var doc struct {
		TokenEndpoint string `json:"token_endpoint"`
	}
	if err := json.Unmarshal(resp.Body, &doc); err != nil {
		return "", &Error{Op: op, Code: problem.CodeUnreadableAnswer, Err: err}
	}
	tu, err := url.Parse(doc.TokenEndpoint)
	if err != nil || tu.Host == "" || tu.Scheme != "https" && tu.Scheme != "http" {
		return "", &Error{Op: op, Code: problem.CodeBankIDConfig, Err: errors.New("the discovery document names no token endpoint")}
	}
	return doc.TokenEndpoint, nil
}

// fetchToken makes one client-credentials token request.
func (c *Client) fetchToken(ctx context.Context) (string, time.Duration, error) {
	const op = "get a token"
	form := url.Values{"grant_type": {"client_credentials"}, "scope": {c.Scopes()}}
	switch c.cfg.Auth {
	case AuthSecretPost:
		form.Set("client_id", c.cfg.ClientID)
		form.Set("client_secret", c.cfg.ClientSecret)
	case AuthPrivateKeyJWT:
		a, err := c.assertion(c.cfg.Now())
		if err != nil {
			return "", 0, &Error{Op: op, Code: problem.CodeBankIDConfig, Err: err}
		}
		form.Set("client_id", c.cfg.ClientID)
		form.Set("client_assertion_type", AssertionType)
		form.Set("client_assertion", a)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.tokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return "", 0, &Error{Op: op, Code: problem.CodeBankIDConfig, Err: err}
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	if c.cfg.Auth == AuthSecretBasic {
		req.SetBasicAuth(url.QueryEscape(c.cfg.ClientID), url.QueryEscape(c.cfg.ClientSecret))
	}
	resp, err := c.hc.Do(ctx, req)
	if err != nil {
		return "", 0, wrapTransport(op, err)
	}
	var body struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int64  `json:"expires_in"`
		TokenType   string `json:"token_type"`
		Error       string `json:"error"`
	}
	jerr := json.Unmarshal(resp.Body, &body)
	if resp.StatusCode != http.StatusOK {
		code := problem.ForStatus(resp.StatusCode)
		switch {
		case body.Error == "invalid_client" || resp.StatusCode == http.StatusUnauthorized:
			code = problem.CodeBankIDInvalidClient
		case resp.StatusCode == 400 || resp.StatusCode == 403:
			code = problem.CodeBankIDTokenRefused
		}
		var cause error
		if body.Error != "" {
			cause = fmt.Errorf("OIDC error %q", body.Error)
		}
		return "", 0, &Error{Op: op, Status: resp.StatusCode, Code: code, Err: cause}
	}
	if jerr != nil || body.AccessToken == "" || !strings.EqualFold(body.TokenType, "bearer") || body.ExpiresIn <= 0 {
		if jerr == nil {
			jerr = errors.New("no bearer access token with a lifetime")
		}
		return "", 0, &Error{Op: op, Code: problem.CodeUnreadableAnswer, Err: jerr}
	}
	return body.AccessToken, time.Duration(body.ExpiresIn) * time.Second, nil
}
