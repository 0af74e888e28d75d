package sandbox

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/motpart/motpart/internal/sandbox/ca"
	"github.com/motpart/motpart/internal/sandbox/vero"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// postVero sends one request element to Vero's simulator over TLS and
// returns the HTTP status and the body.
func postVero(t *testing.T, s *Sandbox, inner string) (int, string) {
	t.Helper()
	env := `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cer="` + vero.Namespace +
		`"><soapenv:Body>` + inner + `</soapenv:Body></soapenv:Envelope>`
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, s.Endpoints().Vero, strings.NewReader(env))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	req.Header.Set("SOAPAction", `""`)
	resp, err := client(s).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

var veroField = regexp.MustCompile(`<(RetrievalId|Status|ErrorCode|Certificate)>([^<]*)<`)

func veroFields(body string) map[string]string {
	m := make(map[string]string)
	for _, g := range veroField.FindAllStringSubmatch(body, -1) {
		m[g[1]] = g[2]
	}
	return m
}

type veroClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *veroClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *veroClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func TestVeroOverTLS(t *testing.T) {
	clk := &veroClock{now: time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)}
	s := start(t, Config{Now: clk.Now, VeroReadyAfter: 30 * time.Second})
	if !strings.HasSuffix(s.Endpoints().Vero, vero.Path) || !strings.HasPrefix(s.Endpoints().Vero, "https://127.0.0.1:") {
		t.Fatalf("Endpoints().Vero = %q", s.Endpoints().Vero)
	}
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{Subject: pkix.Name{CommonName: world.FIFirmYTunnus},
		SignatureAlgorithm: x509.SHA256WithRSA}, key)
	if err != nil {
		t.Fatal(err)
	}
	firm := s.World().Firm
	sign := `<cer:SignNewCertificateRequest><Environment>TEST</Environment><CustomerId>` + firm.YTunnus + `</CustomerId><TransferId>` +
		VeroTransferID + `</TransferId><TransferPassword>` + VeroTransferPassword + `</TransferPassword><CertificateRequest>` +
		base64.StdEncoding.EncodeToString(der) + `</CertificateRequest></cer:SignNewCertificateRequest>`
	code, body := postVero(t, s, sign)
	f := veroFields(body)
	if code != 200 || f["Status"] != "OK" || f["RetrievalId"] == "" || !strings.Contains(body, "<ds:Signature") {
		t.Fatalf("SignNewCertificate: %d\n%s", code, body)
	}
	if !s.VeroTransferUsed(VeroTransferID) {
		t.Fatal("TransferId not used")
	}
	get := `<cer:GetCertificateRequest><Environment>TEST</Environment><CustomerId>` + firm.YTunnus + `</CustomerId><RetrievalId>` +
		f["RetrievalId"] + `</RetrievalId></cer:GetCertificateRequest>`
	if _, body := postVero(t, s, get); veroFields(body)["ErrorCode"] != vero.CodeNotReady {
		t.Fatalf("GetCertificate at once:\n%s", body)
	}
	clk.add(30 * time.Second)
	_, body = postVero(t, s, get)
	certDER, err := base64.StdEncoding.DecodeString(veroFields(body)["Certificate"])
	if err != nil {
		t.Fatalf("GetCertificate:\n%s", body)
	}
	cert, err := x509.ParseCertificate(certDER)
	if err != nil {
		t.Fatal(err)
	}
	issuerPEM, err := s.VeroIssuerPEM()
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(issuerPEM)
	issuer, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	inter := x509.NewCertPool()
	inter.AddCert(issuer)
	if _, err := cert.Verify(x509.VerifyOptions{Roots: s.CAPool(), Intermediates: inter, CurrentTime: clk.Now(),
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}}); err != nil {
		t.Fatalf("issued certificate does not chain to the sandbox CA: %v", err)
	}
	if cert.Subject.CommonName != firm.YTunnus || !cert.NotAfter.Equal(clk.Now().Add(-30*time.Second).Add(ca.VeroValidity)) {
		t.Fatalf("issued: %v until %v", cert.Subject, cert.NotAfter)
	}
	if s.VeroCount("SignNewCertificate") != 1 || s.VeroCount("GetCertificate") != 2 {
		t.Fatalf("counts: sign %d get %d", s.VeroCount("SignNewCertificate"), s.VeroCount("GetCertificate"))
	}

	// The test hook issues certificates of the same CA.
	demo, err := s.VeroCertificate(world.FIYTunnus, "Pohjoistuuli Energia Oy", clk.Now(), clk.Now().Add(ca.VeroValidity))
	if err != nil {
		t.Fatal(err)
	}
	_, dc, _, err := pkcs12.DecodeChain(demo.Data, demo.Password)
	if err != nil || dc.Subject.CommonName != world.FIYTunnus || dc.CheckSignatureFrom(issuer) != nil {
		t.Fatalf("VeroCertificate: %v %v", err, dc)
	}

	tests := []struct {
		name  string
		fault Fault
		code  int
		check func(string) bool
	}{
		{"503", Fault{Status: 503}, 503, func(b string) bool { return strings.Contains(b, "<faultcode>soap:Server</faultcode>") }},
		{"500", Fault{Status: 500}, 500, func(b string) bool { return strings.Contains(b, "soap:Fault") }},
		{"malformed", Fault{Malformed: true}, 200, func(b string) bool { return strings.Contains(b, "\x00}]>#<") }},
		{"unsigned", Fault{VeroSignature: VeroUnsigned}, 200, func(b string) bool {
			return !strings.Contains(b, "Signature") && veroFields(b)["Status"] == "FAIL"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.SetFault(ServiceVero, tt.fault)
			defer s.SetFault(ServiceVero, Fault{})
			code, body := postVero(t, s, sign) // the TransferId is used now: FAIL when answered
			if code != tt.code || !tt.check(body) {
				t.Fatalf("%d\n%q", code, body)
			}
		})
	}
}
