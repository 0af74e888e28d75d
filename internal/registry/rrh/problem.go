package rrh

import (
	"context"
	"errors"
	"strings"

	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/maskinporten"
)

// Problem returns the problem code of the failure: the register's HTTP
// answers (404 owners_not_registered, 403 owners_access_refused, 401
// owners_token_rejected, 400 invalid_number), an unreadable answer, no
// Maskinporten client, or the code of the cause (a transport failure, a
// Maskinporten refusal).
func (e *Error) Problem() problem.Code {
	switch e.Code {
	case CodeNotRequired:
		return problem.CodeOwnersNotRegistered
	case CodeForbidden:
		return problem.CodeOwnersAccessRefused
	case CodeUnauthorized:
		return problem.CodeOwnersTokenRejected
	case CodeInvalidNumber:
		return problem.CodeInvalidNumber
	case CodeMalformed:
		return problem.CodeUnreadableAnswer
	case CodeNoToken:
		return problem.CodeNoMaskinportenClient
	case "config":
		return problem.CodeAddressInvalid
	case "write":
		return problem.CodeDownloadWriteFailed
	case "mp_config":
		return problem.CodeMPConfig
	}
	if c := problem.CodeOf(e.Err); e.Err != nil && c != problem.CodeInternal {
		return c
	}
	switch {
	case strings.HasPrefix(e.Code, "http_") && e.StatusCode != 0:
		return problem.ForStatus(e.StatusCode)
	case strings.HasPrefix(e.Code, "mp_"):
		return maskinporten.ProblemOf(e.Code)
	case e.Code == "timeout":
		return problem.CodeTimeout
	case e.Code == "canceled":
		return problem.CodeCanceled
	}
	return problem.CodeInternal
}

// Problem returns problem.CodeAnswerTooLarge: a download passed a limit.
func (e *LimitError) Problem() problem.Code { return problem.CodeAnswerTooLarge }

// Problem returns problem.CodeUnreadableAnswer: the data is not the
// register's format.
func (e *FormatError) Problem() problem.Code { return problem.CodeUnreadableAnswer }

// ProblemOf returns the problem code of a failure: the code of the first
// error in its chain that names one, problem.CodeTimeout or
// problem.CodeCanceled for context errors, problem.CodeInternal for the
// rest, and "" for nil.
func ProblemOf(err error) problem.Code {
	switch c := problem.CodeOf(err); {
	case c != problem.CodeInternal:
		return c
	case errors.Is(err, context.DeadlineExceeded):
		return problem.CodeTimeout
	case errors.Is(err, context.Canceled):
		return problem.CodeCanceled
	}
	return problem.CodeInternal
}
