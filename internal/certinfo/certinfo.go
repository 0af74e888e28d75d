// Package certinfo is the plain vocabulary of certificates: what a
// certificate file holds and what it is for (Info, Identity, Uses,
// Warnings), a stored certificate (Stored), and the codes of why a file was
// refused (Code). It holds data only: no cryptography and no I/O, so the
// window can show certificates without importing internal/certs, which
// reads PKCS#12 files and makes keys. internal/certs fills these types in
// and names them with aliases (certs.Info is certinfo.Info).
//
// Besides the standard library it imports only internal/ident, the
// vocabulary of identity numbers, for the numbers a certificate names.
package certinfo

import (
	"errors"
	"time"

	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
)

// ExpiringDays is the warning horizon: a certificate with this many whole
// days left or fewer is StatusExpiring. The Incomes Register reminds firms
// 60 days before expiry and lets them renew from then on.
const ExpiringDays = 60

// Status is where now falls in a certificate's validity period.
type Status string

// The statuses, part of the command line's JSON.
const (
	StatusValid       Status = "valid"         // valid, more than ExpiringDays days left
	StatusExpiring    Status = "expiring"      // valid, ExpiringDays days left or fewer
	StatusExpired     Status = "expired"       // now is after NotAfter
	StatusNotYetValid Status = "not_yet_valid" // now is before NotBefore
)

// KeyType is the kind of public key, as people name it.
type KeyType string

// The key types.
const (
	KeyRSA     KeyType = "RSA"
	KeyECDSA   KeyType = "ECDSA"
	KeyEd25519 KeyType = "Ed25519"
)

// Use is a register the certificate can be used with.
type Use string

// The uses, part of the command line's JSON.
const (
	UseSCB             Use = "scb"              // SCB's Sök på var API (mutual TLS)
	UseMaskinporten    Use = "maskinporten"     // signing Maskinporten JWT grants
	UseIncomesRegister Use = "incomes_register" // Finland's Incomes Register
)

// Warning is something a user should know about a usable certificate.
type Warning string

// The warnings, part of the command line's JSON, in the order Info lists
// them.
const (
	// WarnNotClientAuth: the certificate is not meant for client
	// authentication (see Info.ClientAuth).
	WarnNotClientAuth Warning = "not_client_auth"
	// WarnExpiringSoon: the status is StatusExpiring.
	WarnExpiringSoon Warning = "expiring_soon"
	// WarnChainIncomplete: the chain in the file does not reach a
	// self-signed root (see Info.ChainComplete).
	WarnChainIncomplete Warning = "chain_incomplete"
	// WarnWeakKey: an RSA key of fewer than 2048 bits.
	WarnWeakKey Warning = "weak_key"
)

// Identity is who a certificate identifies, as the registers know them.
// Fields are zero where unknown.
type Identity struct {
	// Country is the subject's C, upper case.
	Country string
	// OrgNumber is the Norwegian organisation number, from the subject's
	// organizationIdentifier (2.5.4.97) "NTRNO-" and 9 digits, or else its
	// serialNumber when that is exactly 9 digits and the country is NO or
	// absent. A number failing the MOD11 check is no number.
	OrgNumber ident.Number
	// SCBAPIID is SCB's API-Id, "A" and 5 digits, standing alone (not
	// joined to other letters or digits) in the subject's CN, OU,
	// serialNumber or any other attribute, in that order; or else in the
	// file name.
	SCBAPIID string
	// SCBAPIIDFromFileName reports that SCBAPIID came from the file name.
	SCBAPIIDFromFileName bool
	// YTunnus is the Finnish Business ID, from the subject's CN or
	// serialNumber (in the form NNNNNNN-C, or any form ident accepts when
	// the country is FI) or its organizationIdentifier "NTRFI-" or
	// "VATFI-"; it must pass the check digit.
	YTunnus ident.Number
}

// Info describes a certificate for a person, relative to a moment.
type Info struct {
	// Holder is who the certificate names, human readable: the subject's
	// first O (organisation), or else its CN.
	Holder       string
	CommonName   string // subject CN
	Organization string // subject's first O
	// Subject and Issuer are the distinguished names as RFC 2253 strings,
	// most specific attribute first, in the certificate's own order.
	Subject string
	Issuer  string
	// Serial is the serial number in upper-case hexadecimal with an even
	// number of digits and no separators, as OpenSSL prints it.
	Serial string
	// SHA256 is the SHA-256 fingerprint of the leaf certificate's DER, in
	// lower-case hexadecimal.
	SHA256    string
	NotBefore time.Time // UTC
	NotAfter  time.Time // UTC
	// Now is the moment DaysLeft and Status refer to.
	Now time.Time
	// DaysLeft is floor((NotAfter − Now) / 24 h): whole days left, 0 on the
	// last day, negative once expired.
	DaysLeft int
	Status   Status
	KeyType  KeyType
	// KeyBits is the RSA modulus length, the ECDSA curve size, or 256 for
	// Ed25519.
	KeyBits int
	// ClientAuth reports whether the certificate is meant for TLS client
	// authentication: its extended key usage includes clientAuth or
	// anyExtendedKeyUsage, or it has no extended key usage extension; and
	// its key usage, if present, includes digitalSignature.
	ClientAuth bool
	// ChainLength is the number of CA certificates that came with it.
	ChainLength int
	// ChainComplete reports whether the certificates in the file link the
	// leaf to a self-signed root: starting at the leaf, each certificate's
	// issuer is found among the CA certificates (same name, and same key
	// identifier when both are present) until a self-signed one (subject
	// equals issuer) is reached. A self-signed leaf is complete. This is
	// about what the file holds; it is not a trust decision.
	ChainComplete bool
	Identity      Identity
	// Uses lists what the certificate can be used for; never nil.
	Uses []Use
	// Warnings lists, in the order of the Warn constants, what a user
	// should know; never nil.
	Warnings []Warning
}

// Stored is a certificate kept in the vault under the name the user gave
// it, described as of some moment; lists of certificates hold these, so a
// screen never needs the private key.
type Stored struct {
	Name string
	Info *Info
}

// Code names why a certificate file was refused or cannot be used. The
// values are those of internal/certs' codes, which appear in the command
// line's JSON.
type Code string

// The codes.
const (
	CodeNotPKCS12     Code = "not_pkcs12"     // not a PKCS#12 file at all
	CodeDamaged       Code = "damaged"        // cut off, corrupted or unreadable
	CodeWrongPassword Code = "wrong_password" // the password does not open it
	CodeNoPrivateKey  Code = "no_private_key" // certificates but no key
	CodeKeyMismatch   Code = "key_mismatch"   // the key belongs to no certificate
	CodeExpired       Code = "expired"        // the validity period has ended
	CodeNotYetValid   Code = "not_yet_valid"  // the validity period has not begun
)

// Coded is an error that names a certificate Code; internal/certs' *Error
// is one.
type Coded interface {
	error
	CertCode() Code
}

// CodeOf returns the Code of the first Coded error in err's chain, "" for
// nil and for an error without one.
func CodeOf(err error) Code {
	var c Coded
	if errors.As(err, &c) {
		return c.CertCode()
	}
	return ""
}

// MaxFileSize is the largest certificate file read, 1 MiB: real PKCS#12
// files are a few kilobytes.
const MaxFileSize = 1 << 20

// CodeError is a certificate problem known only by its Code, for
// decisions made from an Info alone.
type CodeError struct{ Code Code }

// Error names the code.
func (e *CodeError) Error() string { return "certificate: " + string(e.Code) }

// CertCode returns the code.
func (e *CodeError) CertCode() Code { return e.Code }

// Problem names the problem in the one error vocabulary.
func (e *CodeError) Problem() problem.Code { return e.Code.Problem() }

// Problem is the code's name in the one error vocabulary (internal/problem),
// which the window and the command line translate.
func (c Code) Problem() problem.Code {
	switch c {
	case CodeNotPKCS12:
		return problem.CodeCertNotPKCS12
	case CodeDamaged:
		return problem.CodeCertDamaged
	case CodeWrongPassword:
		return problem.CodeCertWrongPassword
	case CodeNoPrivateKey:
		return problem.CodeCertNoPrivateKey
	case CodeKeyMismatch:
		return problem.CodeCertKeyMismatch
	case CodeExpired:
		return problem.CodeCertExpired
	case CodeNotYetValid:
		return problem.CodeCertNotYetValid
	}
	return problem.CodeInternal
}

// ImportRefusal returns nil if the certificate may be stored for use at
// info.Now, or a *CodeError with CodeExpired or CodeNotYetValid: expired
// and not-yet-valid certificates can be described but not imported. It
// decides as certs.CanImport does.
func (info *Info) ImportRefusal() error {
	switch info.Status {
	case StatusExpired:
		return &CodeError{CodeExpired}
	case StatusNotYetValid:
		return &CodeError{CodeNotYetValid}
	}
	return nil
}
