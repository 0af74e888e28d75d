package rrh

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// The v1 "Virksomheter" API (registries.md §4.3). Its OpenAPI is not
// public, so its shapes are the sandbox's reading of the løsningsmodell:
// [U] every field name below (the model's names with ø → oe, å → aa, as
// the Partner API writes them), the long codes (rrhCodes), the search's
// and the change log's parameters and shapes. The paths are §4.3's, under
// Config.RRHPathPrefix.

type v1Virksomhet struct {
	RegistreringspliktigVirksomhet v1Org   `json:"registreringspliktigVirksomhet"`
	Registreringer                 []v1Reg `json:"registreringer"`
}

type v1Org struct {
	Organisasjonsnummer string `json:"organisasjonsnummer"`
	FoerstRegistrert    string `json:"foerstRegistrertIRegisterOverReelleRettighetshavere"`
}

// v1Reg is a registration; the current one comes first, then the earlier
// ones, newest first.
type v1Reg struct {
	Registreringsid              string    `json:"registreringsid"`
	Registreringsstatus          rrhCode   `json:"registreringsstatus"`
	Registrert                   string    `json:"registrert"`
	ErGjeldendeRegistrering      bool      `json:"erGjeldendeRegistrering"`
	ReelleRettighetshaverestatus *rrhCode  `json:"reelleRettighetshaverestatus,omitempty"`
	ReelleRettighetshavere       []v1Haver `json:"reelleRettighetshavere"`
}

type v1Haver struct {
	FolkeregistrertPerson *v1Person    `json:"folkeregistrertPerson,omitempty"`
	UtenlandskPerson      *v1Foreign   `json:"utenlandskPerson,omitempty"`
	ErUnntattFraInnsyn    bool         `json:"erUnntattFraInnsyn"`
	Posisjoner            []v1Posisjon `json:"posisjoner"`
	FoerstRegistrert      string       `json:"foerstRegistrert"`
	Endret                string       `json:"endret"`
}

// v1Person is a folkeregistrert person; the members a screening removes
// are left out.
type v1Person struct {
	FoedselsEllerDNummer string    `json:"foedselsEllerDNummer,omitempty"`
	Foedselsdato         string    `json:"foedselsdato,omitempty"`
	Foedselsaar          string    `json:"foedselsaar"`
	Navn                 *rrhNavn  `json:"navn,omitempty"`
	ErDoed               *bool     `json:"erDoed,omitempty"`
	Bostedsland          rrhLand   `json:"bostedsland"`
	Statsborgerskap      []rrhLand `json:"statsborgerskap"`
}

type v1Foreign struct {
	Foedselsdato    string    `json:"foedselsdato,omitempty"`
	Foedselsaar     string    `json:"foedselsaar"`
	FulltNavn       string    `json:"fulltNavn,omitempty"`
	Bostedsland     rrhLand   `json:"bostedsland"`
	Statsborgerskap []rrhLand `json:"statsborgerskap"`
}

type v1Posisjon struct {
	Posisjonstype              rrhCode     `json:"posisjonstype"`
	Stoerrelsesintervall       *rrhCode    `json:"stoerrelsesintervall,omitempty"`
	Grunnlagstype              *[]rrhCode  `json:"grunnlagstype,omitempty"`
	Beskrivelse                string      `json:"beskrivelseAvPosisjonenKontrollPaaAnnenMaate,omitempty"`
	MellomliggendeVirksomheter *[]v1Mellom `json:"mellomliggendeVirksomheter,omitempty"`
}

type v1Mellom struct {
	NorskVirksomhet      *rrhOrg       `json:"norskVirksomhet,omitempty"`
	UtenlandskVirksomhet *v1ForeignOrg `json:"utenlandskVirksomhet,omitempty"`
}

type v1ForeignOrg struct {
	RegistreringsnummerIHjemlandet string `json:"registreringsnummerIHjemlandet"`
	Navn                           string `json:"navn"`
	InternasjonalAdresse           struct {
		FriAdressetekst string  `json:"friAdressetekst"`
		Land            rrhLand `json:"land"`
	} `json:"internasjonalAdresse"`
}

// view is what a scope may see.
type view struct {
	ids    bool // national identity numbers
	exempt bool // persons exempt from disclosure in full
}

// viewOf returns what the token's accepted scopes may see (§4.4): every
// scope but media, civil society and higher education sees national
// identity numbers. [U] Persons exempt from disclosure are screened (name,
// birth date, identity number, erDoed, grounds and intermediates removed;
// birth year, citizenship, residence and positions kept, §4.2) for every
// scope but brreg:reelle/offentlig.
func viewOf(a access) view {
	return view{
		ids:    a.has(world.ScopeRRHOffentlig) || a.has(world.ScopeRRHRapporteringspliktig) || a.has(world.ScopeRRHRapporteringspliktigBegrenset),
		exempt: a.has(world.ScopeRRHOffentlig),
	}
}

// v1Unit writes a unit's registrations as v1 does.
func (h *rrh) v1Unit(orgnr string, regs []*rrhReg, vw view, l lang) v1Virksomhet {
	out := v1Virksomhet{RegistreringspliktigVirksomhet: v1Org{Organisasjonsnummer: orgnr, FoerstRegistrert: regs[0].registered}}
	for i := len(regs) - 1; i >= 0; i-- {
		reg := regs[i]
		vr := v1Reg{Registreringsid: reg.id, Registrert: reg.registered, ErGjeldendeRegistrering: i == len(regs)-1,
			ReelleRettighetshavere: []v1Haver{}}
		if !reg.reported {
			vr.Registreringsstatus = h.code("ikkeMeldt", l, true)
			out.Registreringer = append(out.Registreringer, vr)
			continue
		}
		vr.Registreringsstatus = h.code("regi", l, true)
		st := h.code(reg.status, l, true)
		vr.ReelleRettighetshaverestatus = &st
		for _, o := range reg.owners {
			vr.ReelleRettighetshavere = append(vr.ReelleRettighetshavere, h.v1Holder(o, vw, l))
		}
		out.Registreringer = append(out.Registreringer, vr)
	}
	return out
}

func (h *rrh) v1Holder(o rrhOwner, vw view, l lang) v1Haver {
	v := h.holder(o)
	screen := v.exempt && !vw.exempt
	vh := v1Haver{ErUnntattFraInnsyn: v.exempt, FoerstRegistrert: v.since, Endret: v.changed, Posisjoner: []v1Posisjon{}}
	if v.foreign {
		f := &v1Foreign{Foedselsaar: v.year, Bostedsland: land(v.residence, l), Statsborgerskap: lands(v.citizenship, l)}
		if !screen {
			f.Foedselsdato, f.FulltNavn = v.birth, v.full
		}
		vh.UtenlandskPerson = f
	} else {
		p := &v1Person{Foedselsaar: v.year, Bostedsland: land(v.residence, l), Statsborgerskap: lands(v.citizenship, l)}
		if !screen {
			dead := v.dead
			p.Foedselsdato, p.Navn, p.ErDoed = v.birth, &rrhNavn{v.first, v.middle, v.last}, &dead
			if vw.ids {
				p.FoedselsEllerDNummer = v.id
			}
		}
		vh.FolkeregistrertPerson = p
	}
	for _, pos := range v.positions {
		vp := v1Posisjon{Posisjonstype: h.code(pos.Type, l, true), Beskrivelse: pos.Description}
		if pos.Interval != "" {
			c := h.code(pos.Interval, l, true)
			vp.Stoerrelsesintervall = &c
		}
		if !screen {
			basis := []rrhCode{}
			for _, b := range pos.Basis {
				basis = append(basis, h.code(b, l, true))
			}
			via := []v1Mellom{}
			for _, p := range pos.Via {
				if p.OrgNr != "" {
					via = append(via, v1Mellom{NorskVirksomhet: &rrhOrg{p.OrgNr}})
					continue
				}
				f, _ := h.srv.world.ForeignEntity(p.Foreign)
				fo := &v1ForeignOrg{RegistreringsnummerIHjemlandet: f.Number, Navn: f.Name}
				fo.InternasjonalAdresse.FriAdressetekst = f.Address
				fo.InternasjonalAdresse.Land = land(alpha3(f.Country), l)
				via = append(via, v1Mellom{UtenlandskVirksomhet: fo})
			}
			vp.Grunnlagstype, vp.MellomliggendeVirksomheter = &basis, &via
		}
		vh.Posisjoner = append(vh.Posisjoner, vp)
	}
	return vh
}

// v1 routes the v1 paths (rest is the path after the prefix and /v1).
func (h *rrh) v1(w http.ResponseWriter, r *http.Request, rest string) {
	l := parseLang(r.Header.Get("Accept-Language"))
	switch {
	case rest == "/kodelister":
		if h.methods(w, r, http.MethodGet, http.MethodHead) {
			h.v1CodeLists(w, r, l)
		}
	case rest == "/virksomheter/totalbestand":
		if !h.methods(w, r, http.MethodGet, http.MethodHead) {
			return
		}
		if a, ok := h.authorise(w, r, true, rrhV1Public); ok {
			h.v1Total(w, r, viewOf(a), l)
		}
	case rest == "/virksomheter":
		if !h.methods(w, r, http.MethodGet, http.MethodPost) {
			return
		}
		if a, ok := h.authorise(w, r, true, rrhV1Public); ok {
			h.v1Search(w, r, viewOf(a), l)
		}
	case strings.HasPrefix(rest, "/virksomheter/") && strings.Count(rest, "/") == 2:
		if !h.methods(w, r, http.MethodGet, http.MethodHead) {
			return
		}
		if a, ok := h.authorise(w, r, true, rrhV1Scopes); ok {
			h.v1Lookup(w, r, strings.TrimPrefix(rest, "/virksomheter/"), viewOf(a), l)
		}
	case rest == "/sekvensnummer":
		if !h.methods(w, r, http.MethodGet, http.MethodHead) {
			return
		}
		if _, ok := h.authorise(w, r, true, rrhV1Scopes); ok {
			h.v1Sequence(w, r)
		}
	case rest == "/endringslogg":
		if !h.methods(w, r, http.MethodGet, http.MethodHead) {
			return
		}
		if _, ok := h.authorise(w, r, true, rrhV1Scopes); ok {
			h.v1ChangeLog(w, r)
		}
	default:
		h.fail(w, r, http.StatusNotFound, "Ikke funnet", "Ingen ressurs funnet for "+r.URL.Path)
	}
}

// v1Lookup serves GET /v1/virksomheter/{orgnr}: the unit's current and
// earlier registrations; 200 with rettighetsinformasjonErIkkeMeldt for a
// unit that must register but has not; 404 for one that need not.
func (h *rrh) v1Lookup(w http.ResponseWriter, r *http.Request, n string, vw view, l lang) {
	if !ident.IsNineDigits(n) {
		h.fail(w, r, http.StatusBadRequest, "Ugyldig respons", MsgBadOrgNr)
		return
	}
	if n == world.FailureOrgNr {
		h.fail(w, r, http.StatusInternalServerError, "Intern feil", MsgInternal)
		return
	}
	regs, ok := h.srv.store.lookup(n)
	if !ok {
		h.fail(w, r, http.StatusNotFound, "Ikke funnet", MsgNotRequired)
		return
	}
	h.writeJSON(w, r, "application/json", h.v1Unit(n, regs, vw, l))
}

// v1Total serves GET /v1/virksomheter/totalbestand: every unit required to
// register with its registrations, a JSON array. [U] Served as plain
// JSON; Config.RRHV1TotalbestandZip zips it as the Partner API does.
func (h *rrh) v1Total(w http.ResponseWriter, r *http.Request, vw view, l lang) {
	orgnrs, regs := h.srv.store.all()
	all := make([]v1Virksomhet, len(orgnrs))
	for i, n := range orgnrs {
		all[i] = h.v1Unit(n, regs[i], vw, l)
	}
	if !h.srv.opts.V1TotalbestandZip {
		h.writeJSON(w, r, "application/json", all)
		return
	}
	data, err := marshalNoEscape(all)
	if err != nil {
		h.fail(w, r, http.StatusInternalServerError, "Intern feil", MsgInternal)
		return
	}
	h.writeZip(w, r, "virksomheter_totalbestand.json", data)
}

// v1Search serves /v1/virksomheter: the units where a person is or has
// been a beneficial owner. [U] GET takes ?foedselsEllerDNummer=, POST a
// JSON body {"foedselsEllerDNummer": "..."}; the answer is a JSON array of
// the units as the look-up writes them.
func (h *rrh) v1Search(w http.ResponseWriter, r *http.Request, vw view, l lang) {
	id := r.URL.Query().Get("foedselsEllerDNummer")
	if r.Method == http.MethodPost {
		var body struct {
			FoedselsEllerDNummer string `json:"foedselsEllerDNummer"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			h.fail(w, r, http.StatusBadRequest, "Ugyldig respons", "Ugyldig forespørsel")
			return
		}
		id = body.FoedselsEllerDNummer
	}
	if len(id) != 11 || strings.Trim(id, "0123456789") != "" {
		h.fail(w, r, http.StatusBadRequest, "Ugyldig respons", "Fødselsnummer eller d-nummer må være et nummer med nøyaktig elleve siffer")
		return
	}
	orgnrs, regs := h.srv.store.all()
	out := []v1Virksomhet{}
	for i, n := range orgnrs {
	found:
		for _, reg := range regs[i] {
			for _, o := range reg.owners {
				if o.PersonID == id {
					out = append(out, h.v1Unit(n, regs[i], vw, l))
					break found
				}
			}
		}
	}
	h.writeJSON(w, r, "application/json", out)
}

// v1Sequence serves GET /v1/sekvensnummer?tidspunkt=<RFC 3339>: the
// sequence number of the last change at or before that time, 0 if none.
// [U] the parameter's name and the answer {"sekvensnummer": n}.
func (h *rrh) v1Sequence(w http.ResponseWriter, r *http.Request) {
	t, err := time.Parse(time.RFC3339Nano, r.URL.Query().Get("tidspunkt"))
	if err != nil {
		h.fail(w, r, http.StatusBadRequest, "Ugyldig respons", "tidspunkt må være et tidspunkt på formatet ÅÅÅÅ-MM-DDTtt:mm:ssZ")
		return
	}
	h.writeJSON(w, r, "application/json", map[string]int64{"sekvensnummer": h.srv.store.seqAt(t)})
}

// cloudEvent is a change log entry (CloudEvents 1.0, JSON).
type cloudEvent struct {
	SpecVersion     string `json:"specversion"`
	ID              string `json:"id"`
	Source          string `json:"source"`
	Type            string `json:"type"`
	Time            string `json:"time"`
	DataContentType string `json:"datacontenttype"`
	Data            rrhOrg `json:"data"`
}

// A change log page's default and largest size (antall).
const (
	rrhLogDefault = 100
	// LogMax is the most events one change log page holds.
	LogMax = 1000
)

// v1ChangeLog serves GET /v1/endringslogg?sekvensnummer=N&antall=M: the
// changes after N (not N itself), oldest first, at most M (default 100,
// at most 1000), as a JSON array of CloudEvents whose id is the sequence
// number. The numbers have gaps; a client resumes from the last id it
// has, and an empty array means it is up to date. [U] the parameters'
// names, the bound and the array.
func (h *rrh) v1ChangeLog(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	after, err := strconv.ParseInt(q.Get("sekvensnummer"), 10, 64)
	if err != nil || after < 0 {
		h.fail(w, r, http.StatusBadRequest, "Ugyldig respons", "sekvensnummer må være et ikke-negativt heltall")
		return
	}
	n := rrhLogDefault
	if s := q.Get("antall"); s != "" {
		if n, err = strconv.Atoi(s); err != nil || n < 1 || n > LogMax {
			h.fail(w, r, http.StatusBadRequest, "Ugyldig respons", "antall må være et heltall fra 1 til "+strconv.Itoa(LogMax))
			return
		}
	}
	out := []cloudEvent{}
	for _, e := range h.srv.store.after(after, n) {
		out = append(out, cloudEvent{SpecVersion: "1.0", ID: strconv.FormatInt(e.seq, 10), Source: h.base + h.prefix,
			Type: e.typ, Time: e.time, DataContentType: "application/json", Data: rrhOrg{e.orgnr}})
	}
	h.writeJSON(w, r, "application/json", out)
}

// v1CodeLists serves the open code lists. [U] the shape
// {"kodelister": [{"kodeliste": name, "koder": [{kode, kodetekst}]}]}.
func (h *rrh) v1CodeLists(w http.ResponseWriter, r *http.Request, l lang) {
	type list struct {
		Kodeliste string    `json:"kodeliste"`
		Koder     []rrhCode `json:"koder"`
	}
	var out []list
	for _, cl := range codeLists {
		li := list{Kodeliste: cl.name}
		for _, k := range cl.keys {
			li.Koder = append(li.Koder, h.code(k, l, true))
		}
		out = append(out, li)
	}
	h.writeJSON(w, r, "application/json", map[string]any{"kodelister": out})
}
