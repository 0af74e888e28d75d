// Package vero simulates Vero's certificate service for the Incomes
// Register (Tulorekisteri, registries.md §2): SOAP 1.1, document/literal,
// SignNewCertificate, GetCertificate and RenewCertificate at
// /2017/10/CertificateServices (and /DEV/…), dispatched on the body's first
// element.
//
// Its state: the world's TransferIds (each works once; a wrong password
// does not use it up), the RetrievalIds it handed out (ready after
// Options.ReadyAfter on the simulator's clock), and the certificates its
// issuing CA (ca.Vero) issued, 2 years with CN = CustomerId. A renewal
// must carry an enveloped XML signature (exc-c14n, RSA-SHA256) made with a
// current certificate of that CA, within its last 60 days (switchable).
// Every reply is signed the same way by the services signer the sandbox CA
// issued, unless a fault spoils it (fault.Fault.VeroSignature).
//
// Where the specification is uncertain the simulator chooses, and says so
// in a comment starting [U]:
//   - the PKI error codes are the sandbox's own (Codes), not Vero's: the
//     real list is in a document that was not retrieved;
//   - a wrong TransferPassword is PKI002 and leaves the TransferId usable;
//     a CustomerId other than the TransferId's is PKI009;
//   - Environment TEST and PRODUCTION are both accepted unless
//     Options.Environment names one (then the other is PKI008);
//   - a renewed certificate supersedes the one that signed the renewal
//     once the new one has been fetched: the old one cannot renew again;
//   - a request the simulator cannot read is a SOAP Fault (HTTP 500,
//     faultcode soap:Client), as SOAP 1.1 says.
package vero

import (
	"crypto/x509"
	"errors"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/sandbox/ca"
	"github.com/motpart/motpart/internal/sandbox/fault"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// The service's paths and namespace.
const (
	// Path is the endpoint's path, as on pkiws.vero.fi and
	// pkiws-testi.vero.fi.
	Path = "/2017/10/CertificateServices"
	// DevPath is the development endpoint's path.
	DevPath = "/DEV" + Path
	// Namespace qualifies the top-level request and response elements.
	Namespace = "http://certificates.vero.fi/2017/10/certificateservices"
)

// DefaultReadyAfter is how long a RetrievalId takes to become ready by
// default: less than the 30 s a client waits before its first
// GetCertificate, so a demo order finishes at the first try.
const DefaultReadyAfter = 20 * time.Second

// RenewWindow is how long before its end a certificate may be renewed.
const RenewWindow = 60 * 24 * time.Hour

// Options configure the simulator.
type Options struct {
	// Now is the simulator's clock; nil means time.Now.
	Now func() time.Time
	// ReadyAfter is how long after SignNewCertificate or RenewCertificate
	// its RetrievalId becomes ready; 0 means at once.
	ReadyAfter time.Duration
	// NoRenewWindow lets a certificate be renewed at any time, for demos;
	// Server.SetRenewWindow changes it while running.
	NoRenewWindow bool
	// Environment, "TEST" or "PRODUCTION", is the only Environment value
	// accepted; "" accepts both. [U]
	Environment string
	// Fault returns the service's current fault (for VeroSignature); nil
	// means none.
	Fault func() fault.Fault
}

// Server is the simulator, an http.Handler. It is safe for concurrent use.
type Server struct {
	opts   Options
	pki    func() (*ca.Vero, error)
	mu     sync.Mutex
	noWin  bool
	tids   map[string]*world.VeroTransfer
	rids   map[string]*retrieval
	gone   map[string]bool // serials of superseded certificates
	counts map[string]int
}

// retrieval is one RetrievalId: the certificate, made when the request
// came, and when it may be fetched.
type retrieval struct {
	customerID string
	cert       *x509.Certificate
	ready      time.Time
	renews     string // the serial of the certificate it replaces, if a renewal
}

// New returns the simulator over the world's TransferIds. pki returns
// Vero's PKI (made on first use, as its RSA keys take a moment).
func New(w *world.World, opts Options, pki func() (*ca.Vero, error)) *Server {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Fault == nil {
		opts.Fault = func() fault.Fault { return fault.Fault{} }
	}
	s := &Server{opts: opts, pki: pki, noWin: opts.NoRenewWindow, tids: make(map[string]*world.VeroTransfer),
		rids: make(map[string]*retrieval), gone: make(map[string]bool), counts: make(map[string]int)}
	for _, t := range w.VeroTransfers() {
		s.tids[t.TransferID] = &t
	}
	return s
}

// SetRenewWindow switches the 60-day renewal window on (true) or off.
func (s *Server) SetRenewWindow(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.noWin = !on
}

// Count returns how many requests of an operation the simulator answered:
// "SignNewCertificate", "GetCertificate" or "RenewCertificate".
func (s *Server) Count(op string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[op]
}

// TransferUsed reports whether a TransferId has been used.
func (s *Server) TransferUsed(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.tids[id]
	return t != nil && t.Used
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != Path && r.URL.Path != DevPath {
		writeFault(w, http.StatusNotFound, "soap:Client", "no such endpoint")
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeFault(w, http.StatusMethodNotAllowed, "soap:Client", "POST only")
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeFault(w, http.StatusRequestEntityTooLarge, "soap:Client", "request too large")
			return
		}
		writeFault(w, http.StatusBadRequest, "soap:Client", "cannot read the request")
		return
	}
	req, err := parseRequest(body)
	if err != nil {
		writeFault(w, http.StatusInternalServerError, "soap:Client", err.Error())
		return
	}
	pki, err := s.pki()
	if err != nil {
		writeFault(w, http.StatusInternalServerError, "soap:Server", "the certificate service is not available")
		return
	}
	var resp *response
	switch req.op {
	case opSign:
		resp = s.signNew(req, pki)
	case opGet:
		resp = s.get(req)
	case opRenew:
		resp = s.renew(req, pki)
	}
	s.mu.Lock()
	s.counts[req.op]++
	s.mu.Unlock()
	out, err := resp.envelope(pki, s.opts.Fault().VeroSignature)
	if err != nil {
		writeFault(w, http.StatusInternalServerError, "soap:Server", "cannot sign the reply")
		return
	}
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	_, _ = w.Write(out)
}

// WriteError writes a forced HTTP status as a SOAP Fault; it is the
// simulator's fault.ErrorWriter.
func WriteError(w http.ResponseWriter, _ *http.Request, status int) {
	code := "soap:Server"
	if status < 500 {
		code = "soap:Client"
	}
	writeFault(w, status, code, http.StatusText(status))
}
