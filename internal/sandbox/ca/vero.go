package ca

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// The names of Vero's simulated PKI (registries.md §2.4, §2.6). Real test
// certificates come from "Data Providers Test Issuing CA v1"; the sandbox's
// says Sim so that nobody mistakes one for the other.
const (
	// VeroIssuerName is the CN of the sandbox's Incomes Register issuing
	// CA.
	VeroIssuerName = "Sim Data Providers Test Issuing CA v1"
	// VeroSignerName is the CN of the certificate Vero's simulator signs
	// its replies with.
	VeroSignerName = "Sim Vero Certificate Services"
	// VeroValidity is how long an issued certificate is valid: two years.
	VeroValidity = 2 * 365 * 24 * time.Hour
)

// Vero is the simulated PKI of Vero's certificate service: an RSA issuing
// CA under the sandbox CA that issues the customers' 2-year certificates
// (CN = the Y-tunnus), and the "services" signer certificate, issued by
// the sandbox CA itself, that signs every reply. It is safe for
// concurrent use.
type Vero struct {
	root      *x509.Certificate
	issuer    *x509.Certificate
	issuerKey *rsa.PrivateKey
	signer    *x509.Certificate
	signerKey *rsa.PrivateKey
}

// NewVero makes Vero's issuing CA and services signer, valid from a day
// before the earliest of now and the wall clock, for ten years.
func (a *Authority) NewVero(now time.Time) (*Vero, error) {
	start := earliest(now).Add(-24 * time.Hour)
	issuerKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, fmt.Errorf("sandbox Vero CA key: %w", err)
	}
	issuer, err := a.Issue(&x509.Certificate{
		Subject:               pkix.Name{CommonName: VeroIssuerName, Organization: []string{"Motpart sandbox"}, Country: []string{"FI"}},
		NotBefore:             start,
		NotAfter:              start.AddDate(10, 0, 0),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
	}, &issuerKey.PublicKey)
	if err != nil {
		return nil, err
	}
	signerKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, fmt.Errorf("sandbox Vero signer key: %w", err)
	}
	signer, err := a.Issue(&x509.Certificate{
		Subject:   pkix.Name{CommonName: VeroSignerName, Organization: []string{"Motpart sandbox"}, Country: []string{"FI"}},
		NotBefore: start,
		NotAfter:  start.AddDate(10, 0, 0),
		KeyUsage:  x509.KeyUsageDigitalSignature,
	}, &signerKey.PublicKey)
	if err != nil {
		return nil, err
	}
	return &Vero{root: a.cert, issuer: issuer, issuerKey: issuerKey, signer: signer, signerKey: signerKey}, nil
}

// Issuer returns the issuing CA's certificate (issued by the sandbox CA).
func (v *Vero) Issuer() *x509.Certificate { return v.issuer }

// IssuerPEM returns the issuing CA's certificate in PEM form.
func (v *Vero) IssuerPEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: v.issuer.Raw})
}

// Signer returns the services signer as a tls.Certificate (its
// certificate, then the sandbox CA's), the form goxmldsig signs with.
func (v *Vero) Signer() tls.Certificate {
	return tls.Certificate{Certificate: [][]byte{v.signer.Raw, v.root.Raw}, PrivateKey: v.signerKey, Leaf: v.signer}
}

// Issue issues a customer certificate for pub: CN = customerID (the
// Y-tunnus), O = name, C = FI, valid for VeroValidity from notBefore, key
// usage digitalSignature and keyEncipherment. The CSR's subject is not
// copied (registries.md §2.4).
func (v *Vero) Issue(pub *rsa.PublicKey, customerID, name string, notBefore time.Time) (*x509.Certificate, error) {
	return v.issue(pub, customerID, name, notBefore, notBefore.Add(VeroValidity))
}

func (v *Vero) issue(pub *rsa.PublicKey, customerID, name string, notBefore, notAfter time.Time) (*x509.Certificate, error) {
	subject := pkix.Name{CommonName: customerID, Country: []string{"FI"}}
	if name != "" {
		subject.Organization = []string{name}
	}
	serial, err := randomSerial()
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      subject,
		NotBefore:    notBefore,
		NotAfter:     notAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, v.issuer, pub, v.issuerKey)
	if err != nil {
		return nil, fmt.Errorf("sandbox Vero CA: issuing %q: %w", customerID, err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("sandbox Vero CA: issuing %q: %w", customerID, err)
	}
	return cert, nil
}

// Issued reports whether cert was issued by the issuing CA.
func (v *Vero) Issued(cert *x509.Certificate) bool {
	return cert.CheckSignatureFrom(v.issuer) == nil
}

// Certificate issues an Incomes Register certificate with a new RSA-2048
// key to customerID and name, valid from notBefore to notAfter, as a .pfx
// (chain: the issuing CA, then the sandbox CA) that opens with
// DemoVeroPassword. Tests use it for a current certificate near its end,
// to renew.
func (v *Vero) Certificate(customerID, name string, notBefore, notAfter time.Time) (DemoCertificate, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return DemoCertificate{}, fmt.Errorf("sandbox Vero certificate: key: %w", err)
	}
	cert, err := v.issue(&key.PublicKey, customerID, name, notBefore, notAfter)
	if err != nil {
		return DemoCertificate{}, err
	}
	data, err := pkcs12.Modern.Encode(key, cert, []*x509.Certificate{v.issuer, v.root}, DemoVeroPassword)
	if err != nil {
		return DemoCertificate{}, fmt.Errorf("sandbox Vero certificate: encoding: %w", err)
	}
	return DemoCertificate{FileName: "Tulorekisteri_" + customerID + ".pfx", Password: DemoVeroPassword,
		Description: "Finnish Incomes Register certificate for " + name + ", Y-tunnus " + customerID, Data: data}, nil
}
