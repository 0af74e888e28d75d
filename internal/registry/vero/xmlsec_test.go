package vero

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/beevik/etree"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/transport"
)

// testNow is the tests' moment, inside every certificate's validity.
var testNow = time.Date(2026, 5, 4, 12, 0, 0, 0, time.UTC)

// pki is a CA and a leaf it issued, with their keys.
type pki struct {
	ca      *x509.Certificate
	caKey   *rsa.PrivateKey
	leaf    *x509.Certificate
	leafKey *rsa.PrivateKey
}

func newPKI(t *testing.T, leafCN string) *pki {
	t.Helper()
	caKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	caTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Test Vero Services CA"},
		NotBefore: testNow.AddDate(-1, 0, 0), NotAfter: testNow.AddDate(5, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	leafKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	leafTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: leafCN, Organization: []string{"Testi Oy"}, Country: []string{"FI"}},
		NotBefore: testNow.AddDate(0, -1, 0), NotAfter: testNow.AddDate(2, 0, 0),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
	}
	leafDER, err := x509.CreateCertificate(rand.Reader, leafTmpl, ca, &leafKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := x509.ParseCertificate(leafDER)
	return &pki{ca: ca, caKey: caKey, leaf: leaf, leafKey: leafKey}
}

func (p *pki) pool() *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(p.ca)
	return pool
}

func writePEM(t *testing.T, path, typ string, der []byte) {
	t.Helper()
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}

func needXMLSec(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("xmlsec1")
	if err != nil {
		t.Skip("xmlsec1 is not installed (make test installs it)")
	}
	return path
}

// TestRenewRequestVerifiesWithXMLSec checks the client's enveloped
// signature with an independent implementation.
func TestRenewRequestVerifiesWithXMLSec(t *testing.T) {
	xmlsec := needXMLSec(t)
	p := newPKI(t, "0116297-6")
	hc, err := transport.New(transport.Config{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(Config{URL: TestURL, Environment: EnvTest, ServicesCA: p.pool()}, hc)
	if err != nil {
		t.Fatal(err)
	}
	newKey, err := NewKey()
	if err != nil {
		t.Fatal(err)
	}
	csr, err := CSR(newKey, "0116297-6", "Testi Oy")
	if err != nil {
		t.Fatal(err)
	}
	el, err := c.RenewRequest("0116297-6", "Testi Oy", csr, p.leafKey, p.leaf)
	if err != nil {
		t.Fatal(err)
	}
	doc := etree.NewDocument()
	doc.SetRoot(el)
	signed, err := doc.WriteToBytes()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writePEM(t, filepath.Join(dir, "ca.pem"), "CERTIFICATE", p.ca.Raw)
	tests := []struct {
		name   string
		doc    []byte
		verify bool
	}{
		{"as signed", signed, true},
		{"changed after signing", []byte(strings.Replace(string(signed), "<Environment>TEST<", "<Environment>PRODUCTION<", 1)), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(dir, "renew.xml")
			if err := os.WriteFile(file, tt.doc, 0o600); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(xmlsec, "--verify", "--trusted-pem", filepath.Join(dir, "ca.pem"),
				"--verification-time", testNow.Format("2006-01-02 15:04:05"), file).CombinedOutput()
			if (err == nil) != tt.verify {
				t.Errorf("xmlsec1 --verify: %v, want verified %v\n%s", err, tt.verify, out)
			}
		})
	}
	// The shape of §2.5: the signature last, over the whole element.
	kids := el.ChildElements()
	if last := kids[len(kids)-1]; last.Tag != "Signature" {
		t.Errorf("last child %q, want Signature", last.Tag)
	}
	for path, want := range map[string]string{
		"./Signature/SignedInfo/CanonicalizationMethod":            "http://www.w3.org/2001/10/xml-exc-c14n#",
		"./Signature/SignedInfo/SignatureMethod":                   "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
		"./Signature/SignedInfo/Reference/DigestMethod":            "http://www.w3.org/2001/04/xmlenc#sha256",
		"./Signature/SignedInfo/Reference/Transforms/Transform[1]": "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
		"./Signature/SignedInfo/Reference/Transforms/Transform[2]": "http://www.w3.org/2001/10/xml-exc-c14n#",
	} {
		if got := el.FindElement(path); got == nil || got.SelectAttrValue("Algorithm", "") != want {
			t.Errorf("%s: %v, want Algorithm %s", path, got, want)
		}
	}
	if ref := el.FindElement("./Signature/SignedInfo/Reference"); ref == nil || ref.SelectAttrValue("URI", "x") != "" {
		t.Errorf("Reference URI is not empty")
	}
}

// responseTemplate is a GetCertificateResponse with an xmlsec1 signature
// template, in the prefixes of registries.md §2.3.
const responseTemplate = `<ns2:GetCertificateResponse xmlns:ns2="http://certificates.vero.fi/2017/10/certificateservices" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><Certificate>CERT</Certificate><Result><Status>OK</Status></Result><ds:Signature><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference></ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data/></ds:KeyInfo></ds:Signature></ns2:GetCertificateResponse>`

// TestResponseSignedByXMLSecIsAccepted serves answers signed by xmlsec1
// and checks the client accepts them, and refuses them when changed or
// signed by a signer of another CA.
func TestResponseSignedByXMLSecIsAccepted(t *testing.T) {
	xmlsec := needXMLSec(t)
	vero := newPKI(t, "Vero services signer")
	other := newPKI(t, "Someone else")
	issued := newPKI(t, "0116297-6").leaf
	sign := func(t *testing.T, p *pki) string {
		dir := t.TempDir()
		keyDER, _ := x509.MarshalPKCS8PrivateKey(p.leafKey)
		writePEM(t, filepath.Join(dir, "key.pem"), "PRIVATE KEY", keyDER)
		writePEM(t, filepath.Join(dir, "cert.pem"), "CERTIFICATE", p.leaf.Raw)
		tmpl := strings.Replace(responseTemplate, "CERT", base64.StdEncoding.EncodeToString(issued.Raw), 1)
		if err := os.WriteFile(filepath.Join(dir, "tmpl.xml"), []byte(tmpl), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(xmlsec, "--sign", "--privkey-pem", filepath.Join(dir, "key.pem")+","+filepath.Join(dir, "cert.pem"),
			"--output", filepath.Join(dir, "signed.xml"), filepath.Join(dir, "tmpl.xml")).CombinedOutput()
		if err != nil {
			t.Fatalf("xmlsec1 --sign: %v\n%s", err, out)
		}
		b, err := os.ReadFile(filepath.Join(dir, "signed.xml"))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if i := strings.Index(s, "?>"); strings.HasPrefix(s, "<?xml") && i > 0 {
			s = s[i+2:]
		}
		return strings.TrimSpace(s)
	}
	good := sign(t, vero)
	tests := []struct {
		name    string
		payload string
		want    problem.Code // "" for accepted
	}{
		{"signed by xmlsec1", good, ""},
		{"a comment added (exc-c14n drops comments)", strings.Replace(good, "<Status>OK</Status>", "<Status>OK</Status><!-- note -->", 1), ""},
		{"result changed after signing", strings.Replace(good, "<Certificate>", "<Certificate>AAAA", 1), problem.CodeVeroBadSignature},
		{"signer of another CA", sign(t, other), problem.CodeVeroBadSignature},
		{"unsigned", good[:strings.Index(good, "<ds:Signature>")] + "</ns2:GetCertificateResponse>", problem.CodeVeroBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("SOAPAction") != `"getCertificate"` {
					http.Error(w, "wrong SOAPAction "+r.Header.Get("SOAPAction"), http.StatusBadRequest)
					return
				}
				w.Header().Set("Content-Type", "text/xml; charset=utf-8")
				_, _ = w.Write([]byte(`<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Header/><SOAP-ENV:Body>` + tt.payload + `</SOAP-ENV:Body></SOAP-ENV:Envelope>`))
			}))
			defer srv.Close()
			roots := x509.NewCertPool()
			roots.AddCert(srv.Certificate())
			hc, err := transport.New(transport.Config{RootCAs: roots, Retries: -1})
			if err != nil {
				t.Fatal(err)
			}
			c, err := New(Config{URL: srv.URL + "/2017/10/CertificateServices", Environment: EnvTest, ServicesCA: vero.pool(), Now: func() time.Time { return testNow }}, hc)
			if err != nil {
				t.Fatal(err)
			}
			cert, err := c.GetCertificate(context.Background(), "0116297-6", "Testi Oy", "R1")
			if got := problem.CodeOf(err); got != tt.want {
				t.Fatalf("code %q (%v), want %q", got, err, tt.want)
			}
			if tt.want == "" && !cert.Equal(issued) {
				t.Errorf("got another certificate")
			}
		})
	}
}
