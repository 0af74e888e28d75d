package grunndata

import (
	"encoding/xml"
	"github.com/motpart/motpart/internal/testclock"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// xmllint returns the path of xmllint. Without it the test fails when CI
// is set (CI=true) and is skipped otherwise; scripts/install-deps.sh test
// installs it (Debian package libxml2-utils).
func xmllint(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xmllint is missing; run scripts/install-deps.sh test (libxml2-utils)")
		}
		t.Skip("xmllint is missing; run scripts/install-deps.sh test (libxml2-utils)")
	}
	return p
}

// testOptions are a working account and a fixed clock.
func testOptions() Options {
	return Options{User: "U", Password: "P", LimitedUser: "L", LimitedPassword: "LP",
		Now: func() time.Time { return testclock.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC) }}
}

// inner calls op for orgnr on h and returns the inner document.
func inner(t *testing.T, h http.Handler, op, orgnr string) string {
	t.Helper()
	body := `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ws="` + Namespace + `"><soapenv:Body><ws:` + op +
		`><ws:userid>U</ws:userid><ws:password>P</ws:password><ws:orgnr>` + orgnr + `</ws:orgnr></ws:` + op + `></soapenv:Body></soapenv:Envelope>`
	req := httptest.NewRequest(http.MethodPost, Path, strings.NewReader(body))
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("%s %s: HTTP %d\n%s", op, orgnr, rec.Code, rec.Body)
	}
	var env struct {
		Body struct {
			Any struct {
				Return string `xml:"return"`
			} `xml:",any"`
		} `xml:"Body"`
	}
	if err := xml.Unmarshal(rec.Body.Bytes(), &env); err != nil {
		t.Fatalf("%s %s: envelope: %v", op, orgnr, err)
	}
	if env.Body.Any.Return == "" {
		t.Fatalf("%s %s: no return", op, orgnr)
	}
	return env.Body.Any.Return
}

// TestHentRollerConformsToTheSchema validates the hentRoller of every unit
// of the world, and of a number that is none, against the schema rebuilt
// from the real hentRoller.xsd (testdata/hentRoller.xsd), with the real
// fratraadt values and with each one forced.
func TestHentRollerConformsToTheSchema(t *testing.T) {
	lint := xmllint(t)
	w, err := world.New()
	if err != nil {
		t.Fatal(err)
	}
	numbers := []string{world.NeverCreatedOrgNr}
	for _, u := range w.Units {
		numbers = append(numbers, u.OrgNr)
	}
	for _, flag := range []string{"", "K", "R", "F"} {
		t.Run("flag "+flag, func(t *testing.T) {
			opts := testOptions()
			opts.ResignedFlag = flag
			h := New(w, opts, "https://127.0.0.1/grunndata/ErFr")
			dir := t.TempDir()
			var files []string
			resigned, texts, auditors := 0, 0, 0
			for _, n := range numbers {
				doc := inner(t, h, "hentRoller", n)
				resigned += strings.Count(doc, "<fratraadt>") - strings.Count(doc, "<fratraadt>N</fratraadt>")
				texts += strings.Count(doc, "<fratraadtTekst>")
				auditors += strings.Count(doc, "<revisorKategori>")
				f := filepath.Join(dir, n+".xml")
				if err := os.WriteFile(f, []byte(doc), 0o600); err != nil {
					t.Fatal(err)
				}
				files = append(files, f)
			}
			out, err := exec.CommandContext(t.Context(), lint, append([]string{"--noout", "--schema", "testdata/hentRoller.xsd"}, files...)...).CombinedOutput()
			if err != nil {
				t.Fatalf("xmllint: %v\n%s", err, out)
			}
			if resigned < 3 || auditors == 0 {
				t.Errorf("only %d resigned roles and %d auditors validated", resigned, auditors)
			}
			if wantTexts := map[bool]int{true: resigned, false: 0}[flag == ""]; texts != wantTexts {
				t.Errorf("%d fratraadtTekst for %d resigned roles, want %d", texts, resigned, wantTexts)
			}
		})
	}
}

// TestHentRollerSchemaRejects checks that the schema is not too lax: the
// digest's old values fail it.
func TestHentRollerSchemaRejects(t *testing.T) {
	lint := xmllint(t)
	w, err := world.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name        string
		flag        string
		from, to    string
		wantFailure bool
	}{
		{"real values", "", "", "", false},
		{"fratraadt J", "J", "", "", true},
		{"revisorKategori as text", "", "<revisorKategori>1</revisorKategori>", "<revisorKategori>Statsautorisert revisor</revisorKategori>", true},
	} {
		opts := testOptions()
		opts.ResignedFlag = tt.flag
		doc := inner(t, New(w, opts, ""), "hentRoller", world.RichestOrgNr)
		if tt.from != "" {
			if !strings.Contains(doc, tt.from) {
				t.Fatalf("%s: no %s in the document", tt.name, tt.from)
			}
			doc = strings.ReplaceAll(doc, tt.from, tt.to)
		}
		f := filepath.Join(t.TempDir(), "doc.xml")
		if err := os.WriteFile(f, []byte(doc), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.CommandContext(t.Context(), lint, "--noout", "--schema", "testdata/hentRoller.xsd", f).CombinedOutput()
		if (err != nil) != tt.wantFailure {
			t.Errorf("%s: xmllint error %v, want failure %v\n%s", tt.name, err, tt.wantFailure, out)
		}
	}
}

// TestResignedValues checks the fratraadt and fratraadtTekst of the
// world's resigned roles under each setting.
func TestResignedValues(t *testing.T) {
	w, err := world.New()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, u := range w.Units {
		for _, r := range u.Roles {
			if r.Resigned {
				seen[r.ResignedAs] = true
			}
		}
	}
	if !seen["K"] || !seen["R"] || !seen["F"] {
		t.Errorf("the world's resigned roles use %v, want K, R and F", seen)
	}
	for _, tt := range []struct {
		flag     string
		role     world.Role
		wantFlag string
		wantText bool
	}{
		{"", world.Role{Type: "MEDL"}, "N", false},
		{"", world.Role{Type: "MEDL", Resigned: true, ResignedAs: "K"}, "K", true},
		{"", world.Role{Type: "MEDL", Resigned: true, ResignedAs: "R"}, "R", true},
		{"", world.Role{Type: "MEDL", Resigned: true}, "F", true},
		{"J", world.Role{Type: "MEDL", Resigned: true, ResignedAs: "K"}, "J", false},
		{"J", world.Role{Type: "MEDL"}, "N", false},
		{"R", world.Role{Type: "MEDL", Resigned: true, ResignedAs: "K"}, "R", false},
	} {
		opts := testOptions()
		opts.ResignedFlag = tt.flag
		g := New(w, opts, "").(*grunndata)
		flag, text := g.resigned(tt.role)
		if flag != tt.wantFlag || (text != "") != tt.wantText {
			t.Errorf("flag %q, role %+v: %q %q, want %q (text %v)", tt.flag, tt.role, flag, text, tt.wantFlag, tt.wantText)
		}
	}
}

// TestResignedFixtures checks the world's named resigned roles as
// hentRoller writes them by default.
func TestResignedFixtures(t *testing.T) {
	w, err := world.New()
	if err != nil {
		t.Fatal(err)
	}
	h := New(w, testOptions(), "")
	for _, tt := range []struct {
		orgnr, want string
	}{
		{world.ResignedMemberOrgNr, "<fratraadt>K</fratraadt><fratraadtTekst>"},
		{world.ResignedAuditorOrgNr, "<fratraadt>R</fratraadt><fratraadtTekst>"},
		{world.RichestOrgNr, "<fratraadt>F</fratraadt><fratraadtTekst>"},
	} {
		if doc := inner(t, h, "hentRoller", tt.orgnr); !strings.Contains(doc, tt.want) {
			t.Errorf("hentRoller %s: no %s\n%s", tt.orgnr, tt.want, doc)
		}
	}
}
