package grunndata

import (
	"slices"
	"strconv"
	"strings"

	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/sandbox/fault"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// resolve finds the status combination for orgnr (the table of legal
// combinations in seed 002) and the unit whose data follow.
func (g *grunndata) resolve(orgnr string, op operation) *reply {
	one := func(main, code int, text string) *reply {
		return &reply{main: main, subs: []subStatus{{code, text}}}
	}
	n := strings.TrimSpace(orgnr)
	switch {
	case n == "":
		return one(1, 10, "Orgnr i input ikke gitt")
	case !ident.IsNineDigits(n):
		return one(1, 10000, "Ikke gyldig organisasjonsnummer. Organisasjonsnummer skal bestå av 9 siffer og bare tall")
	case !world.ValidOrgNr(n):
		return one(1, 170, n+" er ikke et gyldig organisasjonsnummer")
	case n == world.FailureOrgNr:
		return one(-1, -1000, "Det har oppstått en uventet feil. Ved fortsatt gjentakelse, ta kontakt med Brønnøysundregistrene")
	}
	u, ok := g.w().Unit(n)
	if !ok {
		// [U] The digest leaves the not-found code to the simulator; the
		// published table's 100 ("aldri opprettet") fits a valid number.
		return one(1, 100, "Enhet "+n+" aldri opprettet")
	}
	var extra []subStatus
	if u.IsDeleted() {
		switch u.DeletedAs {
		case world.DeletedDuplicate, world.DeletedMerged:
			y, _ := g.w().Unit(u.ReplacedBy)
			if y.IsDeleted() {
				return one(1, 120, "Enhet "+n+" er slettet som dublett eller sammenslått - korrekt enhet "+y.OrgNr+" er slettet")
			}
			if u.DeletedAs == world.DeletedDuplicate {
				extra = append(extra, subStatus{1, "Enhet " + n + " er slettet som dublett - korrekt enhet " + y.OrgNr + " er innført"})
			} else {
				extra = append(extra, subStatus{2, "Enhet " + n + " er slettet som sammenslått - korrekt enhet " + y.OrgNr + " er innført"})
			}
			// The correct unit's data follow. [U] whether the header's
			// orgnr is the one asked for or the correct one: the sandbox
			// echoes the one asked for.
			u = y
		default:
			return one(1, 110, "Enhet "+n+" er slettet")
		}
	}
	if u.IsSubUnit() {
		return one(1, 130, "Enhet "+n+" er en bedrift/virksomhet, juridisk enhet er "+u.Parent)
	}
	for i := range g.w().Units {
		if g.w().Units[i].RegistrationUnit == u.OrgNr {
			return one(1, 200, "Enhet "+n+" som det spørres på er en registreringsenhet")
		}
	}
	if u.RegistrationUnit != "" {
		extra = append(extra, subStatus{3, "Enhet " + u.RegistrationUnit + " er registreringsenheten til enheten som ble bestilt"})
	}
	// [U] "Data returnert" comes first, then 1, 2 or 3, then the notes.
	rep := &reply{main: 0, subs: append([]subStatus{{0, "Data returnert"}}, extra...), unit: u}
	if notes := op.notes(u); len(notes) > 0 {
		rep.subs = append(rep.subs, notes...)
		rep.main = g.opts.NoteStatus
	}
	return rep
}

// note is a data note: "Enhet x har ikke <what>".
func note(u *world.Unit, code int, what string) subStatus {
	return subStatus{code, "Enhet " + u.OrgNr + " har ikke " + what}
}

func notesBasisdataMini(u *world.Unit) []subStatus {
	var out []subStatus
	if u.Business == nil {
		out = append(out, note(u, 1010, "forretningsadresse"))
	}
	if u.Postal == nil {
		out = append(out, note(u, 1020, "postadresse"))
	}
	return out
}

func notesBasisdata(u *world.Unit) []subStatus {
	out := notesBasisdataMini(u)
	add := func(missing bool, code int, what string) {
		if missing {
			out = append(out, note(u, code, what))
		}
	}
	add(u.Founded == "", 1060, "stiftelsesdato")
	add(u.Language == "", 1070, "målform")
	add(len(u.Activity) == 0, 1090, "virksomhet/art/bransje")
	add(len(u.Purpose) == 0, 1100, "formål")
	add(u.StatutesDate == "", 1111, "vedtektsdato")
	add(len(u.NACE) == 0, 1125, "næringskode")
	add(u.Sector == nil, 1130, "sektorkode")
	return out
}

func notesKontaktdata(u *world.Unit) []subStatus {
	var out []subStatus
	add := func(missing bool, code int, what string) {
		if missing {
			out = append(out, note(u, code, what))
		}
	}
	add(u.Phone == "", 1115, "telefon")
	add(u.Fax == "", 1116, "telefaks")
	add(u.Mobile == "", 1117, "mobiltelefon")
	add(u.Email == "", 1118, "e-postadresse")
	add(u.Homepage == "", 1119, "hjemmeside")
	return out
}

func notesSaerlige(u *world.Unit) []subStatus {
	if len(specialStatuses(u)) == 0 {
		return []subStatus{note(u, 1120, "særlige opplysninger")}
	}
	return nil
}

// roleBlock is a group of roles in hentRoller, in the schema's order.
type roleBlock struct {
	element     string // melding child
	samendring  string // samendringstype
	description string
	types       []string // role types in the block
}

// roleBlocks are hentRoller's groups. [U] The schema has no place for
// INNH, REPR and BOBE; the sandbox puts them with the contact persons.
// [U] The number n of note 1180 ("har ikke rolleblokk n") is the block's
// position here, counting from 1.
var roleBlocks = []roleBlock{
	{"kontaktperson", "KONT", "Kontaktperson", []string{"DAGL", "INNH", "REPR", "KONT", "BOBE"}},
	{"deltakere", "DELT", "Deltakere", []string{"DTPR", "DTSO"}},
	{"komplementar", "KOMP", "Komplementar", []string{"KOMP"}},
	{"sameiere", "SAM", "Sameiere", []string{"SAM"}},
	{"styre", "STYR", "Styre", []string{"LEDE", "NEST", "MEDL", "VARA", "OBS"}},
	{"revisor", "REVI", "Revisor", []string{"REVI"}},
	{"regnskapsfoerer", "REGN", "Regnskapsfører", []string{"REGN"}},
}

// expectedBlocks are the blocks a legal form normally has, by element;
// a missing one gives note 1180. [U] the sandbox's own choice.
var expectedBlocks = map[string][]string{
	"AS":  {"styre"},
	"ASA": {"styre", "revisor"},
	"ENK": {"kontaktperson"},
	"NUF": {"kontaktperson"},
	"ANS": {"deltakere"},
	"DA":  {"deltakere"},
	"STI": {"styre", "revisor"},
	"FLI": {"kontaktperson", "styre"},
}

func notesRoller(u *world.Unit) []subStatus {
	var out []subStatus
	for i, b := range roleBlocks {
		if !slices.Contains(expectedBlocks[u.Form], b.element) {
			continue
		}
		if !slices.ContainsFunc(u.Roles, func(r world.Role) bool { return slices.Contains(b.types, r.Type) }) {
			out = append(out, note(u, 1180, "rolleblokk "+strconv.Itoa(i+1)))
		}
	}
	return out
}

// statusTexts are the underStatusMelding texts of every code in seed 002's
// status table, in bokmål as the service writes them; x is the number
// asked for ({x}) and y the unit the register points to ({y}). The table is the
// simulator's own: a client must read the seed, not this, so that the two
// cannot share a mistake.
var statusTexts = map[int]string{
	0:     "Data returnert",
	1:     "Enhet {x} er slettet som dublett - korrekt enhet {y} er innført",
	2:     "Enhet {x} er slettet som sammenslått - korrekt enhet {y} er innført",
	3:     "Enhet {y} er registreringsenheten til enheten som ble bestilt",
	10:    "Orgnr i input ikke gitt",
	20:    "Valideringsfeil i inputstreng: {x}",
	10000: "Ikke gyldig organisasjonsnummer. Organisasjonsnummer skal bestå av 9 siffer og bare tall",
	100:   "Enhet {x} aldri opprettet",
	110:   "Enhet {x} er slettet",
	120:   "Enhet {x} er slettet som dublett eller sammenslått - korrekt enhet {y} er slettet",
	130:   "Enhet {x} er en bedrift/virksomhet, juridisk enhet er {y}",
	160:   "Input er ikke et organisasjonsnummer eller et fødselsnr",
	170:   "{x} er ikke et gyldig organisasjonsnummer",
	180:   "Personen {x} finnes ikke i vår database",
	181:   "Personen {x} er registrert død",
	182:   "Personen {x} er registrert ugyldig",
	183:   "Personen {x} har verge",
	190:   "Enhet {x} er ikke en bedrift/virksomhet",
	200:   "Enhet {x} som det spørres på er en registreringsenhet",
	210:   "Enhet {x} er ikke registrert i Frivillighetsregisteret",
	2000:  "Ingen endringer finnes i siste periode (siste døgn/helg)",
	1010:  "Enhet {x} har ikke forretningsadresse",
	1020:  "Enhet {x} har ikke postadresse",
	1030:  "Enhet {x} har ikke adresse",
	1060:  "Enhet {x} har ikke stiftelsesdato",
	1070:  "Enhet {x} har ikke målform",
	1080:  "Enhet {x} har ikke reklame",
	1090:  "Enhet {x} har ikke virksomhet/art/bransje",
	1100:  "Enhet {x} har ikke formål",
	1111:  "Enhet {x} har ikke vedtektsdato",
	1115:  "Enhet {x} har ikke telefon",
	1116:  "Enhet {x} har ikke telefaks",
	1117:  "Enhet {x} har ikke mobiltelefon",
	1118:  "Enhet {x} har ikke e-postadresse",
	1119:  "Enhet {x} har ikke hjemmeside",
	1120:  "Enhet {x} har ikke særlige opplysninger",
	1125:  "Enhet {x} har ikke næringskode",
	1130:  "Enhet {x} har ikke sektorkode",
	1135:  "Enhet {x} har ikke ansatte",
	1140:  "Enhet {x} har ikke kapital",
	1145:  "Enhet {x} har ikke bedrifter/virksomheter",
	1150:  "Enhet {x} inngår ikke i konsern",
	1155:  "Enhet {x} har ikke dato for oppstart",
	1160:  "Enhet {x} har ikke dato for eierskifte",
	1165:  "Enhet {x} har ikke hovedforetak",
	1180:  "Enhet {x} har ikke rolleblokk 1",
	1190:  "Enhet {x} har ikke frivillighetsregisterdata",
	-100:  "Bruker mangler autorisasjon for denne tjenesten",
	-101:  "Feil i brukernavn og/eller passord",
	-1000: "Det har oppstått en uventet feil. Ved fortsatt gjentakelse, ta kontakt med Brønnøysundregistrene",
}

// forced answers the fault switch's status pair for orgnr: hovedStatus
// main with the one underStatusMelding sub, after "Data returnert" when
// main is 0, as the real replies with data notes do. With main 0 the
// melding of the unit asked for follows when the world has it (a main unit
// that is not deleted); no melding follows otherwise. A code outside the
// seed's table gets a text saying so. [U] the unit y a text names: the
// unit's ReplacedBy, Parent or RegistrationUnit, else the number asked for.
func (g *grunndata) forced(orgnr string, st fault.GrunndataStatus) *reply {
	x := strings.TrimSpace(orgnr)
	y := x
	u, ok := g.w().Unit(x)
	if ok {
		for _, ref := range []string{u.ReplacedBy, u.Parent, u.RegistrationUnit} {
			if ref != "" {
				y = ref
				break
			}
		}
	}
	text, known := statusTexts[st.Sub]
	if !known {
		text = "Sandbox: underStatus " + strconv.Itoa(st.Sub) + " er ikke i tabellen for enhet {x}"
	}
	text = strings.NewReplacer("{x}", x, "{y}", y).Replace(text)
	rep := &reply{main: st.Main, subs: []subStatus{{st.Sub, text}}}
	if st.Main == 0 && st.Sub != 0 {
		rep.subs = append([]subStatus{{0, statusTexts[0]}}, rep.subs...)
	}
	if st.Main == 0 && ok && !u.IsDeleted() && !u.IsSubUnit() {
		rep.unit = u
	}
	return rep
}
