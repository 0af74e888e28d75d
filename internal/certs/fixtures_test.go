package certs

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"github.com/motpart/motpart/internal/testclock"
	"math/big"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// Fixtures are made at run time, so nothing secret is committed. Keys are
// made once per test binary (RSA generation is the slow part).

// fixedNow is the "now" every description is relative to.
var fixedNow = testclock.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// scbFileName is how SCB names its certificate files.
const scbFileName = "Certifikat_SokPaVar_A00494_2025-10-06 13-14-52Z.pfx"

type testKeys struct {
	root, inter, leaf, other *rsa.PrivateKey
	weak                     *rsa.PrivateKey // 1024 bits
	ec                       *ecdsa.PrivateKey
	ec384                    *ecdsa.PrivateKey
	ed                       ed25519.PrivateKey
}

type testPKI struct {
	keys        *testKeys
	root, inter *x509.Certificate
}

var pkiOnce = sync.OnceValues(func() (*testPKI, error) {
	var k testKeys
	var err error
	for _, p := range []**rsa.PrivateKey{&k.root, &k.inter, &k.leaf, &k.other} {
		if *p, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
			return nil, err
		}
	}
	if k.weak, err = rsa.GenerateKey(rand.Reader, 1024); err != nil {
		return nil, err
	}
	if k.ec, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader); err != nil {
		return nil, err
	}
	if k.ec384, err = ecdsa.GenerateKey(elliptic.P384(), rand.Reader); err != nil {
		return nil, err
	}
	if _, k.ed, err = ed25519.GenerateKey(rand.Reader); err != nil {
		return nil, err
	}
	p := &testPKI{keys: &k}
	rootTmpl := caTemplate(1, pkix.Name{CommonName: "Motpart Test Root CA", Organization: []string{"Motpart Test PKI"}, Country: []string{"NO"}})
	if p.root, err = sign(rootTmpl, rootTmpl, k.root.Public(), k.root); err != nil {
		return nil, err
	}
	interTmpl := caTemplate(2, pkix.Name{CommonName: "Motpart Test Issuing CA", Organization: []string{"Motpart Test PKI"}, Country: []string{"NO"}})
	if p.inter, err = sign(interTmpl, p.root, k.inter.Public(), k.root); err != nil {
		return nil, err
	}
	return p, nil
})

// fixtures returns the shared keys and CA.
func fixtures(tb testing.TB) *testPKI {
	tb.Helper()
	p, err := pkiOnce()
	if err != nil {
		tb.Fatalf("making test keys: %v", err)
	}
	return p
}

func caTemplate(serial int64, name pkix.Name) *x509.Certificate {
	return &x509.Certificate{
		SerialNumber:          big.NewInt(serial),
		Subject:               name,
		NotBefore:             time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:              time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
}

func sign(tmpl, parent *x509.Certificate, pub crypto.PublicKey, signer crypto.Signer) (*x509.Certificate, error) {
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, signer)
	if err != nil {
		return nil, err
	}
	return x509.ParseCertificate(der)
}

// leafSpec describes a leaf certificate; zero fields take defaults.
type leafSpec struct {
	subject   pkix.Name
	serial    int64              // default 0x0A1B2C3D
	notBefore time.Time          // default fixedNow − 30 days
	notAfter  time.Time          // default fixedNow + 365 days
	key       crypto.Signer      // default the shared RSA-2048 leaf key
	eku       []x509.ExtKeyUsage // default clientAuth
	noEKU     bool               // no extended key usage extension
	keyUsage  x509.KeyUsage      // default digitalSignature
	noKU      bool               // no key usage extension
	self      bool               // self-signed
	issuer    *x509.Certificate  // default the intermediate CA
	issuerKey crypto.Signer      // with issuer
	dns       []string           // SANs, for a TLS server
	extra     []pkix.AttributeTypeAndValue
}

var defaultSubject = pkix.Name{CommonName: "Test Leaf", Organization: []string{"Testbyrå AB"}, Country: []string{"SE"}}

// leaf makes a certificate from spec and returns it with its key.
func (p *testPKI) leaf(tb testing.TB, spec leafSpec) (*x509.Certificate, crypto.Signer) {
	tb.Helper()
	if spec.subject.CommonName == "" && len(spec.subject.Organization) == 0 && len(spec.subject.Names) == 0 {
		spec.subject = defaultSubject
	}
	spec.subject.ExtraNames = append(spec.subject.ExtraNames, spec.extra...)
	if spec.serial == 0 {
		spec.serial = 0x0A1B2C3D
	}
	if spec.notBefore.IsZero() {
		spec.notBefore = fixedNow.AddDate(0, 0, -30)
	}
	if spec.notAfter.IsZero() {
		spec.notAfter = fixedNow.AddDate(0, 0, 365)
	}
	if spec.key == nil {
		spec.key = p.keys.leaf
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(spec.serial),
		Subject:      spec.subject,
		NotBefore:    spec.notBefore,
		NotAfter:     spec.notAfter,
		DNSNames:     spec.dns,
	}
	if !spec.noEKU {
		tmpl.ExtKeyUsage = spec.eku
		if tmpl.ExtKeyUsage == nil {
			tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
		}
	}
	if !spec.noKU {
		tmpl.KeyUsage = spec.keyUsage
		if tmpl.KeyUsage == 0 {
			tmpl.KeyUsage = x509.KeyUsageDigitalSignature
		}
	}
	parent, parentKey := p.inter, crypto.Signer(p.keys.inter)
	if spec.issuer != nil {
		parent, parentKey = spec.issuer, spec.issuerKey
	}
	if spec.self {
		parent, parentKey = tmpl, spec.key
	}
	cert, err := sign(tmpl, parent, spec.key.Public(), parentKey)
	if err != nil {
		tb.Fatalf("making a leaf certificate: %v", err)
	}
	return cert, spec.key
}

// pfx encodes a PKCS#12 file.
func pfx(tb testing.TB, enc *pkcs12.Encoder, key crypto.PrivateKey, leaf *x509.Certificate, cas []*x509.Certificate, password string) []byte {
	tb.Helper()
	b, err := enc.Encode(key, leaf, cas, password)
	if err != nil {
		tb.Fatalf("encoding PKCS#12: %v", err)
	}
	return b
}

// chain is the intermediate then the root.
func (p *testPKI) chain() []*x509.Certificate { return []*x509.Certificate{p.inter, p.root} }

// standard returns a Modern PKCS#12 file of the default leaf with its full
// chain, and the leaf.
func (p *testPKI) standard(tb testing.TB, password string) ([]byte, *x509.Certificate) {
	tb.Helper()
	leaf, key := p.leaf(tb, leafSpec{})
	return pfx(tb, pkcs12.Modern, key, leaf, p.chain(), password), leaf
}

// oidOrgID is organizationIdentifier.
var oidOrgID = asn1.ObjectIdentifier{2, 5, 4, 97}

// Subjects of the identity fixtures.
var (
	scbSubject = pkix.Name{CommonName: "SokPaVar A00494", Organization: []string{"Exempelbyrån Redovisning AB"}, Country: []string{"SE"}}
	scbPlain   = pkix.Name{CommonName: "Exempelbyrån Redovisning AB", Organization: []string{"Exempelbyrån Redovisning AB"}, Country: []string{"SE"}}
	noSubject  = pkix.Name{CommonName: "EKSEMPELBYRÅ AS", Organization: []string{"EKSEMPELBYRÅ AS"}, SerialNumber: "923609016", Country: []string{"NO"}}
	noOrgID    = pkix.Name{CommonName: "EKSEMPELBYRÅ AS", Organization: []string{"EKSEMPELBYRÅ AS"}, Country: []string{"NO"},
		ExtraNames: []pkix.AttributeTypeAndValue{{Type: oidOrgID, Value: "NTRNO-923609016"}}}
	noBadCheck = pkix.Name{CommonName: "EKSEMPELBYRÅ AS", Organization: []string{"EKSEMPELBYRÅ AS"}, SerialNumber: "923609017", Country: []string{"NO"}}
	fiSubject  = pkix.Name{CommonName: "0116297-6", Organization: []string{"Tilitoimisto Esimerkki Oy"}, Country: []string{"FI"}}
)

// writePEM writes blocks to a file in dir and returns its path.
func writePEM(tb testing.TB, dir, name string, blocks ...*pem.Block) string {
	tb.Helper()
	var b []byte
	for _, blk := range blocks {
		b = append(b, pem.EncodeToMemory(blk)...)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

func certPEM(c *x509.Certificate) *pem.Block { return &pem.Block{Type: "CERTIFICATE", Bytes: c.Raw} }

func keyPEM(tb testing.TB, key crypto.PrivateKey) *pem.Block {
	tb.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		tb.Fatal(err)
	}
	return &pem.Block{Type: "PRIVATE KEY", Bytes: der}
}
