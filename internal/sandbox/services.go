package sandbox

import (
	"crypto/rsa"
	"crypto/tls"
	"errors"
	"net/http"
	"time"

	"github.com/motpart/motpart/internal/sandbox/bankid"
	"github.com/motpart/motpart/internal/sandbox/brreg"
	"github.com/motpart/motpart/internal/sandbox/ca"
	"github.com/motpart/motpart/internal/sandbox/fault"
	"github.com/motpart/motpart/internal/sandbox/grunndata"
	"github.com/motpart/motpart/internal/sandbox/maskinporten"
	"github.com/motpart/motpart/internal/sandbox/prh"
	"github.com/motpart/motpart/internal/sandbox/rrh"
	"github.com/motpart/motpart/internal/sandbox/scb"
	"github.com/motpart/motpart/internal/sandbox/vero"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// Service names one simulated service, for fault switches, ports and
// request counts.
type Service = fault.Service

// The simulated services.
const (
	// ServiceBrreg is Enhetsregisteret's open REST API.
	ServiceBrreg = fault.ServiceBrreg
	// ServiceGrunndata is Brønnøysund's grunndataWS (SOAP).
	ServiceGrunndata = fault.ServiceGrunndata
	// ServiceMaskinporten is Digdir's Maskinporten (OAuth2 JWT grant).
	ServiceMaskinporten = fault.ServiceMaskinporten
	// ServiceRRH is the register of beneficial owners' APIs (Partner and
	// v1).
	ServiceRRH = fault.ServiceRRH
	// ServiceBankID is BankID's AML service (OIDC provider and the
	// Organization Async Session API).
	ServiceBankID = fault.ServiceBankID
	// ServiceSCB is SCB's business register API over mutual TLS.
	ServiceSCB = fault.ServiceSCB
	// ServicePRH is PRH's YTJ open-data API (Finnish companies).
	ServicePRH = fault.ServicePRH
	// ServiceVero is Vero's certificate service (SOAP).
	ServiceVero = fault.ServiceVero
)

// Fault is what a service does wrong, switched on with [Sandbox.SetFault];
// see [fault.Fault].
type Fault = fault.Fault

// VeroSignature spoils the signature of Vero's replies, for
// [Fault.VeroSignature].
type VeroSignature = fault.VeroSignature

// The ways a Vero reply's signature can be wrong.
const (
	// VeroUnsigned sends replies without a signature.
	VeroUnsigned = fault.VeroUnsigned
	// VeroTampered changes a reply after signing it.
	VeroTampered = fault.VeroTampered
	// VeroForeignSigner signs with a certificate the sandbox CA did not
	// issue.
	VeroForeignSigner = fault.VeroForeignSigner
)

// GrunndataStatus is a forced grunndataWS responseHeader, for
// [Fault.GrunndataStatus].
type GrunndataStatus = fault.GrunndataStatus

// DemoCertificate is a client certificate with its private key as a
// PKCS#12 file (.pfx), shaped like the ones the registers issue.
type DemoCertificate = ca.DemoCertificate

// The demo certificates' fixed values.
const (
	// DemoSCBAPIID is the API-Id of the SCB-style demo certificate.
	DemoSCBAPIID = ca.DemoSCBAPIID
	// DemoSCBPassword opens the SCB-style demo certificate.
	DemoSCBPassword = ca.DemoSCBPassword
	// DemoBuypassPassword opens the Norwegian enterprise certificate.
	DemoBuypassPassword = ca.DemoBuypassPassword
	// DemoVeroPassword opens the Finnish Incomes Register certificate.
	DemoVeroPassword = ca.DemoVeroPassword
	// DemoSCBBasicAPIID is the API-Id of the second SCB demo certificate
	// (Sandbox.DemoSCBBasicCertificate), whose subscription holds only
	// the basic variables: the sector and owner category come as "*".
	DemoSCBBasicAPIID = ca.DemoSCBBasicAPIID
)

// The Maskinporten clients of the world; see the world package for what
// each may do.
const (
	// DemoMaskinportenClientID is the demo accounting firm's client.
	DemoMaskinportenClientID = world.DemoMaskinportenClientID
	// DemoMaskinportenNoRRHClientID is the firm's client whose tokens RRH
	// refuses.
	DemoMaskinportenNoRRHClientID = world.DemoMaskinportenNoRRHClientID
	// OtherOrgMaskinportenClientID belongs to the audit firm.
	OtherOrgMaskinportenClientID = world.OtherOrgMaskinportenClientID
	// PublicAuthorityMaskinportenClientID belongs to the municipality and
	// has no certificate.
	PublicAuthorityMaskinportenClientID = world.PublicAuthorityMaskinportenClientID
)

// service is one simulator as the sandbox starts it: its name, the path
// of its base URL, its handler (made once the base URL is known) and how
// a fault switch writes its errors.
type service struct {
	svc     Service
	path    string
	handler func(base string) http.Handler
	errors  fault.ErrorWriter
	// tls, when set, adjusts the listener's TLS configuration (SCB asks
	// for a client certificate).
	tls func(*tls.Config)
}

// services returns the simulators in the order of [Endpoints]. issuer is
// Maskinporten's base URL, set before the handlers are made.
func (s *Sandbox) services(issuer *string) []service {
	b := brreg.Options{Now: s.cfg.Now, Checksum404: s.cfg.BrregChecksum404, World: s.current.Load, Feed: s.story.feed}
	g := grunndata.Options{
		User: s.cfg.GrunndataUser, Password: s.cfg.GrunndataPassword,
		LimitedUser: s.cfg.GrunndataLimitedUser, LimitedPassword: s.cfg.GrunndataLimitedPassword,
		Now: s.cfg.Now, NoteStatus: s.cfg.GrunndataNoteStatus, ResignedFlag: s.cfg.GrunndataResignedFlag,
		Status: func() *fault.GrunndataStatus { return s.faults.Get(ServiceGrunndata).GrunndataStatus },
		World:  s.current.Load,
	}
	return []service{
		{ServiceBrreg, brreg.BasePath, func(base string) http.Handler { return brreg.New(s.world, b, base) }, brreg.ErrorWriter(b), nil},
		{ServiceGrunndata, grunndata.Path, func(base string) http.Handler { return grunndata.New(s.world, g, base) }, grunndata.WriteError, nil},
		{ServiceMaskinporten, "/", s.mp.Handler, maskinporten.WriteError, nil},
		{ServiceRRH, "", func(base string) http.Handler { return s.rrh.Handler(base, *issuer) }, rrh.ErrorWriter(s.rrhOptions()), nil},
		{ServiceBankID, "", func(string) http.Handler { return s.bankid }, bankid.WriteError, nil},
		{ServiceSCB, scb.BasePath, func(string) http.Handler { return s.scb }, scb.WriteError, s.scbTLS},
		{ServicePRH, "", func(string) http.Handler { return prh.New(s.world) }, prh.WriteError, nil},
		{ServiceVero, vero.Path, func(string) http.Handler { return s.vero }, vero.WriteError, nil},
	}
}

func (s *Sandbox) rrhOptions() rrh.Options {
	return rrh.Options{Now: s.cfg.Now, PathPrefix: s.cfg.RRHPathPrefix, V1LegacyCodes: s.cfg.RRHV1LegacyCodes,
		V1TotalbestandZip: s.cfg.RRHV1TotalbestandZip, Tokens: s.mp}
}

// RegisterMaskinportenKey registers an RSA public key on a Maskinporten
// client of the world under kid, valid until expires (Maskinporten keeps
// registered keys for a year). A grant with that kid in its header and no
// x5c is checked with it; after expires it fails with MP-121.
func (s *Sandbox) RegisterMaskinportenKey(clientID, kid string, pub *rsa.PublicKey, expires time.Time) error {
	return s.mp.RegisterKey(clientID, kid, pub, expires)
}

// IssueEnterpriseCertificate issues, with the sandbox CA, a Norwegian
// enterprise certificate (Buypass style, RSA 2048, organisasjonsnummer in
// serialNumber and organizationIdentifier NTRNO-…) to orgnr under name,
// valid from notBefore to notAfter: an expired one, or one of another
// organisation, for testing Maskinporten's checks. The .p12 opens with
// DemoBuypassPassword.
func (s *Sandbox) IssueEnterpriseCertificate(orgnr, name string, notBefore, notAfter time.Time) (DemoCertificate, error) {
	return s.ca.EnterpriseCertificate(orgnr, name, notBefore, notAfter)
}

// MintAccessToken issues an access token for a client of the world with
// the given scopes, as Maskinporten would, without a grant and without
// checking that the scopes are registered or granted: for tests of an RRH
// client that need a scope no client holds (brreg:reelle/media...). The
// sandbox must be started.
func (s *Sandbox) MintAccessToken(clientID string, scopes ...string) (string, error) {
	iss := s.Endpoints().Maskinporten
	if iss == "" {
		return "", errors.New("sandbox: MintAccessToken before Start")
	}
	return s.mp.MintAccessToken(iss, clientID, scopes...)
}

// ChangeOwners files a new registration for orgnr in the register of
// beneficial owners, dated now, with status (a world.RRHStatus* code) and
// the owners, and appends it to the change log: the Partner API and v1
// answer with it from then on, v1 keeping the registration before it as an
// earlier one. It returns the new event's sequence number. arid and nrki
// need owners; the other statuses take none.
func (s *Sandbox) ChangeOwners(orgnr, status string, owners ...world.BeneficialOwner) (int64, error) {
	return s.rrh.ChangeOwners(orgnr, status, owners...)
}
