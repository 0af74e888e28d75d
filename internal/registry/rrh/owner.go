package rrh

import (
	"strings"

	"github.com/motpart/motpart/internal/dossier"
)

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
