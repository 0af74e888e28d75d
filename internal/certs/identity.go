package certs

import (
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"regexp"
	"strings"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/ident"
)

// Identity is who a certificate identifies, as the registers know them
// (certinfo.Identity: the country, Norwegian organisation number, SCB
// API-Id and Finnish Y-tunnus). Fields are zero where unknown.
type Identity = certinfo.Identity

// oidOrganizationIdentifier is the X.520 organizationIdentifier attribute
// (ETSI EN 319 412-1: "NTRNO-" + organisation number).
var oidOrganizationIdentifier = asn1.ObjectIdentifier{2, 5, 4, 97}

var (
	// apiIDRe finds an API-Id not joined to other letters or digits. Go's
	// \b would not do: "_" is a word character, and SCB's file names put
	// the API-Id between underscores.
	apiIDRe = regexp.MustCompile(`(?:^|[^0-9A-Za-z])(A[0-9]{5})(?:[^0-9A-Za-z]|$)`)
	// yTunnusRe is the canonical form of a Y-tunnus.
	yTunnusRe = regexp.MustCompile(`^[0-9]{7}-[0-9]$`)
	// scbWordRe is SCB's abbreviation standing alone.
	scbWordRe = regexp.MustCompile(`(?:^|[^0-9A-Za-z])SCB(?:[^0-9A-Za-z]|$)`)
)

// Identity returns who c identifies: from the leaf's subject, and SCB's
// API-Id from c.FileName when the subject has none.
func (c *Certificate) Identity() Identity {
	s := &c.leaf.Subject
	id := Identity{Country: strings.ToUpper(first(s.Country))}
	id.OrgNumber = norwegianOrgNr(s, id.Country)
	id.YTunnus = yTunnus(s, id.Country)
	id.SCBAPIID = subjectAPIID(s)
	if id.SCBAPIID == "" {
		if m := apiIDRe.FindStringSubmatch(c.FileName); m != nil {
			id.SCBAPIID, id.SCBAPIIDFromFileName = m[1], true
		}
	}
	return id
}

// Uses returns what c can be used for, in this order:
//
//   - UseSCB when it has an SCB API-Id, or its issuer looks like SCB's CA:
//     the issuer's CN, O or OU contains "SCB" standing alone, or
//     "Statistiska centralbyrån" or "Statistics Sweden" in any case. (SCB's
//     CA name is not published; this is a guess.)
//   - UseMaskinporten when it has a valid Norwegian organisation number
//     (an enterprise certificate) and can sign: an RSA key of 2048 bits or
//     more, or an ECDSA key, and a key usage, if present, that includes
//     digitalSignature (not the encryption half of a Buypass pair).
//   - UseIncomesRegister when it has a valid Y-tunnus.
//
// The result is never nil.
func (c *Certificate) Uses() []Use {
	id := c.Identity()
	uses := []Use{}
	if id.SCBAPIID != "" || issuerLooksLikeSCB(&c.leaf.Issuer) {
		uses = append(uses, UseSCB)
	}
	if id.OrgNumber.IsValid() && canSignGrants(c.leaf) {
		uses = append(uses, UseMaskinporten)
	}
	if id.YTunnus.IsValid() {
		uses = append(uses, UseIncomesRegister)
	}
	return uses
}

// canSignGrants implements the key part of UseMaskinporten: Maskinporten's
// JWT grant takes RS256/384/512 only (specs §4.5), so an RSA key of at
// least 2048 bits that may sign.
func canSignGrants(leaf *x509.Certificate) bool {
	if leaf.KeyUsage != 0 && leaf.KeyUsage&x509.KeyUsageDigitalSignature == 0 {
		return false
	}
	k, ok := leaf.PublicKey.(*rsa.PublicKey)
	return ok && k.N.BitLen() >= 2048
}

// issuerLooksLikeSCB implements the issuer rule of UseSCB.
func issuerLooksLikeSCB(n *pkix.Name) bool {
	vals := append([]string{n.CommonName}, n.Organization...)
	vals = append(vals, n.OrganizationalUnit...)
	for _, v := range vals {
		l := strings.ToLower(v)
		if scbWordRe.MatchString(strings.ToUpper(v)) ||
			strings.Contains(l, "statistiska centralbyrån") ||
			strings.Contains(l, "statistics sweden") {
			return true
		}
	}
	return false
}

// subjectAPIID looks for an API-Id in CN, OU, serialNumber, then every
// string attribute in certificate order.
func subjectAPIID(s *pkix.Name) string {
	vals := append([]string{s.CommonName}, s.OrganizationalUnit...)
	vals = append(vals, s.SerialNumber)
	for _, atv := range s.Names {
		if v, ok := atv.Value.(string); ok {
			vals = append(vals, v)
		}
	}
	for _, v := range vals {
		if m := apiIDRe.FindStringSubmatch(v); m != nil {
			return m[1]
		}
	}
	return ""
}

// organizationIdentifiers returns the subject's 2.5.4.97 values.
func organizationIdentifiers(s *pkix.Name) []string {
	var out []string
	for _, atv := range s.Names {
		if v, ok := atv.Value.(string); ok && atv.Type.Equal(oidOrganizationIdentifier) {
			out = append(out, strings.TrimSpace(v))
		}
	}
	return out
}

// cutPrefixFold is strings.CutPrefix ignoring ASCII case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// norwegianOrgNr implements Identity.OrgNumber.
func norwegianOrgNr(s *pkix.Name, country string) ident.Number {
	var cands []string
	for _, v := range organizationIdentifiers(s) {
		if rest, ok := cutPrefixFold(v, "NTRNO-"); ok {
			cands = append(cands, rest)
		}
	}
	if country == "NO" || country == "" {
		cands = append(cands, strings.TrimSpace(s.SerialNumber))
	}
	for _, v := range cands {
		if !ident.IsNineDigits(v) {
			continue
		}
		if n, err := ident.ParseOrgNr(v, ident.Options{Country: ident.CountryNO}); err == nil && n.Kind() == ident.NOOrgNr {
			return n
		}
	}
	return ident.Number{}
}

// yTunnus implements Identity.YTunnus.
func yTunnus(s *pkix.Name, country string) ident.Number {
	var cands []string
	for _, v := range []string{s.CommonName, s.SerialNumber} {
		if v = strings.TrimSpace(v); yTunnusRe.MatchString(v) || (country == "FI" && v != "") {
			cands = append(cands, v)
		}
	}
	for _, v := range organizationIdentifiers(s) {
		for _, p := range []string{"NTRFI-", "VATFI-"} {
			if rest, ok := cutPrefixFold(v, p); ok {
				cands = append(cands, rest)
			}
		}
	}
	for _, v := range cands {
		if n, err := ident.ParseOrgNr(v, ident.Options{Country: ident.CountryFI}); err == nil && n.Kind() == ident.FIYTunnus {
			return n
		}
	}
	return ident.Number{}
}
