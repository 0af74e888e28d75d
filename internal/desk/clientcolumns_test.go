package desk

import (
	"testing"

	"github.com/motpart/motpart/internal/ident"
)

func TestImportColumns(t *testing.T) {
	opt := ident.Options{}
	tests := []struct {
		name          string
		header        []string
		rows          [][]string
		num, ref, rsp int
	}{
		{"Finnish", []string{"Nimi", "Y-tunnus", "Asiakasnumero", "Vastuuhenkilö"},
			[][]string{{"Nokia", "0112038-9", "A1", "Matti"}, {"X", "2336509-6", "A2", "Liisa"}}, 1, 2, 3},
		{"Norwegian", []string{"Kundenummer", "Navn", "Organisasjonsnummer", "Kundeansvarlig"},
			[][]string{{"10", "Equinor", "923609016", "Kari"}, {"11", "Brreg", "974 760 673", "Ola"}}, 2, 0, 3},
		{"English, the numbers found by their values", []string{"Client", "Id", "Ref", "Responsible"},
			[][]string{{"A", "556074-7569", "R1", "Ann"}, {"B", "5562529155", "R2", "Bo"}}, 1, 2, 3},
		{"a hinted header with bad check digits", []string{"Orgnr", "Name"},
			[][]string{{"923609017", "A"}, {"", "B"}}, 0, -1, -1},
		{"no numbers", []string{"Name", "Town"}, [][]string{{"A", "Oslo"}}, -1, -1, -1},
	}
	for _, tc := range tests {
		num, ref, rsp := importColumns(tc.header, tc.rows, opt)
		if num != tc.num || ref != tc.ref || rsp != tc.rsp {
			t.Errorf("%s: columns %d %d %d, want %d %d %d", tc.name, num, ref, rsp, tc.num, tc.ref, tc.rsp)
		}
	}
}
