package certs

import (
	"crypto"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// errNoCertificate is returned by methods called on a nil or zero
// Certificate.
var errNoCertificate = errors.New("certs: no certificate (nil or zero Certificate)")

// ok reports whether c holds a key and a leaf.
func (c *Certificate) ok() bool { return c != nil && c.key != nil && c.leaf != nil }

// Leaf returns the certificate the private key belongs to. The caller
// must not modify it.
func (c *Certificate) Leaf() *x509.Certificate { return c.leaf }

// CACerts returns the CA certificates that came with the leaf, in chain
// order from the leaf's issuer upwards, then any unrelated ones. The
// slice is a copy; the certificates must not be modified.
func (c *Certificate) CACerts() []*x509.Certificate {
	return append([]*x509.Certificate(nil), c.cas...)
}

// Signer returns the private key, for signing Maskinporten JWT grants (with
// X5C as the header's x5c) or other requests. It is an *rsa.PrivateKey, an
// *ecdsa.PrivateKey or an ed25519.PrivateKey.
func (c *Certificate) Signer() crypto.Signer { return c.key }

// X5C returns the certificate chain for a JWS "x5c" header: the standard
// base64 (with padding, not URL-safe) of the DER of the leaf, then of each
// CA certificate in CACerts order.
func (c *Certificate) X5C() []string {
	if !c.ok() {
		return nil
	}
	out := make([]string, 0, 1+len(c.cas))
	out = append(out, base64.StdEncoding.EncodeToString(c.leaf.Raw))
	for _, ca := range c.cas {
		out = append(out, base64.StdEncoding.EncodeToString(ca.Raw))
	}
	return out
}

// TLSCertificate returns the certificate for mutual TLS
// (tls.Config.Certificates or GetClientCertificate): the leaf, then the CA
// certificates in CACerts order, with the private key.
func (c *Certificate) TLSCertificate() (tls.Certificate, error) {
	if !c.ok() {
		return tls.Certificate{}, fmt.Errorf("certs: TLS certificate: %w", errNoCertificate)
	}
	chain := make([][]byte, 0, 1+len(c.cas))
	chain = append(chain, c.leaf.Raw)
	for _, ca := range c.cas {
		chain = append(chain, ca.Raw)
	}
	return tls.Certificate{Certificate: chain, PrivateKey: c.key, Leaf: c.leaf}, nil
}

// Export returns a new PKCS#12 file holding the key, the leaf and the CA
// certificates, protected by password, in go-pkcs12's Modern form
// (PBES2 with PBKDF2-HMAC-SHA-256 and AES-256-CBC, HMAC-SHA-256 MAC), which
// OpenSSL 1.1.1 and later, Java 12 and later and Windows Server 2019 and
// later read. The password must fit in UCS-2 (no emoji); it may be "", but
// a file meant to leave the machine should have a strong one.
func (c *Certificate) Export(password string) ([]byte, error) {
	if !c.ok() {
		return nil, fmt.Errorf("certs: export: %w", errNoCertificate)
	}
	pfx, err := pkcs12.Modern.Encode(c.key, c.leaf, c.cas, password)
	if err != nil {
		return nil, fmt.Errorf("certs: export: %w", err)
	}
	return pfx, nil
}
