package rrh

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/registry/maskinporten"
	"github.com/motpart/motpart/internal/registry/transport"
)

// fakeTokens hands out "token-N", N counting the invalidations.
type fakeTokens struct {
	mu          sync.Mutex
	gen         int
	calls       int
	invalidated int
	err         error
}

func (f *fakeTokens) Token(ctx context.Context) (maskinporten.Token, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.err != nil {
		return maskinporten.Token{}, f.err
	}
	return maskinporten.Token{AccessToken: fmt.Sprintf("token-%d", f.gen), ExpiresAt: time.Now().Add(time.Minute)}, nil
}

func (f *fakeTokens) Invalidate() {
	f.mu.Lock()
	f.gen++
	f.invalidated++
	f.mu.Unlock()
}

// regServer is the register's stand-in: handlers by path, counting
// requests.
type regServer struct {
	srv      *httptest.Server
	requests atomic.Int32
	mu       sync.Mutex
	routes   map[string]http.HandlerFunc
	lastReq  *http.Request
}

func newRegServer(t *testing.T) *regServer {
	t.Helper()
	s := &regServer{routes: map[string]http.HandlerFunc{}}
	s.srv = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		s.mu.Lock()
		h := s.routes[r.URL.Path]
		s.lastReq = r.Clone(context.Background())
		s.mu.Unlock()
		if h == nil {
			w.WriteHeader(http.StatusTeapot)
			return
		}
		h(w, r)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *regServer) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	s.routes[path] = h
	s.mu.Unlock()
}

func (s *regServer) transport(t *testing.T, timeout time.Duration) *transport.Client {
	t.Helper()
	pool := x509.NewCertPool()
	pool.AddCert(s.srv.Certificate())
	tc, err := transport.New(transport.Config{RootCAs: pool, Retries: -1, Timeout: timeout})
	if err != nil {
		t.Fatal(err)
	}
	return tc
}

// brregError is the register's error body (ServerErrorResponse).
func brregError(status int, typ, msg string) []byte {
	return fmt.Appendf(nil, `{"type":%q,"status":%d,"error":%q,"message":%q,"path":"/api/partner/reelle-rettigheter/x","timestamp":"2022-02-14T09:13:45.12Z"}`,
		typ, status, http.StatusText(status), msg)
}

func reply(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write([]byte(body))
	}
}

// authorised answers 401 unless the bearer is want.
func authorised(want string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+want {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		h(w, r)
	}
}

func TestLookup(t *testing.T) {
	const nr = "313513408"
	partner := DefaultPartnerPath + "/" + nr
	for _, tc := range []struct {
		name     string
		api      APIShape
		path     string
		handler  http.HandlerFunc
		tokenErr error
		orgnr    string
		status   dossier.Status
		code     string
		msg      string
		requests int32
		invalid  int
	}{
		{name: "found", path: partner, handler: reply(200, partnerDoc), status: dossier.StatusFound, requests: 1},
		{name: "v1", api: V1, path: DefaultV1Path + "/" + nr,
			handler: reply(200, strings.ReplaceAll(v1Doc, "310219622", nr)), status: dossier.StatusFound, requests: 1},
		{name: "not required", path: partner, status: dossier.StatusNotFound, code: CodeNotRequired, requests: 1,
			handler: reply(404, string(brregError(404, "Ikke funnet", "Virksomheten er ikke registreringspliktig i register over reelle rettighetshavere"))),
			msg:     "does not have to register beneficial owners"},
		// A 403 drops the token (issue 11, item 7; this row expected no
		// invalidation before).
		{name: "forbidden", path: partner, status: dossier.StatusNoAccess, code: CodeForbidden, requests: 1, invalid: 1,
			handler: reply(403, string(brregError(403, "Ugyldig token", "Du har ikke tilgang til dette APIet"))),
			msg:     "scope"},
		{name: "bad request", path: partner, status: dossier.StatusFailed, code: CodeInvalidNumber, requests: 1,
			handler: reply(400, string(brregError(400, "Ugyldig respons", "Organisasjonsnummer må være et nummer med nøyaktig ni siffer"))),
			msg:     "nøyaktig ni siffer"},
		{name: "internal error", path: partner, status: dossier.StatusFailed, code: "http_500", requests: 1,
			handler: reply(500, string(brregError(500, "Intern feil", "Uventet feil på tjenesten"))), msg: "internal error (HTTP 500)"},
		{name: "unavailable", path: partner, status: dossier.StatusFailed, code: "http_503", requests: 1,
			handler: reply(503, "down"), msg: "unavailable"},
		{name: "401 then a new token", path: partner, handler: authorised("token-1", reply(200, partnerDoc)),
			status: dossier.StatusFound, requests: 2, invalid: 1},
		{name: "401 twice", path: partner, handler: authorised("never", reply(200, partnerDoc)),
			status: dossier.StatusNoAccess, code: CodeUnauthorized, requests: 2, invalid: 1, msg: "did not accept the Maskinporten token"},
		{name: "malformed", path: partner, handler: reply(200, `{"registreringspliktigVirksomhet":`),
			status: dossier.StatusFailed, code: CodeMalformed, requests: 1, msg: "could not read"},
		{name: "another company", path: partner, handler: reply(200, strings.ReplaceAll(partnerDoc, nr, "923609016")),
			status: dossier.StatusFailed, code: CodeMalformed, requests: 1},
		{name: "invalid number", orgnr: "12345", status: dossier.StatusFailed, code: CodeInvalidNumber},
		{name: "maskinporten refuses", tokenErr: &maskinporten.Error{Code: "MP-250", OAuthCode: "access_denied", Scopes: []string{"brreg:reelle/rapporteringspliktig"}},
			status: dossier.StatusNoAccess, code: "mp_250", msg: "Ask Brønnøysund for the scope"},
		{name: "maskinporten clock", tokenErr: &maskinporten.Error{Code: "MP-130", OAuthCode: "invalid_grant"},
			status: dossier.StatusNoAccess, code: "mp_130", msg: "clock of this computer"},
		{name: "maskinporten unreachable", tokenErr: fmt.Errorf("maskinporten: token request: %w", &transport.Error{Kind: transport.KindNetwork, Host: "maskinporten.no"}),
			status: dossier.StatusFailed, code: "network", msg: "maskinporten.no"},
		{name: "maskinporten 500", tokenErr: &maskinporten.ResponseError{Op: "token", Code: "http_500", StatusCode: 500},
			status: dossier.StatusFailed, code: "http_500", msg: "Maskinporten had an internal error"},
		{name: "signing fails", tokenErr: errors.New("maskinporten: signing the grant with the certificate's key: the token is removed"),
			status: dossier.StatusNoAccess, code: "mp_config", msg: "signing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newRegServer(t)
			if tc.path != "" {
				s.handle(tc.path, tc.handler)
			}
			tokens := &fakeTokens{err: tc.tokenErr}
			c := New(Config{BaseURL: s.srv.URL + "/", API: tc.api, AcceptLanguage: "eng"}, tokens, s.transport(t, 5*time.Second))
			orgnr := tc.orgnr
			if orgnr == "" {
				orgnr = "313 513 408"
			}
			o, src := c.Lookup(t.Context(), orgnr)
			if src.ID != "rrh" || src.Status != tc.status || src.Code != tc.code || src.Fetched.IsZero() || src.Duration <= 0 {
				t.Errorf("source %+v, want %s %q", src, tc.status, tc.code)
			}
			if !strings.Contains(src.Message, tc.msg) {
				t.Errorf("message %q lacks %q", src.Message, tc.msg)
			}
			if (o != nil) != (tc.status == dossier.StatusFound) {
				t.Errorf("owners %+v for %s", o, tc.status)
			}
			if o != nil && (o.Number != nr || o.Source != "online" || len(o.Owners) == 0 || o.Status.Code != dossier.OwnersAllIdentified) {
				t.Errorf("owners %+v", o)
			}
			if n := s.requests.Load(); n != tc.requests {
				t.Errorf("%d requests, want %d", n, tc.requests)
			}
			if tokens.invalidated != tc.invalid {
				t.Errorf("%d invalidations, want %d", tokens.invalidated, tc.invalid)
			}
			if s.lastReq != nil {
				h := s.lastReq.Header
				if h.Get("Accept-Language") != "eng" || !strings.HasPrefix(h.Get("Authorization"), "Bearer token-") {
					t.Errorf("headers %v", h)
				}
				if tc.api == PartnerAPI && !strings.Contains(h.Get("Accept"), "application/vnd.brreg.reell.rettighet.v1+json") {
					t.Errorf("Accept %q", h.Get("Accept"))
				}
			}
		})
	}
}

func TestOwnersErrors(t *testing.T) {
	s := newRegServer(t)
	s.handle(DefaultPartnerPath+"/313513408", reply(404, string(brregError(404, "Ikke funnet", "Virksomheten er ikke registreringspliktig"))))
	c := New(Config{BaseURL: s.srv.URL}, &fakeTokens{}, s.transport(t, 5*time.Second))
	_, err := c.Owners(t.Context(), "313513408")
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeNotRequired || e.StatusCode != 404 || ErrorCode(err) != CodeNotRequired {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(err.Error(), "ikke registreringspliktig") {
		t.Errorf("message %q", err)
	}
	// A timeout is the transport's.
	s.handle(DefaultPartnerPath+"/923609016", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(2 * time.Second):
		}
	})
	c = New(Config{BaseURL: s.srv.URL}, &fakeTokens{}, s.transport(t, 200*time.Millisecond))
	_, src := c.Lookup(t.Context(), "923609016")
	if src.Status != dossier.StatusFailed || src.Code != "timeout" {
		t.Errorf("timeout: %+v", src)
	}
	// No token source at all.
	c = New(Config{BaseURL: s.srv.URL}, nil, s.transport(t, time.Second))
	if _, src := c.Lookup(t.Context(), "923609016"); src.Status != dossier.StatusNoAccess || src.Code != CodeNoToken {
		t.Errorf("no tokens: %+v", src)
	}
}

// TestLookupWithMaskinporten runs a look-up with the real Maskinporten
// client: a 401 makes it fetch a new token.
func TestLookupWithMaskinporten(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "TEST AS"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	s := newRegServer(t)
	var issued atomic.Int32
	s.handle("/token", func(w http.ResponseWriter, r *http.Request) {
		n := issued.Add(1)
		fmt.Fprintf(w, `{"access_token":"mp-%d","token_type":"Bearer","expires_in":120,"scope":"brreg:reelle/partner.rapporteringspliktig"}`, n)
	})
	s.handle(DefaultPartnerPath+"/313513408", authorised("mp-2", reply(200, partnerDoc)))
	tc := s.transport(t, 5*time.Second)
	mp, err := maskinporten.New(maskinporten.Config{Issuer: s.srv.URL + "/", TokenURL: s.srv.URL + "/token", ClientID: "client",
		Scopes: []string{"brreg:reelle/partner.rapporteringspliktig"}}, key, []string{base64.StdEncoding.EncodeToString(der)}, tc)
	if err != nil {
		t.Fatal(err)
	}
	c := New(Config{BaseURL: s.srv.URL}, mp, tc)
	o, src := c.Lookup(t.Context(), "313513408")
	if src.Status != dossier.StatusFound || o == nil || issued.Load() != 2 {
		t.Fatalf("%+v, %d tokens", src, issued.Load())
	}
	// The new token is cached.
	if _, src := c.Lookup(t.Context(), "313513408"); src.Status != dossier.StatusFound || issued.Load() != 2 {
		t.Errorf("%+v, %d tokens", src, issued.Load())
	}
}

func TestDownloadTotal(t *testing.T) {
	var gen bytes.Buffer
	if err := GenerateTotal(&gen, 200, 7); err != nil {
		t.Fatal(err)
	}
	z := zipOf(t, 8, "reelle_rettigheter.json", gen.Bytes())
	serveZip := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/zip")
		for b := z; len(b) > 0; {
			n := min(len(b), 4096)
			w.Write(b[:n])
			w.(http.Flusher).Flush()
			b = b[n:]
		}
	}
	for _, tc := range []struct {
		name    string
		cfg     Config
		path    string
		handler http.HandlerFunc
		timeout time.Duration
		code    string
	}{
		{name: "json", path: DefaultPartnerPath + "/totalbestand/json", handler: serveZip},
		{name: "csv", cfg: Config{TotalCSV: true}, path: DefaultPartnerPath + "/totalbestand/csv", handler: serveZip},
		{name: "v1", cfg: Config{API: V1}, path: DefaultV1Path + "/totalbestand", handler: serveZip},
		{name: "401 then ok", path: DefaultPartnerPath + "/totalbestand/json", handler: authorised("token-1", serveZip)},
		{name: "forbidden", path: DefaultPartnerPath + "/totalbestand/json", handler: reply(403, `{"message":"Du har ikke tilgang"}`), code: CodeForbidden},
		{name: "too large", cfg: Config{MaxDownload: 10_000}, path: DefaultPartnerPath + "/totalbestand/json", handler: serveZip, code: "too_large"},
		{name: "not a zip", path: DefaultPartnerPath + "/totalbestand/json", handler: reply(200, `[{"a":1}]`), code: CodeMalformed},
		{name: "unavailable", path: DefaultPartnerPath + "/totalbestand/json", handler: reply(503, "maintenance"), code: "http_503"},
		{name: "stalls", path: DefaultPartnerPath + "/totalbestand/json", timeout: 300 * time.Millisecond, code: "timeout",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.Write(z[:1000])
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
				case <-time.After(3 * time.Second):
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newRegServer(t)
			s.handle(tc.path, tc.handler)
			timeout := tc.timeout
			if timeout == 0 {
				timeout = 5 * time.Second
			}
			cfg := tc.cfg
			cfg.BaseURL = s.srv.URL
			c := New(cfg, &fakeTokens{}, s.transport(t, timeout))
			var out bytes.Buffer
			err := c.DownloadTotal(t.Context(), &out)
			if tc.code != "" {
				if ErrorCode(err) != tc.code {
					t.Fatalf("err = %v (code %q), want %q", err, ErrorCode(err), tc.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), z) {
				t.Fatalf("%d bytes written, want %d", out.Len(), len(z))
			}
			st, err := ReadTotal(bytes.NewReader(out.Bytes()), int64(out.Len()), func(*dossier.Owners) error { return nil })
			if err != nil || st.Registrations != 200 {
				t.Errorf("%+v, %v", st, err)
			}
		})
	}
}

func TestChanges(t *testing.T) {
	s := newRegServer(t)
	var query atomicString
	events := `[
	 {"specversion":"1.0","id":"1043","source":"https://rrh.brreg.no/api/oppslag/v1/virksomheter","type":"no.brreg.rrh.rettighetsinformasjon.registrert","time":"2026-03-14T23:10:01.123456Z","data":{"organisasjonsnummer":"313513408"}},
	 {"specversion":"1.0","id":1041,"source":"https://rrh.brreg.no/api/oppslag/v1/virksomheter/923609016","type":"no.brreg.rrh.rettighetsinformasjon.klargjortForRegistrering","time":"2026-03-14T22:00:00Z"},
	 {"specversion":"1.0","id":"1040","type":"x","data":{"organisasjonsnummer":"974760673"}},
	 {"specversion":"1.0","id":"1042","type":"x","subject":"310219622"}
	]`
	s.handle(DefaultChangesPath, func(w http.ResponseWriter, r *http.Request) {
		query.Store(r.URL.RawQuery)
		w.Write([]byte(events))
	})
	c := New(Config{BaseURL: s.srv.URL, API: V1}, &fakeTokens{}, s.transport(t, 5*time.Second))
	got, err := c.Changes(t.Context(), 1040)
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{
		{Seq: 1041, OrgNr: "923609016", Time: time.Date(2026, 3, 14, 22, 0, 0, 0, time.UTC), Type: "no.brreg.rrh.rettighetsinformasjon.klargjortForRegistrering"},
		{Seq: 1042, OrgNr: "310219622", Type: "x"},
		{Seq: 1043, OrgNr: "313513408", Time: time.Date(2026, 3, 14, 23, 10, 1, 123456000, time.UTC), Type: "no.brreg.rrh.rettighetsinformasjon.registrert"},
	}
	if len(got) != len(want) {
		t.Fatalf("%+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("change %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if query.Load() != "sekvensnummer=1040" {
		t.Errorf("query %q", query.Load())
	}

	// Wrapped lists, and nothing new.
	for _, body := range []string{`{"_embedded":{"endringer":` + events + `}}`, `{"endringer":` + events + `,"side":1}`} {
		events2 := body
		s.handle(DefaultChangesPath, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(events2)) })
		if got, err := c.Changes(t.Context(), 1042); err != nil || len(got) != 1 || got[0].Seq != 1043 {
			t.Errorf("%s: %+v, %v", body[:20], got, err)
		}
	}
	s.handle(DefaultChangesPath, reply(200, `[]`))
	if got, err := c.Changes(t.Context(), 1043); err != nil || len(got) != 0 {
		t.Errorf("empty: %+v, %v", got, err)
	}
	s.handle(DefaultChangesPath, reply(200, `[{"id":"x"}]`))
	if _, err := c.Changes(t.Context(), 1); ErrorCode(err) != CodeMalformed {
		t.Errorf("malformed: %v", err)
	}
	s.handle(DefaultChangesPath, reply(403, `{}`))
	if _, err := c.Changes(t.Context(), 1); ErrorCode(err) != CodeForbidden {
		t.Errorf("403: %v", err)
	}

	// The sequence number at a time.
	for _, body := range []string{`1040`, `"1040"`, `{"sekvensnummer":1040}`, `{"id":"1040"}`} {
		b := body
		s.handle(DefaultSequencePath, func(w http.ResponseWriter, r *http.Request) {
			query.Store(r.URL.RawQuery)
			w.Write([]byte(b))
		})
		n, err := c.Sequence(t.Context(), time.Date(2026, 3, 10, 0, 0, 0, 0, time.FixedZone("CET", 3600)))
		if err != nil || n != 1040 {
			t.Errorf("%s: %d, %v", body, n, err)
		}
		if query.Load() != "tidspunkt=2026-03-09T23%3A00%3A00Z" {
			t.Errorf("query %q", query.Load())
		}
	}
}

type atomicString struct{ v atomic.Value }

func (a *atomicString) Store(s string) { a.v.Store(s) }
func (a *atomicString) Load() string {
	s, _ := a.v.Load().(string)
	return s
}
