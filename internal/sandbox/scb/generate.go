package scb

import (
	"strconv"
	"time"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// MaxGenerated is the most rows the generator can number uniquely.
const MaxGenerated = 8_000_000

// Generator makes a realistic, deterministic sector file population for
// benchmarks: row i of a seed is always the same, and no two rows of a
// seed share a number (for i below MaxGenerated). About 38 % are sole
// traders (personnummer, PeOrgNr 19/20…), most of the rest aktiebolag,
// then partnerships, housing cooperatives, associations, foundations and
// a few of every other legal form; names hold Å Ä Ö É Ü.
type Generator struct {
	seed uint64

	forms, sectors, owners, sni map[string]string
	sniCodes                    []string
}

// NewGenerator returns the generator of seed.
func NewGenerator(seed int64) *Generator {
	g := &Generator{seed: uint64(seed)*0x9E3779B97F4A7C15 + 1,
		forms: codeMap(world.SELegalForms()), sectors: codeMap(world.SESectors()),
		owners: codeMap(world.SEOwnerCategories()), sni: codeMap(world.SNICodes())}
	for _, c := range world.SNICodes() {
		if c.Code != "00000" {
			g.sniCodes = append(g.sniCodes, c.Code)
		}
	}
	return g
}

func codeMap(codes []world.Code) map[string]string {
	m := make(map[string]string, len(codes))
	for _, c := range codes {
		m[c.Code] = c.Description
	}
	return m
}

// mix is splitmix64.
func mix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// kind is a generated legal form: its share (per mille), its code, the
// first two digits of its numbers, its sector and owner categories.
type kind struct {
	perMille int
	form     string
	prefix   string
	sectors  []string
	owners   []string
	suffix   []string
}

var kinds = []kind{
	{380, "10", "", []string{"142000", "142000", "142000", "141000"}, nil, nil},
	{470, "49", "55", []string{"114000"}, []string{"41", "41", "41", "42", "50"}, []string{" AB", " Aktiebolag", " i Sverige AB"}},
	{50, "31", "96", []string{"114000"}, []string{"41"}, []string{" HB", " KB", " Handelsbolag", " & Co KB"}},
	{25, "53", "76", []string{"113000"}, []string{"60"}, nil},
	{30, "61", "80", []string{"151000"}, nil, []string{" Ideell förening", "föreningen"}},
	{15, "51", "77", []string{"114000"}, []string{"60"}, []string{" ekonomisk förening", " Ek. för."}},
	{12, "72", "81", []string{"151000"}, nil, nil},
	{8, "62", "71", []string{"143000"}, nil, []string{" samfällighetsförening"}},
	{5, "21", "69", []string{"143000"}, nil, []string{" Jaktlag", " Fiskelag"}},
	{5, "96", "30", []string{"114000"}, []string{"50"}, []string{" Filial i Sverige"}},
}

var (
	firstNames = []string{"Anna", "Åsa", "Björn", "Erik", "Märta", "Örjan", "Sofia", "René", "Agnès", "Jürgen", "Lars", "Karin",
		"Göran", "Ingrid", "Håkan", "Linnéa", "Mats", "Ulla", "Pär", "Maja", "Emil", "Noël", "Sören", "Elsa"}
	lastNames = []string{"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Ödmark", "Åberg", "Ekström",
		"Müller", "Lindqvist", "Sjöberg", "Bäckström", "Hélin", "Öhman", "Ångström", "Berglund", "Nordén", "Wallén", "Björk"}
	words = []string{"Norr", "Söder", "Väst", "Öst", "Fjäll", "Älv", "Sjö", "Berg", "Skog", "Ängs", "Hav", "Ström", "Björk",
		"Gran", "Ek", "Lind", "Sol", "Månsken", "Stjärn", "Kust", "Bygd", "Dal", "Strand", "Café Été", "Über", "Ådal"}
	trades = []string{"bygg", "el", "data", "konsult", "handel", "transport", "fastigheter", "redovisning", "media",
		"måleri", "snickeri", "rör", "städ", "design", "frisör", "café", "invest", "förvaltning", "teknik", "logistik"}
)

// epoch is the first birth date of generated sole traders.
var epoch = time.Date(1940, 1, 1, 0, 0, 0, 0, time.UTC)

// daysOfBirth is how many birth dates sole traders spread over.
const daysOfBirth = 24_800

// Row returns row i of the generated population.
func (g *Generator) Row(i int) SectorRow {
	h := mix(g.seed ^ uint64(i)*0xD1B54A32D192ED03)
	pick := func(n int) int { h = mix(h); return int(h % uint64(n)) }
	// A bijection of [0, MaxGenerated): the numbers are unique and not in
	// order of i.
	j := (uint64(i)*7_654_321 + g.seed%MaxGenerated) % MaxGenerated
	k := kinds[len(kinds)-1]
	r, acc := int(h%1000), 0
	for _, x := range kinds {
		acc += x.perMille
		if r < acc {
			k = x
			break
		}
	}
	var row SectorRow
	if k.form == "10" {
		born := epoch.AddDate(0, 0, int(j%daysOfBirth))
		d9 := born.Format("060102") + pad3(int(j/daysOfBirth))
		row.OrgNr = d9 + string(world.LuhnCheckDigit(d9))
		row.PeOrgNr = strconv.Itoa(born.Year()/100) + row.OrgNr
		row.Name = firstNames[pick(len(firstNames))] + " " + lastNames[pick(len(lastNames))]
		row.OwnerCategoryCode, row.OwnerCategory = Unknown, Unknown
	} else {
		d9 := k.prefix + strconv.Itoa(2_000_000+int(j))
		if len(d9) != 9 { // j ≥ 8 000 000 cannot happen below MaxGenerated
			d9 = d9[:9]
		}
		row.OrgNr = d9 + string(world.LuhnCheckDigit(d9))
		row.PeOrgNr = "16" + row.OrgNr
		row.Name = g.companyName(k, pick)
		if len(k.owners) > 0 {
			row.OwnerCategoryCode = k.owners[pick(len(k.owners))]
			row.OwnerCategory = g.owners[row.OwnerCategoryCode]
		} else {
			row.OwnerCategoryCode, row.OwnerCategory = Unknown, Unknown
		}
	}
	row.SectorCode = k.sectors[pick(len(k.sectors))]
	row.Sector = g.sectors[row.SectorCode]
	row.LegalFormCode, row.LegalForm = k.form, g.forms[k.form]
	row.SNI = g.sniCodes[pick(len(g.sniCodes))]
	row.SNIDotted = row.SNI[:2] + "." + row.SNI[2:]
	row.SNIText = g.sni[row.SNI]
	return row
}

func (g *Generator) companyName(k kind, pick func(int) int) string {
	w := words[pick(len(words))]
	switch k.form {
	case "53":
		return "Bostadsrättsföreningen " + w + "gården " + strconv.Itoa(1+pick(40))
	case "72":
		return "Stiftelsen " + w + "fonden"
	case "61":
		return w + trades[pick(len(trades))] + k.suffix[pick(len(k.suffix))]
	}
	name := w + trades[pick(len(trades))]
	if pick(4) == 0 {
		name = lastNames[pick(len(lastNames))] + "s " + trades[pick(len(trades))]
	}
	return name + k.suffix[pick(len(k.suffix))]
}

func pad3(n int) string {
	s := strconv.Itoa(n % 1000)
	for len(s) < 3 {
		s = "0" + s
	}
	return s
}

// Rows returns rows 0 to n-1 of the generated population, reusing one
// SectorRow.
func (g *Generator) Rows(n int) func(yield func(*SectorRow) bool) {
	return func(yield func(*SectorRow) bool) {
		var r SectorRow
		for i := range n {
			r = g.Row(i)
			if !yield(&r) {
				return
			}
		}
	}
}
