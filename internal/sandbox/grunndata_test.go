package sandbox

import (
	"encoding/xml"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/grunndata"
	"github.com/motpart/motpart/internal/sandbox/world"
)

func TestGrunndataStatusCombinations(t *testing.T) {
	t.Parallel()
	user, pass := shared.GrunndataCredentials()
	const (
		mini    = "hentBasisdataMini"
		basis   = "hentBasisdata"
		kontakt = "hentKontaktdata"
		roller  = "hentRoller"
		saerlig = "hentSaerligeOpplysninger"
	)
	tests := []struct {
		name    string
		op      string
		orgnr   string
		main    int
		codes   []int
		melding string // the orgnr whose data follow; "" for no melding
	}{
		{"data returned", mini, world.RichestOrgNr, 0, []int{0}, world.RichestOrgNr},
		{"richest: basis complete", basis, world.RichestOrgNr, 0, []int{0}, world.RichestOrgNr},
		{"richest: contact complete", kontakt, world.RichestOrgNr, 0, []int{0}, world.RichestOrgNr},
		{"richest: roles complete", roller, world.RichestOrgNr, 0, []int{0}, world.RichestOrgNr},
		{"richest: special information", saerlig, world.RichestOrgNr, 0, []int{0}, world.RichestOrgNr},
		{"0/1 deleted as duplicate", mini, world.DuplicateOrgNr, 0, []int{0, 1}, world.DuplicateOfOrgNr},
		{"0/2 merged", mini, world.MergedOrgNr, 0, []int{0, 2}, world.MergedIntoOrgNr},
		{"0/3 registration unit named", mini, world.RegisteredByOrgNr, 0, []int{0, 3}, world.RegisteredByOrgNr},
		{"1/10 no orgnr", mini, "", 1, []int{10}, ""},
		{"1/10000 too short", mini, "12345", 1, []int{10000}, ""},
		{"1/10000 letters", mini, "31111111X", 1, []int{10000}, ""},
		{"1/170 check digit", mini, "311111117", 1, []int{170}, ""},
		{"1/100 never created", mini, world.NeverCreatedOrgNr, 1, []int{100}, ""},
		{"1/110 deleted", mini, world.DeletedOrgNr, 1, []int{110}, ""},
		{"1/110 deleted, other operation", roller, world.DeletedOrgNr, 1, []int{110}, ""},
		{"1/120 merged into a deleted unit", mini, world.MergedIntoDeletedOrgNr, 1, []int{120}, ""},
		{"1/130 sub-unit", mini, world.SubUnitOrgNr, 1, []int{130}, ""},
		{"1/130 sub-unit, contact data", kontakt, world.SubUnitOrgNr, 1, []int{130}, ""},
		{"1/200 registration unit", mini, world.RegistrationUnitOrgNr, 1, []int{200}, ""},
		{"-1/-1000 unexpected error", mini, world.FailureOrgNr, -1, []int{-1000}, ""},
		{"1010 no business address", mini, "310282987", 0, []int{0, 1010}, "310282987"},
		{"1020 no postal address", mini, "310465968", 0, []int{0, 1020}, "310465968"},
		{"1115 no phone", kontakt, "310492108", 0, []int{0, 1115, 1116, 1117, 1119}, "310492108"},
		{"1118 no e-mail", kontakt, "310518247", 0, []int{0, 1116, 1117, 1118, 1119}, "310518247"},
		{"1115-1119 nothing", kontakt, world.ForcedDissolutionOrgNr, 0, []int{0, 1115, 1116, 1117, 1118, 1119}, world.ForcedDissolutionOrgNr},
		{"1125 no NACE", basis, "310531316", 0, []int{0, 1090, 1125}, "310531316"},
		{"1130 no sector", basis, world.NoRolesOrgNr, 0, []int{0, 1090, 1111, 1130}, world.NoRolesOrgNr},
		{"1100, 1111 ENK", basis, "310217638", 0, []int{0, 1100, 1111}, "310217638"},
		{"1180 no roles", roller, world.NoRolesOrgNr, 0, []int{0, 1180, 1180}, world.NoRolesOrgNr},
		{"1120 no special information", saerlig, world.NoRolesOrgNr, 0, []int{0, 1120}, world.NoRolesOrgNr},
		{"removed from open data, full access", mini, world.RemovedOrgNr, 0, []int{0}, world.RemovedOrgNr},
		{"0/1 with the correct unit's notes", kontakt, world.DuplicateOrgNr, 0, []int{0, 1, 1116, 1117, 1119}, world.DuplicateOfOrgNr},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, doc := call(t, shared, tt.op, user, pass, tt.orgnr)
			h := doc.Header
			if h.Main != tt.main || !slices.Equal(codes(doc), tt.codes) {
				t.Errorf("%d %v, want %d %v (%v)", h.Main, codes(doc), tt.main, tt.codes, h.Subs)
			}
			if h.Service != tt.op || h.OrgNr != tt.orgnr {
				t.Errorf("header tjeneste %q orgnr %q", h.Service, h.OrgNr)
			}
			if _, err := time.Parse("2006-01-02", h.Date); err != nil {
				t.Errorf("prossessDato %q: %v", h.Date, err)
			}
			for _, s := range h.Subs {
				if strings.TrimSpace(s.Text) == "" {
					t.Errorf("underStatus %d without text", s.Code)
				}
			}
			switch {
			case tt.melding == "" && doc.Melding != nil:
				t.Errorf("melding with hovedStatus %d", h.Main)
			case tt.melding != "" && doc.Melding == nil:
				t.Error("no melding")
			case tt.melding != "":
				if doc.Melding.OrgNr != tt.melding || doc.Melding.Service != tt.op {
					t.Errorf("melding orgnr %q tjeneste %q, want %s", doc.Melding.OrgNr, doc.Melding.Service, tt.melding)
				}
			}
		})
	}
}

func TestGrunndataStatusTexts(t *testing.T) {
	t.Parallel()
	user, pass := shared.GrunndataCredentials()
	tests := []struct {
		orgnr string
		code  int
		text  string
	}{
		{world.DuplicateOrgNr, 1, "Enhet " + world.DuplicateOrgNr + " er slettet som dublett - korrekt enhet " + world.DuplicateOfOrgNr + " er innført"},
		{world.MergedOrgNr, 2, "Enhet " + world.MergedOrgNr + " er slettet som sammenslått - korrekt enhet " + world.MergedIntoOrgNr + " er innført"},
		{world.RegisteredByOrgNr, 3, "Enhet " + world.RegistrationUnitOrgNr + " er registreringsenheten til enheten som ble bestilt"},
		{world.SubUnitOrgNr, 130, "Enhet " + world.SubUnitOrgNr + " er en bedrift/virksomhet, juridisk enhet er " + world.RichestOrgNr},
		{world.MergedIntoDeletedOrgNr, 120, "Enhet " + world.MergedIntoDeletedOrgNr + " er slettet som dublett eller sammenslått - korrekt enhet 310387541 er slettet"},
		{"310465968", 1020, "Enhet 310465968 har ikke postadresse"},
	}
	for _, tt := range tests {
		_, doc := call(t, shared, "hentBasisdataMini", user, pass, tt.orgnr)
		i := slices.IndexFunc(doc.Header.Subs, func(s gdSub) bool { return s.Code == tt.code })
		if i < 0 || doc.Header.Subs[i].Text != tt.text {
			t.Errorf("%s: %v, want %d %q", tt.orgnr, doc.Header.Subs, tt.code, tt.text)
		}
	}
}

func TestGrunndataCredentials(t *testing.T) {
	t.Parallel()
	user, pass := shared.GrunndataCredentials()
	if user != DefaultGrunndataUser || pass != DefaultGrunndataPassword {
		t.Errorf("credentials %q %q", user, pass)
	}
	tests := []struct {
		name, op, user, pass string
		main                 int
		codes                []int
	}{
		{"unknown user", "hentBasisdataMini", "NOBODY", pass, -1, []int{-101}},
		{"wrong password", "hentBasisdataMini", user, "wrong", -1, []int{-101}},
		{"empty credentials", "hentRoller", "", "", -1, []int{-101}},
		{"limited user, hentRoller", "hentRoller", DefaultGrunndataLimitedUser, DefaultGrunndataLimitedPassword, -1, []int{-100}},
		{"limited user, wrong password", "hentRoller", DefaultGrunndataLimitedUser, "wrong", -1, []int{-101}},
		{"limited user, hentBasisdataMini", "hentBasisdataMini", DefaultGrunndataLimitedUser, DefaultGrunndataLimitedPassword, 0, []int{0}},
		{"limited user, hentKontaktdata", "hentKontaktdata", DefaultGrunndataLimitedUser, DefaultGrunndataLimitedPassword, 0, []int{0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, doc := call(t, shared, tt.op, tt.user, tt.pass, world.RichestOrgNr)
			if doc.Header.Main != tt.main || !slices.Equal(codes(doc), tt.codes) {
				t.Errorf("%d %v, want %d %v", doc.Header.Main, codes(doc), tt.main, tt.codes)
			}
			if (tt.main == -1) != (doc.Melding == nil) {
				t.Errorf("melding present: %v with hovedStatus %d", doc.Melding != nil, doc.Header.Main)
			}
		})
	}

	// Children without the service namespace are not parameters
	// (elementFormDefault="qualified"): not authenticated.
	body := `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>` +
		`<ws:hentBasisdataMini xmlns:ws="http://no/brreg/saksys/grunndata/ws"><userid>` + user + `</userid><password>` + pass +
		`</password><orgnr>` + world.RichestOrgNr + `</orgnr></ws:hentBasisdataMini></soapenv:Body></soapenv:Envelope>`
	status, _, resp := post(t, shared, body, "text/xml")
	var env soapResponse
	if err := xml.Unmarshal(resp, &env); status != 200 || err != nil {
		t.Fatalf("unqualified: %d %v", status, err)
	}
	if doc := parseInner(t, env.Body.Response.Return); doc.Header.Main != -1 || !slices.Equal(codes(doc), []int{-101}) {
		t.Errorf("unqualified parameters: %d %v, want -1 [-101]", doc.Header.Main, codes(doc))
	}
}

func TestGrunndataOperations(t *testing.T) {
	t.Parallel()
	user, pass := shared.GrunndataCredentials()

	raw, doc := call(t, shared, "hentBasisdataMini", user, pass, world.RichestOrgNr)
	m := doc.Melding
	if m.Name.Line1 != "SOLSTRAND INDUSTRIER ASA" || m.Form != "ASA" || m.Business == nil || m.Postal == nil {
		t.Errorf("hentBasisdataMini melding: %+v", m)
	}
	if m.Business.City != "ÅLESUND" || m.Business.CountryCode != "NOR" || m.Business.MunicipalityNo != "1508" {
		t.Errorf("forretningsAdresse %+v", m.Business)
	}
	if !strings.HasPrefix(raw, `<?xml version="1.0"?>`) || !strings.Contains(raw, "&#xc5;LESUND") {
		t.Errorf("hentBasisdataMini: want no encoding and numeric entities, as recorded:\n%.300s", raw)
	}
	if !strings.Contains(raw, "hentBasisdataMini.xsd") || !strings.Contains(raw, "2008/11/25") {
		t.Error("hentBasisdataMini: schema location")
	}

	raw, doc = call(t, shared, "hentBasisdata", user, pass, world.RichestOrgNr)
	if !strings.HasPrefix(raw, `<?xml version="1.0" encoding="UTF-8"?>`) || !strings.Contains(raw, "ÅLESUND") {
		t.Errorf("hentBasisdata: want raw UTF-8:\n%.300s", raw)
	}
	if len(doc.Melding.NACE) != 3 || doc.Melding.Founded != "1995-05-02" {
		t.Errorf("hentBasisdata melding: %+v", doc.Melding)
	}

	_, doc = call(t, shared, "hentKontaktdata", user, pass, world.RichestOrgNr)
	if m := doc.Melding; m.Phone != "70 10 20 30" || m.Fax == "" || m.Mobile == "" || m.Email != "post@solstrand.no" || m.Homepage != "www.solstrand.no" {
		t.Errorf("hentKontaktdata melding: %+v", m)
	}

	raw, doc = call(t, shared, "hentSaerligeOpplysninger", user, pass, world.RichestOrgNr)
	var st []string
	for _, s := range doc.Melding.Statuses {
		st = append(st, s.Code)
	}
	for _, want := range []string{"R-FR", "R-MV", "FMVA", "R-AA", "KMOR", "ÅRSO"} {
		if !slices.Contains(st, want) {
			t.Errorf("hentSaerligeOpplysninger: no %s in %v", want, st)
		}
	}
	if !strings.Contains(raw, `statuskode="&#xc5;RSO"`) {
		t.Error("hentSaerligeOpplysninger: ÅRSO not as an entity")
	}
	_, doc = call(t, shared, "hentSaerligeOpplysninger", user, pass, world.BankruptOrgNr)
	if !slices.ContainsFunc(doc.Melding.Statuses, func(s struct {
		Code  string   `xml:"statuskode,attr"`
		Lines []string `xml:"tekstLinje"`
	}) bool {
		return s.Code == "KONK"
	}) {
		t.Error("bankrupt unit without KONK")
	}
}

func TestGrunndataRoles(t *testing.T) {
	t.Parallel()
	// The digest's old resigned flag, which this test pins; the real
	// values are TestGrunndataResignedValues'.
	s := start(t, Config{GrunndataResignedFlag: "J"})
	user, pass := s.GrunndataCredentials()
	_, doc := call(t, s, "hentRoller", user, pass, world.RichestOrgNr)
	m := doc.Melding
	if m.Contact == nil || m.Board == nil || m.Auditor == nil || m.Acct == nil {
		t.Fatalf("hentRoller: missing groups: %+v", m)
	}
	if m.Contact.Samendring.Type != "KONT" || m.Board.Samendring.Type != "STYR" || m.Auditor.Samendring.Type != "REVI" || m.Acct.Samendring.Type != "REGN" {
		t.Errorf("samendringstype: %s %s %s %s", m.Contact.Samendring.Type, m.Board.Samendring.Type, m.Auditor.Samendring.Type, m.Acct.Samendring.Type)
	}
	persons := map[string]gdHolder{}
	for _, r := range append(m.Contact.Samendring.Roles, m.Board.Samendring.Roles...) {
		for _, p := range r.Persons {
			persons[r.Type+" "+p.Last] = p
		}
	}
	if p := persons["DAGL Solstrand"]; p.ID != "04876521097" || p.First != "Magnus" || p.Resigned != "N" || p.Status != "L" {
		t.Errorf("DAGL: %+v", p)
	}
	if p := persons["MEDL Kvam"]; p.Resigned != "J" {
		t.Errorf("resigned member: fratraadt %q, want J", p.Resigned)
	}
	if p := persons["MEDL Årdal"]; p.ElectedBy.Code != "AREP" {
		t.Errorf("employee representative: %+v", p)
	}
	if p := persons["MEDL Ödegaard"]; p.ID != "43907644090" || p.Country.Code != "SWE" {
		t.Errorf("D-nummer member: %+v", p)
	}
	revi := m.Auditor.Samendring.Roles[0].Units
	if len(revi) != 1 || revi[0].OrgNr != world.AuditorOrgNr || revi[0].Name1 != "NORDKAPP REVISJON AS" || revi[0].Resigned != "N" {
		t.Errorf("auditor: %+v", revi)
	}

	_, doc = call(t, s, "hentRoller", user, pass, world.PartnershipDAOrgNr)
	if doc.Melding.Partners == nil {
		t.Fatal("DA without deltakere")
	}
	var dtpr []gdHolder
	for _, r := range doc.Melding.Partners.Samendring.Roles {
		if r.Type == "DTPR" {
			dtpr = append(dtpr, r.Units...)
		}
	}
	if len(dtpr) != 2 || dtpr[0].Share != "50%" {
		t.Errorf("DTPR held by units: %+v", dtpr)
	}

	_, doc = call(t, s, "hentRoller", user, pass, "316666663")
	dead := false
	for _, r := range doc.Melding.Board.Samendring.Roles {
		for _, p := range r.Persons {
			dead = dead || p.Status == "D"
		}
	}
	if !dead {
		t.Error("the foundation's dead board member has no statuskode D")
	}
}

func TestGrunndataLatin1(t *testing.T) {
	t.Parallel()
	user, pass := shared.GrunndataCredentials()
	for _, tt := range []struct{ op, orgnr, want string }{
		{"hentKontaktdata", "310465968", "www.bjørkeli-bakeri.no"},
		{"hentRoller", world.RichestOrgNr, "Håkon"},
	} {
		raw, doc := call(t, shared, tt.op, user, pass, tt.orgnr)
		if !strings.HasPrefix(raw, `<?xml version="1.0" encoding="ISO-8859-1"?>`) {
			t.Errorf("%s: declaration %.60q", tt.op, raw)
		}
		for i := 0; i < len(raw); i++ {
			if raw[i] >= 0x80 {
				t.Errorf("%s: a raw non-ASCII byte at %d; want numeric entities", tt.op, i)
				break
			}
		}
		if tt.op == "hentKontaktdata" && doc.Melding.Homepage != tt.want {
			t.Errorf("hjemmesideadresse decoded as %q, want %q", doc.Melding.Homepage, tt.want)
		}
		if tt.op == "hentRoller" && !strings.Contains(raw, "H&#xe5;kon") {
			t.Errorf("hentRoller: Håkon not as an entity")
		}
	}
	// A decoder without a charset reader fails: the declaration is real.
	raw, _ := call(t, shared, "hentKontaktdata", user, pass, world.RichestOrgNr)
	var doc gdDoc
	if err := xml.Unmarshal([]byte(raw), &doc); err == nil {
		t.Error("ISO-8859-1 document decoded without a CharsetReader")
	}
}

func TestGrunndataEscaping(t *testing.T) {
	t.Parallel()
	user, pass := shared.GrunndataCredentials()
	status, _, body := post(t, shared, soapRequest("hentBasisdataMini", user, pass, world.RichestOrgNr), "text/xml")
	if status != 200 {
		t.Fatal(status)
	}
	s := string(body)
	for _, want := range []string{
		`<hentBasisdataMiniResponse xmlns="http://no/brreg/saksys/grunndata/ws"><return>&lt;?xml version="1.0"?>`,
		`&lt;responseHeader prossessDato=`,
		`&amp;#xc5;LESUND`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("envelope lacks %q", want)
		}
	}
}

func TestGrunndataSOAPErrors(t *testing.T) {
	t.Parallel()
	user, pass := shared.GrunndataCredentials()
	tests := []struct {
		name        string
		body        string
		contentType string
		status      int
		fault       string
	}{
		{"unknown operation", soapRequest("hentFinnesIkke", user, pass, world.RichestOrgNr), "text/xml", 500, "Cannot find dispatch method"},
		{"operation in the WSDL, not simulated", soapRequest("hentKonsern", user, pass, world.RichestOrgNr), "text/xml", 500, "hentKonsern"},
		{"wrong namespace", strings.ReplaceAll(soapRequest("hentBasisdataMini", user, pass, world.RichestOrgNr), "http://no/brreg/saksys/grunndata/ws", "urn:other"), "text/xml", 500, "Cannot find dispatch method"},
		{"not XML", "hello", "text/xml", 500, "malformed"},
		{"SOAP 1.2 envelope", strings.ReplaceAll(soapRequest("hentBasisdataMini", user, pass, world.RichestOrgNr), "http://schemas.xmlsoap.org/soap/envelope/", "http://www.w3.org/2003/05/soap-envelope"), "text/xml", 500, "VersionMismatch"},
		{"SOAP 1.2 content type", soapRequest("hentBasisdataMini", user, pass, world.RichestOrgNr), "application/soap+xml", 415, ""},
		{"too big", soapRequest("hentBasisdataMini", user, pass, strings.Repeat("1", 2<<20)), "text/xml", 413, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			status, _, body := post(t, shared, tt.body, tt.contentType)
			if status != tt.status {
				t.Fatalf("status %d, want %d\n%s", status, tt.status, body)
			}
			if tt.fault == "" {
				return
			}
			var env soapResponse
			if err := xml.Unmarshal(body, &env); err != nil || env.Body.Fault == nil {
				t.Fatalf("no SOAP fault: %v\n%s", err, body)
			}
			if !strings.Contains(env.Body.Fault.String, tt.fault) || env.Body.Fault.Code != "S:Client" {
				t.Errorf("fault %+v, want %q", env.Body.Fault, tt.fault)
			}
		})
	}
}

func TestGrunndataWSDL(t *testing.T) {
	t.Parallel()
	c := client(shared)
	status, h, body := get(t, c, shared.Endpoints().Grunndata+"?WSDL")
	if status != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/xml") {
		t.Fatalf("WSDL: %d %s", status, h.Get("Content-Type"))
	}
	var defs struct {
		Target string `xml:"targetNamespace,attr"`
		Ops    []struct {
			Name string `xml:"name,attr"`
		} `xml:"portType>operation"`
		Address struct {
			Location string `xml:"location,attr"`
		} `xml:"service>port>address"`
	}
	if err := xml.Unmarshal(body, &defs); err != nil {
		t.Fatal(err)
	}
	var ops []string
	for _, o := range defs.Ops {
		ops = append(ops, o.Name)
	}
	if defs.Target != grunndata.Namespace || !slices.Equal(ops, grunndata.OperationNames()) || defs.Address.Location != shared.Endpoints().Grunndata {
		t.Errorf("WSDL: %s %v %s", defs.Target, ops, defs.Address.Location)
	}
	if status, _, _ := get(t, c, shared.Endpoints().Grunndata); status != http.StatusMethodNotAllowed {
		t.Errorf("GET without ?WSDL: %d", status)
	}
}

func TestGrunndataConfigChoices(t *testing.T) {
	t.Parallel()
	s := start(t, Config{GrunndataNoteStatus: 1, GrunndataResignedFlag: "F", GrunndataUser: "U", GrunndataPassword: "P"})
	_, doc := call(t, s, "hentBasisdataMini", "U", "P", "310465968")
	if doc.Header.Main != 1 || !slices.Equal(codes(doc), []int{0, 1020}) || doc.Melding == nil {
		t.Errorf("notes with GrunndataNoteStatus 1: %d %v melding %v", doc.Header.Main, codes(doc), doc.Melding != nil)
	}
	_, doc = call(t, s, "hentBasisdataMini", "U", "P", world.RichestOrgNr)
	if doc.Header.Main != 0 {
		t.Errorf("no notes: hovedStatus %d", doc.Header.Main)
	}
	_, doc = call(t, s, "hentRoller", "U", "P", world.RichestOrgNr)
	found := false
	for _, r := range doc.Melding.Board.Samendring.Roles {
		for _, p := range r.Persons {
			if p.Last == "Kvam" {
				found = p.Resigned == "F"
			}
		}
	}
	if !found {
		t.Error("GrunndataResignedFlag F not used")
	}
	if _, doc := call(t, s, "hentRoller", DefaultGrunndataUser, DefaultGrunndataPassword, world.RichestOrgNr); doc.Header.Main != -1 {
		t.Error("the default account still works after configuring another")
	}

	for _, bad := range []Config{{GrunndataNoteStatus: 2}, {GrunndataResignedFlag: "X"}, {GrunndataUser: "A", GrunndataLimitedUser: "A"}, {Ports: map[Service]int{ServiceBrreg: 70000}}} {
		if _, err := New(bad); err == nil {
			t.Errorf("New(%+v): no error", bad)
		}
	}
}
