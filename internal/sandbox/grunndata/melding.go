package grunndata

import (
	"slices"
	"strconv"

	"github.com/motpart/motpart/internal/sandbox/world"
)

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
			if p, ok := g.w().Person(r.Person); ok {
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
			} else if h, ok := g.w().Unit(r.Unit); ok {
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
