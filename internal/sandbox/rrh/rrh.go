// Package rrh simulates the register of beneficial owners (registries.md
// §4.2, §4.3): the legacy Partner API with its zipped JSON and CSV
// totalbestand under [PartnerPath], and the v1 "Virksomheter" API with its
// change log under a configurable prefix, both from one store that starts
// from the world and changes through [Server.ChangeOwners]. Every endpoint
// but v1's code lists wants a bearer token from the sandbox's Maskinporten
// with an accepted scope.
package rrh

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/sandbox/fault"
	"github.com/motpart/motpart/internal/sandbox/maskinporten"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// Options configures the simulator.
type Options struct {
	// Now is the clock for timestamps and registrations; nil means
	// time.Now.
	Now func() time.Time
	// PathPrefix is the v1 API's path prefix before /v1, e.g.
	// /api/oppslag.
	PathPrefix string
	// V1LegacyCodes makes v1 write the Partner API's short codes.
	V1LegacyCodes bool
	// V1TotalbestandZip serves v1's totalbestand zipped.
	V1TotalbestandZip bool
	// Tokens is the Maskinporten whose access tokens the APIs accept.
	Tokens *maskinporten.Server
}

// Server is the register: its store and options. Its methods are safe
// for concurrent use.
type Server struct {
	world *world.World
	opts  Options
	store *rrhStore
}

// New returns the register as it starts from w.
func New(w *world.World, opts Options) (*Server, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Tokens == nil {
		return nil, errors.New("sandbox RRH: no Maskinporten to check tokens")
	}
	st, err := newRRHStore(w)
	if err != nil {
		return nil, err
	}
	return &Server{world: w, opts: opts, store: st}, nil
}

// Handler returns the HTTP handler of the register at base
// (https://127.0.0.1:PORT), accepting tokens whose issuer is issuer.
func (s *Server) Handler(base, issuer string) http.Handler {
	return &rrh{srv: s, base: base, issuer: issuer, prefix: s.opts.PathPrefix}
}

// rrh serves the Partner API and v1. aud is not checked, as brreg does
// not.
type rrh struct {
	srv    *Server
	base   string // https://127.0.0.1:PORT
	issuer string // the sandbox Maskinporten's issuer
	prefix string // v1's path prefix, e.g. /api/oppslag
}

// PartnerPath is the Partner API's path.
const PartnerPath = "/api/partner/reelle-rettigheter"

// MediaReellRettighet is the media type that pins the Partner API's
// version.
const MediaReellRettighet = "application/vnd.brreg.reell.rettighet.v1+json"

// The scopes each endpoint accepts (§4.1, §4.4).
var (
	rrhPartnerScopes = []string{world.ScopeRRHPartnerOffentlig, world.ScopeRRHPartnerRapporteringspliktig}
	rrhV1Scopes      = []string{world.ScopeRRHOffentlig, world.ScopeRRHRapporteringspliktig, world.ScopeRRHRapporteringspliktigBegrenset,
		world.ScopeRRHMedia, world.ScopeRRHSivilsamfunn, world.ScopeRRHHoeyereutdanning}
	rrhV1Public = []string{world.ScopeRRHOffentlig}
)

// The errors' messages (reelle-partner-api.yaml examples).
const (
	// MsgBadOrgNr answers a malformed organisasjonsnummer.
	MsgBadOrgNr = "Organisasjonsnummer må være et nummer med nøyaktig ni siffer"
	// MsgForbidden answers a missing, invalid or wrong token (Partner API).
	MsgForbidden = "Du har ikke tilgang til dette APIet"
	// MsgNotRequired answers a unit not required to register.
	MsgNotRequired = "Virksomheten er ikke registreringspliktig i register over reelle rettighetshavere"
	// MsgNotReported answers a unit that must register but has not.
	MsgNotReported = "Virksomheten har ikke registrert reelle rettighetshavere"
	// MsgInternal answers an internal error.
	MsgInternal = "Uventet feil på tjenesten. Vennligst prøv igjen senere, eller kontakt oss om problemet vedvarer"
	// MsgUnauthorized answers a missing or invalid token (v1).
	MsgUnauthorized = "Mangler gyldig token fra Maskinporten"
)

// ServeHTTP routes the Partner API and v1.
func (h *rrh) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == PartnerPath+"/totalbestand/json":
		h.partnerTotal(w, r, false)
	case p == PartnerPath+"/totalbestand/csv":
		// The CSV variant, removed from the docs later (docs 1cd4bc9f).
		h.partnerTotal(w, r, true)
	case strings.HasPrefix(p, PartnerPath+"/") && !strings.Contains(p[len(PartnerPath)+1:], "/"):
		h.partnerLookup(w, r, p[len(PartnerPath)+1:])
	case strings.HasPrefix(p, h.prefix+"/v1/"):
		h.v1(w, r, strings.TrimPrefix(p, h.prefix+"/v1"))
	default:
		h.fail(w, r, http.StatusNotFound, "Ikke funnet", "Ingen ressurs funnet for "+p)
	}
}

// ErrorBody is the register's error (ServerErrorResponse with type).
type ErrorBody struct {
	Type      string `json:"type"`
	Status    int    `json:"status"`
	Error     string `json:"error"`
	Message   string `json:"message"`
	Path      string `json:"path"`
	Timestamp string `json:"timestamp"`
}

func (h *rrh) fail(w http.ResponseWriter, r *http.Request, status int, typ, msg string) {
	writeRRHError(w, r, h.srv.opts.Now(), status, typ, msg)
}

func writeRRHError(w http.ResponseWriter, r *http.Request, now time.Time, status int, typ, msg string) {
	writeJSONBody(w, r, status, ErrorBody{Type: typ, Status: status, Error: http.StatusText(status),
		Message: msg, Path: r.URL.Path, Timestamp: FormatTime(now)})
}

// ErrorWriter writes a fault switch's status as the register's error.
func ErrorWriter(opts Options) fault.ErrorWriter {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return func(w http.ResponseWriter, r *http.Request, status int) {
		typ, msg := "Feil", http.StatusText(status)
		if status == http.StatusInternalServerError {
			typ, msg = "Intern feil", MsgInternal
		}
		writeRRHError(w, r, opts.Now(), status, typ, msg)
	}
}

// access is what a valid token allows.
type access struct {
	scopes []string // the token's scopes that the endpoint accepts
}

func (a access) has(scope string) bool { return slices.Contains(a.scopes, scope) }

// authorise checks the bearer token against the accepted scopes. The
// Partner API answers 403 for a missing, invalid or expired token and for
// a wrong scope (§4.2). [U] v1 answers 401 (with WWW-Authenticate) for a
// missing, invalid or expired token and 403 for a wrong scope, as a
// Spring resource server does.
func (h *rrh) authorise(w http.ResponseWriter, r *http.Request, v1 bool, accepted []string) (access, bool) {
	deny := func(status int, msg, reason string) (access, bool) {
		if status == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token", error_description="`+reason+`"`)
		}
		h.fail(w, r, status, "Ugyldig token", msg)
		return access{}, false
	}
	invalid := func(reason string) (access, bool) {
		if v1 {
			return deny(http.StatusUnauthorized, MsgUnauthorized, reason)
		}
		return deny(http.StatusForbidden, MsgForbidden, reason)
	}
	scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(tok) == "" {
		return invalid("missing bearer token")
	}
	scopes, err := h.srv.opts.Tokens.VerifyAccess(strings.TrimSpace(tok), h.issuer, h.srv.opts.Now())
	switch {
	case errors.Is(err, maskinporten.ErrTokenExpired):
		return invalid("token expired")
	case err != nil:
		return invalid("invalid token")
	}
	var a access
	for _, sc := range scopes {
		if slices.Contains(accepted, sc) {
			a.scopes = append(a.scopes, sc)
		}
	}
	if len(a.scopes) == 0 {
		return deny(http.StatusForbidden, MsgForbidden, "")
	}
	return a, true
}

func (h *rrh) methods(w http.ResponseWriter, r *http.Request, allowed ...string) bool {
	if slices.Contains(allowed, r.Method) {
		return true
	}
	w.Header().Set("Allow", strings.Join(allowed, ", "))
	h.fail(w, r, http.StatusMethodNotAllowed, "Ugyldig forespørsel", "Metoden "+r.Method+" støttes ikke")
	return false
}

// marshalNoEscape writes v as JSON without HTML escaping.
func marshalNoEscape(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (h *rrh) writeJSON(w http.ResponseWriter, r *http.Request, contentType string, v any) {
	body, err := marshalNoEscape(v)
	if err != nil {
		h.fail(w, r, http.StatusInternalServerError, "Intern feil", MsgInternal)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// writeJSONBody writes v as JSON with a Content-Length.
func writeJSONBody(w http.ResponseWriter, r *http.Request, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"error":"server_error"}`)
	}
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// newUUID returns a random (version 4) UUID.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// CodeListNames returns the names of v1's code lists, in the order its
// code-list endpoint gives them.
func CodeListNames() []string {
	names := make([]string, len(codeLists))
	for i, l := range codeLists {
		names[i] = l.name
	}
	return names
}
