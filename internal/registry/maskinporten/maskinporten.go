package maskinporten

import (
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/registry/transport"
)

// Limits and margins.
const (
	// MaxGrantLifetime is the longest a grant may live: Maskinporten
	// refuses exp − iat > 120 s.
	MaxGrantLifetime = 120 * time.Second
	// RefreshMargin is how long before its expiry a cached token is
	// replaced.
	RefreshMargin = 30 * time.Second
	// fetchTimeout bounds one shared token request (metadata included),
	// whoever waits for it.
	fetchTimeout = 60 * time.Second
	// minRSABits is the smallest RSA key accepted.
	minRSABits = 2048
)

// Config configures a Client.
type Config struct {
	// Issuer is the environment's issuer, used as the grant's aud, e.g.
	// "https://maskinporten.no/" or "https://test.maskinporten.no/". When
	// empty it is read from MetadataURL.
	Issuer string
	// TokenURL is the token endpoint, e.g. "https://maskinporten.no/token".
	// When empty it is read from MetadataURL.
	TokenURL string
	// MetadataURL is the environment's
	// /.well-known/oauth-authorization-server, read (once) when Issuer or
	// TokenURL is empty.
	MetadataURL string
	// ClientID is the Maskinporten client's id: the grant's iss.
	ClientID string
	// Scopes are the scopes asked for, each pre-registered on the client.
	Scopes []string
	// KeyID is the kid of a key registered on the client. When set, the
	// grant carries kid instead of the certificate chain (x5c).
	KeyID string
	// GrantLifetime is exp − iat of the grant; default and maximum
	// MaxGrantLifetime.
	GrantLifetime time.Duration
	// Now is the clock; default time.Now.
	Now func() time.Time
}

// Token is an access token from Maskinporten. Treat AccessToken as a
// secret: never log it.
type Token struct {
	AccessToken string
	// ExpiresAt is when the token expires, by Config.Now's clock.
	ExpiresAt time.Time
	// Scope is the space-separated scopes the token was issued for.
	Scope string
}

// String hides the token, so that printing a Token does not leak it.
func (t Token) String() string {
	return "maskinporten.Token{scope: " + strconv.Quote(t.Scope) + ", expires: " + t.ExpiresAt.UTC().Format(time.RFC3339) + "}"
}

// GoString hides the token from %#v too.
func (t Token) GoString() string { return t.String() }

// Client gets and caches Maskinporten tokens. It is safe for concurrent
// use.
type Client struct {
	cfg    Config
	signer crypto.Signer
	x5c    []string
	t      *transport.Client

	mu       sync.Mutex
	tok      Token
	has      bool
	flight   *flight
	issuer   string // known endpoints; from cfg or the metadata
	tokenURL string
}

// flight is one token request that every caller waiting for a token
// shares.
type flight struct {
	done chan struct{}
	tok  Token
	err  error
}

// New returns a Client. signer must hold an RSA key (2048 bits or more);
// x5c is the certificate chain for the x5c header (standard base64 DER,
// leaf first), whose leaf must hold signer's public key. x5c may be empty
// when cfg.KeyID names a registered key.
func New(cfg Config, signer crypto.Signer, x5c []string, t *transport.Client) (*Client, error) {
	if t == nil {
		return nil, errors.New("maskinporten: no HTTP client")
	}
	if signer == nil {
		return nil, errors.New("maskinporten: no private key to sign the grant with: choose an enterprise certificate in Settings")
	}
	pub, ok := signer.Public().(*rsa.PublicKey)
	if !ok {
		return nil, fmt.Errorf("maskinporten: the certificate's key is %s, but Maskinporten grants are signed with RSA: use an RSA enterprise certificate", keyKind(signer.Public()))
	}
	if pub.N.BitLen() < minRSABits {
		return nil, fmt.Errorf("maskinporten: the certificate's RSA key has %d bits; at least %d are needed", pub.N.BitLen(), minRSABits)
	}
	cfg.ClientID = strings.TrimSpace(cfg.ClientID)
	if cfg.ClientID == "" {
		return nil, errors.New("maskinporten: no client id: enter the Maskinporten client id in Settings")
	}
	var scopes []string
	for _, s := range cfg.Scopes {
		scopes = append(scopes, strings.Fields(s)...)
	}
	if len(scopes) == 0 {
		return nil, errors.New("maskinporten: no scope: choose the scope your organisation was given in Settings")
	}
	cfg.Scopes = scopes
	cfg.KeyID = strings.TrimSpace(cfg.KeyID)
	if cfg.KeyID == "" && len(x5c) == 0 {
		return nil, errors.New("maskinporten: no certificate chain (x5c) and no registered key id (kid): the grant cannot say who signed it")
	}
	if cfg.KeyID == "" {
		der, err := base64.StdEncoding.DecodeString(x5c[0])
		if err != nil {
			return nil, fmt.Errorf("maskinporten: the certificate chain (x5c) is not base64: %w", err)
		}
		leaf, err := x509.ParseCertificate(der)
		if err != nil {
			return nil, fmt.Errorf("maskinporten: the first certificate of the chain (x5c) cannot be read: %w", err)
		}
		if !pub.Equal(leaf.PublicKey) {
			return nil, errors.New("maskinporten: the certificate does not belong to the private key: import the enterprise certificate again, with its key")
		}
	}
	if cfg.Issuer == "" || cfg.TokenURL == "" {
		if cfg.MetadataURL == "" {
			return nil, errors.New("maskinporten: no Maskinporten address: set the issuer and token endpoint, or the metadata address")
		}
	}
	for _, u := range []string{cfg.TokenURL, cfg.MetadataURL} {
		if u == "" {
			continue
		}
		if p, err := url.Parse(u); err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
			return nil, fmt.Errorf("maskinporten: %q is not a valid Maskinporten address", u)
		}
	}
	switch {
	case cfg.GrantLifetime <= 0 || cfg.GrantLifetime > MaxGrantLifetime:
		cfg.GrantLifetime = MaxGrantLifetime
	case cfg.GrantLifetime < 10*time.Second:
		cfg.GrantLifetime = 10 * time.Second
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Client{
		cfg:      cfg,
		signer:   signer,
		x5c:      append([]string(nil), x5c...),
		t:        t,
		issuer:   cfg.Issuer,
		tokenURL: cfg.TokenURL,
	}, nil
}

func keyKind(pub crypto.PublicKey) string {
	switch pub.(type) {
	case nil:
		return "missing"
	case *rsa.PublicKey:
		return "RSA"
	}
	s := fmt.Sprintf("%T", pub)
	switch {
	case strings.Contains(s, "ecdsa"):
		return "ECDSA"
	case strings.Contains(s, "ed25519"):
		return "Ed25519"
	}
	return "of an unknown kind"
}

// Scopes returns the scopes asked for.
func (c *Client) Scopes() []string { return append([]string(nil), c.cfg.Scopes...) }

// Token returns a valid access token: the cached one when it has more
// than RefreshMargin left, else a new one. Callers that ask at the same
// time share one request to Maskinporten; a failure is returned to each
// of them and not cached. A caller whose ctx ends stops waiting, but the
// shared request goes on for the others.
func (c *Client) Token(ctx context.Context) (Token, error) {
	if err := ctx.Err(); err != nil {
		return Token{}, fmt.Errorf("maskinporten: %w", err)
	}
	c.mu.Lock()
	if c.has && c.cfg.Now().Before(c.tok.ExpiresAt.Add(-RefreshMargin)) {
		tok := c.tok
		c.mu.Unlock()
		return tok, nil
	}
	f := c.flight
	if f == nil {
		f = &flight{done: make(chan struct{})}
		c.flight = f
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), fetchTimeout)
		go func() {
			defer cancel()
			tok, err := c.fetch(fctx)
			c.mu.Lock()
			if err == nil {
				c.tok, c.has = tok, true
			}
			c.flight = nil
			c.mu.Unlock()
			f.tok, f.err = tok, err
			close(f.done)
		}()
	}
	c.mu.Unlock()
	select {
	case <-f.done:
		return f.tok, f.err
	case <-ctx.Done():
		return Token{}, fmt.Errorf("maskinporten: waiting for a token: %w", ctx.Err())
	}
}

// Invalidate drops the cached token, e.g. after the API answered 401 to
// it; the next Token asks Maskinporten again.
func (c *Client) Invalidate() {
	c.mu.Lock()
	c.tok, c.has = Token{}, false
	c.mu.Unlock()
}

// fetch asks Maskinporten for a new token.
func (c *Client) fetch(ctx context.Context) (Token, error) {
	issuer, tokenURL, err := c.endpoints(ctx)
	if err != nil {
		return Token{}, err
	}
	now := c.cfg.Now()
	assertion, err := c.grant(issuer, now)
	if err != nil {
		return Token{}, err
	}
	form := url.Values{
		"grant_type": {"urn:ietf:params:oauth:grant-type:jwt-bearer"},
		"assertion":  {assertion},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, tokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return Token{}, fmt.Errorf("maskinporten: the token address is not valid: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := c.t.Do(ctx, req)
	if err != nil {
		// transport errors never carry the request body (the grant).
		return Token{}, fmt.Errorf("maskinporten: token request: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return Token{}, c.refusal(resp)
	}
	var body struct {
		AccessToken string          `json:"access_token"`
		TokenType   string          `json:"token_type"`
		ExpiresIn   json.RawMessage `json:"expires_in"`
		Scope       string          `json:"scope"`
	}
	if err := json.Unmarshal(resp.Body, &body); err != nil {
		return Token{}, &ResponseError{Op: "token", Code: CodeMalformed, StatusCode: resp.StatusCode, Err: errors.New("not a JSON token response")}
	}
	secs, ok := seconds(body.ExpiresIn)
	switch {
	case body.AccessToken == "":
		return Token{}, &ResponseError{Op: "token", Code: CodeMalformed, StatusCode: resp.StatusCode, Err: errors.New("no access_token")}
	case body.TokenType != "" && !strings.EqualFold(body.TokenType, "bearer"):
		return Token{}, &ResponseError{Op: "token", Code: CodeMalformed, StatusCode: resp.StatusCode,
			Err: fmt.Errorf("token_type %q, not Bearer", sanitize(body.TokenType, 40))}
	case !ok || secs <= 0:
		return Token{}, &ResponseError{Op: "token", Code: CodeMalformed, StatusCode: resp.StatusCode, Err: errors.New("no valid expires_in")}
	}
	scope := body.Scope
	if scope == "" {
		scope = strings.Join(c.cfg.Scopes, " ")
	}
	// The lifetime counts from when the request was sent: conservative.
	return Token{AccessToken: body.AccessToken, ExpiresAt: now.Add(time.Duration(secs) * time.Second), Scope: scope}, nil
}

// seconds reads expires_in, a number (or, leniently, a numeric string).
func seconds(raw json.RawMessage) (int64, bool) {
	s := strings.Trim(strings.TrimSpace(string(raw)), `"`)
	if s == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return min(n, 366*24*3600), true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != f || f > 366*24*3600 {
		return 0, false
	}
	return int64(f), true
}

// refusal turns a non-200 answer into an *Error when it is an OAuth error
// body, else a *ResponseError.
func (c *Client) refusal(resp *transport.Response) error {
	var body struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	if resp.StatusCode >= 400 && resp.StatusCode < 500 && json.Unmarshal(resp.Body, &body) == nil && body.Error != "" {
		return &Error{
			Code:        classify(body.Error, body.Description),
			OAuthCode:   sanitize(body.Error, 60),
			Description: sanitize(body.Description, 300),
			StatusCode:  resp.StatusCode,
			Scopes:      append([]string(nil), c.cfg.Scopes...),
		}
	}
	return &ResponseError{Op: "token", Code: "http_" + strconv.Itoa(resp.StatusCode), StatusCode: resp.StatusCode}
}

// endpoints returns the issuer and token endpoint, reading the metadata
// when the configuration lacks one. Metadata read once is kept.
func (c *Client) endpoints(ctx context.Context) (issuer, tokenURL string, err error) {
	c.mu.Lock()
	issuer, tokenURL = c.issuer, c.tokenURL
	c.mu.Unlock()
	if issuer != "" && tokenURL != "" {
		return issuer, tokenURL, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.cfg.MetadataURL, nil)
	if err != nil {
		return "", "", fmt.Errorf("maskinporten: the metadata address is not valid: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.t.Do(ctx, req)
	if err != nil {
		return "", "", fmt.Errorf("maskinporten: metadata: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return "", "", &ResponseError{Op: "metadata", Code: "http_" + strconv.Itoa(resp.StatusCode), StatusCode: resp.StatusCode}
	}
	var meta struct {
		Issuer        string `json:"issuer"`
		TokenEndpoint string `json:"token_endpoint"`
	}
	if err := json.Unmarshal(resp.Body, &meta); err != nil {
		return "", "", &ResponseError{Op: "metadata", Code: CodeMalformed, StatusCode: resp.StatusCode, Err: errors.New("not JSON")}
	}
	if issuer == "" {
		issuer = meta.Issuer
	}
	if tokenURL == "" {
		tokenURL = meta.TokenEndpoint
	}
	if issuer == "" || tokenURL == "" {
		return "", "", &ResponseError{Op: "metadata", Code: CodeMalformed, StatusCode: resp.StatusCode, Err: errors.New("no issuer or token_endpoint")}
	}
	if p, err := url.Parse(tokenURL); err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
		return "", "", &ResponseError{Op: "metadata", Code: CodeMalformed, StatusCode: resp.StatusCode, Err: errors.New("token_endpoint is not an address")}
	}
	c.mu.Lock()
	c.issuer, c.tokenURL = issuer, tokenURL
	c.mu.Unlock()
	return issuer, tokenURL, nil
}
