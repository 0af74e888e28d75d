package rrh

import (
	"errors"
	"fmt"
	"strings"
	"time"

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

// LimitError is a limit of the full-register readers that was passed:
// the file is refused rather than read without bounds.
type LimitError struct {
	// Limit names the limit: LimitEntries, LimitEntrySize, LimitRatio,
	// LimitRegistrationSize, LimitOwners, LimitPositions or LimitNesting.
	Limit string
	// Max is the limit's value; Entry the zip entry, when in a zip.
	Max   int64
	Entry string
	// Offset is where in the (uncompressed) data it was passed.
	Offset int64
}

// The limits of LimitError.Limit.
const (
	LimitEntries          = "entries"           // more entries in the zip than MaxEntries
	LimitEntrySize        = "entry_size"        // an entry larger than MaxEntrySize
	LimitRatio            = "compression_ratio" // an entry compressed more than MaxRatio
	LimitRegistrationSize = "registration_size" // a registration larger than MaxRegistrationSize
	LimitOwners           = "owners"            // a registration with more than MaxOwners owners
	LimitPositions        = "positions"         // an owner with more than MaxPositions positions
	LimitNesting          = "nesting"           // JSON nested deeper than 64 levels
)

// Error implements error.
func (e *LimitError) Error() string {
	var what string
	switch e.Limit {
	case LimitEntries:
		what = fmt.Sprintf("the zip file holds more than %d entries", e.Max)
	case LimitEntrySize:
		what = fmt.Sprintf("a file in it is larger than %d bytes", e.Max)
	case LimitRatio:
		what = fmt.Sprintf("a file in it is compressed more than %d times, like a zip bomb", e.Max)
	case LimitRegistrationSize:
		what = fmt.Sprintf("one registration is larger than %d bytes", e.Max)
	case LimitOwners:
		what = fmt.Sprintf("one registration has more than %d beneficial owners", e.Max)
	case LimitPositions:
		what = fmt.Sprintf("one beneficial owner has more than %d positions", e.Max)
	case LimitNesting:
		what = fmt.Sprintf("the JSON is nested deeper than %d levels", e.Max)
	default:
		what = "a limit was passed"
	}
	s := "rrh: the download was refused: " + what
	if e.Entry != "" {
		s += " (" + e.Entry + ")"
	}
	return s
}

// FormatError is data that is not the register's format: broken JSON or
// CSV, or a zip that cannot be read.
type FormatError struct {
	// Entry is the zip entry, when in a zip; Offset is about where in the
	// (uncompressed) data the problem is.
	Entry  string
	Offset int64
	Err    error
}

// Error implements error.
func (e *FormatError) Error() string {
	s := "rrh: the download cannot be read"
	if e.Entry != "" {
		s += " (" + e.Entry + ")"
	}
	if e.Offset > 0 {
		s += fmt.Sprintf(" near byte %d", e.Offset)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying error.
func (e *FormatError) Unwrap() error { return e.Err }

// errNoNumber is a registration without an organisation number.
var errNoNumber = errors.New("the registration has no organisation number")

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

// owner parses a ReellRettighetshaver. ok is false for a non-object;
// deleted is true for an owner with a "slettet" date (v1) [U].
func (p *parser) owner(bo *dossier.BeneficialOwner, lim regLimits) (deleted, ok bool, err error) {
	var residence dossier.Code
	var hasResidence bool
	ok, err = p.object(func(key []byte) error {
		switch string(key) {
		case "folkeregistrertPerson":
			return p.person(bo, &residence, &hasResidence)
		case "utenlandskPerson":
			bo.Foreign = true
			return p.person(bo, &residence, &hasResidence)
		case "bostedsland":
			c, has, err := p.country()
			if has {
				residence, hasResidence = c, true
			}
			return err
		case "erUnntattFraInnsyn":
			var err error
			bo.Exempt, err = p.boolean()
			return err
		case "slettet", "slettetDato":
			s, err := p.strBytes()
			deleted = len(s) > 0
			return err
		case "posisjoner":
			return p.array(func() error {
				if len(bo.Positions) >= lim.maxPositions {
					return &LimitError{Limit: LimitPositions, Max: int64(lim.maxPositions)}
				}
				var pos dossier.Position
				has, err := p.position(&pos)
				if err == nil && has {
					bo.Positions = append(bo.Positions, pos)
				}
				return err
			})
		}
		return p.skip()
	})
	if hasResidence {
		r := residence
		bo.Residence = &r
	}
	if bo.BirthYear == "" && len(bo.BirthDate) >= 4 && isDigits(bo.BirthDate[:4]) {
		bo.BirthYear = bo.BirthDate[:4]
	}
	return deleted, ok, err
}

// person parses a folkeregistrertPerson or utenlandskPerson into bo.
func (p *parser) person(bo *dossier.BeneficialOwner, residence *dossier.Code, hasResidence *bool) error {
	var first, middle, last string
	var full string
	_, err := p.object(func(key []byte) error {
		var err error
		switch string(key) {
		case "foedselsEllerDNummer", "fødselsEllerDNummer", "foedselsnummer":
			bo.NationalID, err = p.str()
		case "foedselsdato", "fødselsdato":
			bo.BirthDate, err = p.str()
		case "foedselsaar", "fødselsår":
			bo.BirthYear, err = p.shared()
		case "navn":
			if p.peek() == '"' {
				full, err = p.str()
				return err
			}
			_, err = p.object(func(k []byte) error {
				var err error
				switch string(k) {
				case "fornavn":
					first, err = p.str()
				case "mellomnavn":
					middle, err = p.str()
				case "etternavn":
					last, err = p.str()
				case "fulltNavn":
					full, err = p.str()
				default:
					err = p.skip()
				}
				return err
			})
		case "fulltNavn":
			full, err = p.str()
		case "erDoed", "erDød":
			bo.Deceased, err = p.boolean()
		case "statsborgerskap":
			bo.Citizenships = bo.Citizenships[:0]
			err = p.array(func() error {
				if len(bo.Citizenships) >= 64 {
					return p.skip()
				}
				c, has, err := p.country()
				if has {
					bo.Citizenships = append(bo.Citizenships, c)
				}
				return err
			})
		case "bostedsland":
			var c dossier.Code
			var has bool
			c, has, err = p.country()
			if has {
				*residence, *hasResidence = c, true
			}
		default:
			err = p.skip()
		}
		return err
	})
	if full == "" {
		full = joinName(first, middle, last)
	}
	bo.Name = strings.TrimSpace(full)
	return err
}

// joinName joins the non-empty name parts with single spaces.
func joinName(parts ...string) string {
	var b strings.Builder
	for _, s := range parts {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	return b.String()
}

// position parses a Posisjon. has is false for a non-object.
func (p *parser) position(pos *dossier.Position) (has bool, err error) {
	var typeCode, typeText string
	has, err = p.object(func(key []byte) error {
		var err error
		switch string(key) {
		case "type", "posisjonstype", "posisjontype":
			typeCode, typeText, err = p.code()
		case "stoerrelseIntervall", "stoerrelsesintervall", "størrelsesintervall", "stoerrelseintervall":
			var c, t string
			c, t, err = p.code()
			if c != "" || t != "" {
				iv := normCode(kindInterval, c, t)
				pos.Interval = &iv
			}
		case "grunnlag", "grunnlagstyper", "grunnlagstype", "grunnlagtyper":
			err = p.array(func() error {
				if len(pos.Basis) >= 16 {
					return p.skip()
				}
				c, t, err := p.code()
				if c != "" || t != "" {
					pos.Basis = append(pos.Basis, normCode(kindBasis, c, t))
				}
				return err
			})
		case "mellomliggendeVirksomheter":
			err = p.array(func() error {
				if len(pos.Intermediates) >= 256 {
					return p.skip()
				}
				u, has, err := p.intermediate()
				if has {
					pos.Intermediates = append(pos.Intermediates, u)
				}
				return err
			})
		default:
			if len(key) > len("beskrivelse") && string(key[:len("beskrivelse")]) == "beskrivelse" {
				pos.Other, err = p.str()
			} else {
				err = p.skip()
			}
		}
		return err
	})
	if typeCode != "" || typeText != "" {
		pos.Type = normCode(kindPosition, typeCode, typeText)
	}
	return has, err
}

// intermediate parses a MellomliggendeVirksomhet.
func (p *parser) intermediate() (u dossier.UnitRef, has bool, err error) {
	_, err = p.object(func(key []byte) error {
		switch string(key) {
		case "virksomhet", "norskVirksomhet":
			ok, err := p.object(func(k []byte) error {
				var err error
				switch string(k) {
				case "organisasjonsnummer":
					u.Number, err = p.str()
				case "navn":
					u.Name, err = p.str()
				case "organisasjonsform":
					var c, t string
					c, t, err = p.code()
					u.Form = c
					if u.Form == "" {
						u.Form = t
					}
				case "slettetIEnhetsregisteret", "slettetDato":
					var s []byte
					s, err = p.strBytes()
					u.Deleted = len(s) > 0
				default:
					err = p.skip()
				}
				return err
			})
			has = has || ok
			return err
		case "utenlandskVirksomhet":
			ok, err := p.object(func(k []byte) error {
				var err error
				switch string(k) {
				case "registreringsnummerIHjemlandet":
					u.ForeignNumber, err = p.str()
				case "navn":
					u.Name, err = p.str()
				case "internasjonalAdresse", "adresse":
					_, err = p.object(func(k2 []byte) error {
						switch string(k2) {
						case "landkode", "land":
							c, _, err := p.country()
							if c.Code != "" {
								u.Country = c.Code
							} else if c.Description != "" {
								u.Country = c.Description
							}
							return err
						}
						return p.skip()
					})
				case "land", "landkode":
					var c dossier.Code
					c, _, err = p.country()
					if c.Code != "" {
						u.Country = c.Code
					}
				default:
					err = p.skip()
				}
				return err
			})
			has = has || ok
			return err
		}
		return p.skip()
	})
	has = has && (u.Number != "" || u.ForeignNumber != "" || u.Name != "")
	return u, has, err
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseTime reads an RFC 3339 time with a fraction of any length
// ("2022-03-28T11:18:41.867822Z"), a time without a zone (taken as UTC),
// or a date. It returns UTC.
func parseTime(b []byte) (time.Time, bool) {
	if len(b) < 10 {
		return time.Time{}, false
	}
	num := func(s []byte) (int, bool) {
		n := 0
		for _, c := range s {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(b[0:4])
	mo, ok2 := num(b[5:7])
	d, ok3 := num(b[8:10])
	if !ok1 || !ok2 || !ok3 || b[4] != '-' || b[7] != '-' || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	if len(b) == 10 {
		return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), true
	}
	if len(b) < 19 || (b[10] != 'T' && b[10] != 't' && b[10] != ' ') || b[13] != ':' || b[16] != ':' {
		return time.Time{}, false
	}
	h, ok1 := num(b[11:13])
	mi, ok2 := num(b[14:16])
	s, ok3 := num(b[17:19])
	if !ok1 || !ok2 || !ok3 || h > 23 || mi > 59 || s > 60 {
		return time.Time{}, false
	}
	rest := b[19:]
	ns := 0
	if len(rest) > 0 && (rest[0] == '.' || rest[0] == ',') {
		i := 1
		scale := 100_000_000
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			ns += int(rest[i]-'0') * scale
			scale /= 10
			i++
		}
		if i == 1 {
			return time.Time{}, false
		}
		rest = rest[i:]
	}
	loc := time.UTC
	switch {
	case len(rest) == 0, len(rest) == 1 && (rest[0] == 'Z' || rest[0] == 'z'):
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		zh, ok1 := num(rest[1:3])
		zm, ok2 := num(rest[4:6])
		if !ok1 || !ok2 || zh > 23 || zm > 59 {
			return time.Time{}, false
		}
		off := zh*3600 + zm*60
		if rest[0] == '-' {
			off = -off
		}
		loc = time.FixedZone("", off)
	default:
		return time.Time{}, false
	}
	return time.Date(y, time.Month(mo), d, h, mi, s, ns, loc).UTC(), true
}
