package world

import (
	"fmt"
	"strconv"
)

// PopulationPrefix begins every generated unit's organisasjonsnummer: a
// range no hand-made unit of the world uses.
const PopulationPrefix = "39"

// NewPopulated is [New] with n generated Norwegian AS units added (none
// when n is 0): each with a chair (LEDE), a general manager (DAGL), the
// audit firm as auditor (REVI), a business address and a NACE code, and
// every other one (the even-numbered, from the first) with a filing in
// the register of beneficial owners naming one owner with 75–100 %. The
// persons come from a generated pool of synthetic fødselsnumre. It
// returns the units' numbers in order. The same n always gives the same
// world.
func NewPopulated(n int) (*World, []string, error) {
	w, err := New()
	if err != nil || n <= 0 {
		return w, nil, err
	}
	numbers := populationNumbers(n)
	persons := populationPersons(max(10, n/4))
	w.Persons = append(w.Persons, persons...)
	w.Units = append(make([]Unit, 0, len(w.Units)+n), w.Units...)
	for i, nr := range numbers {
		chair, ceo := persons[(2*i)%len(persons)].ID, persons[(2*i+1)%len(persons)].ID
		place := popPlaces[i%len(popPlaces)]
		w.Units = append(w.Units, Unit{
			OrgNr: nr, Name: fmt.Sprintf("%s %s %d AS", popWords[i%len(popWords)], popTrades[(i/len(popWords))%len(popTrades)].name, i+1),
			Form: "AS", BusinessRegister: true, Sector: sectorPrivateAS, Language: "Bokmål",
			Registered: "2015-01-05", Founded: "2014-12-15", StatutesDate: "2014-12-15",
			Business: adr(place[0], place[1], place[2], place[3], "Populasjonsveien "+strconv.Itoa(i%200+1)),
			NACE:     []Code{popTrades[(i/len(popWords))%len(popTrades)].nace}, Employees: i % 40, HasEmployees: i%40 > 0,
			Capital: &Capital{Amount: 30_000, Currency: "NOK", Shares: 30}, LastAccounts: "2024",
			Roles: []Role{{Type: "DAGL", Person: ceo}, {Type: "LEDE", Person: chair}, {Type: "REVI", Unit: AuditorOrgNr}},
			About: "generated population",
		})
		if i%2 == 0 {
			w.Filings = append(w.Filings, RRHFiling{OrgNr: nr, ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", i),
				Registered: "2024-03-01T10:00:00.123456Z", OwnersSince: "2024-03-01T10:00:00.12Z", Status: RRHStatusArid,
				Owners: []BeneficialOwner{{PersonID: chair, Positions: []Position{{Type: RRHPositionOwner, Interval: RRHInterval3, Basis: []string{RRHBasisDirect}}}}},
				About:  "generated population"})
		}
	}
	if err := w.index(); err != nil {
		return nil, nil, err
	}
	return w, numbers, nil
}

// populationNumbers returns n valid organisation numbers beginning with
// PopulationPrefix, in increasing order.
func populationNumbers(n int) []string {
	out := make([]string, 0, n)
	for j := 0; len(out) < n; j++ {
		base := fmt.Sprintf("%s%06d", PopulationPrefix, j)
		for c := '0'; c <= '9'; c++ {
			if s := base + string(c); ValidOrgNr(s) {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

// populationPersons returns n persons with synthetic fødselsnumre (month
// + 80), born 1950–1999.
func populationPersons(n int) []Person {
	out := make([]Person, 0, n)
	for i := 0; len(out) < n; i++ {
		day, month, year := i%28+1, (i/28)%12+1, 50+(i/336)%50
		for ind := (i / 16800) % 500; ind < 500; ind++ {
			id, ok := synthFNR(day, month+80, year, ind)
			if ok {
				out = append(out, Person{ID: id, First: popFirst[i%len(popFirst)], Last: popLast[(i/len(popFirst))%len(popLast)],
					Address: adr("0150", "OSLO", "0301", "OSLO", "Folkeveien "+strconv.Itoa(i%300+1)), About: "generated population"})
				break
			}
		}
	}
	return out
}

// synthFNR returns the fødselsnummer of the date and individual number
// with its two MOD11 check digits, if they exist.
func synthFNR(day, month, year, ind int) (string, bool) {
	s := fmt.Sprintf("%02d%02d%02d%03d", day, month, year, ind)
	d := make([]int, 0, 11)
	for _, r := range s {
		d = append(d, int(r-'0'))
	}
	check := func(weights []int) (int, bool) {
		sum := 0
		for i, w := range weights {
			sum += w * d[i]
		}
		c := 11 - sum%11
		if c == 11 {
			c = 0
		}
		return c, c != 10
	}
	k1, ok := check([]int{3, 7, 6, 1, 8, 9, 4, 5, 2})
	if !ok {
		return "", false
	}
	d = append(d, k1)
	k2, ok := check([]int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2})
	if !ok {
		return "", false
	}
	return s + strconv.Itoa(k1) + strconv.Itoa(k2), true
}

// The words the population is made of.
var (
	popWords  = []string{"NORDVIK", "SØRBYEN", "ØSTLI", "VESTRE", "FJELLSTUA", "ELVEBAKKEN", "SKOGLI", "HAVLY", "MYRVOLL", "BERGSET", "LIABØ", "STRANDLI"}
	popTrades = []struct {
		name string
		nace Code
	}{
		{"HANDEL", Code{"47.190", "Butikkhandel med bredt vareutvalg ellers"}},
		{"BYGG", Code{"41.200", "Oppføring av bygninger"}},
		{"RÅDGIVNING", Code{"70.220", "Bedriftsrådgivning og annen administrativ rådgivning"}},
		{"TRANSPORT", Code{"49.410", "Godstransport på vei"}},
		{"EIENDOM", Code{"68.209", "Utleie av egen eller leid fast eiendom ellers"}},
		{"DATA", Code{"62.010", "Programmeringstjenester"}},
	}
	popPlaces = [][4]string{{"0150", "OSLO", "0301", "OSLO"}, {"5003", "BERGEN", "4601", "BERGEN"}, {"7010", "TRONDHEIM", "5001", "TRONDHEIM"},
		{"4006", "STAVANGER", "1103", "STAVANGER"}, {"9008", "TROMSØ", "5501", "TROMSØ"}}
	popFirst = []string{"Ola", "Kari", "Per", "Anne", "Jon", "Ingrid", "Nils", "Marte", "Arne", "Silje", "Knut", "Hilde"}
	popLast  = []string{"Nordmann", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Berg", "Haugen"}
)
