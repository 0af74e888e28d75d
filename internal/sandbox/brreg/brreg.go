// Package brreg simulates Enhetsregisteret's open REST API
// (data.brreg.no, registries.md §3.2): HAL JSON for units, sub-units,
// roles, searches and code lists, written from the sandbox's world.
package brreg

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/sandbox/fault"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// BasePath is the API's path on its host.
const BasePath = "/enhetsregisteret/api"

// Options configures the simulator.
type Options struct {
	// Now is the clock for the error bodies' timestamps; nil means
	// time.Now.
	Now func() time.Time
	// Checksum404 answers 404 instead of 400 for a 9-digit number that
	// fails MOD11. [U] the live behaviour is not documented.
	Checksum404 bool
}

func (o Options) now() time.Time {
	if o.Now == nil {
		return time.Now()
	}
	return o.Now()
}

// brreg simulates Enhetsregisteret's open REST API.
type brreg struct {
	world *world.World
	opts  Options
	base  string // absolute base URL, https://127.0.0.1:PORT/enhetsregisteret/api

	orgForms        map[string]string
	roleTypes       map[string]world.RoleType
	groups          []world.Code
	representatives map[string]string
}

// New returns the simulator's handler for the paths under [BasePath]; base
// is its absolute URL, https://127.0.0.1:PORT/enhetsregisteret/api, for
// the HAL links.
func New(w *world.World, opts Options, base string) http.Handler {
	return &brreg{world: w, opts: opts, base: base,
		orgForms: world.OrgForms(), roleTypes: world.RoleTypes(),
		groups: world.RoleGroups(), representatives: world.Representatives()}
}

// maxDepth is the deepest page*size the search allows.
const maxDepth = 10_000

// The media types of the API's versions. A client that asks for one of
// them by Accept gets it back as the Content-Type.
const (
	// MediaEnhet is a unit's, MediaUnderenhet a sub-unit's and MediaRolle
	// the roles' versioned media type.
	MediaEnhet      = "application/vnd.brreg.enhetsregisteret.enhet.v2+json"
	MediaUnderenhet = "application/vnd.brreg.enhetsregisteret.underenhet.v2+json"
	MediaRolle      = "application/vnd.brreg.enhetsregisteret.rolle.v1+json"
)

// ServeHTTP routes the API's paths under /enhetsregisteret/api.
func (b *brreg) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, BasePath)
	if !ok || rest != "" && rest[0] != '/' {
		b.error(w, r, http.StatusNotFound, "Ingen ressurs funnet for "+r.URL.Path)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		b.error(w, r, http.StatusMethodNotAllowed, "Request method '"+r.Method+"' is not supported")
		return
	}
	seg := strings.Split(strings.Trim(rest, "/"), "/")
	switch {
	case len(seg) == 1 && seg[0] == "":
		b.root(w, r)
	case len(seg) == 1 && seg[0] == "enheter":
		b.search(w, r, false)
	case len(seg) == 1 && seg[0] == "underenheter":
		b.search(w, r, true)
	case len(seg) == 2 && seg[0] == "enheter":
		b.unit(w, r, seg[1], false)
	case len(seg) == 2 && seg[0] == "underenheter":
		b.unit(w, r, seg[1], true)
	case len(seg) == 3 && seg[0] == "enheter" && seg[2] == "roller":
		b.roles(w, r, seg[1])
	case len(seg) == 2 && seg[0] == "organisasjonsformer":
		b.code(w, r, seg[1], b.orgForms[seg[1]])
	case len(seg) == 3 && seg[0] == "roller" && seg[1] == "rolletyper":
		b.code(w, r, seg[2], b.roleTypes[seg[2]].Description)
	case len(seg) == 3 && seg[0] == "roller" && seg[1] == "rollegruppetyper":
		b.code(w, r, seg[2], b.groupDescription(seg[2]))
	case len(seg) == 3 && seg[0] == "roller" && seg[1] == "representanter":
		b.code(w, r, seg[2], b.representatives[seg[2]])
	default:
		b.error(w, r, http.StatusNotFound, "Ingen ressurs funnet for "+r.URL.Path)
	}
}

// The JSON shapes, in the order the live service writes their members.

type jsonLink struct {
	Href string `json:"href"`
}

type jsonSelf struct {
	Self jsonLink `json:"self"`
}

type jsonCodeLinked struct {
	Kode        string   `json:"kode"`
	Beskrivelse string   `json:"beskrivelse"`
	Links       jsonSelf `json:"_links"`
}

type jsonCode struct {
	Kode        string `json:"kode"`
	Beskrivelse string `json:"beskrivelse"`
}

type jsonAddress struct {
	Land          string    `json:"land"`
	Landkode      string    `json:"landkode"`
	Postnummer    string    `json:"postnummer"`
	Poststed      string    `json:"poststed"`
	Adresse       []*string `json:"adresse"`
	Kommune       string    `json:"kommune,omitempty"`
	Kommunenummer string    `json:"kommunenummer,omitempty"`
}

type jsonCapital struct {
	Belop  float64 `json:"belop"`
	Valuta string  `json:"valuta"`
}

type jsonEnhet struct {
	Organisasjonsnummer                       string         `json:"organisasjonsnummer"`
	Navn                                      string         `json:"navn"`
	Organisasjonsform                         jsonCodeLinked `json:"organisasjonsform"`
	Hjemmeside                                string         `json:"hjemmeside,omitempty"`
	Postadresse                               *jsonAddress   `json:"postadresse,omitempty"`
	RegistreringsdatoEnhetsregisteret         string         `json:"registreringsdatoEnhetsregisteret"`
	RegistrertIMvaregisteret                  bool           `json:"registrertIMvaregisteret"`
	FrivilligMvaRegistrertBeskrivelser        []string       `json:"frivilligMvaRegistrertBeskrivelser,omitempty"`
	Naeringskode1                             *jsonCode      `json:"naeringskode1,omitempty"`
	Naeringskode2                             *jsonCode      `json:"naeringskode2,omitempty"`
	Naeringskode3                             *jsonCode      `json:"naeringskode3,omitempty"`
	AntallAnsatte                             *int           `json:"antallAnsatte,omitempty"`
	HarRegistrertAntallAnsatte                bool           `json:"harRegistrertAntallAnsatte"`
	OverordnetEnhet                           string         `json:"overordnetEnhet,omitempty"`
	Forretningsadresse                        *jsonAddress   `json:"forretningsadresse,omitempty"`
	Stiftelsesdato                            string         `json:"stiftelsesdato,omitempty"`
	InstitusjonellSektorkode                  *jsonCode      `json:"institusjonellSektorkode,omitempty"`
	RegistrertIForetaksregisteret             bool           `json:"registrertIForetaksregisteret"`
	RegistrertIStiftelsesregisteret           bool           `json:"registrertIStiftelsesregisteret"`
	RegistrertIFrivillighetsregisteret        bool           `json:"registrertIFrivillighetsregisteret"`
	SisteInnsendteAarsregnskap                string         `json:"sisteInnsendteAarsregnskap,omitempty"`
	Konkurs                                   bool           `json:"konkurs"`
	Konkursdato                               string         `json:"konkursdato"`
	UnderAvvikling                            bool           `json:"underAvvikling"`
	UnderAvviklingDato                        string         `json:"underAvviklingDato,omitempty"`
	UnderTvangsavviklingEllerTvangsopplosning bool           `json:"underTvangsavviklingEllerTvangsopplosning"`
	Maalform                                  string         `json:"maalform,omitempty"`
	Vedtektsdato                              string         `json:"vedtektsdato,omitempty"`
	VedtektsfestetFormaal                     []string       `json:"vedtektsfestetFormaal"`
	Aktivitet                                 []string       `json:"aktivitet"`
	Epostadresse                              string         `json:"epostadresse,omitempty"`
	Telefon                                   string         `json:"telefon,omitempty"`
	Mobil                                     string         `json:"mobil,omitempty"`
	Kapital                                   *jsonCapital   `json:"kapital,omitempty"`
	ErIKonsern                                bool           `json:"erIKonsern"`
	Links                                     jsonSelf       `json:"_links"`
}

type jsonUnderenhetLinks struct {
	Self            jsonLink  `json:"self"`
	OverordnetEnhet *jsonLink `json:"overordnetEnhet,omitempty"`
}

type jsonUnderenhet struct {
	Organisasjonsnummer               string              `json:"organisasjonsnummer"`
	Navn                              string              `json:"navn"`
	Organisasjonsform                 jsonCodeLinked      `json:"organisasjonsform"`
	Hjemmeside                        string              `json:"hjemmeside,omitempty"`
	Postadresse                       *jsonAddress        `json:"postadresse,omitempty"`
	RegistreringsdatoEnhetsregisteret string              `json:"registreringsdatoEnhetsregisteret"`
	RegistrertIMvaregisteret          bool                `json:"registrertIMvaregisteret"`
	Naeringskode1                     *jsonCode           `json:"naeringskode1,omitempty"`
	Naeringskode2                     *jsonCode           `json:"naeringskode2,omitempty"`
	Naeringskode3                     *jsonCode           `json:"naeringskode3,omitempty"`
	AntallAnsatte                     *int                `json:"antallAnsatte,omitempty"`
	HarRegistrertAntallAnsatte        bool                `json:"harRegistrertAntallAnsatte"`
	OverordnetEnhet                   string              `json:"overordnetEnhet"`
	Oppstartsdato                     string              `json:"oppstartsdato,omitempty"`
	DatoEierskifte                    string              `json:"datoEierskifte,omitempty"`
	Beliggenhetsadresse               *jsonAddress        `json:"beliggenhetsadresse,omitempty"`
	Nedleggelsesdato                  string              `json:"nedleggelsesdato,omitempty"`
	Links                             jsonUnderenhetLinks `json:"_links"`
}

// jsonDeleted is the minimal body of a deleted unit.
type jsonDeleted struct {
	Organisasjonsnummer string         `json:"organisasjonsnummer"`
	Navn                string         `json:"navn"`
	Organisasjonsform   jsonCodeLinked `json:"organisasjonsform"`
	Slettedato          string         `json:"slettedato"`
	Nedleggelsesdato    string         `json:"nedleggelsesdato,omitempty"`
	Links               jsonSelf       `json:"_links"`
}

type jsonPageLinks struct {
	First *jsonLink `json:"first,omitempty"`
	Prev  *jsonLink `json:"prev,omitempty"`
	Self  jsonLink  `json:"self"`
	Next  *jsonLink `json:"next,omitempty"`
	Last  *jsonLink `json:"last,omitempty"`
}

type jsonPage struct {
	Size          int `json:"size"`
	TotalElements int `json:"totalElements"`
	TotalPages    int `json:"totalPages"`
	Number        int `json:"number"`
}

type jsonSearch struct {
	Embedded map[string][]any `json:"_embedded,omitempty"`
	Links    jsonPageLinks    `json:"_links"`
	Page     jsonPage         `json:"page"`
}

type jsonName struct {
	Fornavn    string `json:"fornavn"`
	Mellomnavn string `json:"mellomnavn,omitempty"`
	Etternavn  string `json:"etternavn"`
}

type jsonRolePerson struct {
	Fodselsdato string   `json:"fodselsdato"`
	Navn        jsonName `json:"navn"`
	ErDoed      bool     `json:"erDoed"`
}

type jsonRoleUnit struct {
	Organisasjonsnummer string         `json:"organisasjonsnummer"`
	Organisasjonsform   jsonCodeLinked `json:"organisasjonsform"`
	Navn                []string       `json:"navn"`
	ErSlettet           bool           `json:"erSlettet"`
	Links               jsonSelf       `json:"_links"`
}

type jsonRole struct {
	Type         jsonCodeLinked  `json:"type"`
	Person       *jsonRolePerson `json:"person,omitempty"`
	Enhet        *jsonRoleUnit   `json:"enhet,omitempty"`
	ValgtAv      *jsonCodeLinked `json:"valgtAv,omitempty"`
	Ansvarsandel string          `json:"ansvarsandel,omitempty"`
	Fratraadt    bool            `json:"fratraadt"` // [L] live responses have it; the recordings do not
	Avregistrert bool            `json:"avregistrert"`
	Rekkefolge   int             `json:"rekkefolge"`
}

type jsonRoleGroup struct {
	Type       jsonCodeLinked `json:"type"`
	SistEndret string         `json:"sistEndret"`
	Roller     []jsonRole     `json:"roller"`
}

type jsonRoles struct {
	Rollegrupper []jsonRoleGroup `json:"rollegrupper"`
	Links        struct {
		Self  jsonLink `json:"self"`
		Enhet jsonLink `json:"enhet"`
	} `json:"_links"`
}

// jsonError is Spring Boot's error body [L].
type jsonError struct {
	Timestamp string `json:"timestamp"`
	Status    int    `json:"status"`
	Error     string `json:"error"`
	Message   string `json:"message"`
	Path      string `json:"path"`
}

func (b *brreg) link(path string) jsonLink { return jsonLink{Href: b.base + path} }

func (b *brreg) self(path string) jsonSelf { return jsonSelf{Self: b.link(path)} }

func (b *brreg) orgForm(code string) jsonCodeLinked {
	return jsonCodeLinked{Kode: code, Beskrivelse: b.orgForms[code], Links: b.self("/organisasjonsformer/" + code)}
}

func jsonAddr(a *world.Address) *jsonAddress {
	if a == nil {
		return nil
	}
	lines := make([]*string, 0, len(a.Lines)+a.TrailingNulls)
	for i := range a.Lines {
		lines = append(lines, &a.Lines[i])
	}
	for range a.TrailingNulls {
		lines = append(lines, nil)
	}
	return &jsonAddress{Land: a.Country, Landkode: a.CountryCode, Postnummer: a.PostCode, Poststed: a.City,
		Adresse: lines, Kommune: a.Municipality, Kommunenummer: a.MunicipalityNo}
}

func nace(u *world.Unit, i int) *jsonCode {
	if i >= len(u.NACE) {
		return nil
	}
	return &jsonCode{Kode: u.NACE[i].Code, Beskrivelse: u.NACE[i].Description}
}

// employees is antallAnsatte, which the live service leaves out when the
// unit has registered none.
func employees(u *world.Unit) *int {
	if !u.HasEmployees {
		return nil
	}
	n := u.Employees
	return &n
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (b *brreg) enhet(u *world.Unit) jsonEnhet {
	e := jsonEnhet{
		Organisasjonsnummer:                       u.OrgNr,
		Navn:                                      u.Name,
		Organisasjonsform:                         b.orgForm(u.Form),
		Hjemmeside:                                u.Homepage,
		Postadresse:                               jsonAddr(u.Postal),
		RegistreringsdatoEnhetsregisteret:         u.Registered,
		RegistrertIMvaregisteret:                  u.VAT,
		FrivilligMvaRegistrertBeskrivelser:        u.VoluntaryVAT,
		Naeringskode1:                             nace(u, 0),
		Naeringskode2:                             nace(u, 1),
		Naeringskode3:                             nace(u, 2),
		AntallAnsatte:                             employees(u),
		HarRegistrertAntallAnsatte:                u.HasEmployees,
		OverordnetEnhet:                           u.Parent,
		Forretningsadresse:                        jsonAddr(u.Business),
		Stiftelsesdato:                            u.Founded,
		RegistrertIForetaksregisteret:             u.BusinessRegister,
		RegistrertIStiftelsesregisteret:           u.FoundationRegister,
		RegistrertIFrivillighetsregisteret:        u.VoluntaryRegister,
		SisteInnsendteAarsregnskap:                u.LastAccounts,
		Konkurs:                                   u.Bankrupt,
		Konkursdato:                               u.BankruptDate,
		UnderAvvikling:                            u.Liquidation,
		UnderAvviklingDato:                        u.LiquidationDate,
		UnderTvangsavviklingEllerTvangsopplosning: u.ForcedDissolution,
		Maalform:                                  u.Language,
		Vedtektsdato:                              u.StatutesDate,
		VedtektsfestetFormaal:                     nonNil(u.Purpose),
		Aktivitet:                                 nonNil(u.Activity),
		Epostadresse:                              u.Email,
		Telefon:                                   u.Phone,
		Mobil:                                     u.Mobile,
		ErIKonsern:                                u.InGroup,
		Links:                                     b.self("/enheter/" + u.OrgNr),
	}
	if u.Sector != nil {
		e.InstitusjonellSektorkode = &jsonCode{Kode: u.Sector.Code, Beskrivelse: u.Sector.Description}
	}
	if u.Capital != nil {
		e.Kapital = &jsonCapital{Belop: u.Capital.Amount, Valuta: u.Capital.Currency}
	}
	return e
}

func (b *brreg) underenhet(u *world.Unit) jsonUnderenhet {
	return jsonUnderenhet{
		Organisasjonsnummer:               u.OrgNr,
		Navn:                              u.Name,
		Organisasjonsform:                 b.orgForm(u.Form),
		Hjemmeside:                        u.Homepage,
		Postadresse:                       jsonAddr(u.Postal),
		RegistreringsdatoEnhetsregisteret: u.Registered,
		RegistrertIMvaregisteret:          u.VAT,
		Naeringskode1:                     nace(u, 0),
		Naeringskode2:                     nace(u, 1),
		Naeringskode3:                     nace(u, 2),
		AntallAnsatte:                     employees(u),
		HarRegistrertAntallAnsatte:        u.HasEmployees,
		OverordnetEnhet:                   u.Parent,
		Oppstartsdato:                     u.Started,
		DatoEierskifte:                    u.OwnerChange,
		Beliggenhetsadresse:               jsonAddr(u.Business),
		Nedleggelsesdato:                  u.Closed,
		Links: jsonUnderenhetLinks{
			Self:            b.link("/underenheter/" + u.OrgNr),
			OverordnetEnhet: &jsonLink{Href: b.base + "/enheter/" + u.Parent},
		},
	}
}

func (b *brreg) deleted(u *world.Unit, collection string) jsonDeleted {
	return jsonDeleted{Organisasjonsnummer: u.OrgNr, Navn: u.Name, Organisasjonsform: b.orgForm(u.Form),
		Slettedato: u.Deleted, Nedleggelsesdato: u.Closed, Links: b.self("/" + collection + "/" + u.OrgNr)}
}

// checkOrgNr answers 400 (or 404) for a malformed number and reports
// whether n may be looked up.
func (b *brreg) checkOrgNr(w http.ResponseWriter, r *http.Request, n string) bool {
	switch {
	case !ident.IsNineDigits(n):
		b.error(w, r, http.StatusBadRequest, "Ugyldig organisasjonsnummer: "+n+". Organisasjonsnummeret må bestå av 9 siffer")
		return false
	case !world.ValidOrgNr(n):
		// [U] The live behaviour for a bad check digit is not documented.
		if b.opts.Checksum404 {
			b.error(w, r, http.StatusNotFound, "Enhet med organisasjonsnummer "+n+" ble ikke funnet")
		} else {
			b.error(w, r, http.StatusBadRequest, "Ugyldig organisasjonsnummer: "+n)
		}
		return false
	}
	return true
}

// unit serves /enheter/{orgnr} and /underenheter/{orgnr}.
func (b *brreg) unit(w http.ResponseWriter, r *http.Request, n string, sub bool) {
	media := MediaEnhet
	collection := "enheter"
	if sub {
		media, collection = MediaUnderenhet, "underenheter"
	}
	ct, ok := b.negotiate(w, r, media)
	if !ok || !b.checkOrgNr(w, r, n) {
		return
	}
	u, found := b.world.Unit(n)
	if !found || u.IsSubUnit() != sub {
		what := "Enhet"
		if sub {
			what = "Underenhet"
		}
		b.error(w, r, http.StatusNotFound, what+" med organisasjonsnummer "+n+" ble ikke funnet")
		return
	}
	switch {
	case u.Removed:
		// [L] 410 is documented in the 2020 OpenAPI for removed units;
		// deleted ones answer 200 with slettedato, as recorded.
		b.error(w, r, http.StatusGone, "Enhet med organisasjonsnummer "+n+" er fjernet")
	case u.IsDeleted():
		b.writeJSON(w, r, http.StatusOK, ct, b.deleted(u, collection))
	case sub:
		b.writeJSON(w, r, http.StatusOK, ct, b.underenhet(u))
	default:
		b.writeJSON(w, r, http.StatusOK, ct, b.enhet(u))
	}
}

// roles serves /enheter/{orgnr}/roller.
func (b *brreg) roles(w http.ResponseWriter, r *http.Request, n string) {
	ct, ok := b.negotiate(w, r, MediaRolle)
	if !ok || !b.checkOrgNr(w, r, n) {
		return
	}
	u, found := b.world.Unit(n)
	if !found || u.IsSubUnit() {
		b.error(w, r, http.StatusNotFound, "Enhet med organisasjonsnummer "+n+" ble ikke funnet")
		return
	}
	if u.Removed {
		b.error(w, r, http.StatusGone, "Enhet med organisasjonsnummer "+n+" er fjernet")
		return
	}
	out := jsonRoles{Rollegrupper: []jsonRoleGroup{}}
	out.Links.Self = b.link("/enheter/" + n + "/roller")
	out.Links.Enhet = b.link("/enheter/" + n)
	// [U] A deleted unit answers with no role groups.
	if !u.IsDeleted() {
		out.Rollegrupper = b.roleGroups(u)
	}
	b.writeJSON(w, r, http.StatusOK, ct, out)
}

func (b *brreg) roleGroups(u *world.Unit) []jsonRoleGroup {
	groups := []jsonRoleGroup{}
	for _, g := range b.groups {
		var roles []jsonRole
		changed := ""
		for _, ro := range u.Roles {
			rt := b.roleTypes[ro.Type]
			if rt.Group != g.Code {
				continue
			}
			since := ro.Since
			if since == "" {
				since = u.Registered
			}
			changed = max(changed, since)
			jr := jsonRole{
				Type:         jsonCodeLinked{Kode: ro.Type, Beskrivelse: rt.Description, Links: b.self("/roller/rolletyper/" + ro.Type)},
				Ansvarsandel: ro.Share,
				Fratraadt:    ro.Resigned,
				Rekkefolge:   len(roles),
			}
			if ro.ElectedBy != "" {
				jr.ValgtAv = &jsonCodeLinked{Kode: ro.ElectedBy, Beskrivelse: b.representatives[ro.ElectedBy], Links: b.self("/roller/representanter/" + ro.ElectedBy)}
			}
			if p, ok := b.world.Person(ro.Person); ok {
				jr.Person = &jsonRolePerson{Fodselsdato: world.BirthDate(p.ID), Navn: jsonName{Fornavn: p.First, Mellomnavn: p.Middle, Etternavn: p.Last}, ErDoed: p.Dead}
			} else if h, ok := b.world.Unit(ro.Unit); ok {
				jr.Enhet = &jsonRoleUnit{Organisasjonsnummer: h.OrgNr, Organisasjonsform: b.orgForm(h.Form), Navn: world.NameLines(h.Name),
					ErSlettet: h.IsDeleted(), Links: b.self("/enheter/" + h.OrgNr)}
			}
			roles = append(roles, jr)
		}
		if roles == nil {
			continue
		}
		groups = append(groups, jsonRoleGroup{
			Type:       jsonCodeLinked{Kode: g.Code, Beskrivelse: g.Description, Links: b.self("/roller/rollegruppetyper/" + g.Code)},
			SistEndret: changed,
			Roller:     roles,
		})
	}
	return groups
}

// searchQuery is a parsed search.
type searchQuery struct {
	navn       string
	orgnrs     []string
	parent     string
	forms      []string
	nace       []string
	municipal  []string
	bools      map[string]bool
	page, size int
	rawPairs   []string // the query's pairs as sent, without page and size
}

// searchBools are the boolean filters, by parameter name.
var searchBools = map[string]func(u *world.Unit) bool{
	"konkurs":        func(u *world.Unit) bool { return u.Bankrupt },
	"underAvvikling": func(u *world.Unit) bool { return u.Liquidation },
	"underTvangsavviklingEllerTvangsopplosning": func(u *world.Unit) bool { return u.ForcedDissolution },
	"registrertIMvaregisteret":                  func(u *world.Unit) bool { return u.VAT },
	"registrertIForetaksregisteret":             func(u *world.Unit) bool { return u.BusinessRegister },
	"registrertIStiftelsesregisteret":           func(u *world.Unit) bool { return u.FoundationRegister },
	"registrertIFrivillighetsregisteret":        func(u *world.Unit) bool { return u.VoluntaryRegister },
}

func commaList(s string) []string {
	var out []string
	for v := range strings.SplitSeq(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// parseSearch reads a search's parameters; a non-empty message is a 400.
func parseSearch(r *http.Request) (searchQuery, string) {
	q := searchQuery{size: 20, bools: map[string]bool{}}
	vals, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return q, "Ugyldig spørring"
	}
	for pair := range strings.SplitSeq(r.URL.RawQuery, "&") {
		if pair == "" {
			continue
		}
		k, _, _ := strings.Cut(pair, "=")
		if k, err := url.QueryUnescape(k); err == nil && (k == "page" || k == "size") {
			continue
		}
		q.rawPairs = append(q.rawPairs, pair)
	}
	num := func(name string, def int) (int, string) {
		v := vals.Get(name)
		if v == "" {
			return def, ""
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return 0, "Ugyldig verdi for parameter " + name + ": " + v
		}
		return n, ""
	}
	var msg string
	if q.page, msg = num("page", 0); msg != "" {
		return q, msg
	}
	if q.size, msg = num("size", 20); msg != "" {
		return q, msg
	}
	if q.size == 0 {
		return q, "Ugyldig verdi for parameter size: 0"
	}
	if q.page*q.size > maxDepth {
		return q, fmt.Sprintf("Maks dybde (page*size) er %d, fikk %d", maxDepth, q.page*q.size)
	}
	q.navn = strings.ToLower(strings.TrimSpace(vals.Get("navn")))
	q.orgnrs = commaList(vals.Get("organisasjonsnummer"))
	for _, n := range q.orgnrs {
		if !ident.IsNineDigits(n) {
			return q, "Ugyldig organisasjonsnummer: " + n
		}
	}
	if q.parent = strings.TrimSpace(vals.Get("overordnetEnhet")); q.parent != "" && !ident.IsNineDigits(q.parent) {
		return q, "Ugyldig organisasjonsnummer for overordnetEnhet: " + q.parent
	}
	q.forms = commaList(vals.Get("organisasjonsform"))
	q.nace = commaList(vals.Get("naeringskode"))
	q.municipal = commaList(vals.Get("kommunenummer"))
	for name := range searchBools {
		switch v := vals.Get(name); v {
		case "":
		case "true", "false":
			q.bools[name] = v == "true"
		default:
			return q, "Ugyldig verdi for parameter " + name + ": " + v
		}
	}
	return q, ""
}

func (q *searchQuery) match(u *world.Unit) bool {
	if q.navn != "" && !strings.Contains(strings.ToLower(u.Name), q.navn) {
		return false
	}
	if len(q.orgnrs) > 0 && !slices.Contains(q.orgnrs, u.OrgNr) {
		return false
	}
	if q.parent != "" && u.Parent != q.parent {
		return false
	}
	if len(q.forms) > 0 && !slices.Contains(q.forms, u.Form) {
		return false
	}
	if len(q.nace) > 0 && !slices.ContainsFunc(u.NACE, func(c world.Code) bool {
		return slices.ContainsFunc(q.nace, func(p string) bool { return strings.HasPrefix(c.Code, p) })
	}) {
		return false
	}
	if len(q.municipal) > 0 && (u.Business == nil || !slices.Contains(q.municipal, u.Business.MunicipalityNo)) {
		return false
	}
	for name, want := range q.bools {
		if searchBools[name](u) != want {
			return false
		}
	}
	return true
}

// search serves /enheter and /underenheter.
func (b *brreg) search(w http.ResponseWriter, r *http.Request, sub bool) {
	media, collection := MediaEnhet, "enheter"
	if sub {
		media, collection = MediaUnderenhet, "underenheter"
	}
	ct, ok := b.negotiate(w, r, media)
	if !ok {
		return
	}
	q, msg := parseSearch(r)
	if msg != "" {
		b.error(w, r, http.StatusBadRequest, msg)
		return
	}
	var hits []*world.Unit
	for i := range b.world.Units {
		u := &b.world.Units[i]
		// [U] Deleted and removed units are left out of searches.
		if u.IsSubUnit() != sub || u.IsDeleted() || u.Removed || !q.match(u) {
			continue
		}
		hits = append(hits, u)
	}
	slices.SortFunc(hits, func(a, b *world.Unit) int { return strings.Compare(a.OrgNr, b.OrgNr) })

	total := len(hits)
	pages := (total + q.size - 1) / q.size
	out := jsonSearch{Page: jsonPage{Size: q.size, TotalElements: total, TotalPages: pages, Number: q.page}}
	from, to := min(q.page*q.size, total), min((q.page+1)*q.size, total)
	if from < to {
		list := make([]any, 0, to-from)
		for _, u := range hits[from:to] {
			if sub {
				list = append(list, b.underenhet(u))
			} else {
				list = append(list, b.enhet(u))
			}
		}
		out.Embedded = map[string][]any{collection: list}
	}
	// Spring HATEOAS: self as requested; first and last when there is more
	// than one page; prev and next when they exist.
	selfURL := b.base + "/" + collection
	if r.URL.RawQuery != "" {
		selfURL += "?" + r.URL.RawQuery
	}
	out.Links.Self = jsonLink{Href: selfURL}
	pageLink := func(n int) *jsonLink {
		pairs := append(slices.Clone(q.rawPairs), "page="+strconv.Itoa(n), "size="+strconv.Itoa(q.size))
		return &jsonLink{Href: b.base + "/" + collection + "?" + strings.Join(pairs, "&")}
	}
	hasPrev, hasNext := q.page > 0 && total > 0, q.page+1 < pages
	if hasPrev || hasNext {
		out.Links.First = pageLink(0)
		out.Links.Last = pageLink(pages - 1)
	}
	if hasPrev {
		out.Links.Prev = pageLink(min(q.page-1, pages-1))
	}
	if hasNext {
		out.Links.Next = pageLink(q.page + 1)
	}
	b.writeJSON(w, r, http.StatusOK, ct, out)
}

// root serves the API root: links to the collections.
func (b *brreg) root(w http.ResponseWriter, r *http.Request) {
	links := map[string]jsonLink{}
	for _, p := range []string{"enheter", "underenheter", "organisasjonsformer", "roller"} {
		links[p] = b.link("/" + p)
	}
	b.writeJSON(w, r, http.StatusOK, "application/json", map[string]any{"_links": links})
}

// code serves one entry of a code list.
func (b *brreg) code(w http.ResponseWriter, r *http.Request, code, desc string) {
	if desc == "" {
		b.error(w, r, http.StatusNotFound, "Koden "+code+" finnes ikke")
		return
	}
	b.writeJSON(w, r, http.StatusOK, "application/json",
		jsonCodeLinked{Kode: code, Beskrivelse: desc, Links: jsonSelf{Self: jsonLink{Href: b.base + strings.TrimPrefix(r.URL.Path, BasePath)}}})
}

func (b *brreg) groupDescription(code string) string {
	for _, g := range b.groups {
		if g.Code == code {
			return g.Description
		}
	}
	return ""
}

// negotiate picks the Content-Type from the Accept header: the versioned
// media type when the client asks for it, else application/json. It
// answers 406 itself when nothing fits.
func (b *brreg) negotiate(w http.ResponseWriter, r *http.Request, versioned string) (string, bool) {
	accept := r.Header.Get("Accept")
	if accept == "" {
		return "application/json", true
	}
	plain := false
	for part := range strings.SplitSeq(accept, ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mt {
		case versioned:
			return versioned + ";charset=UTF-8", true
		case "application/json", "application/*", "*/*", "application/hal+json":
			plain = true
		}
	}
	if plain {
		return "application/json", true
	}
	b.error(w, r, http.StatusNotAcceptable, "Kan ikke levere innhold av typen "+accept)
	return "", false
}

// writeJSON writes v as JSON, without HTML escaping (hrefs keep their &).
func (b *brreg) writeJSON(w http.ResponseWriter, r *http.Request, status int, contentType string, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		b.error(w, r, http.StatusInternalServerError, "Intern feil")
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(buf.Bytes())
	}
}

// error writes Spring Boot's error body [L].
func (b *brreg) error(w http.ResponseWriter, r *http.Request, status int, msg string) {
	writeSpringError(w, r, b.opts, status, msg)
}

func writeSpringError(w http.ResponseWriter, r *http.Request, opts Options, status int, msg string) {
	body, _ := json.Marshal(jsonError{
		Timestamp: opts.now().UTC().Format("2006-01-02T15:04:05.000-07:00"),
		Status:    status,
		Error:     http.StatusText(status),
		Message:   msg,
		Path:      r.URL.Path,
	})
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// ErrorWriter writes a fault switch's status as Spring's error body.
func ErrorWriter(opts Options) fault.ErrorWriter {
	return func(w http.ResponseWriter, r *http.Request, status int) {
		writeSpringError(w, r, opts, status, http.StatusText(status))
	}
}
