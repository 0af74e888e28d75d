package brreg

import (
	"fmt"
	"testing"
)

// TestRoleHolderResigned reads fratraadt as the real hentRoller schema
// has it (K, R, F = resigned; N = not), with fratraadtTekst and the integer
// revisorKategori. Before issue 11 only J/F/Y/JA/TRUE were resigned, so a
// holder marked K or R was shown as current.
func TestRoleHolderResigned(t *testing.T) {
	for _, tc := range []struct {
		name         string
		holder       string // the holder's elements after its name
		resigned     bool
		code, text   string
		auditorClass int
	}{
		{name: "K", holder: `<fratraadt>K</fratraadt><fratraadtTekst>Fratrådt</fratraadtTekst>`, resigned: true, code: "K", text: "Fratrådt"},
		{name: "R", holder: `<fratraadt>R</fratraadt><fratraadtTekst>20190623</fratraadtTekst>`, resigned: true, code: "R", text: "20190623"},
		{name: "F", holder: `<fratraadt>F</fratraadt>`, resigned: true, code: "F"},
		{name: "lower case k", holder: `<fratraadt> k </fratraadt>`, resigned: true, code: "K"},
		{name: "N", holder: `<fratraadt>N</fratraadt><fratraadtTekst>Fratrådt</fratraadtTekst>`},
		{name: "absent", holder: ``},
		{name: "J of older documentation", holder: `<fratraadt>J</fratraadt>`, resigned: true},
		{name: "unknown code is resigned", holder: `<fratraadt>X</fratraadt>`, resigned: true},
		{name: "text sanitised", holder: "<fratraadt>K</fratraadt><fratraadtTekst>Fra\u202etrådt\n\t</fratraadtTekst>", resigned: true, code: "K", text: "Fratrådt"},
		{name: "auditor category", holder: `<fratraadt>N</fratraadt><revisorKategori>2</revisorKategori>`, auditorClass: 2},
		{name: "auditor category as text (older simulator)", holder: `<fratraadt>N</fratraadt><revisorKategori>Statsautorisert revisor</revisorKategori>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, kind := range []string{"person", "enhet"} {
				var holder string
				if kind == "person" {
					holder = `<person statuskode="L" beskrivelse="Lever"><fodselsnr>` + lederFnr + `</fodselsnr><fornavn>Kari</fornavn><slektsnavn>Nordmann</slektsnavn>` + tc.holder + `</person>`
				} else {
					holder = `<enhet statuskode="OK" beskrivelse="Aktiv"><orgnr>310219622</orgnr><navn1>REVISJON AS</navn1>` + tc.holder + `</enhet>`
				}
				melding := `<revisor><samendring beskrivelse="Revisor" registreringsDato="2020-01-02" samendringstype="REVI">
				  <rolle beskrivelse="Revisor" rolletype="REVI">` + holder + `</rolle></samendring></revisor>`
				r, err := parseReply([]byte(inner(opRoller, "313513408", 0, sub(0, "Data returnert"), melding)), opRoller)
				if err != nil {
					t.Fatalf("%s: %v", kind, err)
				}
				if len(r.Roles) != 1 {
					t.Fatalf("%s: %d roles", kind, len(r.Roles))
				}
				ro := r.Roles[0]
				got := fmt.Sprintf("%v %q %q %d", ro.Resigned, ro.ResignedCode, ro.ResignedText, ro.AuditorCategory)
				want := fmt.Sprintf("%v %q %q %d", tc.resigned, tc.code, tc.text, tc.auditorClass)
				if got != want {
					t.Errorf("%s: resigned, code, text, category = %s, want %s", kind, got, want)
				}
			}
		})
	}
}
