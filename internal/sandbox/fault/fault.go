// Package fault holds the sandbox's fault switches: what a simulated
// service does wrong (latency, an HTTP status, a malformed or truncated
// body, a hanging request, Maskinporten's token faults, a forced
// grunndataWS status, BankID's reports that are not PDFs and sessions that
// never finish), shared by every simulator, and the handler wrapper
// that applies them.
package fault

import (
	"bytes"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Service names one simulated service, for fault switches and ports.
type Service string

// The simulated services.
const (
	// ServiceBrreg is Enhetsregisteret's open REST API.
	ServiceBrreg Service = "brreg"
	// ServiceGrunndata is Brønnøysund's grunndataWS (SOAP).
	ServiceGrunndata Service = "grunndata"
	// ServiceMaskinporten is Digdir's Maskinporten (OAuth2 JWT grant).
	ServiceMaskinporten Service = "maskinporten"
	// ServiceRRH is the register of beneficial owners' APIs (Partner and
	// v1).
	ServiceRRH Service = "rrh"
	// ServiceBankID is BankID's AML service (its OIDC provider and the
	// Organization Async Session API).
	ServiceBankID Service = "bankid"
	// ServiceSCB is SCB's business register API (Sök på var and the
	// sector file), over mutual TLS.
	ServiceSCB Service = "scb"
	// ServiceVero is Vero's certificate service (SOAP: SignNewCertificate,
	// GetCertificate, RenewCertificate).
	ServiceVero Service = "vero"
)

// VeroSignature is how Vero's simulator spoils the XML signature of its
// replies, for [Fault.VeroSignature].
type VeroSignature string

// The ways a Vero reply's signature can be wrong.
const (
	// VeroUnsigned sends replies without a ds:Signature.
	VeroUnsigned VeroSignature = "unsigned"
	// VeroTampered changes the reply after signing it, so its digest no
	// longer matches.
	VeroTampered VeroSignature = "tampered"
	// VeroForeignSigner signs correctly, but with a certificate the
	// sandbox CA did not issue.
	VeroForeignSigner VeroSignature = "foreign"
)

// Fault is what a service does wrong, switched on with [Switches.Set].
// The zero Fault is a healthy service. Faults apply in this order: Latency,
// then Hang, then Status, then Malformed or Truncated.
type Fault struct {
	// Latency delays every answer.
	Latency time.Duration
	// Status answers with this HTTP status (429, 500, 503...) instead of
	// the real answer; 0 means none.
	Status int
	// RetryAfter is sent with a 429 or 503 Status as a Retry-After header,
	// in whole seconds (rounded up).
	RetryAfter time.Duration
	// Times applies Status to the next Times requests only; 0 means to
	// every request until the fault is changed.
	Times int
	// Malformed sends a syntactically broken body with status 200.
	Malformed bool
	// Truncated sends the first half of the body with the Content-Length
	// of the whole, then closes the connection.
	Truncated bool
	// Hang never answers: the request waits until the client gives up (its
	// context ends) or the sandbox closes.
	Hang bool
	// PathSuffix, when set, limits Latency, Hang, Status, Malformed and
	// Truncated to requests whose URL path ends with it, e.g. "/roller"
	// (a unit's roles) or "/underenheter" (the sub-unit search, not one
	// sub-unit); other requests are served healthy and do not count
	// towards Times. The grunndataWS operations share one path, so it
	// cannot single one out.
	PathSuffix string

	// MaskinportenError makes Maskinporten's /token refuse every grant
	// with this MP code ("MP-250"...), its status and its OAuth2 error;
	// for ServiceMaskinporten only. Times counts token requests for it.
	MaskinportenError string
	// ExpiredToken makes Maskinporten issue access tokens that have
	// already expired (exp in the past, expires_in as usual), which RRH
	// refuses; for ServiceMaskinporten only. Times counts token requests
	// for it.
	ExpiredToken bool

	// NotPDF makes BankID's simulator send every report as an HTML page
	// (an error page, as a proxy might) with this Content-Type:
	// "application/pdf" to lie about it, "text/html" to say so; "" sends
	// the PDF. For ServiceBankID only, until the fault is changed (Times
	// and PathSuffix do not limit it).
	NotPDF string
	// NeverFinish makes the BankID sessions created while it is set never
	// finish: their entities stay IN_PROGRESS however long the client
	// polls, until the session expires. For ServiceBankID only.
	NeverFinish bool

	// VeroSignature spoils the signature of every reply of Vero's
	// simulator (unsigned, tampered or signed by a foreign certificate);
	// "" signs properly. For ServiceVero only, until the fault is changed.
	VeroSignature VeroSignature

	// GrunndataStatus makes every grunndataWS operation answer this
	// responseHeader for whatever number is asked, after the account is
	// checked; for ServiceGrunndata only, until the fault is changed
	// (Times does not count it). With hovedStatus 0 the melding of the
	// unit asked for follows when the world has it.
	GrunndataStatus *GrunndataStatus
}

// GrunndataStatus is a grunndataWS responseHeader status pair: any
// hovedStatus with any underStatus code, legal or not.
type GrunndataStatus struct {
	Main int // hovedStatus: 0, 1 or -1
	Sub  int // the underStatusMelding's kode
}

// Switches holds the current fault of every service. The zero value has
// every service healthy. It is safe for concurrent use.
type Switches struct {
	mu sync.Mutex
	m  map[Service]*faultState
}

type faultState struct {
	f         Fault
	left      int // requests left that get f.Status, when f.Times > 0
	tokenLeft int // token requests left that get the token faults
}

// Set sets the fault of svc, replacing the one before; the zero Fault
// heals it.
func (fs *Switches) Set(svc Service, f Fault) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if fs.m == nil {
		fs.m = make(map[Service]*faultState)
	}
	fs.m[svc] = &faultState{f: f, left: f.Times, tokenLeft: f.Times}
}

// Clear heals every service.
func (fs *Switches) Clear() {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.m = nil
}

// Take returns the fault for one request to svc at path and whether its
// Status applies to it, counting down Times. A request that a fault's
// PathSuffix leaves out gets the zero Fault.
func (fs *Switches) Take(svc Service, path string) (Fault, bool) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	st := fs.m[svc]
	if st == nil || !strings.HasSuffix(path, st.f.PathSuffix) {
		return Fault{}, false
	}
	f := st.f
	if f.Status == 0 {
		return f, false
	}
	if f.Times == 0 {
		return f, true
	}
	if st.left > 0 {
		st.left--
		return f, true
	}
	return f, false
}

// TakeToken returns the fault for one token request to svc and whether
// its token faults (MaskinportenError, ExpiredToken) apply to it,
// counting down Times.
func (fs *Switches) TakeToken(svc Service) (Fault, bool) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	st := fs.m[svc]
	if st == nil || st.f.MaskinportenError == "" && !st.f.ExpiredToken {
		return Fault{}, false
	}
	if st.f.Times == 0 {
		return st.f, true
	}
	if st.tokenLeft > 0 {
		st.tokenLeft--
		return st.f, true
	}
	return st.f, false
}

// MaxBody bounds request bodies.
const MaxBody = 1 << 20

// ErrorWriter writes a service's own error body for an HTTP status.
type ErrorWriter func(w http.ResponseWriter, r *http.Request, status int)

// Wrap wraps a service's handler with its fault switches and the request
// body limit. closing ends hanging requests when the sandbox closes.
func Wrap(faults *Switches, svc Service, closing <-chan struct{}, writeError ErrorWriter, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
		f, status := faults.Take(svc, r.URL.Path)
		ctx := r.Context()
		if f.Latency > 0 {
			t := time.NewTimer(f.Latency)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				return
			case <-closing:
				t.Stop()
				return
			}
		}
		if f.Hang {
			select {
			case <-ctx.Done():
			case <-closing:
			}
			return
		}
		if status {
			if f.RetryAfter > 0 && (f.Status == http.StatusTooManyRequests || f.Status == http.StatusServiceUnavailable) {
				w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(f.RetryAfter.Seconds()))))
			}
			writeError(w, r, f.Status)
			return
		}
		if !f.Malformed && !f.Truncated {
			h.ServeHTTP(w, r)
			return
		}
		rec := &recorder{header: make(http.Header)}
		h.ServeHTTP(rec, r)
		body := rec.body.Bytes()
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		if f.Malformed {
			// Half the body and a stray tail: neither JSON nor XML.
			broken := append(append([]byte{}, body[:len(body)/2]...), "\x00}]>#<"...)
			w.Header().Set("Content-Length", strconv.Itoa(len(broken)))
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write(broken)
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(rec.statusOr200())
		_, _ = w.Write(body[:len(body)/2])
		_ = http.NewResponseController(w).Flush()
		// Abort: net/http closes the connection without logging.
		panic(http.ErrAbortHandler)
	})
}

// recorder captures a handler's answer so a fault can spoil it.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

// Header implements http.ResponseWriter.
func (r *recorder) Header() http.Header { return r.header }

// WriteHeader implements http.ResponseWriter.
func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

// Write implements http.ResponseWriter.
func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(p)
}

func (r *recorder) statusOr200() int {
	if r.status == 0 {
		return http.StatusOK
	}
	return r.status
}

// Get returns the current fault of svc without counting a request.
func (fs *Switches) Get(svc Service) Fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if st := fs.m[svc]; st != nil {
		return st.f
	}
	return Fault{}
}
