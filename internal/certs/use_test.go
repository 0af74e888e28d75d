package certs

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"net"
	"strings"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

func TestTLSClientAuth(t *testing.T) {
	p := fixtures(t)
	leaf, key := p.leaf(t, leafSpec{subject: scbSubject})
	// The CA certificates are in the file root first; the handshake needs
	// them in chain order.
	c, err := Parse(pfx(t, pkcs12.Modern, key, leaf, []*x509.Certificate{p.root, p.inter}, "pw"), "pw", "")
	requireCode(t, err, "")
	clientCert, err := c.TLSCertificate()
	if err != nil {
		t.Fatal(err)
	}
	if len(clientCert.Certificate) != 3 || !bytes.Equal(clientCert.Certificate[1], p.inter.Raw) || clientCert.Leaf != c.Leaf() {
		t.Fatalf("TLS chain has %d certificates, not leaf, intermediate, root", len(clientCert.Certificate))
	}

	srvLeaf, srvKey := p.leaf(t, leafSpec{subject: defaultSubject, serial: 99, dns: []string{"privateapi.scb.test"},
		eku: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}})
	roots := x509.NewCertPool()
	roots.AddCert(p.root)
	// The server knows only the root: the client must send the intermediate.
	srvConf := &tls.Config{
		Certificates: []tls.Certificate{{Certificate: [][]byte{srvLeaf.Raw, p.inter.Raw}, PrivateKey: srvKey}},
		ClientAuth:   tls.RequireAndVerifyClientCert,
		ClientCAs:    roots,
		Time:         func() time.Time { return fixedNow },
		MinVersion:   tls.VersionTLS12,
	}
	cliConf := &tls.Config{
		Certificates: []tls.Certificate{clientCert},
		RootCAs:      roots,
		ServerName:   "privateapi.scb.test",
		Time:         func() time.Time { return fixedNow },
		MinVersion:   tls.VersionTLS12,
	}
	a, b := net.Pipe()
	defer a.Close()
	defer b.Close()
	srv := tls.Server(a, srvConf)
	done := make(chan error, 1)
	go func() { done <- srv.Handshake() }()
	if err := tls.Client(b, cliConf).Handshake(); err != nil {
		t.Fatalf("client handshake: %v", err)
	}
	if err := <-done; err != nil {
		t.Fatalf("server handshake: %v", err)
	}
	peers := srv.ConnectionState().PeerCertificates
	if len(peers) == 0 || !peers[0].Equal(leaf) {
		t.Fatal("the server did not see the client certificate")
	}
}

func TestSignerAndX5C(t *testing.T) {
	p := fixtures(t)
	msg := []byte(`{"alg":"RS256"}.{"aud":"https://test.maskinporten.no/"}`)
	digest := sha256.Sum256(msg)
	tests := []struct {
		name   string
		key    crypto.Signer
		verify func(pub crypto.PublicKey, sig []byte) bool
		opts   crypto.SignerOpts
	}{
		{"RSA", p.keys.leaf, func(pub crypto.PublicKey, sig []byte) bool {
			return rsa.VerifyPKCS1v15(pub.(*rsa.PublicKey), crypto.SHA256, digest[:], sig) == nil
		}, crypto.SHA256},
		{"ECDSA", p.keys.ec, func(pub crypto.PublicKey, sig []byte) bool {
			return ecdsa.VerifyASN1(pub.(*ecdsa.PublicKey), digest[:], sig)
		}, crypto.SHA256},
		{"Ed25519", p.keys.ed, func(pub crypto.PublicKey, sig []byte) bool {
			return ed25519.Verify(pub.(ed25519.PublicKey), msg, sig)
		}, crypto.Hash(0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			leaf, key := p.leaf(t, leafSpec{subject: noSubject, key: tt.key})
			c, err := Parse(pfx(t, pkcs12.Modern, key, leaf, p.chain(), "pw"), "pw", "")
			requireCode(t, err, "")
			in := digest[:]
			if tt.opts == crypto.Hash(0) {
				in = msg
			}
			sig, err := c.Signer().Sign(rand.Reader, in, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if !tt.verify(c.Leaf().PublicKey, sig) {
				t.Error("the signature does not verify with the leaf's public key")
			}
			x5c := c.X5C()
			want := []*x509.Certificate{leaf, p.inter, p.root}
			if len(x5c) != len(want) {
				t.Fatalf("x5c has %d entries, want %d", len(x5c), len(want))
			}
			for i, s := range x5c {
				der, err := base64.StdEncoding.DecodeString(s)
				if err != nil || !bytes.Equal(der, want[i].Raw) {
					t.Errorf("x5c[%d] is not the standard base64 of %s", i, want[i].Subject)
				}
			}
		})
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	p := fixtures(t)
	for _, k := range []crypto.Signer{p.keys.leaf, p.keys.ec, p.keys.ed} {
		leaf, key := p.leaf(t, leafSpec{key: k})
		c, err := Parse(pfx(t, pkcs12.Modern, key, leaf, []*x509.Certificate{p.root, p.inter}, "pw"), "pw", `C:\tmp\`+scbFileName)
		requireCode(t, err, "")
		c.Name = "SCB – Exempelbyrån"
		b, err := c.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte(`{"v":1,"name":"SCB – Exempelbyrån","file":"Certifikat_SokPaVar_A00494_2025-10-06 13-14-52Z.pfx","key":"M`)) {
			t.Errorf("stored form starts %.120s", b)
		}
		back, err := Unmarshal(b)
		requireCode(t, err, "")
		if back.Name != c.Name || back.FileName != c.FileName || !back.Leaf().Equal(leaf) || !sameKey(back.Signer(), key) {
			t.Error("the round trip lost something")
		}
		cas := back.CACerts()
		if len(cas) != 2 || !cas[0].Equal(p.inter) || !cas[1].Equal(p.root) {
			t.Error("the round trip lost the chain order")
		}
		if back.Identity() != c.Identity() {
			t.Errorf("identity %+v, want %+v", back.Identity(), c.Identity())
		}
	}
}

func TestUnmarshalRefusals(t *testing.T) {
	p := fixtures(t)
	leaf, key := p.leaf(t, leafSpec{})
	c, err := Parse(pfx(t, pkcs12.Modern, key, leaf, p.chain(), ""), "", "")
	requireCode(t, err, "")
	good, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	var s stored
	if err := json.Unmarshal(good, &s); err != nil {
		t.Fatal(err)
	}
	edit := func(f func(*stored)) []byte {
		cp := s
		cp.Certs = append([][]byte(nil), s.Certs...)
		f(&cp)
		b, _ := json.Marshal(cp)
		return b
	}
	otherKey, _ := x509.MarshalPKCS8PrivateKey(p.keys.other)
	tests := []struct {
		name string
		in   []byte
		msg  string
	}{
		{"not JSON", []byte("MIIE"), "does not decode"},
		{"empty", nil, "does not decode"},
		{"version 2", edit(func(s *stored) { s.Version = 2 }), "version 2"},
		{"no version", edit(func(s *stored) { s.Version = 0 }), "version 0"},
		{"no certificates", edit(func(s *stored) { s.Certs = nil }), "no certificates"},
		{"bad key", edit(func(s *stored) { s.Key = s.Key[:40] }), "private key does not parse"},
		{"bad certificate", edit(func(s *stored) { s.Certs[1] = s.Certs[1][:100] }), "certificate 1 does not parse"},
		{"another key", edit(func(s *stored) { s.Key = otherKey }), "does not belong"},
		{"key of a CA certificate", edit(func(s *stored) { s.Certs[0], s.Certs[1] = s.Certs[1], s.Certs[0] }), "does not belong"},
		{"too large", append(bytes.Clone(good), make([]byte, maxStoredSize)...), "bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Unmarshal(tt.in)
			requireCode(t, err, CodeDamaged)
			if c != nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not mention %q", err, tt.msg)
			}
		})
	}
}

func TestZeroCertificate(t *testing.T) {
	var c *Certificate
	if _, err := c.TLSCertificate(); err == nil {
		t.Error("TLSCertificate of nil")
	}
	if _, err := c.Export("x"); err == nil {
		t.Error("Export of nil")
	}
	if _, err := c.Marshal(); err == nil {
		t.Error("Marshal of nil")
	}
	if c.X5C() != nil {
		t.Error("X5C of nil")
	}
	if _, err := (&Certificate{}).TLSCertificate(); err == nil {
		t.Error("TLSCertificate of a zero Certificate")
	}
}
