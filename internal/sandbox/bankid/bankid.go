// Package bankid simulates BankID's AML service as registries.md §5
// describes it: an OIDC provider (discovery and a client-credentials token
// endpoint with client_secret_basic or client_secret_post, scopes
// checked, 300 s tokens) and the Organization Async Session API (create,
// status, result JSON, PDF reports) over the companies of the sandbox
// world. A worker moves each result entity of a session NOT_STARTED →
// IN_PROGRESS → COMPLETED (or FAILED) after delays on the simulator's
// clock (Options.Delays, zero allowed), or after a number of status
// polls, counted; a session expires two hours after creation. When a
// session asks for webhooks, the simulator POSTs them with its own HMAC
// signature header (see SignatureHeader). The reports are PDFs made with
// gofpdf: an AML report and a certificate of registration in the
// company's country's language. The paths below a session, the terminal
// status names, the report names and the webhook body are the
// simulator's choices where the spec marks them unconfirmed, as
// registry/bankid's assumptions.go assumes them.
package bankid

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/motpart/motpart/internal/sandbox/fault"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// The simulator's defaults and fixed names.
const (
	// Realm is the OIDC provider's path; the discovery document is at
	// Realm + "/.well-known/openid-configuration".
	Realm = "/auth/realms/sandbox"
	// TokenPath is the token endpoint's path.
	TokenPath = Realm + "/protocol/openid-connect/token"
	// DefaultClientID and DefaultClientSecret are the sandbox client.
	DefaultClientID     = "motpart-sandbox"
	DefaultClientSecret = "sandbox-hemmelighet"
	// TokenLifetime is the lifetime of an access token.
	TokenLifetime = 300 * time.Second
	// SessionLifetime is how long a session's results are kept.
	SessionLifetime = 2 * time.Hour
	// DefaultPolls is how many status polls a session takes to complete
	// in the counted mode.
	DefaultPolls = 2
	// DefaultWebhookSecret is the key of the webhooks' HMAC signature
	// unless Options.WebhookSecret says otherwise.
	DefaultWebhookSecret = "sandbox-webhook-hemmelighet"
	// Completed and Failed are the simulator's terminal status values.
	Completed = "COMPLETED"
	Failed    = "FAILED"
)

// The reports the simulator makes.
const (
	ReportAML          = "aml"
	ReportRegistration = "certificateOfRegistration"
)

// Options configure the simulator. The zero value uses the defaults.
type Options struct {
	ClientID, ClientSecret string
	// Delays, when set, time the worker on the simulator's clock (the
	// timed mode; ZeroDelays finishes every session at creation). When
	// nil, the counted mode: a session completes after Polls status
	// polls.
	Delays *Delays
	// Polls is how many status polls a session answers in progress
	// before it completes, in the counted mode; 0 means DefaultPolls,
	// negative completes at once.
	Polls int
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// FailOrgNr is a number whose sessions fail; "" means
	// world.FailureOrgNr.
	FailOrgNr string
	// ClientKey, when set, lets the client authenticate with
	// private_key_jwt: an RS256 assertion this key verifies.
	ClientKey *rsa.PublicKey
	// WebhookSecret keys the webhooks' signature; "" means
	// DefaultWebhookSecret.
	WebhookSecret string
	// WebhookClient posts the webhooks; nil means a client with a 10 s
	// timeout.
	WebhookClient *http.Client
	// Fault, when set, returns the service's current fault switch, for
	// the faults the simulator applies itself (NotPDF, NeverFinish).
	Fault func() fault.Fault
}

// Delays time the worker: an entity waits Start after the session's
// creation before it is IN_PROGRESS; the result JSON is done JSON after
// that, and the reports one after the other, Report each, after the
// JSON. Zero durations are allowed.
type Delays struct {
	Start, JSON, Report time.Duration
}

// ZeroDelays is the timed mode without waiting: every entity is done
// when the session is created. Benchmarks use it.
func ZeroDelays() *Delays { return &Delays{} }

// Server is the simulator, an http.Handler. It is safe for concurrent use.
type Server struct {
	opts      Options
	companies map[string]*company // by country and digits, "no:311111116"

	mu       sync.Mutex
	tokens   map[string]token
	jtis     map[string]time.Time // assertion ids seen, until they expire
	sessions map[string]*session
	counts   map[string]int // requests by kind: "token", "create", "status"...

	hooks sync.WaitGroup // webhook deliveries under way
}

type token struct {
	expires time.Time
	scopes  string
}

// New returns a simulator over the companies of w.
func New(w *world.World, opts Options) *Server {
	if opts.ClientID == "" {
		opts.ClientID, opts.ClientSecret = DefaultClientID, DefaultClientSecret
	}
	if opts.Polls == 0 {
		opts.Polls = DefaultPolls
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.FailOrgNr == "" {
		opts.FailOrgNr = world.FailureOrgNr
	}
	if opts.WebhookSecret == "" {
		opts.WebhookSecret = DefaultWebhookSecret
	}
	if opts.WebhookClient == nil {
		opts.WebhookClient = &http.Client{Timeout: 10 * time.Second}
	}
	return &Server{opts: opts, companies: companies(w), tokens: map[string]token{},
		sessions: map[string]*session{}, counts: map[string]int{}, jtis: map[string]time.Time{}}
}

// Count returns how many requests of a kind the simulator answered:
// "discovery", "token", "create", "status", "jsonData", "report",
// "expired", "webhook" (deliveries attempted) or "other".
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

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == Realm+"/.well-known/openid-configuration" && r.Method == http.MethodGet:
		s.count("discovery")
		base := "https://" + r.Host + Realm
		writeJSON(w, http.StatusOK, map[string]any{"issuer": base, "token_endpoint": base + "/protocol/openid-connect/token",
			"grant_types_supported":                 []string{"client_credentials"},
			"token_endpoint_auth_methods_supported": []string{"client_secret_basic", "client_secret_post", "private_key_jwt"}})
	case p == TokenPath && r.Method == http.MethodPost:
		s.count("token")
		s.token(w, r)
	case strings.HasPrefix(p, "/organization/session/"):
		s.sessionAPI(w, r, strings.TrimPrefix(p, "/organization/session/"))
	default:
		WriteError(w, r, http.StatusNotFound)
	}
}

// WriteError writes the simulator's JSON error body for a status; it is
// the fault package's ErrorWriter for the service.
func WriteError(w http.ResponseWriter, _ *http.Request, status int) {
	writeJSON(w, status, map[string]any{"status": status, "error": strings.ToLower(strings.ReplaceAll(http.StatusText(status), " ", "_"))})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func oauthError(w http.ResponseWriter, status int, code string) {
	writeJSON(w, status, map[string]string{"error": code})
}

// token answers the client-credentials grant.
func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request")
		return
	}
	id, secret, basic := r.BasicAuth()
	if !basic {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	if a := r.PostForm.Get("client_assertion"); a != "" && !basic {
		if r.PostForm.Get("client_assertion_type") != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" ||
			!s.assertionValid(a, "https://"+r.Host+TokenPath) {
			oauthError(w, http.StatusUnauthorized, "invalid_client")
			return
		}
		id, secret = s.opts.ClientID, s.opts.ClientSecret
	}
	if id != s.opts.ClientID || secret != s.opts.ClientSecret {
		oauthError(w, http.StatusUnauthorized, "invalid_client")
		return
	}
	if r.PostForm.Get("grant_type") != "client_credentials" {
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type")
		return
	}
	scopes := strings.Fields(r.PostForm.Get("scope"))
	var basicScope bool
	for _, sc := range scopes {
		switch sc {
		case "aml_organization/basic":
			basicScope = true
		case "profile", "aml_organization/OFAC":
		default:
			oauthError(w, http.StatusBadRequest, "invalid_scope")
			return
		}
	}
	if !basicScope {
		oauthError(w, http.StatusBadRequest, "invalid_scope")
		return
	}
	tok := randomID()
	s.mu.Lock()
	s.tokens[tok] = token{expires: s.opts.Now().Add(TokenLifetime), scopes: strings.Join(scopes, " ")}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"access_token": tok, "expires_in": int(TokenLifetime / time.Second),
		"refresh_expires_in": 0, "token_type": "bearer", "not-before-policy": 0, "scope": strings.Join(scopes, " ")})
}

// authorised checks the bearer token and returns it.
func (s *Server) authorised(r *http.Request) (token, bool) {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return token{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tokens[tok]
	return t, ok && s.opts.Now().Before(t.expires)
}

// assertionValid checks a private_key_jwt assertion: RS256 with
// ClientKey, iss and sub the client, aud the token endpoint, at most 120
// s of life, not expired on the simulator's clock, and a jti not seen
// before.
func (s *Server) assertionValid(a, aud string) bool {
	if s.opts.ClientKey == nil {
		return false
	}
	tok, err := jwt.Parse(a, func(*jwt.Token) (any, error) { return s.opts.ClientKey, nil },
		jwt.WithValidMethods([]string{"RS256"}), jwt.WithAudience(aud), jwt.WithIssuer(s.opts.ClientID),
		jwt.WithSubject(s.opts.ClientID), jwt.WithExpirationRequired(), jwt.WithIssuedAt(), jwt.WithTimeFunc(s.opts.Now))
	if err != nil {
		return false
	}
	claims, _ := tok.Claims.(jwt.MapClaims)
	exp, err1 := claims.GetExpirationTime()
	iat, err2 := claims.GetIssuedAt()
	jti, _ := claims["jti"].(string)
	if err1 != nil || err2 != nil || iat == nil || jti == "" || exp.Sub(iat.Time) > 120*time.Second {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opts.Now()
	for k, until := range s.jtis {
		if now.After(until) {
			delete(s.jtis, k)
		}
	}
	if _, seen := s.jtis[jti]; seen {
		return false
	}
	s.jtis[jti] = exp.Time
	return true
}

func randomID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
