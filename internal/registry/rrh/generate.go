package rrh

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"time"
)

// GenerateTotal writes a synthetic full-register download: a JSON array of
// registrations in the Partner API's shape, indented as brreg's example
// file is, for benchmarks and tests (and simulators' fixtures). It is
// deterministic for a seed. The data is realistic but invented: valid
// MOD11 organisation numbers (unique in the file), valid synthetic
// national identity numbers, 1–4 owners for companies that have them,
// 1–3 positions each, intermediate companies for indirect positions, and
// every registration status.
func GenerateTotal(w io.Writer, registrations int, seed int64) error {
	if registrations < 0 {
		return errors.New("rrh: a negative number of registrations")
	}
	g := &generator{rnd: rand.New(rand.NewPCG(uint64(seed), uint64(seed)^0x9e3779b97f4a7c15)), used: make(map[int]bool, registrations)}
	bw := bufio.NewWriterSize(w, 256<<10)
	if _, err := bw.WriteString("[\n"); err != nil {
		return fmt.Errorf("rrh: writing the generated file: %w", err)
	}
	for i := range registrations {
		b, err := json.MarshalIndent(g.registration(), "  ", "  ")
		if err != nil {
			return fmt.Errorf("rrh: generating: %w", err)
		}
		bw.WriteString("  ")
		bw.Write(b)
		if i < registrations-1 {
			bw.WriteByte(',')
		}
		if err := bw.WriteByte('\n'); err != nil {
			return fmt.Errorf("rrh: writing the generated file: %w", err)
		}
	}
	bw.WriteString("]\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("rrh: writing the generated file: %w", err)
	}
	return nil
}

// The generated document's shape: the Partner API's ReellRettighet.
type (
	genKode struct {
		Kode      string `json:"kode"`
		Kodetekst string `json:"kodetekst,omitempty"`
	}
	genLand struct {
		Landkode string `json:"landkode"`
		Land     string `json:"land"`
	}
	genNavn struct {
		Fornavn    string `json:"fornavn"`
		Mellomnavn string `json:"mellomnavn,omitempty"`
		Etternavn  string `json:"etternavn"`
	}
	genPerson struct {
		FoedselsEllerDNummer string    `json:"foedselsEllerDNummer"`
		Foedselsdato         string    `json:"foedselsdato"`
		Foedselsaar          string    `json:"foedselsaar"`
		Navn                 genNavn   `json:"navn"`
		ErDoed               bool      `json:"erDoed"`
		Statsborgerskap      []genLand `json:"statsborgerskap"`
	}
	genUtenlandsk struct {
		Foedselsdato    string    `json:"foedselsdato"`
		Foedselsaar     string    `json:"foedselsaar"`
		FulltNavn       string    `json:"fulltNavn"`
		Statsborgerskap []genLand `json:"statsborgerskap"`
	}
	genVirksomhet struct {
		Virksomhet *struct {
			Organisasjonsnummer string `json:"organisasjonsnummer"`
		} `json:"virksomhet,omitempty"`
		UtenlandskVirksomhet *struct {
			RegistreringsnummerIHjemlandet string `json:"registreringsnummerIHjemlandet"`
			Navn                           string `json:"navn"`
			InternasjonalAdresse           struct {
				FriAdressetekst string  `json:"friAdressetekst"`
				Landkode        genLand `json:"landkode"`
			} `json:"internasjonalAdresse"`
		} `json:"utenlandskVirksomhet,omitempty"`
	}
	genPosisjon struct {
		Type                       genKode         `json:"type"`
		StoerrelseIntervall        *genKode        `json:"stoerrelseIntervall,omitempty"`
		Grunnlag                   []genKode       `json:"grunnlag"`
		BeskrivelseAnnenMaate      string          `json:"beskrivelseAnnenMaate,omitempty"`
		MellomliggendeVirksomheter []genVirksomhet `json:"mellomliggendeVirksomheter"`
	}
	genEier struct {
		FolkeregistrertPerson *genPerson     `json:"folkeregistrertPerson,omitempty"`
		UtenlandskPerson      *genUtenlandsk `json:"utenlandskPerson,omitempty"`
		Bostedsland           genLand        `json:"bostedsland"`
		ErUnntattFraInnsyn    bool           `json:"erUnntattFraInnsyn"`
		Posisjoner            []genPosisjon  `json:"posisjoner"`
		FoerstRegistrertDato  string         `json:"foerstRegistrertDato"`
		EndretDato            string         `json:"endretDato"`
	}
	genRegistrering struct {
		RegistreringID                 string  `json:"registreringId"`
		RegistreringStatus             genKode `json:"registreringStatus"`
		RegistrertDato                 string  `json:"registrertDato"`
		ReelleRettighetshavereStatus   genKode `json:"reelleRettighetshavereStatus"`
		RegistreringspliktigVirksomhet struct {
			Organisasjonsnummer string `json:"organisasjonsnummer"`
		} `json:"registreringspliktigVirksomhet"`
		ReelleRettighetshavere []genEier `json:"reelleRettighetshavere"`
	}
)

type generator struct {
	rnd  *rand.Rand
	used map[int]bool
}

var (
	genFirst   = [...]string{"KARI", "OLA", "INGRID", "LARS", "SIGRID", "MAGNUS", "ASTRID", "HÅKON", "SOLVEIG", "EIRIK", "MARIT", "BJØRN", "TONE", "ØYVIND", "LIV", "ANDERS", "HEGE", "TROND"}
	genMiddle  = [...]string{"", "", "", "MARIE", "JOHAN", "ELISABETH", "KRISTIAN"}
	genLast    = [...]string{"HANSEN", "JOHANSEN", "OLSEN", "LARSEN", "ANDERSEN", "PEDERSEN", "NILSEN", "KRISTIANSEN", "JENSEN", "KARLSEN", "BERG", "HAUGEN", "HAGEN", "JOHNSEN", "DAHL", "LIE", "SÆTHER", "ØDEGÅRD"}
	genForeign = [...]string{"ANNA SVENSSON", "ERIK LINDQVIST", "MARIA GARCÍA LÓPEZ", "JOHN SMITH", "SOPHIE MÜLLER", "PIETER DE VRIES", "MIKKO VIRTANEN", "LAURA ROSSI"}
	genLands   = [...]genLand{{"NOR", "Norge"}, {"SWE", "Sverige"}, {"DNK", "Danmark"}, {"FIN", "Finland"}, {"DEU", "Tyskland"}, {"GBR", "Storbritannia"}, {"USA", "USA"}, {"ESP", "Spania"}, {"NLD", "Nederland"}, {"POL", "Polen"}}
	genStatus  = [...]struct {
		code   string
		weight int
		owners bool
	}{
		{"arid", 75, true}, {"nrki", 8, true}, {"irki", 4, false}, {"rikv", 5, false}, {"rknv", 6, false}, {"rkuv", 2, false},
	}
)

func (g *generator) pick(n int) int { return g.rnd.IntN(n) }

// orgnr returns a new, valid organisation number.
func (g *generator) orgnr() string {
	for {
		prefix := 80_000_000 + g.pick(19_999_999)
		if g.used[prefix] {
			continue
		}
		s := fmt.Sprintf("%08d", prefix)
		w := [...]int{3, 2, 7, 6, 5, 4, 3, 2}
		sum := 0
		for i, x := range w {
			sum += x * int(s[i]-'0')
		}
		c := 11 - sum%11
		if c == 11 {
			c = 0
		}
		if c == 10 {
			continue
		}
		g.used[prefix] = true
		return s + string(rune('0'+c))
	}
}

// nationalID returns a valid synthetic fødselsnummer for the birth date.
func (g *generator) nationalID(birth time.Time) string {
	for {
		ind := g.pick(500)
		if birth.Year() >= 2000 {
			ind += 500
		}
		d := fmt.Sprintf("%02d%02d%02d%03d", birth.Day(), int(birth.Month()), birth.Year()%100, ind)
		k1 := checkDigit(d, [...]int{3, 7, 6, 1, 8, 9, 4, 5, 2})
		if k1 < 0 {
			continue
		}
		d += string(rune('0' + k1))
		k2 := checkDigit(d, [...]int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2})
		if k2 < 0 {
			continue
		}
		return d + string(rune('0'+k2))
	}
}

func checkDigit[W [9]int | [10]int](d string, w W) int {
	sum := 0
	for i := range len(w) {
		sum += w[i] * int(d[i]-'0')
	}
	c := 11 - sum%11
	switch c {
	case 11:
		return 0
	case 10:
		return -1
	}
	return c
}

func (g *generator) stamp(base time.Time) string {
	t := base.Add(time.Duration(g.pick(3600*24*365)) * time.Second).Add(time.Duration(g.pick(1_000_000)) * time.Microsecond)
	return t.UTC().Format("2006-01-02T15:04:05.999999Z")
}

func (g *generator) uuid() string {
	a, b := g.rnd.Uint64(), g.rnd.Uint64()
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", a>>32, (a>>16)&0xffff, a&0xfff, (b>>48)&0x3fff|0x8000, b&0xffffffffffff)
}

func (g *generator) kode(code string) genKode {
	ci := lookupCode(code)
	return genKode{Kode: ci.code, Kodetekst: ci.nb}
}

func (g *generator) registration() genRegistrering {
	var r genRegistrering
	r.RegistreringID = g.uuid()
	r.RegistreringStatus = g.kode(RegistrationRegistered)
	r.RegistrertDato = g.stamp(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC))
	r.RegistreringspliktigVirksomhet.Organisasjonsnummer = g.orgnr()
	x := g.pick(100)
	st := genStatus[0]
	for _, s := range genStatus {
		if x < s.weight {
			st = s
			break
		}
		x -= s.weight
	}
	r.ReelleRettighetshavereStatus = g.kode("reellerettighetshaverestatus." + st.code)
	r.ReelleRettighetshavere = []genEier{}
	if st.owners {
		for range 1 + g.pick(4) {
			r.ReelleRettighetshavere = append(r.ReelleRettighetshavere, g.owner(r.RegistrertDato))
		}
	}
	return r
}

func (g *generator) countries(n int) []genLand {
	out := []genLand{genLands[0]}
	for len(out) < n {
		out = append(out, genLands[1+g.pick(len(genLands)-1)])
	}
	return out
}

func (g *generator) owner(registered string) genEier {
	var e genEier
	birth := time.Date(1935+g.pick(75), time.Month(1+g.pick(12)), 1+g.pick(28), 0, 0, 0, 0, time.UTC)
	if g.pick(5) > 0 {
		p := &genPerson{
			FoedselsEllerDNummer: g.nationalID(birth),
			Foedselsdato:         birth.Format(time.DateOnly),
			Foedselsaar:          birth.Format("2006"),
			Navn:                 genNavn{Fornavn: genFirst[g.pick(len(genFirst))], Mellomnavn: genMiddle[g.pick(len(genMiddle))], Etternavn: genLast[g.pick(len(genLast))]},
			ErDoed:               g.pick(100) == 0,
			Statsborgerskap:      g.countries(1 + g.pick(2)),
		}
		e.FolkeregistrertPerson = p
		e.Bostedsland = genLands[0]
	} else {
		lands := g.countries(1 + g.pick(2))
		u := &genUtenlandsk{
			Foedselsdato:    birth.Format(time.DateOnly),
			Foedselsaar:     birth.Format("2006"),
			FulltNavn:       genForeign[g.pick(len(genForeign))],
			Statsborgerskap: lands[len(lands)-1:],
		}
		e.UtenlandskPerson = u
		e.Bostedsland = lands[len(lands)-1]
	}
	e.ErUnntattFraInnsyn = birth.Year() >= 2008 || g.pick(50) == 0
	for range 1 + g.pick(3) {
		e.Posisjoner = append(e.Posisjoner, g.position())
	}
	e.FoerstRegistrertDato = registered
	e.EndretDato = registered
	return e
}

func (g *generator) position() genPosisjon {
	types := [...]string{PositionOwnership, PositionOwnership, PositionVotes, PositionBoard, PositionOther}
	intervals := [...]string{Interval1, Interval1, Interval2, Interval3}
	bases := [...]string{BasisDirect, BasisIndirect, BasisAgreement}
	p := genPosisjon{Type: g.kode(types[g.pick(len(types))]), Grunnlag: []genKode{}, MellomliggendeVirksomheter: []genVirksomhet{}}
	switch p.Type.Kode {
	case PositionOwnership, PositionVotes:
		iv := g.kode(intervals[g.pick(len(intervals))])
		p.StoerrelseIntervall = &iv
	case PositionOther:
		p.BeskrivelseAnnenMaate = "Kontroll gjennom aksjonæravtale og vetorett i styret."
		return p
	}
	first := g.pick(len(bases))
	p.Grunnlag = append(p.Grunnlag, g.kode(bases[first]))
	if g.pick(3) == 0 {
		p.Grunnlag = append(p.Grunnlag, g.kode(bases[(first+1)%len(bases)]))
	}
	for _, b := range p.Grunnlag {
		if b.Kode != BasisIndirect {
			continue
		}
		for range 1 + g.pick(2) {
			var v genVirksomhet
			if g.pick(6) > 0 {
				v.Virksomhet = &struct {
					Organisasjonsnummer string `json:"organisasjonsnummer"`
				}{g.orgnr()}
			} else {
				u := &struct {
					RegistreringsnummerIHjemlandet string `json:"registreringsnummerIHjemlandet"`
					Navn                           string `json:"navn"`
					InternasjonalAdresse           struct {
						FriAdressetekst string  `json:"friAdressetekst"`
						Landkode        genLand `json:"landkode"`
					} `json:"internasjonalAdresse"`
				}{RegistreringsnummerIHjemlandet: fmt.Sprintf("%d-%04d", 556000+g.pick(9999), g.pick(10000)), Navn: "HOLDING AB"}
				u.InternasjonalAdresse.FriAdressetekst = "Storgatan 1, Stockholm"
				u.InternasjonalAdresse.Landkode = genLands[1]
				v.UtenlandskVirksomhet = u
			}
			p.MellomliggendeVirksomheter = append(p.MellomliggendeVirksomheter, v)
		}
	}
	return p
}
