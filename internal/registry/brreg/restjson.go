package brreg

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/registry/transport"
)

// The JSON shapes of Enhetsregisteret's open API (registries.md §3.2).
// Only what Motpart uses is declared; unknown members are ignored.

type jsonCode struct {
	Kode        string `json:"kode"`
	Beskrivelse string `json:"beskrivelse"`
}

type jsonAddress struct {
	Land          string    `json:"land"`
	Landkode      string    `json:"landkode"`
	Postnummer    string    `json:"postnummer"`
	Poststed      string    `json:"poststed"`
	Adresse       []*string `json:"adresse"` // may hold null and ""
	Kommune       string    `json:"kommune"`
	Kommunenummer string    `json:"kommunenummer"`
}

type jsonCapital struct {
	Belop  json.Number `json:"belop"`
	Valuta string      `json:"valuta"`
}

type jsonUnit struct {
	Organisasjonsnummer               string       `json:"organisasjonsnummer"`
	Navn                              string       `json:"navn"`
	Organisasjonsform                 *jsonCode    `json:"organisasjonsform"`
	Hjemmeside                        string       `json:"hjemmeside"`
	Postadresse                       *jsonAddress `json:"postadresse"`
	Forretningsadresse                *jsonAddress `json:"forretningsadresse"`
	Beliggenhetsadresse               *jsonAddress `json:"beliggenhetsadresse"`
	RegistreringsdatoEnhetsregisteret string       `json:"registreringsdatoEnhetsregisteret"`
	RegistrertIMvaregisteret          bool         `json:"registrertIMvaregisteret"`
	RegistrertIForetaksregisteret     bool         `json:"registrertIForetaksregisteret"`
	Naeringskode1                     *jsonCode    `json:"naeringskode1"`
	Naeringskode2                     *jsonCode    `json:"naeringskode2"`
	Naeringskode3                     *jsonCode    `json:"naeringskode3"`
	AntallAnsatte                     *int         `json:"antallAnsatte"`
	HarRegistrertAntallAnsatte        *bool        `json:"harRegistrertAntallAnsatte"`
	OverordnetEnhet                   string       `json:"overordnetEnhet"`
	Stiftelsesdato                    string       `json:"stiftelsesdato"`
	Oppstartsdato                     string       `json:"oppstartsdato"`
	InstitusjonellSektorkode          *jsonCode    `json:"institusjonellSektorkode"`
	Konkurs                           bool         `json:"konkurs"`
	Konkursdato                       string       `json:"konkursdato"`
	UnderAvvikling                    bool         `json:"underAvvikling"`
	UnderTvangsavvikling              bool         `json:"underTvangsavviklingEllerTvangsopplosning"`
	VedtektsfestetFormaal             []*string    `json:"vedtektsfestetFormaal"`
	Aktivitet                         []*string    `json:"aktivitet"`
	Epostadresse                      string       `json:"epostadresse"`
	Telefon                           string       `json:"telefon"`
	Mobil                             string       `json:"mobil"`
	Kapital                           *jsonCapital `json:"kapital"`
	Slettedato                        string       `json:"slettedato"`
	// Nedleggelsesdato is the day a (sub-)unit closed down; it may come
	// long before a slettedato, or with none.
	Nedleggelsesdato string `json:"nedleggelsesdato"`
}

type jsonRoles struct {
	Rollegrupper []struct {
		Type       jsonCode   `json:"type"`
		SistEndret string     `json:"sistEndret"`
		Roller     []jsonRole `json:"roller"`
	} `json:"rollegrupper"`
}

type jsonRole struct {
	Type   jsonCode `json:"type"`
	Person *struct {
		Fodselsdato string `json:"fodselsdato"`
		Navn        struct {
			Fornavn    string `json:"fornavn"`
			Mellomnavn string `json:"mellomnavn"`
			Etternavn  string `json:"etternavn"`
		} `json:"navn"`
		ErDoed bool `json:"erDoed"`
	} `json:"person"`
	Enhet *struct {
		Organisasjonsnummer string    `json:"organisasjonsnummer"`
		Organisasjonsform   *jsonCode `json:"organisasjonsform"`
		Navn                nameLines `json:"navn"`
		ErSlettet           bool      `json:"erSlettet"`
	} `json:"enhet"`
	ValgtAv      *jsonCode `json:"valgtAv"`
	Ansvarsandel string    `json:"ansvarsandel"`
	Avregistrert bool      `json:"avregistrert"`
	Fratraadt    bool      `json:"fratraadt"`
}

// nameLines is a unit's name in a role: an array of lines (as the API
// gives it), or, leniently, one string.
type nameLines string

// UnmarshalJSON implements json.Unmarshaler.
func (n *nameLines) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*n = nameLines(strings.TrimSpace(s))
		return nil
	}
	var lines []*string
	if err := json.Unmarshal(b, &lines); err != nil {
		return err
	}
	*n = nameLines(joinNonEmpty(" ", derefAll(lines)...))
	return nil
}

type jsonPage struct {
	Embedded *struct {
		Enheter      []jsonUnit `json:"enheter"`
		Underenheter []jsonUnit `json:"underenheter"`
	} `json:"_embedded"`
	Page *struct {
		Size          int `json:"size"`
		TotalElements int `json:"totalElements"`
		TotalPages    int `json:"totalPages"`
		Number        int `json:"number"`
	} `json:"page"`
}

// jsonProblem is the Spring-style error body, and brreg's list of
// validation errors.
type jsonProblem struct {
	Status          int    `json:"status"`
	Error           string `json:"error"`
	Message         string `json:"message"`
	Valideringsfeil []struct {
		Feilmelding string `json:"feilmelding"`
	} `json:"valideringsfeil"`
}

// SearchPage is one page of a search.
type SearchPage struct {
	// Units holds the hits of this page.
	Units []dossier.Company
	// Page is the 0-based page number, Size the page size.
	Page, Size int
	// TotalElements is the number of hits in all; TotalPages the pages.
	TotalElements, TotalPages int
}

var errEmptyBody = errors.New("empty body")

// decodeJSON decodes data, which must be one JSON object, into v.
func decodeJSON(data []byte, v any) error {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return errEmptyBody
	}
	if data[0] != '{' {
		return errors.New("not a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("data after the JSON object")
	}
	return nil
}

// parseUnit parses a unit (or, with sub, a sub-unit) as
// /enheter/{orgnr} or /underenheter/{orgnr} gives it.
func parseUnit(data []byte, sub bool) (*dossier.Company, error) {
	var u jsonUnit
	if err := decodeJSON(data, &u); err != nil {
		return nil, err
	}
	return u.company(sub)
}

// company maps u onto a dossier.Company.
func (u *jsonUnit) company(sub bool) (*dossier.Company, error) {
	if !ident.IsNineDigits(u.Organisasjonsnummer) {
		return nil, fmt.Errorf("organisasjonsnummer %q is not 9 digits", transport.RegisterText(u.Organisasjonsnummer, 20))
	}
	c := &dossier.Company{
		Number:                 u.Organisasjonsnummer,
		Name:                   strings.TrimSpace(u.Navn),
		BusinessAddress:        u.Forretningsadresse.address(),
		PostalAddress:          u.Postadresse.address(),
		LocationAddress:        u.Beliggenhetsadresse.address(),
		Email:                  strings.TrimSpace(u.Epostadresse),
		Phone:                  strings.TrimSpace(u.Telefon),
		Mobile:                 strings.TrimSpace(u.Mobil),
		Website:                strings.TrimSpace(u.Hjemmeside),
		InBusinessRegister:     u.RegistrertIForetaksregisteret,
		InVATRegister:          u.RegistrertIMvaregisteret,
		Bankrupt:               u.Konkurs,
		UnderLiquidation:       u.UnderAvvikling,
		UnderForcedDissolution: u.UnderTvangsavvikling,
		SubUnit:                sub,
	}
	if f := u.Organisasjonsform; f != nil {
		c.Form = dossier.Code{Code: strings.TrimSpace(f.Kode), Description: strings.TrimSpace(f.Beskrivelse)}
	}
	for _, n := range []*jsonCode{u.Naeringskode1, u.Naeringskode2, u.Naeringskode3} {
		if n != nil && strings.TrimSpace(n.Kode) != "" {
			c.Industry = append(c.Industry, dossier.Code{Code: strings.TrimSpace(n.Kode), Description: strings.TrimSpace(n.Beskrivelse)})
		}
	}
	if s := u.InstitusjonellSektorkode; s != nil && strings.TrimSpace(s.Kode) != "" {
		c.Sector = &dossier.Code{Code: strings.TrimSpace(s.Kode), Description: strings.TrimSpace(s.Beskrivelse)}
	}
	// Older answers have no harRegistrertAntallAnsatte; a count above 0 is
	// then a registered count.
	if n := u.AntallAnsatte; n != nil && *n >= 0 {
		if has := u.HarRegistrertAntallAnsatte; (has != nil && *has) || (has == nil && *n > 0) {
			c.Employees = new(*n)
		}
	}
	var err error
	dates := []struct {
		dst  *string
		src  string
		name string
	}{
		{&c.Registered, u.RegistreringsdatoEnhetsregisteret, "registreringsdatoEnhetsregisteret"},
		{&c.Founded, u.Stiftelsesdato, "stiftelsesdato"},
		{&c.BankruptDate, u.Konkursdato, "konkursdato"},
		{&c.DeletedDate, u.Slettedato, "slettedato"},
		{&c.ClosedDate, u.Nedleggelsesdato, "nedleggelsesdato"},
	}
	if u.Stiftelsesdato == "" {
		dates[1].src, dates[1].name = u.Oppstartsdato, "oppstartsdato"
	}
	for _, d := range dates {
		if *d.dst, err = isoDate(d.src); err != nil {
			return nil, fmt.Errorf("%s: %w", d.name, err)
		}
	}
	c.Deleted = c.DeletedDate != ""
	if sub {
		if p := strings.TrimSpace(u.OverordnetEnhet); p != "" {
			if !ident.IsNineDigits(p) {
				return nil, fmt.Errorf("overordnetEnhet %q is not 9 digits", transport.RegisterText(p, 20))
			}
			c.Parent = p
		}
	}
	seen := map[string]bool{}
	for _, line := range append(derefAll(u.VedtektsfestetFormaal), derefAll(u.Aktivitet)...) {
		if line = strings.TrimSpace(line); line != "" && !seen[line] {
			seen[line] = true
			c.Purpose = append(c.Purpose, line)
		}
	}
	if k := u.Kapital; k != nil && k.Belop != "" {
		amount, err := formatAmount(k.Belop)
		if err != nil {
			return nil, fmt.Errorf("kapital: %w", err)
		}
		c.Capital = joinNonEmpty(" ", amount, k.Valuta)
	}
	return c, nil
}

// unitRef maps u onto a dossier.UnitRef.
func (u *jsonUnit) unitRef() (dossier.UnitRef, error) {
	if !ident.IsNineDigits(u.Organisasjonsnummer) {
		return dossier.UnitRef{}, fmt.Errorf("organisasjonsnummer %q is not 9 digits", transport.RegisterText(u.Organisasjonsnummer, 20))
	}
	r := dossier.UnitRef{
		Number:  u.Organisasjonsnummer,
		Name:    strings.TrimSpace(u.Navn),
		Deleted: strings.TrimSpace(u.Slettedato) != "",
	}
	if u.Organisasjonsform != nil {
		r.Form = strings.TrimSpace(u.Organisasjonsform.Kode)
	}
	closed, err := isoDate(u.Nedleggelsesdato)
	if err != nil {
		return dossier.UnitRef{}, fmt.Errorf("nedleggelsesdato: %w", err)
	}
	r.ClosedDate = closed
	r.Address = u.Beliggenhetsadresse.address()
	return r, nil
}

// address maps a JSON address; nil when it holds nothing.
func (a *jsonAddress) address() *dossier.Address {
	if a == nil {
		return nil
	}
	out := &dossier.Address{
		PostalCode:         strings.TrimSpace(a.Postnummer),
		City:               strings.TrimSpace(a.Poststed),
		Municipality:       strings.TrimSpace(a.Kommune),
		MunicipalityNumber: strings.TrimSpace(a.Kommunenummer),
		Country:            strings.TrimSpace(a.Land),
		CountryCode:        strings.TrimSpace(a.Landkode),
	}
	for _, l := range derefAll(a.Adresse) {
		if l = strings.TrimSpace(l); l != "" {
			out.Lines = append(out.Lines, l)
		}
	}
	if len(out.Lines) == 0 && out.PostalCode == "" && out.City == "" && out.Municipality == "" &&
		out.MunicipalityNumber == "" && out.Country == "" && out.CountryCode == "" {
		return nil
	}
	return out
}

// parseRoles parses /enheter/{orgnr}/roller.
func parseRoles(data []byte) ([]dossier.Role, error) {
	var rs jsonRoles
	if err := decodeJSON(data, &rs); err != nil {
		return nil, err
	}
	var out []dossier.Role
	for gi, g := range rs.Rollegrupper {
		group := dossier.Code{Code: strings.TrimSpace(g.Type.Kode), Description: strings.TrimSpace(g.Type.Beskrivelse)}
		if group.Code == "" {
			return nil, fmt.Errorf("role group %d has no type", gi)
		}
		// An unreadable date is left out: the roles do not need it.
		since, _ := isoDate(g.SistEndret)
		for ri, r := range g.Roller {
			role := dossier.Role{
				Group:    group,
				Type:     dossier.Code{Code: strings.TrimSpace(r.Type.Kode), Description: strings.TrimSpace(r.Type.Beskrivelse)},
				Share:    strings.TrimSpace(r.Ansvarsandel),
				Resigned: r.Avregistrert || r.Fratraadt,
				Since:    since,
			}
			if role.Type.Code == "" {
				return nil, fmt.Errorf("role %d of group %s has no type", ri, group.Code)
			}
			if r.ValgtAv != nil {
				role.ElectedBy = strings.TrimSpace(r.ValgtAv.Beskrivelse)
			}
			switch {
			case r.Person != nil && r.Enhet != nil:
				return nil, fmt.Errorf("role %d of group %s has both a person and a unit", ri, group.Code)
			case r.Person != nil:
				p := r.Person
				bd, err := isoDate(p.Fodselsdato)
				if err != nil {
					return nil, fmt.Errorf("role %d of group %s: fodselsdato: %w", ri, group.Code, err)
				}
				role.Person = &dossier.Person{
					Name:      joinNonEmpty(" ", p.Navn.Fornavn, p.Navn.Mellomnavn, p.Navn.Etternavn),
					BirthDate: bd,
					Deceased:  p.ErDoed,
				}
			case r.Enhet != nil:
				e := r.Enhet
				if !ident.IsNineDigits(e.Organisasjonsnummer) {
					return nil, fmt.Errorf("role %d of group %s: organisasjonsnummer %q is not 9 digits", ri, group.Code, transport.RegisterText(e.Organisasjonsnummer, 20))
				}
				role.Unit = &dossier.UnitRef{Number: e.Organisasjonsnummer, Name: string(e.Navn), Deleted: e.ErSlettet}
				if e.Organisasjonsform != nil {
					role.Unit.Form = strings.TrimSpace(e.Organisasjonsform.Kode)
				}
			default:
				return nil, fmt.Errorf("role %d of group %s has neither a person nor a unit", ri, group.Code)
			}
			out = append(out, role)
		}
	}
	return out, nil
}

// parseSearch parses a page of /enheter or (sub) /underenheter search.
func parseSearch(data []byte, sub bool) (SearchPage, error) {
	var p jsonPage
	if err := decodeJSON(data, &p); err != nil {
		return SearchPage{}, err
	}
	if p.Page == nil {
		return SearchPage{}, errors.New("no page member")
	}
	pg := p.Page
	if pg.Size < 0 || pg.TotalElements < 0 || pg.TotalPages < 0 || pg.Number < 0 {
		return SearchPage{}, errors.New("negative page numbers")
	}
	out := SearchPage{Page: pg.Number, Size: pg.Size, TotalElements: pg.TotalElements, TotalPages: pg.TotalPages}
	if p.Embedded != nil {
		units := p.Embedded.Enheter
		if sub {
			units = p.Embedded.Underenheter
		}
		for i := range units {
			c, err := units[i].company(sub)
			if err != nil {
				return SearchPage{}, fmt.Errorf("hit %d: %w", i, err)
			}
			out.Units = append(out.Units, *c)
		}
	}
	if len(out.Units) > out.TotalElements {
		return SearchPage{}, fmt.Errorf("%d hits on the page but %d in all", len(out.Units), out.TotalElements)
	}
	return out, nil
}

// parseSubUnitRefs parses a page of /underenheter search as references.
func parseSubUnitRefs(data []byte) (refs []dossier.UnitRef, totalElements, totalPages int, err error) {
	var p jsonPage
	if err := decodeJSON(data, &p); err != nil {
		return nil, 0, 0, err
	}
	if p.Page == nil || p.Page.TotalElements < 0 || p.Page.TotalPages < 0 {
		return nil, 0, 0, errors.New("no page member")
	}
	if p.Embedded != nil {
		for i := range p.Embedded.Underenheter {
			r, err := p.Embedded.Underenheter[i].unitRef()
			if err != nil {
				return nil, 0, 0, fmt.Errorf("hit %d: %w", i, err)
			}
			refs = append(refs, r)
		}
	}
	return refs, p.Page.TotalElements, p.Page.TotalPages, nil
}

// problemMessage returns the message of a Spring-style error body, cut
// short; "" when there is none.
func problemMessage(data []byte) string {
	var p jsonProblem
	if decodeJSON(data, &p) != nil {
		return ""
	}
	var parts []string
	if m := strings.TrimSpace(p.Message); m != "" {
		parts = append(parts, m)
	}
	for _, v := range p.Valideringsfeil {
		if m := strings.TrimSpace(v.Feilmelding); m != "" {
			parts = append(parts, m)
		}
	}
	if len(parts) == 0 && p.Error != "" {
		parts = append(parts, p.Error)
	}
	return transport.RegisterText(strings.Join(parts, "; "), 300)
}

// isoDate checks a date YYYY-MM-DD (a time after it is dropped); "" stays "".
func isoDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if len(s) < 10 || (len(s) > 10 && s[10] != 'T' && s[10] != ' ') {
		return "", fmt.Errorf("%q is not a date", transport.RegisterText(s, 40))
	}
	if _, err := time.Parse(time.DateOnly, s[:10]); err != nil {
		return "", fmt.Errorf("%q is not a date", transport.RegisterText(s, 40))
	}
	return s[:10], nil
}

// formatAmount writes a JSON number without a needless fraction:
// 30000.0 → "30000", 1500.50 → "1500.5".
func formatAmount(n json.Number) (string, error) {
	s := n.String()
	if strings.ContainsAny(s, "eE") {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return "", err
		}
		return strconv.FormatFloat(f, 'f', -1, 64), nil
	}
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return "", fmt.Errorf("%q is not an amount", transport.RegisterText(s, 40))
	}
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s, nil
}

func derefAll(ps []*string) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		if p != nil {
			out = append(out, *p)
		}
	}
	return out
}
