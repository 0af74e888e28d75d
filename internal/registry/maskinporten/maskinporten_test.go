package maskinporten

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"errors"
	"fmt"
	"github.com/motpart/motpart/internal/testclock"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/motpart/motpart/internal/registry/transport"
)

const (
	testClientID = "0b6f6e1e-52b4-4f5b-9c39-7d3f1b2a9e11"
	testScope    = "brreg:reelle/rapporteringspliktig"
)

// testKey is one RSA key and its self-signed enterprise-like certificate,
// shared by the tests (making RSA keys is slow).
var testKey = sync.OnceValues(func() (*rsa.PrivateKey, []string) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(42),
		Subject:      pkix.Name{CommonName: "REGNSKAP TEST AS", SerialNumber: "313513408", Country: []string{"NO"}},
		NotBefore:    time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC),
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		panic(err)
	}
	return key, []string{base64.StdEncoding.EncodeToString(der)}
})

// clock is a settable clock for Config.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: testclock.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// mpServer is a Maskinporten stand-in that checks every grant as the real
// one does, and answers with a token or a scripted refusal.
type mpServer struct {
	t      *testing.T
	srv    *httptest.Server
	clock  *clock
	issuer string

	mu    sync.Mutex
	jtis  map[string]bool
	posts atomic.Int32
	metas atomic.Int32
	delay time.Duration
	// gate, when set, holds every token answer until it is closed.
	gate    chan struct{}
	expires int
	// fail, when set, is answered instead of a token: status and body.
	failStatus int
	failBody   string
	// kid, when set, is required instead of x5c.
	kid    string
	issued int
}

func newMPServer(t *testing.T, c *clock) *mpServer {
	t.Helper()
	m := &mpServer{t: t, clock: c, jtis: map[string]bool{}, expires: 120}
	m.srv = httptest.NewTLSServer(http.HandlerFunc(m.serve))
	t.Cleanup(m.srv.Close)
	m.issuer = m.srv.URL + "/"
	return m
}

func (m *mpServer) serve(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/.well-known/oauth-authorization-server":
		m.metas.Add(1)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"issuer":%q,"token_endpoint":%q,"jwks_uri":%q}`, m.issuer, m.srv.URL+"/token", m.srv.URL+"/jwks")
		return
	case "/token":
	default:
		http.NotFound(w, r)
		return
	}
	m.posts.Add(1)
	if m.gate != nil {
		select {
		case <-m.gate:
		case <-r.Context().Done():
			return
		}
	}
	if m.delay > 0 {
		time.Sleep(m.delay)
	}
	if err := m.check(r); err != nil {
		m.t.Errorf("grant: %v", err)
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"error":"invalid_grant","error_description":%q}`, err.Error())
		return
	}
	m.mu.Lock()
	failStatus, failBody := m.failStatus, m.failBody
	m.issued++
	n := m.issued
	m.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if failStatus != 0 {
		w.WriteHeader(failStatus)
		fmt.Fprint(w, failBody)
		return
	}
	fmt.Fprintf(w, `{"access_token":"eyJhbGciOiJSUzI1NiJ9.eyJ0b2tlbiI6%d.c2lnbmF0dXJl","token_type":"Bearer","expires_in":%d,"scope":%q}`, n, m.expires, testScope)
}

// check verifies a token request the way Maskinporten does.
func (m *mpServer) check(r *http.Request) error {
	if r.Method != http.MethodPost {
		return fmt.Errorf("method %s", r.Method)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
		return fmt.Errorf("content type %q", ct)
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	if g := r.PostForm.Get("grant_type"); g != "urn:ietf:params:oauth:grant-type:jwt-bearer" {
		return fmt.Errorf("grant_type %q", g)
	}
	key, _ := testKey()
	var header map[string]any
	tok, err := jwt.Parse(r.PostForm.Get("assertion"), func(t *jwt.Token) (any, error) {
		header = t.Header
		if m.kid != "" {
			if t.Header["kid"] != m.kid {
				return nil, fmt.Errorf("kid %v", t.Header["kid"])
			}
			if _, ok := t.Header["x5c"]; ok {
				return nil, errors.New("both kid and x5c")
			}
			return &key.PublicKey, nil
		}
		chain, ok := t.Header["x5c"].([]any)
		if !ok || len(chain) == 0 {
			return nil, fmt.Errorf("x5c is not an array of strings: %T", t.Header["x5c"])
		}
		s, _ := chain[0].(string)
		der, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return nil, err
		}
		cert, err := x509.ParseCertificate(der)
		if err != nil {
			return nil, err
		}
		return cert.PublicKey, nil
	}, jwt.WithValidMethods([]string{"RS256"}), jwt.WithoutClaimsValidation())
	if err != nil {
		return fmt.Errorf("signature: %w", err)
	}
	if header["alg"] != "RS256" {
		return fmt.Errorf("alg %v", header["alg"])
	}
	claims := tok.Claims.(jwt.MapClaims)
	for k := range claims {
		switch k {
		case "aud", "iss", "scope", "iat", "exp", "jti":
		default:
			return fmt.Errorf("unknown claim %q", k)
		}
	}
	if aud, ok := claims["aud"].(string); !ok || aud != m.issuer {
		return fmt.Errorf("aud %v (%T), want the single string %q", claims["aud"], claims["aud"], m.issuer)
	}
	if claims["iss"] != testClientID {
		return fmt.Errorf("iss %v", claims["iss"])
	}
	if claims["scope"] != testScope {
		return fmt.Errorf("scope %v", claims["scope"])
	}
	iat, _ := claims["iat"].(float64)
	exp, _ := claims["exp"].(float64)
	now := float64(m.clock.Now().Unix())
	if iat < now-10 || iat > now+10 {
		return fmt.Errorf("iat %v, now %v", iat, now)
	}
	if exp <= iat || exp-iat > 120 {
		return fmt.Errorf("exp-iat = %v", exp-iat)
	}
	jti, _ := claims["jti"].(string)
	if len(jti) < 16 {
		return fmt.Errorf("jti %q", jti)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.jtis[jti] {
		return fmt.Errorf("jti %q used before", jti)
	}
	m.jtis[jti] = true
	return nil
}

func (m *mpServer) fail(status int, body string) {
	m.mu.Lock()
	m.failStatus, m.failBody = status, body
	m.mu.Unlock()
}

func (m *mpServer) transport(t *testing.T) *transport.Client {
	t.Helper()
	pool := x509.NewCertPool()
	pool.AddCert(m.srv.Certificate())
	tc, err := transport.New(transport.Config{RootCAs: pool, Retries: -1, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return tc
}

func (m *mpServer) client(t *testing.T, mod func(*Config)) *Client {
	t.Helper()
	key, x5c := testKey()
	cfg := Config{
		Issuer:   m.issuer,
		TokenURL: m.srv.URL + "/token",
		ClientID: testClientID,
		Scopes:   []string{testScope},
		Now:      m.clock.Now,
	}
	if mod != nil {
		mod(&cfg)
	}
	c, err := New(cfg, key, x5c, m.transport(t))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestTokenGrantAndCache(t *testing.T) {
	clk := newClock()
	m := newMPServer(t, clk)
	c := m.client(t, nil)
	tok, err := c.Token(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(tok.AccessToken, "eyJ") || tok.Scope != testScope {
		t.Errorf("token %+v", tok)
	}
	if want := clk.Now().Add(120 * time.Second); !tok.ExpiresAt.Equal(want) {
		t.Errorf("expires %v, want %v", tok.ExpiresAt, want)
	}
	again, err := c.Token(t.Context())
	if err != nil || again.AccessToken != tok.AccessToken {
		t.Fatalf("second call: %v, %v", again, err)
	}
	if n := m.posts.Load(); n != 1 {
		t.Errorf("%d token requests, want 1 (cached)", n)
	}
}

func TestRefreshMargin(t *testing.T) {
	for _, tc := range []struct {
		after time.Duration
		posts int32
	}{
		{0, 1},
		{89 * time.Second, 1},  // 31 s left: still cached
		{90 * time.Second, 2},  // 30 s left: refreshed
		{119 * time.Second, 2}, // about to expire
		{121 * time.Second, 2}, // expired
	} {
		t.Run(tc.after.String(), func(t *testing.T) {
			clk := newClock()
			m := newMPServer(t, clk)
			c := m.client(t, nil)
			first, err := c.Token(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			clk.Add(tc.after)
			second, err := c.Token(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if n := m.posts.Load(); n != tc.posts {
				t.Errorf("%d token requests, want %d", n, tc.posts)
			}
			if tc.posts == 2 && second.AccessToken == first.AccessToken {
				t.Error("the refreshed token is the old one")
			}
		})
	}
}

func TestExpiredBetweenCalls(t *testing.T) {
	clk := newClock()
	m := newMPServer(t, clk)
	m.expires = 60
	c := m.client(t, nil)
	first, err := c.Token(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	clk.Add(61 * time.Second)
	second, err := c.Token(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if second.AccessToken == first.AccessToken || !second.ExpiresAt.After(first.ExpiresAt) {
		t.Errorf("expired token not replaced: %v then %v", first, second)
	}
	if n := m.posts.Load(); n != 2 {
		t.Errorf("%d token requests, want 2", n)
	}
}

func TestConcurrentCallersShareOneRequest(t *testing.T) {
	clk := newClock()
	m := newMPServer(t, clk)
	// The token answer waits until every caller has started; a caller
	// that comes after it gets the cached token, so nothing here waits
	// for a length of time.
	m.gate = make(chan struct{})
	c := m.client(t, nil)
	var wg, started sync.WaitGroup
	tokens := make([]string, 50)
	errs := make([]error, 50)
	started.Add(50)
	for i := range 50 {
		wg.Go(func() {
			started.Done()
			tok, err := c.Token(t.Context())
			tokens[i], errs[i] = tok.AccessToken, err
		})
	}
	started.Wait()
	close(m.gate)
	wg.Wait()
	for i := range 50 {
		if errs[i] != nil || tokens[i] != tokens[0] {
			t.Fatalf("caller %d: %q, %v", i, tokens[i], errs[i])
		}
	}
	if n := m.posts.Load(); n != 1 {
		t.Errorf("%d token requests for 50 concurrent callers, want 1", n)
	}
}

func TestConcurrentFailureNotCached(t *testing.T) {
	clk := newClock()
	m := newMPServer(t, clk)
	// A bounded delay, not a gate: a failure is not cached, so a caller
	// that came after the shared request ended would ask again, and the
	// client shows no count of its waiters to wait for. 100 ms is ample
	// for 20 goroutines to join the one request.
	m.delay = 100 * time.Millisecond
	m.fail(400, `{"error":"invalid_scope","error_description":"Invalid scope (MP-250)"}`)
	c := m.client(t, nil)
	var wg sync.WaitGroup
	var refused atomic.Int32
	for range 20 {
		wg.Go(func() {
			var e *Error
			if _, err := c.Token(t.Context()); errors.As(err, &e) && e.Code == "MP-250" {
				refused.Add(1)
			}
		})
	}
	wg.Wait()
	if refused.Load() != 20 || m.posts.Load() != 1 {
		t.Fatalf("%d callers refused, %d requests; want 20 and 1", refused.Load(), m.posts.Load())
	}
	m.fail(0, "")
	if _, err := c.Token(t.Context()); err != nil {
		t.Fatalf("after the failure: %v", err)
	}
	if n := m.posts.Load(); n != 2 {
		t.Errorf("%d requests, want 2: the failure must not be cached", n)
	}
}

func TestWaiterGivesUp(t *testing.T) {
	clk := newClock()
	m := newMPServer(t, clk)
	// The token answer waits until the waiter has given up.
	m.gate = make(chan struct{})
	c := m.client(t, nil)
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	if _, err := c.Token(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the deadline", err)
	}
	close(m.gate)
	// The shared request went on, and its token is cached.
	if _, err := c.Token(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := m.posts.Load(); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

func TestInvalidate(t *testing.T) {
	clk := newClock()
	m := newMPServer(t, clk)
	c := m.client(t, nil)
	first, _ := c.Token(t.Context())
	c.Invalidate()
	second, err := c.Token(t.Context())
	if err != nil || second.AccessToken == first.AccessToken || m.posts.Load() != 2 {
		t.Fatalf("after Invalidate: %v, %v, %d requests", second, err, m.posts.Load())
	}
}

func TestMetadataAndKid(t *testing.T) {
	clk := newClock()
	m := newMPServer(t, clk)
	m.kid = "motpart-2026"
	c := m.client(t, func(cfg *Config) {
		cfg.Issuer, cfg.TokenURL = "", ""
		cfg.MetadataURL = m.srv.URL + "/.well-known/oauth-authorization-server"
		cfg.KeyID = "motpart-2026"
	})
	for range 2 {
		c.Invalidate()
		if _, err := c.Token(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	if m.metas.Load() != 1 || m.posts.Load() != 2 {
		t.Errorf("%d metadata reads, %d token requests; want 1 and 2", m.metas.Load(), m.posts.Load())
	}
}

// mpErrors are Maskinporten's refusals, as it words them, with the code
// each must become and a phrase of the message.
var mpErrors = []struct {
	status     int
	body       string
	code, want string
}{
	{400, `{"error":"invalid_grant","error_description":"Invalid assertion. Client authentication failed. (MP-100)"}`, "MP-100", "client id is unknown"},
	{400, `{"error":"invalid_grant","error_description":"Client not found"}`, "MP-100", "client id is unknown"},
	{400, `{"error":"invalid_grant","error_description":"Invalid assertion. Client authentication failed. Invalid JWT claim aud (MP-110)"}`, "MP-110", "wrong Maskinporten"},
	{400, `{"error":"invalid_grant","error_description":"Certificate is not valid (MP-120)"}`, "MP-120", "production certificate"},
	{400, `{"error":"invalid_grant","error_description":"Expired key (MP-121)"}`, "MP-121", "registered keys last one year"},
	{400, `{"error":"invalid_grant","error_description":"Invalid certificate: organization number does not match client (MP-122)"}`, "MP-122", "belongs to another organisation than the Maskinporten client"},
	{400, `{"error":"invalid_grant","error_description":"Failed to extract certificate from jwt (MP-123)"}`, "MP-123", "full chain"},
	{400, `{"error":"invalid_grant","error_description":"Invalid JWT signature (MP-124)"}`, "MP-124", "private key does not match"},
	{400, `{"error":"invalid_grant","error_description":"JWT is expired (MP-130)"}`, "MP-130", "clock of this computer"},
	{400, `{"error":"invalid_request","error_description":"Invalid assertion. Invalid parameter value (MP-011)"}`, "MP-011", "stray spaces"},
	{400, `{"error":"invalid_grant","error_description":"Grant is used before (MP-012)"}`, "MP-012", "used before"},
	{400, `{"error":"invalid_scope","error_description":"Token request contains invalid scopes for client (MP-200)"}`, "MP-200", "ask Brønnøysund for the scope"},
	{400, `{"error":"invalid_scope","error_description":"Token request contains scopes with integration types only allowed for user login (MP-201)"}`, "MP-201", "integration type"},
	{403, `{"error":"access_denied","error_description":"Consumer has not been granted access to the scope (MP-250)"}`, "MP-250", "Ask Brønnøysund for the scope"},
	{403, `{"error":"access_denied","error_description":"Consumer has not delegated access to the scope to supplier (MP-251)"}`, "MP-251", "delegate the API access"},
	{400, `{"error":"invalid_request","error_description":"Invalid authorization_details (MP-301)"}`, "MP-301", "authorisation details"},
	{400, `{"error":"invalid_grant","error_description":"Issue time is after now"}`, CodeClockSkew, "clock of this computer is wrong"},
	{400, `{"error":"invalid_grant","error_description":"JWT is expired"}`, "MP-130", "clock"},
	{400, `{"error":"invalid_grant","error_description":"Grant is used before"}`, "MP-012", "used before"},
	{400, `{"error":"invalid_scope","error_description":"Token request contains invalid scopes for client"}`, "MP-200", "not registered on the Maskinporten client"},
	{401, `{"error":"invalid_client"}`, "invalid_client", "client id"},
	{400, `{"error":"something_new","error_description":"?"}`, CodeUnknown, "refused the token request"},
}

func TestRefusals(t *testing.T) {
	for _, tc := range mpErrors {
		t.Run(tc.code, func(t *testing.T) {
			clk := newClock()
			m := newMPServer(t, clk)
			m.fail(tc.status, tc.body)
			c := m.client(t, nil)
			_, err := c.Token(t.Context())
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v (%T), want *Error", err, err)
			}
			if e.Code != tc.code || e.StatusCode != tc.status {
				t.Errorf("code %q status %d, want %q %d", e.Code, e.StatusCode, tc.code, tc.status)
			}
			if !strings.Contains(strings.ToLower(err.Error()), strings.ToLower(tc.want)) {
				t.Errorf("message %q lacks %q", err.Error(), tc.want)
			}
			if strings.Contains(e.Message(), "eyJ") || strings.Contains(err.Error(), "assertion=") {
				t.Errorf("message leaks: %q", err.Error())
			}
			if ErrorInfo(e.SourceCode()) == "" || ErrorInfo(e.Code) != ErrorInfo(e.SourceCode()) {
				t.Errorf("ErrorInfo(%q) / ErrorInfo(%q) disagree", e.Code, e.SourceCode())
			}
			// The failure is not cached.
			m.fail(0, "")
			if _, err := c.Token(t.Context()); err != nil {
				t.Fatalf("after the refusal: %v", err)
			}
			if n := m.posts.Load(); n != 2 {
				t.Errorf("%d requests, want 2", n)
			}
		})
	}
}

func TestOtherFailures(t *testing.T) {
	for _, tc := range []struct {
		status int
		body   string
		code   string
	}{
		{500, `<html>Internal error</html>`, "http_500"},
		{400, `not json`, "http_400"},
		{200, `{"token_type":"Bearer","expires_in":120}`, CodeMalformed},
		{200, `{"access_token":"x","token_type":"MAC","expires_in":120}`, CodeMalformed},
		{200, `{"access_token":"x","token_type":"Bearer"}`, CodeMalformed},
		{200, `[`, CodeMalformed},
	} {
		t.Run(tc.code, func(t *testing.T) {
			m := newMPServer(t, newClock())
			m.fail(tc.status, tc.body)
			_, err := m.client(t, nil).Token(t.Context())
			var re *ResponseError
			if !errors.As(err, &re) || re.Code != tc.code {
				t.Fatalf("err = %v, want ResponseError %s", err, tc.code)
			}
		})
	}
}

func TestSecretsStayOut(t *testing.T) {
	m := newMPServer(t, newClock())
	c := m.client(t, nil)
	tok, err := c.Token(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{fmt.Sprint(tok), fmt.Sprintf("%v %+v %#v", tok, tok, tok)} {
		if strings.Contains(s, tok.AccessToken) {
			t.Errorf("printing a Token shows it: %s", s)
		}
	}
	// A refusal that quotes a token does not repeat it.
	m.fail(400, `{"error":"invalid_grant","error_description":"Bad grant eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln (MP-124)"}`)
	c.Invalidate()
	_, err = c.Token(t.Context())
	if err == nil || strings.Contains(err.Error(), "eyJhbGci") {
		t.Errorf("err = %v", err)
	}
}

func TestNewChecks(t *testing.T) {
	key, x5c := testKey()
	other, _ := rsa.GenerateKey(rand.Reader, 2048)
	ec, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tc, _ := transport.New(transport.Config{})
	good := Config{Issuer: "https://test.maskinporten.no/", TokenURL: "https://test.maskinporten.no/token", ClientID: testClientID, Scopes: []string{testScope}}
	for _, c := range []struct {
		name   string
		cfg    Config
		signer any
		x5c    []string
		want   string
	}{
		{"ok", good, key, x5c, ""},
		{"wrong key", good, other, x5c, "does not belong to the private key"},
		{"ecdsa", good, ec, x5c, "RSA"},
		{"no client", Config{Issuer: good.Issuer, TokenURL: good.TokenURL, Scopes: good.Scopes}, key, x5c, "client id"},
		{"no scope", Config{Issuer: good.Issuer, TokenURL: good.TokenURL, ClientID: testClientID}, key, x5c, "scope"},
		{"no chain", good, key, nil, "x5c"},
		{"no address", Config{ClientID: testClientID, Scopes: good.Scopes}, key, x5c, "address"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var err error
			switch s := c.signer.(type) {
			case *rsa.PrivateKey:
				_, err = New(c.cfg, s, c.x5c, tc)
			case *ecdsa.PrivateKey:
				_, err = New(c.cfg, s, c.x5c, tc)
			}
			if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
				t.Errorf("err = %v, want %q", err, c.want)
			}
		})
	}
}

func TestErrorInfoTable(t *testing.T) {
	codes := Codes()
	seen := map[string]bool{}
	for _, c := range codes {
		if seen[c] {
			t.Errorf("%s twice", c)
		}
		seen[c] = true
		if ErrorInfo(c) == "" {
			t.Errorf("no text for %s", c)
		}
	}
	for _, c := range []string{"MP-100", "MP-110", "MP-120", "MP-121", "MP-122", "MP-123", "MP-124", "MP-130", "MP-011", "MP-012", "MP-200", "MP-201", "MP-250", "MP-251", "MP-301", "MP-302", "MP-303"} {
		if !seen[c] {
			t.Errorf("%s missing", c)
		}
	}
	for in, want := range map[string]string{"mp_122": "MP-122", "MP-122": "MP-122", "mp-122": "MP-122", "122": "MP-122", "mp_invalid_scope": "invalid_scope", "mp_clock_skew": CodeClockSkew} {
		if got := canonicalCode(in); got != want {
			t.Errorf("canonicalCode(%q) = %q, want %q", in, got, want)
		}
	}
	if SourceCode("MP-122") != "mp_122" || SourceCode("invalid_scope") != "mp_invalid_scope" {
		t.Error("SourceCode")
	}
	if findMPCode("xx (MP-1220)") != "" || findMPCode("Expired key (mp-121).") != "MP-121" {
		t.Error("findMPCode")
	}
}
