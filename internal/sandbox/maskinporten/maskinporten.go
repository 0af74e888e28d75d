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
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/sandbox/ca"
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

// grantClaims are the claims a grant may hold (§4.5); any other fails with
// MP-011.
var grantClaims = []string{"aud", "iss", "iat", "exp", "jti", "scope", "resource", "consumer_org", "pid", "authorization_details"}

// userLoginScopes are scopes of ID-porten's user login, which a
// Maskinporten client may not ask for (MP-201).
var userLoginScopes = []string{"openid", "profile"}

// The grant's time rules.
const (
	grantSkew        = 10 * time.Second // iat within ±10 s of now
	grantMaxLifetime = 120              // exp − iat ≤ 120 s
)

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

// mpErr is one of Maskinporten's errors: the HTTP status, the OAuth2
// error and the text of error_description before its MP code.
type mpErr struct {
	status int
	oauth  string
	code   string
	text   string
}

// The MP codes of registries.md §4.5, with the texts of Maskinporten's
// troubleshooting page where it gives them. [U] Where the codes map to
// HTTP statuses and OAuth2 errors is not documented: the sandbox answers
// 400 with invalid_request, invalid_grant or invalid_scope, and 403
// access_denied for the consumer's missing grant or delegation (MP-250,
// MP-251), the "403-style access denials" of the digest. The code ends
// error_description in parentheses, e.g. "… Invalid JWT claim aud
// (MP-110)".
var mpErrs = map[string]mpErr{}

var (
	mpInvalidParameter = mpDef(400, "invalid_request", "MP-011", "Invalid assertion. Invalid parameter value")
	mpGrantUsed        = mpDef(400, "invalid_grant", "MP-012", "Invalid assertion. Grant is used before")
	mpClientAuth       = mpDef(400, "invalid_grant", "MP-100", "Invalid assertion. Client authentication failed.")
	mpAudience         = mpDef(400, "invalid_grant", "MP-110", "Invalid assertion. Client authentication failed. Invalid JWT claim aud")
	mpCertificate      = mpDef(400, "invalid_grant", "MP-120", "Invalid assertion. Client authentication failed. The JWT is signed with an invalid certificate.")
	mpExpiredKey       = mpDef(400, "invalid_grant", "MP-121", "Invalid assertion. Client authentication failed. Expired key")
	mpOtherOrg         = mpDef(400, "invalid_grant", "MP-122", "Invalid assertion. Client authentication failed. The organization number of the certificate does not match the client's organization number")
	mpX5C              = mpDef(400, "invalid_grant", "MP-123", "Invalid assertion. Client authentication failed. Invalid x5c header: failed to extract certificate from jwt")
	mpSignature        = mpDef(400, "invalid_grant", "MP-124", "Invalid assertion. Client authentication failed. Invalid JWT signature")
	mpExpired          = mpDef(400, "invalid_grant", "MP-130", "Invalid assertion. Client authentication failed. JWT is expired")
	mpScope            = mpDef(400, "invalid_scope", "MP-200", "Token request contains invalid scopes for client")
	mpScopeType        = mpDef(400, "invalid_scope", "MP-201", "Token request contains scopes with integration types only allowed for user login")
	mpNotGranted       = mpDef(403, "access_denied", "MP-250", "Consumer has not been granted access to the scope")
	mpNotDelegated     = mpDef(403, "access_denied", "MP-251", "Consumer has not delegated access to the scope to the supplier")
	mpRAR              = mpDef(400, "invalid_authorization_details", "MP-301", "Invalid authorization_details")
	_                  = mpDef(400, "invalid_authorization_details", "MP-302", "Invalid authorization_details: the consent is not valid")
	_                  = mpDef(400, "invalid_authorization_details", "MP-303", "Invalid authorization_details: the system user is not configured")
	mpServerError      = mpErr{status: 500, oauth: "server_error", text: "Internal server error"}
)

func mpDef(status int, oauth, code, text string) mpErr {
	e := mpErr{status: status, oauth: oauth, code: code, text: text}
	mpErrs[code] = e
	return e
}

// mpFail writes a Maskinporten error; detail, if any, follows the text.
func mpFail(w http.ResponseWriter, r *http.Request, e mpErr, detail string) {
	desc := e.text
	if detail != "" {
		desc = strings.TrimSuffix(desc, ".") + ": " + detail
	}
	if e.code != "" {
		desc += " (" + e.code + ")"
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSONBody(w, r, e.status, map[string]string{"error": e.oauth, "error_description": desc})
}

// WriteError writes a fault switch's status as an OAuth2 error.
func WriteError(w http.ResponseWriter, r *http.Request, status int) {
	e := mpErr{status: status, oauth: "server_error", text: http.StatusText(status)}
	if status == http.StatusServiceUnavailable || status == http.StatusTooManyRequests {
		e.oauth = "temporarily_unavailable"
	}
	mpFail(w, r, e, "")
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

// check checks a grant: the JWS and its algorithm, the client (iss), the
// key (x5c chained to the sandbox CA and valid, or a registered kid), the
// signature, the certificate's organisation, aud, the claims allowed, iat
// and exp, replay (jti), authorization_details and the scopes (registered
// on the client, granted to the consumer, delegated to the supplier). On
// success it returns the access token's claims without the times.
func (m *maskinporten) check(assertion string) (*accessClaims, *mpErr, string) {
	fail := func(e mpErr, detail string) (*accessClaims, *mpErr, string) { return nil, &e, detail }
	now := m.srv.opts.Now()
	t, err := parseJWS(assertion)
	if err != nil {
		return fail(mpInvalidParameter, "the assertion is not a signed JWT ("+err.Error()+")")
	}
	alg, _ := str(t.header, "alg")
	if _, ok := rsaHash(alg); !ok {
		return fail(mpSignature, "algorithm "+strconv.Quote(alg)+" is not allowed; use RS256, RS384 or RS512")
	}
	iss, _ := str(t.claims, "iss")
	client, ok := m.srv.world.MaskinportenClient(iss)
	if !ok {
		return fail(mpClientAuth, "Client not found")
	}

	amr := ""
	switch rawX5C, hasX5C := t.header["x5c"]; {
	case hasX5C:
		var chain []string
		if err := json.Unmarshal(rawX5C, &chain); err != nil || len(chain) == 0 {
			return fail(mpX5C, "x5c must be an array of base64 DER certificates")
		}
		certs := make([]*x509.Certificate, len(chain))
		for i, c := range chain {
			der, err := base64.StdEncoding.DecodeString(c)
			if err == nil {
				certs[i], err = x509.ParseCertificate(der)
			}
			if err != nil {
				return fail(mpX5C, fmt.Sprintf("certificate %d: %v", i, err))
			}
		}
		leaf := certs[0]
		inter := x509.NewCertPool()
		for _, c := range certs[1:] {
			inter.AddCert(c)
		}
		if _, err := leaf.Verify(x509.VerifyOptions{Roots: m.srv.opts.Roots, Intermediates: inter, CurrentTime: now,
			KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}}); err != nil {
			return fail(mpCertificate, err.Error())
		}
		pub, ok := leaf.PublicKey.(*rsa.PublicKey)
		if !ok || t.verify(alg, pub) != nil {
			return fail(mpSignature, "")
		}
		if org := certOrgNr(leaf); org != client.OrgNr {
			return fail(mpOtherOrg, fmt.Sprintf("certificate %q, client %s", org, client.OrgNr))
		}
		amr = "virksomhetssertifikat"
	default:
		kid, ok := str(t.header, "kid")
		if !ok || kid == "" {
			return fail(mpX5C, "the header has neither x5c nor kid")
		}
		k, ok := m.srv.registered(client.ID, kid)
		if !ok {
			return fail(mpClientAuth, "no key with kid "+strconv.Quote(kid)+" on the client")
		}
		if !now.Before(k.expires) {
			return fail(mpExpiredKey, "")
		}
		if t.verify(alg, k.pub) != nil {
			return fail(mpSignature, "")
		}
		amr = "private_key_jwt"
	}

	if aud, ok := str(t.claims, "aud"); !ok || aud != m.issuer {
		return fail(mpAudience, "")
	}
	for k := range t.claims {
		if !slices.Contains(grantClaims, k) {
			return fail(mpInvalidParameter, "claim "+strconv.Quote(k)+" is not allowed")
		}
	}
	iat, ok := numericDate(t.claims, "iat")
	if !ok {
		return fail(mpInvalidParameter, "iat is missing")
	}
	exp, ok := numericDate(t.claims, "exp")
	if !ok {
		return fail(mpInvalidParameter, "exp is missing")
	}
	switch skew := int64(grantSkew / time.Second); {
	case iat > now.Unix()+skew:
		// [U] The digest lists "Issue time is after now" without a code.
		return fail(mpExpired, "Issue time is after now")
	case iat < now.Unix()-skew:
		return fail(mpExpired, "iat is more than 10 seconds old")
	case exp-iat > grantMaxLifetime:
		return fail(mpExpired, fmt.Sprintf("exp - iat is %d seconds, more than %d", exp-iat, grantMaxLifetime))
	case exp <= now.Unix():
		return fail(mpExpired, "")
	}
	// [U] jti is recommended, not required (§4.5): without one, the
	// assertion itself is what may not be used twice.
	once := assertion
	if jti, ok := str(t.claims, "jti"); ok && jti != "" {
		once = "jti:" + jti
	} else if _, ok := t.claims["jti"]; ok {
		return fail(mpInvalidParameter, "jti must be a non-empty string")
	}
	if !m.srv.use(client.ID+"\x00"+once, exp, now.Unix()) {
		return fail(mpGrantUsed, "")
	}
	if _, ok := t.claims["authorization_details"]; ok {
		return fail(mpRAR, "the sandbox has no Altinn system users or consents")
	}

	scopeText, _ := str(t.claims, "scope")
	scopes := strings.Fields(scopeText)
	if len(scopes) == 0 {
		return fail(mpScope, "no scope requested")
	}
	for _, sc := range scopes {
		if slices.Contains(userLoginScopes, sc) {
			return fail(mpScopeType, sc)
		}
	}
	for _, sc := range scopes {
		if !slices.Contains(client.Scopes, sc) {
			return fail(mpScope, sc)
		}
	}
	consumer := client.OrgNr
	var supplier *actor
	if raw, ok := t.claims["consumer_org"]; ok {
		var c string
		if json.Unmarshal(raw, &c) != nil || !ident.IsNineDigits(c) {
			return fail(mpInvalidParameter, "consumer_org must be an organisasjonsnummer")
		}
		if c != client.OrgNr {
			consumer = c
			s := orgActor(client.OrgNr)
			supplier = &s
		}
	}
	for _, sc := range scopes {
		if !m.srv.world.Granted(consumer, sc) {
			return fail(mpNotGranted, sc)
		}
		if supplier != nil && !m.srv.world.Delegated(consumer, client.OrgNr, sc) {
			return fail(mpNotDelegated, sc)
		}
	}
	out := &accessClaims{ClientAmr: amr, ClientID: client.ID, Scope: strings.Join(scopes, " "), Consumer: orgActor(consumer), Supplier: supplier}
	if raw, ok := t.claims["resource"]; ok {
		var one string
		var many []string
		switch {
		case json.Unmarshal(raw, &one) == nil && one != "":
			out.Aud = one
		case json.Unmarshal(raw, &many) == nil && len(many) > 0:
			out.Aud = many
		default:
			return fail(mpInvalidParameter, "resource must be a string or an array of strings")
		}
	}
	if pid, ok := str(t.claims, "pid"); ok {
		out.Pid = pid
	}
	return out, nil, ""
}

// certOrgNr returns the organisasjonsnummer of an enterprise certificate:
// organizationIdentifier NTRNO-nnnnnnnnn, else a nine-digit serialNumber.
func certOrgNr(c *x509.Certificate) string {
	for _, a := range c.Subject.Names {
		if a.Type.Equal(ca.OIDOrganizationIdentifier()) {
			if v, ok := a.Value.(string); ok {
				if n, ok := strings.CutPrefix(v, "NTRNO-"); ok && ident.IsNineDigits(n) {
					return n
				}
			}
		}
	}
	if ident.IsNineDigits(c.Subject.SerialNumber) {
		return c.Subject.SerialNumber
	}
	return ""
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
