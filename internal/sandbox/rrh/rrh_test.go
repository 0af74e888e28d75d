package rrh

import (
	"encoding/json"
	"github.com/motpart/motpart/internal/testclock"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/maskinporten"
	"github.com/motpart/motpart/internal/sandbox/world"
)

const issuer = "https://127.0.0.1:1/"

func newServer(t *testing.T, now func() time.Time) (*Server, *maskinporten.Server) {
	t.Helper()
	w, err := world.New()
	if err != nil {
		t.Fatal(err)
	}
	mp := maskinporten.New(w, maskinporten.Options{Now: now})
	if _, err := New(w, Options{Now: now}); err == nil {
		t.Error("New without a Maskinporten")
	}
	s, err := New(w, Options{Now: now, PathPrefix: "/api/oppslag", Tokens: mp})
	if err != nil {
		t.Fatal(err)
	}
	return s, mp
}

func TestPartnerLookup(t *testing.T) {
	now := func() time.Time { return testclock.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC) }
	s, mp := newServer(t, now)
	h := s.Handler("https://127.0.0.1:2", issuer)
	partner, err := mp.MintAccessToken(issuer, world.DemoMaskinportenClientID, world.ScopeRRHPartnerRapporteringspliktig)
	if err != nil {
		t.Fatal(err)
	}
	v1Only, err := mp.MintAccessToken(issuer, world.DemoMaskinportenClientID, world.ScopeRRHRapporteringspliktig)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		orgnr   string
		token   string
		status  int
		message string
	}{
		{"reported", world.FirmOrgNr, partner, 200, ""},
		{"not required", world.RRHNotRequiredOrgNr, partner, 404, MsgNotRequired},
		{"not reported", world.RRHNotReportedOrgNr, partner, 404, MsgNotReported},
		{"malformed number", "12345", partner, 400, MsgBadOrgNr},
		{"no token", world.FirmOrgNr, "", 403, MsgForbidden},
		{"a v1 scope", world.FirmOrgNr, v1Only, 403, MsgForbidden},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodGet, PartnerPath+"/"+tt.orgnr, nil)
		if tt.token != "" {
			req.Header.Set("Authorization", "Bearer "+tt.token)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var e ErrorBody
		_ = json.Unmarshal(rec.Body.Bytes(), &e)
		if rec.Code != tt.status || e.Message != tt.message {
			t.Errorf("%s: %d %q, want %d %q", tt.name, rec.Code, e.Message, tt.status, tt.message)
		}
	}
}

func TestChangeOwners(t *testing.T) {
	now := func() time.Time { return testclock.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC) }
	s, _ := newServer(t, now)
	_, owners := s.world.BeneficialOwners(world.FirmOrgNr)
	tests := []struct {
		name    string
		orgnr   string
		status  string
		owners  []world.BeneficialOwner
		wantErr bool
	}{
		{"unknown status", world.FirmOrgNr, "xyz", nil, true},
		{"arid without owners", world.FirmOrgNr, world.RRHStatusArid, nil, true},
		{"rikv with owners", world.FirmOrgNr, world.RRHStatusRikv, owners, true},
		{"not required", world.RRHNotRequiredOrgNr, world.RRHStatusRikv, nil, true},
		{"filed", world.FirmOrgNr, world.RRHStatusRikv, nil, false},
		{"filed again", world.FirmOrgNr, world.RRHStatusArid, owners, false},
	}
	var last int64
	for _, tt := range tests {
		seq, err := s.ChangeOwners(tt.orgnr, tt.status, tt.owners...)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: %v", tt.name, err)
		}
		if err == nil {
			if seq <= last {
				t.Errorf("%s: sequence %d after %d", tt.name, seq, last)
			}
			last = seq
		}
	}
	regs, ok := s.store.lookup(world.FirmOrgNr)
	if !ok || regs[len(regs)-1].status != world.RRHStatusArid || regs[len(regs)-1].registered != FormatTime(now()) {
		t.Errorf("the last registration: %+v", regs[len(regs)-1])
	}
}
