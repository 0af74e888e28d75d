package rrh

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/maskinporten"
	"github.com/motpart/motpart/internal/registry/transport"
)

// cachingTokens is a token source that keeps its token until Invalidate,
// as *maskinporten.Client does, and counts how many it fetched.
type cachingTokens struct {
	mu      sync.Mutex
	fetched int
	current string
}

func (c *cachingTokens) Token(context.Context) (maskinporten.Token, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.current == "" {
		c.fetched++
		c.current = fmt.Sprintf("tok-%d", c.fetched)
	}
	return maskinporten.Token{AccessToken: c.current, ExpiresAt: time.Now().Add(time.Hour)}, nil
}

func (c *cachingTokens) Invalidate() {
	c.mu.Lock()
	c.current = ""
	c.mu.Unlock()
}

// TestForbiddenDropsTheToken: seed 003 answers 403 to an invalid token.
// The look-up that got it says so, and the next one asks for a new token.
func TestForbiddenDropsTheToken(t *testing.T) {
	const nr = "313513408"
	s := newRegServer(t)
	s.handle(DefaultPartnerPath+"/"+nr, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "Bearer tok-1" {
			reply(403, string(brregError(403, "Ugyldig token", "Ugyldig token")))(w, r)
			return
		}
		reply(200, partnerDoc)(w, r)
	})
	tokens := &cachingTokens{}
	c := New(Config{BaseURL: s.srv.URL}, tokens, s.transport(t, 5*time.Second))
	steps := []struct {
		status  dossier.Status
		problem problem.Code
		fetched int
	}{
		{dossier.StatusNoAccess, problem.CodeOwnersAccessRefused, 1},
		{dossier.StatusFound, "", 2},
		{dossier.StatusFound, "", 2}, // the new token is kept
	}
	for i, step := range steps {
		_, src := c.Lookup(t.Context(), nr)
		if src.Status != step.status || src.Problem != string(step.problem) {
			t.Errorf("look-up %d: %s %q, want %s %q (%s)", i+1, src.Status, src.Problem, step.status, step.problem, src.Message)
		}
		if tokens.fetched != step.fetched {
			t.Errorf("look-up %d: %d tokens fetched, want %d", i+1, tokens.fetched, step.fetched)
		}
	}
}

func TestFailuresNameTheirProblem(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want problem.Code
	}{
		{"404", &Error{Code: CodeNotRequired, StatusCode: 404}, problem.CodeOwnersNotRegistered},
		{"403", &Error{Code: CodeForbidden, StatusCode: 403}, problem.CodeOwnersAccessRefused},
		{"401 twice", &Error{Code: CodeUnauthorized, StatusCode: 401}, problem.CodeOwnersTokenRejected},
		{"400", &Error{Code: CodeInvalidNumber, StatusCode: 400}, problem.CodeInvalidNumber},
		{"malformed", &Error{Code: CodeMalformed}, problem.CodeUnreadableAnswer},
		{"no client", &Error{Code: CodeNoToken}, problem.CodeNoMaskinportenClient},
		{"500", &Error{Code: "http_500", StatusCode: 500}, problem.CodeRegisterServerError},
		{"429", &Error{Code: "http_429", StatusCode: 429}, problem.CodeRateLimited},
		{"transport", &Error{Code: "timeout", Err: &transport.Error{Kind: transport.KindTimeout}}, problem.CodeTimeout},
		{"maskinporten refusal", &Error{Op: "token", Code: "mp_250", Err: &maskinporten.Error{Code: "MP-250"}}, problem.CodeMPScopeNotGranted},
		{"maskinporten code only", &Error{Op: "token", Code: "mp_invalid_scope"}, problem.CodeMPInvalidScope},
		{"signing", &Error{Op: "token", Code: "mp_config", Err: errors.New("signing failed")}, problem.CodeMPConfig},
		{"limit", fmt.Errorf("import: %w", &LimitError{Limit: "owners"}), problem.CodeAnswerTooLarge},
		{"format", &FormatError{}, problem.CodeUnreadableAnswer},
		{"deadline", fmt.Errorf("x: %w", context.DeadlineExceeded), problem.CodeTimeout},
	}
	for _, tt := range tests {
		if got := ProblemOf(tt.err); got != tt.want {
			t.Errorf("%s: ProblemOf = %q, want %q", tt.name, got, tt.want)
		}
		if got := failureSource(tt.err).Problem; got != string(tt.want) {
			t.Errorf("%s: source's problem %q, want %q", tt.name, got, tt.want)
		}
	}
}
