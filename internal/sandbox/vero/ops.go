package vero

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/beevik/etree"
	dsig "github.com/russellhaering/goxmldsig"

	"github.com/motpart/motpart/internal/sandbox/ca"
)

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// maxLen are the String types' lengths of the fields (registries.md §2.3).
var maxLen = map[string]int{
	"CustomerId": 30, "CustomerName": 100, "TransferId": 32, "TransferPassword": 16, "RetrievalId": 32,
}

// check returns the code of the first problem common to every request:
// a required field missing or too long, or a wrong Environment.
func (s *Server) check(req *request, required ...string) string {
	for _, f := range required {
		if req.fields[f] == "" {
			return CodeMissingField
		}
	}
	for f, n := range maxLen {
		if utf8.RuneCountInString(req.fields[f]) > n {
			return CodeMissingField
		}
	}
	switch env := req.fields["Environment"]; {
	case env != "TEST" && env != "PRODUCTION":
		return CodeEnvironment
	case s.opts.Environment != "" && env != s.opts.Environment:
		return CodeEnvironment
	}
	return ""
}

// parseCSR reads a base64 DER (or PEM) PKCS#10 request and returns its
// RSA-2048 key, or false when it is malformed, badly signed, not SHA-256
// with RSA, or another key.
func parseCSR(text string) (*rsa.PublicKey, bool) {
	text = strings.Join(strings.Fields(text), "")
	der, err := base64.StdEncoding.DecodeString(text)
	if err != nil {
		return nil, false
	}
	if b, _ := pem.Decode(der); b != nil {
		der = b.Bytes
	}
	csr, err := x509.ParseCertificateRequest(der)
	if err != nil || csr.CheckSignature() != nil || csr.SignatureAlgorithm != x509.SHA256WithRSA {
		return nil, false
	}
	pub, ok := csr.PublicKey.(*rsa.PublicKey)
	if !ok || pub.N.BitLen() != 2048 {
		return nil, false
	}
	return pub, true
}

func newRetrievalID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return strings.ToUpper(hex.EncodeToString(b))
}

// signNew answers SignNewCertificate: the TransferId and its password, the
// CustomerId, the CSR; the TransferId is used up only by a request that
// succeeds.
func (s *Server) signNew(req *request, pki *ca.Vero) *response {
	if code := s.check(req, "Environment", "CustomerId", "TransferId", "TransferPassword", "CertificateRequest"); code != "" {
		return fail(opSign, code)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.tids[req.fields["TransferId"]]
	switch {
	case t == nil:
		return fail(opSign, CodeTransferIDUnknown)
	case t.Used || t.Password != req.fields["TransferPassword"]:
		return fail(opSign, CodeTransferPassword)
	case t.CustomerID != req.fields["CustomerId"]:
		return fail(opSign, CodeCustomerMismatch)
	}
	pub, ok := parseCSR(req.fields["CertificateRequest"])
	if !ok {
		return fail(opSign, CodeBadCSR)
	}
	name := req.fields["CustomerName"]
	if name == "" {
		name = t.CustomerName
	}
	now := s.opts.Now()
	cert, err := pki.Issue(pub, t.CustomerID, name, now)
	if err != nil {
		return fail(opSign, CodeBadCSR)
	}
	t.Used = true
	id := newRetrievalID()
	s.rids[id] = &retrieval{customerID: t.CustomerID, cert: cert, ready: now.Add(s.opts.ReadyAfter)}
	return &response{op: opSign, id: id}
}

// get answers GetCertificate. A ready certificate can be fetched again (a
// client may crash before storing it).
func (s *Server) get(req *request) *response {
	if code := s.check(req, "Environment", "CustomerId", "RetrievalId"); code != "" {
		return fail(opGet, code)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.rids[req.fields["RetrievalId"]]
	if r == nil || r.customerID != req.fields["CustomerId"] {
		return fail(opGet, CodeRetrievalIDUnknown)
	}
	if s.opts.Now().Before(r.ready) {
		return fail(opGet, CodeNotReady)
	}
	if r.renews != "" {
		s.gone[r.renews] = true
	}
	return &response{op: opGet, cert: r.cert.Raw}
}

// renew answers RenewCertificate: the enveloped signature over the
// request element, its signer a current certificate of the issuing CA for
// this CustomerId, the 60-day window, and the new CSR.
func (s *Server) renew(req *request, pki *ca.Vero) *response {
	if code := s.check(req, "Environment", "CustomerId", "CertificateRequest"); code != "" {
		return fail(opRenew, code)
	}
	now := s.opts.Now()
	signer, ok := verifyRenewal(req.el, pki, now)
	if !ok || signer.Subject.CommonName != req.fields["CustomerId"] {
		return fail(opRenew, CodeBadSignature)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	serial := signer.SerialNumber.String()
	if s.gone[serial] {
		return fail(opRenew, CodeBadSignature)
	}
	if !s.noWin && now.Before(signer.NotAfter.Add(-RenewWindow)) {
		return fail(opRenew, CodeOutsideWindow)
	}
	pub, ok := parseCSR(req.fields["CertificateRequest"])
	if !ok {
		return fail(opRenew, CodeBadCSR)
	}
	name := req.fields["CustomerName"]
	if name == "" && len(signer.Subject.Organization) > 0 {
		name = signer.Subject.Organization[0]
	}
	cert, err := pki.Issue(pub, signer.Subject.CommonName, name, now)
	if err != nil {
		return fail(opRenew, CodeBadCSR)
	}
	id := newRetrievalID()
	s.rids[id] = &retrieval{customerID: signer.Subject.CommonName, cert: cert, ready: now.Add(s.opts.ReadyAfter), renews: serial}
	return &response{op: opRenew, id: id}
}

// verifyRenewal checks el's enveloped signature (goxmldsig: exc-c14n and
// RSA-SHA256 only) and returns its signer when that is a certificate the
// issuing CA issued and valid at now.
func verifyRenewal(el *etree.Element, pki *ca.Vero, now time.Time) (*x509.Certificate, bool) {
	var sigEl *etree.Element
	for _, c := range el.ChildElements() {
		if c.Tag == "Signature" && c.NamespaceURI() == dsig.Namespace {
			sigEl = c
		}
	}
	if sigEl == nil {
		return nil, false
	}
	for _, path := range []struct{ el, want string }{
		{"SignedInfo/CanonicalizationMethod", string(dsig.CanonicalXML10ExclusiveAlgorithmId)},
		{"SignedInfo/SignatureMethod", dsig.RSASHA256SignatureMethod},
	} {
		m := findLocal(sigEl, path.el)
		if m == nil || m.SelectAttrValue("Algorithm", "") != path.want {
			return nil, false
		}
	}
	certEl := findLocal(sigEl, "KeyInfo/X509Data/X509Certificate")
	if certEl == nil {
		return nil, false
	}
	der, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(certEl.Text()), ""))
	if err != nil {
		return nil, false
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil || !pki.Issued(cert) || now.Before(cert.NotBefore) || now.After(cert.NotAfter) {
		return nil, false
	}
	// goxmldsig trusts exactly the certificates of its store: the signer,
	// now that the CA's signature on it has been checked.
	ctx := dsig.NewDefaultValidationContext(&dsig.MemoryX509CertificateStore{Roots: []*x509.Certificate{cert}})
	ctx.Clock = dsig.NewFakeClockAt(now)
	if _, err := ctx.Validate(detach(el)); err != nil {
		return nil, false
	}
	return cert, true
}

// findLocal follows a path of local names below el, whatever the prefixes.
func findLocal(el *etree.Element, path string) *etree.Element {
	for _, name := range strings.Split(path, "/") {
		var next *etree.Element
		for _, c := range el.ChildElements() {
			if c.Tag == name {
				next = c
				break
			}
		}
		if next == nil {
			return nil
		}
		el = next
	}
	return el
}

// detach copies el with the namespace declarations it inherits from its
// ancestors (the SOAP envelope's), so that it canonicalizes as the
// document that was signed before it was wrapped; exc-c14n drops the ones
// it does not use.
func detach(el *etree.Element) *etree.Element {
	out := el.Copy()
	have := make(map[string]bool)
	for _, a := range out.Attr {
		have[a.FullKey()] = true
	}
	for p := el.Parent(); p != nil; p = p.Parent() {
		for _, a := range p.Attr {
			if (a.Space == "xmlns" || a.Space == "" && a.Key == "xmlns") && !have[a.FullKey()] {
				have[a.FullKey()] = true
				out.CreateAttr(a.FullKey(), a.Value)
			}
		}
	}
	return out
}
