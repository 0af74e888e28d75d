// Package grunndata simulates Brønnøysund's grunndataWS ErFr service
// (registries.md §3.1; status codes from the published documentation,
// seed 002): SOAP 1.1, document/literal, every reply a whole XML document
// escaped as text inside <return>, written from the sandbox's world.
package grunndata

import (
	"bytes"
	"crypto/subtle"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/sandbox/fault"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// Path is the ErFr endpoint's path on its host.
const Path = "/grunndata/ErFr"

// Options configures the simulator.
type Options struct {
	// User and Password are the account authorised for every operation.
	User, Password string
	// LimitedUser and LimitedPassword are an account that is
	// authenticated but not authorised for hentRoller.
	LimitedUser, LimitedPassword string
	// Now is the clock for prossessDato; nil means time.Now.
	Now func() time.Time
	// NoteStatus is the hovedStatus that comes with data notes
	// 1010–1180: 0 or 1.
	NoteStatus int
	// ResignedFlag is the fratraadt value of a resigned role in
	// hentRoller: "" for the real schema's values (K, R or F, as the world
	// records each resignation, with a fratraadtTekst), or "J", "K", "R"
	// or "F" for every resigned role, without a text ("J" is the digest's
	// old guess). A current role is always "N".
	ResignedFlag string
	// Status returns the forced responseHeader of the fault switch
	// [fault.Fault.GrunndataStatus], or nil for none; a nil Status means
	// never.
	Status func() *fault.GrunndataStatus
	// World, when set, returns the world as it is now (the sandbox's
	// story changes it); nil serves New's w for ever.
	World func() *world.World
}

// grunndata simulates the ErFr service.
type grunndata struct {
	current  func() *world.World // the world as it is now
	opts     Options
	endpoint string

	orgForms        map[string]string
	roleTypes       map[string]world.RoleType
	representatives map[string]string
}

// New returns the simulator's handler for [Path]; endpoint is its absolute
// URL, for the WSDL's soap:address.
func New(w *world.World, opts Options, endpoint string) http.Handler {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Status == nil {
		opts.Status = func() *fault.GrunndataStatus { return nil }
	}
	current := opts.World
	if current == nil {
		current = func() *world.World { return w }
	}
	return &grunndata{current: current, opts: opts, endpoint: endpoint,
		orgForms: world.OrgForms(), roleTypes: world.RoleTypes(), representatives: world.Representatives()}
}

// w returns the world as it is now.
func (g *grunndata) w() *world.World { return g.current() }

// The SOAP and service namespaces.
const (
	nsSOAP = "http://schemas.xmlsoap.org/soap/envelope/"
	// Namespace is the service's namespace, that of the SOAP operation
	// and its parameters.
	Namespace = "http://no/brreg/saksys/grunndata/ws"
)

// operation is a simulated ErFr operation.
type operation struct {
	schema string // the inner document's schema date
	// encoding is the inner document's XML declaration and how it writes
	// non-ASCII: "" (no encoding, entities, as recorded), "UTF-8" (raw
	// UTF-8) or "ISO-8859-1" (entities), to exercise clients' decoders.
	encoding string
	// notes returns the data notes (1010–1180) for a unit.
	notes func(u *world.Unit) []subStatus
	// melding writes the melding's content for a unit.
	melding func(g *grunndata, x *xmlw, u *world.Unit)
}

var operations = map[string]operation{
	"hentBasisdataMini":        {"2008/11/25", "", notesBasisdataMini, (*grunndata).basisdataMini},
	"hentBasisdata":            {"2007/01/16", "UTF-8", notesBasisdata, (*grunndata).basisdata},
	"hentKontaktdata":          {"2004/06/09", "ISO-8859-1", notesKontaktdata, (*grunndata).kontaktdata},
	"hentRoller":               {"2007/12/17", "ISO-8859-1", notesRoller, (*grunndata).roller},
	"hentSaerligeOpplysninger": {"2004/06/11", "", notesSaerlige, (*grunndata).saerlige},
}

// OperationNames returns the simulated operations, sorted.
func OperationNames() []string {
	names := make([]string, 0, len(operations))
	for n := range operations {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// subStatus is one underStatusMelding.
type subStatus struct {
	code int
	text string
}

// reply is the outcome of a request: the header's statuses and the unit
// whose data make the melding (nil for none).
type reply struct {
	main int
	subs []subStatus
	unit *world.Unit
}

// ServeHTTP serves POST /grunndata/ErFr (SOAP) and GET ?WSDL.
func (g *grunndata) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != Path {
		http.Error(w, "Not Found", http.StatusNotFound)
		return
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		if q := r.URL.Query(); q.Has("WSDL") || q.Has("wsdl") {
			g.wsdl(w, r)
			return
		}
		w.Header().Set("Allow", "POST")
		http.Error(w, "grunndataWS ErFr: POST a SOAP 1.1 request, or GET ?WSDL", http.StatusMethodNotAllowed)
		return
	case http.MethodPost:
	default:
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "Method Not Allowed", http.StatusMethodNotAllowed)
		return
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "text/xml" {
		http.Error(w, "SOAP 1.1 wants Content-Type text/xml", http.StatusUnsupportedMediaType)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "Request Entity Too Large", http.StatusRequestEntityTooLarge)
			return
		}
		writeFault(w, "S:Client", "Could not read the request")
		return
	}
	op, params, err := parseSOAP(body)
	if err != nil {
		writeFault(w, "S:Client", err.Error())
		return
	}
	spec, ok := operations[op.Local]
	if !ok || op.Space != Namespace {
		writeFault(w, "S:Client", "Cannot find dispatch method for {"+op.Space+"}"+op.Local)
		return
	}
	orgnr := params["orgnr"]
	rep := g.authorise(op.Local, params["userid"], params["password"])
	if rep == nil {
		if st := g.opts.Status(); st != nil {
			rep = g.forced(orgnr, *st)
		} else {
			rep = g.resolve(orgnr, spec)
		}
	}
	writeEnvelope(w, op.Local, g.document(op.Local, spec, orgnr, rep))
}

// parseSOAP reads a SOAP 1.1 envelope: the body's first element is the
// operation; its children in the service namespace are the parameters.
// Children without the namespace are not parameters (the schema's
// elementFormDefault is qualified), so a client that forgets it is not
// authenticated.
func parseSOAP(body []byte) (xml.Name, map[string]string, error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	var op xml.Name
	params := map[string]string{}
	depth := 0 // 1 envelope, 2 body or header, 3 operation, 4 parameter
	inBody, envelope := false, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return op, nil, fmt.Errorf("malformed SOAP request: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 1:
				if t.Name.Space != nsSOAP || t.Name.Local != "Envelope" {
					return op, nil, fmt.Errorf("VersionMismatch: want a SOAP 1.1 Envelope, got {%s}%s", t.Name.Space, t.Name.Local)
				}
				envelope = true
			case depth == 2:
				inBody = t.Name.Space == nsSOAP && t.Name.Local == "Body"
				if !inBody {
					if err := d.Skip(); err != nil {
						return op, nil, fmt.Errorf("malformed SOAP request: %w", err)
					}
					depth--
				}
			case depth == 3 && inBody:
				if op.Local != "" {
					return op, nil, errors.New("more than one element in the SOAP body")
				}
				op = t.Name
			case depth == 4 && inBody:
				var v string
				if err := d.DecodeElement(&v, &t); err != nil {
					return op, nil, fmt.Errorf("malformed SOAP request: %w", err)
				}
				depth--
				if t.Name.Space == Namespace {
					params[t.Name.Local] = v
				}
			}
		case xml.EndElement:
			depth--
		}
	}
	switch {
	case !envelope:
		return op, nil, errors.New("malformed SOAP request: no Envelope")
	case op.Local == "":
		return op, nil, errors.New("no operation in the SOAP body")
	}
	return op, params, nil
}

// authorise checks the account: an error reply, or nil to go on.
func (g *grunndata) authorise(op, user, password string) *reply {
	eq := func(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }
	switch {
	case eq(user, g.opts.User) && eq(password, g.opts.Password):
		return nil
	case eq(user, g.opts.LimitedUser) && eq(password, g.opts.LimitedPassword):
		if op == "hentRoller" {
			return &reply{main: -1, subs: []subStatus{{-100, "Bruker mangler autorisasjon for denne tjenesten"}}}
		}
		return nil
	}
	return &reply{main: -1, subs: []subStatus{{-101, "Feil i brukernavn og/eller passord"}}}
}

// writeEnvelope writes the SOAP response, the inner document escaped as
// the recorded replies do: & and < only.
func writeEnvelope(w http.ResponseWriter, op, inner string) {
	var b strings.Builder
	b.WriteString(`<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S="` + nsSOAP + `"><S:Body><` + op + `Response xmlns="` + Namespace + `"><return>`)
	b.WriteString(strings.NewReplacer("&", "&amp;", "<", "&lt;").Replace(inner))
	b.WriteString(`</return></` + op + `Response></S:Body></S:Envelope>` + "\n")
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(http.StatusOK)
	_, _ = io.WriteString(w, b.String())
}

// writeFault writes a SOAP 1.1 fault with HTTP 500.
func writeFault(w http.ResponseWriter, code, text string) {
	x := &xmlw{}
	x.raw(`<?xml version='1.0' encoding='UTF-8'?><S:Envelope xmlns:S="` + nsSOAP + `"><S:Body><S:Fault>`)
	x.leaf("faultcode", code)
	x.leaf("faultstring", text)
	x.raw(`</S:Fault></S:Body></S:Envelope>` + "\n")
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(x.b.Len()))
	w.WriteHeader(http.StatusInternalServerError)
	_, _ = io.WriteString(w, x.b.String())
}

// WriteError writes a fault switch's status: a SOAP fault for 500, a
// gateway's HTML page for anything else.
func WriteError(w http.ResponseWriter, _ *http.Request, status int) {
	if status == http.StatusInternalServerError {
		writeFault(w, "S:Server", "Internal Server Error")
		return
	}
	body := fmt.Sprintf("<html><head><title>%d %s</title></head><body><h1>%[1]d %[2]s</h1></body></html>\n", status, http.StatusText(status))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// wsdl serves a WSDL of the simulated operations, addressed to this
// simulator.
func (g *grunndata) wsdl(w http.ResponseWriter, r *http.Request) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="` + Namespace + `" name="ErFrServiceDefinitions" targetNamespace="` + Namespace + `">
  <types>
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" attributeFormDefault="unqualified" elementFormDefault="qualified" targetNamespace="` + Namespace + `">
`)
	ops := OperationNames()
	for _, op := range ops {
		fmt.Fprintf(&b, `      <xs:element name="%s"><xs:complexType><xs:sequence><xs:element name="userid" type="xs:string"/><xs:element name="password" type="xs:string"/><xs:element name="orgnr" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="%[1]sResponse"><xs:complexType><xs:sequence><xs:element name="return" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
`, op)
	}
	b.WriteString("    </xs:schema>\n  </types>\n")
	for _, op := range ops {
		fmt.Fprintf(&b, `  <message name="%s"><part element="tns:%[1]s" name="parameters"/></message>
  <message name="%[1]sResponse"><part element="tns:%[1]sResponse" name="parameters"/></message>
`, op)
	}
	b.WriteString(`  <portType name="ErFr">` + "\n")
	for _, op := range ops {
		fmt.Fprintf(&b, `    <operation name="%s" parameterOrder="parameters"><input message="tns:%[1]s"/><output message="tns:%[1]sResponse"/></operation>`+"\n", op)
	}
	b.WriteString(`  </portType>
  <binding name="ErFrServiceSoapBinding" type="tns:ErFr">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
`)
	for _, op := range ops {
		fmt.Fprintf(&b, `    <operation name="%s"><soap:operation style="document"/><input><soap:body parts="parameters" use="literal"/></input><output><soap:body parts="parameters" use="literal"/></output></operation>`+"\n", op)
	}
	x := &xmlw{}
	x.text(g.endpoint, true)
	b.WriteString(`  </binding>
  <service name="ErFrService">
    <port binding="tns:ErFrServiceSoapBinding" name="ErFrSoapPort"><soap:address location="` + x.b.String() + `"/></port>
  </service>
</definitions>
`)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = io.WriteString(w, b.String())
	}
}
