package sandbox

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/rrh"
	"github.com/motpart/motpart/internal/sandbox/world"
)

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
