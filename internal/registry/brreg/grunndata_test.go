package brreg

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/registry/transport"
)

// The request of registries.md §3.1, byte for byte.
const goldenRequest = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
                  xmlns:ws="http://no/brreg/saksys/grunndata/ws">
  <soapenv:Body>
    <ws:hentBasisdataMini>
      <ws:userid>SIMUSER</ws:userid>
      <ws:password>secret</ws:password>
      <ws:orgnr>923609016</ws:orgnr>
    </ws:hentBasisdataMini>
  </soapenv:Body>
</soapenv:Envelope>
`

func TestBuildRequestGolden(t *testing.T) {
	got, err := buildRequest("hentBasisdataMini", "SIMUSER", "secret", "923609016")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != goldenRequest {
		t.Errorf("request differs from §3.1:\n%s", got)
	}
	got, _ = buildRequest("hentRoller", "A&B", `<p"w'>`, "923609016")
	if !bytes.Contains(got, []byte("<ws:userid>A&amp;B</ws:userid>")) || !bytes.Contains(got, []byte("<ws:password>&lt;p&#34;w&#39;&gt;</ws:password>")) {
		t.Errorf("credentials not escaped:\n%s", got)
	}
	for _, bad := range []string{"a\x00b", "a\x1bb", "\xff"} {
		if _, err := buildRequest("hentRoller", "u", bad, "923609016"); ErrorCode(err) != CodeCredentials {
			t.Errorf("password %q: %v", bad, err)
		}
	}
}

// testFnr returns a synthetic (Tenor, month + 80) fødselsnummer born on
// ddmmyy with month+80, with valid check digits.
func testFnr(ddmmyy string) string {
	w1 := []int{3, 7, 6, 1, 8, 9, 4, 5, 2}
	w2 := []int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2}
	check := func(d string, w []int) int {
		s := 0
		for i, x := range w {
			s += int(d[i]-'0') * x
		}
		c := 11 - s%11
		if c == 11 {
			c = 0
		}
		return c
	}
	for ind := 100; ind < 500; ind++ {
		d := fmt.Sprintf("%s%03d", ddmmyy, ind)
		k1 := check(d, w1)
		if k1 == 10 {
			continue
		}
		d += string(rune('0' + k1))
		k2 := check(d, w2)
		if k2 == 10 {
			continue
		}
		return d + string(rune('0'+k2))
	}
	panic("no fnr")
}

// inner writes an inner grunndata document as §3.1 shows it.
func inner(op, orgnr string, main int, subs, melding string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?>` + "\n")
	fmt.Fprintf(&b, `<grunndata xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://ftp2.brreg.no/xml/skjema/grunndata/2008/11/25/%s.xsd">`, op)
	fmt.Fprintf(&b, `<responseHeader prossessDato="2026-03-15" tjeneste="%s"><orgnr>%s</orgnr><hovedStatus>%d</hovedStatus>`, op, orgnr, main)
	if subs != "" {
		b.WriteString("<underStatus>" + subs + "</underStatus>")
	}
	b.WriteString("</responseHeader>")
	if melding != "" {
		fmt.Fprintf(&b, `<melding tjeneste="%s">%s</melding>`, op, melding)
	}
	b.WriteString("</grunndata>")
	return b.String()
}

func sub(code int, text string) string {
	return fmt.Sprintf(`<underStatusMelding kode="%d">%s</underStatusMelding>`, code, text)
}

// envelope wraps an inner document as grunndataWS does: escaped text in
// return.
func envelope(op, doc string) string {
	var b strings.Builder
	b.WriteString(`<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>`)
	fmt.Fprintf(&b, `<%sResponse xmlns="http://no/brreg/saksys/grunndata/ws"><return>`, op)
	xml.EscapeText(&b, []byte(doc))
	fmt.Fprintf(&b, `</return></%sResponse></S:Body></S:Envelope>`, op)
	return b.String()
}

const faultEnvelope = `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>Unmarshalling Error: password hemmelig-passord is not allowed</faultstring></soap:Fault></soap:Body></soap:Envelope>`

// soapRequest is what the simulated service reads from a request.
type soapRequest struct {
	Body struct {
		Op struct {
			XMLName  xml.Name
			Userid   string `xml:"http://no/brreg/saksys/grunndata/ws userid"`
			Password string `xml:"http://no/brreg/saksys/grunndata/ws password"`
			Orgnr    string `xml:"http://no/brreg/saksys/grunndata/ws orgnr"`
		} `xml:",any"`
	} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Body"`
}

// answer is the simulated service's answer to one operation: an inner
// document, or a raw HTTP answer.
type answer struct {
	doc    string
	status int    // for raw answers
	raw    string // a whole body
}

type gdServer struct {
	*httptest.Server
	mu       sync.Mutex
	requests []soapRequest
}

// newGrunndataServer serves answers[orgnr][op]; an orgnr mapped under op
// "*" answers every operation.
func newGrunndataServer(t *testing.T, answers map[string]map[string]answer) *gdServer {
	t.Helper()
	s := &gdServer{}
	s.Server = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/grunndata/ErFr" {
			t.Errorf("%s %s", r.Method, r.URL.Path)
		}
		if ct := r.Header.Get("Content-Type"); ct != "text/xml; charset=utf-8" {
			t.Errorf("Content-Type %q", ct)
		}
		if sa, ok := r.Header["Soapaction"]; !ok || len(sa) != 1 || sa[0] != `""` {
			t.Errorf("SOAPAction %q", sa)
		}
		body, _ := io.ReadAll(r.Body)
		var req soapRequest
		if err := xml.Unmarshal(body, &req); err != nil {
			t.Errorf("request: %v\n%s", err, body)
		}
		if req.Body.Op.XMLName.Space != NamespaceGrunndata {
			t.Errorf("operation %v not in the grunndata namespace", req.Body.Op.XMLName)
		}
		s.mu.Lock()
		s.requests = append(s.requests, req)
		s.mu.Unlock()
		op, orgnr := req.Body.Op.XMLName.Local, req.Body.Op.Orgnr
		a, ok := answers[orgnr][op]
		if !ok {
			a, ok = answers[orgnr]["*"]
		}
		if !ok {
			t.Errorf("no answer for %s %s", op, orgnr)
			w.WriteHeader(500)
			return
		}
		switch {
		case a.raw != "" || a.status != 0:
			w.Header().Set("Content-Type", "text/xml; charset=utf-8")
			w.WriteHeader(a.status)
			io.WriteString(w, a.raw)
		default:
			w.Header().Set("Content-Type", "text/xml; charset=utf-8")
			io.WriteString(w, envelope(op, a.doc))
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *gdServer) client(t *testing.T, user, password string) *Grunndata {
	t.Helper()
	pool := x509.NewCertPool()
	pool.AddCert(s.Certificate())
	tc, err := transport.New(transport.Config{RootCAs: pool, Timeout: 500 * time.Millisecond, RetryWait: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tc.CloseIdleConnections)
	return NewGrunndata(s.URL+"/grunndata/ErFr", user, password, tc)
}

// same answers every operation for orgnr with one header and no melding.
func same(orgnr string, main int, subs string) map[string]answer {
	return map[string]answer{"*": {doc: inner("x", orgnr, main, subs, "")}}
}

// Meldinger of a healthy unit.
var (
	lederFnr     = testFnr("018180") // 1 January 1980, synthetic
	basisMelding = `<organisasjonsnummer registreringsDato="2007-12-19">313513408</organisasjonsnummer>
    <navn registreringsDato="2007-12-19"><navn1>TENOR</navn1><navn2>REGNSKAP AS</navn2></navn>
    <forretningsAdresse registreringsDato="2008-04-01">
      <adresse1>Eksempelveien 6</adresse1><adresse2>Bygg B</adresse2><postnr>0590</postnr><poststed>OSLO</poststed>
      <kommunenummer>0301</kommunenummer><kommune>OSLO</kommune><landkode>NOR</landkode><land>Norge</land>
    </forretningsAdresse>
    <organisasjonsform registreringsDato="2007-12-19">
      <orgform>AS</orgform><orgformBeskrivelse>Aksjeselskap</orgformBeskrivelse>
    </organisasjonsform>`
	kontaktMelding = `<organisasjonsnummer registreringsDato="2007-12-19">313513408</organisasjonsnummer>
    <mobiltelefonnummer registreringsDato="2007-12-19">905 73 014</mobiltelefonnummer>
    <epostadresse registreringsDato="2007-12-19">post@tenor.example</epostadresse>`
	rollerMelding = `<kontaktperson><samendring beskrivelse="Daglig leder/ adm.direktør" registreringsDato="2019-06-23" samendringstype="DAGL">
      <rolle beskrivelse="Daglig leder/ adm.direktør" rolletype="DAGL">
        <person statuskode="L" beskrivelse="Lever"><fodselsnr>` + lederFnr + `</fodselsnr><fornavn>Kari</fornavn><slektsnavn>Nordmann</slektsnavn>
          <adresse1>Eksempelveien 6</adresse1><postnr>0590</postnr><poststed>OSLO</poststed><land landkode4="NOR">Norge</land><fratraadt>N</fratraadt></person>
      </rolle></samendring></kontaktperson>
    <styre><samendring beskrivelse="Styre" registreringsDato="2019-06-23" samendringstype="STYR">
      <rolle beskrivelse="Styrets leder" rolletype="LEDE">
        <person statuskode="L"><fodselsnr>` + lederFnr + `</fodselsnr><fornavn>Kari</fornavn><slektsnavn>Nordmann</slektsnavn><fratraadt>N</fratraadt></person>
      </rolle>
      <rolle beskrivelse="Styremedlem" rolletype="MEDL">
        <person statuskode="D"><fodselsnr>31129999999</fodselsnr><fornavn>Ola</fornavn><slektsnavn>Olsen</slektsnavn><fratraadt>J</fratraadt></person>
      </rolle></samendring></styre>
    <revisor><samendring beskrivelse="Revisor" registreringsDato="2020-01-02" samendringstype="REVI">
      <rolle beskrivelse="Revisor" rolletype="REVI">
        <enhet statuskode="OK"><orgnr>310219622</orgnr><navn1>REVISJON</navn1><navn2>OG R&#xc5;D AS</navn2><adresse1>Storgata 1</adresse1><fratraadt>N</fratraadt></enhet>
      </rolle></samendring></revisor>`
)

func TestGrunndataLookup(t *testing.T) {
	answers := map[string]map[string]answer{
		"313513408": {
			"hentBasisdata":   {doc: inner("hentBasisdata", "313513408", 0, sub(0, "Data returnert")+sub(1020, "Enhet 313513408 har ikke postadresse"), basisMelding)},
			"hentKontaktdata": {doc: inner("hentKontaktdata", "313513408", 0, sub(0, "Data returnert")+sub(1115, "Enhet 313513408 har ikke telefon")+sub(1119, "Enhet 313513408 har ikke hjemmeside"), kontaktMelding)},
			"hentRoller":      {doc: inner("hentRoller", "313513408", 0, sub(0, "Data returnert"), rollerMelding)},
		},
		// ISO-8859-1 declared, numeric entities, and a letter that was
		// already decoded from the UTF-8 envelope (ø).
		"310219622": {
			"hentBasisdata": {doc: strings.Replace(inner("hentBasisdata", "310219622", 0, sub(0, "Data returnert"),
				`<organisasjonsnummer>310219622</organisasjonsnummer><navn><navn1>BL&#xc5;B&#xc6;R &#216;KONOMI AS</navn1></navn>
				 <postAdresse><adresse1>Postboks 4</adresse1><postnr>9008</postnr><poststed>TROMSø</poststed><landkode>NOR</landkode></postAdresse>`),
				`<?xml version="1.0"?>`, `<?xml version="1.0" encoding="ISO-8859-1"?>`, 1)},
			"*": {doc: inner("x", "310219622", 0, sub(0, "Data returnert"), "")},
		},
		"312246538": same("312246538", -1, ""),
		"400000001": {
			"hentBasisdata": {doc: inner("hentBasisdata", "400000001", 0,
				sub(1, "Enhet 400000001 er slettet som dublett - korrekt enhet 400000002 er innført"),
				`<organisasjonsnummer>400000001</organisasjonsnummer><navn><navn1>DUBLETT AS</navn1></navn>`)},
			"*": {doc: inner("x", "400000001", 0, sub(1, "Enhet 400000001 er slettet som dublett - korrekt enhet 400000002 er innført"), "")},
		},
		"400000003": same("400000003", 1, sub(130, "Enhet 400000003 er en bedrift/virksomhet, juridisk enhet er 400000004")),
		"400000005": same("400000005", 1, sub(100, "Enhet 400000005 aldri opprettet")),
		"400000006": same("400000006", 1, sub(110, "Enhet 400000006 er slettet")),
		"400000007": same("400000007", -1, sub(-101, "Feil i brukernavn og/eller passord")),
		"400000008": {
			"hentRoller": {doc: inner("hentRoller", "400000008", -1, sub(-100, "Bruker mangler autorisasjon for denne tjenesten"), "")},
			"*":          {doc: inner("x", "400000008", 0, sub(0, "Data returnert"), `<organisasjonsnummer>400000008</organisasjonsnummer><navn><navn1>DELVIS AS</navn1></navn>`)},
		},
		"400000009": {"*": {status: 500, raw: faultEnvelope}},
		"400000010": same("400000010", -1, sub(-1000, "Det har oppstått en uventet feil")),
		"400000011": same("400000011", 1, sub(10000, "Ikke gyldig organisasjonsnummer")),
		"400000012": {"*": {status: 503, raw: "<html>Vedlikehold</html>"}},
		"400000013": {"*": {doc: "<grunndata><responseHeader><hovedStatus>null"}},
		"400000014": same("400000099", 0, sub(0, "Data returnert")),
		// a reply about the unit it redirects to is no mix-up
		"400000023": same("400000024", 1, sub(130, "Enhet 400000023 er en bedrift/virksomhet, juridisk enhet er 400000024")),
		"400000015": {
			"hentBasisdata": {doc: inner("hentBasisdata", "400000015", 0, sub(3, "Enhet 400000016 er registreringsenheten til enheten som ble bestilt"),
				`<organisasjonsnummer>400000016</organisasjonsnummer><navn><navn1>REGISTRERINGSENHET</navn1></navn>`)},
			"*": {doc: inner("x", "400000015", 0, sub(3, "Enhet 400000016 er registreringsenheten til enheten som ble bestilt"), "")},
		},
		"400000017": same("400000017", 1, sub(120, "Enhet 400000017 er slettet som dublett eller sammenslått - korrekt enhet 400000018 er slettet")),
		"400000019": same("400000019", 1, sub(200, "Enhet 400000019 som det spørres på er en registreringsenhet")),
		"400000020": same("400000020", 0, sub(5, "Ukjent")),
		"400000021": same("400000021", 0, sub(0, "Data returnert")), // no melding at all
		"400000022": {
			"hentBasisdata": {doc: inner("hentBasisdata", "400000022", 0, sub(0, "Data returnert")+sub(1999, "Enhet 400000022 har ikke noe nytt"),
				`<organisasjonsnummer>400000022</organisasjonsnummer><navn><navn1>NY KODE AS</navn1></navn>`)},
			"*": {doc: inner("x", "400000022", 0, sub(0, "Data returnert"), "")},
		},
	}
	srv := newGrunndataServer(t, answers)
	g := srv.client(t, "SIMUSER", "hemmelig-passord")

	tests := []struct {
		orgnr  string
		status dossier.Status
		code   string
		check  func(t *testing.T, r Result)
	}{
		{"313513408", dossier.StatusFound, "", func(t *testing.T, r Result) {
			want := &dossier.Company{
				Number:     "313513408",
				Name:       "TENOR REGNSKAP AS",
				Form:       dossier.Code{Code: "AS", Description: "Aksjeselskap"},
				Registered: "2007-12-19",
				BusinessAddress: &dossier.Address{Lines: []string{"Eksempelveien 6", "Bygg B"}, PostalCode: "0590", City: "OSLO",
					Municipality: "OSLO", MunicipalityNumber: "0301", Country: "Norge", CountryCode: "NOR"},
				Mobile: "905 73 014",
				Email:  "post@tenor.example",
			}
			if !reflect.DeepEqual(r.Company, want) {
				t.Errorf("company %+v", r.Company)
			}
			wantNotes := []dossier.SourceNote{
				{Code: "1020", Problem: "no_postal_address", Message: "No postal address registered."},
				{Code: "1115", Problem: "no_phone", Message: "No phone number registered."},
				{Code: "1119", Problem: "no_website", Message: "No website registered."},
			}
			if !reflect.DeepEqual(r.Source.Notes, wantNotes) {
				t.Errorf("notes %+v", r.Source.Notes)
			}
			wantRoles := []dossier.Role{
				{Group: dossier.Code{Code: "DAGL", Description: "Daglig leder/ adm.direktør"}, Type: dossier.Code{Code: "DAGL", Description: "Daglig leder/ adm.direktør"},
					Person: &dossier.Person{Name: "Kari Nordmann", BirthDate: "1980-01-01", NationalID: lederFnr}, Since: "2019-06-23"},
				{Group: dossier.Code{Code: "STYR", Description: "Styre"}, Type: dossier.Code{Code: "LEDE", Description: "Styrets leder"},
					Person: &dossier.Person{Name: "Kari Nordmann", BirthDate: "1980-01-01", NationalID: lederFnr}, Since: "2019-06-23"},
				{Group: dossier.Code{Code: "STYR", Description: "Styre"}, Type: dossier.Code{Code: "MEDL", Description: "Styremedlem"},
					Person: &dossier.Person{Name: "Ola Olsen", NationalID: "31129999999", Deceased: true}, Resigned: true, Since: "2019-06-23"},
				{Group: dossier.Code{Code: "REVI", Description: "Revisor"}, Type: dossier.Code{Code: "REVI", Description: "Revisor"},
					Unit: &dossier.UnitRef{Number: "310219622", Name: "REVISJON OG RÅD AS"}, Since: "2020-01-02"},
			}
			if !reflect.DeepEqual(r.Roles, wantRoles) {
				for _, ro := range r.Roles {
					t.Logf("%+v %+v %+v", ro, ro.Person, ro.Unit)
				}
				t.Error("roles differ")
			}
			if r.Source.Redirect != nil || r.Source.Message != "" {
				t.Errorf("source %+v", r.Source)
			}
		}},
		{"310219622", dossier.StatusFound, "", func(t *testing.T, r Result) {
			if r.Company.Name != "BLÅBÆR ØKONOMI AS" || r.Company.PostalAddress.City != "TROMSø" {
				t.Errorf("ISO-8859-1 document: name %q, city %q", r.Company.Name, r.Company.PostalAddress.City)
			}
		}},
		{"312246538", dossier.StatusFailed, "-1", nil},
		{"400000001", dossier.StatusFound, "1", func(t *testing.T, r Result) {
			if want := (dossier.Redirect{Reason: "duplicate", Code: "1", Number: "400000002"}); r.Source.Redirect == nil || *r.Source.Redirect != want {
				t.Errorf("redirect %+v", r.Source.Redirect)
			}
			if r.Company.Name != "DUBLETT AS" || !r.Company.Deleted || !strings.Contains(r.Source.Message, "400000002") {
				t.Errorf("company %+v, message %q", r.Company, r.Source.Message)
			}
		}},
		{"400000003", dossier.StatusFound, "130", func(t *testing.T, r Result) {
			if want := (dossier.Redirect{Reason: "sub_unit", Code: "130", Number: "400000004"}); r.Source.Redirect == nil || *r.Source.Redirect != want {
				t.Errorf("redirect %+v", r.Source.Redirect)
			}
			if want := (&dossier.Company{Number: "400000003", SubUnit: true, Parent: "400000004"}); !reflect.DeepEqual(r.Company, want) {
				t.Errorf("company %+v", r.Company)
			}
		}},
		{"400000005", dossier.StatusNotFound, "100", nil},
		{"400000006", dossier.StatusDeleted, "110", func(t *testing.T, r Result) {
			if r.Company != nil {
				t.Errorf("company %+v", r.Company)
			}
		}},
		{"400000007", dossier.StatusNoAccess, "-101", func(t *testing.T, r Result) {
			if !strings.Contains(r.Source.Message, "Settings") || !strings.Contains(r.Source.Message, "password") {
				t.Errorf("message %q", r.Source.Message)
			}
		}},
		{"400000008", dossier.StatusNoAccess, "-100", func(t *testing.T, r Result) {
			if !strings.Contains(r.Source.Message, "hentRoller") || !strings.Contains(r.Source.Message, "Settings") {
				t.Errorf("message %q", r.Source.Message)
			}
		}},
		{"400000009", dossier.StatusFailed, "soap_fault", nil},
		{"400000010", dossier.StatusFailed, "-1000", nil},
		{"400000011", dossier.StatusFailed, "10000", nil},
		{"400000012", dossier.StatusFailed, "http_503", nil},
		{"400000013", dossier.StatusFailed, "malformed", nil},
		{"400000014", dossier.StatusFailed, "malformed", nil},
		{"400000015", dossier.StatusFound, "3", func(t *testing.T, r Result) {
			if r.Source.Redirect == nil || r.Source.Redirect.Number != "400000016" || r.Source.Redirect.Reason != "registration_unit" {
				t.Errorf("redirect %+v", r.Source.Redirect)
			}
			if r.Company.Number != "400000016" || r.Company.Deleted {
				t.Errorf("company %+v", r.Company)
			}
		}},
		// 120 and 200 come with hovedStatus 1 and no data: not "found"
		// (issue 11, item 6; these two rows said found before).
		{"400000017", dossier.StatusDeleted, "120", func(t *testing.T, r Result) {
			if r.Source.Redirect == nil || r.Source.Redirect.Number != "400000018" || r.Source.Redirect.Reason != "replacement_deleted" || !r.Company.Deleted {
				t.Errorf("redirect %+v, company %+v", r.Source.Redirect, r.Company)
			}
		}},
		{"400000019", dossier.StatusNoData, "200", func(t *testing.T, r Result) {
			if r.Source.Redirect != nil || !strings.Contains(r.Source.Message, "registration unit") {
				t.Errorf("source %+v", r.Source)
			}
		}},
		{"400000020", dossier.StatusFailed, "5", nil},
		{"400000023", dossier.StatusFound, "130", func(t *testing.T, r Result) {
			if r.Source.Redirect == nil || r.Source.Redirect.Number != "400000024" || r.Company.Number != "400000023" || !r.Company.SubUnit {
				t.Errorf("source %+v, company %+v", r.Source, r.Company)
			}
		}},
		{"400000021", dossier.StatusFailed, "malformed", nil},
		{"400000022", dossier.StatusFound, "", func(t *testing.T, r Result) {
			if len(r.Source.Notes) != 1 || r.Source.Notes[0].Code != "1999" {
				t.Errorf("notes %+v", r.Source.Notes)
			}
		}},
		{"4000", dossier.StatusFailed, "invalid_number", nil},
	}
	for _, tt := range tests {
		t.Run(tt.orgnr, func(t *testing.T) {
			r := g.Lookup(context.Background(), tt.orgnr)
			if r.Source.ID != "grunndata" || r.Source.Status != tt.status || r.Source.Code != tt.code {
				t.Fatalf("source %+v; want %s %q", r.Source, tt.status, tt.code)
			}
			if r.Source.Fetched.IsZero() || r.Source.Fetched.Location() != time.UTC || r.Source.Duration <= 0 {
				t.Errorf("fetched %v duration %v", r.Source.Fetched, r.Source.Duration)
			}
			switch tt.status {
			case dossier.StatusFailed, dossier.StatusNoAccess, dossier.StatusNotFound:
				if r.Company != nil || r.Roles != nil || r.SubUnits != nil || r.Source.Redirect != nil || r.Source.Notes != nil {
					t.Errorf("a %s result holds facts: %+v", tt.status, r)
				}
				if r.Source.Message == "" {
					t.Error("no message")
				}
			}
			if strings.Contains(fmt.Sprintf("%+v", r), "hemmelig") {
				t.Error("the password leaked into the result")
			}
			if tt.check != nil {
				tt.check(t, r)
			}
		})
	}
	_, err := g.HentRoller(context.Background(), "400000009")
	fe, ok := err.(*FaultError)
	if !ok || fe.StatusCode != 500 || fe.Op != "hentRoller" || strings.Contains(err.Error(), "hemmelig") || !strings.Contains(fe.String, "*****") {
		t.Errorf("fault: %v", err)
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	for _, req := range srv.requests {
		if req.Body.Op.Userid != "SIMUSER" || req.Body.Op.Password != "hemmelig-passord" {
			t.Fatalf("credentials sent: %q %q", req.Body.Op.Userid, req.Body.Op.Password)
		}
	}
}

func TestGrunndataOperations(t *testing.T) {
	saerlige := `<organisasjonsnummer registreringsDato="1995-03-12">313513408</organisasjonsnummer><saerligeOpplysninger>
	  <status registreringsDato="1988-04-28" statuskode="R-FR"><tekstLinje linjenr="10">Registrert i Foretaksregisteret</tekstLinje></status>
	  <status registreringsDato="2014-01-20" statuskode="FMVA"><tekstLinje linjenr="20">- Utleier av bygg eller anlegg</tekstLinje><tekstLinje linjenr="10">Frivillig registrering i Merverdiavgiftsregisteret:</tekstLinje></status>
	  <status statuskode="KMOR"><tekstLinje linjenr="10">Inng&#xe5;r i konsern</tekstLinje></status>
	  <status registreringsDato="2016-06-06" statuskode="&#xc5;RSO"><tekstLinje linjenr="10">Sist innsendte &#xe5;rsregnskap 2015</tekstLinje></status>
	</saerligeOpplysninger>`
	srv := newGrunndataServer(t, map[string]map[string]answer{
		"313513408": {
			"hentBasisdataMini":        {doc: inner("hentBasisdataMini", "313513408", 0, sub(0, "Data returnert"), basisMelding)},
			"hentSaerligeOpplysninger": {doc: inner("hentSaerligeOpplysninger", "313513408", 0, sub(0, "Data returnert"), saerlige)},
		},
	})
	g := srv.client(t, "u", `p&ss<"wörd">`)
	ctx := context.Background()

	r, err := g.HentBasisdataMini(ctx, "313 513 408")
	if err != nil || r.Company.Name != "TENOR REGNSKAP AS" || r.Header.Service != "hentBasisdataMini" || r.Header.ProcessDate != "2026-03-15" || !r.HasData {
		t.Fatalf("mini: %+v, %v", r, err)
	}
	r, err = g.HentSaerligeOpplysninger(ctx, "313513408")
	if err != nil {
		t.Fatal(err)
	}
	want := []Special{
		{Code: "R-FR", Date: "1988-04-28", Lines: []string{"Registrert i Foretaksregisteret"}},
		{Code: "FMVA", Date: "2014-01-20", Lines: []string{"Frivillig registrering i Merverdiavgiftsregisteret:", "- Utleier av bygg eller anlegg"}},
		{Code: "KMOR", Lines: []string{"Inngår i konsern"}},
		{Code: "ÅRSO", Date: "2016-06-06", Lines: []string{"Sist innsendte årsregnskap 2015"}},
	}
	if !reflect.DeepEqual(r.Special, want) || !r.Company.InBusinessRegister || r.Company.InVATRegister {
		t.Errorf("special %+v, company %+v", r.Special, r.Company)
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if got := srv.requests[0].Body.Op.Password; got != `p&ss<"wörd">` {
		t.Errorf("password arrived as %q", got)
	}
	if got := srv.requests[0].Body.Op.Orgnr; got != "313513408" {
		t.Errorf("orgnr sent as %q", got)
	}
}

func TestGrunndataTimeout(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(hang))
	defer srv.Close()
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	tc, _ := transport.New(transport.Config{RootCAs: pool, Timeout: 200 * time.Millisecond})
	defer tc.CloseIdleConnections()
	start := time.Now()
	r := NewGrunndata(srv.URL, "u", "p", tc).Lookup(context.Background(), "313513408")
	if r.Source.Status != dossier.StatusFailed || r.Source.Code != "timeout" || r.Company != nil {
		t.Errorf("source %+v", r.Source)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestParseEnvelope(t *testing.T) {
	doc := inner("hentBasisdata", "313513408", 0, sub(0, "Data returnert"), "")
	tests := []struct {
		name  string
		body  string
		want  string // the return text
		fault *FaultError
		err   bool
	}{
		{"plain", envelope("hentBasisdata", doc), doc, nil, false},
		{"CDATA", `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns2:hentRollerResponse xmlns:ns2="http://no/brreg/saksys/grunndata/ws"><ns2:return><![CDATA[` + doc + `]]></ns2:return></ns2:hentRollerResponse></S:Body></S:Envelope>`, doc, nil, false},
		{"with header", `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header/><soapenv:Body><r><return>x</return></r></soapenv:Body></soapenv:Envelope>`, "x", nil, false},
		{"ISO-8859-1 envelope", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><r><return>BL\xc5B\xc6R</return></r></S:Body></S:Envelope>", "BLÅBÆR", nil, false},
		{"fault 1.1", faultEnvelope, "", &FaultError{Code: "soap:Server", String: "Unmarshalling Error: password hemmelig-passord is not allowed"}, false},
		{"fault 1.2", `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault><env:Code><env:Value>env:Sender</env:Value></env:Code><env:Reason><env:Text xml:lang="en">Bad request</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>`, "", &FaultError{Code: "env:Sender", String: "Bad request"}, false},
		{"no return", `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><r/></S:Body></S:Envelope>`, "", nil, true},
		{"empty body", `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body/></S:Envelope>`, "", nil, true},
		{"wrong namespace", `<S:Envelope xmlns:S="urn:other"><S:Body><r><return>x</return></r></S:Body></S:Envelope>`, "", nil, true},
		{"HTML", `<html><body>Service Unavailable</body></html>`, "", nil, true},
		{"cut", `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><r><return>x`, "", nil, true},
		{"DTD", `<!DOCTYPE x [<!ENTITY a "b">]><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"/>`, "", nil, true},
		{"unknown charset", `<?xml version="1.0" encoding="EBCDIC"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"/>`, "", nil, true},
		{"empty", ``, "", nil, true},
	}
	for _, tt := range tests {
		got, err := parseEnvelope([]byte(tt.body))
		switch {
		case tt.fault != nil:
			fe, ok := err.(*FaultError)
			if !ok || *fe != *tt.fault {
				t.Errorf("%s: got %v, want fault %+v", tt.name, err, tt.fault)
			}
		case tt.err:
			if err == nil {
				t.Errorf("%s: accepted, return %q", tt.name, got)
			}
		case err != nil || got != tt.want:
			t.Errorf("%s: got %q, %v", tt.name, got, err)
		}
	}
}

func TestParseReply(t *testing.T) {
	// Real Latin-1 bytes (not yet decoded) are decoded as declared.
	latin1 := []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><grunndata><responseHeader><orgnr>310219622</orgnr><hovedStatus>0</hovedStatus></responseHeader>" +
		"<melding><organisasjonsnummer>310219622</organisasjonsnummer><navn><navn2>\xd8KONOMI AS</navn2><navn1>BL\xc5B\xc6R</navn1></navn></melding></grunndata>")
	r, err := parseReply(latin1, opBasisdata)
	if err != nil || r.Company.Name != "BLÅBÆR ØKONOMI AS" {
		t.Errorf("Latin-1 bytes: %+v, %v", r, err)
	}

	// The stray "</return>" after the root element of a real reply.
	stray := inner("hentBasisdata", "992090936", -1, "", "") + "</return>\n"
	r, err = parseReply([]byte("\n        "+stray), opBasisdata)
	if err != nil || r.Header.MainStatus != -1 || r.Header.SubStatuses != nil || r.HasData {
		t.Errorf("no sub-status: %+v, %v", r, err)
	}
	if v := r.Header.Verdict("992090936"); v.Outcome != OutcomeError || v.Code != MainStatusNoSubStatus {
		t.Errorf("verdict %+v", v)
	}

	// The seed's sample, lower case element names and all.
	seed := `<grunndata><responseheader prossessDato="2003-09-17" tjeneste="hentBasisdataMini"><orgnr>980123456</orgnr><hovedstatus>0</hovedstatus>` +
		`<understatus><underStatusMelding kode="0">Data returnert</underStatusMelding><underStatusMelding kode="1020">Enhet 980123456 har ikkje postadresse</underStatusMelding></understatus></responseheader></grunndata>`
	r, err = parseReply([]byte(seed), opBasisdataMini)
	if err != nil || len(r.Header.SubStatuses) != 2 || r.Header.SubStatuses[1] != (SubStatus{1020, "Enhet 980123456 har ikkje postadresse"}) {
		t.Errorf("seed sample: %+v, %v", r, err)
	}

	for name, doc := range map[string]string{
		"not grunndata":      `<other/>`,
		"no header":          `<grunndata><melding/></grunndata>`,
		"no hovedStatus":     `<grunndata><responseHeader><orgnr>1</orgnr></responseHeader></grunndata>`,
		"hovedStatus text":   `<grunndata><responseHeader><hovedStatus>OK</hovedStatus></responseHeader></grunndata>`,
		"kode text":          `<grunndata><responseHeader><hovedStatus>0</hovedStatus><underStatus><underStatusMelding kode="x">?</underStatusMelding></underStatus></responseHeader></grunndata>`,
		"kode huge":          `<grunndata><responseHeader><hovedStatus>99999999999</hovedStatus></responseHeader></grunndata>`,
		"bad orgnr in data":  inner("hentBasisdata", "313513408", 0, "", `<organisasjonsnummer>31351</organisasjonsnummer>`),
		"bad date":           inner("hentBasisdata", "313513408", 0, "", `<organisasjonsnummer registreringsDato="19.12.2007">313513408</organisasjonsnummer>`),
		"role without actor": inner("hentRoller", "313513408", 0, "", `<styre><samendring samendringstype="STYR"><rolle rolletype="LEDE"/></samendring></styre>`),
		"unknown entity":     `<grunndata>&aring;</grunndata>`,
		"two roots":          `<grunndata/><grunndata/>`,
		"deep":               strings.Repeat("<a>", maxXMLDepth+1) + strings.Repeat("</a>", maxXMLDepth+1),
	} {
		op := opBasisdata
		if strings.Contains(name, "role") {
			op = opRoller
		}
		if r, err := parseReply([]byte(doc), op); err == nil {
			t.Errorf("%s: accepted: %+v", name, r)
		}
	}
}

func BenchmarkParseRoller(b *testing.B) {
	doc := []byte(inner("hentRoller", "313513408", 0, sub(0, "Data returnert"), rollerMelding))
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		r, err := parseReply(doc, opRoller)
		if err != nil || len(r.Roles) != 4 {
			b.Fatal(err)
		}
	}
}
