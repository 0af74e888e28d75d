package certs

import (
	"crypto"
	"crypto/x509"
)

// New makes a Certificate from a private key and the certificate issued
// for it (with its CA certificates, if any), as when a certificate is
// ordered in the app rather than imported from a file. The key must
// belong to leaf (CodeKeyMismatch otherwise).
func New(key crypto.Signer, leaf *x509.Certificate, cas []*x509.Certificate) (*Certificate, error) {
	all := append([]*x509.Certificate{leaf}, cas...)
	if leaf == nil || key == nil {
		return nil, fail(CodeKeyMismatch, "no key or certificate", nil)
	}
	return assemble(key, all)
}
