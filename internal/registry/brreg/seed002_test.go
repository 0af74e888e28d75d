package brreg

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
)

// seed002 is every status of seed 002 ("Oppbygging grunndataWS", 7
// November 2021) with the hovedStatus of its legal combination, the
// register's text (Bokmål), and what the client must make of it: the
// outcome, the problem code, words its English message and the code's
// English words must hold, and the lookup's status. It is written from
// the seed, independently of the client's table and of the sandbox's.
var seed002 = []struct {
	main, sub  int
	text       string
	outcome    Outcome
	code       problem.Code
	msg, words string // in the client's message; in problem.Text(code)
	status     dossier.Status
}{
	{0, 0, "Data returnert", OutcomeOK, problem.CodeDataReturned, "Data returned", "Data returned", dossier.StatusFound},
	{0, 1, "Enhet 400000101 er slettet som dublett - korrekt enhet 400000102 er innført", OutcomeRedirect, problem.CodeUnitDeletedDuplicate, "duplicate", "duplicate", dossier.StatusFound},
	{0, 2, "Enhet 400000101 er slettet som sammenslått - korrekt enhet 400000102 er innført", OutcomeRedirect, problem.CodeUnitDeletedMerged, "merger", "merger", dossier.StatusFound},
	{0, 3, "Enhet 400000102 er registreringsenheten til enheten som ble bestilt", OutcomeRedirect, problem.CodeRegistrationUnitOf, "registration unit of", "registration unit of the unit asked for", dossier.StatusFound},
	{1, 10, "Orgnr i input ikke gitt", OutcomeInvalidInput, problem.CodeNoNumberGiven, "No organisation number", "No organisation number", dossier.StatusFailed},
	{1, 20, "Valideringsfeil i inputstreng: feil", OutcomeInvalidInput, problem.CodeInputRejected, "validation", "not valid", dossier.StatusFailed},
	{1, 10000, "Ikke gyldig organisasjonsnummer. Organisasjonsnummer skal bestå av 9 siffer og bare tall.", OutcomeInvalidInput, problem.CodeInvalidNumber, "9 digits", "9 digits", dossier.StatusFailed},
	{1, 100, "Enhet 400000101 aldri opprettet", OutcomeNotFound, problem.CodeUnitNeverRegistered, "ever been registered", "ever registered", dossier.StatusNotFound},
	{1, 110, "Enhet 400000101 er slettet", OutcomeDeleted, problem.CodeUnitDeleted, "deleted", "deleted", dossier.StatusDeleted},
	{1, 120, "Enhet 400000101 er slettet som dublett eller sammenslått - korrekt enhet 400000102 er slettet", OutcomeRedirect, problem.CodeUnitReplacementDeleted, "replaced it", "replaced it is deleted too", dossier.StatusDeleted},
	{1, 130, "Enhet 400000101 er en bedrift/virksomhet, juridisk enhet er 400000102", OutcomeRedirect, problem.CodeUnitIsSubUnit, "sub-unit", "sub-unit", dossier.StatusFound},
	{1, 160, "Input er ikke et organisasjonsnummer eller et fødselsnr", OutcomeInvalidInput, problem.CodeNotNumberOrPersonID, "neither an organisation number nor a national identity number", "neither an organisation number nor a national identity number", dossier.StatusFailed},
	{1, 170, "400000101 er ikke et gyldig organisasjonsnummer", OutcomeInvalidInput, problem.CodeInvalidNumber, "not a valid organisation number", "not a valid organisation number", dossier.StatusFailed},
	{1, 180, "Personen finnes ikke i vår database", OutcomeInvalidInput, problem.CodePersonNotFound, "person is not", "person is not", dossier.StatusFailed},
	{1, 181, "Personen er registrert død", OutcomeInvalidInput, problem.CodePersonDeceased, "deceased", "deceased", dossier.StatusFailed},
	{1, 182, "Personen er registrert ugyldig", OutcomeInvalidInput, problem.CodePersonInvalid, "invalid", "invalid", dossier.StatusFailed},
	{1, 183, "Personen har verge", OutcomeInvalidInput, problem.CodePersonHasGuardian, "guardian", "guardian", dossier.StatusFailed},
	{1, 190, "Enhet 400000101 er ikke en bedrift/virksomhet", OutcomeInvalidInput, problem.CodeUnitNotSubUnit, "not a sub-unit", "not a sub-unit", dossier.StatusFailed},
	{1, 200, "Enhet 400000101 som det spørres på er en registreringsenhet", OutcomeRedirect, problem.CodeUnitIsRegistrationUnit, "is a registration unit", "is a registration unit", dossier.StatusNoData},
	{1, 210, "Enhet 400000101 er ikke registrert i Frivillighetsregisteret", OutcomeNotFound, problem.CodeNotInVoluntaryRegister, "Non-Profit", "Non-Profit", dossier.StatusNotFound},
	{1, 2000, "Ingen endringer finnes i siste periode", OutcomeNote, problem.CodeNoChanges, "no changes", "No changes", dossier.StatusNoData},
	{0, 1010, "Enhet 400000101 har ikke forretningsadresse", OutcomeNote, problem.CodeNoBusinessAddress, "business address", "business address", dossier.StatusFound},
	{0, 1020, "Enhet 400000101 har ikke postadresse", OutcomeNote, problem.CodeNoPostalAddress, "postal address", "postal address", dossier.StatusFound},
	{0, 1030, "Enhet 400000101 har ikke adresse", OutcomeNote, problem.CodeNoAddress, "No address", "No address", dossier.StatusFound},
	{0, 1060, "Enhet 400000101 har ikke stiftelsesdato", OutcomeNote, problem.CodeNoFoundationDate, "foundation", "foundation", dossier.StatusFound},
	{0, 1070, "Enhet 400000101 har ikke målform", OutcomeNote, problem.CodeNoWrittenStandard, "målform", "målform", dossier.StatusFound},
	{0, 1080, "Enhet 400000101 har ikke reklame", OutcomeNote, problem.CodeNoAdvertising, "advertising", "advertising", dossier.StatusFound},
	{0, 1090, "Enhet 400000101 har ikke virksomhet/art/bransje", OutcomeNote, problem.CodeNoActivity, "line of business", "line of business", dossier.StatusFound},
	{0, 1100, "Enhet 400000101 har ikke formål", OutcomeNote, problem.CodeNoPurpose, "purpose", "purpose", dossier.StatusFound},
	{0, 1111, "Enhet 400000101 har ikke vedtektsdato", OutcomeNote, problem.CodeNoArticlesDate, "articles of association", "articles of association", dossier.StatusFound},
	{0, 1115, "Enhet 400000101 har ikke telefon", OutcomeNote, problem.CodeNoPhone, "phone", "phone", dossier.StatusFound},
	{0, 1116, "Enhet 400000101 har ikke telefax", OutcomeNote, problem.CodeNoFax, "fax", "fax", dossier.StatusFound},
	{0, 1117, "Enhet 400000101 har ikke mobiltelefon", OutcomeNote, problem.CodeNoMobile, "mobile", "mobile", dossier.StatusFound},
	{0, 1118, "Enhet 400000101 har ikke e-postadresse", OutcomeNote, problem.CodeNoEmail, "e-mail", "e-mail", dossier.StatusFound},
	{0, 1119, "Enhet 400000101 har ikke hjemmeside", OutcomeNote, problem.CodeNoWebsite, "website", "website", dossier.StatusFound},
	{0, 1120, "Enhet 400000101 har ikke særlige opplysninger", OutcomeNote, problem.CodeNoSpecialInformation, "special information", "special information", dossier.StatusFound},
	{0, 1125, "Enhet 400000101 har ikke næringskode", OutcomeNote, problem.CodeNoIndustryCode, "industry", "industry", dossier.StatusFound},
	{0, 1130, "Enhet 400000101 har ikke sektorkode", OutcomeNote, problem.CodeNoSectorCode, "sector code", "sector code", dossier.StatusFound},
	{0, 1135, "Enhet 400000101 har ikke ansatte", OutcomeNote, problem.CodeNoEmployees, "employees", "employees", dossier.StatusFound},
	{0, 1140, "Enhet 400000101 har ikke kapital", OutcomeNote, problem.CodeNoCapital, "capital", "capital", dossier.StatusFound},
	{0, 1145, "Enhet 400000101 har ikke bedrifter/virksomheter", OutcomeNote, problem.CodeNoSubUnits, "sub-units", "sub-units", dossier.StatusFound},
	{0, 1150, "Enhet 400000101 inngår ikke i konsern", OutcomeNote, problem.CodeNotInGroup, "group", "group", dossier.StatusFound},
	{0, 1155, "Enhet 400000101 har ikke dato for oppstart", OutcomeNote, problem.CodeNoStartDate, "start date", "start date", dossier.StatusFound},
	{0, 1160, "Enhet 400000101 har ikke dato for eierskifte", OutcomeNote, problem.CodeNoOwnershipChangeDate, "change of ownership", "change of ownership", dossier.StatusFound},
	{0, 1165, "Enhet 400000101 har ikke hovedforetak", OutcomeNote, problem.CodeNoMainEnterprise, "main enterprise", "main enterprise", dossier.StatusFound},
	{0, 1180, "Enhet 400000101 har ikke rolleblokk 2", OutcomeNote, problem.CodeNoRoleBlock, "roles", "roles", dossier.StatusFound},
	{0, 1190, "Enhet 400000101 har ikke frivilligregisterdata", OutcomeNote, problem.CodeNoVoluntaryRegisterData, "Non-Profit", "Non-Profit", dossier.StatusFound},
	{-1, -100, "Bruker mangler autorisasjon for tjenesten", OutcomeNoAccess, problem.CodeServiceNotAuthorised, "not authorised", "not authorised", dossier.StatusNoAccess},
	{-1, -101, "Feil i brukernavn og/eller passord", OutcomeNoAccess, problem.CodeWrongLogin, "wrong", "wrong", dossier.StatusNoAccess},
	{-1, -1000, "Det har oppstått en uventet feil", OutcomeError, problem.CodeRegisterUnexpectedError, "unexpected error", "unexpected error", dossier.StatusFailed},
}

func TestSeed002EveryStatusHasANamedOutcome(t *testing.T) {
	if len(seed002) != len(StatusCodes()) {
		t.Errorf("the seed has %d codes, the client's table %d", len(seed002), len(StatusCodes()))
	}
	for _, tt := range seed002 {
		name := fmt.Sprintf("%d/%d", tt.main, tt.sub)
		if got := StatusProblem(tt.sub); got != tt.code {
			t.Errorf("%s: StatusProblem = %q, want %q", name, got, tt.code)
		}
		words := problem.Text(tt.code)
		if !strings.Contains(strings.ToLower(words), strings.ToLower(tt.words)) {
			t.Errorf("%s: the words of %s are %q, which do not say %q", name, tt.code, words, tt.words)
		}
		h := Header{MainStatus: tt.main, SubStatuses: []SubStatus{{tt.sub, tt.text}}}
		v := h.Verdict("400000101")
		wantCode := tt.sub
		if tt.outcome == OutcomeNote && tt.sub != 0 {
			wantCode = 0 // a note is not the verdict's code
		}
		if v.Outcome != tt.outcome || v.Code != wantCode {
			t.Errorf("%s: verdict %v %d, want %v %d", name, v.Outcome, v.Code, tt.outcome, wantCode)
		}
		_, msg := StatusInfo(tt.sub)
		if !strings.Contains(strings.ToLower(msg), strings.ToLower(tt.msg)) {
			t.Errorf("%s: message %q does not say %q", name, msg, tt.msg)
		}
	}
}

// TestSeed002Lookup asks a grunndataWS that answers each status of the
// seed for every operation, and checks the source the lookup makes of it.
func TestSeed002Lookup(t *testing.T) {
	const asked = "400000101"
	melding := `<organisasjonsnummer registreringsDato="2007-12-19">` + asked + `</organisasjonsnummer><navn registreringsDato="2007-12-19"><navn1>SEED AS</navn1></navn>`
	answers := map[string]map[string]answer{}
	for i, tt := range seed002 {
		// One number per row: 400000101 is asked through a prefix of
		// the row, so that the server can tell the rows apart.
		n := fmt.Sprintf("5%08d", i)
		text := strings.ReplaceAll(tt.text, asked, n)
		m := ""
		if tt.main == 0 {
			m = strings.ReplaceAll(melding, asked, n)
		}
		answers[n] = map[string]answer{"*": {doc: inner("x", n, tt.main, sub(tt.sub, text), m)}}
	}
	srv := newGrunndataServer(t, answers)
	g := srv.client(t, "SIMUSER", "passord")
	for i, tt := range seed002 {
		n := fmt.Sprintf("5%08d", i)
		name := fmt.Sprintf("%d/%d", tt.main, tt.sub)
		r := g.Lookup(context.Background(), n)
		s := r.Source
		got := problem.Code(s.Problem)
		if tt.outcome == OutcomeNote && tt.main == 0 {
			// Data with a note: the note carries the code.
			if len(s.Notes) != 1 || s.Notes[0].Code != fmt.Sprint(tt.sub) {
				t.Errorf("%s: notes %+v", name, s.Notes)
				continue
			}
			got = problem.Code(s.Notes[0].Problem)
			if !strings.Contains(strings.ToLower(s.Notes[0].Message), strings.ToLower(tt.msg)) {
				t.Errorf("%s: note %q does not say %q", name, s.Notes[0].Message, tt.msg)
			}
		} else if tt.sub != 0 && !strings.Contains(strings.ToLower(s.Message), strings.ToLower(tt.msg)) && s.Status != dossier.StatusNoAccess {
			t.Errorf("%s: message %q does not say %q", name, s.Message, tt.msg)
		}
		if tt.sub == 0 {
			got = problem.CodeDataReturned // plain success names no problem
			if s.Problem != "" {
				t.Errorf("%s: problem %q on plain success", name, s.Problem)
			}
		}
		if s.Status != tt.status || got != tt.code {
			t.Errorf("%s: source %s %q, want %s %q (%s)", name, s.Status, got, tt.status, tt.code, s.Message)
		}
		if tt.sub == 3 {
			// Seed 002: the unit named is the registration unit of the
			// unit asked for; nothing says the data is from it.
			if want := "400000102 is the registration unit of " + n; !strings.HasPrefix(s.Message, want) || strings.Contains(s.Message, "data is from") {
				t.Errorf("%s: message %q, want it to start %q", name, s.Message, want)
			}
		}
		if s.Status == dossier.StatusNoData && (r.Company != nil || r.Roles != nil) {
			t.Errorf("%s: a no-data result holds facts: %+v", name, r)
		}
	}
}
