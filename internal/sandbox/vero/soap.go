package vero

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"html"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/beevik/etree"
	dsig "github.com/russellhaering/goxmldsig"

	"github.com/motpart/motpart/internal/sandbox/ca"
	"github.com/motpart/motpart/internal/sandbox/fault"
)

const soapNS = "http://schemas.xmlsoap.org/soap/envelope/"

// The operations, named as their elements without Request/Response.
const (
	opSign  = "SignNewCertificate"
	opGet   = "GetCertificate"
	opRenew = "RenewCertificate"
)

// The sandbox's own PKI error codes. [U] Vero's real list is in the
// interface description, which was not retrieved; these are the
// simulator's, numbered as registries.md §2.3 suggests.
const (
	CodeTransferIDUnknown  = "PKI001" // TransferId unknown
	CodeTransferPassword   = "PKI002" // TransferPassword wrong or already used
	CodeBadCSR             = "PKI003" // CSR malformed, or its key is not RSA-2048
	CodeRetrievalIDUnknown = "PKI004" // RetrievalId unknown
	CodeNotReady           = "PKI005" // certificate not ready yet
	CodeBadSignature       = "PKI006" // renewal signature invalid, or its signer not current
	CodeOutsideWindow      = "PKI007" // renewal outside the 60-day window
	CodeEnvironment        = "PKI008" // Environment does not match the endpoint
	CodeCustomerMismatch   = "PKI009" // CustomerId is not the TransferId's
	CodeMissingField       = "PKI010" // a required element is missing or too long
)

// Codes returns the sandbox's PKI error codes with their English text.
func Codes() map[string]string {
	return map[string]string{
		CodeTransferIDUnknown:  "TransferId is unknown.",
		CodeTransferPassword:   "TransferPassword is wrong or the TransferId has already been used.",
		CodeBadCSR:             "The certificate request is malformed or its key is not RSA 2048 with SHA-256.",
		CodeRetrievalIDUnknown: "RetrievalId is unknown.",
		CodeNotReady:           "The certificate is not ready yet. Try again later.",
		CodeBadSignature:       "The signature of the request is invalid or its certificate is not valid.",
		CodeOutsideWindow:      "The certificate can be renewed only during the last 60 days of its validity.",
		CodeEnvironment:        "The Environment does not match the service.",
		CodeCustomerMismatch:   "CustomerId does not match the TransferId.",
		CodeMissingField:       "A required element is missing or too long.",
	}
}

// request is a parsed request: its operation, its unqualified children's
// texts, and the element itself (a renewal's signature is checked on it).
type request struct {
	op     string
	fields map[string]string
	el     *etree.Element
}

// parseRequest reads a SOAP 1.1 envelope whose body holds one of the
// three request elements in Namespace.
func parseRequest(body []byte) (*request, error) {
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(body); err != nil {
		return nil, errors.New("the request is not XML")
	}
	env := doc.Root()
	if env == nil || env.Tag != "Envelope" || env.NamespaceURI() != soapNS {
		return nil, errors.New("not a SOAP 1.1 envelope")
	}
	var bodyEl *etree.Element
	for _, c := range env.ChildElements() {
		if c.Tag == "Body" && c.NamespaceURI() == soapNS {
			bodyEl = c
		}
	}
	if bodyEl == nil || len(bodyEl.ChildElements()) == 0 {
		return nil, errors.New("the SOAP body is empty")
	}
	el := bodyEl.ChildElements()[0]
	if el.NamespaceURI() != Namespace || !strings.HasSuffix(el.Tag, "Request") {
		return nil, fmt.Errorf("unknown operation {%s}%s", el.NamespaceURI(), el.Tag)
	}
	op := strings.TrimSuffix(el.Tag, "Request")
	switch op {
	case opSign, opGet, opRenew:
	default:
		return nil, fmt.Errorf("unknown operation %s", el.Tag)
	}
	req := &request{op: op, fields: make(map[string]string), el: el}
	for _, c := range el.ChildElements() {
		if c.NamespaceURI() == dsig.Namespace {
			continue
		}
		if c.NamespaceURI() != "" {
			// [C] only the top-level element is qualified.
			return nil, fmt.Errorf("element %s must not be namespace-qualified", c.Tag)
		}
		req.fields[c.Tag] = strings.TrimSpace(c.Text())
	}
	return req, nil
}

// response is a reply before it is signed and wrapped.
type response struct {
	op       string
	id       string // RetrievalId
	cert     []byte // Certificate (DER)
	code     string // "" for OK
	codeText string
}

func fail(op, code string) *response {
	return &response{op: op, code: code, codeText: Codes()[code]}
}

// element builds the response element, unsigned.
func (r *response) element() *etree.Element {
	el := etree.NewElement("ns2:" + r.op + "Response")
	el.CreateAttr("xmlns:ns2", Namespace)
	if r.id != "" {
		el.CreateElement("RetrievalId").SetText(r.id)
	}
	if r.cert != nil {
		el.CreateElement("Certificate").SetText(b64(r.cert))
	}
	res := el.CreateElement("Result")
	if r.code == "" {
		res.CreateElement("Status").SetText("OK")
		return el
	}
	res.CreateElement("Status").SetText("FAIL")
	info := res.CreateElement("ErrorInfo")
	info.CreateElement("ErrorCode").SetText(r.code)
	info.CreateElement("ErrorMessage").SetText(r.codeText)
	return el
}

// envelope signs the response element (enveloped, exc-c14n, RSA-SHA256,
// the signer's certificate in KeyInfo), spoiled as spoil says, and wraps
// it in a SOAP envelope. Vero signs the element before wrapping it
// (registries.md §2.5).
func (r *response) envelope(pki *ca.Vero, spoil fault.VeroSignature) ([]byte, error) {
	el := r.element()
	switch spoil {
	case fault.VeroUnsigned:
	case fault.VeroForeignSigner:
		key, cert, err := foreignSigner()
		if err != nil {
			return nil, err
		}
		if el, err = sign(el, key, cert); err != nil {
			return nil, err
		}
	default:
		signer := pki.Signer()
		var err error
		if el, err = sign(el, signer.PrivateKey.(*rsa.PrivateKey), signer.Leaf); err != nil {
			return nil, err
		}
		if spoil == fault.VeroTampered {
			st := el.FindElement("Result/Status")
			if id := el.SelectElement("RetrievalId"); id != nil {
				id.SetText(id.Text() + "0")
			} else if st != nil {
				st.SetText(st.Text() + " ")
			}
		}
	}
	doc := etree.NewDocument()
	doc.CreateProcInst("xml", `version="1.0" encoding="UTF-8"`)
	env := doc.CreateElement("SOAP-ENV:Envelope")
	env.CreateAttr("xmlns:SOAP-ENV", soapNS)
	env.CreateElement("SOAP-ENV:Body").AddChild(el)
	return doc.WriteToBytes()
}

// sign returns el with an enveloped signature appended as its last child.
func sign(el *etree.Element, key *rsa.PrivateKey, cert *x509.Certificate) (*etree.Element, error) {
	ctx, err := dsig.NewSigningContext(key, [][]byte{cert.Raw})
	if err != nil {
		return nil, fmt.Errorf("vero simulator: signing: %w", err)
	}
	ctx.Canonicalizer = dsig.MakeC14N10ExclusiveCanonicalizerWithPrefixList("")
	if err := ctx.SetSignatureMethod(dsig.RSASHA256SignatureMethod); err != nil {
		return nil, fmt.Errorf("vero simulator: signing: %w", err)
	}
	signed, err := ctx.SignEnveloped(el)
	if err != nil {
		return nil, fmt.Errorf("vero simulator: signing: %w", err)
	}
	return signed, nil
}

// foreignSigner makes a self-signed certificate nobody trusts.
func foreignSigner() (*rsa.PrivateKey, *x509.Certificate, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, nil, fmt.Errorf("vero simulator: foreign signer: %w", err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Not Vero"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().AddDate(1, 0, 0), KeyUsage: x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, fmt.Errorf("vero simulator: foreign signer: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, fmt.Errorf("vero simulator: foreign signer: %w", err)
	}
	return key, cert, nil
}

// writeFault writes a SOAP 1.1 Fault.
func writeFault(w http.ResponseWriter, status int, code, text string) {
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(status)
	_, _ = fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>`+
		`<soap:Envelope xmlns:soap="%s"><soap:Body><soap:Fault><faultcode>%s</faultcode><faultstring>%s</faultstring></soap:Fault></soap:Body></soap:Envelope>`,
		soapNS, code, html.EscapeString(text))
}
