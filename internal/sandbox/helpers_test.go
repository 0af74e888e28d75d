package sandbox

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/grunndata"
)

// shared is a sandbox for the tests that only read; tests that switch
// faults or change the configuration start their own.
var shared *Sandbox

func TestMain(m *testing.M) {
	s, err := New(Config{})
	if err == nil {
		err = s.Start(context.Background())
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "starting the shared sandbox:", err)
		os.Exit(1)
	}
	shared = s
	code := m.Run()
	if err := s.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "closing the shared sandbox:", err)
		code = 1
	}
	os.Exit(code)
}

// start starts a sandbox with cfg, closed when the test ends.
func start(t *testing.T, cfg Config) *Sandbox {
	t.Helper()
	s, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	if err := s.Start(t.Context()); err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// client returns an HTTP client that trusts only the sandbox CA.
func client(s *Sandbox) *http.Client {
	return &http.Client{
		Timeout: 20 * time.Second,
		Transport: &http.Transport{
			TLSClientConfig: &tls.Config{RootCAs: s.CAPool(), MinVersion: tls.VersionTLS12},
		},
	}
}

// get fetches url with optional header pairs and returns the status, the
// headers and the body.
func get(t *testing.T, c *http.Client, url string, header ...string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: reading: %v", url, err)
	}
	return resp.StatusCode, resp.Header, body
}

// getJSON fetches url and decodes a JSON object.
func getJSON(t *testing.T, c *http.Client, url string, header ...string) (int, http.Header, map[string]any) {
	t.Helper()
	status, h, body := get(t, c, url, header...)
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("GET %s: %d, not a JSON object: %v\n%s", url, status, err, body)
	}
	return status, h, m
}

// soapRequest returns a grunndataWS request body.
func soapRequest(op, user, password, orgnr string) string {
	esc := func(s string) string {
		var b strings.Builder
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ws="http://no/brreg/saksys/grunndata/ws">
  <soapenv:Header/>
  <soapenv:Body>
    <ws:` + op + `>
      <ws:userid>` + esc(user) + `</ws:userid>
      <ws:password>` + esc(password) + `</ws:password>
      <ws:orgnr>` + esc(orgnr) + `</ws:orgnr>
    </ws:` + op + `>
  </soapenv:Body>
</soapenv:Envelope>`
}

// post sends a SOAP request body to the grunndata endpoint.
func post(t *testing.T, s *Sandbox, body, contentType string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, s.Endpoints().Grunndata, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("SOAPAction", `""`)
	resp, err := client(s).Do(req)
	if err != nil {
		t.Fatalf("POST: %v", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("POST: reading: %v", err)
	}
	return resp.StatusCode, resp.Header, b
}

// soapResponse is a SOAP response as a client sees it.
type soapResponse struct {
	Body struct {
		Fault *struct {
			Code   string `xml:"faultcode"`
			String string `xml:"faultstring"`
		} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Fault"`
		Response struct {
			XMLName xml.Name
			Return  string `xml:"http://no/brreg/saksys/grunndata/ws return"`
		} `xml:",any"`
	} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Body"`
}

// gdSub is an underStatusMelding.
type gdSub struct {
	Code int    `xml:"kode,attr"`
	Text string `xml:",chardata"`
}

// gdDoc is the inner grunndata document.
type gdDoc struct {
	XMLName xml.Name `xml:"grunndata"`
	Header  struct {
		Date    string  `xml:"prossessDato,attr"`
		Service string  `xml:"tjeneste,attr"`
		OrgNr   string  `xml:"orgnr"`
		Main    int     `xml:"hovedStatus"`
		Subs    []gdSub `xml:"underStatus>underStatusMelding"`
	} `xml:"responseHeader"`
	Melding *gdMelding `xml:"melding"`
}

type gdAddress struct {
	Line1          string `xml:"adresse1"`
	PostCode       string `xml:"postnr"`
	City           string `xml:"poststed"`
	MunicipalityNo string `xml:"kommunenummer"`
	CountryCode    string `xml:"landkode"`
	Country        string `xml:"land"`
}

type gdHolder struct {
	Status    string `xml:"statuskode,attr"`
	ID        string `xml:"fodselsnr"`
	First     string `xml:"fornavn"`
	Last      string `xml:"slektsnavn"`
	OrgNr     string `xml:"orgnr"`
	Name1     string `xml:"navn1"`
	Share     string `xml:"ansvarsandel"`
	Resigned  string `xml:"fratraadt"`
	ElectedBy struct {
		Code string `xml:"kode,attr"`
	} `xml:"valgtAv"`
	Country struct {
		Code string `xml:"landkode4,attr"`
	} `xml:"land"`
}

type gdRole struct {
	Type    string     `xml:"rolletype,attr"`
	Persons []gdHolder `xml:"person"`
	Units   []gdHolder `xml:"enhet"`
}

type gdBlock struct {
	Samendring struct {
		Type  string   `xml:"samendringstype,attr"`
		Roles []gdRole `xml:"rolle"`
	} `xml:"samendring"`
}

type gdMelding struct {
	Service string `xml:"tjeneste,attr"`
	OrgNr   string `xml:"organisasjonsnummer"`
	Name    struct {
		Line1 string `xml:"navn1"`
	} `xml:"navn"`
	Business *gdAddress `xml:"forretningsAdresse"`
	Postal   *gdAddress `xml:"postAdresse"`
	Form     string     `xml:"organisasjonsform>orgform"`
	Founded  string     `xml:"stiftelsesdato"`
	NACE     []string   `xml:"naeringskode"`
	Phone    string     `xml:"telefonnummer"`
	Fax      string     `xml:"telefaksnummer"`
	Mobile   string     `xml:"mobiltelefonnummer"`
	Email    string     `xml:"epostadresse"`
	Homepage string     `xml:"hjemmesideadresse"`
	Statuses []struct {
		Code  string   `xml:"statuskode,attr"`
		Lines []string `xml:"tekstLinje"`
	} `xml:"saerligeOpplysninger>status"`
	Contact  *gdBlock `xml:"kontaktperson"`
	Partners *gdBlock `xml:"deltakere"`
	Board    *gdBlock `xml:"styre"`
	Auditor  *gdBlock `xml:"revisor"`
	Acct     *gdBlock `xml:"regnskapsfoerer"`
}

// latin1Reader decodes ISO-8859-1 for encoding/xml.
func latin1Reader(charset string, in io.Reader) (io.Reader, error) {
	if !strings.EqualFold(charset, "ISO-8859-1") {
		return nil, fmt.Errorf("unexpected charset %q", charset)
	}
	b, err := io.ReadAll(in)
	if err != nil {
		return nil, err
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return strings.NewReader(string(r)), nil
}

// parseInner parses the inner grunndata document.
func parseInner(t *testing.T, inner string) gdDoc {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(inner))
	d.CharsetReader = latin1Reader
	var doc gdDoc
	if err := d.Decode(&doc); err != nil {
		t.Fatalf("inner document: %v\n%s", err, inner)
	}
	return doc
}

// call calls a grunndata operation and returns the inner document, raw
// and parsed.
func call(t *testing.T, s *Sandbox, op, user, password, orgnr string) (string, gdDoc) {
	t.Helper()
	status, h, body := post(t, s, soapRequest(op, user, password, orgnr), "text/xml; charset=utf-8")
	if status != http.StatusOK {
		t.Fatalf("%s %s: HTTP %d\n%s", op, orgnr, status, body)
	}
	if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "text/xml") {
		t.Errorf("%s: Content-Type %q", op, ct)
	}
	var env soapResponse
	if err := xml.Unmarshal(body, &env); err != nil {
		t.Fatalf("%s: envelope: %v\n%s", op, err, body)
	}
	if got := env.Body.Response.XMLName; got.Local != op+"Response" || got.Space != grunndata.Namespace {
		t.Fatalf("%s: response element {%s}%s", op, got.Space, got.Local)
	}
	return env.Body.Response.Return, parseInner(t, env.Body.Response.Return)
}

// codes returns the underStatus codes.
func codes(d gdDoc) []int {
	var out []int
	for _, s := range d.Header.Subs {
		out = append(out, s.Code)
	}
	return out
}

// objectAt walks a decoded JSON value by keys and array indexes.
func objectAt(t *testing.T, v any, path ...any) map[string]any {
	t.Helper()
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("at %v: not an object", p)
			}
			v = m[k]
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				t.Fatalf("at %v: not an array that long", p)
			}
			v = a[k]
		}
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("at %v: %T, not an object", path, v)
	}
	return m
}

// The persons' numbers of the world that the tests name (synthetic).
const (
	pIngrid = "12836810064" // Ingrid Solstrand, 1968
	pLars   = "21867027189" // Lars Pettersen, 1970
	pKlaus  = "66816445087" // Klaus Dieter Bergmann, D-nummer, 1964
	pEmma   = "15851251011" // Emma Hauge, born 2012: a minor
)

// testUUID returns a random (version 4) UUID.
func testUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
