package rrh

import (
	"archive/zip"
	"bytes"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// The Partner API (§4.2): its shapes, look-up and totalbestand.

type rrhCode struct {
	Kode      string `json:"kode"`
	Kodetekst string `json:"kodetekst,omitempty"`
}

type rrhLand struct {
	Landkode string `json:"landkode"`
	Land     string `json:"land"`
}

type rrhNavn struct {
	Fornavn    string `json:"fornavn"`
	Mellomnavn string `json:"mellomnavn,omitempty"`
	Etternavn  string `json:"etternavn"`
}

type rrhOrg struct {
	Organisasjonsnummer string `json:"organisasjonsnummer"`
}

type partnerRR struct {
	RegistreringID                 string         `json:"registreringId"`
	RegistreringStatus             rrhCode        `json:"registreringStatus"`
	RegistrertDato                 string         `json:"registrertDato"`
	ReelleRettighetshavereStatus   rrhCode        `json:"reelleRettighetshavereStatus"`
	RegistreringspliktigVirksomhet rrhOrg         `json:"registreringspliktigVirksomhet"`
	ReelleRettighetshavere         []partnerHaver `json:"reelleRettighetshavere"`
}

type partnerHaver struct {
	FolkeregistrertPerson *partnerPerson    `json:"folkeregistrertPerson,omitempty"`
	UtenlandskPerson      *partnerForeign   `json:"utenlandskPerson,omitempty"`
	Bostedsland           rrhLand           `json:"bostedsland"`
	ErUnntattFraInnsyn    bool              `json:"erUnntattFraInnsyn"`
	Posisjoner            []partnerPosisjon `json:"posisjoner"`
	FoerstRegistrertDato  string            `json:"foerstRegistrertDato"`
	EndretDato            string            `json:"endretDato"`
}

type partnerPerson struct {
	FoedselsEllerDNummer string    `json:"foedselsEllerDNummer"`
	Foedselsdato         string    `json:"foedselsdato"`
	Foedselsaar          string    `json:"foedselsaar"`
	Navn                 rrhNavn   `json:"navn"`
	ErDoed               bool      `json:"erDoed"`
	Statsborgerskap      []rrhLand `json:"statsborgerskap"`
}

type partnerForeign struct {
	Foedselsdato    string    `json:"foedselsdato"`
	Foedselsaar     string    `json:"foedselsaar"`
	FulltNavn       string    `json:"fulltNavn"`
	Statsborgerskap []rrhLand `json:"statsborgerskap"`
}

type partnerPosisjon struct {
	Type                       rrhCode         `json:"type"`
	StoerrelseIntervall        *rrhCode        `json:"stoerrelseIntervall,omitempty"`
	Grunnlag                   []rrhCode       `json:"grunnlag"`
	BeskrivelseAnnenMaate      string          `json:"beskrivelseAnnenMaate,omitempty"`
	MellomliggendeVirksomheter []partnerMellom `json:"mellomliggendeVirksomheter"`
}

type partnerMellom struct {
	Virksomhet           *rrhOrg            `json:"virksomhet,omitempty"`
	UtenlandskVirksomhet *partnerForeignOrg `json:"utenlandskVirksomhet,omitempty"`
}

type partnerForeignOrg struct {
	RegistreringsnummerIHjemlandet string `json:"registreringsnummerIHjemlandet"`
	Navn                           string `json:"navn"`
	InternasjonalAdresse           struct {
		FriAdressetekst string  `json:"friAdressetekst"`
		Landkode        rrhLand `json:"landkode"`
	} `json:"internasjonalAdresse"`
}

// code returns a code of the register in the Partner API's spelling, or
// in v1's unless Config.RRHV1LegacyCodes.
func (h *rrh) code(key string, l lang, v1 bool) rrhCode {
	d := rrhCodes[key]
	if v1 && !h.srv.opts.V1LegacyCodes {
		return rrhCode{Kode: d.v1, Kodetekst: d.text[l]}
	}
	return rrhCode{Kode: d.legacy, Kodetekst: d.text[l]}
}

func land(a3 string, l lang) rrhLand {
	return rrhLand{Landkode: a3, Land: countries[a3].names[l]}
}

func lands(a3s []string, l lang) []rrhLand {
	out := make([]rrhLand, len(a3s))
	for i, a := range a3s {
		out[i] = land(a, l)
	}
	return out
}

// holderView is a beneficial owner's person data, from the world.
type holderView struct {
	foreign             bool
	id, birth, year     string
	first, middle, last string
	full                string
	dead, exempt        bool
	citizenship         []string
	residence           string
	since, changed      string
	positions           []world.Position
}

func (h *rrh) holder(o rrhOwner) holderView {
	w := h.srv.world
	v := holderView{since: o.since, changed: o.changed, positions: o.Positions}
	if p, ok := w.Person(o.PersonID); ok {
		v.id, v.birth = p.ID, world.BirthDate(p.ID)
		v.first, v.middle, v.last = strings.ToUpper(p.First), strings.ToUpper(p.Middle), strings.ToUpper(p.Last)
		v.dead, v.exempt = p.Dead, p.ExemptFromDisclosure
		v.citizenship = p.Citizenship
		if len(v.citizenship) == 0 {
			v.citizenship = []string{"NOR"}
		}
		v.residence = "XUK"
		if p.Address != nil {
			v.residence = alpha3(p.Address.CountryCode)
		}
	} else if f, ok := w.ForeignPerson(o.ForeignPerson); ok {
		v.foreign = true
		v.birth, v.full = f.BirthDate, f.Name
		v.citizenship, v.residence = f.Citizenship, f.Residence
	}
	if len(v.birth) >= 4 {
		v.year = v.birth[:4]
	}
	return v
}

// partnerPositions writes a registration's positions of one owner, with
// the registration's quirk.
func (h *rrh) partnerPositions(ps []world.Position, q world.Quirk, l lang) []partnerPosisjon {
	out := make([]partnerPosisjon, 0, len(ps))
	for _, p := range ps {
		pp := partnerPosisjon{Type: h.code(p.Type, l, false), Grunnlag: []rrhCode{}, BeskrivelseAnnenMaate: p.Description,
			MellomliggendeVirksomheter: []partnerMellom{}}
		if q == world.QuirkOtherTypeCode && p.Type == world.RRHPositionOther {
			pp.Type = rrhCode{Kode: "grunnlagtype.anne"}
		}
		if p.Interval != "" {
			c := h.code(p.Interval, l, false)
			if q == world.QuirkIntervalCase {
				c = rrhCode{Kode: "stoerrelseIntervall." + p.Interval}
			}
			pp.StoerrelseIntervall = &c
		}
		for _, b := range p.Basis {
			pp.Grunnlag = append(pp.Grunnlag, h.code(b, l, false))
		}
		for _, v := range p.Via {
			if v.OrgNr != "" {
				pp.MellomliggendeVirksomheter = append(pp.MellomliggendeVirksomheter, partnerMellom{Virksomhet: &rrhOrg{v.OrgNr}})
				continue
			}
			f, _ := h.srv.world.ForeignEntity(v.Foreign)
			fo := &partnerForeignOrg{RegistreringsnummerIHjemlandet: f.Number, Navn: f.Name}
			fo.InternasjonalAdresse.FriAdressetekst = f.Address
			fo.InternasjonalAdresse.Landkode = land(alpha3(f.Country), l)
			pp.MellomliggendeVirksomheter = append(pp.MellomliggendeVirksomheter, partnerMellom{UtenlandskVirksomhet: fo})
		}
		out = append(out, pp)
	}
	return out
}

// partner writes a reported registration as the Partner API's
// ReellRettighet. [C] The Partner API does not screen persons exempt from
// disclosure (seed 003: "Tjenesten skjermer ikke informasjon om
// mindreårige"): it gives them in full, with erUnntattFraInnsyn true.
func (h *rrh) partner(orgnr string, reg *rrhReg, l lang) partnerRR {
	out := partnerRR{RegistreringID: reg.id, RegistreringStatus: h.code("regi", l, false), RegistrertDato: reg.registered,
		ReelleRettighetshavereStatus: h.code(reg.status, l, false), RegistreringspliktigVirksomhet: rrhOrg{orgnr},
		ReelleRettighetshavere: []partnerHaver{}}
	for _, o := range reg.owners {
		v := h.holder(o)
		ph := partnerHaver{Bostedsland: land(v.residence, l), ErUnntattFraInnsyn: v.exempt,
			Posisjoner: h.partnerPositions(v.positions, reg.quirk, l), FoerstRegistrertDato: v.since, EndretDato: v.changed}
		if v.foreign {
			ph.UtenlandskPerson = &partnerForeign{Foedselsdato: v.birth, Foedselsaar: v.year, FulltNavn: v.full, Statsborgerskap: lands(v.citizenship, l)}
		} else {
			ph.FolkeregistrertPerson = &partnerPerson{FoedselsEllerDNummer: v.id, Foedselsdato: v.birth, Foedselsaar: v.year,
				Navn: rrhNavn{v.first, v.middle, v.last}, ErDoed: v.dead, Statsborgerskap: lands(v.citizenship, l)}
		}
		out.ReelleRettighetshavere = append(out.ReelleRettighetshavere, ph)
	}
	return out
}

// partnerLookup serves GET /api/partner/reelle-rettigheter/{orgnr}.
func (h *rrh) partnerLookup(w http.ResponseWriter, r *http.Request, n string) {
	if !h.methods(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	if _, ok := h.authorise(w, r, false, rrhPartnerScopes); !ok {
		return
	}
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
	cur := regs[len(regs)-1]
	if !cur.reported {
		// [U] The Partner API predates the "not reported" registrations;
		// its status table says 404 "Virksomheten har ikke registrert
		// reelle rettighetshavere" (seed 003).
		h.fail(w, r, http.StatusNotFound, "Ikke funnet", MsgNotReported)
		return
	}
	ct := "application/json"
	for part := range strings.SplitSeq(r.Header.Get("Accept"), ",") {
		if mt, _, err := mime.ParseMediaType(strings.TrimSpace(part)); err == nil && mt == MediaReellRettighet {
			ct = MediaReellRettighet + ";charset=UTF-8"
		}
	}
	h.writeJSON(w, r, ct, h.partner(n, cur, parseLang(r.Header.Get("Accept-Language"))))
}

// partnerTotal serves the Partner API's totalbestand: a ZIP holding a JSON
// array of the current reported registrations, or the historical CSV.
func (h *rrh) partnerTotal(w http.ResponseWriter, r *http.Request, csv bool) {
	if !h.methods(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	if _, ok := h.authorise(w, r, false, rrhPartnerScopes); !ok {
		return
	}
	l := parseLang(r.Header.Get("Accept-Language"))
	orgnrs, regs := h.srv.store.all()
	all := []partnerRR{}
	for i, n := range orgnrs {
		if cur := regs[i][len(regs[i])-1]; cur.reported {
			all = append(all, h.partner(n, cur, l))
		}
	}
	// [U] The names of the file in the ZIP and of the ZIP.
	name, data := "reelle_rettigheter_totalbestand.json", []byte(nil)
	if csv {
		name, data = "reelle_rettigheter_totalbestand.csv", partnerCSV(all)
	} else {
		var err error
		if data, err = marshalNoEscape(all); err != nil {
			h.fail(w, r, http.StatusInternalServerError, "Intern feil", MsgInternal)
			return
		}
	}
	h.writeZip(w, r, name, data)
}

func (h *rrh) writeZip(w http.ResponseWriter, r *http.Request, name string, data []byte) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: h.srv.opts.Now()})
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		h.fail(w, r, http.StatusInternalServerError, "Intern feil", MsgInternal)
		return
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="`+strings.TrimSuffix(name, ".json")+`.zip"`)
	if strings.HasSuffix(name, ".csv") {
		w.Header().Set("Content-Disposition", `attachment; filename="`+strings.TrimSuffix(name, ".csv")+`_csv.zip"`)
	}
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(buf.Bytes())
	}
}

// csvHeader is the historical CSV's header (the example download).
var csvHeader = []string{
	"reellRettighet.registreringspliktigVirksomhet.organisasjonsnummer",
	"reellRettighet.registreringId",
	"reellRettighet.registrertDato",
	"reellRettighet.reelleRettighetshavereStatus",
	"reellRettighetshaver.folkeregistrertPerson.fødselsEllerDNummer",
	"reellRettighetshaver.folkeregistrertPerson.fødselsdato",
	"reellRettighetshaver.folkeregistrertPerson.fødselsår",
	"reellRettighetshaver.folkeregistrertPerson.fornavn",
	"reellRettighetshaver.folkeregistrertPerson.mellomnavn",
	"reellRettighetshaver.folkeregistrertPerson.etternavn",
	"reellRettighetshaver.folkeregistrertPerson.erDød",
	"reellRettighetshaver.folkeregistrertPerson.statsborgerskap",
	"reellRettighetshaver.utenlandskPerson.fødselsdato",
	"reellRettighetshaver.utenlandskPerson.fødselsår",
	"reellRettighetshaver.utenlandskPerson.fulltNavn",
	"reellRettighetshaver.utenlandskPerson.statsborgerskap",
	"reellRettighetshaver.bostedsland",
	"reellRettighetshaver.erUnntattFraInnsyn",
	"reellRettighetshaver.posisjon",
	"reellRettighetshaver.posisjon.størrelseintervall",
	"reellRettighetshaver.posisjon.beskrivelseAnnenMåte",
	"reellRettighetshaver.posisjon.grunnlag",
	"reellRettighetshaver.førstRegistrertDato",
	"reellRettighetshaver.endretDato",
}

// partnerCSV writes the historical CSV: UTF-8 with a BOM, ';'-separated,
// every field quoted, LF line ends, one row per owner × position (one row
// with empty owner fields for a registration without owners), code texts
// rather than codes, multi-valued cells comma-separated. A code without a
// kodetekst gives an empty cell.
func partnerCSV(all []partnerRR) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	row := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				b.WriteByte(';')
			}
			b.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
		}
		b.WriteByte('\n')
	}
	texts := func(cs []rrhCode) string {
		var t []string
		for _, c := range cs {
			t = append(t, c.Kodetekst)
		}
		return strings.Join(t, ",")
	}
	names := func(ls []rrhLand) string {
		var t []string
		for _, l := range ls {
			t = append(t, l.Land)
		}
		return strings.Join(t, ",")
	}
	row(csvHeader)
	for _, rr := range all {
		head := []string{rr.RegistreringspliktigVirksomhet.Organisasjonsnummer, rr.RegistreringID, rr.RegistrertDato, rr.ReelleRettighetshavereStatus.Kodetekst}
		if len(rr.ReelleRettighetshavere) == 0 {
			row(append(head, make([]string, len(csvHeader)-len(head))...))
			continue
		}
		for _, o := range rr.ReelleRettighetshavere {
			person := make([]string, 12)
			if p := o.FolkeregistrertPerson; p != nil {
				copy(person, []string{p.FoedselsEllerDNummer, p.Foedselsdato, p.Foedselsaar, p.Navn.Fornavn, p.Navn.Mellomnavn, p.Navn.Etternavn,
					strconv.FormatBool(p.ErDoed), names(p.Statsborgerskap)})
			}
			if p := o.UtenlandskPerson; p != nil {
				copy(person[8:], []string{p.Foedselsdato, p.Foedselsaar, p.FulltNavn, names(p.Statsborgerskap)})
			}
			for _, p := range o.Posisjoner {
				size := ""
				if p.StoerrelseIntervall != nil {
					size = p.StoerrelseIntervall.Kodetekst
				}
				cells := append(slices.Clone(head), person...)
				cells = append(cells, o.Bostedsland.Land, strconv.FormatBool(o.ErUnntattFraInnsyn), p.Type.Kodetekst, size,
					p.BeskrivelseAnnenMaate, texts(p.Grunnlag), o.FoerstRegistrertDato, o.EndretDato)
				row(cells)
			}
		}
	}
	return b.Bytes()
}

// CSVHeader returns the header row of the Partner API's CSV totalbestand.
func CSVHeader() []string { return slices.Clone(csvHeader) }
