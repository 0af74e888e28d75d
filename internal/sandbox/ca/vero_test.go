package ca

import (
	"crypto/rsa"
	"crypto/x509"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

func TestVeroPKI(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	root, err := New(now)
	if err != nil {
		t.Fatal(err)
	}
	v, err := root.NewVero(now)
	if err != nil {
		t.Fatal(err)
	}
	roots := root.Pool()
	if _, err := v.Issuer().Verify(x509.VerifyOptions{Roots: roots, CurrentTime: now}); err != nil || !v.Issuer().IsCA ||
		v.Issuer().Subject.CommonName != VeroIssuerName {
		t.Fatalf("issuing CA %v: %v", v.Issuer().Subject, err)
	}
	signer := v.Signer()
	if _, err := signer.Leaf.Verify(x509.VerifyOptions{Roots: roots, CurrentTime: now, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}}); err != nil ||
		signer.Leaf.Subject.CommonName != VeroSignerName || signer.Leaf.IsCA {
		t.Fatalf("signer %v: %v", signer.Leaf.Subject, err)
	}
	if _, ok := signer.PrivateKey.(*rsa.PrivateKey); !ok {
		t.Fatalf("signer key %T, want RSA", signer.PrivateKey)
	}
	tests := []struct {
		name      string
		notBefore time.Time
		notAfter  time.Time
	}{
		{"current", now, now.Add(VeroValidity)},
		{"ends in 30 days", now.Add(-VeroValidity + 30*24*time.Hour), now.Add(30 * 24 * time.Hour)},
	}
	inter := x509.NewCertPool()
	inter.AddCert(v.Issuer())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dc, err := v.Certificate("0116297-6", "Testi Oy", tt.notBefore, tt.notAfter)
			if err != nil {
				t.Fatal(err)
			}
			key, leaf, chain, err := pkcs12.DecodeChain(dc.Data, DemoVeroPassword)
			if err != nil {
				t.Fatal(err)
			}
			if leaf.Subject.CommonName != "0116297-6" || leaf.Subject.Organization[0] != "Testi Oy" || leaf.Subject.Country[0] != "FI" ||
				!leaf.NotBefore.Equal(tt.notBefore) || !leaf.NotAfter.Equal(tt.notAfter) || len(chain) != 2 {
				t.Fatalf("leaf %v %v–%v, chain %d", leaf.Subject, leaf.NotBefore, leaf.NotAfter, len(chain))
			}
			if !v.Issued(leaf) || !key.(*rsa.PrivateKey).PublicKey.Equal(leaf.PublicKey) {
				t.Fatal("not issued by the Vero CA for its key")
			}
			if _, err := leaf.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, CurrentTime: now,
				KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}); err != nil {
				t.Fatalf("chain: %v", err)
			}
		})
	}
	if v.Issued(signer.Leaf) {
		t.Fatal("the services signer counts as a customer certificate")
	}
}
