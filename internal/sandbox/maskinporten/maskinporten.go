// Package maskinporten simulates Digdir's Maskinporten (registries.md
// §4.5): the authorisation server metadata, its JWKS and the JWT-bearer
// grant at /token, which it checks as the real one does and answers with
// the MP error codes. Its access tokens are what the register of
// beneficial owners' simulator accepts.
package maskinporten

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/sandbox/fault"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// Options configures the simulator.
type Options struct {
	// Now is the clock for grants and tokens; nil means time.Now.
	Now func() time.Time
	// TokenLifetime is how long access tokens live (expires_in); 0 means
	// 120 s.
	TokenLifetime time.Duration
	// Roots are the CAs an enterprise certificate in x5c must chain to.
	Roots *x509.CertPool
	// Faults are the sandbox's fault switches, for the token faults
	// (MaskinportenError, ExpiredToken); nil means none.
	Faults *fault.Switches
}

// Server is Maskinporten's state: its token-signing key (made on first
// use), the keys registered on clients and the grants already used. Its
// methods are safe for concurrent use.
type Server struct {
	world *world.World
	opts  Options

	keyOnce sync.Once
	key     *rsa.PrivateKey
	kid     string
	keyErr  error

	mu   sync.Mutex
	used map[string]int64 // client + jti (or the assertion) → exp
	keys map[string]registeredKey
}

// New returns a Maskinporten for the clients of w.
func New(w *world.World, opts Options) *Server {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.TokenLifetime == 0 {
		opts.TokenLifetime = 120 * time.Second
	}
	if opts.Faults == nil {
		opts.Faults = &fault.Switches{}
	}
	return &Server{world: w, opts: opts}
}

// Handler returns the HTTP handler of the server whose issuer is issuer
// (https://127.0.0.1:PORT/, with the slash): the grant's aud, and the base
// of .well-known/oauth-authorization-server, token and jwk.
func (s *Server) Handler(issuer string) http.Handler {
	return &maskinporten{srv: s, issuer: issuer}
}

// maskinporten serves Maskinporten's paths.
type maskinporten struct {
	srv    *Server
	issuer string // https://127.0.0.1:PORT/, the grant's aud
}

// GrantTypeJWTBearer is the grant type Maskinporten takes.
const GrantTypeJWTBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer"

// registeredKey is a public key registered on a client, with its kid.
type registeredKey struct {
	pub     *rsa.PublicKey
	expires time.Time
}

// signer returns the token-signing key and its kid.
func (m *Server) signer() (*rsa.PrivateKey, string, error) {
	m.keyOnce.Do(func() {
		m.key, m.keyErr = rsa.GenerateKey(rand.Reader, 2048)
		if m.keyErr != nil {
			m.keyErr = fmt.Errorf("sandbox Maskinporten key: %w", m.keyErr)
			return
		}
		m.kid = thumbprint(&m.key.PublicKey)
	})
	return m.key, m.kid, m.keyErr
}

// use records a grant and reports whether it was new. Entries are dropped
// once their grant has expired.
func (m *Server) use(id string, exp, now int64) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.used == nil {
		m.used = make(map[string]int64)
	}
	for k, e := range m.used {
		if e < now-int64(grantSkew/time.Second) {
			delete(m.used, k)
		}
	}
	if _, seen := m.used[id]; seen {
		return false
	}
	m.used[id] = exp
	return true
}

func (m *Server) registered(clientID, kid string) (registeredKey, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k, ok := m.keys[clientID+"\x00"+kid]
	return k, ok
}

// RegisterKey registers an RSA public key on a Maskinporten
// client of the world under kid, valid until expires (Maskinporten keeps
// registered keys for a year). A grant with that kid in its header and no
// x5c is checked with it; after expires it fails with MP-121.
func (s *Server) RegisterKey(clientID, kid string, pub *rsa.PublicKey, expires time.Time) error {
	if _, ok := s.world.MaskinportenClient(clientID); !ok {
		return fmt.Errorf("sandbox: no Maskinporten client %q", clientID)
	}
	if kid == "" || pub == nil {
		return errors.New("sandbox: RegisterMaskinportenKey needs a kid and a key")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.keys == nil {
		s.keys = make(map[string]registeredKey)
	}
	s.keys[clientID+"\x00"+kid] = registeredKey{pub: pub, expires: expires}
	return nil
}

// ServeHTTP routes Maskinporten's paths.
func (m *maskinporten) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/.well-known/oauth-authorization-server":
		m.metadata(w, r)
	case "/jwk", "/jwks":
		m.jwks(w, r)
	case "/token":
		m.token(w, r)
	default:
		writeJSONBody(w, r, http.StatusNotFound, map[string]string{"error": "not_found", "error_description": "No resource at " + r.URL.Path})
	}
}

// metadata serves the authorisation server metadata (RFC 8414).
func (m *maskinporten) metadata(w http.ResponseWriter, r *http.Request) {
	if !getOnly(w, r) {
		return
	}
	writeJSONBody(w, r, http.StatusOK, map[string]any{
		"issuer":                                m.issuer,
		"token_endpoint":                        m.issuer + "token",
		"jwks_uri":                              m.issuer + "jwk",
		"token_endpoint_auth_methods_supported": []string{"private_key_jwt"},
		"grant_types_supported":                 []string{GrantTypeJWTBearer},
		"token_endpoint_auth_signing_alg_values_supported": []string{"RS256", "RS384", "RS512"},
		"authorization_details_types_supported":            []string{},
	})
}

// jwks serves the public key that signs the access tokens.
func (m *maskinporten) jwks(w http.ResponseWriter, r *http.Request) {
	if !getOnly(w, r) {
		return
	}
	key, kid, err := m.srv.signer()
	if err != nil {
		mpFail(w, r, mpServerError, err.Error())
		return
	}
	writeJSONBody(w, r, http.StatusOK, map[string]any{"keys": []jwk{rsaJWK(&key.PublicKey, kid)}})
}

func getOnly(w http.ResponseWriter, r *http.Request) bool {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return true
	}
	w.Header().Set("Allow", "GET, HEAD")
	writeJSONBody(w, r, http.StatusMethodNotAllowed, map[string]string{"error": "invalid_request", "error_description": "Method " + r.Method + " not allowed"})
	return false
}

// accessClaims are the claims of an access token (§4.5).
type accessClaims struct {
	Iss       string `json:"iss"`
	ClientAmr string `json:"client_amr"`
	TokenType string `json:"token_type"`
	ClientID  string `json:"client_id"`
	Aud       any    `json:"aud,omitempty"`
	Scope     string `json:"scope"`
	Consumer  actor  `json:"consumer"`
	Supplier  *actor `json:"supplier,omitempty"`
	Pid       string `json:"pid,omitempty"`
	Exp       int64  `json:"exp"`
	Iat       int64  `json:"iat"`
	Jti       string `json:"jti"`
}

// actor is an organisation in a token: ISO 6523 with the Norwegian
// register's ICD 0192.
type actor struct {
	Authority string `json:"authority"`
	ID        string `json:"ID"`
}

func orgActor(orgnr string) actor {
	return actor{Authority: "iso6523-actorid-upis", ID: "0192:" + orgnr}
}

// tokenResponse is the token endpoint's answer.
type tokenResponse struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int64  `json:"expires_in"`
	Scope       string `json:"scope"`
}

// token serves the JWT-bearer grant, checking it in the order below; the
// first failed check answers.
func (m *maskinporten) token(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		writeJSONBody(w, r, http.StatusMethodNotAllowed, map[string]string{"error": "invalid_request", "error_description": "Method " + r.Method + " not allowed"})
		return
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/x-www-form-urlencoded" {
		mpFail(w, r, mpInvalidParameter, "Content-Type must be application/x-www-form-urlencoded")
		return
	}
	if err := r.ParseForm(); err != nil {
		mpFail(w, r, mpInvalidParameter, "unreadable form")
		return
	}
	if gt := r.PostForm.Get("grant_type"); gt != GrantTypeJWTBearer {
		mpFail(w, r, mpErr{status: 400, oauth: "unsupported_grant_type", code: "MP-011", text: "Unsupported grant_type"}, strconv.Quote(gt))
		return
	}
	assertion := r.PostForm.Get("assertion")
	if assertion == "" {
		mpFail(w, r, mpInvalidParameter, "assertion is missing")
		return
	}
	f, forced := m.srv.opts.Faults.TakeToken(fault.ServiceMaskinporten)
	if forced && f.MaskinportenError != "" {
		e, ok := mpErrs[f.MaskinportenError]
		if !ok {
			e = mpErr{status: 400, oauth: "invalid_grant", code: f.MaskinportenError, text: "Invalid grant"}
		}
		mpFail(w, r, e, "")
		return
	}
	claims, fail, detail := m.check(assertion)
	if fail != nil {
		mpFail(w, r, *fail, detail)
		return
	}
	key, kid, err := m.srv.signer()
	if err != nil {
		mpFail(w, r, mpServerError, err.Error())
		return
	}
	now := m.srv.opts.Now()
	life := m.srv.opts.TokenLifetime
	claims.Iat = now.Unix()
	claims.Exp = int64(math.Ceil(float64(now.Add(life).UnixNano()) / 1e9))
	if forced && f.ExpiredToken {
		// A token already expired when issued, though expires_in says not.
		claims.Iat = now.Add(-life - time.Minute).Unix()
		claims.Exp = now.Add(-time.Minute).Unix()
	}
	claims.Iss = m.issuer
	claims.TokenType = "Bearer"
	claims.Jti = newUUID()
	tok, err := signRS256(key, map[string]string{"kid": kid, "alg": "RS256"}, claims)
	if err != nil {
		mpFail(w, r, mpServerError, err.Error())
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Pragma", "no-cache")
	writeJSONBody(w, r, http.StatusOK, tokenResponse{AccessToken: tok, TokenType: "Bearer",
		ExpiresIn: int64(math.Ceil(life.Seconds())), Scope: claims.Scope})
}

// ErrTokenExpired is an access token past its exp.
var ErrTokenExpired = errors.New("the token has expired")

// VerifyAccess checks an access token issued by this Maskinporten with
// issuer iss: its signature, issuer and expiry. aud is not checked, as
// brreg does not. It returns the token's scopes.
func (m *Server) VerifyAccess(token, iss string, now time.Time) ([]string, error) {
	key, kid, err := m.signer()
	if err != nil {
		return nil, err
	}
	t, err := parseJWS(token)
	if err != nil {
		return nil, err
	}
	if alg, _ := str(t.header, "alg"); alg != "RS256" {
		return nil, fmt.Errorf("algorithm %q", alg)
	}
	if k, _ := str(t.header, "kid"); k != kid {
		return nil, errors.New("unknown kid")
	}
	if err := t.verify("RS256", &key.PublicKey); err != nil {
		return nil, err
	}
	raw, _ := json.Marshal(t.claims)
	var c accessClaims
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, err
	}
	if c.Iss != iss {
		return nil, errors.New("another issuer")
	}
	if now.Unix() >= c.Exp {
		return nil, ErrTokenExpired
	}
	return strings.Fields(c.Scope), nil
}

// MintAccessToken issues an access token with issuer iss for a client of
// the world with the given scopes, as Maskinporten would, without a grant
// and without checking that the scopes are registered or granted: for
// tests of an RRH client that need a scope no client holds
// (brreg:reelle/media...).
func (s *Server) MintAccessToken(iss, clientID string, scopes ...string) (string, error) {
	c, ok := s.world.MaskinportenClient(clientID)
	if !ok {
		return "", fmt.Errorf("sandbox: no Maskinporten client %q", clientID)
	}
	key, kid, err := s.signer()
	if err != nil {
		return "", err
	}
	now := s.opts.Now()
	return signRS256(key, map[string]string{"kid": kid, "alg": "RS256"}, accessClaims{
		Iss: iss, ClientAmr: "virksomhetssertifikat", TokenType: "Bearer", ClientID: c.ID,
		Scope: strings.Join(scopes, " "), Consumer: orgActor(c.OrgNr),
		Iat: now.Unix(), Exp: int64(math.Ceil(float64(now.Add(s.opts.TokenLifetime).UnixNano()) / 1e9)), Jti: newUUID(),
	})
}

// writeJSONBody writes v as JSON with a Content-Length.
func writeJSONBody(w http.ResponseWriter, r *http.Request, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"error":"server_error"}`)
	}
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}
