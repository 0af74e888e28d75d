package transport

import (
	"fmt"
	"testing"

	"github.com/motpart/motpart/internal/problem"
)

func TestErrorNamesItsProblem(t *testing.T) {
	tests := []struct {
		err  *Error
		want problem.Code
	}{
		{&Error{Kind: KindTimeout}, problem.CodeTimeout},
		{&Error{Kind: KindCanceled}, problem.CodeCanceled},
		{&Error{Kind: KindNetwork}, problem.CodeUnreachable},
		{&Error{Kind: KindTLS}, problem.CodeTLSFailed},
		{&Error{Kind: KindStatus, StatusCode: 429}, problem.CodeRateLimited},
		{&Error{Kind: KindStatus, StatusCode: 503}, problem.CodeRegisterUnavailable},
		{&Error{Kind: KindTooLarge}, problem.CodeAnswerTooLarge},
		{&Error{Kind: KindRedirect, StatusCode: 302}, problem.CodeRedirected},
		{&Error{Kind: KindTruncated}, problem.CodeAnswerCutOff},
	}
	for _, tt := range tests {
		if got := problem.CodeOf(fmt.Errorf("brreg: %w", tt.err)); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.err.Code(), got, tt.want)
		}
	}
}
