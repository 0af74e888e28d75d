package certs

import (
	"bytes"
	"crypto"
	"crypto/ecdh"
	"crypto/rand"
	"crypto/sha1"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// requireCode fails unless err is an *Error with code want (or nil for "").
func requireCode(t *testing.T, err error, want Code) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v (%T), want an *Error with code %q", err, err, want)
	}
	if e.Code != want {
		t.Fatalf("code = %q (%v), want %q", e.Code, err, want)
	}
}

// sameKey reports whether two private keys are the same key.
func sameKey(a, b crypto.PrivateKey) bool {
	pa := a.(crypto.Signer).Public().(interface{ Equal(crypto.PublicKey) bool })
	return pa.Equal(b.(crypto.Signer).Public())
}

func TestParseGoEncoders(t *testing.T) {
	p := fixtures(t)
	leaf, key := p.leaf(t, leafSpec{})
	encoders := []struct {
		name string
		enc  *pkcs12.Encoder
	}{
		{"Modern2023", pkcs12.Modern2023},
		{"Modern2026-PBMAC1", pkcs12.Modern2026},
		{"LegacyRC2", pkcs12.LegacyRC2},
		{"LegacyDES", pkcs12.LegacyDES},
	}
	for _, e := range encoders {
		for _, pw := range []string{"", "secret", "Lösenord-åäö"} {
			t.Run(fmt.Sprintf("%s/%q", e.name, pw), func(t *testing.T) {
				data := pfx(t, e.enc, key, leaf, p.chain(), pw)
				c, err := Parse(data, pw, "/home/anna/Downloads/byrå.pfx")
				requireCode(t, err, "")
				if !bytes.Equal(c.Leaf().Raw, leaf.Raw) {
					t.Errorf("leaf = %s, want %s", c.Leaf().Subject, leaf.Subject)
				}
				if !sameKey(c.Signer(), key) {
					t.Error("the key is not the one encoded")
				}
				cas := c.CACerts()
				if len(cas) != 2 || !cas[0].Equal(p.inter) || !cas[1].Equal(p.root) {
					t.Errorf("CA certificates = %d, want intermediate then root", len(cas))
				}
				if c.FileName != "byrå.pfx" {
					t.Errorf("FileName = %q, want the base name", c.FileName)
				}
				if c.Name != "" {
					t.Errorf("Name = %q, want empty", c.Name)
				}
				// The wrong password is refused.
				_, err = Parse(data, pw+"x", "")
				requireCode(t, err, CodeWrongPassword)
			})
		}
	}
}

func TestParseKeyTypes(t *testing.T) {
	p := fixtures(t)
	tests := []struct {
		name string
		key  crypto.Signer
		typ  KeyType
		bits int
	}{
		{"RSA-2048", p.keys.leaf, KeyRSA, 2048},
		{"RSA-1024", p.keys.weak, KeyRSA, 1024},
		{"ECDSA-P256", p.keys.ec, KeyECDSA, 256},
		{"ECDSA-P384", p.keys.ec384, KeyECDSA, 384},
		// go-pkcs12 reads and writes Ed25519 keys: it goes through
		// crypto/x509's PKCS#8, which supports them.
		{"Ed25519", p.keys.ed, KeyEd25519, 256},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			leaf, key := p.leaf(t, leafSpec{key: tt.key})
			for _, enc := range []*pkcs12.Encoder{pkcs12.Modern, pkcs12.LegacyDES} {
				c, err := Parse(pfx(t, enc, key, leaf, p.chain(), "secret"), "secret", "")
				requireCode(t, err, "")
				info := c.Describe(fixedNow)
				if info.KeyType != tt.typ || info.KeyBits != tt.bits {
					t.Errorf("key = %s %d, want %s %d", info.KeyType, info.KeyBits, tt.typ, tt.bits)
				}
				if !sameKey(c.Signer(), tt.key) {
					t.Error("the key is not the one encoded")
				}
			}
		})
	}
}

// flip returns a copy of b with byte i inverted.
func flip(b []byte, i int) []byte {
	out := bytes.Clone(b)
	out[i] ^= 0xff
	return out
}

// patchAll returns b with every occurrence of old replaced by new.
func patchAll(b, old, new []byte) []byte { return bytes.ReplaceAll(b, old, new) }

func TestParseRefusals(t *testing.T) {
	p := fixtures(t)
	good, leaf := p.standard(t, "secret")
	otherLeaf, _ := p.leaf(t, leafSpec{key: p.keys.other, serial: 7})

	random := make([]byte, 3000)
	if _, err := rand.Read(random); err != nil {
		t.Fatal(err)
	}
	random[0] = 0x42 // not a SEQUENCE, whatever the draw
	derCert := leaf.Raw
	pemFile := []byte("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUJ\n-----END CERTIFICATE-----\n")
	zipFile := append([]byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), random[:200]...)
	big := append(bytes.Clone(good), make([]byte, MaxFileSize)...)

	// A PFX with a version other than 3.
	v2 := bytes.Clone(good)
	if i := bytes.Index(v2, []byte{0x02, 0x01, 0x03}); i < 0 || i > 5 {
		t.Fatal("no version in the fixture")
	} else {
		v2[i+2] = 2
	}
	// A BER (indefinite-length) PFX.
	ber := append([]byte{0x30, 0x80, 0x02, 0x01, 0x03}, good[8:]...)

	// Iteration counts over the limit: encode with 65 536 (02 03 01 00 00)
	// and patch them to 0x7F0000.
	costly := patchAll(pfx(t, pkcs12.Modern.WithIterations(65536), p.keys.leaf, leaf, nil, "secret"),
		[]byte{0x02, 0x03, 0x01, 0x00, 0x00}, []byte{0x02, 0x03, 0x7f, 0x00, 0x00})
	costlyLegacy := patchAll(pfx(t, pkcs12.LegacyDES.WithIterations(65536), p.keys.leaf, leaf, nil, "secret"),
		[]byte{0x02, 0x03, 0x01, 0x00, 0x00}, []byte{0x02, 0x03, 0x7f, 0x00, 0x00})

	trustStore, err := pkcs12.Modern.EncodeTrustStore(p.chain(), "secret")
	if err != nil {
		t.Fatal(err)
	}
	passwordless, err := pkcs12.Passwordless.EncodeTrustStore(p.chain(), "")
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name     string
		data     []byte
		password string
		want     Code
		detail   string // a substring of the message, if set
	}{
		{"empty", nil, "secret", CodeNotPKCS12, "empty"},
		{"PEM", pemFile, "secret", CodeNotPKCS12, "PEM"},
		{"zip", zipFile, "secret", CodeNotPKCS12, "ZIP"},
		{"random", random, "secret", CodeNotPKCS12, ""},
		{"text", []byte("Hej! Lösenordet kommer i ett separat mail."), "", CodeNotPKCS12, ""},
		{"base64", []byte("MIIKaQIBAzCCCi8GCSqGSIb3DQEHAaCCCiAEggocMIIKGDCCBM8GCSqG"), "", CodeNotPKCS12, "base64"},
		{"bare certificate", derCert, "secret", CodeNotPKCS12, "another kind"},
		{"version 2", v2, "secret", CodeNotPKCS12, ""},
		{"too large", big, "secret", CodeNotPKCS12, "1 MiB"},
		{"only a header", good[:4], "secret", CodeNotPKCS12, ""},

		{"cut to 7 bytes", good[:7], "secret", CodeDamaged, "cut off"},
		{"cut to 100 bytes", good[:100], "secret", CodeDamaged, "cut off"},
		{"cut in half", good[:len(good)/2], "secret", CodeDamaged, "cut off"},
		{"last byte cut", good[:len(good)-1], "secret", CodeDamaged, "cut off"},
		{"trailing bytes", append(bytes.Clone(good), 0, 0), "secret", CodeDamaged, ""},
		{"flipped byte in the middle", flip(good, len(good)/2), "secret", CodeDamaged, "integrity"},
		{"flipped byte in the MAC", flip(good, len(good)-40), "secret", CodeDamaged, "integrity"},
		{"flipped length byte", flip(good, 3), "secret", CodeDamaged, ""},
		{"BER encoding", ber, "secret", CodeDamaged, "BER"},
		{"too many MAC iterations", costly, "secret", CodeDamaged, "iterations"},
		{"too many legacy iterations", costlyLegacy, "secret", CodeDamaged, "iterations"},

		{"wrong password", good, "Secret", CodeWrongPassword, ""},
		{"empty instead of a password", good, "", CodeWrongPassword, ""},
		{"non-BMP password", good, "secret😀", CodeWrongPassword, ""},
		{"wrong password, legacy", pfx(t, pkcs12.LegacyRC2, p.keys.leaf, leaf, nil, "secret"), "hemligt", CodeWrongPassword, ""},
		{"wrong password, wrong and damaged", flip(good, len(good)/2), "Secret", CodeWrongPassword, ""},

		{"trust store", trustStore, "secret", CodeNoPrivateKey, ""},
		{"passwordless trust store", passwordless, "anything", CodeNoPrivateKey, ""},

		{"key of another certificate", pfx(t, pkcs12.Modern, p.keys.leaf, otherLeaf, p.chain(), "secret"), "secret", CodeKeyMismatch, ""},
		{"key of another certificate, no chain", pfx(t, pkcs12.LegacyDES, p.keys.other, leaf, nil, ""), "", CodeKeyMismatch, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse(tt.data, tt.password, "x.pfx")
			requireCode(t, err, tt.want)
			if c != nil {
				t.Error("a certificate came back with the error")
			}
			if !strings.Contains(err.Error(), tt.detail) {
				t.Errorf("message %q does not mention %q", err.Error(), tt.detail)
			}
			if tt.password != "" && strings.Contains(err.Error(), tt.password) {
				t.Errorf("message %q contains the password", err.Error())
			}
		})
	}
}

func TestParseLeafNotFirst(t *testing.T) {
	p := fixtures(t)
	leaf, key := p.leaf(t, leafSpec{})
	// The file names the root as "the" certificate, and the real leaf among
	// the CA certificates, in no particular order.
	data := pfx(t, pkcs12.Modern, key, p.root, []*x509.Certificate{leaf, p.inter}, "pw")
	c, err := Parse(data, "pw", "")
	requireCode(t, err, "")
	if !c.Leaf().Equal(leaf) {
		t.Fatalf("leaf = %s, want %s", c.Leaf().Subject, leaf.Subject)
	}
	cas := c.CACerts()
	if len(cas) != 2 || !cas[0].Equal(p.inter) || !cas[1].Equal(p.root) {
		t.Errorf("CA certificates not in chain order")
	}
}

func TestParseBytewisePassword(t *testing.T) {
	// Before 1.1.0, OpenSSL took each byte of a UTF-8 password for one
	// character. Such files open with the password as typed.
	p := fixtures(t)
	leaf, key := p.leaf(t, leafSpec{})
	const typed = "Lösenord-åäö"
	old, ok := bytewisePassword(typed)
	if !ok || old == typed || len([]rune(old)) != len(typed) {
		t.Fatalf("bytewisePassword(%q) = %q, %v", typed, old, ok)
	}
	if _, ok := bytewisePassword("ascii"); ok {
		t.Error("an ASCII password has no byte-wise form")
	}
	for _, enc := range []*pkcs12.Encoder{pkcs12.LegacyDES, pkcs12.LegacyRC2} {
		c, err := Parse(pfx(t, enc, key, leaf, nil, old), typed, "")
		requireCode(t, err, "")
		if !c.Leaf().Equal(leaf) {
			t.Error("wrong leaf")
		}
	}
}

func TestDecryptShroudedKey(t *testing.T) {
	// The key probe used to tell damage from a wrong password must agree
	// with go-pkcs12 on every key encryption it writes.
	p := fixtures(t)
	leaf, key := p.leaf(t, leafSpec{})
	for _, enc := range []*pkcs12.Encoder{pkcs12.Modern, pkcs12.Modern2026, pkcs12.LegacyDES, pkcs12.LegacyRC2} {
		for _, pw := range []string{"", "secret", "Lösenord-åäö"} {
			data := pfx(t, enc, key, leaf, nil, pw)
			l, err := scan(data)
			if err != nil {
				t.Fatal(err)
			}
			if !l.hasMAC || len(l.shrouded) != 1 {
				t.Fatalf("scan: MAC %v, %d key bags; want a MAC and 1", l.hasMAC, len(l.shrouded))
			}
			got, err := decryptShroudedKey(l.shrouded[0], pw)
			if err != nil {
				t.Fatalf("%q: %v", pw, err)
			}
			if !sameKey(got, key) {
				t.Errorf("%q: decrypted another key", pw)
			}
			if !l.keyOpens(pw) || l.keyOpens(pw+"x") {
				t.Errorf("%q: keyOpens is wrong", pw)
			}
		}
	}
}

func TestPKCS12KDF(t *testing.T) {
	// RFC 7292 B.2 vectors as published with OpenSSL's and BouncyCastle's
	// tests: password "smeg", salt 0A58CF64530D823F, 1 iteration.
	pw, _ := bmpPassword("smeg")
	salt := []byte{0x0A, 0x58, 0xCF, 0x64, 0x53, 0x0D, 0x82, 0x3F}
	tests := []struct {
		id   byte
		size int
		want string
	}{
		{1, 24, "8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3"},
		{2, 8, "79993dfe048d3b76"},
	}
	for _, tt := range tests {
		got := fmt.Sprintf("%x", pkcs12KDF(sha1.New, 64, salt, pw, 1, tt.id, tt.size))
		if got != tt.want {
			t.Errorf("id %d: %s, want %s", tt.id, got, tt.want)
		}
	}
}

func TestStartsLikePKCS12(t *testing.T) {
	tests := []struct {
		in   []byte
		want bool
	}{
		{nil, false},
		{[]byte{0x30}, false},
		{[]byte{0x30, 0x03, 0x02, 0x01, 0x03}, true},
		{[]byte{0x30, 0x81, 0x90, 0x02, 0x01, 0x03}, true},
		{[]byte{0x30, 0x82, 0x0a, 0x69, 0x02, 0x01, 0x03}, true},
		{[]byte{0x30, 0x80, 0x02, 0x01, 0x03}, true},
		{[]byte{0x30, 0x82, 0x0a, 0x69, 0x02, 0x01, 0x00}, false}, // a PKCS#8 key
		{[]byte{0x30, 0x85, 0, 0, 0, 0, 1, 0x02, 0x01, 0x03}, false},
		{[]byte{0x30, 0x82, 0x0a, 0x69, 0x02, 0x01}, false},
	}
	for _, tt := range tests {
		if got := startsLikePKCS12(tt.in); got != tt.want {
			t.Errorf("startsLikePKCS12(% x) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCodeOf(t *testing.T) {
	e := fail(CodeDamaged, "detail", asn1.SyntaxError{Msg: "boom"})
	tests := []struct {
		err  error
		want Code
	}{
		{nil, ""},
		{errors.New("plain"), ""},
		{e, CodeDamaged},
		{fmt.Errorf("importing: %w", e), CodeDamaged},
	}
	for _, tt := range tests {
		if got := CodeOf(tt.err); got != tt.want {
			t.Errorf("CodeOf(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
	if got, want := e.Error(), "certs: the certificate file is damaged or cannot be read (detail): asn1: syntax error: boom"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.As(e, new(asn1.SyntaxError)) {
		t.Error("the cause does not unwrap")
	}
}

// rawPFX assembles a PFX by hand with one unencrypted SafeContents holding
// bags and no MAC, which go-pkcs12 reads with the empty password. It makes
// files go-pkcs12's encoders will not.
func rawPFX(t *testing.T, bags ...safeBag) []byte {
	t.Helper()
	explicit := func(der []byte) asn1.RawValue {
		return asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: der}
	}
	must := func(b []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	safe := must(asn1.Marshal(bags))
	authSafe := must(asn1.Marshal([]contentInfo{{ContentType: oidData, Content: explicit(must(asn1.Marshal(safe)))}}))
	pfx := struct {
		Version  int
		AuthSafe contentInfo
	}{3, contentInfo{ContentType: oidData, Content: explicit(must(asn1.Marshal(authSafe)))}}
	return must(asn1.Marshal(pfx))
}

var (
	oidKeyBag  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 1}
	oidCertBag = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 3}
	oidX509    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 22, 1}
)

func keyBag(t *testing.T, key crypto.PrivateKey) safeBag {
	t.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return safeBag{ID: oidKeyBag, Value: asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: der}}
}

func certBag(t *testing.T, c *x509.Certificate) safeBag {
	t.Helper()
	der, err := asn1.Marshal(struct {
		ID   asn1.ObjectIdentifier
		Data []byte `asn1:"tag:0,explicit"`
	}{oidX509, c.Raw})
	if err != nil {
		t.Fatal(err)
	}
	return safeBag{ID: oidCertBag, Value: asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: der}}
}

func TestParseHandMadeFiles(t *testing.T) {
	p := fixtures(t)
	leaf, key := p.leaf(t, leafSpec{})
	x25519, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	passwordless, err := pkcs12.Passwordless.Encode(key, leaf, p.chain(), "")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		data     []byte
		password string
		want     Code
		detail   string
	}{
		{"key and certificate", rawPFX(t, keyBag(t, key), certBag(t, leaf)), "", "", ""},
		// A file without a MAC opens whatever password is given.
		{"key and certificate, a password given", rawPFX(t, certBag(t, leaf), keyBag(t, key)), "secret", "", ""},
		{"go-pkcs12 Passwordless", passwordless, "secret", "", ""},
		{"two keys", rawPFX(t, keyBag(t, key), keyBag(t, p.keys.other), certBag(t, leaf)), "", CodeDamaged, "more than one private key"},
		{"key only", rawPFX(t, keyBag(t, key)), "", CodeDamaged, "no certificate"},
		{"certificates only", rawPFX(t, certBag(t, leaf), certBag(t, p.inter)), "", CodeNoPrivateKey, ""},
		{"nothing", rawPFX(t), "", CodeDamaged, "no certificate"},
		{"X25519 key", rawPFX(t, keyBag(t, x25519), certBag(t, leaf)), "", CodeDamaged, "cannot sign"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse(tt.data, tt.password, "")
			requireCode(t, err, tt.want)
			if err != nil {
				if !strings.Contains(err.Error(), tt.detail) {
					t.Errorf("message %q does not mention %q", err, tt.detail)
				}
				return
			}
			if !c.Leaf().Equal(leaf) || !sameKey(c.Signer(), key) {
				t.Error("wrong leaf or key")
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	p := fixtures(t)
	good, leaf := p.standard(t, "pw")
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		path := dir + "/" + name
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	exact := write("exact.bin", make([]byte, MaxFileSize))
	over := write("over.bin", make([]byte, MaxFileSize+1))
	b, err := ReadFile(write(scbFileName, good))
	requireCode(t, err, "")
	c, err := Parse(b, "pw", scbFileName)
	requireCode(t, err, "")
	if !c.Leaf().Equal(leaf) {
		t.Error("wrong leaf")
	}
	if b, err := ReadFile(exact); err != nil || len(b) != MaxFileSize {
		t.Errorf("a file of exactly MaxFileSize: %d bytes, %v", len(b), err)
	}
	_, err = ReadFile(over)
	requireCode(t, err, CodeNotPKCS12)
	_, err = ReadFile(dir + "/missing.pfx")
	if !errors.Is(err, os.ErrNotExist) || CodeOf(err) != "" {
		t.Errorf("missing file: %v", err)
	}
}
