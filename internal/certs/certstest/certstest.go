// Package certstest makes certificate files for tests in other packages: a
// small CA (root and intermediate) and client certificates with the
// subjects the registers use, encoded as PKCS#12 the way OpenSSL 3 does.
package certstest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"
)

// Options describe the client certificate to make. Zero fields get
// sensible defaults: valid from a day before Now for a year, client
// authentication, the CA chain included.
type Options struct {
	Subject pkix.Name
	// Now is the test's clock: the certificate and its CA are valid
	// around it. Zero means the real time; a test that pins its own
	// clock must set it, or the certificate ages with the calendar.
	Now       time.Time
	NotBefore time.Time
	NotAfter  time.Time
	// Password seals the file; "" is allowed.
	Password string
	// WithoutChain leaves the CA certificates out of the file.
	WithoutChain bool
}

// SCB returns the subject of an SCB client certificate for API-Id id.
func SCB(id string) pkix.Name {
	return pkix.Name{CommonName: "Exempelbyrån Redovisning AB " + id, Organization: []string{"Exempelbyrån Redovisning AB"}, Country: []string{"SE"}}
}

// Norwegian returns the subject of a Norwegian enterprise certificate
// (Buypass style) for organisation number orgnr.
func Norwegian(name, orgnr string) pkix.Name {
	return pkix.Name{CommonName: name, Organization: []string{name}, SerialNumber: orgnr, Country: []string{"NO"},
		ExtraNames: []pkix.AttributeTypeAndValue{{Type: asn1.ObjectIdentifier{2, 5, 4, 97}, Value: "NTRNO-" + orgnr}}}
}

// PFX returns a PKCS#12 file holding a new RSA key, its certificate as
// opt describes, and (unless opt.WithoutChain) the CA certificates.
func PFX(tb testing.TB, opt Options) []byte {
	tb.Helper()
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	if opt.NotBefore.IsZero() {
		opt.NotBefore = now.Add(-24 * time.Hour)
	}
	if opt.NotAfter.IsZero() {
		opt.NotAfter = now.Add(365 * 24 * time.Hour)
	}
	rootKey, root := makeCA(tb, now, "Motpart Test Root CA", nil, nil)
	interKey, inter := makeCA(tb, now, "Motpart Test Issuing CA", root, rootKey)
	// RSA 2048, as the registers' certificates (Maskinporten signs RS256).
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		tb.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial(tb),
		Subject:      opt.Subject,
		NotBefore:    opt.NotBefore,
		NotAfter:     opt.NotAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, inter, &key.PublicKey, interKey)
	if err != nil {
		tb.Fatalf("certstest: making the certificate: %v", err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		tb.Fatal(err)
	}
	var cas []*x509.Certificate
	if !opt.WithoutChain {
		cas = []*x509.Certificate{inter, root}
	}
	pfx, err := pkcs12.Modern.Encode(key, leaf, cas, opt.Password)
	if err != nil {
		tb.Fatalf("certstest: encoding PKCS#12: %v", err)
	}
	return pfx
}

func newKey(tb testing.TB) *ecdsa.PrivateKey {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	return key
}

func serial(tb testing.TB) *big.Int {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// makeCA makes a CA certificate, valid around now, signed by parent
// (self-signed when nil).
func makeCA(tb testing.TB, now time.Time, name string, parent *x509.Certificate, parentKey *ecdsa.PrivateKey) (*ecdsa.PrivateKey, *x509.Certificate) {
	key := newKey(tb)
	tmpl := &x509.Certificate{
		SerialNumber:          serial(tb),
		Subject:               pkix.Name{CommonName: name, Organization: []string{"Motpart Test"}},
		NotBefore:             now.Add(-48 * time.Hour),
		NotAfter:              now.Add(10 * 365 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	if parent == nil {
		parent, parentKey = tmpl, key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, &key.PublicKey, parentKey)
	if err != nil {
		tb.Fatalf("certstest: making CA %s: %v", name, err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		tb.Fatal(err)
	}
	return key, cert
}
