package vero

import (
	"errors"
	"fmt"

	"github.com/motpart/motpart/internal/problem"
)

// Error is a failure of the certificate service or of the client. Code is
// the problem a user sees; VeroCode and VeroMessage are the service's own
// ErrorCode and ErrorMessage, when it gave them.
type Error struct {
	Op          string // the operation: "sign", "get", "renew", "verify"...
	Code        problem.Code
	VeroCode    string
	VeroMessage string
	Err         error
}

// Error describes the failure in English.
func (e *Error) Error() string {
	msg := "vero " + e.Op + ": " + problem.Text(e.Code)
	if e.VeroCode != "" {
		msg += fmt.Sprintf(" (%s: %s)", e.VeroCode, e.VeroMessage)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Problem returns the problem code.
func (e *Error) Problem() problem.Code { return e.Code }

// sandboxCodes maps the sandbox simulator's own PKI codes (registries.md
// §2.3) to problems. They are the sandbox's list: Vero's real code list is
// in an interface description that was not available, so any code not
// here is problem.CodeVeroError with Vero's words kept in the Error.
var sandboxCodes = map[string]problem.Code{
	"PKI001": problem.CodeVeroTransferIDUnknown,
	"PKI002": problem.CodeVeroTransferPassword,
	"PKI003": problem.CodeVeroCSRRejected,
	"PKI004": problem.CodeVeroRetrievalUnknown,
	"PKI005": problem.CodeVeroNotReady,
	"PKI006": problem.CodeVeroRenewalRefused,
	"PKI007": problem.CodeVeroRenewalTooEarly,
	"PKI008": problem.CodeVeroWrongEnvironment,
}

// CodeFor returns the problem for one of the service's PKI codes (the
// sandbox's list; problem.CodeVeroError for any other).
func CodeFor(pki string) problem.Code {
	if c, ok := sandboxCodes[pki]; ok {
		return c
	}
	return problem.CodeVeroError
}

// IsNotReady reports whether err says the certificate is not ready yet.
func IsNotReady(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == problem.CodeVeroNotReady
}
