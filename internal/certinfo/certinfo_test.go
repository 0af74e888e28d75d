package certinfo

import (
	"errors"
	"fmt"
	"testing"
)

// codedError is a Coded error, as internal/certs' *Error is.
type codedError struct{ code Code }

func (e *codedError) Error() string  { return "certificate problem " + string(e.code) }
func (e *codedError) CertCode() Code { return e.code }

func TestCodeOf(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want Code
	}{
		{"nil", nil, ""},
		{"plain", errors.New("disk full"), ""},
		{"coded", &codedError{CodeWrongPassword}, CodeWrongPassword},
		{"wrapped", fmt.Errorf("importing: %w", &codedError{CodeExpired}), CodeExpired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CodeOf(tt.err); got != tt.want {
				t.Errorf("CodeOf = %q, want %q", got, tt.want)
			}
		})
	}
}
