package scb

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/x509"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/transport"
)

// fakeClock is a clock whose Sleep moves it on at once.
type fakeClock struct {
	mu     sync.Mutex
	t      time.Time
	slept  time.Duration
	sleeps int
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
	c.slept += d
	c.sleeps++
	return nil
}

// testClient is a Client against h over TLS, on a fake clock.
func testClient(t *testing.T, h http.Handler, cfg Config) (*Client, *fakeClock) {
	t.Helper()
	srv := httptest.NewTLSServer(h)
	t.Cleanup(srv.Close)
	hc, err := transport.New(transport.Config{RootCAs: poolOf(srv), Retries: -1, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	clock := newFakeClock()
	cfg.BaseURL = srv.URL + "/nv0101/v1/sokpavar"
	cfg.Now, cfg.Sleep = clock.Now, clock.Sleep
	c, err := New(cfg, hc)
	if err != nil {
		t.Fatal(err)
	}
	return c, clock
}

func poolOf(srv *httptest.Server) *x509.CertPool {
	p := x509.NewCertPool()
	p.AddCert(srv.Certificate())
	return p
}

// answer serves body with status for every request, counting them.
type answer struct {
	mu     sync.Mutex
	status int
	body   string
	paths  []string
	bodies []string
}

func (a *answer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	a.mu.Lock()
	a.paths = append(a.paths, r.Method+" "+r.URL.Path)
	a.bodies = append(a.bodies, string(b))
	status, body := a.status, a.body
	a.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

const exampleRow = `[{
  "PeOrgNr": "165560747569", "OrgNr": "5560747569", "Företagsnamn": "EXEMPEL BYGG ÅÄÖ AB",
  "COAdress": "", "PostAdress": "BOX 123", "PostNr": "15122", "PostOrt": "SÖDERTÄLJE",
  "Säteskommun, kod": "0181", "Säteskommun": "Södertälje", "Säteslän, kod": "01", "Säteslän": "Stockholms län",
  "Juridisk form, kod": "49", "Juridisk form": "Övriga aktiebolag",
  "Bransch_1, kod": "43210", "Bransch_1P, kod": "43.210", "Bransch_1": "Elinstallationer",
  "Bransch_2, kod": "", "Bransch_2P, kod": "", "Bransch_2": "",
  "Företagsstatus, kod": "1", "Företagsstatus": "Är verksam",
  "Momsstatus, kod": "1", "Fskattstatus, kod": "1", "Arbetsgivarstatus, kod": "0",
  "Registreringsdatum": "19750312",
  "Sektor, kod": "*", "Sektor": "*", "Ägarkategori, kod": "*", "Ägarkategori": "*", "Telefon": "*", "Reklam, kod": "21"
}]`

func TestLookupMapsRow(t *testing.T) {
	a := &answer{status: 200, body: exampleRow}
	c, _ := testClient(t, a, Config{})
	got := c.Lookup(context.Background(), "556074-7569")
	if got.Source.ID != SourceID || got.Source.Status != dossier.StatusFound {
		t.Fatalf("source = %+v", got.Source)
	}
	co := got.Company
	if co == nil {
		t.Fatal("no company")
	}
	tests := []struct{ name, got, want string }{
		{"number", co.Number, "556074-7569"},
		{"name", co.Name, "EXEMPEL BYGG ÅÄÖ AB"},
		{"form", co.Form.Code + " " + co.Form.Description, "49 Övriga aktiebolag"},
		{"industry", co.Industry[0].Code + " " + co.Industry[0].Description, "43.210 Elinstallationer"},
		{"postal", strings.Join(co.PostalAddress.Lines, "|") + " " + co.PostalAddress.PostalCode + " " + co.PostalAddress.City, "BOX 123 15122 SÖDERTÄLJE"},
		{"seat", co.Swedish.Seat.Code + " " + co.Swedish.Seat.Description, "0181 Södertälje"},
		{"county", co.Swedish.SeatCounty.Code, "01"},
		{"status", co.Swedish.Status.Code, "1"},
		{"vat", co.Swedish.VAT.Code, "1"},
		{"ftax", co.Swedish.FTax.Code, "1"},
		{"employer", co.Swedish.Employer.Code, "0"},
		{"peorgnr", co.Swedish.PeOrgNr, "165560747569"},
		{"registered", co.Registered, "1975-03-12"},
		{"not subscribed", strings.Join(co.Swedish.NotSubscribed, ";"), "Sektor;Sektor, kod;Telefon;Ägarkategori;Ägarkategori, kod"},
		{"phone", co.Phone, ""},
		{"owner category", co.Swedish.OwnerCategory.Code, ""},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	if co.Sector != nil {
		t.Errorf("sector = %+v, want none (not subscribed)", co.Sector)
	}
	if len(co.Industry) != 1 || !co.InVATRegister || co.Deleted {
		t.Errorf("industry %v, vat %v, deleted %v", co.Industry, co.InVATRegister, co.Deleted)
	}
	if len(got.Source.Notes) != 1 || got.Source.Notes[0].Problem != string(problem.CodeSCBNotSubscribed) {
		t.Errorf("notes = %+v", got.Source.Notes)
	}
	var q Query
	if err := json.Unmarshal([]byte(a.bodies[0]), &q); err != nil {
		t.Fatal(err)
	}
	if a.paths[0] != "POST /nv0101/v1/sokpavar/api/Je/HamtaForetag" || len(q.Variabler) != 1 || q.Variabler[0] != (Variable{VariableOrgNr10, OperatorEquals, "5560747569", ""}) {
		t.Errorf("request %s %s", a.paths[0], a.bodies[0])
	}
	if strings.Contains(a.bodies[0], "status") {
		t.Errorf("the look-up sends a status: %s", a.bodies[0])
	}
}

func TestLookupNumbers(t *testing.T) {
	tests := []struct {
		in       string
		variable string
		value    string
	}{
		{"5560747569", VariableOrgNr10, "5560747569"},
		{"556074-7569", VariableOrgNr10, "5560747569"},
		{"165560747569", VariableOrgNr10, "5560747569"},
		{"198112189876", VariableOrgNr12, "198112189876"},
	}
	for _, tt := range tests {
		a := &answer{status: 200, body: `[]`}
		c, _ := testClient(t, a, Config{})
		got := c.Lookup(context.Background(), tt.in)
		if got.Source.Status != dossier.StatusNotFound || got.Source.Problem != string(problem.CodeUnitNotFound) {
			t.Errorf("%s: source %+v", tt.in, got.Source)
		}
		var q Query
		_ = json.Unmarshal([]byte(a.bodies[0]), &q)
		if q.Variabler[0].Variabel != tt.variable || q.Variabler[0].Varde1 != tt.value {
			t.Errorf("%s: sent %+v", tt.in, q.Variabler)
		}
	}
	c, _ := testClient(t, &answer{status: 200, body: `[]`}, Config{})
	if got := c.Lookup(context.Background(), "5560747568"); got.Source.Problem != string(problem.CodeInvalidNumber) {
		t.Errorf("bad check digit: %+v", got.Source)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		code   problem.Code
		reason string
		state  dossier.Status
	}{
		{"unknown variable", 400, `"Ogiltig variabel: Foo"`, problem.CodeSCBUnknownVariable, "Ogiltig variabel: Foo", dossier.StatusFailed},
		{"bad value", 400, `{"Meddelande":"Ogiltigt värde för Företagsstatus"}`, problem.CodeSCBInvalidValue, "Ogiltigt värde för Företagsstatus", dossier.StatusFailed},
		{"value of a variable", 400, `Ogiltigt värde för variabeln OrgNr (10 siffror): ange 10 siffror utan bindestreck.`, problem.CodeSCBInvalidValue, "Ogiltigt värde för variabeln OrgNr (10 siffror): ange 10 siffror utan bindestreck.", dossier.StatusFailed},
		{"other 400", 400, `Felaktig begäran`, problem.CodeSCBBadRequest, "Felaktig begäran", dossier.StatusFailed},
		{"maintenance", 503, `<html>Underhåll</html>`, problem.CodeSCBMaintenance, "", dossier.StatusFailed},
		{"forbidden", 403, `Certifikatet saknas`, problem.CodeSCBCertificateRefused, "Certifikatet saknas", dossier.StatusNoAccess},
		{"server", 500, ``, problem.CodeRegisterServerError, "", dossier.StatusFailed},
		{"not json", 200, `<html>`, problem.CodeUnreadableAnswer, "", dossier.StatusFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := testClient(t, &answer{status: tt.status, body: tt.body}, Config{})
			got := c.Lookup(context.Background(), "5560747569")
			if got.Source.Problem != string(tt.code) || got.Source.RegisterText != tt.reason || got.Source.Status != tt.state {
				t.Errorf("source = %+v, want %s %q %s", got.Source, tt.code, tt.reason, tt.state)
			}
		})
	}
}

func TestRateLimitWaits(t *testing.T) {
	tests := []struct {
		calls     int
		wantSleep time.Duration
	}{
		{10, 0},
		{11, 10 * time.Second},
		{25, 20 * time.Second},
	}
	for _, tt := range tests {
		a := &answer{status: 200, body: `[]`}
		c, clock := testClient(t, a, Config{})
		start := clock.Now()
		for range tt.calls {
			c.Lookup(context.Background(), "5560747569")
		}
		if len(a.paths) != tt.calls || clock.slept != tt.wantSleep {
			t.Errorf("%d calls: %d sent, slept %v, want %v", tt.calls, len(a.paths), clock.slept, tt.wantSleep)
		}
		if got := clock.Now().Sub(start); got != tt.wantSleep {
			t.Errorf("%d calls took %v", tt.calls, got)
		}
	}
}

func TestRateLimitCancelled(t *testing.T) {
	c, _ := testClient(t, &answer{status: 200, body: `[]`}, Config{Calls: 1})
	c.Lookup(context.Background(), "5560747569")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got := c.Lookup(ctx, "5560747569"); got.Source.Problem != string(problem.CodeCanceled) {
		t.Errorf("source = %+v", got.Source)
	}
}

func TestFetchCap(t *testing.T) {
	tests := []struct {
		count string
		code  problem.Code
		calls int
	}{
		{`2001`, problem.CodeSCBTooManyRows, 1},
		{`"2000"`, "", 2},
		{`{"Antal": 0}`, "", 1},
	}
	for _, tt := range tests {
		mux := http.NewServeMux()
		calls := 0
		mux.HandleFunc("/nv0101/v1/sokpavar/api/Je/RaknaForetag", func(w http.ResponseWriter, r *http.Request) {
			calls++
			io.WriteString(w, tt.count)
		})
		mux.HandleFunc("/nv0101/v1/sokpavar/api/Je/HamtaForetag", func(w http.ResponseWriter, r *http.Request) {
			calls++
			io.WriteString(w, `[{"OrgNr":"5560747569"}]`)
		})
		c, _ := testClient(t, mux, Config{})
		_, err := c.Fetch(context.Background(), Query{Foretagsstatus: "1", Variabler: []Variable{{"Namn", "Innehaller", "bygg", ""}}})
		if problem.CodeOf(err) != tt.code || calls != tt.calls {
			t.Errorf("count %s: err %v, %d calls", tt.count, err, calls)
		}
	}
}

// memCache is a CodeCache in memory.
type memCache struct {
	mu   sync.Mutex
	m    map[string]map[string]string
	puts int
}

func (m *memCache) Table(c string) (map[string]string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.m[c]
	return t, ok
}

func (m *memCache) PutTable(c string, t map[string]string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m[c] = t
	m.puts++
}

func TestCodesFillTextsAndAreCached(t *testing.T) {
	mux := http.NewServeMux()
	asked := map[string]int{}
	mux.HandleFunc("/nv0101/v1/sokpavar/api/Je/kodtabell", func(w http.ResponseWriter, r *http.Request) {
		var b struct{ Kategori string }
		_ = json.NewDecoder(r.Body).Decode(&b)
		asked[b.Kategori]++
		switch b.Kategori {
		case CategorySector:
			io.WriteString(w, `{"VardeLista":[{"Varde":"11200","Text":"Övriga icke-finansiella bolag"}]}`)
		case CategoryOwnerCategory:
			io.WriteString(w, `[{"Varde":"41","Text":"Svenskt privat ägande"}]`)
		default:
			io.WriteString(w, `{"VardeLista":[]}`)
		}
	})
	mux.HandleFunc("/nv0101/v1/sokpavar/api/Je/HamtaForetag", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `[{"OrgNr":"5560747569","Företagsnamn":"A AB","Sektor, kod":"11200","Ägarkategori, kod":"41","Juridisk form, kod":"49","Juridisk form":"Övriga aktiebolag"}]`)
	})
	cache := &memCache{m: map[string]map[string]string{}}
	c, _ := testClient(t, mux, Config{Codes: cache})
	for range 2 {
		got := c.Lookup(context.Background(), "5560747569")
		if got.Company == nil || got.Company.Sector.Description != "Övriga icke-finansiella bolag" || got.Company.Swedish.OwnerCategory.Description != "Svenskt privat ägande" {
			t.Fatalf("company = %+v", got.Company)
		}
	}
	if asked[CategorySector] != 1 || asked[CategoryOwnerCategory] != 1 || asked[CategoryLegalForm] != 0 || cache.puts != 2 {
		t.Errorf("asked %v, puts %d", asked, cache.puts)
	}
	// A new client with the cache asks SCB nothing.
	c2, _ := testClient(t, mux, Config{Codes: cache})
	c2.Lookup(context.Background(), "5560747569")
	if asked[CategorySector] != 1 {
		t.Errorf("a cached table was asked again: %v", asked)
	}
}

func TestAPIID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Certifikat_SokPaVar_A00494_2025-10-06 13-14-52Z", "A00494"},
		{"A12345", "A12345"},
		{"SCB A0049", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := APIIDOf(tt.in); got != tt.want {
			t.Errorf("APIIDOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	a := &answer{status: 200, body: `[]`}
	mux := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("api-id") != "A00494" {
			w.WriteHeader(403)
			return
		}
		a.ServeHTTP(w, r)
	})
	c, _ := testClient(t, mux, Config{APIID: "A00494", APIIDHeader: "api-id"})
	if got := c.Lookup(context.Background(), "5560747569"); got.Source.Status != dossier.StatusNotFound {
		t.Errorf("with the header: %+v", got.Source)
	}
}

// zipOf is a zip holding sektor.txt with text.
func zipOf(t *testing.T, text string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	f, err := zw.Create("sektor.txt")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, text)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSectorFile(t *testing.T) {
	z := zipOf(t, "PeOrgNr\tOrgNr\n165560747569\t5560747569\n")
	tests := []struct {
		name   string
		status int
		body   []byte
		max    int64
		code   problem.Code
	}{
		{"zip", 200, z, 0, ""},
		{"not a zip", 200, []byte("<html>hej</html>"), 0, problem.CodeUnreadableAnswer},
		{"too large", 200, z, 10, problem.CodeAnswerTooLarge},
		{"maintenance", 503, []byte("Underhåll"), 0, problem.CodeSCBMaintenance},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Method != http.MethodGet || r.URL.Path != "/nv0101/v1/sokpavar/api/Je/SektorFil" {
					w.WriteHeader(404)
					return
				}
				w.Header().Set("Content-Type", "application/zip")
				w.WriteHeader(tt.status)
				w.Write(tt.body)
			})
			c, _ := testClient(t, h, Config{MaxSectorFile: tt.max})
			var out bytes.Buffer
			var last int64
			n, err := c.SectorFile(context.Background(), &out, func(read, total int64) { last = read })
			if problem.CodeOf(err) != tt.code {
				t.Fatalf("err = %v, want %s", err, tt.code)
			}
			if tt.code == "" && (n != int64(len(z)) || !bytes.Equal(out.Bytes(), z) || last != n) {
				t.Errorf("wrote %d (progress %d), want %d", n, last, len(z))
			}
		})
	}
}

func TestSectorFileCutOff(t *testing.T) {
	z := zipOf(t, "PeOrgNr\tOrgNr\n")
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "100000")
		w.Write(z)
		w.(http.Flusher).Flush()
		// The connection closes early: the client sees fewer bytes than announced.
		if hj, ok := w.(http.Hijacker); ok {
			conn, _, _ := hj.Hijack()
			conn.Close()
		}
	})
	c, _ := testClient(t, h, Config{})
	_, err := c.SectorFile(context.Background(), io.Discard, nil)
	if c := problem.CodeOf(err); c != problem.CodeAnswerCutOff {
		t.Errorf("err = %v", err)
	}
}
