package bankid

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// AuthPrivateKeyJWT authenticates with a JWT assertion signed with the
// client's key (RFC 7523, client_assertion_type jwt-bearer).
const AuthPrivateKeyJWT AuthMethod = "private_key_jwt"

// AssertionType is the client_assertion_type of private_key_jwt.
const AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

// AssertionLifetime is how long a client assertion is valid.
const AssertionLifetime = 60 * time.Second

// assertion signs a client assertion for the token endpoint at now: iss
// and sub the client id, aud the token endpoint, a fresh jti, and the
// certificate chain in x5c (or KeyID in kid) when given.
func (c *Client) assertion(now time.Time) (string, error) {
	var jti [16]byte
	if _, err := rand.Read(jti[:]); err != nil {
		return "", fmt.Errorf("making the assertion's id: %w", err)
	}
	iat := now.Unix()
	tok := jwt.NewWithClaims(rs256Signer{}, jwt.MapClaims{
		"iss": c.cfg.ClientID,
		"sub": c.cfg.ClientID,
		"aud": c.tokenURL,
		"iat": iat,
		"exp": iat + int64(AssertionLifetime/time.Second),
		"jti": base64.RawURLEncoding.EncodeToString(jti[:]),
	})
	if c.cfg.KeyID != "" {
		tok.Header["kid"] = c.cfg.KeyID
	}
	if len(c.cfg.Chain) > 0 {
		x5c := make([]string, len(c.cfg.Chain))
		for i, cert := range c.cfg.Chain {
			x5c[i] = base64.StdEncoding.EncodeToString(cert.Raw)
		}
		tok.Header["x5c"] = x5c
	}
	s, err := tok.SignedString(c.cfg.Key)
	if err != nil {
		return "", fmt.Errorf("signing the client assertion: %w", err)
	}
	return s, nil
}

// checkKey checks that the key of private_key_jwt is an RSA signer.
func checkKey(k crypto.Signer, chain []*x509.Certificate) error {
	if k == nil {
		return errors.New("private_key_jwt needs a key")
	}
	if _, ok := k.Public().(*rsa.PublicKey); !ok {
		return errors.New("private_key_jwt needs an RSA key")
	}
	if len(chain) > 0 {
		if pub, ok := chain[0].PublicKey.(*rsa.PublicKey); !ok || !pub.Equal(k.Public()) {
			return errors.New("the certificate does not belong to the key")
		}
	}
	return nil
}

// rs256Signer is RS256 by any crypto.Signer with an RSA key, such as one
// imported with a certificate. It only signs.
type rs256Signer struct{}

// Alg implements jwt.SigningMethod.
func (rs256Signer) Alg() string { return "RS256" }

// Sign implements jwt.SigningMethod.
func (rs256Signer) Sign(signingString string, key any) ([]byte, error) {
	s, ok := key.(crypto.Signer)
	if !ok {
		return nil, errors.New("the key cannot sign")
	}
	h := sha256.Sum256([]byte(signingString))
	return s.Sign(rand.Reader, h[:], crypto.SHA256)
}

// Verify implements jwt.SigningMethod; assertions are only made here.
func (rs256Signer) Verify(string, []byte, any) error {
	return errors.New("bankid: this signing method does not verify")
}
