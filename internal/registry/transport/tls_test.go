package transport

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestSelfSignedRefused(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Error("the request reached an untrusted server")
	}))
	defer srv.Close()
	for name, cfg := range map[string]Config{
		"system roots":    {},
		"other root pool": {RootCAs: x509.NewCertPool()},
	} {
		c := newClient(t, cfg)
		_, err := get(t, c, context.Background(), srv.URL)
		te := asError(t, err, KindTLS)
		if !strings.Contains(te.Error(), "127.0.0.1") {
			t.Errorf("%s: message %q does not name the host", name, te.Error())
		}
		var cve *tls.CertificateVerificationError
		if !errors.As(err, &cve) {
			t.Errorf("%s: %v does not wrap the verification error", name, err)
		}
	}
}

func TestExtraRootsPEM(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "trusted")
	}))
	defer srv.Close()
	pemBytes := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
	for name, cfg := range map[string]Config{
		"with system roots": {ExtraRootsPEM: pemBytes},
		"with RootCAs":      {RootCAs: x509.NewCertPool(), ExtraRootsPEM: pemBytes},
	} {
		c := newClient(t, cfg)
		resp, err := get(t, c, context.Background(), srv.URL)
		if err != nil || string(resp.Body) != "trusted" {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestOldTLSRefused(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	srv.TLS = &tls.Config{MinVersion: tls.VersionTLS10, MaxVersion: tls.VersionTLS11}
	srv.StartTLS()
	defer srv.Close()
	c := newClient(t, trusting(srv, Config{}))
	_, err := get(t, c, context.Background(), srv.URL)
	asError(t, err, KindTLS)
}

// testCA makes a CA and a client certificate it issued.
func testCA(t *testing.T) (*x509.CertPool, tls.Certificate) {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	caTmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "Motpart test CA"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: "Certifikat_SokPaVar_A00001", SerialNumber: "923609016"},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	return pool, tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

func TestMutualTLS(t *testing.T) {
	pool, cert := testCA(t)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, r.TLS.PeerCertificates[0].Subject.SerialNumber)
	}))
	srv.TLS = &tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool}
	srv.StartTLS()
	defer srv.Close()

	c := newClient(t, trusting(srv, Config{ClientCert: &cert}))
	resp, err := get(t, c, context.Background(), srv.URL)
	if err != nil || string(resp.Body) != "923609016" {
		t.Fatalf("with a client certificate: %v", err)
	}

	c = newClient(t, trusting(srv, Config{Retries: -1}))
	_, err = get(t, c, context.Background(), srv.URL)
	asError(t, err, KindTLS)
}
