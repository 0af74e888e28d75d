package brreg

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
)

// seedCodes is every underStatus code in seed 002, with its outcome.
var seedCodes = []struct {
	code    int
	outcome Outcome
	reason  string
}{
	{0, OutcomeOK, ""},
	{1, OutcomeRedirect, "duplicate"},
	{2, OutcomeRedirect, "merged"},
	{3, OutcomeRedirect, "registration_unit"},
	{10, OutcomeInvalidInput, ""},
	{20, OutcomeInvalidInput, ""},
	{10000, OutcomeInvalidInput, ""},
	{100, OutcomeNotFound, ""},
	{110, OutcomeDeleted, ""},
	{120, OutcomeRedirect, "replacement_deleted"},
	{130, OutcomeRedirect, "sub_unit"},
	{160, OutcomeInvalidInput, ""},
	{170, OutcomeInvalidInput, ""},
	{180, OutcomeInvalidInput, ""},
	{181, OutcomeInvalidInput, ""},
	{182, OutcomeInvalidInput, ""},
	{183, OutcomeInvalidInput, ""},
	{190, OutcomeInvalidInput, ""},
	{200, OutcomeRedirect, "registration_unit"},
	{210, OutcomeNotFound, ""},
	{2000, OutcomeNote, ""},
	{1010, OutcomeNote, ""},
	{1020, OutcomeNote, ""},
	{1030, OutcomeNote, ""},
	{1060, OutcomeNote, ""},
	{1070, OutcomeNote, ""},
	{1080, OutcomeNote, ""},
	{1090, OutcomeNote, ""},
	{1100, OutcomeNote, ""},
	{1111, OutcomeNote, ""},
	{1115, OutcomeNote, ""},
	{1116, OutcomeNote, ""},
	{1117, OutcomeNote, ""},
	{1118, OutcomeNote, ""},
	{1119, OutcomeNote, ""},
	{1120, OutcomeNote, ""},
	{1125, OutcomeNote, ""},
	{1130, OutcomeNote, ""},
	{1135, OutcomeNote, ""},
	{1140, OutcomeNote, ""},
	{1145, OutcomeNote, ""},
	{1150, OutcomeNote, ""},
	{1155, OutcomeNote, ""},
	{1160, OutcomeNote, ""},
	{1165, OutcomeNote, ""},
	{1180, OutcomeNote, ""},
	{1190, OutcomeNote, ""},
	{-100, OutcomeNoAccess, ""},
	{-101, OutcomeNoAccess, ""},
	{-1000, OutcomeError, ""},
}

func TestStatusTable(t *testing.T) {
	var want []int
	for _, s := range seedCodes {
		want = append(want, s.code)
		o, msg := StatusInfo(s.code)
		if o != s.outcome {
			t.Errorf("StatusInfo(%d) = %v, want %v", s.code, o, s.outcome)
		}
		if msg == "" || !strings.HasSuffix(msg, ".") || strings.Contains(msg, "Eining") || strings.Contains(msg, "Enhet") {
			t.Errorf("StatusInfo(%d) message %q is not a plain English sentence", s.code, msg)
		}
		if got := RedirectReason(s.code); got != s.reason {
			t.Errorf("RedirectReason(%d) = %q, want %q", s.code, got, s.reason)
		}
	}
	if got := StatusCodes(); !reflect.DeepEqual(got, want) {
		t.Errorf("StatusCodes() = %v,\nwant %v", got, want)
	}
	codes := StatusCodes()
	slices.Sort(codes)
	if len(slices.Compact(codes)) != len(seedCodes) {
		t.Error("a code is listed twice")
	}
	for code, msg := range map[int]string{1020: "No postal address registered.", 110: "The unit is deleted.", -101: "The grunndataWS user name or password is wrong."} {
		if _, got := StatusInfo(code); got != msg {
			t.Errorf("StatusInfo(%d) = %q, want %q", code, got, msg)
		}
	}
}

func TestStatusUnknownCodes(t *testing.T) {
	for code, want := range map[int]Outcome{
		-5: OutcomeError, -200: OutcomeError, -1: OutcomeError, -2147483648: OutcomeError,
		1000: OutcomeNote, 1500: OutcomeNote, 1999: OutcomeNote,
		5: OutcomeError, 999: OutcomeError, 2001: OutcomeError, 99999: OutcomeError, 2147483647: OutcomeError,
	} {
		o, msg := StatusInfo(code)
		if o != want || msg == "" {
			t.Errorf("StatusInfo(%d) = %v, %q; want %v", code, o, msg, want)
		}
	}
	for o := OutcomeOK; o <= OutcomeNoAccess+1; o++ {
		if o.String() == "" {
			t.Errorf("Outcome(%d) has no name", o)
		}
	}
}

func TestVerdict(t *testing.T) {
	s := func(code int, text string) SubStatus { return SubStatus{code, text} }
	redirect := func(reason, code, number string) *dossier.Redirect {
		return &dossier.Redirect{Reason: reason, Code: code, Number: number}
	}
	tests := []struct {
		name     string
		h        Header
		outcome  Outcome
		code     int
		redirect *dossier.Redirect
		notes    []string
	}{
		{"ok", Header{MainStatus: 0, SubStatuses: []SubStatus{s(0, "Data returnert")}}, OutcomeOK, 0, nil, nil},
		{"ok, no sub-status", Header{MainStatus: 0}, OutcomeOK, 0, nil, nil},
		{"notes", Header{MainStatus: 0, SubStatuses: []SubStatus{s(0, ""), s(1020, ""), s(1115, ""), s(1119, "")}}, OutcomeNote, 0, nil, []string{"1020", "1115", "1119"}},
		{"1180 role block", Header{MainStatus: 0, SubStatuses: []SubStatus{s(1180, "Enhet 313513408 har ikke Rolleblokk 2")}}, OutcomeNote, 0, nil, []string{"1180"}},
		{"0/1 duplicate", Header{MainStatus: 0, SubStatuses: []SubStatus{s(1, "Enhet 313513408 er slettet som dublett - korrekt enhet 310219622 er innført")}},
			OutcomeRedirect, 1, redirect("duplicate", "1", "310219622"), nil},
		{"0/2 merged, Nynorsk", Header{MainStatus: 0, SubStatuses: []SubStatus{s(2, "Eining 313513408 er sletta som samanslått - korrekt eining 310219622 er innført.")}},
			OutcomeRedirect, 2, redirect("merged", "2", "310219622"), nil},
		{"0/3 registration unit", Header{MainStatus: 0, SubStatuses: []SubStatus{s(3, "Enhet 310219622 er registreringsenheten til enheten som ble bestilt")}},
			OutcomeRedirect, 3, redirect("registration_unit", "3", "310219622"), nil},
		{"1/130 sub-unit", Header{MainStatus: 1, SubStatuses: []SubStatus{s(130, "Enhet 974760673 er en bedrift/virksomhet, juridisk enhet er 912345678")}},
			OutcomeRedirect, 130, redirect("sub_unit", "130", "912345678"), nil},
		{"1/120 without a number", Header{MainStatus: 1, SubStatuses: []SubStatus{s(120, "slettet")}}, OutcomeRedirect, 120, nil, nil},
		{"1/100", Header{MainStatus: 1, SubStatuses: []SubStatus{s(100, "Enhet 313513408 aldri opprettet")}}, OutcomeNotFound, 100, nil, nil},
		{"1/110", Header{MainStatus: 1, SubStatuses: []SubStatus{s(110, "Enhet 313513408 er slettet")}}, OutcomeDeleted, 110, nil, nil},
		{"1/10000", Header{MainStatus: 1, SubStatuses: []SubStatus{s(10000, "")}}, OutcomeInvalidInput, 10000, nil, nil},
		{"1 with notes only", Header{MainStatus: 1, SubStatuses: []SubStatus{s(1145, "")}}, OutcomeNote, 0, nil, []string{"1145"}},
		{"1 alone", Header{MainStatus: 1}, OutcomeNote, 0, nil, nil},
		{"-1 alone", Header{MainStatus: -1}, OutcomeError, MainStatusNoSubStatus, nil, nil},
		{"-1/-100", Header{MainStatus: -1, SubStatuses: []SubStatus{s(-100, "")}}, OutcomeNoAccess, -100, nil, nil},
		{"-1/-101", Header{MainStatus: -1, SubStatuses: []SubStatus{s(-101, "")}}, OutcomeNoAccess, -101, nil, nil},
		{"-1/-1000", Header{MainStatus: -1, SubStatuses: []SubStatus{s(-1000, "")}}, OutcomeError, -1000, nil, nil},
		{"-1/-200 (NAV)", Header{MainStatus: -1, SubStatuses: []SubStatus{s(-200, "")}}, OutcomeError, -200, nil, nil},
		{"-1/0 illegal", Header{MainStatus: -1, SubStatuses: []SubStatus{s(0, "Data returnert")}}, OutcomeError, 0, nil, nil},
		{"-1/100", Header{MainStatus: -1, SubStatuses: []SubStatus{s(100, "")}}, OutcomeNotFound, 100, nil, nil},
		{"-1 prefers the negative", Header{MainStatus: -1, SubStatuses: []SubStatus{s(0, ""), s(-101, "")}}, OutcomeNoAccess, -101, nil, nil},
		{"main 2", Header{MainStatus: 2}, OutcomeError, 2, nil, nil},
		{"0/unknown 5", Header{MainStatus: 0, SubStatuses: []SubStatus{s(0, ""), s(5, "")}}, OutcomeError, 5, nil, nil},
		{"0/unknown note 1300", Header{MainStatus: 0, SubStatuses: []SubStatus{s(1300, "")}}, OutcomeNote, 0, nil, []string{"1300"}},
	}
	for _, tt := range tests {
		v := tt.h.Verdict("313513408")
		if tt.name == "1/130 sub-unit" {
			v = tt.h.Verdict("974760673")
		}
		var notes []string
		for _, n := range v.Notes {
			notes = append(notes, n.Code)
			if n.Message == "" {
				t.Errorf("%s: note %s without a message", tt.name, n.Code)
			}
		}
		if v.Outcome != tt.outcome || v.Code != tt.code || !reflect.DeepEqual(v.Redirect, tt.redirect) || !reflect.DeepEqual(notes, tt.notes) || v.Message == "" {
			t.Errorf("%s: got %v %d %+v %v %q; want %v %d %+v %v", tt.name, v.Outcome, v.Code, v.Redirect, notes, v.Message, tt.outcome, tt.code, tt.redirect, tt.notes)
		}
	}
}

func TestRedirectTarget(t *testing.T) {
	tests := []struct {
		text, asked, want string
	}{
		{"Enhet 313513408 er slettet som dublett - korrekt enhet 310219622 er innført", "313513408", "310219622"},
		{"Eining 313513408 er sletta som samanslått - korrekt eining 310219622 er innført.", "313513408", "310219622"},
		{"Enhet 974760673 er en bedrift/virksomhet, juridisk enhet er 912345678", "974760673", "912345678"},
		{"Eining 974760673 er ei bedrift/verksemd, juridisk eining er 912345678.", "974760673", "912345678"},
		{"Juridisk enhet er 912 345 678 for enhet 974760673", "974760673", "912345678"},
		{"juridisk enhet er 912\u00a0345\u00a0678", "974760673", "912345678"},
		{"Enhet 310219622 er registreringsenheten til enheten som ble bestilt", "313513408", "310219622"},
		// the number of the unit asked for is never the target
		{"Enhet 313513408 er slettet", "313513408", ""},
		{"Enhet 313513408 som det spørres på er en registreringsenhet", "313513408", ""},
		// the number after the keyword wins over an earlier one
		{"Enhet 111111111 (tidl. 222222222) er slettet - korrekt enhet 333333333 er innført", "111111111", "333333333"},
		// numbers that are not 9 digits
		{"Enhet 1234567890 er slettet, korrekt enhet 12345678", "313513408", ""},
		{"korrekt enhet 9123456789", "313513408", ""},
		{"korrekt enhet 12 345 678 9", "313513408", ""},
		{"1 912345678", "313513408", "912345678"},
		{"korrekt enhet: 310219622.", "", "310219622"},
		{"", "313513408", ""},
		{"korrekt", "313513408", ""},
		{"\xff\xfe korrekt 310219622\xff", "313513408", "310219622"},
	}
	for _, tt := range tests {
		got, ok := RedirectTarget(tt.text, tt.asked)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("RedirectTarget(%q, %q) = %q, %v; want %q", tt.text, tt.asked, got, ok, tt.want)
		}
	}
}
