package bankid

import (
	"errors"
	"fmt"

	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/transport"
)

// Error is a failure of the client: what it was doing, the HTTP status
// when there was one, and its problem code.
type Error struct {
	Op     string // what the client was doing, e.g. "create session"
	Status int    // the HTTP status, 0 when there was none
	Code   problem.Code
	Err    error // the cause, may be nil
}

// Error implements error.
func (e *Error) Error() string {
	s := "bankid: " + e.Op
	if e.Status != 0 {
		s += fmt.Sprintf(": HTTP %d", e.Status)
	}
	s += " (" + string(e.Code) + ")"
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Problem returns the problem code.
func (e *Error) Problem() problem.Code { return e.Code }

// codeForStatus maps an HTTP status of the session API to a problem code.
func codeForStatus(status int) problem.Code {
	switch status {
	case 400:
		return problem.CodeBankIDBadRequest
	case 401:
		return problem.CodeBankIDTokenRejected
	case 403:
		return problem.CodeBankIDForbidden
	case 404:
		return problem.CodeBankIDNotFound
	case 409:
		return problem.CodeBankIDConflict
	case AssumedExpiredStatus:
		return problem.CodeBankIDSessionExpired
	}
	return problem.ForStatus(status)
}

// statusError is the *Error of an unexpected HTTP status.
func statusError(op string, status int) *Error {
	return &Error{Op: op, Status: status, Code: codeForStatus(status)}
}

// wrapTransport turns a transport failure into an *Error with its code.
func wrapTransport(op string, err error) *Error {
	var te *transport.Error
	if errors.As(err, &te) {
		return &Error{Op: op, Status: te.StatusCode, Code: statusOrKind(te), Err: err}
	}
	return &Error{Op: op, Code: problem.CodeOf(err), Err: err}
}

func statusOrKind(te *transport.Error) problem.Code {
	if te.Kind == transport.KindStatus {
		return codeForStatus(te.StatusCode)
	}
	return te.Problem()
}
