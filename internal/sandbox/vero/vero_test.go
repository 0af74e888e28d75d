package vero

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/ca"
	"github.com/motpart/motpart/internal/sandbox/fault"
	"github.com/motpart/motpart/internal/sandbox/world"
)

func TestSignNewCertificate(t *testing.T) {
	firm := "3123456-3" // world.FIFirmYTunnus
	tests := []struct {
		name                   string
		env, customer, tid, pw string
		bits                   int
		want                   string // "" for OK, else the PKI code
	}{
		{"good pair", "TEST", firm, world.VeroTransferID, world.VeroTransferPassword, 2048, ""},
		{"production accepted", "PRODUCTION", world.FIYTunnus, world.VeroTransferID2, world.VeroTransferPassword2, 2048, ""},
		{"used before", "TEST", firm, world.VeroUsedTransferID, world.VeroUsedTransferPassword, 2048, CodeTransferPassword},
		{"wrong password", "TEST", firm, world.VeroDemoTransferID, "Vaara1", 2048, CodeTransferPassword},
		{"unknown TransferId", "TEST", firm, "SBX9999999999999", "x", 2048, CodeTransferIDUnknown},
		{"other customer", "TEST", world.FIYTunnus, world.VeroDemoTransferID, world.VeroDemoTransferPassword, 2048, CodeCustomerMismatch},
		{"key not 2048", "TEST", firm, world.VeroDemoTransferID, world.VeroDemoTransferPassword, 1024, CodeBadCSR},
		{"bad environment", "DEV", firm, world.VeroDemoTransferID, world.VeroDemoTransferPassword, 2048, CodeEnvironment},
		{"missing password", "TEST", firm, world.VeroDemoTransferID, "", 2048, CodeMissingField},
	}
	f := newFixture(t, Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, req := csr(t, tt.bits, tt.customer)
			r := f.post(t, signNewXML(tt.env, tt.customer, "Testi Oy", tt.tid, tt.pw, req))
			if r.http != 200 {
				t.Fatalf("HTTP %d:\n%s", r.http, r.body)
			}
			if tt.want == "" {
				if r.status != "OK" || len(r.retrieval) != 16 || r.code != "" {
					t.Fatalf("status %q code %q RetrievalId %q, want OK with an id", r.status, r.code, r.retrieval)
				}
			} else if r.status != "FAIL" || r.code != tt.want || r.retrieval != "" {
				t.Fatalf("status %q code %q RetrievalId %q, want FAIL %s", r.status, r.code, r.retrieval, tt.want)
			}
			if err := verifyReply(r, f.root.Cert(), f.clock.Now()); err != nil {
				t.Fatalf("reply signature: %v", err)
			}
		})
	}
	// The failed attempts left the demo TransferId usable; a success uses
	// it up.
	_, req := csr(t, 2048, firm)
	if r := f.post(t, signNewXML("TEST", firm, "", world.VeroDemoTransferID, world.VeroDemoTransferPassword, req)); r.status != "OK" {
		t.Fatalf("demo pair after failures: %s %s", r.status, r.code)
	}
	if !f.srv.TransferUsed(world.VeroDemoTransferID) {
		t.Fatal("TransferId not marked used")
	}
	if r := f.post(t, signNewXML("TEST", firm, "", world.VeroDemoTransferID, world.VeroDemoTransferPassword, req)); r.code != CodeTransferPassword {
		t.Fatalf("second use: %s %s, want %s", r.status, r.code, CodeTransferPassword)
	}
	if got := f.srv.Count(opSign); got != len(tests)+2 {
		t.Fatalf("Count(SignNewCertificate) = %d, want %d", got, len(tests)+2)
	}
}

func TestGetCertificateAfterDelay(t *testing.T) {
	f := newFixture(t, Options{ReadyAfter: 30 * time.Second})
	firm := f.w.Firm.YTunnus
	key, req := csr(t, 2048, "ignored")
	r := f.post(t, signNewXML("TEST", firm, "Fjordlys Tilitoimisto Oy", world.VeroTransferID, world.VeroTransferPassword, req))
	if r.status != "OK" {
		t.Fatalf("sign: %s %s", r.status, r.code)
	}
	steps := []struct {
		name    string
		advance time.Duration
		rid     string
		want    string
	}{
		{"not ready yet", 29 * time.Second, r.retrieval, CodeNotReady},
		{"unknown id", 0, "FFFFFFFFFFFFFFFF", CodeRetrievalIDUnknown},
		{"ready", time.Second, r.retrieval, ""},
		{"ready again", time.Minute, r.retrieval, ""},
	}
	for _, st := range steps {
		f.clock.Add(st.advance)
		g := f.post(t, getXML(firm, st.rid))
		if err := verifyReply(g, f.root.Cert(), f.clock.Now()); err != nil {
			t.Fatalf("%s: reply signature: %v", st.name, err)
		}
		if st.want != "" {
			if g.code != st.want || g.cert != nil {
				t.Fatalf("%s: %s %s, want %s", st.name, g.status, g.code, st.want)
			}
			continue
		}
		if g.status != "OK" || g.cert == nil {
			t.Fatalf("%s: %s %s, want a certificate", st.name, g.status, g.code)
		}
		c := g.cert
		if c.Subject.CommonName != firm || c.Subject.Organization[0] != "Fjordlys Tilitoimisto Oy" || c.Subject.Country[0] != "FI" {
			t.Fatalf("%s: subject %v", st.name, c.Subject)
		}
		if c.Issuer.CommonName != ca.VeroIssuerName || c.CheckSignatureFrom(f.pki.Issuer()) != nil {
			t.Fatalf("%s: issuer %v", st.name, c.Issuer)
		}
		if !c.NotBefore.Equal(t0) || !c.NotAfter.Equal(t0.Add(ca.VeroValidity)) {
			t.Fatalf("%s: valid %v – %v, want two years from %v", st.name, c.NotBefore, c.NotAfter, t0)
		}
		if c.KeyUsage != x509.KeyUsageDigitalSignature|x509.KeyUsageKeyEncipherment {
			t.Fatalf("%s: key usage %v", st.name, c.KeyUsage)
		}
		if !key.PublicKey.Equal(c.PublicKey) {
			t.Fatalf("%s: the certificate is not for the CSR's key", st.name)
		}
	}
	if g := f.post(t, getXML(world.FIYTunnus, r.retrieval)); g.code != CodeRetrievalIDUnknown {
		t.Fatalf("another customer's RetrievalId: %s %s", g.status, g.code)
	}
}

func TestRenewCertificate(t *testing.T) {
	const cust = "2331972-7"
	tests := []struct {
		name     string
		age      time.Duration // how long before the renewal the certificate was issued
		noWindow bool
		signer   string // "current", "root" (a sandbox CA certificate), "none", "tampered"
		customer string
		want     string
	}{
		{"in the window", ca.VeroValidity - 30*24*time.Hour, false, "current", cust, ""},
		{"first day of the window", ca.VeroValidity - RenewWindow, false, "current", cust, ""},
		{"too early", ca.VeroValidity - 61*24*time.Hour, false, "current", cust, CodeOutsideWindow},
		{"too early, window off", 24 * time.Hour, true, "current", cust, ""},
		{"expired", ca.VeroValidity + time.Hour, false, "current", cust, CodeBadSignature},
		{"unsigned", ca.VeroValidity - 30*24*time.Hour, false, "none", cust, CodeBadSignature},
		{"tampered", ca.VeroValidity - 30*24*time.Hour, false, "tampered", cust, CodeBadSignature},
		{"signer not from the Vero CA", ca.VeroValidity - 30*24*time.Hour, false, "root", cust, CodeBadSignature},
		{"other customer", ca.VeroValidity - 30*24*time.Hour, false, "current", "0201256-6", CodeBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, Options{NoRenewWindow: tt.noWindow})
			key, cert := f.currentCert(t, cust, t0)
			if tt.signer == "root" {
				var err error
				cert, err = f.root.Issue(&x509.Certificate{Subject: cert.Subject, NotBefore: cert.NotBefore, NotAfter: cert.NotAfter,
					KeyUsage: x509.KeyUsageDigitalSignature}, &key.PublicKey)
				if err != nil {
					t.Fatal(err)
				}
			}
			f.clock.Add(tt.age)
			newKey, req := csr(t, 2048, cust)
			signKey := key
			if tt.signer == "none" {
				signKey = nil
			}
			r := f.post(t, renewXML(t, tt.customer, req, signKey, cert, tt.signer == "tampered"))
			if err := verifyReply(r, f.root.Cert(), f.clock.Now()); err != nil {
				t.Fatalf("reply signature: %v", err)
			}
			if tt.want != "" {
				if r.status != "FAIL" || r.code != tt.want {
					t.Fatalf("%s %s, want FAIL %s", r.status, r.code, tt.want)
				}
				return
			}
			if r.status != "OK" || r.retrieval == "" {
				t.Fatalf("%s %s, want OK", r.status, r.code)
			}
			g := f.post(t, getXML(cust, r.retrieval))
			if g.cert == nil || !newKey.PublicKey.Equal(g.cert.PublicKey) || g.cert.Subject.CommonName != cust ||
				!g.cert.NotAfter.Equal(f.clock.Now().Add(ca.VeroValidity)) {
				t.Fatalf("renewed certificate: %s %s %v", g.status, g.code, g.cert)
			}
			// The old certificate is superseded: it cannot renew again.
			_, req2 := csr(t, 2048, cust)
			if again := f.post(t, renewXML(t, cust, req2, key, cert, false)); again.code != CodeBadSignature {
				t.Fatalf("renewal with the superseded certificate: %s %s", again.status, again.code)
			}
		})
	}
}

func TestRenewWindowSwitch(t *testing.T) {
	f := newFixture(t, Options{})
	key, cert := f.currentCert(t, "2331972-7", t0)
	for _, on := range []bool{true, false} {
		f.srv.SetRenewWindow(on)
		_, req := csr(t, 2048, "x")
		r := f.post(t, renewXML(t, "2331972-7", req, key, cert, false))
		want := CodeOutsideWindow
		if !on {
			want = ""
		}
		if r.code != want {
			t.Fatalf("window %v: %s %q, want %q", on, r.status, r.code, want)
		}
	}
}

func TestReplySignatureFaults(t *testing.T) {
	tests := []struct {
		spoil fault.VeroSignature
		ok    bool
	}{
		{"", true},
		{fault.VeroUnsigned, false},
		{fault.VeroTampered, false},
		{fault.VeroForeignSigner, false},
	}
	f := newFixture(t, Options{})
	for _, tt := range tests {
		t.Run(string(tt.spoil), func(t *testing.T) {
			f.setFault(tt.spoil)
			_, req := csr(t, 2048, "x")
			r := f.post(t, signNewXML("TEST", f.w.Firm.YTunnus, "", world.VeroTransferID, "wrong", req))
			if r.code != CodeTransferPassword {
				t.Fatalf("%s %s", r.status, r.code)
			}
			err := verifyReply(r, f.root.Cert(), f.clock.Now())
			if (err == nil) != tt.ok {
				t.Fatalf("verify: %v, want ok=%v", err, tt.ok)
			}
			if tt.spoil == fault.VeroUnsigned && err != errNoSignature {
				t.Fatalf("unsigned reply: %v", err)
			}
		})
	}
}

func TestMalformedRequests(t *testing.T) {
	f := newFixture(t, Options{})
	for _, body := range []string{
		"not xml",
		`<a/>`,
		`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body/></soapenv:Envelope>`,
		`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><x:FooRequest xmlns:x="` + Namespace + `"/></soapenv:Body></soapenv:Envelope>`,
		`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><x:GetCertificateRequest xmlns:x="` + Namespace + `"><x:Environment>TEST</x:Environment></x:GetCertificateRequest></soapenv:Body></soapenv:Envelope>`,
	} {
		r := f.postRaw(t, body)
		if r.http != 500 || r.status != "Fault" {
			t.Fatalf("%q: HTTP %d %s, want a SOAP Fault with 500", body, r.http, r.status)
		}
	}
}

// TestRenewDemoCertificate renews certificates the sandbox CA issued
// itself (the demo .pfx): accepted with country FI when DemoIssuer is the
// sandbox CA, refused otherwise.
func TestRenewDemoCertificate(t *testing.T) {
	const cust = "0201256-6"
	tests := []struct {
		name    string
		country string
		demo    bool // DemoIssuer set
		want    string
	}{
		{"demo certificate", "FI", true, ""},
		{"demo issuer not set", "FI", false, CodeBadSignature},
		{"not Finnish", "SE", true, CodeBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, Options{NoRenewWindow: true})
			if tt.demo {
				f.srv.opts.DemoIssuer = f.root.Cert()
			}
			key, _ := csr(t, 2048, cust)
			cert, err := f.root.Issue(&x509.Certificate{Subject: pkix.Name{CommonName: cust, Country: []string{tt.country}},
				NotBefore: t0, NotAfter: t0.Add(ca.VeroValidity), KeyUsage: x509.KeyUsageDigitalSignature}, &key.PublicKey)
			if err != nil {
				t.Fatal(err)
			}
			_, req := csr(t, 2048, cust)
			r := f.post(t, renewXML(t, cust, req, key, cert, false))
			if r.code != tt.want || (tt.want == "") != (r.status == "OK") {
				t.Fatalf("%s %q, want %q", r.status, r.code, tt.want)
			}
		})
	}
}

func TestPathsAndMethods(t *testing.T) {
	f := newFixture(t, Options{})
	tests := []struct {
		method, path string
		want         int
	}{
		{http.MethodPost, DevPath, http.StatusOK},
		{http.MethodPost, Path, http.StatusOK},
		{http.MethodGet, Path, http.StatusMethodNotAllowed},
		{http.MethodPost, "/2017/10/Other", http.StatusNotFound},
	}
	for _, tt := range tests {
		env := `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>` + getXML(f.w.Firm.YTunnus, "1") + `</s:Body></s:Envelope>`
		env = strings.Replace(env, "<cer:GetCertificateRequest>", `<cer:GetCertificateRequest xmlns:cer="`+Namespace+`">`, 1)
		req := httptest.NewRequest(tt.method, tt.path, strings.NewReader(env))
		rec := httptest.NewRecorder()
		f.srv.ServeHTTP(rec, req)
		if rec.Code != tt.want {
			t.Errorf("%s %s: %d, want %d\n%s", tt.method, tt.path, rec.Code, tt.want, rec.Body)
		}
		if tt.want == http.StatusOK && !strings.Contains(rec.Body.String(), "<ErrorCode>"+CodeRetrievalIDUnknown+"</ErrorCode>") {
			t.Errorf("%s %s: %s", tt.method, tt.path, rec.Body)
		}
	}
}
