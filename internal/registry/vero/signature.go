package vero

import (
	"crypto"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/beevik/etree"
	dsig "github.com/russellhaering/goxmldsig"
	"github.com/russellhaering/goxmldsig/etreeutils"
)

// signEnveloped signs el as an enveloped XML signature (Reference URI="",
// transforms enveloped-signature and exc-c14n, RSA-SHA256, SHA-256
// digests) with key, placing cert in KeyInfo; registries.md §2.5. It
// returns el with ds:Signature as its last child.
func signEnveloped(el *etree.Element, key crypto.Signer, cert *x509.Certificate) (*etree.Element, error) {
	ctx, err := dsig.NewSigningContext(key, [][]byte{cert.Raw})
	if err != nil {
		return nil, fmt.Errorf("preparing the signature: %w", err)
	}
	ctx.Canonicalizer = dsig.MakeC14N10ExclusiveCanonicalizerWithPrefixList("")
	if err := ctx.SetSignatureMethod(dsig.RSASHA256SignatureMethod); err != nil {
		return nil, fmt.Errorf("preparing the signature: %w", err)
	}
	signed, err := ctx.SignEnveloped(el)
	if err != nil {
		return nil, fmt.Errorf("signing: %w", err)
	}
	return signed, nil
}

// verifier checks the XML signature of the service's answers: the signer
// certificate in KeyInfo must chain to roots (the environment's Vero
// services CA) at now, and the signature must be exc-c14n over the whole
// answer element with RSA-SHA256.
type verifier struct {
	roots *x509.CertPool
	now   func() time.Time
}

// verify checks el's enveloped signature and returns the element the
// signature covers, which is the only one the caller may read.
func (v verifier) verify(el *etree.Element) (*etree.Element, error) {
	if v.roots == nil {
		return nil, errors.New("no Vero services CA to check the signature against")
	}
	detached := detach(el)
	sigEl := findSignature(detached)
	if sigEl == nil {
		return nil, errors.New("the answer is not signed")
	}
	if m := sigEl.FindElement("./SignedInfo/SignatureMethod"); m == nil || m.SelectAttrValue("Algorithm", "") != dsig.RSASHA256SignatureMethod {
		return nil, errors.New("the signature is not RSA-SHA256")
	}
	if m := sigEl.FindElement("./SignedInfo/CanonicalizationMethod"); m == nil || m.SelectAttrValue("Algorithm", "") != string(dsig.CanonicalXML10ExclusiveAlgorithmId) {
		return nil, errors.New("the signature is not canonicalised with exc-c14n")
	}
	certEl := sigEl.FindElement("./KeyInfo/X509Data/X509Certificate")
	if certEl == nil {
		return nil, errors.New("the signature names no certificate")
	}
	der, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(certEl.Text()), ""))
	if err != nil {
		return nil, fmt.Errorf("the signer's certificate: %w", err)
	}
	signer, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("the signer's certificate: %w", err)
	}
	now := v.now()
	if _, err := signer.Verify(x509.VerifyOptions{Roots: v.roots, CurrentTime: now, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}}); err != nil {
		return nil, fmt.Errorf("the signer is not Vero's: %w", err)
	}
	ctx := dsig.NewDefaultValidationContext(&dsig.MemoryX509CertificateStore{Roots: []*x509.Certificate{signer}})
	ctx.Clock = dsig.NewFakeClockAt(now)
	signed, err := ctx.Validate(detached)
	if err != nil {
		return nil, fmt.Errorf("the signature does not verify: %w", err)
	}
	return signed, nil
}

// findSignature returns el's ds:Signature child, or nil.
func findSignature(el *etree.Element) *etree.Element {
	for _, c := range el.ChildElements() {
		if c.Tag == "Signature" && c.NamespaceURI() == dsig.Namespace {
			return c
		}
	}
	return nil
}

// detach copies el out of its document with every namespace declaration
// it inherits from its ancestors declared on it, so that the copy
// canonicalises as the element did in place (exc-c14n renders only the
// declarations an element visibly uses, so the SOAP envelope's do not
// count).
func detach(el *etree.Element) *etree.Element {
	ctx, err := etreeutils.NSBuildParentContext(el)
	cp := el.Copy()
	if err != nil {
		return cp
	}
	declared := map[string]bool{}
	for _, a := range cp.Attr {
		if a.Space == "xmlns" {
			declared[a.Key] = true
		} else if a.Space == "" && a.Key == "xmlns" {
			declared[""] = true
		}
	}
	for prefix, uri := range ctx.Prefixes() {
		if declared[prefix] || prefix == "xml" || prefix == "xmlns" {
			continue
		}
		if prefix == "" {
			cp.CreateAttr("xmlns", uri)
		} else {
			cp.CreateAttr("xmlns:"+prefix, uri)
		}
	}
	return cp
}
