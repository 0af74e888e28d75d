package vero

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/beevik/etree"
	dsig "github.com/russellhaering/goxmldsig"

	"github.com/motpart/motpart/internal/sandbox/ca"
	"github.com/motpart/motpart/internal/sandbox/fault"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// t0 is the tests' fixed clock start.
var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// clock is a settable clock.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// fixture is a simulator with its world, CA, PKI, clock and fault.
type fixture struct {
	w     *world.World
	root  *ca.Authority
	pki   *ca.Vero
	clock *clock
	srv   *Server
	fault fault.Fault
	mu    sync.Mutex
}

// sharedPKI makes the sandbox CA and Vero's PKI once for every test: they
// hold no state, and their RSA keys are slow to make.
var sharedPKI = func() func() (*ca.Authority, *ca.Vero, error) {
	type made struct {
		root *ca.Authority
		pki  *ca.Vero
	}
	once := sync.OnceValues(func() (made, error) {
		root, err := ca.New(t0)
		if err != nil {
			return made{}, err
		}
		pki, err := root.NewVero(t0)
		return made{root, pki}, err
	})
	return func() (*ca.Authority, *ca.Vero, error) {
		m, err := once()
		return m.root, m.pki, err
	}
}()

func newFixture(t *testing.T, opts Options) *fixture {
	t.Helper()
	w, err := world.New()
	if err != nil {
		t.Fatal(err)
	}
	root, pki, err := sharedPKI()
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{w: w, root: root, pki: pki, clock: &clock{now: t0}}
	opts.Now = f.clock.Now
	opts.Fault = func() fault.Fault { f.mu.Lock(); defer f.mu.Unlock(); return f.fault }
	f.srv = New(w, opts, func() (*ca.Vero, error) { return pki, nil })
	return f
}

func (f *fixture) setFault(v fault.VeroSignature) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fault = fault.Fault{VeroSignature: v}
}

// reply is a parsed reply.
type reply struct {
	http       int
	body       []byte
	status     string
	code       string
	retrieval  string
	cert       *x509.Certificate
	responseEl *etree.Element // detached, with its namespace declarations
}

// post sends a SOAP body element (its XML text, prefix cer) and parses the
// reply.
func (f *fixture) post(t *testing.T, inner string) reply {
	t.Helper()
	env := `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cer="` + Namespace + `">` +
		`<soapenv:Header/><soapenv:Body>` + inner + `</soapenv:Body></soapenv:Envelope>`
	return f.postRaw(t, env)
}

func (f *fixture) postRaw(t *testing.T, env string) reply {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, Path, strings.NewReader(env))
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	return parseReply(t, rec.Code, rec.Body.Bytes())
}

func parseReply(t *testing.T, status int, body []byte) reply {
	t.Helper()
	r := reply{http: status, body: body}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(body); err != nil {
		t.Fatalf("reply is not XML: %v\n%s", err, body)
	}
	bodyEl := doc.FindElement("/Envelope/Body")
	if bodyEl == nil || len(bodyEl.ChildElements()) == 0 {
		t.Fatalf("reply has no body:\n%s", body)
	}
	el := bodyEl.ChildElements()[0]
	if el.Tag == "Fault" {
		r.status = "Fault"
		return r
	}
	r.responseEl = detach(el)
	if e := el.FindElement("Result/Status"); e != nil {
		r.status = e.Text()
	}
	if e := el.FindElement("Result/ErrorInfo/ErrorCode"); e != nil {
		r.code = e.Text()
	}
	if e := el.SelectElement("RetrievalId"); e != nil {
		r.retrieval = e.Text()
	}
	if e := el.SelectElement("Certificate"); e != nil {
		der, err := base64.StdEncoding.DecodeString(e.Text())
		if err != nil {
			t.Fatalf("Certificate: %v", err)
		}
		if r.cert, err = x509.ParseCertificate(der); err != nil {
			t.Fatalf("Certificate: %v", err)
		}
	}
	return r
}

// csr makes a PKCS#10 request (SHA-256 with RSA) for a new key of bits.
func csr(t *testing.T, bits int, cn string) (*rsa.PrivateKey, string) {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{
		Subject:            pkix.Name{CommonName: cn, Organization: []string{"Testi Oy"}, Country: []string{"FI"}},
		SignatureAlgorithm: x509.SHA256WithRSA,
	}, key)
	if err != nil {
		t.Fatal(err)
	}
	return key, base64.StdEncoding.EncodeToString(der)
}

// signNewXML writes a SignNewCertificateRequest as §2.3 shows it.
func signNewXML(env, customer, name, tid, pw, csr string) string {
	return `<cer:SignNewCertificateRequest><Environment>` + env + `</Environment><CustomerId>` + customer +
		`</CustomerId><CustomerName>` + name + `</CustomerName><TransferId>` + tid + `</TransferId><TransferPassword>` + pw +
		`</TransferPassword><CertificateRequest>` + csr + `</CertificateRequest></cer:SignNewCertificateRequest>`
}

func getXML(customer, rid string) string {
	return `<cer:GetCertificateRequest><Environment>TEST</Environment><CustomerId>` + customer +
		`</CustomerId><RetrievalId>` + rid + `</RetrievalId></cer:GetCertificateRequest>`
}

// renewXML builds a RenewCertificateRequest signed (enveloped, exc-c14n,
// RSA-SHA256) with key and cert, as §2.5 says, written independently of
// the simulator's signing code; tamper changes it after signing.
func renewXML(t *testing.T, customer, csr string, key *rsa.PrivateKey, cert *x509.Certificate, tamper bool) string {
	t.Helper()
	el := etree.NewElement("cer:RenewCertificateRequest")
	el.CreateAttr("xmlns:cer", Namespace)
	el.CreateElement("Environment").SetText("TEST")
	el.CreateElement("CustomerId").SetText(customer)
	el.CreateElement("CertificateRequest").SetText(csr)
	if key != nil {
		ctx, err := dsig.NewSigningContext(key, [][]byte{cert.Raw})
		if err != nil {
			t.Fatal(err)
		}
		ctx.Canonicalizer = dsig.MakeC14N10ExclusiveCanonicalizerWithPrefixList("")
		if err := ctx.SetSignatureMethod(dsig.RSASHA256SignatureMethod); err != nil {
			t.Fatal(err)
		}
		if el, err = ctx.SignEnveloped(el); err != nil {
			t.Fatal(err)
		}
	}
	if tamper {
		el.SelectElement("CustomerId").SetText(customer + " ")
	}
	doc := etree.NewDocument()
	doc.SetRoot(el)
	s, err := doc.WriteToString()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// currentCert issues a Vero certificate for customer, valid for two years
// from notBefore, with its key.
func (f *fixture) currentCert(t *testing.T, customer string, notBefore time.Time) (*rsa.PrivateKey, *x509.Certificate) {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := f.pki.Issue(&key.PublicKey, customer, "Testi Oy", notBefore)
	if err != nil {
		t.Fatal(err)
	}
	if !cert.NotAfter.Equal(notBefore.Add(ca.VeroValidity)) {
		t.Fatalf("NotAfter %v", cert.NotAfter)
	}
	return key, cert
}

// verifyReply checks a reply's enveloped signature as a careful client
// would: the signer from KeyInfo chained to the sandbox CA, then the
// signature over the response element.
func verifyReply(r reply, root *x509.Certificate, now time.Time) error {
	sig := findLocal(r.responseEl, "Signature/KeyInfo/X509Data/X509Certificate")
	if sig == nil {
		return errNoSignature
	}
	der, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(sig.Text()), ""))
	if err != nil {
		return err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return err
	}
	if err := cert.CheckSignatureFrom(root); err != nil {
		return err
	}
	ctx := dsig.NewDefaultValidationContext(&dsig.MemoryX509CertificateStore{Roots: []*x509.Certificate{cert}})
	ctx.Clock = dsig.NewFakeClockAt(now)
	_, err = ctx.Validate(r.responseEl)
	return err
}

type sentinel string

func (s sentinel) Error() string { return string(s) }

const errNoSignature = sentinel("no signature")
