package brreg

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/transport"
)

func TestFailuresNameTheirProblem(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want problem.Code
	}{
		{"404", &Error{Code: CodeNotFound, StatusCode: 404}, problem.CodeUnitNotFound},
		{"410", &Error{Code: CodeRemoved, StatusCode: 410}, problem.CodeRemovedFromOpenData},
		{"400", &Error{Code: CodeInvalidNumber, StatusCode: 400}, problem.CodeInvalidNumber},
		{"search", &Error{Code: CodeInvalidQuery}, problem.CodeInvalidQuery},
		{"malformed", &Error{Code: CodeMalformed}, problem.CodeUnreadableAnswer},
		{"credentials", &Error{Code: CodeCredentials}, problem.CodeCredentialsUnsendable},
		{"SOAP fault", &FaultError{Op: "hentRoller", Code: "soap:Server"}, problem.CodeRequestRejected},
		{"500", &Error{Code: "http_500", StatusCode: 500}, problem.CodeRegisterServerError},
		{"418", &Error{Code: "http_418", StatusCode: 418}, problem.CodeUnexpectedStatus},
		{"transport", fmt.Errorf("brreg: enheter/1: %w", &transport.Error{Kind: transport.KindTLS}), problem.CodeTLSFailed},
		{"deadline", fmt.Errorf("x: %w", context.DeadlineExceeded), problem.CodeTimeout},
		{"cancelled", fmt.Errorf("x: %w", context.Canceled), problem.CodeCanceled},
		{"other", errors.New("x"), problem.CodeInternal},
	}
	for _, tt := range tests {
		if got := ProblemOf(tt.err); got != tt.want {
			t.Errorf("%s: ProblemOf = %q, want %q", tt.name, got, tt.want)
		}
		if got := failedResult(SourceREST, serviceREST, tt.err).Source.Problem; got != string(tt.want) {
			t.Errorf("%s: failed source's problem %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestVerdictNamesAProblemForEveryHeader(t *testing.T) {
	tests := []struct {
		name string
		h    Header
		want problem.Code
	}{
		{"ok", Header{MainStatus: 0, SubStatuses: []SubStatus{{0, "Data returnert"}}}, problem.CodeDataReturned},
		{"ok with a note", Header{MainStatus: 0, SubStatuses: []SubStatus{{1020, ""}}}, problem.CodeDataReturned},
		{"1 alone: no data, no reason", Header{MainStatus: 1}, problem.CodeSomethingNotRegistered},
		{"1 with a note: the note is the reason", Header{MainStatus: 1, SubStatuses: []SubStatus{{2000, ""}}}, problem.CodeNoChanges},
		{"-1 alone", Header{MainStatus: -1}, problem.CodeRegisterError},
		{"-1/-200 unknown", Header{MainStatus: -1, SubStatuses: []SubStatus{{-200, ""}}}, problem.CodeRegisterError},
		{"-1/0 illegal", Header{MainStatus: -1, SubStatuses: []SubStatus{{0, ""}}}, problem.CodeRegisterError},
		{"0/5 unknown", Header{MainStatus: 0, SubStatuses: []SubStatus{{5, ""}}}, problem.CodeUnknownStatus},
		{"main 2", Header{MainStatus: 2}, problem.CodeUnknownStatus},
		{"0/1300 unknown note", Header{MainStatus: 0, SubStatuses: []SubStatus{{1300, ""}}}, problem.CodeDataReturned},
	}
	for _, tt := range tests {
		if got := tt.h.Verdict("313513408").Problem; got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := StatusProblem(1300); got != problem.CodeSomethingNotRegistered {
		t.Errorf("StatusProblem(1300) = %q", got)
	}
}
