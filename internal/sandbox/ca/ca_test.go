package ca

import (
	"crypto/x509"
	"github.com/motpart/motpart/internal/testclock"
	"strings"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/motpart/motpart/internal/sandbox/world"
)

func TestAuthority(t *testing.T) {
	now := testclock.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	a, err := New(now)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Cert().IsCA || !strings.Contains(string(a.PEM()), "BEGIN CERTIFICATE") {
		t.Fatalf("CA %v", a.Cert().Subject)
	}
	srv, err := a.ServerCert("brreg", "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.Leaf.Verify(x509.VerifyOptions{Roots: a.Pool(), DNSName: "127.0.0.1"}); err != nil {
		t.Errorf("server certificate: %v", err)
	}

	tests := []struct {
		name          string
		from, to      time.Time
		wantValidNow  bool
		wantOrgNr     string
		wantExtraName string
	}{
		{"valid", now.Add(-time.Hour), now.AddDate(2, 0, 0), true, world.FirmOrgNr, "NTRNO-" + world.FirmOrgNr},
		{"expired", now.AddDate(-2, 0, 0), now.AddDate(0, 0, -1), false, world.AuditorOrgNr, "NTRNO-" + world.AuditorOrgNr},
	}
	for _, tt := range tests {
		c, err := a.EnterpriseCertificate(tt.wantOrgNr, "TEST AS", tt.from, tt.to)
		if err != nil {
			t.Fatal(err)
		}
		_, leaf, chain, err := pkcs12.DecodeChain(c.Data, c.Password)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if c.Password != DemoBuypassPassword || len(chain) != 1 || leaf.Subject.SerialNumber != tt.wantOrgNr {
			t.Errorf("%s: password %q, chain %d, serialNumber %q", tt.name, c.Password, len(chain), leaf.Subject.SerialNumber)
		}
		extra := ""
		for _, n := range leaf.Subject.Names {
			if n.Type.Equal(OIDOrganizationIdentifier()) {
				extra, _ = n.Value.(string)
			}
		}
		if extra != tt.wantExtraName {
			t.Errorf("%s: organizationIdentifier %q", tt.name, extra)
		}
		_, err = leaf.Verify(x509.VerifyOptions{Roots: a.Pool(), CurrentTime: now, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}})
		if (err == nil) != tt.wantValidNow {
			t.Errorf("%s: verify at %v: %v", tt.name, now, err)
		}
	}
}

func TestDemoCertificates(t *testing.T) {
	// A fixed clock: the file names are compared with fixed dates.
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	a, err := New(now)
	if err != nil {
		t.Fatal(err)
	}
	w, err := world.New()
	if err != nil {
		t.Fatal(err)
	}
	certs, err := a.DemoCertificates(w, now)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ file, password string }{
		{"Certifikat_SokPaVar_" + DemoSCBAPIID + "_2026-11-26 10-00-00Z.pfx", DemoSCBPassword},
		{"Virksomhetssertifikat_" + world.FirmOrgNr + ".p12", DemoBuypassPassword},
		{"Tulorekisteri_" + w.Firm.YTunnus + ".pfx", DemoVeroPassword},
	}
	if len(certs) != len(want) {
		t.Fatalf("%d certificates", len(certs))
	}
	for i, c := range certs {
		if c.FileName != want[i].file || c.Password != want[i].password {
			t.Errorf("certificate %d: %s %s", i, c.FileName, c.Password)
		}
		if _, leaf, _, err := pkcs12.DecodeChain(c.Data, c.Password); err != nil || !leaf.NotAfter.Equal(now.Add(-time.Hour).AddDate(2, 0, 0).Truncate(time.Second)) {
			t.Errorf("%s: %v", c.FileName, err)
		}
	}
}
