package certs

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/certinfo"
)

// ExpiringDays is the warning horizon: a certificate with this many whole
// days left or fewer is StatusExpiring (certinfo.ExpiringDays).
const ExpiringDays = certinfo.ExpiringDays

// Status is where now falls in a certificate's validity period.
type Status = certinfo.Status

// The statuses, part of the command line's JSON.
const (
	StatusValid       = certinfo.StatusValid       // valid, more than ExpiringDays days left
	StatusExpiring    = certinfo.StatusExpiring    // valid, ExpiringDays days left or fewer
	StatusExpired     = certinfo.StatusExpired     // now is after NotAfter
	StatusNotYetValid = certinfo.StatusNotYetValid // now is before NotBefore
)

const secondsPerDay = 24 * 60 * 60

// KeyType is the kind of public key, as people name it.
type KeyType = certinfo.KeyType

// The key types.
const (
	KeyRSA     = certinfo.KeyRSA
	KeyECDSA   = certinfo.KeyECDSA
	KeyEd25519 = certinfo.KeyEd25519
)

// Use is a register the certificate can be used with.
type Use = certinfo.Use

// The uses, part of the command line's JSON.
const (
	UseSCB             = certinfo.UseSCB             // SCB's Sök på var API (mutual TLS)
	UseMaskinporten    = certinfo.UseMaskinporten    // signing Maskinporten JWT grants
	UseIncomesRegister = certinfo.UseIncomesRegister // Finland's Incomes Register
)

// Warning is something a user should know about a usable certificate.
type Warning = certinfo.Warning

// The warnings, part of the command line's JSON, in the order Info lists
// them (see certinfo for what each means).
const (
	WarnNotClientAuth   = certinfo.WarnNotClientAuth
	WarnExpiringSoon    = certinfo.WarnExpiringSoon
	WarnChainIncomplete = certinfo.WarnChainIncomplete
	WarnWeakKey         = certinfo.WarnWeakKey
)

// Info describes a certificate for a person, relative to a moment; the
// plain type lives in certinfo so the window can read it without this
// package. Describe fills it in; Uses follows Certificate.Uses.
type Info = certinfo.Info

// Describe returns what c is, relative to now.
func (c *Certificate) Describe(now time.Time) *Info {
	leaf := c.leaf
	_, complete := orderChain(leaf, c.cas)
	sum := sha256.Sum256(leaf.Raw)
	kt, bits := keyInfo(leaf)
	info := &Info{
		CommonName:    strings.TrimSpace(leaf.Subject.CommonName),
		Organization:  first(leaf.Subject.Organization),
		Subject:       dn(leaf.RawSubject, leaf.Subject),
		Issuer:        dn(leaf.RawIssuer, leaf.Issuer),
		Serial:        serialHex(leaf),
		SHA256:        hex.EncodeToString(sum[:]),
		NotBefore:     leaf.NotBefore.UTC(),
		NotAfter:      leaf.NotAfter.UTC(),
		Now:           now,
		DaysLeft:      DaysLeft(leaf.NotAfter, now),
		Status:        StatusAt(leaf, now),
		KeyType:       kt,
		KeyBits:       bits,
		ClientAuth:    clientAuth(leaf),
		ChainLength:   len(c.cas),
		ChainComplete: complete,
		Identity:      c.Identity(),
		Uses:          c.Uses(),
		Warnings:      []Warning{},
	}
	info.Holder = info.Organization
	if info.Holder == "" {
		info.Holder = info.CommonName
	}
	if !info.ClientAuth {
		info.Warnings = append(info.Warnings, WarnNotClientAuth)
	}
	if info.Status == StatusExpiring {
		info.Warnings = append(info.Warnings, WarnExpiringSoon)
	}
	if !complete {
		info.Warnings = append(info.Warnings, WarnChainIncomplete)
	}
	if kt == KeyRSA && bits < 2048 {
		info.Warnings = append(info.Warnings, WarnWeakKey)
	}
	return info
}

// CanImport returns nil if the certificate info describes may be stored
// for use at info.Now, or an *Error with CodeExpired or CodeNotYetValid.
// Expired and not-yet-valid certificates can be described but not imported.
func CanImport(info *Info) error {
	switch info.Status {
	case StatusExpired:
		return fail(CodeExpired, "it expired on "+info.NotAfter.Format(time.DateOnly), nil)
	case StatusNotYetValid:
		return fail(CodeNotYetValid, "it becomes valid on "+info.NotBefore.Format(time.DateOnly), nil)
	}
	return nil
}

// DaysLeft returns floor((notAfter − now) / 24 h), computed without
// overflow for any dates: 0 during the last 24 hours, −1 during the first
// day after expiry.
func DaysLeft(notAfter, now time.Time) int {
	secs := notAfter.Unix() - now.Unix()
	if notAfter.Nanosecond() < now.Nanosecond() {
		secs-- // the sub-second part borrows a second
	}
	d := secs / secondsPerDay
	if secs%secondsPerDay < 0 {
		d--
	}
	return int(d)
}

// StatusAt returns cert's status at now. The validity period includes both
// NotBefore and NotAfter. A valid certificate is StatusExpiring when
// DaysLeft is ExpiringDays or less.
func StatusAt(cert *x509.Certificate, now time.Time) Status {
	switch {
	case now.Before(cert.NotBefore):
		return StatusNotYetValid
	case now.After(cert.NotAfter):
		return StatusExpired
	case DaysLeft(cert.NotAfter, now) <= ExpiringDays:
		return StatusExpiring
	}
	return StatusValid
}

// clientAuth implements Info.ClientAuth.
func clientAuth(c *x509.Certificate) bool {
	if c.KeyUsage != 0 && c.KeyUsage&x509.KeyUsageDigitalSignature == 0 {
		return false
	}
	if len(c.ExtKeyUsage) == 0 && len(c.UnknownExtKeyUsage) == 0 {
		return true
	}
	for _, u := range c.ExtKeyUsage {
		if u == x509.ExtKeyUsageClientAuth || u == x509.ExtKeyUsageAny {
			return true
		}
	}
	return false
}

// keyInfo returns the type and size of the leaf's public key.
func keyInfo(c *x509.Certificate) (KeyType, int) {
	switch k := c.PublicKey.(type) {
	case *rsa.PublicKey:
		return KeyRSA, k.N.BitLen()
	case *ecdsa.PublicKey:
		return KeyECDSA, k.Curve.Params().BitSize
	case ed25519.PublicKey:
		return KeyEd25519, 256
	}
	return KeyType(fmt.Sprintf("%T", c.PublicKey)), 0
}

// serialHex formats a serial number as Info.Serial says.
func serialHex(c *x509.Certificate) string {
	if c.SerialNumber == nil {
		return ""
	}
	sign, n := "", c.SerialNumber
	if n.Sign() < 0 {
		sign = "-"
	}
	h := strings.ToUpper(fmt.Sprintf("%x", new(big.Int).Abs(n)))
	if len(h)%2 == 1 {
		h = "0" + h
	}
	return sign + h
}

// dn returns the RFC 2253 form of a raw distinguished name, keeping the
// certificate's attribute order; name.String() if raw does not parse.
func dn(raw []byte, name pkix.Name) string {
	var seq pkix.RDNSequence
	if err := unmarshal(raw, &seq); err != nil {
		return name.String()
	}
	return seq.String()
}

// first returns the first non-empty element of s, trimmed.
func first(s []string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// orderChain returns cas in chain order — the leaf's issuer, its issuer,
// and so on as far as they link, then the rest in their original order —
// and whether the links end at a self-signed certificate (Info.ChainComplete).
func orderChain(leaf *x509.Certificate, cas []*x509.Certificate) ([]*x509.Certificate, bool) {
	used := make([]bool, len(cas))
	out := make([]*x509.Certificate, 0, len(cas))
	complete := false
	for cur := leaf; ; {
		if selfSigned(cur) {
			complete = true
			break
		}
		next := -1
		for i, ca := range cas {
			if !used[i] && issued(ca, cur) {
				next = i
				break
			}
		}
		if next < 0 {
			break
		}
		used[next] = true
		out = append(out, cas[next])
		cur = cas[next]
	}
	for i, ca := range cas {
		if !used[i] {
			out = append(out, ca)
		}
	}
	return out, complete
}

// issued reports whether parent's name (and key identifier, when both sides
// state one) is child's issuer.
func issued(parent, child *x509.Certificate) bool {
	return bytes.Equal(parent.RawSubject, child.RawIssuer) &&
		(len(parent.SubjectKeyId) == 0 || len(child.AuthorityKeyId) == 0 ||
			bytes.Equal(parent.SubjectKeyId, child.AuthorityKeyId))
}

// selfSigned reports whether c names itself as its issuer.
func selfSigned(c *x509.Certificate) bool { return issued(c, c) }
