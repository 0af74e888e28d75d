package maskinporten

import (
	"fmt"
	"testing"

	"github.com/motpart/motpart/internal/problem"
)

func TestRefusalsNameTheirProblem(t *testing.T) {
	tests := []struct {
		code string
		want problem.Code
	}{
		{"MP-100", problem.CodeMPUnknownClient},
		{"mp_110", problem.CodeMPWrongAudience},
		{"MP-120", problem.CodeMPCertificateRefused},
		{"MP-121", problem.CodeMPKeyExpired},
		{"MP-122", problem.CodeMPCertificateOtherOrg},
		{"MP-123", problem.CodeMPCertificateUnreadable},
		{"MP-124", problem.CodeMPBadSignature},
		{"MP-130", problem.CodeMPGrantExpired},
		{"MP-011", problem.CodeMPInvalidValue},
		{"MP-012", problem.CodeMPGrantReused},
		{"MP-200", problem.CodeMPScopeNotOnClient},
		{"MP-201", problem.CodeMPWrongClientType},
		{"MP-250", problem.CodeMPScopeNotGranted},
		{"MP-251", problem.CodeMPScopeNotDelegated},
		{"MP-301", problem.CodeMPAuthorizationDetails},
		{"MP-302", problem.CodeMPAuthorizationDetails},
		{"MP-303", problem.CodeMPAuthorizationDetails},
		{CodeClockSkew, problem.CodeMPClockSkew},
		{"invalid_client", problem.CodeMPInvalidClient},
		{"unauthorized_client", problem.CodeMPUnauthorizedClient},
		{"mp_invalid_scope", problem.CodeMPInvalidScope},
		{"access_denied", problem.CodeMPAccessDenied},
		{"invalid_grant", problem.CodeMPInvalidGrant},
		{"invalid_request", problem.CodeMPInvalidRequest},
		{"unsupported_grant_type", problem.CodeMPUnsupportedGrant},
		{"server_error", problem.CodeMPServerError},
		{"temporarily_unavailable", problem.CodeMPUnavailable},
		{CodeUnknown, problem.CodeMPRefused},
		{"MP-999", problem.CodeMPRefused},
	}
	for _, tt := range tests {
		err := fmt.Errorf("token: %w", &Error{Code: tt.code})
		if got := problem.CodeOf(err); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.code, got, tt.want)
		}
	}
	// Every code of the table maps to a code with words.
	for _, c := range Codes() {
		if p := ProblemOf(c); problem.Text(p) == "" {
			t.Errorf("%s maps to %q, which has no words", c, p)
		}
	}
}

func TestResponseErrorsNameTheirProblem(t *testing.T) {
	tests := []struct {
		err  *ResponseError
		want problem.Code
	}{
		{&ResponseError{Op: "token", Code: CodeMalformed, StatusCode: 200}, problem.CodeUnreadableAnswer},
		{&ResponseError{Op: "token", Code: "http_500", StatusCode: 500}, problem.CodeRegisterServerError},
		{&ResponseError{Op: "metadata", Code: "http_404", StatusCode: 404}, problem.CodeUnexpectedStatus},
	}
	for _, tt := range tests {
		if got := problem.CodeOf(tt.err); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.err.Code, got, tt.want)
		}
	}
}
