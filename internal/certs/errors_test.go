package certs

import (
	"fmt"
	"testing"

	"github.com/motpart/motpart/internal/problem"
)

func TestErrorsNameTheirProblem(t *testing.T) {
	tests := []struct {
		code Code
		want problem.Code
	}{
		{CodeNotPKCS12, problem.CodeCertNotPKCS12},
		{CodeDamaged, problem.CodeCertDamaged},
		{CodeWrongPassword, problem.CodeCertWrongPassword},
		{CodeNoPrivateKey, problem.CodeCertNoPrivateKey},
		{CodeKeyMismatch, problem.CodeCertKeyMismatch},
		{CodeExpired, problem.CodeCertExpired},
		{CodeNotYetValid, problem.CodeCertNotYetValid},
		{CodeInternal, problem.CodeInternal},
	}
	for _, tt := range tests {
		err := fmt.Errorf("import: %w", fail(tt.code, "", nil))
		if got := problem.CodeOf(err); got != tt.want {
			t.Errorf("%s: problem.CodeOf = %q, want %q", tt.code, got, tt.want)
		}
		if CodeOf(err) != tt.code {
			t.Errorf("%s: CodeOf = %q", tt.code, CodeOf(err))
		}
	}
}
