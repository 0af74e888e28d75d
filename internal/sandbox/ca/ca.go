// Package ca is the sandbox's local certificate authority: made in memory
// at every start, it issues the simulators' TLS server certificates, the
// demo client certificates (.pfx) shaped like the registers' own, and any
// certificate a test asks for. Nothing outside the sandbox trusts it.
package ca

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// DemoCertificate is a client certificate with its private key as a
// PKCS#12 file (.pfx), shaped like the ones the registers issue.
type DemoCertificate struct {
	FileName    string // the name the register would give the file
	Password    string // the password that opens it
	Description string // one line: whose certificate it is and what for
	Data        []byte // the .pfx file
}

// The demo certificates' fixed values.
const (
	// DemoSCBAPIID is the API-Id of the SCB-style demo certificate.
	DemoSCBAPIID = "A00001"
	// DemoSCBPassword opens the SCB-style demo certificate.
	DemoSCBPassword = "Sandbox-SCB-2468"
	// DemoBuypassPassword opens the Norwegian enterprise certificate.
	DemoBuypassPassword = "Sandbox-Buypass-1357"
	// DemoVeroPassword opens the Finnish Incomes Register certificate.
	DemoVeroPassword = "Sandbox-Vero-9753"
	// DemoSCBBasicAPIID is the API-Id of the second SCB demo certificate,
	// whose subscription holds the basic variables only.
	DemoSCBBasicAPIID = "A00002"
)

// OIDOrganizationIdentifier returns the OID of organizationIdentifier
// (ETSI EN 319 412-1), where a Norwegian enterprise certificate carries
// "NTRNO-" and the organisasjonsnummer.
func OIDOrganizationIdentifier() asn1.ObjectIdentifier { return asn1.ObjectIdentifier{2, 5, 4, 97} }

// Authority is the sandbox's local certificate authority. It lives in
// memory only and is made anew at every start. It is safe for concurrent
// use.
type Authority struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	pem  []byte
	pool *x509.CertPool
}

// New makes a CA valid from a day before the earliest of now and
// the wall clock, for ten years.
func New(now time.Time) (*Authority, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("sandbox CA key: %w", err)
	}
	serial, err := randomSerial()
	if err != nil {
		return nil, err
	}
	start := earliest(now).Add(-24 * time.Hour)
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "Motpart Sandbox CA", Organization: []string{"Motpart sandbox"}},
		NotBefore:             start,
		NotAfter:              start.AddDate(10, 0, 0),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
		// One level below: Vero's issuing CA (NewVero).
		MaxPathLen: 1,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("sandbox CA certificate: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("sandbox CA certificate: %w", err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &Authority{
		cert: cert,
		key:  key,
		pem:  pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pool: pool,
	}, nil
}

// earliest returns the earlier of t and the wall clock, so that
// certificates are valid both for the configured clock and for TLS, which
// checks against the wall clock.
func earliest(t time.Time) time.Time {
	if wall := time.Now(); wall.Before(t) {
		return wall
	}
	return t
}

func randomSerial() (*big.Int, error) {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, fmt.Errorf("sandbox CA serial: %w", err)
	}
	return n.Add(n, big.NewInt(1)), nil
}

// Issue signs tmpl for pub with the CA.
func (a *Authority) Issue(tmpl *x509.Certificate, pub crypto.PublicKey) (*x509.Certificate, error) {
	serial, err := randomSerial()
	if err != nil {
		return nil, err
	}
	tmpl.SerialNumber = serial
	der, err := x509.CreateCertificate(rand.Reader, tmpl, a.cert, pub, a.key)
	if err != nil {
		return nil, fmt.Errorf("sandbox CA: issuing %q: %w", tmpl.Subject.CommonName, err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("sandbox CA: issuing %q: %w", tmpl.Subject.CommonName, err)
	}
	return cert, nil
}

// ServerCert issues a TLS server certificate for 127.0.0.1, ::1,
// localhost and host (an IP address or a name), valid for a year from
// the wall clock.
func (a *Authority) ServerCert(name, host string) (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("sandbox %s server key: %w", name, err)
	}
	start := time.Now().Add(-time.Hour)
	tmpl := &x509.Certificate{
		Subject:     pkix.Name{CommonName: name + ".sandbox.localhost", Organization: []string{"Motpart sandbox"}},
		NotBefore:   start,
		NotAfter:    start.AddDate(1, 0, 0),
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:    []string{"localhost"},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	if ip := net.ParseIP(host); ip != nil {
		if !ip.IsLoopback() {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		}
	} else if host != "" && host != "localhost" {
		tmpl.DNSNames = append(tmpl.DNSNames, host)
	}
	cert, err := a.Issue(tmpl, &key.PublicKey)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{cert.Raw, a.cert.Raw}, PrivateKey: key, Leaf: cert}, nil
}

// DemoCertificates issues the demo client certificates to the world's
// accounting firm. now dates them and names the SCB file.
func (a *Authority) DemoCertificates(w *world.World, now time.Time) ([]DemoCertificate, error) {
	start := now.Add(-time.Hour)
	client := func(subject pkix.Name) *x509.Certificate {
		return &x509.Certificate{
			Subject:     subject,
			NotBefore:   start,
			NotAfter:    start.AddDate(2, 0, 0), // the registers issue for two years
			KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
			ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
		}
	}
	f := w.Firm
	specs := []struct {
		subject           pkix.Name
		file, pass, about string
	}{{
		subject: pkix.Name{CommonName: "SokPaVar " + DemoSCBAPIID, Organization: []string{f.SEName}, Country: []string{"SE"}},
		file:    "Certifikat_SokPaVar_" + DemoSCBAPIID + "_" + now.UTC().Format("2006-01-02 15-04-05Z") + ".pfx",
		pass:    DemoSCBPassword,
		about:   "SCB Sök på var, API-Id " + DemoSCBAPIID + ", issued to " + f.SEName + " (mutual TLS)",
	}, {
		subject: pkix.Name{CommonName: f.Name, Organization: []string{f.Name}, SerialNumber: f.OrgNr, Country: []string{"NO"},
			ExtraNames: []pkix.AttributeTypeAndValue{{Type: OIDOrganizationIdentifier(), Value: "NTRNO-" + f.OrgNr}}},
		file:  "Virksomhetssertifikat_" + f.OrgNr + ".p12",
		pass:  DemoBuypassPassword,
		about: "Norwegian enterprise certificate (Buypass style) for " + f.Name + ", orgnr " + f.OrgNr + " (Maskinporten)",
	}, {
		subject: pkix.Name{CommonName: f.YTunnus, Organization: []string{f.FIName}, Country: []string{"FI"}},
		file:    "Tulorekisteri_" + f.YTunnus + ".pfx",
		pass:    DemoVeroPassword,
		about:   "Finnish Incomes Register certificate for " + f.FIName + ", Y-tunnus " + f.YTunnus,
	}}
	out := make([]DemoCertificate, 0, len(specs))
	for _, s := range specs {
		key, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			return nil, fmt.Errorf("sandbox demo certificate %s: key: %w", s.file, err)
		}
		cert, err := a.Issue(client(s.subject), &key.PublicKey)
		if err != nil {
			return nil, err
		}
		data, err := pkcs12.Modern.Encode(key, cert, []*x509.Certificate{a.cert}, s.pass)
		if err != nil {
			return nil, fmt.Errorf("sandbox demo certificate %s: encoding: %w", s.file, err)
		}
		out = append(out, DemoCertificate{FileName: s.file, Password: s.pass, Description: s.about, Data: data})
	}
	return out, nil
}

// WriteDemoCertificates writes certs to dir, creating it if needed, each
// file readable by its owner only.
func WriteDemoCertificates(dir string, certs []DemoCertificate) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("sandbox: writing demo certificates: %w", err)
	}
	var errs []error
	for _, c := range certs {
		path := filepath.Join(dir, c.FileName)
		if err := os.WriteFile(path, c.Data, 0o600); err != nil {
			errs = append(errs, fmt.Errorf("sandbox: writing demo certificate: %w", err))
			continue
		}
		// WriteFile keeps the mode of a file that already exists.
		if err := os.Chmod(path, 0o600); err != nil {
			errs = append(errs, fmt.Errorf("sandbox: writing demo certificate: %w", err))
		}
	}
	return errors.Join(errs...)
}

// Cert returns the CA's own certificate.
func (a *Authority) Cert() *x509.Certificate { return a.cert }

// PEM returns the CA's certificate in PEM form.
func (a *Authority) PEM() []byte { return append([]byte(nil), a.pem...) }

// Pool returns a new pool holding only the CA.
func (a *Authority) Pool() *x509.CertPool { return a.pool.Clone() }

// EnterpriseCertificate issues a Norwegian enterprise certificate (Buypass
// style, RSA 2048, organisasjonsnummer in serialNumber and
// organizationIdentifier NTRNO-…) to orgnr under name, valid from
// notBefore to notAfter. The .p12 opens with DemoBuypassPassword.
func (a *Authority) EnterpriseCertificate(orgnr, name string, notBefore, notAfter time.Time) (DemoCertificate, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return DemoCertificate{}, fmt.Errorf("sandbox enterprise certificate: key: %w", err)
	}
	cert, err := a.Issue(&x509.Certificate{
		Subject: pkix.Name{CommonName: name, Organization: []string{name}, SerialNumber: orgnr, Country: []string{"NO"},
			ExtraNames: []pkix.AttributeTypeAndValue{{Type: OIDOrganizationIdentifier(), Value: "NTRNO-" + orgnr}}},
		NotBefore:   notBefore,
		NotAfter:    notAfter,
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}, &key.PublicKey)
	if err != nil {
		return DemoCertificate{}, err
	}
	data, err := pkcs12.Modern.Encode(key, cert, []*x509.Certificate{a.cert}, DemoBuypassPassword)
	if err != nil {
		return DemoCertificate{}, fmt.Errorf("sandbox enterprise certificate: encoding: %w", err)
	}
	return DemoCertificate{FileName: "Virksomhetssertifikat_" + orgnr + ".p12", Password: DemoBuypassPassword,
		Description: "Norwegian enterprise certificate for " + name + ", orgnr " + orgnr, Data: data}, nil
}

// SCBCertificate issues an SCB client certificate (RSA 2048, client
// authentication) for apiID to org, valid from notBefore to notAfter,
// named as SCB names its files: Certifikat_SokPaVar_Annnnn_<UTC time of
// notBefore>.pfx, the API-Id in the CN ("SokPaVar Annnnn"). apiID ""
// issues one without an API-Id (CN "SokPaVar"). The .pfx opens with
// DemoSCBPassword.
func (a *Authority) SCBCertificate(apiID, org string, notBefore, notAfter time.Time) (DemoCertificate, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return DemoCertificate{}, fmt.Errorf("sandbox SCB certificate: key: %w", err)
	}
	cn, file := "SokPaVar", "Certifikat_SokPaVar_"
	if apiID != "" {
		cn, file = cn+" "+apiID, file+apiID+"_"
	}
	file += notBefore.UTC().Format("2006-01-02 15-04-05Z") + ".pfx"
	cert, err := a.Issue(&x509.Certificate{
		Subject:     pkix.Name{CommonName: cn, Organization: []string{org}, Country: []string{"SE"}},
		NotBefore:   notBefore,
		NotAfter:    notAfter,
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}, &key.PublicKey)
	if err != nil {
		return DemoCertificate{}, err
	}
	data, err := pkcs12.Modern.Encode(key, cert, []*x509.Certificate{a.cert}, DemoSCBPassword)
	if err != nil {
		return DemoCertificate{}, fmt.Errorf("sandbox SCB certificate: encoding: %w", err)
	}
	about := "SCB Sök på var, API-Id " + apiID + ", issued to " + org + " (mutual TLS)"
	if apiID == "" {
		about = "SCB-style certificate without an API-Id, issued to " + org
	}
	return DemoCertificate{FileName: file, Password: DemoSCBPassword, Description: about, Data: data}, nil
}
