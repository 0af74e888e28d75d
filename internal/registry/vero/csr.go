package vero

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
)

// KeyBits is the only key size the service accepts (registries.md §2.1).
const KeyBits = 2048

// NewKey makes an RSA-2048 key for a new or renewed certificate.
func NewKey() (*rsa.PrivateKey, error) {
	k, err := rsa.GenerateKey(rand.Reader, KeyBits)
	if err != nil {
		return nil, fmt.Errorf("making an RSA-%d key: %w", KeyBits, err)
	}
	return k, nil
}

// CSR makes the DER PKCS#10 request of key, signed with SHA-256, with the
// subject CN = businessID (the Y-tunnus), O = companyName, C = FI
// (registries.md §2.4).
func CSR(key *rsa.PrivateKey, businessID, companyName string) ([]byte, error) {
	tmpl := &x509.CertificateRequest{
		Subject: pkix.Name{
			CommonName:   businessID,
			Organization: []string{companyName},
			Country:      []string{"FI"},
		},
		SignatureAlgorithm: x509.SHA256WithRSA,
	}
	der, err := x509.CreateCertificateRequest(rand.Reader, tmpl, key)
	if err != nil {
		return nil, fmt.Errorf("making the certificate request: %w", err)
	}
	return der, nil
}
