package vero

import (
	"bytes"
	"context"
	"crypto"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/beevik/etree"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/transport"
)

// Namespace is the service's namespace (registries.md §2.1).
const Namespace = "http://certificates.vero.fi/2017/10/certificateservices"

// The service's addresses.
const (
	ProductionURL = "https://pkiws.vero.fi/2017/10/CertificateServices"
	TestURL       = "https://pkiws-testi.vero.fi/2017/10/CertificateServices"
)

// The values of the Environment element.
const (
	EnvProduction = "PRODUCTION"
	EnvTest       = "TEST"
)

const soapNS = "http://schemas.xmlsoap.org/soap/envelope/"

// Config configures a Client.
type Config struct {
	// URL is the service's address (ProductionURL, TestURL or the
	// sandbox's).
	URL string
	// Environment is EnvProduction or EnvTest: what the requests say.
	Environment string
	// ServicesCA holds the CA the answers' signer must chain to: Vero's
	// services CA of the environment, or the sandbox's.
	ServicesCA *x509.CertPool
	// Now is the clock for checking the signer's validity; nil: time.Now.
	Now func() time.Time
}

// Client calls Vero's certificate service. It is safe for concurrent use.
type Client struct {
	cfg Config
	hc  *transport.Client
	ver verifier
}

// New returns a Client for cfg sending through hc. hc should not retry
// (Retries < 0): a TransferPassword works once.
func New(cfg Config, hc *transport.Client) (*Client, error) {
	if hc == nil || cfg.URL == "" {
		return nil, &Error{Op: "configure", Code: problem.CodeVeroNotConnected, Err: errors.New("no address or HTTP client")}
	}
	if cfg.Environment != EnvProduction && cfg.Environment != EnvTest {
		return nil, &Error{Op: "configure", Code: problem.CodeVeroNotConnected, Err: fmt.Errorf("environment %q", cfg.Environment)}
	}
	if cfg.ServicesCA == nil {
		return nil, &Error{Op: "configure", Code: problem.CodeVeroNotConnected, Err: errors.New("no services CA")}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Client{cfg: cfg, hc: hc, ver: verifier{roots: cfg.ServicesCA, now: cfg.Now}}, nil
}

// SignNewCertificate sends a new certificate's request csr (DER) for the
// company customerID (its Y-tunnus) called customerName, with the
// TransferId and TransferPassword and returns the RetrievalId. It sends
// once; the caller must have recorded the attempt.
func (c *Client) SignNewCertificate(ctx context.Context, customerID, customerName string, transferID string, transferPassword []byte, csr []byte) (string, error) {
	el := c.request("SignNewCertificateRequest", customerID, customerName)
	el.CreateElement("TransferId").SetText(transferID)
	el.CreateElement("TransferPassword").SetText(string(transferPassword))
	el.CreateElement("CertificateRequest").SetText(base64.StdEncoding.EncodeToString(csr))
	res, err := c.call(ctx, "sign", "signNewCertificate", el, "SignNewCertificateResponse")
	if err != nil {
		return "", err
	}
	return retrievalID("sign", res)
}

// GetCertificate asks for the certificate of retrievalID. When it is not
// ready the error is an *Error with problem.CodeVeroNotReady (IsNotReady).
func (c *Client) GetCertificate(ctx context.Context, customerID, customerName string, retrievalID string) (*x509.Certificate, error) {
	el := c.request("GetCertificateRequest", customerID, customerName)
	el.CreateElement("RetrievalId").SetText(retrievalID)
	res, err := c.call(ctx, "get", "getCertificate", el, "GetCertificateResponse")
	if err != nil {
		return nil, err
	}
	text := strings.Join(strings.Fields(childText(res, "Certificate")), "")
	if text == "" {
		return nil, &Error{Op: "get", Code: problem.CodeUnreadableAnswer, Err: errors.New("no certificate in an OK answer")}
	}
	der, err := base64.StdEncoding.DecodeString(text)
	if err != nil {
		return nil, &Error{Op: "get", Code: problem.CodeUnreadableAnswer, Err: err}
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, &Error{Op: "get", Code: problem.CodeUnreadableAnswer, Err: err}
	}
	return cert, nil
}

// RenewCertificate sends the new request csr (DER, the new key) signed as
// an enveloped XML signature with the current key and certificate, and
// returns the RetrievalId.
func (c *Client) RenewCertificate(ctx context.Context, customerID, customerName string, csr []byte, currentKey crypto.Signer, current *x509.Certificate) (string, error) {
	el, err := c.RenewRequest(customerID, customerName, csr, currentKey, current)
	if err != nil {
		return "", err
	}
	res, err := c.call(ctx, "renew", "renewCertificate", el, "RenewCertificateResponse")
	if err != nil {
		return "", err
	}
	return retrievalID("renew", res)
}

// RenewRequest builds the signed RenewCertificateRequest element
// (registries.md §2.5), as RenewCertificate sends it.
func (c *Client) RenewRequest(customerID, customerName string, csr []byte, currentKey crypto.Signer, current *x509.Certificate) (*etree.Element, error) {
	el := c.request("RenewCertificateRequest", customerID, customerName)
	el.CreateElement("CertificateRequest").SetText(base64.StdEncoding.EncodeToString(csr))
	signed, err := signEnveloped(el, currentKey, current)
	if err != nil {
		return nil, &Error{Op: "renew", Code: problem.CodeInternal, Err: err}
	}
	return signed, nil
}

// request starts a request element: the top-level element qualified (its
// namespace declared on it, so that it signs alone), the children
// unqualified.
func (c *Client) request(name, customerID, customerName string) *etree.Element {
	el := etree.NewElement("cer:" + name)
	el.CreateAttr("xmlns:cer", Namespace)
	el.CreateElement("Environment").SetText(c.cfg.Environment)
	el.CreateElement("CustomerId").SetText(customerID)
	if customerName != "" {
		el.CreateElement("CustomerName").SetText(customerName)
	}
	return el
}

// Envelope wraps a request element in a SOAP 1.1 envelope.
func Envelope(el *etree.Element) ([]byte, error) {
	doc := etree.NewDocument()
	env := doc.CreateElement("soapenv:Envelope")
	env.CreateAttr("xmlns:soapenv", soapNS)
	env.CreateElement("soapenv:Header")
	env.CreateElement("soapenv:Body").AddChild(el)
	doc.WriteSettings.CanonicalEndTags = true
	return doc.WriteToBytes()
}

// call sends el with SOAPAction action and returns the verified answer
// element want, after checking its Result.
func (c *Client) call(ctx context.Context, op, action string, el *etree.Element, want string) (*etree.Element, error) {
	body, err := Envelope(el)
	if err != nil {
		return nil, &Error{Op: op, Code: problem.CodeInternal, Err: err}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.cfg.URL, bytes.NewReader(body))
	if err != nil {
		return nil, &Error{Op: op, Code: problem.CodeAddressInvalid, Err: err}
	}
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	req.Header.Set("SOAPAction", `"`+action+`"`)
	resp, err := c.hc.Do(ctx, req)
	if err != nil {
		return nil, &Error{Op: op, Code: problem.CodeOf(err), Err: err}
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(resp.Body); err != nil {
		if resp.StatusCode != http.StatusOK {
			return nil, &Error{Op: op, Code: problem.ForStatus(resp.StatusCode), Err: fmt.Errorf("HTTP %d", resp.StatusCode)}
		}
		return nil, &Error{Op: op, Code: problem.CodeUnreadableAnswer, Err: err}
	}
	bodyEl := doc.FindElement("/Envelope/Body")
	if bodyEl == nil || bodyEl.NamespaceURI() != soapNS {
		return nil, &Error{Op: op, Code: problem.CodeUnreadableAnswer, Err: errors.New("not a SOAP envelope")}
	}
	var payload *etree.Element
	if kids := bodyEl.ChildElements(); len(kids) > 0 {
		payload = kids[0]
	}
	if payload == nil || payload.Tag != want || payload.NamespaceURI() != Namespace {
		if f := bodyEl.FindElement("Fault/faultstring"); f != nil {
			return nil, &Error{Op: op, Code: problem.CodeRequestRejected, Err: fmt.Errorf("SOAP fault: %s", f.Text())}
		}
		if resp.StatusCode != http.StatusOK {
			return nil, &Error{Op: op, Code: problem.ForStatus(resp.StatusCode), Err: fmt.Errorf("HTTP %d", resp.StatusCode)}
		}
		return nil, &Error{Op: op, Code: problem.CodeUnreadableAnswer, Err: fmt.Errorf("no %s in the answer", want)}
	}
	signed, err := c.ver.verify(payload)
	if err != nil {
		return nil, &Error{Op: op, Code: problem.CodeVeroBadSignature, Err: err}
	}
	return signed, checkResult(op, signed)
}

// checkResult turns a FAIL Result into an *Error.
func checkResult(op string, res *etree.Element) error {
	r := res.SelectElement("Result")
	if r == nil {
		return &Error{Op: op, Code: problem.CodeUnreadableAnswer, Err: errors.New("no Result")}
	}
	switch status := childText(r, "Status"); status {
	case "OK":
		return nil
	case "FAIL":
		e := &Error{Op: op, Code: problem.CodeVeroError}
		if info := r.SelectElement("ErrorInfo"); info != nil {
			e.VeroCode = childText(info, "ErrorCode")
			e.VeroMessage = childText(info, "ErrorMessage")
			e.Code = CodeFor(e.VeroCode)
		}
		return e
	default:
		return &Error{Op: op, Code: problem.CodeUnreadableAnswer, Err: fmt.Errorf("status %q", status)}
	}
}

// retrievalID reads the RetrievalId of an OK answer.
func retrievalID(op string, res *etree.Element) (string, error) {
	id := childText(res, "RetrievalId")
	if id == "" {
		return "", &Error{Op: op, Code: problem.CodeUnreadableAnswer, Err: errors.New("no RetrievalId in an OK answer")}
	}
	return id, nil
}

// childText is the trimmed text of el's unqualified child name.
func childText(el *etree.Element, name string) string {
	if c := el.SelectElement(name); c != nil {
		return strings.TrimSpace(c.Text())
	}
	return ""
}
