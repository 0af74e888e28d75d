// Package certs reads the client certificates that the Nordic public
// registers issue to a firm, tells what they are for, and hands them to the
// code that uses them.
//
// SCB (Sweden) sends a PKCS#12 file (.pfx) for mutual TLS, with an API-Id
// "Annnnn" in its name and the password in a separate mail; a Norwegian firm
// holds an enterprise certificate (Buypass, Commfides) that signs Maskinporten
// JWT grants; Finland's Incomes Register issues one certificate per firm,
// with the Y-tunnus as its common name.
//
// Parse reads a .pfx or .p12 file, as OpenSSL 3 writes it by default
// (AES-256-CBC, PBKDF2, SHA-256 MAC) or with -legacy (RC2/3DES, SHA-1 MAC),
// with any password that fits in UCS-2, and refuses what it cannot use with
// an *Error whose Code is stable. Certificate.Describe tells a person what
// the certificate is (Info), Report turns that into the command line's JSON,
// and the Certificate gives a tls.Certificate, a crypto.Signer with its x5c
// chain, a re-encrypted .pfx (Export), and a compact form for the vault
// (Marshal, Unmarshal). Nothing here writes to disk.
//
// The package has no global mutable state; a Certificate is safe for
// concurrent use once parsed, except for writes to its Name and FileName.
package certs

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/motpart/motpart/internal/certinfo"
)

// MaxFileSize is the largest input Parse accepts, 1 MiB. A certificate file
// is a few kilobytes; anything larger is refused before it is parsed.
const MaxFileSize = certinfo.MaxFileSize

// Certificate is a parsed client certificate: a private key, the leaf
// certificate it belongs to, and the CA certificates that came with it.
type Certificate struct {
	// Name is what the user calls the certificate, for lists; Parse leaves
	// it empty.
	Name string
	// FileName is the base name of the file it came from, without any
	// directory. It may carry SCB's API-Id.
	FileName string

	key  crypto.Signer
	leaf *x509.Certificate
	cas  []*x509.Certificate // in chain order from the leaf, then the rest
}

// Parse reads a PKCS#12 file (data) with its password. fileName is the
// name of the file the user chose (a full path is fine: only the base name
// is kept); SCB's API-Id is taken from it when the certificate itself does
// not carry one. The password is the one the issuer sent: "" for none.
//
// The leaf is the certificate whose public key matches the private key
// (the first such one that is not a CA, if several match); the other
// certificates are its CA certificates, put in order from the leaf's
// issuer upwards as far as their names link, then the rest in file order.
// A file without an integrity check (no MAC) is read with the empty
// password whatever password is given.
//
// Errors are *Error with CodeNotPKCS12, CodeDamaged, CodeWrongPassword,
// CodeNoPrivateKey or CodeKeyMismatch.
func Parse(data []byte, password, fileName string) (*Certificate, error) {
	if len(data) > MaxFileSize {
		return nil, errTooLarge()
	}
	if !startsLikePKCS12(data) {
		return nil, notPKCS12(data)
	}
	l, err := scan(data)
	if err != nil {
		return nil, err
	}
	if !l.hasMAC {
		password = ""
	}
	key, first, others, err := decodeChain(data, password)
	if errors.Is(err, pkcs12.ErrIncorrectPassword) {
		// OpenSSL before 1.1.0 and some other tools turned each byte of
		// a UTF-8 password into one UCS-2 character.
		if alt, ok := bytewisePassword(password); ok {
			k2, f2, o2, err2 := decodeChain(data, alt)
			if !errors.Is(err2, pkcs12.ErrIncorrectPassword) {
				key, first, others, err, password = k2, f2, o2, err2, alt
			}
		}
	}
	if err != nil {
		return nil, classify(err, l, password)
	}
	c, err := assemble(key, append([]*x509.Certificate{first}, others...))
	if err != nil {
		return nil, err
	}
	c.FileName = baseName(fileName)
	return c, nil
}

// errTooLarge is the refusal of input over MaxFileSize.
func errTooLarge() *Error {
	return fail(CodeNotPKCS12, "the file is larger than 1 MiB; a certificate file is a few kilobytes", nil)
}

// ReadFile reads the file name for Parse. It reads at most MaxFileSize+1
// bytes, and refuses a larger file with CodeNotPKCS12 without reading the
// rest. Other errors are the os package's, wrapped.
func ReadFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("certs: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("certs: reading %s: %w", name, err)
	}
	if len(b) > MaxFileSize {
		return nil, errTooLarge()
	}
	return b, nil
}

// panicError is a panic inside go-pkcs12, turned into an error.
type panicError struct{ v any }

func (p panicError) Error() string { return fmt.Sprintf("the PKCS#12 decoder failed: %v", p.v) }

// decodeChain calls pkcs12.DecodeChain, turning a panic in it into an error:
// it parses untrusted bytes, and a bad file must not bring the program down.
func decodeChain(data []byte, password string) (key any, leaf *x509.Certificate, cas []*x509.Certificate, err error) {
	defer func() {
		if v := recover(); v != nil {
			key, leaf, cas, err = nil, nil, nil, panicError{v}
		}
	}()
	return pkcs12.DecodeChain(data, password)
}

// classify turns a go-pkcs12 error into an *Error. go-pkcs12 gives few
// typed errors, so some are told apart by their (pinned, tested) text.
func classify(err error, l *layout, password string) *Error {
	msg := err.Error()
	var notImpl pkcs12.NotImplementedError
	switch {
	case errors.Is(err, pkcs12.ErrIncorrectPassword):
		// The MAC does not match. If the password opens the key, it is the
		// file that changed, not the password that is wrong.
		if l.keyOpens(password) {
			return fail(CodeDamaged, "the password is right but the file's integrity check fails; it was changed or corrupted", nil)
		}
		return fail(CodeWrongPassword, "", nil)
	case errors.Is(err, pkcs12.ErrDecryption), strings.Contains(msg, pkcs12.ErrDecryption.Error()):
		return fail(CodeWrongPassword, "the contents do not decrypt with it", nil)
	case strings.Contains(msg, "cannot be encoded in UCS-2"):
		return fail(CodeWrongPassword, "it has characters a PKCS#12 password cannot hold", nil)
	case strings.HasSuffix(msg, "private key missing"):
		return fail(CodeNoPrivateKey, "", nil)
	case strings.HasSuffix(msg, "certificate missing"):
		return fail(CodeDamaged, "it holds no certificate", nil)
	case strings.HasSuffix(msg, "expected exactly one key bag"):
		return fail(CodeDamaged, "it holds more than one private key; export the one certificate you need on its own", nil)
	case errors.As(err, &notImpl):
		return fail(CodeDamaged, "it uses a PKCS#12 feature that cannot be read", err)
	}
	return fail(CodeDamaged, "", err) // ASN.1 and x509 errors, panics

}

// bytewisePassword returns the password with each byte of its UTF-8 form
// taken as one character (Latin-1), as pre-1.1.0 OpenSSL encoded it. ok is
// false when that is the same password (pure ASCII).
func bytewisePassword(password string) (string, bool) {
	ascii := true
	for i := 0; i < len(password); i++ {
		if password[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return "", false
	}
	r := make([]rune, len(password))
	for i := 0; i < len(password); i++ {
		r[i] = rune(password[i])
	}
	return string(r), true
}

// assemble finds the leaf for key among certs and builds the Certificate.
func assemble(key any, certs []*x509.Certificate) (*Certificate, error) {
	signer, err := signerOf(key)
	if err != nil {
		return nil, err
	}
	pub, ok := signer.Public().(interface{ Equal(crypto.PublicKey) bool })
	if !ok {
		return nil, fail(CodeDamaged, "the private key's type cannot be used", nil)
	}
	leaf := -1
	for i, c := range certs {
		if c == nil || !pub.Equal(c.PublicKey) {
			continue
		}
		if leaf < 0 || (certs[leaf].IsCA && !c.IsCA) {
			leaf = i
		}
		if !c.IsCA {
			break
		}
	}
	if leaf < 0 {
		return nil, fail(CodeKeyMismatch, "", nil)
	}
	others := make([]*x509.Certificate, 0, len(certs)-1)
	for i, c := range certs {
		if i != leaf && c != nil {
			others = append(others, c)
		}
	}
	cas, _ := orderChain(certs[leaf], others)
	return &Certificate{key: signer, leaf: certs[leaf], cas: cas}, nil
}

// signerOf accepts the key types a client certificate can have.
func signerOf(key any) (crypto.Signer, error) {
	switch k := key.(type) {
	case *rsa.PrivateKey:
		return k, nil
	case *ecdsa.PrivateKey:
		return k, nil
	case ed25519.PrivateKey:
		return k, nil
	case nil:
		return nil, fail(CodeNoPrivateKey, "", nil)
	}
	return nil, fail(CodeDamaged, fmt.Sprintf("its private key is of a kind (%T) that cannot sign", key), nil)
}

// baseName returns the last element of a path with / or \ separators.
func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}
