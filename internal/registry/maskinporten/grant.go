package maskinporten

import (
	"crypto"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// grant signs a JWT-bearer grant for issuer at now.
func (c *Client) grant(issuer string, now time.Time) (string, error) {
	jti, err := randomID(rand.Reader)
	if err != nil {
		return "", fmt.Errorf("maskinporten: making the grant's id: %w", err)
	}
	iat := now.Unix()
	claims := jwt.MapClaims{
		"aud":   issuer,
		"iss":   c.cfg.ClientID,
		"scope": strings.Join(c.cfg.Scopes, " "),
		"iat":   iat,
		"exp":   iat + int64(c.cfg.GrantLifetime/time.Second),
		"jti":   jti,
	}
	tok := jwt.NewWithClaims(signerMethod{}, claims)
	if c.cfg.KeyID != "" {
		tok.Header["kid"] = c.cfg.KeyID
	} else {
		tok.Header["x5c"] = c.x5c
	}
	s, err := tok.SignedString(c.signer)
	if err != nil {
		// The error says only why signing failed, never the grant.
		return "", fmt.Errorf("maskinporten: signing the grant with the certificate's key: %w", err)
	}
	return s, nil
}

// randomID returns 16 random bytes as unpadded base64url.
func randomID(r io.Reader) (string, error) {
	var b [16]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}

// signerMethod is RS256 (RSASSA-PKCS1-v1_5 with SHA-256) by any
// crypto.Signer holding an RSA key, e.g. one whose key stays in a
// certificate store. It only signs; it is not registered with jwt.
type signerMethod struct{}

// Alg implements jwt.SigningMethod.
func (signerMethod) Alg() string { return "RS256" }

// Sign implements jwt.SigningMethod: key must be a crypto.Signer.
func (signerMethod) Sign(signingString string, key any) ([]byte, error) {
	s, ok := key.(crypto.Signer)
	if !ok {
		return nil, errors.New("the key cannot sign")
	}
	h := sha256.Sum256([]byte(signingString))
	sig, err := s.Sign(rand.Reader, h[:], crypto.SHA256)
	if err != nil {
		return nil, err
	}
	return sig, nil
}

// Verify implements jwt.SigningMethod; grants are only made here.
func (signerMethod) Verify(string, []byte, any) error {
	return errors.New("maskinporten: this signing method does not verify")
}
