package brreg

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/registry/transport"
)

// SOAP envelope namespaces.
const (
	nsSOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
	nsSOAP12 = "http://www.w3.org/2003/05/soap-envelope"
)

// Header is the responseHeader of a grunndataWS reply.
type Header struct {
	// ProcessDate is prossessDato (sic), Service tjeneste.
	ProcessDate, Service string
	// OrgNr is the number the reply is about.
	OrgNr string
	// MainStatus is hovedStatus: 0 OK, 1 OK but data missing, -1 error.
	MainStatus int
	// SubStatuses are the underStatusMelding elements, in order.
	SubStatuses []SubStatus
}

// SubStatus is one underStatusMelding: a code and the register's text
// (Norwegian).
type SubStatus struct {
	Code int
	Text string
}

// Reply is a parsed grunndataWS reply. Errors the register reports
// (hovedStatus -1) are replies too: read Header.Verdict.
type Reply struct {
	Header Header
	// HasData reports whether the reply held a melding.
	HasData bool
	// Company holds what the operation gives about the unit: name,
	// addresses and form (hentBasisdata, hentBasisdataMini), contact data
	// (hentKontaktdata), register flags (hentSaerligeOpplysninger). It is
	// nil when the reply has no melding or for hentRoller.
	Company *dossier.Company
	// Roles are hentRoller's roles.
	Roles []dossier.Role
	// Special holds hentSaerligeOpplysninger's status lines.
	Special []Special
}

// Special is one status of hentSaerligeOpplysninger, e.g. {R-FR,
// 1988-04-28, ["Registrert i Foretaksregisteret"]}.
type Special struct {
	Code  string
	Date  string
	Lines []string
}

// parseEnvelope returns the text of the return element of a SOAP reply,
// or a *FaultError (without Op) for a SOAP fault.
func parseEnvelope(data []byte) (string, error) {
	root, err := parseXML(data, false)
	if err != nil {
		return "", fmt.Errorf("SOAP envelope: %w", err)
	}
	ns := root.name.Space
	if root.name.Local != "Envelope" || (ns != nsSOAP11 && ns != nsSOAP12) {
		return "", fmt.Errorf("not a SOAP envelope (root element %s)", transport.RegisterText(root.name.Local, 40))
	}
	var body *xnode
	for _, k := range root.kids {
		if k.name.Local == "Body" && k.name.Space == ns {
			body = k
			break
		}
	}
	if body == nil || len(body.kids) == 0 {
		return "", errors.New("SOAP envelope without a body")
	}
	el := body.kids[0]
	if el.name.Local == "Fault" && el.name.Space == ns {
		f := &FaultError{Code: el.textOf("faultcode"), String: el.textOf("faultstring")}
		if ns == nsSOAP12 {
			f.Code = el.child("Code").textOf("Value")
			f.String = el.child("Reason").textOf("Text")
		}
		f.Code, f.String = transport.RegisterText(f.Code, 100), transport.RegisterText(f.String, 500)
		return "", f
	}
	ret := el.child("return")
	if ret == nil {
		return "", fmt.Errorf("%s has no return element", transport.RegisterText(el.name.Local, 60))
	}
	return ret.text, nil
}

// parseReply parses the inner document of a grunndataWS reply (the text
// of return) for operation op.
func parseReply(data []byte, op string) (*Reply, error) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return nil, errors.New("empty return")
	}
	root, err := parseXML(data, true)
	if err != nil {
		return nil, err
	}
	if !strings.EqualFold(root.name.Local, "grunndata") {
		return nil, fmt.Errorf("root element is %s, not grunndata", transport.RegisterText(root.name.Local, 40))
	}
	h := root.child("responseHeader")
	if h == nil {
		return nil, errors.New("no responseHeader")
	}
	r := &Reply{Header: Header{
		ProcessDate: h.attr("prossessDato"),
		Service:     h.attr("tjeneste"),
		OrgNr:       h.textOf("orgnr"),
	}}
	if r.Header.MainStatus, err = statusCode(h.textOf("hovedStatus")); err != nil {
		return nil, fmt.Errorf("hovedStatus: %w", err)
	}
	for _, m := range h.child("underStatus").children("underStatusMelding") {
		code, err := statusCode(m.attr("kode"))
		if err != nil {
			return nil, fmt.Errorf("underStatusMelding kode: %w", err)
		}
		r.Header.SubStatuses = append(r.Header.SubStatuses, SubStatus{Code: code, Text: transport.RegisterText(m.text, 500)})
	}
	m := root.child("melding")
	if m == nil {
		return r, nil
	}
	r.HasData = true
	switch op {
	case opBasisdata, opBasisdataMini:
		r.Company, err = parseBasisdata(m)
	case opKontaktdata:
		r.Company = parseKontaktdata(m)
	case opRoller:
		r.Roles, err = parseRoller(m)
	case opSaerlige:
		r.Company, r.Special = parseSaerlige(m)
	}
	if err != nil {
		return nil, err
	}
	return r, nil
}

// statusCode parses a status code such as "0", "-1" or "1020".
func statusCode(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, errors.New("missing")
	}
	n, err := strconv.ParseInt(s, 10, 32)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", transport.RegisterText(s, 20))
	}
	return int(n), nil
}

// parseBasisdata reads the melding of hentBasisdata(Mini).
func parseBasisdata(m *xnode) (*dossier.Company, error) {
	c := &dossier.Company{Number: m.textOf("organisasjonsnummer")}
	if c.Number != "" && !ident.IsNineDigits(c.Number) {
		return nil, fmt.Errorf("organisasjonsnummer %q is not 9 digits", transport.RegisterText(c.Number, 20))
	}
	var err error
	if c.Registered, err = isoDate(m.child("organisasjonsnummer").attr("registreringsDato")); err != nil {
		return nil, fmt.Errorf("organisasjonsnummer registreringsDato: %w", err)
	}
	c.Name = names(m.child("navn"))
	c.BusinessAddress = grunndataAddress(m.child("forretningsAdresse"))
	c.PostalAddress = grunndataAddress(m.child("postAdresse"))
	if f := m.child("organisasjonsform"); f != nil {
		c.Form = dossier.Code{Code: f.textOf("orgform"), Description: f.textOf("orgformBeskrivelse")}
	}
	return c, nil
}

// names joins navn1, navn2, ... (or the element's own text) with spaces.
func names(n *xnode) string {
	if n == nil {
		return ""
	}
	type line struct {
		i    int
		text string
	}
	var lines []line
	for _, k := range n.kids {
		num, ok := strings.CutPrefix(strings.ToLower(k.name.Local), "navn")
		if !ok {
			continue
		}
		i, err := strconv.Atoi(num)
		if err != nil {
			i = 0
		}
		lines = append(lines, line{i, k.text})
	}
	if len(lines) == 0 {
		return joinNonEmpty(" ", n.text)
	}
	slices.SortStableFunc(lines, func(a, b line) int { return a.i - b.i })
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = l.text
	}
	return joinNonEmpty(" ", parts...)
}

// grunndataAddress reads forretningsAdresse or postAdresse; nil when
// absent or empty.
func grunndataAddress(n *xnode) *dossier.Address {
	if n == nil {
		return nil
	}
	a := &dossier.Address{
		PostalCode:         n.textOf("postnr"),
		City:               n.textOf("poststed"),
		Municipality:       n.textOf("kommune"),
		MunicipalityNumber: n.textOf("kommunenummer"),
		Country:            n.textOf("land"),
		CountryCode:        n.firstText("landkode"),
	}
	if a.CountryCode == "" {
		a.CountryCode = n.child("land").attr("landkode")
	}
	for _, l := range []string{"adresse1", "adresse2", "adresse3"} {
		if t := n.textOf(l); t != "" {
			a.Lines = append(a.Lines, t)
		}
	}
	if len(a.Lines) == 0 && a.PostalCode == "" && a.City == "" && a.Municipality == "" &&
		a.MunicipalityNumber == "" && a.Country == "" && a.CountryCode == "" {
		return nil
	}
	return a
}

// parseKontaktdata reads the melding of hentKontaktdata. The names of
// the phone, fax and homepage elements are not documented; the known
// variants are all accepted.
func parseKontaktdata(m *xnode) *dossier.Company {
	return &dossier.Company{
		Number:  m.textOf("organisasjonsnummer"),
		Phone:   m.firstText("telefonnummer", "telefon"),
		Mobile:  m.firstText("mobiltelefonnummer", "mobiltelefon", "mobil"),
		Email:   m.firstText("epostadresse", "epost"),
		Website: m.firstText("hjemmesideadresse", "hjemmeside"),
	}
}

// parseSaerlige reads the melding of hentSaerligeOpplysninger.
func parseSaerlige(m *xnode) (*dossier.Company, []Special) {
	c := &dossier.Company{Number: m.textOf("organisasjonsnummer")}
	var out []Special
	for _, s := range m.child("saerligeOpplysninger").children("status") {
		sp := Special{Code: s.attr("statuskode"), Date: s.attr("registreringsDato")}
		type line struct {
			n    int
			text string
		}
		var lines []line
		for _, l := range s.children("tekstLinje") {
			n, _ := strconv.Atoi(l.attr("linjenr"))
			lines = append(lines, line{n, strings.TrimSpace(l.text)})
		}
		slices.SortStableFunc(lines, func(a, b line) int { return a.n - b.n })
		for _, l := range lines {
			sp.Lines = append(sp.Lines, l.text)
		}
		switch strings.ToUpper(sp.Code) {
		case "R-FR":
			c.InBusinessRegister = true
		case "R-MV":
			c.InVATRegister = true
		}
		out = append(out, sp)
	}
	return c, out
}

// parseRoller reads the melding of hentRoller: groups (styre, revisor,
// ...) of samendring elements, each holding rolle elements with a person
// or a unit.
func parseRoller(m *xnode) ([]dossier.Role, error) {
	var out []dossier.Role
	for _, g := range m.kids {
		for _, s := range g.children("samendring") {
			group := dossier.Code{Code: s.attr("samendringstype"), Description: s.attr("beskrivelse")}
			if group.Code == "" {
				group.Code = strings.ToUpper(g.name.Local)
			}
			// An unreadable date is left out: the roles do not need it.
			since, _ := isoDate(s.attr("registreringsDato"))
			for ri, r := range s.children("rolle") {
				typ := dossier.Code{Code: r.attr("rolletype"), Description: r.attr("beskrivelse")}
				if typ.Code == "" {
					return nil, fmt.Errorf("role %d of %s has no rolletype", ri, group.Code)
				}
				persons, units := r.children("person"), r.children("enhet")
				if len(persons)+len(units) == 0 {
					return nil, fmt.Errorf("role %s of %s has neither a person nor a unit", typ.Code, group.Code)
				}
				for _, p := range persons {
					role := dossier.Role{Group: group, Type: typ, Since: since}
					holderStatus(&role, p)
					role.Person = &dossier.Person{
						Name:       joinNonEmpty(" ", p.textOf("fornavn"), p.textOf("mellomnavn"), p.textOf("slektsnavn")),
						NationalID: p.textOf("fodselsnr"),
						Deceased:   strings.EqualFold(p.attr("statuskode"), "D"),
					}
					if bd, err := isoDate(p.textOf("fodselsdato")); err == nil && bd != "" {
						role.Person.BirthDate = bd
					} else if id := role.Person.NationalID; id != "" {
						n, err := ident.Parse(id, ident.Options{Country: ident.CountryNO, AllowTestData: true})
						if err == nil && n.IsPersonal() {
							if t, ok := n.BirthDate(); ok {
								role.Person.BirthDate = t.Format("2006-01-02")
							}
						}
					}
					out = append(out, role)
				}
				for _, e := range units {
					num := e.textOf("orgnr")
					if !ident.IsNineDigits(num) {
						return nil, fmt.Errorf("role %s of %s: orgnr %q is not 9 digits", typ.Code, group.Code, transport.RegisterText(num, 20))
					}
					name := names(e)
					if name == "" {
						name = e.textOf("navn")
					}
					role := dossier.Role{Group: group, Type: typ, Since: since, Unit: &dossier.UnitRef{Number: num, Name: name}}
					holderStatus(&role, e)
					out = append(out, role)
				}
			}
		}
	}
	return out, nil
}

// holderStatus reads what a role holder's element (person or enhet) says
// of the role besides who holds it: fratraadt, fratraadtTekst and
// revisorKategori.
func holderStatus(role *dossier.Role, n *xnode) {
	code := strings.TrimSpace(n.textOf("fratraadt"))
	role.Resigned = resigned(code)
	if role.Resigned {
		// The schema's codes are kept, for the window to show; "J" (yes,
		// in older documentation) says no more than Resigned.
		if c := strings.ToUpper(code); c == "K" || c == "R" || c == "F" {
			role.ResignedCode = c
		}
		role.ResignedText = transport.RegisterText(n.textOf("fratraadtTekst"), 100)
	}
	// revisorKategori is an xs:int in the hentRoller schema; a value that
	// is not one (older simulators sent a text) is left out, not an error.
	if k, err := strconv.Atoi(strings.TrimSpace(n.textOf("revisorKategori"))); err == nil && k > 0 {
		role.AuditorCategory = k
	}
}

// resigned reads fratraadt. The hentRoller schema allows K, R and F for
// resigned (it does not say how they differ) and N for not resigned;
// older documentation and test data say "J". Anything but N or empty is
// read as resigned: a holder shown as current must be one the register
// says is current.
func resigned(s string) bool {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "", "N", "NEI", "NO", "FALSE":
		return false
	}
	return true
}
