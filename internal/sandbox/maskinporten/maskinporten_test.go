package maskinporten

import (
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"github.com/motpart/motpart/internal/testclock"
	"slices"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/world"
)

const issuer = "https://127.0.0.1:1/"

// clock is a clock a test moves.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newServer(t *testing.T, c *clock) *Server {
	t.Helper()
	w, err := world.New()
	if err != nil {
		t.Fatal(err)
	}
	return New(w, Options{Now: c.now, TokenLifetime: time.Minute})
}

func TestMintAndVerify(t *testing.T) {
	c := &clock{testclock.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)}
	s := newServer(t, c)
	tok, err := s.MintAccessToken(issuer, world.DemoMaskinportenClientID, world.ScopeRRHRapporteringspliktig, world.ScopeRRHMedia)
	if err != nil {
		t.Fatal(err)
	}
	other := newServer(t, c) // another Maskinporten, another key
	tests := []struct {
		name       string
		srv        *Server
		token, iss string
		after      time.Duration
		wantScopes []string
		wantErr    error // nil: no error; errAny: any error
	}{
		{"valid", s, tok, issuer, 0, []string{world.ScopeRRHRapporteringspliktig, world.ScopeRRHMedia}, nil},
		{"just before expiry", s, tok, issuer, 59 * time.Second, []string{world.ScopeRRHRapporteringspliktig, world.ScopeRRHMedia}, nil},
		{"expired", s, tok, issuer, time.Minute, nil, ErrTokenExpired},
		{"another issuer", s, tok, "https://127.0.0.1:2/", 0, nil, errAny},
		{"another key", other, tok, issuer, 0, nil, errAny},
		{"not a JWT", s, "abc", issuer, 0, nil, errAny},
	}
	start := c.t
	for _, tt := range tests {
		c.t = start.Add(tt.after)
		scopes, err := tt.srv.VerifyAccess(tt.token, tt.iss, c.now())
		switch {
		case tt.wantErr == nil && err != nil, tt.wantErr != nil && err == nil:
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.wantErr)
		case tt.wantErr != nil && tt.wantErr != errAny && !errors.Is(err, tt.wantErr):
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.wantErr)
		case !slices.Equal(scopes, tt.wantScopes):
			t.Errorf("%s: scopes %v, want %v", tt.name, scopes, tt.wantScopes)
		}
	}
	if _, err := s.MintAccessToken(issuer, "no-such-client"); err == nil {
		t.Error("minted a token for an unknown client")
	}
}

// errAny stands for any error in a test table.
var errAny = errors.New("any error")

func TestRegisterKey(t *testing.T) {
	s := newServer(t, &clock{testclock.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)})
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	exp := testclock.Date(2027, 11, 26, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name, client, kid string
		pub               *rsa.PublicKey
		wantErr           bool
	}{
		{"registered", world.PublicAuthorityMaskinportenClientID, "k1", &key.PublicKey, false},
		{"unknown client", "nobody", "k1", &key.PublicKey, true},
		{"no kid", world.PublicAuthorityMaskinportenClientID, "", &key.PublicKey, true},
		{"no key", world.PublicAuthorityMaskinportenClientID, "k2", nil, true},
	} {
		if err := s.RegisterKey(tt.client, tt.kid, tt.pub, exp); (err != nil) != tt.wantErr {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
	if k, ok := s.registered(world.PublicAuthorityMaskinportenClientID, "k1"); !ok || !k.expires.Equal(exp) || !k.pub.Equal(&key.PublicKey) {
		t.Error("the registered key is not kept")
	}
	if _, ok := s.registered(world.PublicAuthorityMaskinportenClientID, "k2"); ok {
		t.Error("a refused key was kept")
	}
}
