package maskinporten

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/sandbox/ca"
)

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
