package sandbox

import (
	"crypto/tls"
	"errors"
	"fmt"
	"strings"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/motpart/motpart/internal/sandbox/scb"
)

// scbTLS asks SCB's clients for a certificate: any certificate, judged by
// the simulator (403), or, with Config.SCBRefuseInHandshake, one from the
// sandbox CA with an API-Id, judged in the handshake.
func (s *Sandbox) scbTLS(tc *tls.Config) {
	if !s.cfg.SCBRefuseInHandshake {
		tc.ClientAuth = tls.RequestClientCert
		return
	}
	tc.ClientAuth = tls.RequireAndVerifyClientCert
	tc.ClientCAs = s.ca.Pool()
	tc.VerifyConnection = func(cs tls.ConnectionState) error {
		if len(cs.PeerCertificates) == 0 || scb.APIID(cs.PeerCertificates[0]) == "" {
			return errors.New("sandbox scb: the client certificate has no API-Id")
		}
		return nil
	}
}

// SetSCBSectorVariant switches the header variant of SCB's sector file
// for the requests that follow.
func (s *Sandbox) SetSCBSectorVariant(v scb.Variant) error { return s.scb.SetVariant(v) }

// SetSCBSubscription sets the variable groups (scb.Group*) an SCB API-Id
// subscribes to; HamtaForetag sends the others as "*".
func (s *Sandbox) SetSCBSubscription(apiID string, groups ...string) {
	s.scb.SetSubscription(apiID, groups...)
}

// SCBCount returns how many requests of a kind SCB's simulator answered
// ("hamtaforetag", "raknaforetag", "kodtabell", "sektorfil", "refused",
// "limited", "bad"...); see scb.Server.Count.
func (s *Sandbox) SCBCount(kind string) int { return s.scb.Count(kind) }

// IssueSCBCertificate issues, with the sandbox CA, an SCB client
// certificate for apiID (in the CN and the file name, as SCB does) to
// org, valid from notBefore to notAfter; apiID "" issues one without an
// API-Id. The .pfx opens with DemoSCBPassword.
func (s *Sandbox) IssueSCBCertificate(apiID, org string, notBefore, notAfter time.Time) (DemoCertificate, error) {
	return s.ca.SCBCertificate(apiID, org, notBefore, notAfter)
}

// DemoSCBBasicCertificate returns the second SCB demo certificate, issued
// to the world's accounting firm's Swedish company with
// DemoSCBBasicAPIID, whose subscription sends the sector and owner
// category as "*". It is valid for two years from the sandbox's clock.
func (s *Sandbox) DemoSCBBasicCertificate() (DemoCertificate, error) {
	now := s.cfg.Now()
	return s.ca.SCBCertificate(DemoSCBBasicAPIID, s.world.Firm.SEName, now.Add(-time.Hour), now.Add(-time.Hour).AddDate(2, 0, 0))
}

// SCBClientCertificate returns the demo SCB certificate (DemoSCBAPIID)
// as a tls.Certificate with its chain, for tests and tools that call
// SCB's simulator directly.
func (s *Sandbox) SCBClientCertificate() (tls.Certificate, error) {
	certs, err := s.demoCertificates()
	if err != nil {
		return tls.Certificate{}, err
	}
	for _, dc := range certs {
		if strings.HasPrefix(dc.FileName, "Certifikat_SokPaVar_"+DemoSCBAPIID) {
			return TLSCertificate(dc)
		}
	}
	return tls.Certificate{}, errors.New("sandbox: no SCB demo certificate")
}

// TLSCertificate opens a demo certificate's .pfx as a tls.Certificate
// with its chain.
func TLSCertificate(dc DemoCertificate) (tls.Certificate, error) {
	key, leaf, chain, err := pkcs12.DecodeChain(dc.Data, dc.Password)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("sandbox: opening %s: %w", dc.FileName, err)
	}
	c := tls.Certificate{Certificate: [][]byte{leaf.Raw}, PrivateKey: key, Leaf: leaf}
	for _, x := range chain {
		c.Certificate = append(c.Certificate, x.Raw)
	}
	return c, nil
}
