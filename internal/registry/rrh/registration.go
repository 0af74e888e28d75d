package rrh

import (
	"strings"

	"github.com/motpart/motpart/internal/dossier"
)

// Both shapes of the register's documents map onto dossier.Owners:
//
// Partner API (ReellRettighet, specs §4.2) [C]:
//
//	{registreringId, registreringStatus{kode,kodetekst}, registrertDato,
//	 reelleRettighetshavereStatus{kode,kodetekst},
//	 registreringspliktigVirksomhet{organisasjonsnummer},
//	 reelleRettighetshavere[{folkeregistrertPerson{foedselsEllerDNummer,
//	   foedselsdato, foedselsaar, navn{fornavn,mellomnavn,etternavn}, erDoed,
//	   statsborgerskap[{landkode,land}]} | utenlandskPerson{foedselsdato,
//	   foedselsaar, fulltNavn, statsborgerskap}, bostedsland{landkode,land},
//	   erUnntattFraInnsyn, posisjoner[{type, stoerrelseIntervall, grunnlag[],
//	   beskrivelseAnnenMaate, mellomliggendeVirksomheter[{virksomhet{
//	   organisasjonsnummer} | utenlandskVirksomhet{registreringsnummerIHjemlandet,
//	   navn, internasjonalAdresse{friAdressetekst, landkode{landkode,land}}}}]}]}]}
//
// v1 "Virksomheter" API (RegistreringspliktigVirksomhet, specs §4.3) [U]:
// the published løsningsmodell and one public example response give
//
//	{organisasjonsnummer, navn?, organisasjonsform?, slettetIEnhetsregisteret?,
//	 foerstRegistrertIRegisterOverReelleRettighetshavere?,
//	 registreringer[{registreringsid, registreringsstatus{kode,kodenavn},
//	   registrert, erGjeldendeRegistrering, reelleRettighetshaverestatus{kode,
//	   kodenavn}, reelleRettighetshavere[{folkeregistrertPerson{..., bostedsland},
//	   utenlandskPerson{..., bostedsland}, erUnntattFraInnsyn, foerstRegistrert,
//	   endret, slettet?, posisjoner[{posisjonstype, stoerrelsesintervall,
//	   grunnlagstyper[], beskrivelseAvPosisjonenKontrollPaaAnnenMaate?,
//	   mellomliggendeVirksomheter[{norskVirksomhet{organisasjonsnummer, navn,
//	   organisasjonsform, slettetIEnhetsregisteret} | utenlandskVirksomhet{...}}]}]}]}]}
//
// The parser accepts the field names of both shapes in any document (a
// "kodenavn" is a "kodetekst", "posisjonstype" a "type", and so on), so a
// v1 document is read by the same code. Of a v1 entity's registrations
// (current and earlier) the current one is used: erGjeldendeRegistrering,
// else the latest registered. [U] choices: an owner with a "slettet" date
// is left out; a member whose name starts with "beskrivelse" in a position
// is its description of control by other means; v1 codes are mapped to the
// Partner API's (codeTable), and unknown codes are kept lower case.

// Limits of one registration.
type regLimits struct {
	maxOwners    int
	maxPositions int
}

// regState is what parsing one registration object found besides the
// owners: what is needed to choose among a v1 entity's registrations.
type regState struct {
	current   int8 // erGjeldendeRegistrering: -1 absent, 0 false, 1 true
	regStatus string
	// nested registrations of a v1 entity.
	nested []nestedReg
}

type nestedReg struct {
	owners dossier.Owners
	st     regState
}

// ParseRegistration reads one registration: a Partner API ReellRettighet
// or a v1 RegistreringspliktigVirksomhet, as the look-up endpoints answer
// and as each element of the full download. It does not check the
// organisation number's check digit (the register's own examples use
// placeholders that fail it), but a registration without one is an error.
func ParseRegistration(data []byte) (*dossier.Owners, error) {
	var p parser
	p.reset(data)
	o := new(dossier.Owners)
	if err := p.registration(o, regLimits{maxOwners: DefaultMaxOwners, maxPositions: DefaultMaxPositions}); err != nil {
		return nil, err
	}
	if err := p.end(); err != nil {
		return nil, err
	}
	if o.Number == "" {
		return nil, errNoNumber
	}
	return o, nil
}

// registration parses a registration object into o.
func (p *parser) registration(o *dossier.Owners, lim regLimits) error {
	if p.peek() != '{' {
		if err := p.skip(); err != nil {
			return err
		}
		return p.fail("a registration is not a JSON object")
	}
	var st regState
	if err := p.regObject(o, &st, lim, 0); err != nil {
		return err
	}
	if len(st.nested) > 0 {
		p.choose(o, st.nested)
	}
	return nil
}

// choose puts into o the v1 entity's current registration.
func (p *parser) choose(o *dossier.Owners, regs []nestedReg) {
	if len(regs) == 0 {
		return
	}
	best := -1
	for i := range regs {
		r := &regs[i]
		switch {
		case best < 0:
			best = i
		case r.st.current == 1 && regs[best].st.current != 1:
			best = i
		case (r.st.current == 1) == (regs[best].st.current == 1) && !r.owners.Registered.Before(regs[best].owners.Registered):
			best = i
		}
	}
	b := &regs[best]
	number := o.Number
	*o = b.owners
	if number != "" {
		o.Number = number
	}
	if o.Status.Code == "" && b.st.regStatus != "" {
		// A registration with no owner status (e.g. "not reported yet")
		// is described by its registration status.
		o.Status = normCode(kindRegistration, b.st.regStatus, "")
	}
}

// regObject parses the members of a registration (or v1 entity) object.
// level is 0 for the top object, 1 for a v1 entity's registrations.
func (p *parser) regObject(o *dossier.Owners, st *regState, lim regLimits, level int) error {
	st.current = -1
	var statusCode, statusText string
	_, err := p.object(func(key []byte) error {
		switch string(key) {
		case "registreringspliktigVirksomhet", "virksomhet":
			_, err := p.object(func(k []byte) error {
				if string(k) == "organisasjonsnummer" {
					s, err := p.str()
					o.Number = strings.TrimSpace(s)
					return err
				}
				return p.skip()
			})
			return err
		case "organisasjonsnummer":
			s, err := p.str()
			o.Number = strings.TrimSpace(s)
			return err
		case "registrertDato", "registrert", "registreringstidspunkt":
			s, err := p.strBytes()
			if t, ok := parseTime(s); ok {
				o.Registered = t
			}
			return err
		case "reelleRettighetshavereStatus", "reelleRettighetshaverestatus":
			var err error
			statusCode, statusText, err = p.code()
			return err
		case "registreringStatus", "registreringsstatus":
			c, _, err := p.code()
			st.regStatus = c
			return err
		case "erGjeldendeRegistrering":
			b, err := p.boolean()
			st.current = 0
			if b {
				st.current = 1
			}
			return err
		case "reelleRettighetshavere":
			return p.array(func() error {
				if len(o.Owners) >= lim.maxOwners {
					return &LimitError{Limit: LimitOwners, Max: int64(lim.maxOwners)}
				}
				var bo dossier.BeneficialOwner
				deleted, ok, err := p.owner(&bo, lim)
				if err != nil || !ok || deleted {
					return err
				}
				o.Owners = append(o.Owners, bo)
				return nil
			})
		case "registreringer":
			if level > 0 {
				return p.skip()
			}
			return p.array(func() error {
				var n nestedReg
				if p.peek() != '{' {
					return p.skip()
				}
				if err := p.regObject(&n.owners, &n.st, lim, level+1); err != nil {
					return err
				}
				st.nested = append(st.nested, n)
				return nil
			})
		}
		return p.skip()
	})
	if err != nil {
		return err
	}
	if statusCode != "" || statusText != "" {
		o.Status = normCode(kindStatus, statusCode, statusText)
	} else if level > 0 && st.regStatus != "" {
		o.Status = normCode(kindRegistration, st.regStatus, "")
	}
	return nil
}

// code reads a Kode: {kode, kodetekst} (v1: kodenavn). A bare string is
// taken as the code.
func (p *parser) code() (code, txt string, err error) {
	if p.peek() == '"' {
		code, err = p.shared()
		return code, "", err
	}
	_, err = p.object(func(k []byte) error {
		var err error
		switch string(k) {
		case "kode":
			code, err = p.shared()
		case "kodetekst", "kodenavn", "tekst", "beskrivelse":
			txt, err = p.shared()
		default:
			err = p.skip()
		}
		return err
	})
	return code, txt, err
}

// country reads a Landkode: {landkode, land} (v1: navn). A bare string is
// taken as the code.
func (p *parser) country() (dossier.Code, bool, error) {
	if p.peek() == '"' {
		c, err := p.shared()
		return dossier.Code{Code: c}, c != "", err
	}
	var c dossier.Code
	ok, err := p.object(func(k []byte) error {
		var err error
		switch string(k) {
		case "landkode", "kode":
			if p.peek() == '{' {
				// internasjonalAdresse.landkode is itself a Landkode.
				var inner dossier.Code
				inner, _, err = p.country()
				if c.Code == "" {
					c.Code = inner.Code
				}
				if c.Description == "" {
					c.Description = inner.Description
				}
				return err
			}
			c.Code, err = p.shared()
		case "land", "navn", "landnavn":
			c.Description, err = p.shared()
		default:
			err = p.skip()
		}
		return err
	})
	return c, ok && (c.Code != "" || c.Description != ""), err
}
