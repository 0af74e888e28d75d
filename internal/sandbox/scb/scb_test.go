package scb

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/motpart/motpart/internal/sandbox/ca"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// fixture is a simulator with the sandbox CA, a clock the test moves and
// client certificates.
type fixture struct {
	srv *Server
	ca  *ca.Authority

	// tick is how far do moves the clock after each request: a second,
	// so that tests of other things stay under the rate limit.
	tick time.Duration

	mu  sync.Mutex
	now time.Time
}

var (
	fixtureOnce sync.Once
	fixtureCA   *ca.Authority
	fixtureW    *world.World
	fixtureErr  error
	certCache   = map[string][]*x509.Certificate{}
	certCacheMu sync.Mutex
)

func newFixture(t *testing.T, opts Options) *fixture {
	t.Helper()
	fixtureOnce.Do(func() {
		fixtureW, fixtureErr = world.New()
		if fixtureErr == nil {
			fixtureCA, fixtureErr = ca.New(time.Now())
		}
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	f := &fixture{ca: fixtureCA, tick: time.Second, now: time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)}
	opts.Now = f.clock
	opts.Roots = fixtureCA.Pool()
	f.srv = New(fixtureW, opts)
	return f
}

func (f *fixture) clock() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fixture) advance(d time.Duration) {
	f.mu.Lock()
	f.now = f.now.Add(d)
	f.mu.Unlock()
}

// chain returns a certificate chain from the sandbox CA for apiID ("" for
// none), cached per API-Id.
func (f *fixture) chain(t *testing.T, apiID string) []*x509.Certificate {
	t.Helper()
	certCacheMu.Lock()
	defer certCacheMu.Unlock()
	if c, ok := certCache[apiID]; ok {
		return c
	}
	now := time.Now()
	dc, err := f.ca.SCBCertificate(apiID, "Exempelbyrån AB", now.Add(-time.Hour), now.AddDate(2, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	_, leaf, chain, err := pkcs12.DecodeChain(dc.Data, dc.Password)
	if err != nil {
		t.Fatal(err)
	}
	c := append([]*x509.Certificate{leaf}, chain...)
	certCache[apiID] = c
	return c
}

// selfSigned returns a certificate with an API-Id from a CA of its own.
func selfSigned(t *testing.T, cn string, notAfter time.Time) *x509.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-48 * time.Hour), NotAfter: notAfter,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}, KeyUsage: x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// do sends a request with the peer certificates chain (nil: none) and
// returns the recorder.
func (f *fixture) do(t *testing.T, chain []*x509.Certificate, method, path, body string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, "https://privateapi.scb.se"+path, strings.NewReader(body))
	if chain != nil {
		r.TLS = &tls.ConnectionState{PeerCertificates: chain}
	}
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, r)
	f.advance(f.tick)
	return rec
}

func TestRefusals(t *testing.T) {
	f := newFixture(t, Options{})
	good := f.chain(t, "A00494")
	tests := []struct {
		name   string
		tls    bool
		chain  []*x509.Certificate
		status int
		reason string
	}{
		{"no TLS state", false, nil, 403, "klientcertifikat saknas"},
		{"no certificate", true, []*x509.Certificate{}, 403, "klientcertifikat saknas"},
		{"another CA", true, []*x509.Certificate{selfSigned(t, "SokPaVar A00494", time.Now().AddDate(1, 0, 0))}, 403, "inte utfärdat av SCB"},
		{"expired", true, []*x509.Certificate{selfSigned(t, "SokPaVar A00494", time.Now().Add(-time.Hour))}, 403, "inte utfärdat av SCB"},
		{"no API-Id", true, f.chain(t, ""), 403, "saknar API-Id"},
		{"the sandbox CA with an API-Id", true, good, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chain := tt.chain
			if tt.tls && chain == nil {
				chain = []*x509.Certificate{}
			}
			rec := f.do(t, chain, http.MethodPost, BasePath+"/api/Je/kodtabell", `{"Kategori":"Sektor"}`)
			if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.reason) {
				t.Errorf("%d %q, want %d with %q", rec.Code, rec.Body.String(), tt.status, tt.reason)
			}
			if tt.status == 403 && !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain") {
				t.Errorf("Content-Type %q", rec.Header().Get("Content-Type"))
			}
		})
	}
	if got := f.srv.Count("refused"); got != 5 {
		t.Errorf("refused %d, want 5", got)
	}
}

func TestRateLimit(t *testing.T) {
	tests := []struct {
		name       string
		retryAfter bool
		header     string
	}{
		{"without Retry-After", false, ""},
		{"with Retry-After", true, "7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, Options{RetryAfter: tt.retryAfter})
			f.tick = 0
			a, b := f.chain(t, "A00494"), f.chain(t, "A00777")
			call := func(chain []*x509.Certificate) *httptest.ResponseRecorder {
				return f.do(t, chain, http.MethodPost, BasePath+"/api/je/kodtabell", `{"Kategori":"JuridiskForm"}`)
			}
			// Ten calls in ten seconds pass, one every 200 ms after the first two seconds.
			for i := range RateCalls {
				if rec := call(a); rec.Code != 200 {
					t.Fatalf("call %d: %d", i+1, rec.Code)
				}
				if i == 0 {
					f.advance(2 * time.Second)
				} else {
					f.advance(200 * time.Millisecond)
				}
			}
			// Now 3.8 s after the first: the eleventh is refused, twice.
			for range 2 {
				rec := call(a)
				if rec.Code != 429 || !strings.Contains(rec.Body.String(), "högst 10 anrop per 10 sekunder") {
					t.Fatalf("eleventh: %d %q", rec.Code, rec.Body.String())
				}
				if got := rec.Header().Get("Retry-After"); got != tt.header {
					t.Errorf("Retry-After %q, want %q", got, tt.header)
				}
			}
			// Another API-Id has a limit of its own.
			if rec := call(b); rec.Code != 200 {
				t.Errorf("another API-Id: %d", rec.Code)
			}
			// Ten seconds after the first call, one more is allowed; the
			// refused calls did not count.
			f.advance(6200*time.Millisecond + time.Nanosecond)
			if rec := call(a); rec.Code != 200 {
				t.Errorf("after the window: %d", rec.Code)
			}
			if rec := call(a); rec.Code != 429 {
				t.Errorf("the next one: %d", rec.Code)
			}
			if got := f.srv.Count("limited"); got != 3 {
				t.Errorf("limited %d, want 3", got)
			}
		})
	}
}

// hamta posts a HamtaForetag body and decodes the rows.
func hamta(t *testing.T, f *fixture, apiID, body string) []map[string]string {
	t.Helper()
	rec := f.do(t, f.chain(t, apiID), http.MethodPost, BasePath+"/api/Je/HamtaForetag", body)
	if rec.Code != 200 {
		t.Fatalf("HamtaForetag %s: %d %s", body, rec.Code, rec.Body)
	}
	var rows []map[string]string
	if err := json.Unmarshal(rec.Body.Bytes(), &rows); err != nil {
		t.Fatalf("HamtaForetag: %v: %s", err, rec.Body)
	}
	return rows
}

func orgnrBody(variable, value string) string {
	return `{"variabler":[{"Variabel":"` + variable + `","Operator":"ArLikaMed","Varde1":"` + value + `","Varde2":""}]}`
}

func TestHamtaForetag(t *testing.T) {
	f := newFixture(t, Options{Subscriptions: map[string][]string{"A00002": {GroupBasic}}})
	tests := []struct {
		name, apiID, body string
		want              map[string]string
	}{
		{"OrgNr, full subscription", "A00001", orgnrBody("OrgNr (10 siffror)", "5566778899"), map[string]string{
			"PeOrgNr": "165566778899", "OrgNr": "5566778899", "Företagsnamn": "Norrsken Kapital AB", "PostOrt": "STOCKHOLM",
			"Säteskommun, kod": "0180", "Säteskommun": "Stockholm", "Säteslän, kod": "01", "Juridisk form, kod": "49",
			"Juridisk form": "Övriga aktiebolag", "Bransch_1, kod": "64202", "Bransch_1P, kod": "64.202",
			"Bransch_1": "Holdingverksamhet i icke-finansiella koncerner", "Sektor, kod": "114000", "Ägarkategori, kod": "41",
			"Företagsstatus, kod": "1", "Arbetsgivarstatus, kod": "1", "Momsstatus, kod": "1", "Fskattstatus, kod": "1",
			"Telefon": "08-123 456 70", "Stkl, kod": "2"}},
		{"OrgNr, basic subscription", "A00002", orgnrBody("OrgNr (10 siffror)", "5566778899"), map[string]string{
			"Företagsnamn": "Norrsken Kapital AB", "Juridisk form, kod": "49", "Sektor, kod": "*", "Sektor": "*",
			"Ägarkategori, kod": "*", "Telefon": "*", "E-post": "*", "Momsstatus, kod": "*", "Stkl, kod": "*", "Bransch_2, kod": "*"}},
		{"a sole trader by PeOrgNr", "A00001", orgnrBody("PeOrgNr", "198112189876"), map[string]string{
			"PeOrgNr": "198112189876", "OrgNr": "8112189876", "Företagsnamn": "Åsa Ekström", "Firma": "Ekströms Hårvård",
			"Juridisk form, kod": "10", "Sektor, kod": "142000", "Sektor": "Företagarhushåll utan anställda", "Ägarkategori, kod": ""}},
		{"a sole trader born in 2001 by OrgNr (12 siffror)", "A00001", orgnrBody("OrgNr (12 siffror)", "200109234567"), map[string]string{
			"PeOrgNr": "200109234567", "Företagsnamn": "Elin Öhman"}},
		{"Latin-1 letters", "A00001", orgnrBody("OrgNr (10 siffror)", "9696543215"), map[string]string{
			"Företagsnamn": "Café Åkerblom HB", "Juridisk form": "Handelsbolag, kommanditbolag", "Bransch_2, kod": ""}},
		{"two industries", "A00001", orgnrBody("OrgNr (10 siffror)", "5590123450"), map[string]string{
			"Bransch_2, kod": "49410", "Bransch_2P, kod": "49.410", "COAdress": "c/o Hamnkontoret"}},
		{"inactive", "A00001", orgnrBody("OrgNr (10 siffror)", "5565432191"), map[string]string{
			"Företagsstatus, kod": "9", "Slutdatum": "2021-12-31"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := hamta(t, f, tt.apiID, tt.body)
			if len(rows) != 1 {
				t.Fatalf("%d rows", len(rows))
			}
			for k, v := range tt.want {
				if got, ok := rows[0][k]; !ok || got != v {
					t.Errorf("%s = %q (present %v), want %q", k, got, ok, v)
				}
			}
		})
	}

	counts := []struct {
		name, body string
		want       int
	}{
		{"not in the register", orgnrBody("OrgNr (10 siffror)", "5560747569"), 0},
		{"active only", `{"Företagsstatus":"1","variabler":[{"Variabel":"OrgNr (10 siffror)","Operator":"ArLikaMed","Varde1":"5565432191","Varde2":""}]}`, 0},
		{"inactive only", `{"Företagsstatus":"9","Kategorier":[{"Kategori":"JuridiskForm","Kod":["49"]}]}`, 1},
		{"name contains, case-insensitive", `{"variabler":[{"Variabel":"Namn","Operator":"Innehaller","Varde1":"ÅKERBLOM","Varde2":""}]}`, 1},
		{"all aktiebolag", `{"Kategorier":[{"Kategori":"JuridiskForm","Kod":["49"]}]}`, 5},
		{"seat in Stockholm county", `{"Kategorier":[{"Kategori":"SätesLän","Kod":["01"]}]}`, 8},
	}
	for _, tt := range counts {
		t.Run(tt.name, func(t *testing.T) {
			if rows := hamta(t, f, "A00001", tt.body); len(rows) != tt.want {
				t.Errorf("%d rows, want %d", len(rows), tt.want)
			}
			rec := f.do(t, f.chain(t, "A00001"), http.MethodPost, BasePath+"/api/je/raknaforetag", tt.body)
			if rec.Code != 200 || strings.TrimSpace(rec.Body.String()) != itoa(tt.want) {
				t.Errorf("RaknaForetag %d %q, want %d", rec.Code, rec.Body, tt.want)
			}
		})
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestMaxRows(t *testing.T) {
	f := newFixture(t, Options{MaxRows: 2})
	body := `{"Kategorier":[{"Kategori":"JuridiskForm","Kod":["49"]}]}`
	if rows := hamta(t, f, "A00001", body); len(rows) != 2 {
		t.Errorf("%d rows, want the cap 2", len(rows))
	}
	rec := f.do(t, f.chain(t, "A00001"), http.MethodPost, BasePath+"/api/je/raknaforetag", body)
	if strings.TrimSpace(rec.Body.String()) != "5" {
		t.Errorf("RaknaForetag %q, want the full count 5", rec.Body)
	}
}

func TestBadRequests(t *testing.T) {
	f := newFixture(t, Options{})
	tests := []struct{ name, path, body, reason string }{
		{"not JSON", "hamtaforetag", `{"variabler":`, "inte giltig JSON"},
		{"empty Företagsstatus", "hamtaforetag", `{"Företagsstatus":"","variabler":[{"Variabel":"Namn","Operator":"BorjarPa","Varde1":"a"}]}`, "Ogiltigt värde för Företagsstatus"},
		{"empty Registreringsstatus", "raknaforetag", `{"Registreringsstatus":"","Kategorier":[{"Kategori":"Sektor","Kod":["114000"]}]}`, "Ogiltigt värde för Registreringsstatus"},
		{"unknown variable", "hamtaforetag", orgnrBody("Orgnummer", "5566778899"), `Ogiltig variabel: "Orgnummer"`},
		{"unknown operator", "hamtaforetag", `{"variabler":[{"Variabel":"Namn","Operator":"Liknar","Varde1":"a"}]}`, `Ogiltig operator: "Liknar"`},
		{"hyphen in OrgNr", "hamtaforetag", orgnrBody("OrgNr (10 siffror)", "556677-8899"), "ange 10 siffror utan bindestreck"},
		{"12 digits for 10", "hamtaforetag", orgnrBody("OrgNr (10 siffror)", "165566778899"), "ange 10 siffror"},
		{"10 digits for PeOrgNr", "hamtaforetag", orgnrBody("PeOrgNr", "5566778899"), "ange 12 siffror"},
		{"Mellan without Varde2", "hamtaforetag", `{"variabler":[{"Variabel":"PostNr","Operator":"Mellan","Varde1":"1"}]}`, "kräver två värden"},
		{"unknown category", "hamtaforetag", `{"Kategorier":[{"Kategori":"Kommun","Kod":["0180"]}]}`, `Ogiltig kategori: "Kommun"`},
		{"category without codes", "hamtaforetag", `{"Kategorier":[{"Kategori":"Sektor","Kod":[]}]}`, "Inga koder angivna för Sektor"},
		{"no criteria", "raknaforetag", `{"Företagsstatus":"1"}`, "Minst ett urvalsvillkor"},
		{"unknown code table", "kodtabell", `{"Kategori":"Storlek"}`, `Ogiltig kategori: "Storlek"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := f.do(t, f.chain(t, "A00001"), http.MethodPost, BasePath+"/api/je/"+tt.path, tt.body)
			if rec.Code != 400 || !strings.Contains(rec.Body.String(), tt.reason) {
				t.Errorf("%d %q, want 400 with %q", rec.Code, rec.Body, tt.reason)
			}
		})
	}
	if got := f.srv.Count("bad"); got != len(tests) {
		t.Errorf("bad %d, want %d", got, len(tests))
	}
}

func TestKodtabellAndRoutes(t *testing.T) {
	f := newFixture(t, Options{})
	chain := f.chain(t, "A00001")
	tables := []struct{ category, code, text string }{
		{"Sektor", "142000", "Företagarhushåll utan anställda"},
		{"JuridiskForm", "53", "Bostadsrättsföreningar"},
		{"SätesKommun", "1480", "Göteborg"},
		{"Ägarkategori", "50", "Utlandsägda"},
		{"Bransch", "43210", "Elinstallationer"},
	}
	for _, tt := range tables {
		rec := f.do(t, chain, http.MethodPost, BasePath+"/api/Je/KodTabell", `{"Kategori":"`+tt.category+`"}`)
		var got struct {
			VardeLista []struct{ Varde, Text string }
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &got); rec.Code != 200 || err != nil {
			t.Fatalf("%s: %d %v", tt.category, rec.Code, err)
		}
		found := false
		for _, v := range got.VardeLista {
			found = found || v.Varde == tt.code && v.Text == tt.text
		}
		if !found {
			t.Errorf("%s: no %s %q in %v", tt.category, tt.code, tt.text, got.VardeLista)
		}
	}
	routes := []struct {
		method, path string
		status       int
	}{
		{http.MethodGet, "/api/je/hamtaforetag", 405},
		{http.MethodPost, "/api/je/sektorfil", 405},
		{http.MethodGet, "/api/je/finnsinte", 404},
		{http.MethodGet, "/annat", 404},
		{http.MethodGet, "/api/JE/SEKTORFIL", 200},
		{http.MethodGet, "/api/je/koptavariabler", 200},
	}
	for _, tt := range routes {
		path := BasePath + tt.path
		if tt.path == "/annat" {
			path = tt.path
		}
		if rec := f.do(t, chain, tt.method, path, ""); rec.Code != tt.status {
			t.Errorf("%s %s: %d, want %d", tt.method, path, rec.Code, tt.status)
		}
	}
}

func TestKoptaVariabler(t *testing.T) {
	f := newFixture(t, Options{Subscriptions: map[string][]string{"A00002": {GroupBasic}}})
	for _, tt := range []struct {
		apiID       string
		has, hasNot string
	}{{"A00001", "Sektor, kod", ""}, {"A00002", "PostOrt", "Sektor, kod"}} {
		rec := f.do(t, f.chain(t, tt.apiID), http.MethodGet, BasePath+"/api/je/koptavariabler", "")
		var names []string
		if err := json.Unmarshal(rec.Body.Bytes(), &names); err != nil {
			t.Fatal(err)
		}
		joined := "|" + strings.Join(names, "|") + "|"
		if !strings.Contains(joined, "|"+tt.has+"|") || tt.hasNot != "" && strings.Contains(joined, "|"+tt.hasNot+"|") {
			t.Errorf("%s: %v", tt.apiID, names)
		}
	}
}

func TestAPIIDHeaderAndHelp(t *testing.T) {
	f := newFixture(t, Options{})
	f.tick = 0
	chain := f.chain(t, "A00494")
	tests := []struct {
		name, header, value string
		status              int
	}{
		{"no header", "", "", 200},
		{"api-id, the certificate's", "api-id", "A00494", 200},
		{"APIId, the certificate's", "APIId", "A00494", 200},
		{"api-id, another", "api-id", "A00001", 403},
		{"APIId, another", "APIId", "A99999", 403},
	}
	for _, tt := range tests {
		r := httptest.NewRequest(http.MethodPost, BasePath+"/api/je/kodtabell", strings.NewReader(`{"Kategori":"Sektor"}`))
		r.TLS = &tls.ConnectionState{PeerCertificates: chain}
		if tt.header != "" {
			r.Header.Set(tt.header, tt.value)
		}
		rec := httptest.NewRecorder()
		f.srv.ServeHTTP(rec, r)
		if rec.Code != tt.status || tt.status == 403 && !strings.Contains(rec.Body.String(), "API-Id i anropet") {
			t.Errorf("%s: %d %q", tt.name, rec.Code, rec.Body)
		}
	}
	// /help needs a certificate but not the limit.
	for range 15 {
		if rec := f.do(t, chain, http.MethodGet, BasePath+"/help", ""); rec.Code != 200 || !strings.Contains(rec.Body.String(), "HamtaForetag") {
			t.Fatalf("/help: %d", rec.Code)
		}
	}
	if rec := f.do(t, nil, http.MethodGet, BasePath+"/help", ""); rec.Code != 403 {
		t.Errorf("/help without a certificate: %d", rec.Code)
	}
}
