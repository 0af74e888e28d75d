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

	"github.com/motpart/motpart/internal/ident"
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
}

// grunndata simulates the ErFr service.
type grunndata struct {
	world    *world.World
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
	return &grunndata{world: w, opts: opts, endpoint: endpoint,
		orgForms: world.OrgForms(), roleTypes: world.RoleTypes(), representatives: world.Representatives()}
}

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
		rep = g.resolve(orgnr, spec)
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

// resolve finds the status combination for orgnr (the table of legal
// combinations in seed 002) and the unit whose data follow.
func (g *grunndata) resolve(orgnr string, op operation) *reply {
	one := func(main, code int, text string) *reply {
		return &reply{main: main, subs: []subStatus{{code, text}}}
	}
	n := strings.TrimSpace(orgnr)
	switch {
	case n == "":
		return one(1, 10, "Orgnr i input ikke gitt")
	case !ident.IsNineDigits(n):
		return one(1, 10000, "Ikke gyldig organisasjonsnummer. Organisasjonsnummer skal bestå av 9 siffer og bare tall")
	case !world.ValidOrgNr(n):
		return one(1, 170, n+" er ikke et gyldig organisasjonsnummer")
	case n == world.FailureOrgNr:
		return one(-1, -1000, "Det har oppstått en uventet feil. Ved fortsatt gjentakelse, ta kontakt med Brønnøysundregistrene")
	}
	u, ok := g.world.Unit(n)
	if !ok {
		// [U] The digest leaves the not-found code to the simulator; the
		// published table's 100 ("aldri opprettet") fits a valid number.
		return one(1, 100, "Enhet "+n+" aldri opprettet")
	}
	var extra []subStatus
	if u.IsDeleted() {
		switch u.DeletedAs {
		case world.DeletedDuplicate, world.DeletedMerged:
			y, _ := g.world.Unit(u.ReplacedBy)
			if y.IsDeleted() {
				return one(1, 120, "Enhet "+n+" er slettet som dublett eller sammenslått - korrekt enhet "+y.OrgNr+" er slettet")
			}
			if u.DeletedAs == world.DeletedDuplicate {
				extra = append(extra, subStatus{1, "Enhet " + n + " er slettet som dublett - korrekt enhet " + y.OrgNr + " er innført"})
			} else {
				extra = append(extra, subStatus{2, "Enhet " + n + " er slettet som sammenslått - korrekt enhet " + y.OrgNr + " er innført"})
			}
			// The correct unit's data follow. [U] whether the header's
			// orgnr is the one asked for or the correct one: the sandbox
			// echoes the one asked for.
			u = y
		default:
			return one(1, 110, "Enhet "+n+" er slettet")
		}
	}
	if u.IsSubUnit() {
		return one(1, 130, "Enhet "+n+" er en bedrift/virksomhet, juridisk enhet er "+u.Parent)
	}
	for i := range g.world.Units {
		if g.world.Units[i].RegistrationUnit == u.OrgNr {
			return one(1, 200, "Enhet "+n+" som det spørres på er en registreringsenhet")
		}
	}
	if u.RegistrationUnit != "" {
		extra = append(extra, subStatus{3, "Enhet " + u.RegistrationUnit + " er registreringsenheten til enheten som ble bestilt"})
	}
	// [U] "Data returnert" comes first, then 1, 2 or 3, then the notes.
	rep := &reply{main: 0, subs: append([]subStatus{{0, "Data returnert"}}, extra...), unit: u}
	if notes := op.notes(u); len(notes) > 0 {
		rep.subs = append(rep.subs, notes...)
		rep.main = g.opts.NoteStatus
	}
	return rep
}

// note is a data note: "Enhet x har ikke <what>".
func note(u *world.Unit, code int, what string) subStatus {
	return subStatus{code, "Enhet " + u.OrgNr + " har ikke " + what}
}

func notesBasisdataMini(u *world.Unit) []subStatus {
	var out []subStatus
	if u.Business == nil {
		out = append(out, note(u, 1010, "forretningsadresse"))
	}
	if u.Postal == nil {
		out = append(out, note(u, 1020, "postadresse"))
	}
	return out
}

func notesBasisdata(u *world.Unit) []subStatus {
	out := notesBasisdataMini(u)
	add := func(missing bool, code int, what string) {
		if missing {
			out = append(out, note(u, code, what))
		}
	}
	add(u.Founded == "", 1060, "stiftelsesdato")
	add(u.Language == "", 1070, "målform")
	add(len(u.Activity) == 0, 1090, "virksomhet/art/bransje")
	add(len(u.Purpose) == 0, 1100, "formål")
	add(u.StatutesDate == "", 1111, "vedtektsdato")
	add(len(u.NACE) == 0, 1125, "næringskode")
	add(u.Sector == nil, 1130, "sektorkode")
	return out
}

func notesKontaktdata(u *world.Unit) []subStatus {
	var out []subStatus
	add := func(missing bool, code int, what string) {
		if missing {
			out = append(out, note(u, code, what))
		}
	}
	add(u.Phone == "", 1115, "telefon")
	add(u.Fax == "", 1116, "telefaks")
	add(u.Mobile == "", 1117, "mobiltelefon")
	add(u.Email == "", 1118, "e-postadresse")
	add(u.Homepage == "", 1119, "hjemmeside")
	return out
}

func notesSaerlige(u *world.Unit) []subStatus {
	if len(specialStatuses(u)) == 0 {
		return []subStatus{note(u, 1120, "særlige opplysninger")}
	}
	return nil
}

// roleBlock is a group of roles in hentRoller, in the schema's order.
type roleBlock struct {
	element     string // melding child
	samendring  string // samendringstype
	description string
	types       []string // role types in the block
}

// roleBlocks are hentRoller's groups. [U] The schema has no place for
// INNH, REPR and BOBE; the sandbox puts them with the contact persons.
// [U] The number n of note 1180 ("har ikke rolleblokk n") is the block's
// position here, counting from 1.
var roleBlocks = []roleBlock{
	{"kontaktperson", "KONT", "Kontaktperson", []string{"DAGL", "INNH", "REPR", "KONT", "BOBE"}},
	{"deltakere", "DELT", "Deltakere", []string{"DTPR", "DTSO"}},
	{"komplementar", "KOMP", "Komplementar", []string{"KOMP"}},
	{"sameiere", "SAM", "Sameiere", []string{"SAM"}},
	{"styre", "STYR", "Styre", []string{"LEDE", "NEST", "MEDL", "VARA", "OBS"}},
	{"revisor", "REVI", "Revisor", []string{"REVI"}},
	{"regnskapsfoerer", "REGN", "Regnskapsfører", []string{"REGN"}},
}

// expectedBlocks are the blocks a legal form normally has, by element;
// a missing one gives note 1180. [U] the sandbox's own choice.
var expectedBlocks = map[string][]string{
	"AS":  {"styre"},
	"ASA": {"styre", "revisor"},
	"ENK": {"kontaktperson"},
	"NUF": {"kontaktperson"},
	"ANS": {"deltakere"},
	"DA":  {"deltakere"},
	"STI": {"styre", "revisor"},
	"FLI": {"kontaktperson", "styre"},
}

func notesRoller(u *world.Unit) []subStatus {
	var out []subStatus
	for i, b := range roleBlocks {
		if !slices.Contains(expectedBlocks[u.Form], b.element) {
			continue
		}
		if !slices.ContainsFunc(u.Roles, func(r world.Role) bool { return slices.Contains(b.types, r.Type) }) {
			out = append(out, note(u, 1180, "rolleblokk "+strconv.Itoa(i+1)))
		}
	}
	return out
}

// document writes the inner XML document of a reply.
func (g *grunndata) document(op string, spec operation, orgnr string, rep *reply) string {
	x := &xmlw{entities: spec.encoding != "UTF-8"}
	switch spec.encoding {
	case "":
		x.raw(`<?xml version="1.0"?>` + "\n")
	default:
		x.raw(`<?xml version="1.0" encoding="` + spec.encoding + `"?>` + "\n")
	}
	x.start("grunndata", "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:noNamespaceSchemaLocation", "http://ftp2.brreg.no/xml/skjema/grunndata/"+spec.schema+"/"+op+".xsd")
	x.start("responseHeader", "prossessDato", g.opts.Now().Format("2006-01-02"), "tjeneste", op)
	x.leaf("orgnr", orgnr)
	x.leaf("hovedStatus", strconv.Itoa(rep.main))
	x.start("underStatus")
	for _, s := range rep.subs {
		x.leaf("underStatusMelding", s.text, "kode", strconv.Itoa(s.code))
	}
	x.end("underStatus")
	x.end("responseHeader")
	// The melding comes only with data: hovedStatus 0, or 1 when data
	// notes are configured to come with 1.
	if rep.unit != nil {
		x.start("melding", "tjeneste", op)
		x.leaf("organisasjonsnummer", rep.unit.OrgNr, "registreringsDato", rep.unit.Registered)
		spec.melding(g, x, rep.unit)
		x.end("melding")
	}
	x.end("grunndata")
	return x.b.String()
}

// iso3 maps the world's country codes to the three-letter codes grunndata
// uses.
var iso3 = map[string]string{"NO": "NOR", "SE": "SWE", "DE": "DEU", "FI": "FIN"}

func (g *grunndata) address(x *xmlw, element string, a *world.Address, since string) {
	if a == nil {
		return
	}
	x.start(element, "registreringsDato", since)
	n := 0
	for _, l := range a.Lines {
		if l != "" && n < 3 {
			n++
			x.leaf("adresse"+strconv.Itoa(n), l)
		}
	}
	x.opt("postnr", a.PostCode)
	x.opt("poststed", a.City)
	x.opt("kommunenummer", a.MunicipalityNo)
	x.opt("kommune", a.Municipality)
	x.leaf("landkode", iso3[a.CountryCode])
	x.leaf("land", a.Country)
	x.end(element)
}

func (g *grunndata) basisdataMini(x *xmlw, u *world.Unit) {
	x.start("navn", "registreringsDato", u.Registered)
	for i, l := range world.NameLines(u.Name) {
		x.leaf("navn"+strconv.Itoa(i+1), l)
	}
	x.end("navn")
	g.address(x, "forretningsAdresse", u.Business, u.Registered)
	g.address(x, "postAdresse", u.Postal, u.Registered)
	x.start("organisasjonsform", "registreringsDato", u.Registered)
	x.leaf("orgform", u.Form)
	x.leaf("orgformBeskrivelse", g.orgForms[u.Form])
	x.end("organisasjonsform")
}

// [U] The elements after the mini set are the sandbox's own names.
func (g *grunndata) basisdata(x *xmlw, u *world.Unit) {
	g.basisdataMini(x, u)
	x.opt("stiftelsesdato", u.Founded)
	x.opt("maalform", u.Language)
	lines := func(element string, text []string) {
		if len(text) == 0 {
			return
		}
		x.start(element)
		for i, l := range text {
			x.leaf("tekstLinje", l, "linjenr", strconv.Itoa(10*(i+1)))
		}
		x.end(element)
	}
	lines("virksomhetArtBransje", u.Activity)
	lines("formaal", u.Purpose)
	x.opt("vedtektsdato", u.StatutesDate)
	for i, c := range u.NACE {
		x.leaf("naeringskode", c.Description, "kode", c.Code, "rekkefolge", strconv.Itoa(i+1))
	}
	if u.Sector != nil {
		x.leaf("sektorkode", u.Sector.Description, "kode", u.Sector.Code)
	}
	if u.HasEmployees {
		x.leaf("antallAnsatte", strconv.Itoa(u.Employees))
	}
	if u.Capital != nil {
		x.leaf("kapital", strconv.FormatFloat(u.Capital.Amount, 'f', 2, 64), "valuta", u.Capital.Currency)
	}
}

// [U] telefonnummer, telefaksnummer and hjemmesideadresse are the digest's
// suggestion; mobiltelefonnummer and epostadresse are recorded.
func (g *grunndata) kontaktdata(x *xmlw, u *world.Unit) {
	for _, c := range []struct{ element, value string }{
		{"telefonnummer", u.Phone}, {"telefaksnummer", u.Fax}, {"mobiltelefonnummer", u.Mobile},
		{"epostadresse", u.Email}, {"hjemmesideadresse", u.Homepage},
	} {
		if c.value != "" {
			x.leaf(c.element, c.value, "registreringsDato", u.Registered)
		}
	}
}

// specialStatus is a status of hentSaerligeOpplysninger.
type specialStatus struct {
	code  string
	since string
	lines []string
}

// specialStatuses derives a unit's særlige opplysninger. R-FR, R-MV, FMVA,
// R-AA, KMOR and ÅRSO are recorded codes. [U] R-SR, R-FV, KONK, AVVI and
// TVAN are the sandbox's own.
func specialStatuses(u *world.Unit) []specialStatus {
	var out []specialStatus
	add := func(on bool, code, since string, lines ...string) {
		if on {
			out = append(out, specialStatus{code, since, lines})
		}
	}
	add(u.BusinessRegister, "R-FR", u.Registered, "Registrert i Foretaksregisteret")
	add(u.FoundationRegister, "R-SR", u.Registered, "Registrert i Stiftelsesregisteret")
	add(u.VoluntaryRegister, "R-FV", u.Registered, "Registrert i Frivillighetsregisteret")
	add(u.VAT, "R-MV", u.Registered, "Registrert i Merverdiavgiftsregisteret")
	if len(u.VoluntaryVAT) > 0 {
		lines := []string{"Frivillig registrering i Merverdiavgiftsregisteret:"}
		for _, v := range u.VoluntaryVAT {
			lines = append(lines, "- "+v)
		}
		add(true, "FMVA", u.Registered, lines...)
	}
	add(u.HasEmployees && u.Employees > 0, "R-AA", "", "Registrert i NAV Aa-registeret")
	add(u.InGroup, "KMOR", "", "Inngår i konsern")
	add(u.Bankrupt, "KONK", u.BankruptDate, "Konkursbehandling åpnet")
	add(u.Liquidation, "AVVI", u.LiquidationDate, "Enheten er under avvikling")
	add(u.ForcedDissolution, "TVAN", u.ForcedDissolvedDate, "Enheten er under tvangsavvikling eller tvangsoppløsning")
	add(u.LastAccounts != "", "ÅRSO", "", "Sist innsendte årsregnskap "+u.LastAccounts)
	return out
}

func (g *grunndata) saerlige(x *xmlw, u *world.Unit) {
	st := specialStatuses(u)
	if len(st) == 0 {
		return
	}
	x.start("saerligeOpplysninger")
	for _, s := range st {
		if s.since != "" {
			x.start("status", "registreringsDato", s.since, "statuskode", s.code)
		} else {
			x.start("status", "statuskode", s.code)
		}
		for i, l := range s.lines {
			x.leaf("tekstLinje", l, "linjenr", strconv.Itoa(10*(i+1)))
		}
		x.end("status")
	}
	x.end("saerligeOpplysninger")
}

// resignedTexts are the sandbox's fratraadtTekst for each fratraadt
// value of a resigned role. [U] The real hentRoller.xsd allows fratraadt
// K, R, F or N (N: the role is current; anything else: resigned) and an
// optional fratraadtTekst, but what K, R and F each mean is not documented
// to us: these texts are the sandbox's own and say only that the holder
// has resigned.
var resignedTexts = map[string]string{
	"K": "Fratrådt (K)",
	"R": "Fratrådt (R)",
	"F": "Fratrådt (F)",
}

// resigned returns a role's fratraadt and fratraadtTekst.
func (g *grunndata) resigned(r world.Role) (flag, text string) {
	switch {
	case !r.Resigned:
		return "N", ""
	case g.opts.ResignedFlag != "":
		return g.opts.ResignedFlag, ""
	}
	flag = r.ResignedAs
	if flag == "" {
		flag = "F"
	}
	return flag, resignedTexts[flag]
}

// writeResigned writes fratraadt and, when there is one, fratraadtTekst.
func (g *grunndata) writeResigned(x *xmlw, r world.Role) {
	flag, text := g.resigned(r)
	x.leaf("fratraadt", flag)
	x.opt("fratraadtTekst", text)
}

// auditorCategory is the revisorKategori the sandbox writes for an
// auditor unit. [U] The schema makes it an integer; what the numbers mean
// is not documented to us, so the sandbox writes one value for its
// (state-authorised) audit firm.
const auditorCategory = "1"

// roller writes hentRoller's groups ([L], NAV's test data and the
// published hentRoller.xsd).
func (g *grunndata) roller(x *xmlw, u *world.Unit) {
	for _, b := range roleBlocks {
		var roles []world.Role
		since := ""
		for _, r := range u.Roles {
			if slices.Contains(b.types, r.Type) {
				roles = append(roles, r)
				s := r.Since
				if s == "" {
					s = u.Registered
				}
				since = max(since, s)
			}
		}
		if roles == nil {
			continue
		}
		x.start(b.element)
		x.start("samendring", "beskrivelse", b.description, "registreringsDato", since, "samendringstype", b.samendring)
		for _, r := range roles {
			x.start("rolle", "beskrivelse", g.roleTypes[r.Type].Description, "rolletype", r.Type)
			if p, ok := g.world.Person(r.Person); ok {
				// [U] A dead person's status code and text.
				if p.Dead {
					x.start("person", "beskrivelse", "Død", "statuskode", "D")
				} else {
					x.start("person", "beskrivelse", "Lever", "statuskode", "L")
				}
				x.leaf("fodselsnr", p.ID)
				x.leaf("fornavn", p.First)
				x.opt("mellomnavn", p.Middle)
				x.leaf("slektsnavn", p.Last)
				g.holderAddress(x, p.Address)
				if r.ElectedBy != "" {
					x.leaf("valgtAv", g.representatives[r.ElectedBy], "kode", r.ElectedBy)
				}
				x.opt("ansvarsandel", r.Share)
				g.writeResigned(x, r)
				x.end("person")
			} else if h, ok := g.world.Unit(r.Unit); ok {
				// [U] The holder unit's status attributes.
				x.start("enhet", "beskrivelse", "Aktiv", "statuskode", "OK")
				x.leaf("orgnr", h.OrgNr)
				for i, l := range world.NameLines(h.Name) {
					x.leaf("navn"+strconv.Itoa(i+1), l)
				}
				addr := h.Business
				if h.Postal != nil {
					addr = h.Postal
				}
				g.holderAddress(x, addr)
				x.opt("ansvarsandel", r.Share)
				g.writeResigned(x, r)
				if r.Type == "REVI" {
					x.leaf("revisorKategori", auditorCategory)
				}
				x.end("enhet")
			}
			x.end("rolle")
		}
		x.end("samendring")
		x.end(b.element)
	}
}

func (g *grunndata) holderAddress(x *xmlw, a *world.Address) {
	if a == nil {
		return
	}
	for i, l := range a.Lines {
		if i < 3 && l != "" {
			x.leaf("adresse"+strconv.Itoa(i+1), l)
		}
	}
	x.opt("postnr", a.PostCode)
	x.opt("poststed", a.City)
	x.leaf("land", a.Country, "landkode4", iso3[a.CountryCode])
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

// xmlw writes XML by hand, so the sandbox controls every byte.
type xmlw struct {
	b        strings.Builder
	entities bool // write non-ASCII as numeric character entities (&#xe5;)
}

func (x *xmlw) raw(s string) { x.b.WriteString(s) }

// start writes a start tag; attrs are name, value pairs.
func (x *xmlw) start(name string, attrs ...string) {
	x.b.WriteByte('<')
	x.b.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		x.b.WriteByte(' ')
		x.b.WriteString(attrs[i])
		x.b.WriteString(`="`)
		x.text(attrs[i+1], true)
		x.b.WriteByte('"')
	}
	x.b.WriteByte('>')
}

func (x *xmlw) end(name string) {
	x.b.WriteString("</")
	x.b.WriteString(name)
	x.b.WriteByte('>')
}

// leaf writes an element holding text.
func (x *xmlw) leaf(name, text string, attrs ...string) {
	x.start(name, attrs...)
	x.text(text, false)
	x.end(name)
}

// opt writes an element holding text unless text is empty.
func (x *xmlw) opt(name, text string) {
	if text != "" {
		x.leaf(name, text)
	}
}

// text writes escaped character data (attr: for an attribute value).
func (x *xmlw) text(s string, attr bool) {
	for _, r := range s {
		switch {
		case r == '&':
			x.b.WriteString("&amp;")
		case r == '<':
			x.b.WriteString("&lt;")
		case r == '>':
			x.b.WriteString("&gt;")
		case r == '"' && attr:
			x.b.WriteString("&quot;")
		case r >= 0x80 && x.entities:
			fmt.Fprintf(&x.b, "&#x%x;", r)
		default:
			x.b.WriteRune(r)
		}
	}
}
