package brreg

import (
	"github.com/motpart/motpart/internal/sandbox/world"
)

// The JSON shapes, in the order the live service writes their members,
// and how a unit of the world becomes one.

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
			if p, ok := b.w().Person(ro.Person); ok {
				jr.Person = &jsonRolePerson{Fodselsdato: world.BirthDate(p.ID), Navn: jsonName{Fornavn: p.First, Mellomnavn: p.Middle, Etternavn: p.Last}, ErDoed: p.Dead}
			} else if h, ok := b.w().Unit(ro.Unit); ok {
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
