package vero

import (
	"crypto/x509"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/beevik/etree"

	"github.com/motpart/motpart/internal/sandbox/ca"
	"github.com/motpart/motpart/internal/sandbox/fault"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// xmlsec1 returns the path of Debian's xmlsec1, the independent check of
// the simulator's signatures; the test fails (it is not skipped) without
// it, because `make test` installs it.
func xmlsec1(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("xmlsec1")
	if err != nil {
		t.Fatal("xmlsec1 is not installed: `apt-get install xmlsec1` (make test's deps-test installs it)")
	}
	return p
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func pemCert(c *x509.Certificate) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
}

// TestXMLSec1VerifiesReplies checks the replies' signatures with xmlsec1,
// trusting only the sandbox CA: the response element as Vero signs it,
// before the SOAP envelope (registries.md §2.5).
func TestXMLSec1VerifiesReplies(t *testing.T) {
	bin := xmlsec1(t)
	f := newFixture(t, Options{})
	dir := t.TempDir()
	caFile := writeFile(t, dir, "ca.pem", pemCert(f.root.Cert()))
	_, req := csr(t, 2048, "x")
	tests := []struct {
		name   string
		spoil  fault.VeroSignature
		inner  string
		verify bool
	}{
		{"SignNewCertificate OK", "", signNewXML("TEST", f.w.Firm.YTunnus, "", world.VeroTransferID, world.VeroTransferPassword, req), true},
		{"SignNewCertificate FAIL", "", signNewXML("TEST", f.w.Firm.YTunnus, "", world.VeroUsedTransferID, world.VeroUsedTransferPassword, req), true},
		{"GetCertificate FAIL", "", getXML(f.w.Firm.YTunnus, "0000000000000000"), true},
		{"tampered", fault.VeroTampered, signNewXML("TEST", f.w.Firm.YTunnus, "", world.VeroTransferID2, world.VeroTransferPassword2, req), false},
		{"foreign signer", fault.VeroForeignSigner, getXML(f.w.Firm.YTunnus, "0000000000000000"), false},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f.setFault(tt.spoil)
			r := f.post(t, tt.inner)
			doc := etree.NewDocument()
			doc.SetRoot(r.responseEl.Copy())
			data, err := doc.WriteToBytes()
			if err != nil {
				t.Fatal(err)
			}
			file := writeFile(t, dir, "reply"+string(rune('a'+i))+".xml", data)
			out, err := exec.Command(bin, "--verify", "--trusted-pem", caFile, file).CombinedOutput()
			if (err == nil) != tt.verify {
				t.Fatalf("xmlsec1 --verify: %v, want ok=%v\n%s\n%s", err, tt.verify, out, data)
			}
		})
	}
}

// TestXMLSec1SignedRenewalAccepted signs a RenewCertificateRequest with
// xmlsec1 from a template as §2.5 describes it, and the simulator accepts
// it: the simulator's check does not depend on goxmldsig's own signing.
func TestXMLSec1SignedRenewalAccepted(t *testing.T) {
	bin := xmlsec1(t)
	f := newFixture(t, Options{})
	const cust = "0116297-6"
	key, cert := f.currentCert(t, cust, t0)
	f.clock.Add(ca.VeroValidity - 10*24*time.Hour)
	newKey, req := csr(t, 2048, cust)
	dir := t.TempDir()
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	keyFile := writeFile(t, dir, "key.pem", pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
	certFile := writeFile(t, dir, "cert.pem", pemCert(cert))
	tmpl := `<?xml version="1.0" encoding="UTF-8"?>
<cer:RenewCertificateRequest xmlns:cer="` + Namespace + `"><Environment>TEST</Environment><CustomerId>` + cust +
		`</CustomerId><CertificateRequest>` + req + `</CertificateRequest>` +
		`<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo>` +
		`<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>` +
		`<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>` +
		`<ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>` +
		`<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms>` +
		`<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference></ds:SignedInfo>` +
		`<ds:SignatureValue/><ds:KeyInfo><ds:X509Data/></ds:KeyInfo></ds:Signature></cer:RenewCertificateRequest>`
	tmplFile := writeFile(t, dir, "renew-template.xml", []byte(tmpl))
	signedFile := filepath.Join(dir, "renew.xml")
	if out, err := exec.Command(bin, "--sign", "--privkey-pem", keyFile+","+certFile, "--output", signedFile, tmplFile).CombinedOutput(); err != nil {
		t.Fatalf("xmlsec1 --sign: %v\n%s", err, out)
	}
	signed, err := os.ReadFile(signedFile)
	if err != nil {
		t.Fatal(err)
	}
	inner := string(signed)
	if i := strings.Index(inner, "?>"); strings.HasPrefix(inner, "<?xml") && i > 0 {
		inner = inner[i+2:]
	}
	// The same document with one character changed is refused (before the
	// good one supersedes the signer).
	bad := strings.Replace(strings.TrimSpace(inner), "<Environment>TEST</Environment>", "<Environment>TEST</Environment> ", 1)
	if r := f.post(t, bad); r.code != CodeBadSignature {
		t.Fatalf("changed after xmlsec1 signed it: %s %s", r.status, r.code)
	}
	r := f.post(t, strings.TrimSpace(inner))
	if r.status != "OK" || r.retrieval == "" {
		t.Fatalf("renewal signed by xmlsec1: %s %s\n%s", r.status, r.code, signed)
	}
	g := f.post(t, getXML(cust, r.retrieval))
	if g.cert == nil || !newKey.PublicKey.Equal(g.cert.PublicKey) {
		t.Fatalf("renewed certificate: %s %s", g.status, g.code)
	}
}
