// Command gen writes a generated SCB sector file (sektor.txt: Latin-1,
// tab-separated, SCB's headers) and a customer register drawn from it (CSV,
// ';', UTF-8) for bench/classify/compare.sh. It is the benchmark's own
// small generator, used when bench/gensektor and bench/gencustomers (the
// sandbox's, which make the same two files from the simulator's world) are
// not in the tree:
//
//	go run ./bench/classify/gen -sector /tmp/sektor.txt -customers /tmp/kunder.csv
//
// The same flags always give the same bytes. About a third of the rows are
// sole traders with personnummer; the customers' numbers are typed as
// people type them (hyphen or not, spaces, 10 or 12 digits, 16/19/20
// prefixes), with 8 % not in the file, 5 % with a wrong check digit and
// 2 % no number at all.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

func main() {
	rows := flag.Int("rows", 1_200_000, "rows of the sector file")
	customers := flag.Int("customer-rows", 100_000, "rows of the customer file")
	seed := flag.Uint64("seed", 1, "random seed")
	sector := flag.String("sector", "", "write sektor.txt here")
	cust := flag.String("customers", "", "write the customer CSV here")
	flag.Parse()
	if err := run(*rows, *customers, *seed, *sector, *cust); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// unit is a generated row of the sector file.
type unit struct {
	pe, org, name             string
	sector, legal, owner, sni int // indexes into the code lists
}

var (
	sectors = []string{"111000\tOffentliga icke-finansiella bolag", "112000\tÖvriga icke-finansiella bolag",
		"113000\tUtlandskontrollerade icke-finansiella bolag", "121000\tRiksbanken", "122100\tBanker",
		"125100\tFörsäkringsföretag", "131110\tStaten", "131311\tKommuner", "141000\tFöretagarhushåll",
		"142000\tÖvriga hushåll", "151000\tHushållens icke-vinstdrivande organisationer", "200000\tUtlandet"}
	legalForms = []string{"10\tFysiska personer", "21\tEnkla bolag", "31\tHandels- och kommanditbolag",
		"41\tBankaktiebolag", "49\tÖvriga aktiebolag", "51\tEkonomiska föreningar", "53\tBostadsrättsföreningar",
		"61\tIdeella föreningar", "72\tÖvriga stiftelser och fonder", "82\tKommuner", "96\tUtländska juridiska personer"}
	owners = []string{"10\tStatligt ägda", "20\tKommunalt ägda", "30\tSvenskt privat ägande",
		"40\tUtlandsägda", "50\tÖvriga", "..\t.."}
	snis  []string // "43210\t43.210\tElinstallationer" and so on
	words = []string{"Bygg", "Åkeri", "Städ", "Konsult", "Måleri", "Fastighets", "Data", "Café", "Rör", "El",
		"Skog", "Lantbruk", "Frisör", "Tandvård", "Redovisning", "Säkerhet", "Transport", "Hälsa", "Ösby", "Éclair"}
	first = []string{"Anna", "Erik", "Åsa", "Björn", "Märta", "Göran", "Sofia", "Lars", "Ingrid", "Jörgen", "Zoë"}
	last  = []string{"Andersson", "Johansson", "Karlsson", "Nilsson", "Öberg", "Åström", "Lindqvist", "Ek", "Müller"}
)

func init() {
	texts := []string{"Odling av spannmål", "Byggande av bostadshus", "Elinstallationer", "Restaurangverksamhet",
		"Dataprogrammering", "Redovisning och bokföring", "Åkerier", "Hårvård", "Tandläkarverksamhet", "Uthyrning av bostäder"}
	for i := range 200 {
		code := fmt.Sprintf("%05d", 1110+i*487%98000)
		snis = append(snis, code+"\t"+code[:2]+"."+code[2:]+"\t"+texts[i%len(texts)])
	}
}

// luhn appends the check digit to nine digits.
func luhn(d string) string {
	s := 0
	for i := range 9 {
		x := int(d[i]-'0') * (2 - i%2)
		s += x/10 + x%10
	}
	return d + strconv.Itoa((10-s%10)%10)
}

// makeUnit makes row i: an organisation, or a sole trader one time in three.
func makeUnit(rnd *rand.Rand, i int) unit {
	var u unit
	if rnd.IntN(3) == 0 {
		y := 1935 + rnd.IntN(70)
		m, d := 1+rnd.IntN(12), 1+rnd.IntN(28)
		u.org = luhn(fmt.Sprintf("%02d%02d%02d%03d", y%100, m, d, i%1000))
		u.pe = strconv.Itoa(y/100) + u.org
		u.name = first[rnd.IntN(len(first))] + " " + last[rnd.IntN(len(last))]
		u.sector, u.legal, u.owner = 8, 0, 2
	} else {
		lead := []string{"55", "56", "71", "76", "80", "81", "82", "91", "96", "21"}[rnd.IntN(10)]
		u.org = luhn(fmt.Sprintf("%s%07d", lead, 2_000_000+i)) // digits 3–4 ≥ 20
		u.pe = "16" + u.org
		u.name = words[rnd.IntN(len(words))] + " " + words[rnd.IntN(len(words))] + " " + []string{"AB", "HB", "KB", "Ek. för.", "Brf"}[rnd.IntN(5)]
		u.sector, u.legal, u.owner = rnd.IntN(len(sectors)), 1+rnd.IntN(len(legalForms)-1), rnd.IntN(len(owners))
	}
	u.sni = rnd.IntN(len(snis))
	return u
}

func run(rows, customers int, seed uint64, sector, cust string) error {
	if sector == "" || cust == "" {
		return errors.New("name a -sector and a -customers path")
	}
	rnd := rand.New(rand.NewPCG(seed, 1))
	sf, err := os.Create(sector)
	if err != nil {
		return err
	}
	defer sf.Close()
	sw := bufio.NewWriterSize(charmap.ISO8859_1.NewEncoder().Writer(sf), 1<<20)
	sw.WriteString("PeOrgNr\tOrgNr\tFöretagsnamn\tSektor, kod\tSektor\tBransch_1, kod\tBransch_1P, kod\tBransch_1\tÄgarkategori, kod\tÄgarkategori\tJuridisk form, kod\tJuridisk form\n")
	units := make([]unit, rows)
	for i := range rows {
		u := makeUnit(rnd, i)
		units[i] = u
		sw.WriteString(strings.Join([]string{u.pe, u.org, u.name, sectors[u.sector], snis[u.sni], owners[u.owner], legalForms[u.legal]}, "\t") + "\n")
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := sf.Close(); err != nil {
		return err
	}

	cf, err := os.Create(cust)
	if err != nil {
		return err
	}
	defer cf.Close()
	cw := bufio.NewWriterSize(cf, 1<<20)
	cw.WriteString("Kundnummer;Kundnamn;Organisationsnummer;Postort;Kreditgräns\n")
	cities := []string{"STOCKHOLM", "GÖTEBORG", "MALMÖ", "UPPSALA", "LINKÖPING", "ÖREBRO", "UMEÅ", "LULEÅ"}
	for i := range customers {
		var number, name string
		switch p := rnd.IntN(1000); {
		case p < 80: // not in the file
			u := makeUnit(rnd, rows+i)
			number, name = typed(rnd, u.org, u.pe), u.name
		case p < 130: // a wrong check digit
			u := units[rnd.IntN(rows)]
			org := u.org[:9] + strconv.Itoa((int(u.org[9]-'0')+1+rnd.IntN(9))%10)
			number, name = typed(rnd, org, u.pe[:2]+org), u.name
		case p < 150:
			number, name = []string{"", "saknas", "12345", "ABC-123"}[rnd.IntN(4)], "Okänd kund "+strconv.Itoa(i)
		default:
			u := units[rnd.IntN(rows)]
			number, name = typed(rnd, u.org, u.pe), u.name
		}
		fmt.Fprintf(cw, "%d;%s;%s;%s;%d\n", 100_000+i, name, number, cities[rnd.IntN(len(cities))], rnd.IntN(500)*1000)
	}
	if err := cw.Flush(); err != nil {
		return err
	}
	return cf.Close()
}

// typed writes a number as a person might: org the ten digits, pe the twelve.
func typed(rnd *rand.Rand, org, pe string) string {
	switch p := rnd.IntN(100); {
	case p < 30:
		return org[:6] + "-" + org[6:]
	case p < 50:
		return org
	case p < 58:
		return org[:6] + " " + org[6:]
	case p < 85:
		return pe
	default:
		return pe[:8] + "-" + pe[8:]
	}
}
