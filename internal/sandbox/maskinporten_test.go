package sandbox

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"math/big"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/ca"
	"github.com/motpart/motpart/internal/sandbox/maskinporten"
	"github.com/motpart/motpart/internal/sandbox/world"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// The tests sign grants with their own small JWS writer, not the
// simulator's.

var (
	demoOnce  sync.Once
	demoKey   *rsa.PrivateKey
	demoChain []*x509.Certificate
)

var mpCode = regexp.MustCompile(`\(MP-\d{3}\)$`)

func TestMaskinportenMetadata(t *testing.T) {
	t.Parallel()
	iss := shared.Endpoints().Maskinporten
	u, err := url.Parse(iss)
	if err != nil || u.Scheme != "https" || u.Hostname() != "127.0.0.1" || u.Path != "/" {
		t.Fatalf("issuer %q", iss)
	}
	status, h, m := getJSON(t, client(shared), iss+".well-known/oauth-authorization-server")
	if status != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
		t.Fatalf("metadata %d %s", status, h.Get("Content-Type"))
	}
	want := map[string]any{"issuer": iss, "token_endpoint": iss + "token", "jwks_uri": iss + "jwk"}
	for k, v := range want {
		if m[k] != v {
			t.Errorf("metadata %s = %v, want %v", k, m[k], v)
		}
	}
	has := func(k, v string) {
		t.Helper()
		l, _ := m[k].([]any)
		for _, x := range l {
			if x == v {
				return
			}
		}
		t.Errorf("metadata %s = %v, want %s in it", k, m[k], v)
	}
	has("grant_types_supported", maskinporten.GrantTypeJWTBearer)
	has("token_endpoint_auth_methods_supported", "private_key_jwt")
	has("token_endpoint_auth_signing_alg_values_supported", "RS256")
	has("token_endpoint_auth_signing_alg_values_supported", "RS512")
	// /jwks is an alias of /jwk.
	if status, _, m := getJSON(t, client(shared), iss+"jwks"); status != 200 || m["keys"] == nil {
		t.Errorf("jwks: %d %v", status, m)
	}
	jwksKey(t, shared)
	if status, _, _ := get(t, client(shared), iss+"token"); status != http.StatusMethodNotAllowed {
		t.Errorf("GET token: %d", status)
	}
}

func TestMaskinportenGrant(t *testing.T) {
	t.Parallel()
	for _, alg := range []string{"RS256", "RS384", "RS512"} {
		status, m := postToken(t, shared, demoGrant(t, shared, world.ScopeRRHPartnerRapporteringspliktig+" "+world.ScopeRRHRapporteringspliktig, map[string]any{"alg": alg}, nil))
		if status != 200 {
			t.Fatalf("%s: %d %v", alg, status, m)
		}
		if m["token_type"] != "Bearer" || m["expires_in"] != 120.0 || m["scope"] != world.ScopeRRHPartnerRapporteringspliktig+" "+world.ScopeRRHRapporteringspliktig {
			t.Errorf("%s: token response %v", alg, m)
		}
		c := verifyToken(t, shared, m["access_token"].(string))
		consumer, _ := c["consumer"].(map[string]any)
		iat, _ := c["iat"].(float64)
		exp, _ := c["exp"].(float64)
		if c["iss"] != shared.Endpoints().Maskinporten || c["client_id"] != world.DemoMaskinportenClientID || c["client_amr"] != "virksomhetssertifikat" ||
			c["scope"] != m["scope"] || c["token_type"] != "Bearer" || c["jti"] == "" ||
			consumer["ID"] != "0192:"+world.FirmOrgNr || consumer["authority"] != "iso6523-actorid-upis" || exp-iat < 120 || exp-iat > 121 {
			t.Errorf("%s: access token claims %v", alg, c)
		}
		if _, ok := c["supplier"]; ok {
			t.Errorf("%s: a supplier without consumer_org", alg)
		}
	}
}

func TestMaskinportenChecks(t *testing.T) {
	t.Parallel()
	// A sandbox of its own whose clock stands still: the grants are
	// signed up front and checked later, in parallel, so on a busy machine
	// the real clock aged them past Maskinporten's 10 s (MP-130 instead of
	// the code under test). It stands at the real time only because the
	// sandbox's TLS certificates are checked against the real clock.
	frozen := time.Now()
	s := start(t, Config{Now: func() time.Time { return frozen }})
	key, chain := demoBuypassOf(t, s)
	now := frozen.Unix()
	scope := world.ScopeRRHPartnerRapporteringspliktig

	// A certificate from another CA, with the firm's organisation number.
	otherKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "Self CA", SerialNumber: world.FirmOrgNr,
		ExtraNames: []pkix.AttributeTypeAndValue{{Type: ca.OIDOrganizationIdentifier(), Value: "NTRNO-" + world.FirmOrgNr}}},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &otherKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	foreign, _ := x509.ParseCertificate(der)

	// An expired certificate of the firm, from the sandbox CA.
	expired, err := s.IssueEnterpriseCertificate(world.FirmOrgNr, "FJORDLYS REGNSKAP AS", time.Now().AddDate(-2, 0, 0), time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	expKey, expLeaf, _, err := pkcs12.DecodeChain(expired.Data, expired.Password)
	if err != nil {
		t.Fatal(err)
	}

	signed := func(k *rsa.PrivateKey, certs []*x509.Certificate, claims map[string]any) string {
		c := grantClaimsFor(s, world.DemoMaskinportenClientID, scope)
		for n, v := range claims {
			c[n] = v
		}
		return signGrant(t, k, map[string]any{"alg": "RS256", "x5c": x5c(certs...)}, c)
	}
	tamper := func(tok string) string {
		parts := strings.Split(tok, ".")
		sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
		sig[10] ^= 0x01
		return parts[0] + "." + parts[1] + "." + b64url(sig)
	}
	replayed := demoGrant(t, s, scope, nil, nil)
	if status, m := postToken(t, s, replayed); status != 200 {
		t.Fatalf("first use of a grant: %d %v", status, m)
	}
	// Without jti, the assertion itself may not be used twice.
	noJTI := demoGrant(t, s, scope, nil, map[string]any{"jti": nil})
	if status, m := postToken(t, s, noJTI); status != 200 {
		t.Fatalf("grant without jti: %d %v", status, m)
	}

	tests := []struct {
		name      string
		assertion string
		status    int
		oauth     string
		code      string
	}{
		{"bad signature", tamper(demoGrant(t, s, scope, nil, nil)), 400, "invalid_grant", "MP-124"},
		{"signed with another key", signed(otherKey, chain, nil), 400, "invalid_grant", "MP-124"},
		{"HS256", demoGrant(t, s, scope, map[string]any{"alg": "HS256"}, nil), 400, "invalid_grant", "MP-124"},
		{"alg none", demoGrant(t, s, scope, map[string]any{"alg": "none"}, nil), 400, "invalid_grant", "MP-124"},
		{"certificate not from the sandbox CA", signed(otherKey, []*x509.Certificate{foreign}, nil), 400, "invalid_grant", "MP-120"},
		{"expired certificate", signed(expKey.(*rsa.PrivateKey), []*x509.Certificate{expLeaf}, nil), 400, "invalid_grant", "MP-120"},
		{"x5c a bare string", demoGrant(t, s, scope, map[string]any{"x5c": x5c(chain[0])[0]}, nil), 400, "invalid_grant", "MP-123"},
		{"x5c not base64 DER", demoGrant(t, s, scope, map[string]any{"x5c": []string{"bm90IGEgY2VydA=="}}, nil), 400, "invalid_grant", "MP-123"},
		{"neither x5c nor kid", demoGrant(t, s, scope, map[string]any{"x5c": nil}, nil), 400, "invalid_grant", "MP-123"},
		{"kid not registered", demoGrant(t, s, scope, map[string]any{"x5c": nil, "kid": "no-such-key"}, nil), 400, "invalid_grant", "MP-100"},
		{"certificate of another organisation", signed(key, chain, map[string]any{"iss": world.OtherOrgMaskinportenClientID}), 400, "invalid_grant", "MP-122"},
		{"wrong aud", demoGrant(t, s, scope, nil, map[string]any{"aud": "https://test.maskinporten.no/"}), 400, "invalid_grant", "MP-110"},
		{"aud the token endpoint", demoGrant(t, s, scope, nil, map[string]any{"aud": s.Endpoints().Maskinporten + "token"}), 400, "invalid_grant", "MP-110"},
		{"aud an array", demoGrant(t, s, scope, nil, map[string]any{"aud": []string{s.Endpoints().Maskinporten}}), 400, "invalid_grant", "MP-110"},
		{"unknown iss", demoGrant(t, s, scope, nil, map[string]any{"iss": "00000000-0000-4000-8000-000000000000"}), 400, "invalid_grant", "MP-100"},
		{"iat 60 s old", demoGrant(t, s, scope, nil, map[string]any{"iat": now - 60, "exp": now + 50}), 400, "invalid_grant", "MP-130"},
		{"iat 60 s ahead", demoGrant(t, s, scope, nil, map[string]any{"iat": now + 60, "exp": now + 100}), 400, "invalid_grant", "MP-130"},
		{"exp - iat over 120", demoGrant(t, s, scope, nil, map[string]any{"iat": now, "exp": now + 121}), 400, "invalid_grant", "MP-130"},
		{"expired", demoGrant(t, s, scope, nil, map[string]any{"iat": now - 5, "exp": now - 1}), 400, "invalid_grant", "MP-130"},
		{"iat missing", demoGrant(t, s, scope, nil, map[string]any{"iat": nil}), 400, "invalid_request", "MP-011"},
		{"replayed jti", replayed, 400, "invalid_grant", "MP-012"},
		{"replayed grant without jti", noJTI, 400, "invalid_grant", "MP-012"},
		{"unknown claim", demoGrant(t, s, scope, nil, map[string]any{"sub": world.DemoMaskinportenClientID}), 400, "invalid_request", "MP-011"},
		{"nbf is not allowed either", demoGrant(t, s, scope, nil, map[string]any{"nbf": now}), 400, "invalid_request", "MP-011"},
		{"not a JWT", "not.a.jwt", 400, "invalid_request", "MP-011"},
		{"no scope", demoGrant(t, s, scope, nil, map[string]any{"scope": nil}), 400, "invalid_scope", "MP-200"},
		{"scope not registered", demoGrant(t, s, world.ScopeRRHMedia, nil, nil), 400, "invalid_scope", "MP-200"},
		{"one scope of two not registered", demoGrant(t, s, scope+" "+world.ScopeRRHSivilsamfunn, nil, nil), 400, "invalid_scope", "MP-200"},
		{"user login scope", demoGrant(t, s, "openid", nil, nil), 400, "invalid_scope", "MP-201"},
		{"scope not granted", demoGrant(t, s, world.ScopeRRHOffentlig, nil, nil), 403, "access_denied", "MP-250"},
		{"consumer not granted", demoGrant(t, s, world.ScopeRRHRapporteringspliktig, nil, map[string]any{"consumer_org": world.AuditorOrgNr}), 403, "access_denied", "MP-250"},
		{"not delegated", demoGrant(t, s, world.ScopeRRHOffentlig, nil, map[string]any{"consumer_org": world.RegisteredByOrgNr}), 403, "access_denied", "MP-251"},
		{"authorization_details", demoGrant(t, s, scope, nil, map[string]any{"authorization_details": []any{map[string]any{"type": "urn:altinn:systemuser"}}}), 400, "invalid_authorization_details", "MP-301"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			status, m := postToken(t, s, tt.assertion)
			wantMP(t, status, m, tt.status, tt.oauth, tt.code)
		})
	}
}

func TestMaskinportenRequest(t *testing.T) {
	t.Parallel()
	s := shared
	status, m := postForm(t, s, url.Values{"grant_type": {"client_credentials"}, "assertion": {demoGrant(t, s, world.ScopeRRHRapporteringspliktig, nil, nil)}})
	wantMP(t, status, m, 400, "unsupported_grant_type", "MP-011")
	status, m = postForm(t, s, url.Values{"grant_type": {maskinporten.GrantTypeJWTBearer}})
	wantMP(t, status, m, 400, "invalid_request", "MP-011")

	req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, s.Endpoints().Maskinporten+"token", strings.NewReader("{}"))
	req.Header.Set("Content-Type", "application/json")
	resp, _, err := do(t, client(s), req)
	if err != nil || resp.StatusCode != 400 {
		t.Errorf("JSON body: %v %v", resp, err)
	}
}

func TestMaskinportenKidAndDelegation(t *testing.T) {
	t.Parallel()
	s := shared
	key, _ := rsa.GenerateKey(rand.Reader, 2048)
	if err := s.RegisterMaskinportenKey(world.PublicAuthorityMaskinportenClientID, "kommune-2026", &key.PublicKey, time.Now().AddDate(1, 0, 0)); err != nil {
		t.Fatal(err)
	}
	if err := s.RegisterMaskinportenKey(world.PublicAuthorityMaskinportenClientID, "kommune-2024", &key.PublicKey, time.Now().Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.RegisterMaskinportenKey("no-such-client", "k", &key.PublicKey, time.Now()); err == nil {
		t.Error("a key registered on an unknown client")
	}
	grant := func(kid string) string {
		return signGrant(t, key, map[string]any{"alg": "RS256", "kid": kid}, grantClaimsFor(s, world.PublicAuthorityMaskinportenClientID, world.ScopeRRHOffentlig+" "+world.ScopeRRHPartnerOffentlig))
	}
	status, m := postToken(t, s, grant("kommune-2026"))
	if status != 200 {
		t.Fatalf("kid grant: %d %v", status, m)
	}
	c := verifyToken(t, s, m["access_token"].(string))
	if c["client_amr"] != "private_key_jwt" || c["consumer"].(map[string]any)["ID"] != "0192:"+world.RegisteredByOrgNr {
		t.Errorf("kid token claims %v", c)
	}
	status, m = postToken(t, s, grant("kommune-2024"))
	wantMP(t, status, m, 400, "invalid_grant", "MP-121")

	// The firm acting for the auditor, which delegated the scope to it.
	status, m = postToken(t, s, demoGrant(t, s, world.ScopeRRHRapporteringspliktigBegrenset, nil,
		map[string]any{"consumer_org": world.AuditorOrgNr, "resource": "https://rrh.brreg.no", "pid": "12836810064"}))
	if status != 200 {
		t.Fatalf("delegated grant: %d %v", status, m)
	}
	c = verifyToken(t, s, m["access_token"].(string))
	consumer, _ := c["consumer"].(map[string]any)
	supplier, _ := c["supplier"].(map[string]any)
	if consumer["ID"] != "0192:"+world.AuditorOrgNr || supplier["ID"] != "0192:"+world.FirmOrgNr || c["aud"] != "https://rrh.brreg.no" || c["pid"] != "12836810064" {
		t.Errorf("delegated token claims %v", c)
	}
}

func TestMaskinportenFaults(t *testing.T) {
	t.Parallel()
	s := start(t, Config{TokenLifetime: 45 * time.Second})
	grant := func() string { return signedDemoGrant(t, s, world.ScopeRRHPartnerRapporteringspliktig) }

	status, m := postToken(t, s, grant())
	if status != 200 || m["expires_in"] != 45.0 {
		t.Fatalf("TokenLifetime 45 s: %d %v", status, m)
	}

	// A forced MP error for the next token request only; metadata requests
	// do not count.
	s.SetFault(ServiceMaskinporten, Fault{MaskinportenError: "MP-250", Times: 1})
	if status, _, _ := get(t, client(s), s.Endpoints().Maskinporten+".well-known/oauth-authorization-server"); status != 200 {
		t.Errorf("metadata under a token fault: %d", status)
	}
	status, m = postToken(t, s, grant())
	wantMP(t, status, m, 403, "access_denied", "MP-250")
	if status, m := postToken(t, s, grant()); status != 200 {
		t.Errorf("after Times ran out: %d %v", status, m)
	}
	s.SetFault(ServiceMaskinporten, Fault{MaskinportenError: "MP-130"})
	status, m = postToken(t, s, grant())
	wantMP(t, status, m, 400, "invalid_grant", "MP-130")

	// An expired token.
	s.SetFault(ServiceMaskinporten, Fault{ExpiredToken: true})
	status, m = postToken(t, s, grant())
	if status != 200 || m["expires_in"] != 45.0 {
		t.Fatalf("expired token: %d %v", status, m)
	}
	c := verifyToken(t, s, m["access_token"].(string))
	if exp, _ := c["exp"].(float64); int64(exp) >= time.Now().Unix() {
		t.Errorf("ExpiredToken: exp %v is not in the past", c["exp"])
	}
	// The generic switches work too.
	s.SetFault(ServiceMaskinporten, Fault{Status: 503, RetryAfter: time.Second})
	status, m = postToken(t, s, grant())
	if status != 503 || m["error"] != "temporarily_unavailable" {
		t.Errorf("503: %d %v", status, m)
	}
	s.ClearFaults()
	if status, m := postToken(t, s, grant()); status != 200 {
		t.Errorf("healed: %d %v", status, m)
	}
}

func TestMaskinportenConfig(t *testing.T) {
	t.Parallel()
	if _, err := New(Config{TokenLifetime: -time.Second}); err == nil {
		t.Error("a negative TokenLifetime")
	}
	for _, p := range []string{"api/oppslag", "/api/oppslag/", "/api/partner/reelle-rettigheter"} {
		if _, err := New(Config{RRHPathPrefix: p}); err == nil {
			t.Errorf("RRHPathPrefix %q accepted", p)
		}
	}
	// The hash functions the grant algorithms need are linked in.
	for _, h := range []crypto.Hash{crypto.SHA384, crypto.SHA512} {
		if !h.Available() {
			t.Errorf("%v not available", h)
		}
	}
}
