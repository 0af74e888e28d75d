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
