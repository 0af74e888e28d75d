// Command gencustomers writes a generated customer register (CSV, ';',
// UTF-8) for the classification benchmark: customers drawn from the rows
// bench/gensektor writes with the same -seed and -sector-rows, their
// numbers written as people type them (with or without a hyphen, with
// spaces, 10 or 12 digits, 16/19/20 prefixes, sole traders'
// personnummer), and some numbers not in the sector file, some with a
// wrong check digit and some that are no number at all:
//
//	go run ./bench/gencustomers -out bench/out/kunder.csv
//
// The same flags always give the same file. Never commit the output.
package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/motpart/motpart/internal/sandbox/scb"
)

func main() {
	rows := flag.Int("rows", 100_000, "how many customers to write")
	sectorRows := flag.Int("sector-rows", 1_200_000, "the -rows of the sector file the customers come from")
	seed := flag.Int64("seed", 1, "the -seed of the sector file")
	out := flag.String("out", "", "write the CSV to this path")
	flag.Parse()
	if err := run(*rows, *sectorRows, *seed, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gencustomers:", err)
		os.Exit(1)
	}
}

// The mix of numbers, in per mille of the customers.
const (
	notInFile = 80 // valid numbers the sector file does not hold
	badCheck  = 50 // a wrong check digit
	garbage   = 20 // empty, text, too short
)

func run(rows, sectorRows int, seed int64, out string) error {
	switch {
	case out == "":
		return errors.New("name an -out path")
	case sectorRows <= 0 || sectorRows+rows > scb.MaxGenerated:
		return fmt.Errorf("-sector-rows %d: want 1 to %d less -rows", sectorRows, scb.MaxGenerated)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(out), ".gencustomers-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	w := csv.NewWriter(bw)
	w.Comma = ';'
	rnd := rand.New(rand.NewPCG(uint64(seed), 0x6b756e646572))
	g := scb.NewGenerator(seed)
	cities := []string{"STOCKHOLM", "GÖTEBORG", "MALMÖ", "UPPSALA", "LINKÖPING", "ÖREBRO", "UMEÅ", "LULEÅ", "VÄSTERÅS", "JÖNKÖPING"}
	if err := w.Write([]string{"Kundnummer", "Kundnamn", "Organisationsnummer", "Postort", "Kreditgräns"}); err != nil {
		return err
	}
	for i := range rows {
		var number, name string
		switch p := rnd.IntN(1000); {
		case p < notInFile:
			r := g.Row(sectorRows + rnd.IntN(scb.MaxGenerated-sectorRows))
			number, name = typed(rnd, r.OrgNr, r.PeOrgNr), r.Name
		case p < notInFile+badCheck:
			r := g.Row(rnd.IntN(sectorRows))
			last := (int(r.OrgNr[9]-'0') + 1 + rnd.IntN(9)) % 10
			org := r.OrgNr[:9] + strconv.Itoa(last)
			number, name = typed(rnd, org, r.PeOrgNr[:2]+org), r.Name
		case p < notInFile+badCheck+garbage:
			number = []string{"", "saknas", "12345", "ABC-123", "556677", "0"}[rnd.IntN(6)]
			name = "Okänd kund " + strconv.Itoa(i)
		default:
			r := g.Row(rnd.IntN(sectorRows))
			number, name = typed(rnd, r.OrgNr, r.PeOrgNr), r.Name
		}
		rec := []string{strconv.Itoa(100_000 + i), name, number, cities[rnd.IntN(len(cities))], strconv.Itoa(rnd.IntN(500) * 1000)}
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), out)
}

// typed writes a number as a person might: org is the ten digits, pe the
// twelve.
func typed(rnd *rand.Rand, org, pe string) string {
	switch p := rnd.IntN(100); {
	case p < 30:
		return org[:6] + "-" + org[6:]
	case p < 50:
		return org
	case p < 58:
		return org[:6] + " " + org[6:]
	case p < 63:
		return "  " + org[:6] + "-" + org[6:] + " "
	case p < 85:
		return pe
	default:
		return pe[:8] + "-" + pe[8:]
	}
}
