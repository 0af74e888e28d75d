package sandbox

import (
	"crypto"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/sandbox/maskinporten"
	"github.com/motpart/motpart/internal/sandbox/world"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

func b64url(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// signGrant writes a compact JWS of claims with header; header["alg"]
// chooses RS256/384/512, HS256 (keyed by hmacKey) or none.
func signGrant(t *testing.T, key *rsa.PrivateKey, header, claims map[string]any) string {
	t.Helper()
	h, err := json.Marshal(header)
	if err != nil {
		t.Fatal(err)
	}
	c, err := json.Marshal(claims)
	if err != nil {
		t.Fatal(err)
	}
	input := b64url(h) + "." + b64url(c)
	var sig []byte
	switch header["alg"] {
	case "RS256", "RS384", "RS512":
		hash := map[any]crypto.Hash{"RS256": crypto.SHA256, "RS384": crypto.SHA384, "RS512": crypto.SHA512}[header["alg"]]
		d := hash.New()
		d.Write([]byte(input))
		if sig, err = rsa.SignPKCS1v15(rand.Reader, key, hash, d.Sum(nil)); err != nil {
			t.Fatal(err)
		}
	case "HS256":
		m := hmac.New(sha256.New, []byte("a shared secret"))
		m.Write([]byte(input))
		sig = m.Sum(nil)
	}
	return input + "." + b64url(sig)
}

// demoBuypass returns the shared sandbox's demo Buypass certificate: its
// key and its chain, leaf first.
func demoBuypass(t *testing.T) (*rsa.PrivateKey, []*x509.Certificate) {
	t.Helper()
	demoOnce.Do(func() { demoKey, demoChain = buypassOf(t, shared) })
	if demoKey == nil {
		t.Fatal("no demo Buypass certificate")
	}
	return demoKey, demoChain
}

// demoBuypassOf is demoBuypass of sandbox s, which has a CA of its own
// unless it is the shared one.
func demoBuypassOf(t *testing.T, s *Sandbox) (*rsa.PrivateKey, []*x509.Certificate) {
	t.Helper()
	if s == shared {
		return demoBuypass(t)
	}
	key, chain := buypassOf(t, s)
	if key == nil {
		t.Fatal("no demo Buypass certificate")
	}
	return key, chain
}

// buypassOf decodes the demo Buypass certificate of s.
func buypassOf(t *testing.T, s *Sandbox) (*rsa.PrivateKey, []*x509.Certificate) {
	t.Helper()
	for _, dc := range s.DemoCertificates() {
		if !strings.HasPrefix(dc.FileName, "Virksomhetssertifikat_") {
			continue
		}
		key, leaf, chain, err := pkcs12.DecodeChain(dc.Data, dc.Password)
		if err != nil {
			t.Fatal(err)
		}
		return key.(*rsa.PrivateKey), append([]*x509.Certificate{leaf}, chain...)
	}
	return nil, nil
}

func x5c(certs ...*x509.Certificate) []string {
	out := make([]string, len(certs))
	for i, c := range certs {
		out[i] = base64.StdEncoding.EncodeToString(c.Raw)
	}
	return out
}

// grantClaimsFor returns a valid grant's claims for a client and scope.
func grantClaimsFor(s *Sandbox, clientID, scope string) map[string]any {
	now := s.cfg.Now().Unix()
	return map[string]any{"aud": s.Endpoints().Maskinporten, "iss": clientID, "scope": scope,
		"iat": now, "exp": now + 100, "jti": testUUID()}
}

// demoGrant returns a valid grant of the demo client signed with the demo
// certificate, with changes to header and claims (a nil value deletes).
func demoGrant(t *testing.T, s *Sandbox, scope string, header, claims map[string]any) string {
	t.Helper()
	key, chain := demoBuypassOf(t, s)
	h := map[string]any{"alg": "RS256", "x5c": x5c(chain...)}
	for k, v := range header {
		if v == nil {
			delete(h, k)
		} else {
			h[k] = v
		}
	}
	c := grantClaimsFor(s, world.DemoMaskinportenClientID, scope)
	for k, v := range claims {
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
	}
	return signGrant(t, key, h, c)
}

// postToken sends a grant to the token endpoint.
func postToken(t *testing.T, s *Sandbox, assertion string) (int, map[string]any) {
	t.Helper()
	form := url.Values{"grant_type": {maskinporten.GrantTypeJWTBearer}, "assertion": {assertion}}
	return postForm(t, s, form)
}

func postForm(t *testing.T, s *Sandbox, form url.Values) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, s.Endpoints().Maskinporten+"token", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, body, err := do(t, client(s), req)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("token: %d, not JSON: %s", resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("token: Content-Type %q", ct)
	}
	return resp.StatusCode, m
}

// wantMP checks an error answer: status, OAuth2 error and MP code.
func wantMP(t *testing.T, status int, body map[string]any, wantStatus int, wantErr, wantCode string) {
	t.Helper()
	desc, _ := body["error_description"].(string)
	if status != wantStatus || body["error"] != wantErr || !strings.HasSuffix(desc, "("+wantCode+")") || !mpCode.MatchString(desc) {
		t.Errorf("got %d %v %q, want %d %s %s", status, body["error"], desc, wantStatus, wantErr, wantCode)
	}
	if len(body) != 2 {
		t.Errorf("error body %v: want error and error_description only", body)
	}
}

// jwksKey fetches the JWKS and returns its key and kid.
func jwksKey(t *testing.T, s *Sandbox) (*rsa.PublicKey, string) {
	t.Helper()
	status, _, m := getJSON(t, client(s), s.Endpoints().Maskinporten+"jwk")
	keys, _ := m["keys"].([]any)
	if status != 200 || len(keys) != 1 {
		t.Fatalf("jwk: %d %v", status, m)
	}
	k := keys[0].(map[string]any)
	if k["kty"] != "RSA" || k["use"] != "sig" || k["alg"] != "RS256" || k["kid"] == "" {
		t.Errorf("jwk %v", k)
	}
	n, err1 := base64.RawURLEncoding.DecodeString(k["n"].(string))
	e, err2 := base64.RawURLEncoding.DecodeString(k["e"].(string))
	if err1 != nil || err2 != nil {
		t.Fatalf("jwk n/e: %v %v", err1, err2)
	}
	return &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}, k["kid"].(string)
}

// verifyToken checks an access token with the JWKS key and returns its
// claims.
func verifyToken(t *testing.T, s *Sandbox, tok string) map[string]any {
	t.Helper()
	pub, kid := jwksKey(t, s)
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		t.Fatalf("access token %q is not a JWS", tok)
	}
	var header, claims map[string]any
	for i, v := range []*map[string]any{&header, &claims} {
		b, err := base64.RawURLEncoding.DecodeString(parts[i])
		if err != nil || json.Unmarshal(b, v) != nil {
			t.Fatalf("access token part %d: %v", i, err)
		}
	}
	if header["alg"] != "RS256" || header["kid"] != kid {
		t.Errorf("access token header %v, JWKS kid %s", header, kid)
	}
	sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if err := rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], sig); err != nil {
		t.Errorf("access token does not verify with the JWKS key: %v", err)
	}
	return claims
}

// sandboxDemo returns the demo Buypass certificate of s: its key and its
// chain, leaf first.
func sandboxDemo(t *testing.T, s *Sandbox) (*rsa.PrivateKey, []*x509.Certificate) {
	t.Helper()
	for _, dc := range s.DemoCertificates() {
		if strings.HasPrefix(dc.FileName, "Virksomhetssertifikat_") {
			key, leaf, chain, err := pkcs12.DecodeChain(dc.Data, dc.Password)
			if err != nil {
				t.Fatal(err)
			}
			return key.(*rsa.PrivateKey), append([]*x509.Certificate{leaf}, chain...)
		}
	}
	t.Fatal("no demo Buypass certificate")
	return nil, nil
}

// signGrantFor is a valid grant of a client of the firm, signed with the
// demo certificate of s.
func signGrantFor(t *testing.T, s *Sandbox, clientID, scope string) string {
	t.Helper()
	key, chain := sandboxDemo(t, s)
	return signGrant(t, key, map[string]any{"alg": "RS256", "x5c": x5c(chain...)}, grantClaimsFor(s, clientID, scope))
}

// signedDemoGrant is a valid grant of the demo client for any sandbox.
func signedDemoGrant(t *testing.T, s *Sandbox, scope string) string {
	t.Helper()
	return signGrantFor(t, s, world.DemoMaskinportenClientID, scope)
}
