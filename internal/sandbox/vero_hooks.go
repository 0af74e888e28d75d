package sandbox

import (
	"time"

	"github.com/motpart/motpart/internal/sandbox/ca"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// The TransferIds of Vero's simulator; see the world package.
const (
	// VeroTransferID and VeroTransferPassword are a good pair for the
	// firm's Finnish company (world.FIFirmYTunnus).
	VeroTransferID       = world.VeroTransferID
	VeroTransferPassword = world.VeroTransferPassword
	// VeroUsedTransferID and VeroUsedTransferPassword were already used.
	VeroUsedTransferID       = world.VeroUsedTransferID
	VeroUsedTransferPassword = world.VeroUsedTransferPassword
)

// veroCA makes Vero's PKI on first use: two RSA keys, which take a moment
// that sandboxes never ordering a Finnish certificate need not spend.
func (s *Sandbox) veroCA() (*ca.Vero, error) {
	s.veroOnce.Do(func() {
		s.veroPKI, s.veroErr = s.ca.NewVero(s.cfg.Now())
	})
	return s.veroPKI, s.veroErr
}

// VeroIssuerPEM returns, in PEM form, the CA that issues Vero's simulated
// Incomes Register certificates ("Sim Data Providers Test Issuing CA v1",
// itself issued by the sandbox CA). The services signer of Vero's replies
// is issued by the sandbox CA directly ([Sandbox.CACertPEM]).
func (s *Sandbox) VeroIssuerPEM() ([]byte, error) {
	pki, err := s.veroCA()
	if err != nil {
		return nil, err
	}
	return pki.IssuerPEM(), nil
}

// VeroCertificate issues an Incomes Register certificate as Vero's
// simulator would (CN = customerID, O = name, C = FI) with a new RSA-2048
// key, valid from notBefore to notAfter, as a .pfx that opens with
// DemoVeroPassword: a current certificate to renew, or an expired one.
func (s *Sandbox) VeroCertificate(customerID, name string, notBefore, notAfter time.Time) (DemoCertificate, error) {
	pki, err := s.veroCA()
	if err != nil {
		return DemoCertificate{}, err
	}
	return pki.Certificate(customerID, name, notBefore, notAfter)
}

// SetVeroRenewWindow switches Vero's 60-day renewal window on or off
// (off lets any current certificate renew, for demos).
func (s *Sandbox) SetVeroRenewWindow(on bool) { s.vero.SetRenewWindow(on) }

// VeroCount returns how many requests of an operation Vero's simulator
// answered: "SignNewCertificate", "GetCertificate" or "RenewCertificate".
func (s *Sandbox) VeroCount(op string) int { return s.vero.Count(op) }

// VeroTransferUsed reports whether a TransferId of the world has been
// used.
func (s *Sandbox) VeroTransferUsed(id string) bool { return s.vero.TransferUsed(id) }
