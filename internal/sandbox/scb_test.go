package sandbox

import (
	"archive/zip"
	"bytes"
	"crypto/tls"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/certs"
	"github.com/motpart/motpart/internal/sandbox/scb"
)

// scbClient returns a client that trusts the sandbox CA and presents
// cert (none when nil).
func scbClient(s *Sandbox, cert *tls.Certificate) *http.Client {
	tc := &tls.Config{RootCAs: s.CAPool(), MinVersion: tls.VersionTLS12}
	if cert != nil {
		tc.Certificates = []tls.Certificate{*cert}
	}
	return &http.Client{Timeout: 20 * time.Second, Transport: &http.Transport{TLSClientConfig: tc}}
}

func scbPost(t *testing.T, c *http.Client, url, body string) (int, http.Header, string, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b), err
}

// scbCerts issues the certificates the refusal tests present.
func scbCerts(t *testing.T, s *Sandbox) (good, noAPIID, foreign, expired tls.Certificate) {
	t.Helper()
	var err error
	if good, err = s.SCBClientCertificate(); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	open := func(apiID string, from, to time.Time) tls.Certificate {
		dc, err := s.IssueSCBCertificate(apiID, "Exempelbyrån AB", from, to)
		if err != nil {
			t.Fatal(err)
		}
		c, err := TLSCertificate(dc)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	noAPIID = open("", now.Add(-time.Hour), now.AddDate(1, 0, 0))
	expired = open("A00494", now.AddDate(-2, 0, 0), now.Add(-time.Hour))
	other := start(t, Config{}) // another sandbox: another CA
	dc, err := other.IssueSCBCertificate("A00494", "Exempelbyrån AB", now.Add(-time.Hour), now.AddDate(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if foreign, err = TLSCertificate(dc); err != nil {
		t.Fatal(err)
	}
	return good, noAPIID, foreign, expired
}

// TestSCBOverMutualTLS: SCB's simulator answers the demo certificate and
// refuses a missing certificate, one from another CA, an expired one and
// one without an API-Id, with 403 or, when configured, in the handshake.
func TestSCBOverMutualTLS(t *testing.T) {
	for _, handshake := range []bool{false, true} {
		name := "403"
		if handshake {
			name = "handshake"
		}
		t.Run(name, func(t *testing.T) {
			s := start(t, Config{SCBRefuseInHandshake: handshake})
			ep := s.Endpoints()
			if !strings.HasPrefix(ep.SCB, "https://127.0.0.1:") || !strings.HasSuffix(ep.SCB, scb.BasePath) {
				t.Fatalf("SCB endpoint %q", ep.SCB)
			}
			good, noAPIID, foreign, expired := scbCerts(t, s)
			tests := []struct {
				name string
				cert *tls.Certificate
				ok   bool
				text string
			}{
				{"the demo certificate", &good, true, ""},
				{"no certificate", nil, false, "klientcertifikat saknas"},
				{"another CA", &foreign, false, "inte utfärdat av SCB"},
				{"expired", &expired, false, "inte utfärdat av SCB"},
				{"no API-Id", &noAPIID, false, "saknar API-Id"},
			}
			for _, tt := range tests {
				status, _, body, err := scbPost(t, scbClient(s, tt.cert), ep.SCB+"/api/Je/HamtaForetag",
					`{"variabler":[{"Variabel":"OrgNr (10 siffror)","Operator":"ArLikaMed","Varde1":"9696543215","Varde2":""}]}`)
				switch {
				case tt.ok:
					if err != nil || status != 200 || !strings.Contains(body, "Café Åkerblom HB") {
						t.Errorf("%s: %d %q %v", tt.name, status, body, err)
					}
				case handshake:
					if err == nil {
						t.Errorf("%s: %d, want the handshake refused", tt.name, status)
					}
				default:
					if err != nil || status != 403 || !strings.Contains(body, tt.text) {
						t.Errorf("%s: %d %q %v, want 403 with %q", tt.name, status, body, err, tt.text)
					}
				}
			}
		})
	}
}

// TestSCBRateLimitAndFaults: over TLS, the eleventh call in ten seconds
// of the sandbox's clock is refused with 429; a fault switch makes 503
// (maintenance, Swedish text), and latency and malformed bodies reach it.
func TestSCBRateLimitAndFaults(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	s := start(t, Config{Now: clock})
	cert, err := s.SCBClientCertificate()
	if err != nil {
		t.Fatal(err)
	}
	c := scbClient(s, &cert)
	url := s.Endpoints().SCB + "/api/je/raknaforetag"
	body := `{"Kategorier":[{"Kategori":"JuridiskForm","Kod":["10"]}]}`
	for i := range 10 {
		if status, _, got, err := scbPost(t, c, url, body); err != nil || status != 200 || strings.TrimSpace(got) != "3" {
			t.Fatalf("call %d: %d %q %v", i+1, status, got, err)
		}
	}
	if status, h, got, _ := scbPost(t, c, url, body); status != 429 || h.Get("Retry-After") != "" || !strings.Contains(got, "10 anrop per 10 sekunder") {
		t.Errorf("eleventh: %d %q %v", status, got, h)
	}
	mu.Lock()
	now = now.Add(10 * time.Second)
	mu.Unlock()

	tests := []struct {
		name   string
		fault  Fault
		status int
		text   string
	}{
		{"maintenance", Fault{Status: 503, RetryAfter: 30 * time.Second}, 503, "underhåll"},
		{"rate limited by the switch", Fault{Status: 429}, 429, "högst 10 anrop"},
		{"malformed", Fault{Malformed: true}, 200, "\x00}]>#<"},
		{"latency", Fault{Latency: 20 * time.Millisecond}, 200, "3"},
	}
	for _, tt := range tests {
		s.SetFault(ServiceSCB, tt.fault)
		status, h, got, err := scbPost(t, c, url, body)
		if err != nil || status != tt.status || !strings.Contains(got, tt.text) {
			t.Errorf("%s: %d %q %v", tt.name, status, got, err)
		}
		if tt.status == 503 && h.Get("Retry-After") != "30" {
			t.Errorf("%s: Retry-After %q", tt.name, h.Get("Retry-After"))
		}
	}
	s.ClearFaults()
	if n := s.SCBCount("raknaforetag"); n != 12 {
		t.Errorf("raknaforetag answered %d times, want 12", n)
	}
}

// TestSCBSubscriptionAndVariant: the basic demo certificate sees "*" for
// the sector; the sector file's variant switches while running.
func TestSCBSubscriptionAndVariant(t *testing.T) {
	s := start(t, Config{SCBSectorVariant: scb.VariantBransch1P})
	dc, err := s.DemoSCBBasicCertificate()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(dc.FileName, "Certifikat_SokPaVar_"+DemoSCBBasicAPIID+"_") {
		t.Errorf("file name %q", dc.FileName)
	}
	basic, err := TLSCertificate(dc)
	if err != nil {
		t.Fatal(err)
	}
	q := `{"variabler":[{"Variabel":"PeOrgNr","Operator":"ArLikaMed","Varde1":"165566778899","Varde2":""}]}`
	_, _, got, err := scbPost(t, scbClient(s, &basic), s.Endpoints().SCB+"/api/Je/HamtaForetag", q)
	if err != nil || !strings.Contains(got, `"Sektor, kod":"*"`) || !strings.Contains(got, `"Företagsnamn":"Norrsken Kapital AB"`) {
		t.Errorf("basic subscription: %s %v", got, err)
	}
	s.SetSCBSubscription(DemoSCBBasicAPIID, scb.AllGroups()...)
	if _, _, got, _ = scbPost(t, scbClient(s, &basic), s.Endpoints().SCB+"/api/Je/HamtaForetag", q); !strings.Contains(got, `"Sektor, kod":"114000"`) {
		t.Errorf("after SetSCBSubscription: %s", got)
	}

	cert, err := s.SCBClientCertificate()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []scb.Variant{scb.VariantBransch1P, scb.VariantStandard} {
		if v == scb.VariantStandard {
			if err := s.SetSCBSectorVariant(v); err != nil {
				t.Fatal(err)
			}
		}
		status, _, zipped := get(t, scbClient(s, &cert), s.Endpoints().SCB+"/api/Je/SektorFil")
		if status != 200 {
			t.Fatalf("%s: %d", v, status)
		}
		if text := unzipSektor(t, zipped); strings.Contains(text, "Bransch_1P, kod") != (v == scb.VariantStandard) {
			t.Errorf("%s: header %q", v, strings.SplitN(text, "\n", 2)[0])
		}
	}
	if err := s.SetSCBSectorVariant("x"); err == nil {
		t.Error("unknown variant accepted")
	}
	if _, err := New(Config{SCBSectorVariant: "x"}); err == nil {
		t.Error("New accepted an unknown variant")
	}
}

// unzipSektor returns sektor.txt from a zip, decoded from Latin-1.
func unzipSektor(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || len(zr.File) != 1 || zr.File[0].Name != scb.SectorFileName {
		t.Fatalf("sector file: %v", err)
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	raw, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return scb.FromLatin1(raw)
}

// TestSCBCertificatesImport: the SCB certificates the sandbox issues are
// what the certificate wizard imports: the API-Id is read from them and
// they are for SCB.
func TestSCBCertificatesImport(t *testing.T) {
	basic, err := shared.DemoSCBBasicCertificate()
	if err != nil {
		t.Fatal(err)
	}
	other, err := shared.IssueSCBCertificate("A04711", "Exempelbyrån AB", time.Date(2025, 10, 6, 13, 14, 52, 0, time.UTC), time.Date(2027, 10, 6, 13, 14, 52, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if other.FileName != "Certifikat_SokPaVar_A04711_2025-10-06 13-14-52Z.pfx" {
		t.Errorf("file name %q", other.FileName)
	}
	var demo DemoCertificate
	for _, dc := range shared.DemoCertificates() {
		if strings.HasPrefix(dc.FileName, "Certifikat_SokPaVar_") {
			demo = dc
		}
	}
	tests := []struct {
		dc    DemoCertificate
		apiID string
	}{{demo, DemoSCBAPIID}, {basic, DemoSCBBasicAPIID}, {other, "A04711"}}
	for _, tt := range tests {
		c, err := certs.Parse(tt.dc.Data, tt.dc.Password, tt.dc.FileName)
		if err != nil {
			t.Fatalf("%s: %v", tt.dc.FileName, err)
		}
		if id := c.Identity(); id.SCBAPIID != tt.apiID || id.SCBAPIIDFromFileName {
			t.Errorf("%s: API-Id %q (from the file name %v), want %q from the certificate", tt.dc.FileName, id.SCBAPIID, id.SCBAPIIDFromFileName, tt.apiID)
		}
		if !slices.Contains(c.Uses(), certs.UseSCB) {
			t.Errorf("%s: uses %v", tt.dc.FileName, c.Uses())
		}
	}
}
