package sandbox

import (
	"context"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/ca"
	"github.com/motpart/motpart/internal/sandbox/world"

	"github.com/motpart/motpart/internal/ident"
	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

func TestDemoCertificates(t *testing.T) {
	t.Parallel()
	// A fixed clock: the file names are compared with fixed dates.
	now := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	s, err := New(Config{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	certs := s.DemoCertificates()
	if len(certs) != 3 {
		t.Fatalf("%d demo certificates, want 3", len(certs))
	}
	w := s.World()
	opts := x509.VerifyOptions{Roots: s.CAPool(), KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}, CurrentTime: now}
	for i, dc := range certs {
		if dc.Password == "" || dc.Description == "" || dc.FileName == "" {
			t.Errorf("certificate %d: empty field: %+v", i, dc)
		}
		key, leaf, chain, err := pkcs12.DecodeChain(dc.Data, dc.Password)
		if err != nil {
			t.Fatalf("%s: decoding with the stated password: %v", dc.FileName, err)
		}
		if _, _, err := pkcs12.Decode(dc.Data, "wrong"); err == nil {
			t.Errorf("%s: opens with a wrong password", dc.FileName)
		}
		if len(chain) != 1 || !chain[0].Equal(parseCA(t, s)) {
			t.Errorf("%s: the chain does not hold the sandbox CA", dc.FileName)
		}
		if _, err := leaf.Verify(opts); err != nil {
			t.Errorf("%s: does not verify against CAPool for client auth: %v", dc.FileName, err)
		}
		rk, ok := key.(*rsa.PrivateKey)
		if !ok || rk.N.BitLen() != 2048 || !rk.PublicKey.Equal(leaf.PublicKey) {
			t.Errorf("%s: key %T, want the certificate's RSA 2048 key", dc.FileName, key)
		}
		if !leaf.NotAfter.After(now.AddDate(1, 11, 0)) || leaf.NotBefore.After(now) {
			t.Errorf("%s: valid %v to %v", dc.FileName, leaf.NotBefore, leaf.NotAfter)
		}
		subj := leaf.Subject
		switch i {
		case 0: // SCB
			re := regexp.MustCompile(`^Certifikat_SokPaVar_(A\d{5})_(\d{4}-\d{2}-\d{2} \d{2}-\d{2}-\d{2}Z)\.pfx$`)
			m := re.FindStringSubmatch(dc.FileName)
			if m == nil || m[1] != DemoSCBAPIID || m[2] != "2026-03-04 05-06-07Z" {
				t.Errorf("SCB file name %q", dc.FileName)
			}
			if !strings.Contains(subj.CommonName, DemoSCBAPIID) || subj.Organization[0] != w.Firm.SEName || subj.Country[0] != "SE" {
				t.Errorf("SCB subject %v", subj)
			}
			if dc.Password != DemoSCBPassword {
				t.Errorf("SCB password %q", dc.Password)
			}
		case 1: // Norwegian enterprise certificate
			orgID := ""
			for _, a := range subj.Names {
				if a.Type.Equal(ca.OIDOrganizationIdentifier()) {
					orgID, _ = a.Value.(string)
				}
			}
			if orgID != "NTRNO-"+world.FirmOrgNr || subj.SerialNumber != world.FirmOrgNr || subj.CommonName != w.Firm.Name ||
				subj.Organization[0] != w.Firm.Name || subj.Country[0] != "NO" {
				t.Errorf("Norwegian subject %v (organizationIdentifier %q)", subj, orgID)
			}
			if len(leaf.ExtKeyUsage) != 1 || leaf.ExtKeyUsage[0] != x509.ExtKeyUsageClientAuth {
				t.Errorf("Norwegian EKU %v", leaf.ExtKeyUsage)
			}
		case 2: // Finnish
			n, err := ident.Parse(subj.CommonName, ident.Options{Country: ident.CountryFI})
			if err != nil || n.Kind() != ident.FIYTunnus || n.String() != w.Firm.YTunnus {
				t.Errorf("Finnish CN %q: %v", subj.CommonName, err)
			}
			if subj.Organization[0] != w.Firm.FIName || subj.Country[0] != "FI" {
				t.Errorf("Finnish subject %v", subj)
			}
		}
	}
	// The same certificates every time, and copies.
	again := s.DemoCertificates()
	if again[0].FileName != certs[0].FileName || string(again[0].Data) != string(certs[0].Data) {
		t.Error("DemoCertificates changes between calls")
	}
	again[0].Data[0] ^= 0xff
	if s.DemoCertificates()[0].Data[0] == again[0].Data[0] {
		t.Error("DemoCertificates hands out its own slices")
	}

	dir := filepath.Join(t.TempDir(), "demo")
	if err := s.WriteDemoCertificates(dir); err != nil {
		t.Fatal(err)
	}
	for _, dc := range certs {
		fi, err := os.Stat(filepath.Join(dir, dc.FileName))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 || fi.Size() != int64(len(dc.Data)) {
			t.Errorf("%s: mode %v size %d", dc.FileName, fi.Mode().Perm(), fi.Size())
		}
	}
	// Rewriting tightens a file left readable by others.
	p := filepath.Join(dir, certs[0].FileName)
	if err := os.Chmod(p, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteDemoCertificates(dir); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
		t.Errorf("rewritten file mode %v", fi.Mode().Perm())
	}
}

func parseCA(t *testing.T, s *Sandbox) *x509.Certificate {
	t.Helper()
	block, _ := pem.Decode(s.CACertPEM())
	if block == nil || block.Type != "CERTIFICATE" {
		t.Fatal("CACertPEM is not a PEM certificate")
	}
	ca, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return ca
}

func TestServerCertificates(t *testing.T) {
	t.Parallel()
	ca := parseCA(t, shared)
	if !ca.IsCA || ca.PublicKeyAlgorithm != x509.ECDSA {
		t.Errorf("CA: IsCA %v, key %v", ca.IsCA, ca.PublicKeyAlgorithm)
	}
	ep := shared.Endpoints()
	for _, endpoint := range []string{ep.Brreg, ep.Grunndata, ep.Maskinporten, ep.RRH} {
		u, err := url.Parse(endpoint)
		if err != nil {
			t.Fatal(err)
		}
		if u.Hostname() != "127.0.0.1" || u.Scheme != "https" {
			t.Errorf("endpoint %s", endpoint)
		}
		for _, name := range []string{"127.0.0.1", "localhost"} {
			conn, err := tls.Dial("tcp", u.Host, &tls.Config{RootCAs: shared.CAPool(), ServerName: name, MinVersion: tls.VersionTLS12})
			if err != nil {
				t.Errorf("%s as %s: %v", u.Host, name, err)
				continue
			}
			leaf := conn.ConnectionState().PeerCertificates[0]
			conn.Close()
			if _, err := leaf.Verify(x509.VerifyOptions{Roots: shared.CAPool(), DNSName: name}); err != nil {
				t.Errorf("%s: server certificate for %s: %v", u.Host, name, err)
			}
		}
		// A client that trusts only the system roots refuses the sandbox.
		conn, err := tls.Dial("tcp", u.Host, &tls.Config{ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12})
		if err == nil {
			conn.Close()
			t.Errorf("%s: trusted without the sandbox CA", u.Host)
		}
	}
}

func TestLifecycle(t *testing.T) {
	t.Parallel()
	s, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Endpoints() != (Endpoints{}) {
		t.Error("endpoints before Start")
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close before Start: %v", err)
	}
	if err := s.Start(t.Context()); err == nil {
		t.Error("Start after Close")
	}

	// A fixed port.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	s = start(t, Config{Ports: map[Service]int{ServiceGrunndata: port}})
	if want := "https://127.0.0.1:" + strconv.Itoa(port) + "/grunndata/ErFr"; s.Endpoints().Grunndata != want {
		t.Errorf("grunndata endpoint %s, want %s", s.Endpoints().Grunndata, want)
	}
	if !strings.HasSuffix(s.Endpoints().Brreg, "/enhetsregisteret/api") || strings.Contains(s.Endpoints().Brreg, ":"+strconv.Itoa(port)+"/") {
		t.Errorf("brreg endpoint %s", s.Endpoints().Brreg)
	}
	if err := s.Start(t.Context()); err == nil {
		t.Error("second Start")
	}
	if status, _, _ := get(t, client(s), s.Endpoints().Brreg+"/enheter/"+world.RichestOrgNr); status != 200 {
		t.Errorf("status %d", status)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}

	// A port in use fails the start, and a cancelled context too.
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	s2, _ := New(Config{Ports: map[Service]int{ServiceBrreg: busy.Addr().(*net.TCPAddr).Port}})
	if err := s2.Start(t.Context()); err == nil {
		t.Error("Start on a busy port")
	}
	s3, _ := New(Config{})
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := s3.Start(ctx); err == nil {
		t.Error("Start with a cancelled context")
	}
}
