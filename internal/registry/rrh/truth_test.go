package rrh

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
)

// TestNotRegisteredIsNoReassurance: the register's 404 means either "the
// company has not registered beneficial owners" (seed 003) or "it does not
// have to" (the Partner API's OpenAPI). Before issue 11 the client said
// only the second, dropped the register's text and raised no flag.
func TestNotRegisteredIsNoReassurance(t *testing.T) {
	const nr = "313513408"
	long := strings.Repeat("abcd ", 100)
	for _, tc := range []struct {
		name     string
		body     string
		wantText string
	}{
		{name: "seed 003's words", body: string(brregError(404, "Ikke funnet", "Virksomheten har ikke registrert reelle rettighetshavere")),
			wantText: "Virksomheten har ikke registrert reelle rettighetshavere"},
		{name: "the OpenAPI's words", body: string(brregError(404, "Ikke funnet", "Virksomheten er ikke registreringspliktig i register over reelle rettighetshavere")),
			wantText: "Virksomheten er ikke registreringspliktig i register over reelle rettighetshavere"},
		{name: "control and bidi characters removed", body: `{"status":404,"message":"Ikke\u001b[31m registrert\u202e\u0007\nnå"}`,
			wantText: "Ikke[31m registrert nå"},
		{name: "cut short", body: `{"status":404,"message":"` + long + `"}`,
			wantText: strings.Repeat("abcd ", 40) + "…"},
		{name: "no body", body: "", wantText: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newRegServer(t)
			s.handle(DefaultPartnerPath+"/"+nr, reply(404, tc.body))
			c := New(Config{BaseURL: s.srv.URL}, &fakeTokens{}, s.transport(t, 5*time.Second))
			o, src := c.Lookup(t.Context(), nr)
			if o != nil || src.Status != dossier.StatusNotFound || src.Code != CodeNotRequired {
				t.Fatalf("owners %v, source %+v", o, src)
			}
			for _, want := range []string{"has not registered its beneficial owners", "does not have to register beneficial owners", "Follow this up in the AML check"} {
				if !strings.Contains(src.Message, want) {
					t.Errorf("message %q lacks %q", src.Message, want)
				}
			}
			if src.RegisterText != tc.wantText {
				t.Errorf("register text %q, want %q", src.RegisterText, tc.wantText)
			}
			if tc.wantText != "" && !strings.Contains(src.Message, tc.wantText) {
				t.Errorf("message %q lacks the register's text", src.Message)
			}
			if src.FollowUp == nil || src.FollowUp.Reason != dossier.FollowUpOwnersNotRegistered || src.FollowUp.Message == "" {
				t.Errorf("follow-up %+v", src.FollowUp)
			}
			_, err := c.Owners(t.Context(), nr)
			if msg := err.Error(); !strings.Contains(msg, "has not registered beneficial owners, or does not have to") {
				t.Errorf("error %q", msg)
			}
		})
	}
}

// TestUnrecognisedAnswerIsUnreadable: a 200 answer that is valid JSON but
// holds no registration was read as "found, no owners" before issue 11.
func TestUnrecognisedAnswerIsUnreadable(t *testing.T) {
	const nr = "313513408"
	for _, tc := range []struct {
		name string
		api  APIShape
		body string
	}{
		{name: "empty object", body: `{}`},
		{name: "unknown members", body: `{"id":"x","eiere":[{"navn":"Kari"}],"status":"ok"}`},
		{name: "only the number", body: `{"registreringspliktigVirksomhet":{"organisasjonsnummer":"` + nr + `"}}`},
		{name: "owners that are not owners", body: `{"organisasjonsnummer":"` + nr + `","reelleRettighetshavere":[1,"two",null]}`},
		{name: "an empty status", body: `{"reelleRettighetshavereStatus":{},"reelleRettighetshavere":[]}`},
		{name: "v1: registrations that are not", api: V1, body: `{"organisasjonsnummer":"` + nr + `","registreringer":[1,"x",[]]}`},
		{name: "v1: empty object", api: V1, body: `{}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newRegServer(t)
			path := DefaultPartnerPath + "/" + nr
			if tc.api == V1 {
				path = DefaultV1Path + "/" + nr
			}
			s.handle(path, reply(200, tc.body))
			c := New(Config{BaseURL: s.srv.URL, API: tc.api}, &fakeTokens{}, s.transport(t, 5*time.Second))
			o, err := c.Owners(t.Context(), nr)
			var e *Error
			if o != nil || !errors.As(err, &e) || e.Code != CodeMalformed || problem.CodeOf(err) != problem.CodeUnreadableAnswer {
				t.Fatalf("owners %+v, err %v (problem %q)", o, err, problem.CodeOf(err))
			}
			o, src := c.Lookup(t.Context(), nr)
			if o != nil || src.Status != dossier.StatusFailed || src.Code != CodeMalformed || !strings.Contains(src.Message, "could not read") {
				t.Errorf("owners %+v, source %+v", o, src)
			}
		})
	}
}

// TestV1IsExperimental: the Partner API is the default shape; an answer
// read with the guessed v1 shape says so.
func TestV1IsExperimental(t *testing.T) {
	const nr = "313513408"
	for _, tc := range []struct {
		name     string
		api      APIShape
		path     string
		body     string
		wantNote bool
	}{
		{name: "default is the Partner API", path: DefaultPartnerPath + "/" + nr, body: partnerDoc},
		{name: "v1 says it is unconfirmed", api: V1, path: DefaultV1Path + "/" + nr,
			body: strings.ReplaceAll(v1Doc, "310219622", nr), wantNote: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newRegServer(t)
			s.handle(tc.path, reply(200, tc.body))
			c := New(Config{BaseURL: s.srv.URL, API: tc.api}, &fakeTokens{}, s.transport(t, 5*time.Second))
			o, src := c.Lookup(t.Context(), nr)
			if o == nil || src.Status != dossier.StatusFound {
				t.Fatalf("owners %v, source %+v", o, src)
			}
			var notes []string
			for _, n := range src.Notes {
				notes = append(notes, n.Code)
				if n.Code == dossier.NoteOwnersShapeUnconfirmed && !strings.Contains(n.Message, "experimental v1 answer shape, which is not confirmed") {
					t.Errorf("note %q", n.Message)
				}
			}
			want := []string(nil)
			if tc.wantNote {
				want = []string{dossier.NoteOwnersShapeUnconfirmed}
			}
			if strings.Join(notes, ",") != strings.Join(want, ",") {
				t.Errorf("notes %v, want %v", notes, want)
			}
		})
	}
}
