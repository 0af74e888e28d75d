package certs

import (
	"bytes"
	"crypto"
	"encoding/json"
	"errors"
	"testing"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// FuzzParse feeds Parse arbitrary bytes and passwords: it must never panic,
// and must return either an *Error with one of Parse's codes and no
// certificate, or a certificate whose key belongs to its leaf and which
// describes, reports and round-trips through Marshal.
func FuzzParse(f *testing.F) {
	p := fixtures(f)
	leaf, key := p.leaf(f, leafSpec{subject: scbSubject})
	other, _ := p.leaf(f, leafSpec{key: p.keys.other})
	ecLeaf, ecKey := p.leaf(f, leafSpec{subject: noOrgID, key: p.keys.ec})
	edLeaf, edKey := p.leaf(f, leafSpec{subject: fiSubject, key: p.keys.ed, self: true})
	// The fuzzer minimizes every new interesting input, at a cost that
	// grows with its size and with the time a run takes, and key stretching
	// dominates a run (about 1 ms at 2 048 iterations). So most seeds are
	// small (a self-signed Ed25519 leaf, no chain) and use one iteration:
	// mutants inherit both.
	for _, enc := range []*pkcs12.Encoder{pkcs12.Modern, pkcs12.Modern2026, pkcs12.LegacyRC2, pkcs12.LegacyDES} {
		b, err := enc.WithIterations(1).Encode(edKey, edLeaf, nil, "secret")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "secret")
		f.Add(b[:len(b)/2], "secret")
		f.Add(b, "wrong")
	}
	f.Add(pfx(f, pkcs12.Modern, key, leaf, p.chain(), "secret"), "secret")
	f.Add(pfx(f, pkcs12.LegacyRC2, key, leaf, p.chain(), "Lösenord-åäö"), "Lösenord-åäö")
	ts, err := pkcs12.Modern.WithIterations(1).EncodeTrustStore(p.chain(), "secret")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(ts, "secret")
	f.Add(pfx(f, pkcs12.Modern.WithIterations(1), key, other, nil, ""), "")
	f.Add(pfx(f, pkcs12.LegacyDES.WithIterations(1), ecKey, ecLeaf, nil, "Lösenord-åäö"), "Lösenord-åäö")
	f.Add(pfx(f, pkcs12.Modern.WithIterations(1), edKey, edLeaf, nil, ""), "")
	f.Add([]byte("-----BEGIN CERTIFICATE-----\n"), "")
	f.Add([]byte{0x30, 0x80, 0x02, 0x01, 0x03}, "")

	codes := map[Code]bool{CodeNotPKCS12: true, CodeDamaged: true, CodeWrongPassword: true, CodeNoPrivateKey: true, CodeKeyMismatch: true}
	f.Fuzz(func(t *testing.T, data []byte, password string) {
		c, err := Parse(data, password, scbFileName)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || !codes[e.Code] {
				t.Fatalf("error %v (%T) is not an *Error with one of Parse's codes", err, err)
			}
			if c != nil {
				t.Fatal("a certificate came back with an error")
			}
			_ = Report(nil, err)
			return
		}
		if c == nil || c.Leaf() == nil || c.Signer() == nil {
			t.Fatal("no error and no certificate")
		}
		if !c.Signer().Public().(interface{ Equal(crypto.PublicKey) bool }).Equal(c.Leaf().PublicKey) {
			t.Fatal("the key does not belong to the leaf")
		}
		info := c.Describe(fixedNow)
		if _, err := json.Marshal(Report(info, CanImport(info))); err != nil {
			t.Fatal(err)
		}
		if _, err := c.TLSCertificate(); err != nil {
			t.Fatal(err)
		}
		b, err := c.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		back, err := Unmarshal(b)
		if err != nil {
			t.Fatalf("the stored form does not read back: %v", err)
		}
		if !bytes.Equal(back.Leaf().Raw, c.Leaf().Raw) || len(back.CACerts()) != len(c.CACerts()) {
			t.Fatal("the stored form reads back something else")
		}
	})
}
