package certs

import (
	"crypto"
	"crypto/x509"
	"encoding/json"
	"fmt"
)

// StoreVersion is the version of the form Marshal writes.
const StoreVersion = 1

// stored is the form Marshal writes: compact JSON with the DER as base64
// (encoding/json's []byte), for example
//
//	{"v":1,"name":"SCB","file":"Certifikat_SokPaVar_A00494.pfx","key":"MIIE…","certs":["MIID…","MIID…"]}
//
// v is StoreVersion; key is the private key as PKCS#8 DER; certs are the
// leaf's DER followed by the CA certificates' in CACerts order.
type stored struct {
	Version  int      `json:"v"`
	Name     string   `json:"name,omitempty"`
	FileName string   `json:"file,omitempty"`
	Key      []byte   `json:"key"`
	Certs    [][]byte `json:"certs"`
}

// maxStoredSize bounds Unmarshal's input: a 1 MiB file in base64 and more.
const maxStoredSize = 2 * MaxFileSize

// Marshal returns c in the vault's storage form: compact JSON
// {"v":1,"name":…,"file":…,"key":…,"certs":[…]} where key is the private key
// as base64 PKCS#8 DER, certs the base64 DER of the leaf then the CA
// certificates, name the user's Name and file the original FileName (both
// left out when empty). The result holds the private key in the clear: it
// is meant for the encrypted vault only.
func (c *Certificate) Marshal() ([]byte, error) {
	if !c.ok() {
		return nil, fmt.Errorf("certs: marshal: %w", errNoCertificate)
	}
	key, err := x509.MarshalPKCS8PrivateKey(c.key)
	if err != nil {
		return nil, fmt.Errorf("certs: marshal: encoding the private key: %w", err)
	}
	s := stored{Version: StoreVersion, Name: c.Name, FileName: c.FileName, Key: key}
	s.Certs = append(s.Certs, c.leaf.Raw)
	for _, ca := range c.cas {
		s.Certs = append(s.Certs, ca.Raw)
	}
	b, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("certs: marshal: %w", err)
	}
	return b, nil
}

// Unmarshal reads what Marshal wrote. It checks the version, that the key
// parses and belongs to the first certificate. Errors are *Error with
// CodeDamaged.
func Unmarshal(b []byte) (*Certificate, error) {
	if len(b) > maxStoredSize {
		return nil, fail(CodeDamaged, fmt.Sprintf("the stored certificate is %d bytes, more than %d", len(b), maxStoredSize), nil)
	}
	var s stored
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fail(CodeDamaged, "the stored certificate does not decode", err)
	}
	if s.Version != StoreVersion {
		return nil, fail(CodeDamaged, fmt.Sprintf("unknown stored-certificate version %d (want %d)", s.Version, StoreVersion), nil)
	}
	if len(s.Certs) == 0 {
		return nil, fail(CodeDamaged, "the stored certificate has no certificates", nil)
	}
	key, err := x509.ParsePKCS8PrivateKey(s.Key)
	if err != nil {
		return nil, fail(CodeDamaged, "the stored private key does not parse", err)
	}
	signer, err := signerOf(key)
	if err != nil {
		return nil, fail(CodeDamaged, "the stored private key cannot be used", err)
	}
	certs := make([]*x509.Certificate, len(s.Certs))
	for i, der := range s.Certs {
		if certs[i], err = x509.ParseCertificate(der); err != nil {
			return nil, fail(CodeDamaged, fmt.Sprintf("stored certificate %d does not parse", i), err)
		}
	}
	pub, ok := signer.Public().(interface{ Equal(crypto.PublicKey) bool })
	if !ok || !pub.Equal(certs[0].PublicKey) {
		return nil, fail(CodeDamaged, "the stored private key does not belong to the stored certificate", nil)
	}
	return &Certificate{Name: s.Name, FileName: s.FileName, key: signer, leaf: certs[0], cas: certs[1:]}, nil
}
