package vero

import (
	"context"
	"crypto/x509"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/beevik/etree"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/transport"
)

// fakeVero answers with canned payloads, signed with signer's key, and
// records the requests.
type fakeVero struct {
	t       *testing.T
	signer  *pki
	mu      sync.Mutex
	actions []string
	bodies  []*etree.Document
	answer  func(op string) string // the payload's children for an operation
}

func (f *fakeVero) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(b); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	f.actions = append(f.actions, r.Header.Get("SOAPAction"))
	f.bodies = append(f.bodies, doc)
	f.mu.Unlock()
	req := doc.FindElement("/Envelope/Body/*")
	op := strings.TrimSuffix(req.Tag, "Request")
	el := etree.NewElement("ns2:" + op + "Response")
	el.CreateAttr("xmlns:ns2", Namespace)
	inner := etree.NewDocument()
	if err := inner.ReadFromString("<x>" + f.answer(op) + "</x>"); err != nil {
		f.t.Error(err)
	}
	for _, c := range inner.Root().ChildElements() {
		el.AddChild(c)
	}
	signed, err := signEnveloped(el, f.signer.leafKey, f.signer.leaf)
	if err != nil {
		f.t.Error(err)
	}
	out := etree.NewDocument()
	env := out.CreateElement("SOAP-ENV:Envelope")
	env.CreateAttr("xmlns:SOAP-ENV", soapNS)
	env.CreateElement("SOAP-ENV:Body").AddChild(signed)
	_, _ = out.WriteTo(w)
}

var (
	servicesOnce sync.Once
	services     *pki
)

// servicesPKI is one services CA and signer for the fake's tests (RSA keys
// take a moment to make).
func servicesPKI(t *testing.T) *pki {
	servicesOnce.Do(func() { services = newPKI(t, "Vero services") })
	return services
}

func newFake(t *testing.T, answer func(op string) string) (*Client, *fakeVero) {
	t.Helper()
	f := &fakeVero{t: t, signer: servicesPKI(t), answer: answer}
	srv := httptest.NewTLSServer(f)
	t.Cleanup(srv.Close)
	roots := x509.NewCertPool()
	roots.AddCert(srv.Certificate())
	hc, err := transport.New(transport.Config{RootCAs: roots, Retries: -1})
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(Config{URL: srv.URL + "/2017/10/CertificateServices", Environment: EnvTest, ServicesCA: f.signer.pool(), Now: func() time.Time { return testNow }}, hc)
	if err != nil {
		t.Fatal(err)
	}
	return c, f
}

func TestSignNewCertificateRequestShape(t *testing.T) {
	c, f := newFake(t, func(string) string { return `<RetrievalId>R42</RetrievalId><Result><Status>OK</Status></Result>` })
	key, err := NewKey()
	if err != nil {
		t.Fatal(err)
	}
	csr, err := CSR(key, "0116297-6", "Testi Oy")
	if err != nil {
		t.Fatal(err)
	}
	id, err := c.SignNewCertificate(context.Background(), "0116297-6", "Testi Oy", "T1", []byte("Pass<&>1"), csr)
	if err != nil || id != "R42" {
		t.Fatalf("SignNewCertificate = %q, %v", id, err)
	}
	if f.actions[0] != `"signNewCertificate"` {
		t.Errorf("SOAPAction %s", f.actions[0])
	}
	req := f.bodies[0].FindElement("/Envelope/Body/*")
	if req.Tag != "SignNewCertificateRequest" || req.NamespaceURI() != Namespace {
		t.Fatalf("request element {%s}%s", req.NamespaceURI(), req.Tag)
	}
	var names []string
	for _, ch := range req.ChildElements() {
		if ch.Space != "" || ch.NamespaceURI() != "" {
			t.Errorf("child %s is qualified (%s)", ch.Tag, ch.NamespaceURI())
		}
		names = append(names, ch.Tag)
	}
	if got, want := strings.Join(names, ","), "Environment,CustomerId,CustomerName,TransferId,TransferPassword,CertificateRequest"; got != want {
		t.Errorf("children %s, want %s", got, want)
	}
	for path, want := range map[string]string{"Environment": "TEST", "CustomerId": "0116297-6", "TransferPassword": "Pass<&>1"} {
		if got := childText(req, path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	der, err := base64.StdEncoding.DecodeString(childText(req, "CertificateRequest"))
	if err != nil {
		t.Fatal(err)
	}
	cr, err := x509.ParseCertificateRequest(der)
	if err != nil {
		t.Fatal(err)
	}
	if cr.Subject.String() != "CN=0116297-6,O=Testi Oy,C=FI" || cr.SignatureAlgorithm != x509.SHA256WithRSA || cr.CheckSignature() != nil {
		t.Errorf("CSR subject %s, algorithm %v", cr.Subject, cr.SignatureAlgorithm)
	}
	if pub, ok := cr.PublicKey.(interface{ Size() int }); !ok || pub.Size() != 256 {
		t.Errorf("CSR key is not RSA-2048")
	}
}

func TestFailAnswersMapToProblems(t *testing.T) {
	tests := []struct {
		code string
		want problem.Code
	}{
		{"PKI001", problem.CodeVeroTransferIDUnknown},
		{"PKI002", problem.CodeVeroTransferPassword},
		{"PKI003", problem.CodeVeroCSRRejected},
		{"PKI004", problem.CodeVeroRetrievalUnknown},
		{"PKI005", problem.CodeVeroNotReady},
		{"PKI006", problem.CodeVeroRenewalRefused},
		{"PKI007", problem.CodeVeroRenewalTooEarly},
		{"PKI008", problem.CodeVeroWrongEnvironment},
		{"PKI099", problem.CodeVeroError},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			c, _ := newFake(t, func(string) string {
				return `<Result><Status>FAIL</Status><ErrorInfo><ErrorCode>` + tt.code + `</ErrorCode><ErrorMessage>sanottu</ErrorMessage></ErrorInfo></Result>`
			})
			_, err := c.GetCertificate(context.Background(), "0116297-6", "", "R1")
			if got := problem.CodeOf(err); got != tt.want {
				t.Fatalf("code %q (%v), want %q", got, err, tt.want)
			}
			if e, ok := err.(*Error); !ok || e.VeroCode != tt.code || e.VeroMessage != "sanottu" {
				t.Errorf("error %#v keeps not Vero's code and words", err)
			}
		})
	}
}

func TestAwaitSchedule(t *testing.T) {
	tests := []struct {
		name      string
		readyAt   int // the call that gets the certificate; 0: never
		done      int
		wantCalls int
		wantWaits time.Duration
		wantCode  problem.Code
	}{
		{"ready at the first call", 1, 0, 1, 30 * time.Second, ""},
		{"ready at the third", 3, 0, 3, 30*time.Second + 2*45*time.Second, ""},
		{"never ready", 0, 0, 10, 30*time.Second + 9*45*time.Second, problem.CodeVeroNotReady},
		{"resumed after 8 calls", 0, 8, 2, 2 * 45 * time.Second, problem.CodeVeroNotReady},
	}
	issued := newPKI(t, "0116297-6").leaf
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			c, _ := newFake(t, func(string) string {
				calls++
				if tt.readyAt != 0 && calls >= tt.readyAt {
					return `<Certificate>` + base64.StdEncoding.EncodeToString(issued.Raw) + `</Certificate><Result><Status>OK</Status></Result>`
				}
				return `<Result><Status>FAIL</Status><ErrorInfo><ErrorCode>PKI005</ErrorCode><ErrorMessage>not ready</ErrorMessage></ErrorInfo></Result>`
			})
			var waited time.Duration
			sleep := func(_ context.Context, d time.Duration) error { waited += d; return nil }
			cert, n, err := c.Await(context.Background(), "0116297-6", "", "R1", tt.done, func() time.Time { return testNow }, sleep, nil)
			if problem.CodeOf(err) != tt.wantCode || calls != tt.wantCalls || waited != tt.wantWaits || n != tt.done+tt.wantCalls {
				t.Errorf("err %v, %d calls (n %d), waited %v; want %q, %d calls, %v", err, calls, n, waited, tt.wantCode, tt.wantCalls, tt.wantWaits)
			}
			if tt.wantCode == "" && !cert.Equal(issued) {
				t.Error("not the issued certificate")
			}
		})
	}
}
