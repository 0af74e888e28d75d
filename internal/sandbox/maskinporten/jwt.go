package maskinporten

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	_ "crypto/sha512" // SHA-384 and SHA-512 for RS384 and RS512
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
)

// The JWTs here are compact JWS with RSA PKCS#1 v1.5 signatures, the only
// kind Maskinporten takes (RS256, RS384, RS512), written and checked by
// hand so that the simulator shares no JWT library with a client.

// jws is a compact JWS split and decoded, its signature not yet checked.
type jws struct {
	header map[string]json.RawMessage
	claims map[string]json.RawMessage
	input  string // the signing input: header.payload as sent
	sig    []byte
}

var b64 = base64.RawURLEncoding

// parseJWS splits and decodes a compact JWS. It checks the shape only.
func parseJWS(s string) (*jws, error) {
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return nil, fmt.Errorf("%d parts, want 3", len(parts))
	}
	h, err := b64.DecodeString(parts[0])
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	p, err := b64.DecodeString(parts[1])
	if err != nil {
		return nil, fmt.Errorf("payload: %w", err)
	}
	sig, err := b64.DecodeString(parts[2])
	if err != nil {
		return nil, fmt.Errorf("signature: %w", err)
	}
	t := &jws{input: parts[0] + "." + parts[1], sig: sig}
	if err := strictObject(h, &t.header); err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	if err := strictObject(p, &t.claims); err != nil {
		return nil, fmt.Errorf("payload: %w", err)
	}
	return t, nil
}

// strictObject decodes one JSON object and nothing after it.
func strictObject(b []byte, v *map[string]json.RawMessage) error {
	d := json.NewDecoder(bytes.NewReader(b))
	if err := d.Decode(v); err != nil {
		return err
	}
	if *v == nil {
		return errors.New("not an object")
	}
	if d.More() {
		return errors.New("data after the object")
	}
	return nil
}

// str returns a string member of m, and whether it is one.
func str(m map[string]json.RawMessage, k string) (string, bool) {
	raw, ok := m[k]
	if !ok {
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// numericDate returns a NumericDate member of m in whole seconds, and
// whether it is one.
func numericDate(m map[string]json.RawMessage, k string) (int64, bool) {
	raw, ok := m[k]
	if !ok {
		return 0, false
	}
	var f float64
	if json.Unmarshal(raw, &f) != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return int64(math.Floor(f)), true
}

// rsaHash returns the hash of an RSxxx algorithm.
func rsaHash(alg string) (crypto.Hash, bool) {
	switch alg {
	case "RS256":
		return crypto.SHA256, true
	case "RS384":
		return crypto.SHA384, true
	case "RS512":
		return crypto.SHA512, true
	}
	return 0, false
}

// verify checks t's signature with pub under alg.
func (t *jws) verify(alg string, pub *rsa.PublicKey) error {
	h, ok := rsaHash(alg)
	if !ok {
		return fmt.Errorf("algorithm %q", alg)
	}
	d := h.New()
	d.Write([]byte(t.input))
	return rsa.VerifyPKCS1v15(pub, h, d.Sum(nil), t.sig)
}

// signRS256 writes a compact JWS of claims with header, signed RS256.
func signRS256(key *rsa.PrivateKey, header, claims any) (string, error) {
	h, err := json.Marshal(header)
	if err != nil {
		return "", err
	}
	c, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	input := b64.EncodeToString(h) + "." + b64.EncodeToString(c)
	sum := sha256.Sum256([]byte(input))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, sum[:])
	if err != nil {
		return "", err
	}
	return input + "." + b64.EncodeToString(sig), nil
}

// jwk is an RSA public key as a JSON Web Key.
type jwk struct {
	Kty string `json:"kty"`
	Kid string `json:"kid"`
	Use string `json:"use"`
	Alg string `json:"alg"`
	N   string `json:"n"`
	E   string `json:"e"`
}

func rsaJWK(pub *rsa.PublicKey, kid string) jwk {
	return jwk{Kty: "RSA", Kid: kid, Use: "sig", Alg: "RS256",
		N: b64.EncodeToString(pub.N.Bytes()), E: b64.EncodeToString(big.NewInt(int64(pub.E)).Bytes())}
}

// thumbprint is the RFC 7638 thumbprint of an RSA public key.
func thumbprint(pub *rsa.PublicKey) string {
	k := rsaJWK(pub, "")
	sum := sha256.Sum256([]byte(`{"e":"` + k.E + `","kty":"RSA","n":"` + k.N + `"}`))
	return b64.EncodeToString(sum[:])
}

// newUUID returns a random (version 4) UUID.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
