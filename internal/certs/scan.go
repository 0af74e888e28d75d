package certs

import (
	"bytes"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"fmt"
)

// This file reads the unencrypted outer layers of a PKCS#12 file, before and
// beside go-pkcs12, to tell "not PKCS#12" from "damaged", to refuse absurd
// key-stretching parameters before anything runs them, and to tell a wrong
// password from a damaged file when the integrity check (MAC) fails. The
// ASN.1 shapes mirror go-pkcs12's, so the scan accepts what go-pkcs12
// accepts.

// maxIterations bounds every iteration count in a file (MAC, PBKDF2, PKCS#12
// PBE). OpenSSL and Windows use 2 048, Java 10 000; a million costs under a
// second. A larger count is refused as damaged rather than run.
const maxIterations = 1_000_000

var (
	oidData             = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidEncryptedData    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 6}
	oidShroudedKeyBag   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 2}
	oidPBEPrefix        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1} // pbeWithSHAAnd...
	oidPBEWithSHA3DES   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 3}
	oidPBES2            = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidPBKDF2           = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidPBMAC1           = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 14}
	oidHMACWithSHA1     = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 7}
	oidHMACWithSHA256   = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 9}
	oidHMACWithSHA384   = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 10}
	oidHMACWithSHA512   = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 11}
	oidAES128CBC        = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 2}
	oidAES192CBC        = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 22}
	oidAES256CBC        = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}
	oidDESEDE3CBC       = asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 7}
	oidSignedData       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	errTrailing         = errors.New("trailing data after the ASN.1 value")
	errNotBlockMultiple = errors.New("encrypted data is not a whole number of blocks")
	errPadding          = errors.New("bad padding after decryption")
)

type pfxPDU struct {
	Version  int
	AuthSafe contentInfo
	MacData  macData `asn1:"optional"`
}

type contentInfo struct {
	ContentType asn1.ObjectIdentifier
	Content     asn1.RawValue `asn1:"tag:0,explicit,optional"`
}

type macData struct {
	Mac        digestInfo
	MacSalt    []byte
	Iterations int `asn1:"optional,default:1"`
}

type digestInfo struct {
	Algorithm pkix.AlgorithmIdentifier
	Digest    []byte
}

type safeBag struct {
	ID         asn1.ObjectIdentifier
	Value      asn1.RawValue  `asn1:"tag:0,explicit"`
	Attributes []bagAttribute `asn1:"set,optional"`
}

type bagAttribute struct {
	ID    asn1.ObjectIdentifier
	Value asn1.RawValue `asn1:"set"`
}

type encryptedData struct {
	Version              int
	EncryptedContentInfo encryptedContentInfo
}

type encryptedContentInfo struct {
	ContentType                asn1.ObjectIdentifier
	ContentEncryptionAlgorithm pkix.AlgorithmIdentifier
	EncryptedContent           []byte `asn1:"tag:0,optional"`
}

type encryptedPrivateKeyInfo struct {
	Algorithm     pkix.AlgorithmIdentifier
	EncryptedData []byte
}

type pbeParams struct {
	Salt       []byte
	Iterations int
}

type pbes2Params struct {
	KDF              pkix.AlgorithmIdentifier
	EncryptionScheme pkix.AlgorithmIdentifier
}

type pbkdf2Params struct {
	Salt       asn1.RawValue
	Iterations int
	KeyLength  int                      `asn1:"optional"`
	PRF        pkix.AlgorithmIdentifier `asn1:"optional"`
}

type pbmac1Params struct {
	KDF    pkix.AlgorithmIdentifier
	MacAlg pkix.AlgorithmIdentifier
}

// unmarshal is asn1.Unmarshal refusing trailing data, as go-pkcs12 does.
func unmarshal(der []byte, out any) error {
	rest, err := asn1.Unmarshal(der, out)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return errTrailing
	}
	return nil
}

// startsLikePKCS12 reports whether b begins as a PFX does: a SEQUENCE (of
// definite or indefinite length) whose first element is INTEGER 3.
func startsLikePKCS12(b []byte) bool {
	if len(b) < 2 || b[0] != 0x30 {
		return false
	}
	i := 2 // after the tag and a short or indefinite length
	if l := b[1]; l > 0x80 {
		if l > 0x84 {
			return false
		}
		i += int(l & 0x7f)
	}
	return len(b) >= i+3 && b[i] == 0x02 && b[i+1] == 0x01 && b[i+2] == 0x03
}

// notPKCS12 returns the refusal for input that is not PKCS#12, saying what
// it looks like when that is easy to tell.
func notPKCS12(b []byte) *Error {
	t := bytes.TrimSpace(b)
	var detail string
	switch {
	case len(b) == 0:
		detail = "the file is empty"
	case bytes.HasPrefix(t, []byte("-----BEGIN")):
		detail = "it is a PEM text file; ask for the .pfx or .p12 file"
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		detail = "it is a ZIP archive; unpack it and choose the .pfx or .p12 file inside"
	case bytes.HasPrefix(t, []byte("MII")):
		detail = "it looks like base64 text, not the binary file"
	case len(b) >= 2 && b[0] == 0x30:
		detail = "it is ASN.1 data of another kind, perhaps a single certificate or key"
	}
	return fail(CodeNotPKCS12, detail, nil)
}

// layout is what scan learns from the unencrypted parts of a PFX.
type layout struct {
	hasMAC bool
	// shrouded holds the EncryptedPrivateKeyInfo of each key bag found in an
	// unencrypted SafeContents.
	shrouded [][]byte
}

// scan reads the unencrypted structure of a PFX that startsLikePKCS12. Its
// errors are *Error with CodeDamaged.
func scan(data []byte) (*layout, error) {
	if len(data) > 1 && data[1] == 0x80 {
		return nil, fail(CodeDamaged, "it uses BER indefinite-length encoding, which cannot be read; re-export it, for example with OpenSSL", nil)
	}
	var pfx pfxPDU
	if err := unmarshal(data, &pfx); err != nil {
		return nil, fail(CodeDamaged, "the file is cut off or corrupted", err)
	}
	if pfx.AuthSafe.ContentType.Equal(oidSignedData) {
		return nil, fail(CodeDamaged, "it is protected by a public-key signature instead of a password, which is not supported", nil)
	}
	if !pfx.AuthSafe.ContentType.Equal(oidData) {
		return nil, fail(CodeDamaged, "unknown content type "+pfx.AuthSafe.ContentType.String(), nil)
	}
	var authSafe []byte
	if err := unmarshal(pfx.AuthSafe.Content.Bytes, &authSafe); err != nil {
		return nil, fail(CodeDamaged, "the file is cut off or corrupted", err)
	}
	l := &layout{hasMAC: len(pfx.MacData.Mac.Algorithm.Algorithm) > 0}
	if l.hasMAC {
		if err := checkMACCost(&pfx.MacData); err != nil {
			return nil, err
		}
	}
	var safes []contentInfo
	if err := unmarshal(authSafe, &safes); err != nil {
		return nil, fail(CodeDamaged, "the file is cut off or corrupted", err)
	}
	for _, ci := range safes {
		switch {
		case ci.ContentType.Equal(oidData):
			var raw []byte
			if err := unmarshal(ci.Content.Bytes, &raw); err != nil {
				return nil, fail(CodeDamaged, "the file is cut off or corrupted", err)
			}
			var bags []safeBag
			if err := unmarshal(raw, &bags); err != nil {
				return nil, fail(CodeDamaged, "the file is cut off or corrupted", err)
			}
			for _, bag := range bags {
				if !bag.ID.Equal(oidShroudedKeyBag) {
					continue
				}
				var info encryptedPrivateKeyInfo
				if err := unmarshal(bag.Value.Bytes, &info); err == nil {
					if err := checkPBECost(info.Algorithm); err != nil {
						return nil, err
					}
				}
				l.shrouded = append(l.shrouded, bag.Value.Bytes)
			}
		case ci.ContentType.Equal(oidEncryptedData):
			var ed encryptedData
			if err := unmarshal(ci.Content.Bytes, &ed); err != nil {
				return nil, fail(CodeDamaged, "the file is cut off or corrupted", err)
			}
			if err := checkPBECost(ed.EncryptedContentInfo.ContentEncryptionAlgorithm); err != nil {
				return nil, err
			}
		}
	}
	return l, nil
}

// tooCostly is the refusal for an absurd iteration count.
func tooCostly(n int) *Error {
	return fail(CodeDamaged, fmt.Sprintf("it asks for %d key-stretching iterations, more than the %d allowed", n, maxIterations), nil)
}

// checkMACCost refuses a MAC whose key derivation would run too long.
func checkMACCost(m *macData) error {
	if m.Mac.Algorithm.Algorithm.Equal(oidPBMAC1) {
		var p pbmac1Params
		if unmarshal(m.Mac.Algorithm.Parameters.FullBytes, &p) != nil || !p.KDF.Algorithm.Equal(oidPBKDF2) {
			return nil // go-pkcs12 reports it
		}
		return checkPBKDF2Cost(p.KDF.Parameters.FullBytes)
	}
	if m.Iterations > maxIterations {
		return tooCostly(m.Iterations)
	}
	return nil
}

// checkPBECost refuses an encryption algorithm whose key derivation would
// run too long. Parameters it cannot read are left to go-pkcs12.
func checkPBECost(alg pkix.AlgorithmIdentifier) error {
	switch {
	case alg.Algorithm.Equal(oidPBES2):
		var p pbes2Params
		if unmarshal(alg.Parameters.FullBytes, &p) != nil || !p.KDF.Algorithm.Equal(oidPBKDF2) {
			return nil
		}
		return checkPBKDF2Cost(p.KDF.Parameters.FullBytes)
	case len(alg.Algorithm) == len(oidPBEPrefix)+1 && alg.Algorithm[:len(oidPBEPrefix)].Equal(oidPBEPrefix):
		var p pbeParams
		if unmarshal(alg.Parameters.FullBytes, &p) == nil && p.Iterations > maxIterations {
			return tooCostly(p.Iterations)
		}
	}
	return nil
}

func checkPBKDF2Cost(der []byte) error {
	var p pbkdf2Params
	if unmarshal(der, &p) == nil && p.Iterations > maxIterations {
		return tooCostly(p.Iterations)
	}
	return nil
}
