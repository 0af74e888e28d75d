package brreg

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
)

// addRecorded adds every recorded response as a seed, when present.
func addRecorded(f *testing.F, add func(data []byte)) {
	files, _ := filepath.Glob(filepath.Join(recordedDir, "*.json"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			add(data)
		}
	}
}

func checkDate(t *testing.T, what, s string) {
	t.Helper()
	if s == "" {
		return
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		t.Errorf("%s %q is not YYYY-MM-DD", what, s)
	}
}

func checkCompany(t *testing.T, c *dossier.Company, sub bool) {
	t.Helper()
	if !ident.IsNineDigits(c.Number) {
		t.Errorf("number %q", c.Number)
	}
	if c.Deleted != (c.DeletedDate != "") {
		t.Errorf("deleted %v, date %q", c.Deleted, c.DeletedDate)
	}
	if c.SubUnit != sub || (!sub && c.Parent != "") || (c.Parent != "" && !ident.IsNineDigits(c.Parent)) {
		t.Errorf("sub-unit %v, parent %q", c.SubUnit, c.Parent)
	}
	for _, d := range []string{c.Registered, c.Founded, c.BankruptDate, c.DeletedDate} {
		checkDate(t, "date", d)
	}
	for _, a := range []*dossier.Address{c.BusinessAddress, c.PostalAddress, c.LocationAddress} {
		if a == nil {
			continue
		}
		for _, l := range a.Lines {
			if strings.TrimSpace(l) == "" {
				t.Errorf("empty address line in %+v", a)
			}
		}
	}
}

func checkRoles(t *testing.T, roles []dossier.Role) {
	t.Helper()
	for _, r := range roles {
		if (r.Person == nil) == (r.Unit == nil) {
			t.Errorf("role %+v: not exactly one of person and unit", r)
		}
		if r.Type.Code == "" || r.Group.Code == "" {
			t.Errorf("role %+v without a type", r)
		}
		if r.Unit != nil && !ident.IsNineDigits(r.Unit.Number) {
			t.Errorf("role unit number %q", r.Unit.Number)
		}
		if r.Person != nil {
			checkDate(t, "birth date", r.Person.BirthDate)
		}
	}
}

func FuzzParseUnit(f *testing.F) {
	addRecorded(f, func(d []byte) { f.Add(d, false); f.Add(d, true) })
	f.Add([]byte(`{"organisasjonsnummer":"313513408","kapital":{"belop":1e400},"antallAnsatte":-1}`), false)
	f.Add([]byte(`{"organisasjonsnummer":"313513408","overordnetEnhet":"31","adresse":[null]}`), true)
	f.Fuzz(func(t *testing.T, data []byte, sub bool) {
		c, err := parseUnit(data, sub)
		if err != nil {
			if c != nil {
				t.Error("a company with an error")
			}
			return
		}
		checkCompany(t, c, sub)
		if c.Employees != nil && *c.Employees < 0 {
			t.Errorf("employees %d", *c.Employees)
		}
	})
}

func FuzzParseRoles(f *testing.F) {
	addRecorded(f, func(d []byte) { f.Add(d) })
	f.Add([]byte(`{"rollegrupper":[{"type":{"kode":"STYR"},"roller":[{"type":{"kode":"LEDE"},"person":{"navn":{}},"enhet":null}]}]}`))
	f.Add([]byte(`{"rollegrupper":[{"type":{"kode":"REVI"},"roller":[{"type":{"kode":"REVI"},"enhet":{"organisasjonsnummer":"310219622","navn":"X"}}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		roles, err := parseRoles(data)
		if err != nil {
			return
		}
		checkRoles(t, roles)
	})
}

func FuzzParseSearch(f *testing.F) {
	addRecorded(f, func(d []byte) { f.Add(d, false); f.Add(d, true) })
	f.Add([]byte(`{"page":{"totalElements":-1}}`), false)
	f.Add([]byte(`{"status":400,"error":"Bad Request","valideringsfeil":[{"feilmelding":"x"}]}`), false)
	f.Fuzz(func(t *testing.T, data []byte, sub bool) {
		if p, err := parseSearch(data, sub); err == nil {
			if len(p.Units) > p.TotalElements || p.TotalElements < 0 || p.TotalPages < 0 {
				t.Errorf("page %+v", p)
			}
			for i := range p.Units {
				checkCompany(t, &p.Units[i], sub)
			}
		}
		if refs, total, pages, err := parseSubUnitRefs(data); err == nil {
			if total < 0 || pages < 0 {
				t.Errorf("total %d pages %d", total, pages)
			}
			for _, r := range refs {
				if !ident.IsNineDigits(r.Number) {
					t.Errorf("ref %+v", r)
				}
			}
		}
		if m := problemMessage(data); len(m) > 300+len("…") || strings.ContainsAny(m, "\n\r\t") {
			t.Errorf("message %q", m)
		}
	})
}

// grunndataSeeds are inner documents for the XML fuzzers.
func grunndataSeeds() []string {
	return []string{
		inner("hentBasisdata", "313513408", 0, sub(0, "Data returnert")+sub(1020, "Enhet 313513408 har ikke postadresse"), basisMelding),
		inner("hentRoller", "313513408", 0, sub(0, "Data returnert"), rollerMelding),
		inner("hentKontaktdata", "313513408", 0, sub(1115, "x"), kontaktMelding),
		inner("hentBasisdata", "313513408", 1, sub(130, "Enhet 313513408 er en bedrift/virksomhet, juridisk enhet er 310219622"), ""),
		inner("hentBasisdata", "313513408", -1, "", ""),
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><grunndata><responseHeader><hovedStatus>0</hovedStatus></responseHeader><melding><navn><navn1>BL\xc5</navn1></navn></melding></grunndata>",
		`<grunndata><responseHeader><hovedStatus>0</hovedStatus></responseHeader><melding><saerligeOpplysninger><status statuskode="R-FR"><tekstLinje linjenr="x">a</tekstLinje></status></saerligeOpplysninger></melding></grunndata>`,
	}
}

func FuzzParseReply(f *testing.F) {
	for _, s := range grunndataSeeds() {
		for op := range uint8(5) {
			f.Add([]byte(s), op)
		}
	}
	ops := []string{opBasisdataMini, opBasisdata, opKontaktdata, opRoller, opSaerlige}
	f.Fuzz(func(t *testing.T, data []byte, op uint8) {
		r, err := parseReply(data, ops[int(op)%len(ops)])
		if err != nil {
			return
		}
		checkRoles(t, r.Roles)
		v := r.Header.Verdict("313513408")
		if v.Message == "" {
			t.Errorf("verdict %+v without a message", v)
		}
		if v.Redirect != nil && (!ident.IsNineDigits(v.Redirect.Number) || v.Redirect.Number == "313513408") {
			t.Errorf("redirect %+v", v.Redirect)
		}
		for _, n := range v.Notes {
			if o, _ := StatusInfo(atoiOr(n.Code)); o != OutcomeNote {
				t.Errorf("note %+v is not a note code", n)
			}
		}
	})
}

func atoiOr(s string) int {
	n := 0
	neg := strings.HasPrefix(s, "-")
	for _, c := range strings.TrimPrefix(s, "-") {
		n = n*10 + int(c-'0')
	}
	if neg {
		return -n
	}
	return n
}

func FuzzParseEnvelope(f *testing.F) {
	for _, s := range grunndataSeeds() {
		f.Add([]byte(envelope("hentBasisdata", s)))
	}
	f.Add([]byte(faultEnvelope))
	f.Add([]byte(`<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault><env:Code><env:Value>x</env:Value></env:Code></env:Fault></env:Body></env:Envelope>`))
	f.Add([]byte("<?xml version=\"1.0\" encoding=\"windows-1252\"?><S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><r><return>\x80</return></r></S:Body></S:Envelope>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ret, err := parseEnvelope(data)
		if fe, ok := err.(*FaultError); ok {
			if len(fe.String) > 500+len("…") || len(fe.Code) > 100+len("…") {
				t.Errorf("fault not cut: %d, %d bytes", len(fe.String), len(fe.Code))
			}
			return
		}
		if err != nil {
			return
		}
		if r, err := parseReply([]byte(ret), opRoller); err == nil {
			checkRoles(t, r.Roles)
		}
	})
}

func FuzzRedirectTarget(f *testing.F) {
	for _, s := range []string{
		"Enhet 313513408 er slettet som dublett - korrekt enhet 310219622 er innført",
		"Eining 974760673 er ei bedrift/verksemd, juridisk eining er 912345678.",
		"juridisk enhet er 912\u00a0345\u00a0678",
		"korrekt enhet 12 345 678 9 og 123 456 789 012",
		"KORREKT 1234567890 ",
	} {
		f.Add(s, "313513408")
	}
	f.Fuzz(func(t *testing.T, text, asked string) {
		n, ok := RedirectTarget(text, asked)
		if !ok {
			if n != "" {
				t.Errorf("not ok but %q", n)
			}
			return
		}
		if !ident.IsNineDigits(n) || n == asked {
			t.Errorf("RedirectTarget(%q, %q) = %q", text, asked, n)
		}
		compact := strings.NewReplacer(" ", "", "\u00a0", "").Replace(text)
		if !strings.Contains(compact, n) {
			t.Errorf("RedirectTarget(%q) = %q, not in the text", text, n)
		}
	})
}
