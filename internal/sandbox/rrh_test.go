package sandbox

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/rrh"
	"github.com/motpart/motpart/internal/sandbox/world"
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
