package maskinporten

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"errors"
	"fmt"
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
	"github.com/motpart/motpart/internal/testclock"
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
