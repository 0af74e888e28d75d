package sandbox

import (
	"archive/zip"
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"encoding/csv"
	"encoding/json"
	"github.com/motpart/motpart/internal/sandbox/rrh"
	"github.com/motpart/motpart/internal/sandbox/world"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// referenceDir holds the register's published example downloads, beside
// the repository; tests that compare with them skip when it is absent.
const referenceDir = "../../../shared/reference"

func reference(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(referenceDir, name))
	if err != nil {
		t.Skipf("reference file %s not available: %v", name, err)
	}
	return b
}

// tokenFor gets an access token of the demo client for scope, through a
// real grant.
func tokenFor(t *testing.T, s *Sandbox, scope string) string {
	t.Helper()
	status, m := postToken(t, s, signedDemoGrant(t, s, scope))
	if status != 200 {
		t.Fatalf("token for %s: %d %v", scope, status, m)
	}
	return m["access_token"].(string)
}

var (
	publicKeyOnce sync.Once
	publicKey     *rsa.PrivateKey
)

// publicToken gets an access token of the public authority's client
// (brreg:reelle/offentlig and the Partner API's offentlig), signed with a
// registered kid.
func publicToken(t *testing.T, s *Sandbox) string {
	t.Helper()
	publicKeyOnce.Do(func() { publicKey, _ = rsa.GenerateKey(rand.Reader, 2048) })
	if err := s.RegisterMaskinportenKey(world.PublicAuthorityMaskinportenClientID, "rrh-test", &publicKey.PublicKey, s.cfg.Now().AddDate(1, 0, 0)); err != nil {
		t.Fatal(err)
	}
	grant := signGrant(t, publicKey, map[string]any{"alg": "RS256", "kid": "rrh-test"},
		grantClaimsFor(s, world.PublicAuthorityMaskinportenClientID, world.ScopeRRHOffentlig+" "+world.ScopeRRHPartnerOffentlig))
	status, m := postToken(t, s, grant)
	if status != 200 {
		t.Fatalf("public token: %d %v", status, m)
	}
	return m["access_token"].(string)
}

// rrhGet fetches a path of the RRH simulator with a bearer token ("" for
// none) and header pairs.
func rrhGet(t *testing.T, s *Sandbox, path, token string, header ...string) (int, http.Header, []byte) {
	t.Helper()
	if token != "" {
		header = append(header, "Authorization", "Bearer "+token)
	}
	return get(t, client(s), s.Endpoints().RRH+path, header...)
}

func decode[T any](t *testing.T, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("not the JSON expected: %v\n%s", err, body)
	}
	return v
}

// wantRRHError checks the register's error body.
func wantRRHError(t *testing.T, status int, body []byte, wantStatus int, wantMsg string) {
	t.Helper()
	e := decode[map[string]any](t, body)
	ts, _ := e["timestamp"].(string)
	if status != wantStatus || e["status"] != float64(wantStatus) || e["error"] != http.StatusText(wantStatus) ||
		e["type"] == "" || e["path"] == "" || !strings.HasPrefix(e["message"].(string), wantMsg) {
		t.Errorf("got %d %v, want %d %q", status, e, wantStatus, wantMsg)
	}
	if _, err := time.Parse(time.RFC3339Nano, ts); err != nil {
		t.Errorf("error timestamp %q: %v", ts, err)
	}
}

func codeOf(v any) string {
	m, _ := v.(map[string]any)
	s, _ := m["kode"].(string)
	return s
}

func TestRRHPartnerLookup(t *testing.T) {
	t.Parallel()
	s := shared
	tok := tokenFor(t, s, world.ScopeRRHPartnerRapporteringspliktig)
	tests := []struct {
		orgnr  string
		status string // reellerettighetshaverestatus suffix
		owners int
	}{
		{world.FirmOrgNr, "arid", 2},
		{world.AuditorOrgNr, "arid", 1},
		{world.RichestOrgNr, "arid", 2},
		{"310165352", "arid", 2},
		{"310191493", "arid", 1},
		{world.CrossHoldingAOrgNr, "arid", 1},
		{world.CrossHoldingBOrgNr, "arid", 2},
		{world.MergedIntoOrgNr, "arid", 3},
		{world.FamilyOwnedOrgNr, "arid", 2},
		{world.PartnershipDAOrgNr, "arid", 2},
		{world.RRHDeadOwnerOrgNr, "arid", 2},
		{world.RRHOtherMeansOrgNr, "arid", 2},
		{world.RRHVotesOrgNr, "arid", 2},
		{world.RRHForeignPersonOrgNr, "arid", 2},
		{world.RRHSomeUnidentifiedOrgNr, "nrki", 1},
		{world.RRHNoneIdentifiedOrgNr, "irki", 0},
		{world.RRHNoOwnersOrgNr, "rikv", 0},
		{world.RRHMunicipalityOwnedOrgNr, "rknv", 0},
		{world.RRHForeignPublicOwnedOrgNr, "rkuv", 0},
	}
	got := map[string]map[string]any{}
	for _, tt := range tests {
		status, h, body := rrhGet(t, s, rrh.PartnerPath+"/"+tt.orgnr, tok)
		if status != 200 || h.Get("Content-Type") != "application/json" {
			t.Errorf("%s: %d %s %s", tt.orgnr, status, h.Get("Content-Type"), body)
			continue
		}
		rr := decode[map[string]any](t, body)
		got[tt.orgnr] = rr
		owners, _ := rr["reelleRettighetshavere"].([]any)
		if codeOf(rr["reelleRettighetshavereStatus"]) != "reellerettighetshaverestatus."+tt.status || len(owners) != tt.owners ||
			codeOf(rr["registreringStatus"]) != "registreringstatus.regi" || objectAt(t, rr, "registreringspliktigVirksomhet")["organisasjonsnummer"] != tt.orgnr {
			t.Errorf("%s: status %v, %d owners; want %s, %d", tt.orgnr, rr["reelleRettighetshavereStatus"], len(owners), tt.status, tt.owners)
		}
		if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`).MatchString(rr["registreringId"].(string)) {
			t.Errorf("%s: registreringId %v", tt.orgnr, rr["registreringId"])
		}
		if !regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{1,6}Z$`).MatchString(rr["registrertDato"].(string)) {
			t.Errorf("%s: registrertDato %v", tt.orgnr, rr["registrertDato"])
		}
	}

	// Spot checks, as a client reads them.
	holder := func(orgnr string, i int) map[string]any { return objectAt(t, got[orgnr], "reelleRettighetshavere", i) }
	pos := func(orgnr string, i, j int) map[string]any {
		return objectAt(t, got[orgnr], "reelleRettighetshavere", i, "posisjoner", j)
	}
	// Through the holding company she controls.
	if p := pos(world.RichestOrgNr, 0, 0); codeOf(p["type"]) != "posisjontype.eier" || codeOf(p["stoerrelseIntervall"]) != "stoerrelseintervall.int2" ||
		codeOf(objectAt(t, p, "grunnlag", 0)) != "grunnlagtype.indi" || objectAt(t, p, "mellomliggendeVirksomheter", 0, "virksomhet")["organisasjonsnummer"] != "310165352" {
		t.Errorf("indirect owner of the ASA: %v", p)
	}
	// A foreign person through a Swedish company and an agreement.
	greta := holder(world.RichestOrgNr, 1)
	if objectAt(t, greta, "utenlandskPerson")["fulltNavn"] != "Greta Lindqvist" || objectAt(t, greta, "bostedsland")["landkode"] != "SWE" {
		t.Errorf("foreign person %v", greta)
	}
	if p := pos(world.RichestOrgNr, 1, 0); codeOf(p["type"]) != "posisjontype.ruas" || p["stoerrelseIntervall"] != nil || len(p["grunnlag"].([]any)) != 2 ||
		objectAt(t, p, "mellomliggendeVirksomheter", 0, "utenlandskVirksomhet", "internasjonalAdresse", "landkode")["landkode"] != "SWE" {
		t.Errorf("ruas through a foreign company: %v", p)
	}
	// Two Norwegian companies between.
	if via := pos("310191493", 0, 0)["mellomliggendeVirksomheter"].([]any); len(via) != 2 ||
		objectAt(t, via, 0, "virksomhet")["organisasjonsnummer"] != world.RichestOrgNr || objectAt(t, via, 1, "virksomhet")["organisasjonsnummer"] != "310165352" {
		t.Errorf("a chain of two: %v", via)
	}
	// A D-nummer holder living in Germany, through a GmbH; votes by agreement.
	klaus := holder(world.MergedIntoOrgNr, 1)
	if p := objectAt(t, klaus, "folkeregistrertPerson"); p["foedselsEllerDNummer"] != pKlaus || objectAt(t, p, "navn")["mellomnavn"] != "DIETER" ||
		objectAt(t, klaus, "bostedsland")["land"] != "Tyskland" {
		t.Errorf("D-nummer owner abroad: %v", klaus)
	}
	if p := pos(world.MergedIntoOrgNr, 2, 0); codeOf(p["type"]) != "posisjontype.kont" || codeOf(p["stoerrelseIntervall"]) != "stoerrelseintervall.int2" {
		t.Errorf("control of votes: %v", p)
	}
	// The minor: the Partner API does not screen.
	emma := holder(world.FamilyOwnedOrgNr, 1)
	if emma["erUnntattFraInnsyn"] != true || objectAt(t, emma, "folkeregistrertPerson")["foedselsEllerDNummer"] != pEmma ||
		objectAt(t, emma, "folkeregistrertPerson", "navn")["fornavn"] != "EMMA" || len(pos(world.FamilyOwnedOrgNr, 1, 0)["grunnlag"].([]any)) != 1 {
		t.Errorf("the minor in the Partner API: %v", emma)
	}
	// A dead owner, and the odd-case interval codes without kodetekst.
	per := holder(world.RRHDeadOwnerOrgNr, 1)
	if objectAt(t, per, "folkeregistrertPerson")["erDoed"] != true {
		t.Errorf("dead owner %v", per)
	}
	if iv := objectAt(t, pos(world.RRHDeadOwnerOrgNr, 0, 0), "stoerrelseIntervall"); iv["kode"] != "stoerrelseIntervall.int2" || iv["kodetekst"] != nil {
		t.Errorf("quirky interval %v", iv)
	}
	// Control by other means: clean, and typed grunnlagtype.anne.
	if p := pos(world.RRHOtherMeansOrgNr, 1, 0); codeOf(p["type"]) != "posisjontype.anne" || objectAt(t, p, "type")["kodetekst"] != "Kontroll på annen måte" ||
		!strings.HasPrefix(p["beskrivelseAnnenMaate"].(string), "Bostyrer") || len(p["grunnlag"].([]any)) != 0 {
		t.Errorf("anne: %v", p)
	}
	status, _, body := rrhGet(t, s, rrh.PartnerPath+"/"+world.LiquidationOrgNr, tok)
	liq := decode[map[string]any](t, body)
	if p := objectAt(t, liq, "reelleRettighetshavere", 1, "posisjoner", 0); status != 200 || !reflectEqual(p["type"], map[string]any{"kode": "grunnlagtype.anne"}) ||
		!strings.Contains(p["beskrivelseAnnenMaate"].(string), "\n") {
		t.Errorf("quirky anne: %v", p)
	}
	// Ownership and votes in one person.
	if a := holder(world.RRHVotesOrgNr, 1); len(a["posisjoner"].([]any)) != 2 {
		t.Errorf("eier and kont: %v", a)
	}
	// A foreign person without a D-nummer, two citizenships.
	john := objectAt(t, holder(world.RRHForeignPersonOrgNr, 1), "utenlandskPerson")
	if john["foedselsaar"] != "1968" || len(john["statsborgerskap"].([]any)) != 2 {
		t.Errorf("utenlandskPerson %v", john)
	}

	// The versioned media type is echoed.
	if _, h, _ := rrhGet(t, s, rrh.PartnerPath+"/"+world.FirmOrgNr, tok, "Accept", rrh.MediaReellRettighet+";charset=UTF-8"); h.Get("Content-Type") != rrh.MediaReellRettighet+";charset=UTF-8" {
		t.Errorf("versioned Content-Type %q", h.Get("Content-Type"))
	}
}

func reflectEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func TestRRHPartnerErrors(t *testing.T) {
	t.Parallel()
	s := shared
	tok := tokenFor(t, s, world.ScopeRRHPartnerRapporteringspliktig)
	tests := []struct {
		name, orgnr string
		status      int
		msg         string
	}{
		{"too short", "974760", 400, rrh.MsgBadOrgNr},
		{"a letter", "31234567X", 400, rrh.MsgBadOrgNr},
		{"ten digits", "3123456761", 400, rrh.MsgBadOrgNr},
		{"sole proprietorship", world.RRHNotRequiredOrgNr, 404, rrh.MsgNotRequired},
		{"deleted", world.DeletedOrgNr, 404, rrh.MsgNotRequired},
		{"merged", world.MergedOrgNr, 404, rrh.MsgNotRequired},
		{"NUF", world.NUFOrgNr, 404, rrh.MsgNotRequired},
		{"municipality", world.RegisteredByOrgNr, 404, rrh.MsgNotRequired},
		{"sub-unit", world.SubUnitOrgNr, 404, rrh.MsgNotRequired},
		{"removed", world.RemovedOrgNr, 404, rrh.MsgNotRequired},
		{"never created", world.NeverCreatedOrgNr, 404, rrh.MsgNotRequired},
		{"fails MOD11", "999999999", 404, rrh.MsgNotRequired},
		{"not reported", world.RRHNotReportedOrgNr, 404, rrh.MsgNotReported},
		{"failure", world.FailureOrgNr, 500, rrh.MsgInternal},
	}
	for _, tt := range tests {
		status, _, body := rrhGet(t, s, rrh.PartnerPath+"/"+tt.orgnr, tok)
		t.Run(tt.name, func(t *testing.T) { wantRRHError(t, status, body, tt.status, tt.msg) })
	}
	if e := decode[rrh.ErrorBody](t, func() []byte { _, _, b := rrhGet(t, s, rrh.PartnerPath+"/974760", tok); return b }()); e.Type != "Ugyldig respons" || e.Path != rrh.PartnerPath+"/974760" {
		t.Errorf("400 body %+v", e)
	}
	if status, _, _ := rrhGet(t, s, "/api/partner/nothing/here", tok); status != 404 {
		t.Errorf("unknown path: %d", status)
	}
}

func TestRRHAccess(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{t: time.Now()}
	s := start(t, Config{Now: clock.Now, TokenLifetime: time.Second})
	partner := tokenFor(t, s, world.ScopeRRHPartnerRapporteringspliktig)
	v1tok := tokenFor(t, s, world.ScopeRRHRapporteringspliktig)
	other := func() string {
		status, m := postToken(t, s, signGrantFor(t, s, world.DemoMaskinportenNoRRHClientID, world.ScopeSandboxOther))
		if status != 200 {
			t.Fatalf("no-RRH client: %d %v", status, m)
		}
		return m["access_token"].(string)
	}()
	foreignTok, err := shared.MintAccessToken(world.DemoMaskinportenClientID, world.ScopeRRHPartnerRapporteringspliktig)
	if err != nil {
		t.Fatal(err)
	}
	lookup := rrh.PartnerPath + "/" + world.FirmOrgNr
	v1 := "/api/oppslag/v1/virksomheter/" + world.FirmOrgNr
	tests := []struct {
		name, path string
		header     []string
		status     int
	}{
		{"partner with a partner token", lookup, []string{"Authorization", "Bearer " + partner}, 200},
		{"partner, scheme in lower case", lookup, []string{"Authorization", "bearer " + partner}, 200},
		{"partner without a token", lookup, nil, 403},
		{"partner with a garbled token", lookup, []string{"Authorization", "Bearer abc.def.ghi"}, 403},
		{"partner with Basic", lookup, []string{"Authorization", "Basic " + partner}, 403},
		{"partner with a token of no RRH scope", lookup, []string{"Authorization", "Bearer " + other}, 403},
		{"partner with a v1 token", lookup, []string{"Authorization", "Bearer " + v1tok}, 403},
		{"partner with another sandbox's token", lookup, []string{"Authorization", "Bearer " + foreignTok}, 403},
		{"totalbestand without a token", rrh.PartnerPath + "/totalbestand/json", nil, 403},
		{"v1 with a v1 token", v1, []string{"Authorization", "Bearer " + v1tok}, 200},
		{"v1 without a token", v1, nil, 401},
		{"v1 with a garbled token", v1, []string{"Authorization", "Bearer x"}, 401},
		{"v1 with a partner token", v1, []string{"Authorization", "Bearer " + partner}, 403},
		{"v1 with a token of no RRH scope", v1, []string{"Authorization", "Bearer " + other}, 403},
		{"v1 code lists without a token", "/api/oppslag/v1/kodelister", nil, 200},
	}
	for _, tt := range tests {
		status, h, body := get(t, client(s), s.Endpoints().RRH+tt.path, tt.header...)
		if status != tt.status {
			t.Errorf("%s: %d, want %d\n%s", tt.name, status, tt.status, body)
		}
		if status == 403 {
			wantRRHError(t, status, body, 403, rrh.MsgForbidden)
		}
		if status == 401 && !strings.HasPrefix(h.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("%s: 401 without WWW-Authenticate", tt.name)
		}
	}

	// The token expires between two look-ups.
	clock.Add(2 * time.Second)
	if status, _, body := rrhGet(t, s, lookup, partner); status != 403 {
		t.Errorf("partner with an expired token: %d %s", status, body)
	}
	if status, h, _ := rrhGet(t, s, v1, v1tok); status != 401 || !strings.Contains(h.Get("WWW-Authenticate"), "expired") {
		t.Errorf("v1 with an expired token: %d %q", status, h.Get("WWW-Authenticate"))
	}
	if status, _, _ := rrhGet(t, s, lookup, tokenFor(t, s, world.ScopeRRHPartnerRapporteringspliktig)); status != 200 {
		t.Errorf("a fresh token: %d", status)
	}

	// Maskinporten's expired-token switch.
	s.SetFault(ServiceMaskinporten, Fault{ExpiredToken: true, Times: 1})
	if status, _, _ := rrhGet(t, s, lookup, tokenFor(t, s, world.ScopeRRHPartnerRapporteringspliktig)); status != 403 {
		t.Errorf("an expired-when-issued token: %d", status)
	}
}

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func TestRRHAcceptLanguage(t *testing.T) {
	t.Parallel()
	tok := tokenFor(t, shared, world.ScopeRRHPartnerRapporteringspliktig)
	for _, tt := range []struct{ lang, position, country, basis string }{
		{"", "Eierskap", "Norge", "Direkte"},
		{"nob", "Eierskap", "Norge", "Direkte"},
		{"nno", "Eigarskap", "Noreg", "Direkte"},
		{"eng", "Ownership", "Norway", "Direct"},
		{"eng, nob;q=0.5", "Ownership", "Norway", "Direct"},
		{"xx", "Eierskap", "Norge", "Direkte"},
	} {
		var header []string
		if tt.lang != "" {
			header = []string{"Accept-Language", tt.lang}
		}
		_, _, body := rrhGet(t, shared, rrh.PartnerPath+"/"+world.FirmOrgNr, tok, header...)
		rr := decode[map[string]any](t, body)
		h := objectAt(t, rr, "reelleRettighetshavere", 0)
		p := objectAt(t, h, "posisjoner", 0)
		if objectAt(t, p, "type")["kodetekst"] != tt.position || objectAt(t, h, "bostedsland")["land"] != tt.country ||
			objectAt(t, p, "grunnlag", 0)["kodetekst"] != tt.basis || objectAt(t, rr, "reelleRettighetshavereStatus")["kodetekst"] == "" {
			t.Errorf("Accept-Language %q: %v", tt.lang, h)
		}
	}
}

// unzipOne returns the one file of a ZIP.
func unzipOne(t *testing.T, data []byte) (string, []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a ZIP: %v", err)
	}
	if len(zr.File) != 1 {
		t.Fatalf("%d files in the ZIP, want 1", len(zr.File))
	}
	f, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return zr.File[0].Name, b
}

// keyPaths collects every member path of a JSON value, arrays as [].
func keyPaths(v any, path string, into map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			p := path + "." + k
			into[p] = true
			keyPaths(e, p, into)
		}
	case []any:
		into[path+"[]"] = true
		for _, e := range x {
			keyPaths(e, path+"[]", into)
		}
	}
}

// reportedOrgNrs are the units whose current registration is reported.
func reportedOrgNrs(w *world.World) []string {
	var out []string
	for _, u := range w.Units {
		if st, _ := w.BeneficialOwners(u.OrgNr); st != "" {
			out = append(out, u.OrgNr)
		}
	}
	return out
}

func TestRRHTotalbestandJSON(t *testing.T) {
	t.Parallel()
	s := shared
	status, h, data := rrhGet(t, s, rrh.PartnerPath+"/totalbestand/json", tokenFor(t, s, world.ScopeRRHPartnerRapporteringspliktig))
	if status != 200 || h.Get("Content-Type") != "application/zip" || !strings.Contains(h.Get("Content-Disposition"), ".zip") {
		t.Fatalf("totalbestand: %d %v", status, h)
	}
	name, b := unzipOne(t, data)
	if !strings.HasSuffix(name, ".json") {
		t.Errorf("file %q in the ZIP", name)
	}
	var all []map[string]any
	if err := json.Unmarshal(b, &all); err != nil {
		t.Fatal(err)
	}
	w := s.World()
	var got []string
	codes := map[string]bool{}
	micro := false
	for _, rr := range all {
		got = append(got, objectAt(t, rr, "registreringspliktigVirksomhet")["organisasjonsnummer"].(string))
		codes[codeOf(rr["reelleRettighetshavereStatus"])] = true
		micro = micro || regexp.MustCompile(`\.\d{6}Z$`).MatchString(rr["registrertDato"].(string))
		for _, o := range rr["reelleRettighetshavere"].([]any) {
			for _, p := range o.(map[string]any)["posisjoner"].([]any) {
				pm := p.(map[string]any)
				codes[codeOf(pm["type"])] = true
				codes[codeOf(pm["stoerrelseIntervall"])] = true
				for _, g := range pm["grunnlag"].([]any) {
					codes[codeOf(g)] = true
				}
			}
		}
	}
	if want := reportedOrgNrs(w); !slices.Equal(got, want) {
		t.Errorf("units %v, want %v", got, want)
	}
	for _, u := range w.Units {
		if _, owners := w.BeneficialOwners(u.OrgNr); len(owners) > 0 && !slices.Contains(got, u.OrgNr) {
			t.Errorf("%s has owners but is not in the totalbestand", u.OrgNr)
		}
	}
	for _, c := range []string{
		"reellerettighetshaverestatus.arid", "reellerettighetshaverestatus.nrki", "reellerettighetshaverestatus.irki",
		"reellerettighetshaverestatus.rikv", "reellerettighetshaverestatus.rknv", "reellerettighetshaverestatus.rkuv",
		"posisjontype.eier", "posisjontype.kont", "posisjontype.ruas", "posisjontype.anne",
		"stoerrelseintervall.int1", "stoerrelseintervall.int2", "stoerrelseintervall.int3",
		"grunnlagtype.dire", "grunnlagtype.indi", "grunnlagtype.enav",
		// The quirks of the real data.
		"grunnlagtype.anne", "stoerrelseIntervall.int1", "stoerrelseIntervall.int2",
	} {
		if !codes[c] {
			t.Errorf("code %s does not occur in the totalbestand", c)
		}
	}
	if !micro {
		t.Error("no timestamp with microseconds")
	}

	// The same members as the register's example download.
	mine := map[string]bool{}
	for _, rr := range all {
		keyPaths(rr, "", mine)
	}
	var ref []any
	if err := json.Unmarshal(reference(t, "rrh-totalbestand-example.json"), &ref); err != nil {
		t.Fatal(err)
	}
	theirs := map[string]bool{}
	for _, rr := range ref {
		keyPaths(rr, "", theirs)
	}
	for k := range theirs {
		if !mine[k] {
			t.Errorf("the example has %s, the sandbox never writes it", k)
		}
	}
	for k := range mine {
		if !theirs[k] {
			t.Errorf("the sandbox writes %s, the example does not have it", k)
		}
	}
}

func TestRRHTotalbestandCSV(t *testing.T) {
	t.Parallel()
	s := shared
	status, h, data := rrhGet(t, s, rrh.PartnerPath+"/totalbestand/csv", tokenFor(t, s, world.ScopeRRHPartnerRapporteringspliktig))
	if status != 200 || h.Get("Content-Type") != "application/zip" {
		t.Fatalf("totalbestand csv: %d %v", status, h)
	}
	name, b := unzipOne(t, data)
	if !strings.HasSuffix(name, ".csv") {
		t.Errorf("file %q in the ZIP", name)
	}
	raw, ok := bytes.CutPrefix(b, []byte("\ufeff"))
	if !ok {
		t.Fatal("no UTF-8 BOM")
	}
	r := csv.NewReader(bytes.NewReader(raw))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV: %v", err)
	}
	if !slices.Equal(rows[0], rrh.CSVHeader()) {
		t.Errorf("header %q", rows[0])
	}
	// Every field quoted: writing the rows back that way gives the file.
	var again bytes.Buffer
	for _, row := range rows {
		for i, c := range row {
			if i > 0 {
				again.WriteByte(';')
			}
			again.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
		}
		again.WriteByte('\n')
	}
	if !bytes.Equal(again.Bytes(), raw) {
		t.Error("not every field is quoted, or the line ends are not LF")
	}
	// One row per owner × position, one for a registration without owners.
	want := 0
	w := s.World()
	for _, n := range reportedOrgNrs(w) {
		_, owners := w.BeneficialOwners(n)
		k := 0
		for _, o := range owners {
			k += len(o.Positions)
		}
		want += max(k, 1)
	}
	if len(rows)-1 != want {
		t.Errorf("%d rows, want %d", len(rows)-1, want)
	}
	texts := map[string]bool{}
	multiline := false
	for _, row := range rows[1:] {
		texts[row[18]] = true
		texts[row[11]] = true
		multiline = multiline || strings.Contains(row[20], "\n")
	}
	for _, x := range []string{"Eierskap", "Kontroll over stemmerettigheter", "Kontroll på annen måte", "Norge,Sverige"} {
		if !texts[x] {
			t.Errorf("no cell %q", x)
		}
	}
	if !multiline {
		t.Error("no multi-line beskrivelseAnnenMåte")
	}

	ref := reference(t, "rrh-totalbestand-example.csv")
	rr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(ref, []byte("\ufeff"))))
	rr.Comma = ';'
	refHeader, err := rr.Read()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], refHeader) {
		t.Errorf("header %q\nwant the example's %q", rows[0], refHeader)
	}
}

func TestRRHV1Lookup(t *testing.T) {
	t.Parallel()
	s := shared
	rapp := tokenFor(t, s, world.ScopeRRHRapporteringspliktig)
	pub := publicToken(t, s)
	media, err := s.MintAccessToken(world.DemoMaskinportenClientID, world.ScopeRRHMedia)
	if err != nil {
		t.Fatal(err)
	}
	v1 := func(tok, orgnr string) map[string]any {
		t.Helper()
		status, _, body := rrhGet(t, s, "/api/oppslag/v1/virksomheter/"+orgnr, tok)
		if status != 200 {
			t.Fatalf("v1 %s: %d %s", orgnr, status, body)
		}
		return decode[map[string]any](t, body)
	}
	owner := func(v map[string]any, i int) map[string]any {
		return objectAt(t, v, "registreringer", 0, "reelleRettighetshavere", i)
	}

	// The minor, screened for rapporteringspliktig and media, not for offentlig.
	for _, tt := range []struct {
		name     string
		tok      string
		screened bool
		ids      bool
	}{{"rapporteringspliktig", rapp, true, true}, {"media", media, true, false}, {"offentlig", pub, false, true}} {
		v := v1(tt.tok, world.FamilyOwnedOrgNr)
		emma := owner(v, 1)
		p := objectAt(t, emma, "folkeregistrertPerson")
		pos := objectAt(t, emma, "posisjoner", 0)
		_, hasName := p["navn"]
		_, hasID := p["foedselsEllerDNummer"]
		_, hasBirth := p["foedselsdato"]
		_, hasBasis := pos["grunnlagstype"]
		_, hasVia := pos["mellomliggendeVirksomheter"]
		if emma["erUnntattFraInnsyn"] != true || p["foedselsaar"] != "2012" || p["statsborgerskap"] == nil || p["bostedsland"] == nil ||
			codeOf(pos["posisjonstype"]) != "posisjonstype.eierskap" || codeOf(pos["stoerrelsesintervall"]) != "stoerrelsesintervall.intervall1" {
			t.Errorf("%s: the minor lost what stays: %v", tt.name, emma)
		}
		if tt.screened == (hasName || hasID || hasBirth || hasBasis || hasVia) {
			t.Errorf("%s: the minor screened %v, want %v: %v", tt.name, !hasName, tt.screened, emma)
		}
		solveig := objectAt(t, owner(v, 0), "folkeregistrertPerson")
		if _, has := solveig["foedselsEllerDNummer"]; has != tt.ids || solveig["navn"] == nil {
			t.Errorf("%s: national id shown %v, want %v", tt.name, has, tt.ids)
		}
	}

	// Current and earlier registrations, the owners' dates carried over.
	firm := v1(rapp, world.FirmOrgNr)
	regs := firm["registreringer"].([]any)
	if len(regs) != 2 || objectAt(t, regs, 0)["erGjeldendeRegistrering"] != true || objectAt(t, regs, 1)["erGjeldendeRegistrering"] != false ||
		codeOf(objectAt(t, regs, 0)["registreringsstatus"]) != "registreringsstatus.registrert" ||
		codeOf(objectAt(t, regs, 0)["reelleRettighetshaverestatus"]) != "reellerettighetshaverestatus.alleReelleRettighetshavereErIdentifisert" {
		t.Fatalf("firm registrations %v", regs)
	}
	if objectAt(t, firm, "registreringspliktigVirksomhet")["foerstRegistrertIRegisterOverReelleRettighetshavere"] != "2022-03-01T08:30:12.201544Z" {
		t.Errorf("foerstRegistrert %v", firm["registreringspliktigVirksomhet"])
	}
	lars := owner(firm, 0)
	if lars["foerstRegistrert"] != "2022-03-01T08:30:12.11873Z" || lars["endret"] != "2024-01-15T09:12:44.46102Z" {
		t.Errorf("owner dates %v %v", lars["foerstRegistrert"], lars["endret"])
	}
	if earlier := objectAt(t, regs, 1, "reelleRettighetshavere", 0, "posisjoner", 0); codeOf(earlier["stoerrelsesintervall"]) != "stoerrelsesintervall.intervall3" {
		t.Errorf("earlier registration %v", earlier)
	}

	// Required but not reported: 200 with rettighetsinformasjonErIkkeMeldt.
	nr := v1(rapp, world.RRHNotReportedOrgNr)
	reg := objectAt(t, nr, "registreringer", 0)
	if codeOf(reg["registreringsstatus"]) != "registreringsstatus.rettighetsinformasjonErIkkeMeldt" || reg["erGjeldendeRegistrering"] != true ||
		reg["reelleRettighetshaverestatus"] != nil || len(reg["reelleRettighetshavere"].([]any)) != 0 {
		t.Errorf("not reported: %v", reg)
	}
	// A foreign intermediate in v1's shape.
	klaus := objectAt(t, v1(rapp, world.MergedIntoOrgNr), "registreringer", 0, "reelleRettighetshavere", 1, "posisjoner", 0, "mellomliggendeVirksomheter", 0, "utenlandskVirksomhet")
	if klaus["navn"] != "Bergmann Beteiligungen GmbH" || objectAt(t, klaus, "internasjonalAdresse", "land")["landkode"] != "DEU" {
		t.Errorf("foreign intermediate %v", klaus)
	}

	for _, tt := range []struct {
		orgnr  string
		status int
	}{{world.RRHNotRequiredOrgNr, 404}, {world.DeletedOrgNr, 404}, {"12345", 400}, {world.FailureOrgNr, 500}} {
		status, _, body := rrhGet(t, s, "/api/oppslag/v1/virksomheter/"+tt.orgnr, rapp)
		if status != tt.status {
			t.Errorf("v1 %s: %d %s", tt.orgnr, status, body)
		}
	}
}

func TestRRHV1Config(t *testing.T) {
	t.Parallel()
	s := start(t, Config{RRHPathPrefix: "/rrh", RRHV1LegacyCodes: true, RRHV1TotalbestandZip: true})
	rapp := tokenFor(t, s, world.ScopeRRHRapporteringspliktig)
	status, _, body := rrhGet(t, s, "/rrh/v1/virksomheter/"+world.FirmOrgNr, rapp)
	if status != 200 {
		t.Fatalf("prefix /rrh: %d %s", status, body)
	}
	v := decode[map[string]any](t, body)
	if c := codeOf(objectAt(t, v, "registreringer", 0, "reelleRettighetshavere", 0, "posisjoner", 0)["posisjonstype"]); c != "posisjontype.eier" {
		t.Errorf("legacy codes in v1: %s", c)
	}
	if status, _, _ := rrhGet(t, s, "/api/oppslag/v1/virksomheter/"+world.FirmOrgNr, rapp); status != 404 {
		t.Errorf("the default prefix still answers: %d", status)
	}
	status, h, data := rrhGet(t, s, "/rrh/v1/virksomheter/totalbestand", publicToken(t, s))
	if status != 200 || h.Get("Content-Type") != "application/zip" {
		t.Fatalf("zipped v1 totalbestand: %d %v", status, h)
	}
	_, b := unzipOne(t, data)
	if !json.Valid(b) {
		t.Error("zipped v1 totalbestand is not JSON")
	}
}

func TestRRHV1Endpoints(t *testing.T) {
	t.Parallel()
	s := shared
	rapp := tokenFor(t, s, world.ScopeRRHRapporteringspliktig)
	pub := publicToken(t, s)

	// Totalbestand: offentlig only.
	if status, _, _ := rrhGet(t, s, "/api/oppslag/v1/virksomheter/totalbestand", rapp); status != 403 {
		t.Errorf("v1 totalbestand with rapporteringspliktig: %d", status)
	}
	status, h, body := rrhGet(t, s, "/api/oppslag/v1/virksomheter/totalbestand", pub)
	if status != 200 || h.Get("Content-Type") != "application/json" {
		t.Fatalf("v1 totalbestand: %d %v", status, h)
	}
	all := decode[[]map[string]any](t, body)
	required := 0
	for _, u := range s.World().Units {
		if s.World().RRHRequired(u.OrgNr) {
			required++
		}
	}
	if len(all) != required {
		t.Errorf("v1 totalbestand: %d units, want %d", len(all), required)
	}

	// Search by national identity number: offentlig only.
	search := "/api/oppslag/v1/virksomheter?foedselsEllerDNummer=" + pIngrid
	if status, _, _ := rrhGet(t, s, search, rapp); status != 403 {
		t.Errorf("search with rapporteringspliktig: %d", status)
	}
	orgnrs := func(body []byte) []string {
		var out []string
		for _, v := range decode[[]map[string]any](t, body) {
			out = append(out, objectAt(t, v, "registreringspliktigVirksomhet")["organisasjonsnummer"].(string))
		}
		sort.Strings(out)
		return out
	}
	want := []string{"310165352", "310191493", world.RichestOrgNr}
	if status, _, body := rrhGet(t, s, search, pub); status != 200 || !slices.Equal(orgnrs(body), want) {
		t.Errorf("search GET: %d %v", status, orgnrs(body))
	}
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, s.Endpoints().RRH+"/api/oppslag/v1/virksomheter",
		strings.NewReader(`{"foedselsEllerDNummer":"`+pLars+`"}`))
	req.Header.Set("Authorization", "Bearer "+pub)
	req.Header.Set("Content-Type", "application/json")
	resp, body, err := do(t, client(s), req)
	if err != nil || resp.StatusCode != 200 || !slices.Equal(orgnrs(body), []string{world.FirmOrgNr}) {
		t.Errorf("search POST: %v %v %s", resp, err, body)
	}
	if status, _, _ := rrhGet(t, s, "/api/oppslag/v1/virksomheter?foedselsEllerDNummer=123", pub); status != 400 {
		t.Errorf("search with a bad number: %d", status)
	}

	// Code lists: open, in the language asked for.
	status, _, body = rrhGet(t, s, "/api/oppslag/v1/kodelister", "", "Accept-Language", "eng")
	lists := decode[map[string][]map[string]any](t, body)["kodelister"]
	if status != 200 || len(lists) != len(rrh.CodeListNames()) {
		t.Fatalf("code lists: %d %v", status, lists)
	}
	if c := objectAt(t, lists[2]["koder"], 0); lists[2]["kodeliste"] != "posisjonstype" || c["kodetekst"] != "Ownership" {
		t.Errorf("code list %v", lists[2])
	}
}

// changeLog fetches the change log after seq.
func changeLog(t *testing.T, s *Sandbox, tok string, seq int64, n int) []map[string]any {
	t.Helper()
	q := url.Values{"sekvensnummer": {strconv.FormatInt(seq, 10)}}
	if n > 0 {
		q.Set("antall", strconv.Itoa(n))
	}
	status, _, body := rrhGet(t, s, "/api/oppslag/v1/endringslogg?"+q.Encode(), tok)
	if status != 200 {
		t.Fatalf("endringslogg after %d: %d %s", seq, status, body)
	}
	return decode[[]map[string]any](t, body)
}

func ids(t *testing.T, events []map[string]any) []int64 {
	t.Helper()
	var out []int64
	for _, e := range events {
		n, err := strconv.ParseInt(e["id"].(string), 10, 64)
		if err != nil {
			t.Fatalf("event id %v", e["id"])
		}
		out = append(out, n)
	}
	return out
}

func TestRRHChangeLog(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{t: time.Now().UTC().Truncate(time.Second)}
	s := start(t, Config{Now: clock.Now, TokenLifetime: 24 * time.Hour})
	tok := tokenFor(t, s, world.ScopeRRHRapporteringspliktig)
	partner := tokenFor(t, s, world.ScopeRRHPartnerRapporteringspliktig)
	seqAt := func(at time.Time) int64 {
		t.Helper()
		status, _, body := rrhGet(t, s, "/api/oppslag/v1/sekvensnummer?tidspunkt="+url.QueryEscape(at.Format(time.RFC3339Nano)), tok)
		if status != 200 {
			t.Fatalf("sekvensnummer: %d %s", status, body)
		}
		return int64(decode[map[string]float64](t, body)["sekvensnummer"])
	}

	// The whole log: increasing numbers with gaps, CloudEvents.
	seed := changeLog(t, s, tok, 0, rrh.LogMax)
	w := s.World()
	want := 0
	for _, u := range w.Units {
		if !w.RRHRequired(u.OrgNr) {
			continue
		}
		if f, ok := w.RRHFiling(u.OrgNr); ok {
			want += 1 + len(f.Earlier)
		} else {
			want++
		}
	}
	all := ids(t, seed)
	if len(seed) != want {
		t.Fatalf("%d events, want %d", len(seed), want)
	}
	gaps := 0
	for i := 1; i < len(all); i++ {
		if all[i] <= all[i-1] {
			t.Fatalf("event ids not increasing: %v", all)
		}
		if all[i] > all[i-1]+1 {
			gaps++
		}
	}
	if gaps == 0 {
		t.Error("the sequence numbers have no gaps")
	}
	types := map[string]bool{}
	for _, e := range seed {
		types[e["type"].(string)] = true
		if e["specversion"] != "1.0" || e["source"] == "" || objectAt(t, e, "data")["organisasjonsnummer"] == "" {
			t.Errorf("event %v", e)
		}
		if _, err := time.Parse(time.RFC3339Nano, e["time"].(string)); err != nil {
			t.Errorf("event time %v", e["time"])
		}
	}
	if !types[rrh.EventPrepared] || !types[rrh.EventRegistered] {
		t.Errorf("event types %v", types)
	}
	// Pages: antall bounds, the next page starts after the last id.
	page1 := changeLog(t, s, tok, 0, 5)
	page2 := changeLog(t, s, tok, ids(t, page1)[4], 5)
	if !slices.Equal(append(ids(t, page1), ids(t, page2)...), all[:10]) {
		t.Errorf("pages %v %v, want %v", ids(t, page1), ids(t, page2), all[:10])
	}
	// sekvensnummer: the last change at or before a time.
	last := seqAt(clock.Now())
	if last != all[len(all)-1] {
		t.Errorf("sekvensnummer now = %d, want the last %d", last, all[len(all)-1])
	}
	if n := seqAt(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)); n != 0 {
		t.Errorf("sekvensnummer before everything = %d", n)
	}
	mid := seqAt(rrh.PreparedAt())
	for _, e := range changeLog(t, s, tok, mid, rrh.LogMax) {
		if at, _ := time.Parse(time.RFC3339Nano, e["time"].(string)); !at.After(rrh.PreparedAt()) {
			t.Errorf("after sekvensnummer(%v) = %d: an event of %v", rrh.PreparedAt(), mid, at)
		}
	}

	// Two changes while the client is away.
	clock.Add(time.Hour)
	seq1, err := s.ChangeOwners(world.FirmOrgNr, world.RRHStatusArid, world.BeneficialOwner{PersonID: pLars,
		Positions: []world.Position{{Type: world.RRHPositionOwner, Interval: world.RRHInterval3, Basis: []string{world.RRHBasisDirect}}}})
	if err != nil {
		t.Fatal(err)
	}
	clock.Add(time.Hour)
	seq2, err := s.ChangeOwners(world.RRHNotReportedOrgNr, world.RRHStatusRikv)
	if err != nil {
		t.Fatal(err)
	}
	if seq1 <= last || seq2 <= seq1 {
		t.Fatalf("new sequence numbers %d, %d after %d", seq1, seq2, last)
	}
	// The client resumes from the last id it had, and gets exactly what it missed.
	missed := changeLog(t, s, tok, last, 0)
	if !slices.Equal(ids(t, missed), []int64{seq1, seq2}) || objectAt(t, missed[0], "data")["organisasjonsnummer"] != world.FirmOrgNr ||
		objectAt(t, missed[1], "data")["organisasjonsnummer"] != world.RRHNotReportedOrgNr || missed[1]["type"] != rrh.EventRegistered {
		t.Errorf("resumed after %d: %v", last, missed)
	}
	if got := ids(t, changeLog(t, s, tok, seq1, 0)); !slices.Equal(got, []int64{seq2}) {
		t.Errorf("after %d: %v", seq1, got)
	}
	if seq2 > seq1+1 {
		if got := ids(t, changeLog(t, s, tok, seq1+1, 0)); !slices.Equal(got, []int64{seq2}) {
			t.Errorf("from inside the gap %d: %v", seq1+1, got)
		}
	}
	if got := changeLog(t, s, tok, seq2, 0); len(got) != 0 {
		t.Errorf("after the last: %v", got)
	}
	if n := seqAt(clock.Now().Add(-30 * time.Minute)); n != seq1 {
		t.Errorf("sekvensnummer between the changes = %d, want %d", n, seq1)
	}

	// The look-ups follow.
	_, _, body := rrhGet(t, s, rrh.PartnerPath+"/"+world.FirmOrgNr, partner)
	rr := decode[map[string]any](t, body)
	if owners := rr["reelleRettighetshavere"].([]any); len(owners) != 1 ||
		objectAt(t, owners, 0)["foerstRegistrertDato"] != "2022-03-01T08:30:12.11873Z" || objectAt(t, owners, 0)["endretDato"] != rrh.FormatTime(clock.Now().Add(-time.Hour)) {
		t.Errorf("after ChangeOwners: %v", owners)
	}
	if status, _, body := rrhGet(t, s, rrh.PartnerPath+"/"+world.RRHNotReportedOrgNr, partner); status != 200 ||
		codeOf(decode[map[string]any](t, body)["reelleRettighetshavereStatus"]) != "reellerettighetshaverestatus.rikv" {
		t.Errorf("a newly reported unit: %d %s", status, body)
	}
	_, _, body = rrhGet(t, s, "/api/oppslag/v1/virksomheter/"+world.FirmOrgNr, tok)
	if regs := decode[map[string]any](t, body)["registreringer"].([]any); len(regs) != 3 {
		t.Errorf("v1 keeps %d registrations, want 3", len(regs))
	}

	// Bad parameters.
	for _, q := range []string{"endringslogg?sekvensnummer=-1", "endringslogg?sekvensnummer=x", "endringslogg?sekvensnummer=1&antall=0",
		"endringslogg?sekvensnummer=1&antall=1001", "sekvensnummer?tidspunkt=igår", "sekvensnummer"} {
		if status, _, body := rrhGet(t, s, "/api/oppslag/v1/"+q, tok); status != 400 {
			t.Errorf("%s: %d %s", q, status, body)
		}
	}
	// Bad changes.
	for _, tt := range []struct {
		orgnr, status string
		owners        []world.BeneficialOwner
	}{
		{world.FirmOrgNr, "xxxx", nil},
		{world.FirmOrgNr, world.RRHStatusArid, nil},
		{world.FirmOrgNr, world.RRHStatusRikv, []world.BeneficialOwner{{PersonID: pLars, Positions: []world.Position{{Type: world.RRHPositionBoard}}}}},
		{world.RRHNotRequiredOrgNr, world.RRHStatusRikv, nil},
		{world.FirmOrgNr, world.RRHStatusArid, []world.BeneficialOwner{{PersonID: "01010112345", Positions: []world.Position{{Type: world.RRHPositionBoard}}}}},
		{world.FirmOrgNr, world.RRHStatusArid, []world.BeneficialOwner{{PersonID: pLars, Positions: []world.Position{{Type: world.RRHPositionOwner}}}}},
	} {
		if _, err := s.ChangeOwners(tt.orgnr, tt.status, tt.owners...); err == nil {
			t.Errorf("ChangeOwners(%s, %s, %v) accepted", tt.orgnr, tt.status, tt.owners)
		}
	}
}

func TestRRHFaults(t *testing.T) {
	t.Parallel()
	s := start(t, Config{})
	tok := tokenFor(t, s, world.ScopeRRHPartnerRapporteringspliktig)
	s.SetFault(ServiceRRH, Fault{Status: 500, Times: 1})
	status, _, body := rrhGet(t, s, rrh.PartnerPath+"/"+world.FirmOrgNr, tok)
	wantRRHError(t, status, body, 500, rrh.MsgInternal)
	s.SetFault(ServiceRRH, Fault{Status: 503, RetryAfter: 2 * time.Second})
	if status, h, _ := rrhGet(t, s, rrh.PartnerPath+"/"+world.FirmOrgNr, tok); status != 503 || h.Get("Retry-After") != "2" {
		t.Errorf("503: %d %v", status, h)
	}
	s.SetFault(ServiceRRH, Fault{Malformed: true})
	if status, _, body := rrhGet(t, s, rrh.PartnerPath+"/"+world.FirmOrgNr, tok); status != 200 || json.Valid(body) {
		t.Errorf("malformed: %d %s", status, body)
	}
	s.ClearFaults()
	if status, _, _ := rrhGet(t, s, rrh.PartnerPath+"/"+world.FirmOrgNr, tok); status != 200 {
		t.Errorf("healed: %d", status)
	}
}

// TestRRHWorldCoverage checks that the world holds every case a client of
// the register meets.
func TestRRHWorldCoverage(t *testing.T) {
	w := shared.World()
	statuses, positions := map[string]bool{}, map[string]bool{}
	var foreignPerson, abroad, dead, minor, foreignChain, longChain, twoBases bool
	for _, n := range reportedOrgNrs(w) {
		st, owners := w.BeneficialOwners(n)
		statuses[st] = true
		for _, o := range owners {
			p, isPerson := w.Person(o.PersonID)
			foreignPerson = foreignPerson || o.ForeignPerson != ""
			abroad = abroad || isPerson && p.Address.CountryCode != "NO"
			dead = dead || isPerson && p.Dead
			minor = minor || isPerson && p.ExemptFromDisclosure
			for _, pos := range o.Positions {
				positions[pos.Type] = true
				longChain = longChain || len(pos.Via) >= 2
				twoBases = twoBases || len(pos.Basis) >= 2
				for _, v := range pos.Via {
					foreignChain = foreignChain || v.Foreign != ""
				}
			}
		}
	}
	for _, c := range world.RRHStatuses() {
		if !statuses[c] {
			t.Errorf("no unit with status %s", c)
		}
	}
	for _, c := range world.RRHPositions() {
		if !positions[c] {
			t.Errorf("no position %s", c)
		}
	}
	for what, ok := range map[string]bool{"a foreign person": foreignPerson, "a D-nummer holder abroad": abroad, "a dead owner": dead,
		"an exempt minor": minor, "a chain through a foreign company": foreignChain, "a chain of two": longChain, "two bases": twoBases} {
		if !ok {
			t.Errorf("no beneficial owner that is %s", what)
		}
	}
	// Every unit with an RRH case constant is in the world and required.
	for _, n := range []string{world.RRHMunicipalityOwnedOrgNr, world.RRHForeignPublicOwnedOrgNr, world.RRHNoOwnersOrgNr, world.RRHNoneIdentifiedOrgNr,
		world.RRHSomeUnidentifiedOrgNr, world.RRHVotesOrgNr, world.RRHNotReportedOrgNr, world.RRHForeignPersonOrgNr, world.RRHDeadOwnerOrgNr, world.RRHOtherMeansOrgNr} {
		if !w.RRHRequired(n) {
			t.Errorf("%s is not required to register", n)
		}
	}
	if w.RRHRequired(world.RRHNotRequiredOrgNr) {
		t.Errorf("%s is required to register", world.RRHNotRequiredOrgNr)
	}
	for _, id := range []string{world.DemoMaskinportenClientID, world.DemoMaskinportenNoRRHClientID, world.OtherOrgMaskinportenClientID, world.PublicAuthorityMaskinportenClientID} {
		if _, ok := w.MaskinportenClient(id); !ok {
			t.Errorf("no client %s", id)
		}
	}
}
