package brreg

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/transport"
)

// Stable failure codes, used in Error.Code and dossier.Source.Code. The
// transport's kinds ("timeout", "canceled", "network", "tls", "too_large",
// "redirect", "truncated") and "http_" plus a status ("http_503") are
// codes too.
const (
	CodeNotFound      = "not_found"      // the register has no such unit
	CodeRemoved       = "removed"        // Enhetsregisteret 410: removed from the open data
	CodeInvalidNumber = "invalid_number" // not an organisation number (said by us or the register)
	CodeInvalidQuery  = "invalid_query"  // a search the register cannot answer
	CodeMalformed     = "malformed"      // the answer could not be read
	CodeSOAPFault     = "soap_fault"     // grunndataWS answered with a SOAP fault
	CodeCredentials   = "credentials"    // the grunndataWS user name or password cannot be sent
)

// Error is a failure of a call to Brønnøysund that is not a transport
// failure: the register said no, or said something unreadable.
type Error struct {
	// Op names the call, e.g. "enheter/923609016" or "hentRoller".
	Op string
	// Code is one of the Code constants or "http_" and the status.
	Code string
	// StatusCode is the HTTP status, when there was a response.
	StatusCode int
	// Message is the register's own message, cut short, when it gave one.
	Message string
	// Err is the underlying error, if any.
	Err error
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("brreg: ")
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	switch {
	case e.Code == CodeNotFound:
		b.WriteString("no such unit")
	case e.Code == CodeRemoved:
		b.WriteString("the unit is removed from the open data")
	case e.Code == CodeInvalidNumber:
		b.WriteString("not a valid organisation number")
	case e.Code == CodeInvalidQuery:
		b.WriteString("the search cannot be made")
	case e.Code == CodeMalformed:
		b.WriteString("the answer could not be read")
	case e.Code == CodeCredentials:
		b.WriteString("the grunndataWS user name or password cannot be sent")
	case e.Code == CodeFeedTooOld:
		b.WriteString("the register no longer serves its change feed from that position")
	case strings.HasPrefix(e.Code, "http_"):
		fmt.Fprintf(&b, "unexpected HTTP status %d", e.StatusCode)
	default:
		b.WriteString(e.Code)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Problem returns the problem code of the failure.
func (e *Error) Problem() problem.Code {
	switch e.Code {
	case CodeNotFound:
		return problem.CodeUnitNotFound
	case CodeRemoved:
		return problem.CodeRemovedFromOpenData
	case CodeInvalidNumber:
		return problem.CodeInvalidNumber
	case CodeInvalidQuery:
		return problem.CodeInvalidQuery
	case CodeMalformed:
		return problem.CodeUnreadableAnswer
	case CodeSOAPFault:
		return problem.CodeRequestRejected
	case CodeCredentials:
		return problem.CodeCredentialsUnsendable
	case CodeFeedTooOld:
		return problem.CodeFeedTooOld
	}
	if strings.HasPrefix(e.Code, "http_") {
		return problem.ForStatus(e.StatusCode)
	}
	if c := problem.CodeOf(e.Err); e.Err != nil && c != problem.CodeInternal {
		return c
	}
	return problem.CodeInternal
}

// FaultError is a SOAP fault from grunndataWS. grunndataWS reports its own
// errors in the responseHeader; a fault means a transport or format
// problem.
type FaultError struct {
	Op         string
	StatusCode int
	// Code is the faultcode, e.g. "soap:Server"; String the faultstring.
	Code, String string
}

// Error implements error.
func (e *FaultError) Error() string {
	s := "brreg: grunndataWS " + e.Op + ": SOAP fault"
	if e.Code != "" {
		s += " " + e.Code
	}
	if e.String != "" {
		s += ": " + e.String
	}
	return s
}

// Problem returns problem.CodeRequestRejected: grunndataWS rejected the
// request as such.
func (e *FaultError) Problem() problem.Code { return problem.CodeRequestRejected }

// ProblemOf returns the problem code of a failure of a call: the code of
// the first error in its chain that names one, problem.CodeTimeout or
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

// ErrorCode returns the stable code for err: an Error's Code, a transport
// error's code, "soap_fault", "timeout" or "canceled" for context errors,
// and "failed" for anything else. It is "" for nil.
func ErrorCode(err error) string {
	var (
		be *Error
		fe *FaultError
		te *transport.Error
	)
	switch {
	case err == nil:
		return ""
	case errors.As(err, &te):
		return te.Code()
	case errors.As(err, &be):
		return be.Code
	case errors.As(err, &fe):
		return CodeSOAPFault
	case errors.Is(err, context.DeadlineExceeded):
		return string(transport.KindTimeout)
	case errors.Is(err, context.Canceled):
		return string(transport.KindCanceled)
	}
	return "failed"
}

func isNotFound(err error) bool {
	var be *Error
	return errors.As(err, &be) && be.Code == CodeNotFound
}

func isRemoved(err error) bool {
	var be *Error
	return errors.As(err, &be) && be.Code == CodeRemoved
}

// failureMessage says in plain English what went wrong with service and
// what to do.
func failureMessage(service string, err error) string {
	code := ErrorCode(err)
	var te *transport.Error
	host := service
	if errors.As(err, &te) && te.Host != "" {
		host = te.Host
	}
	var detail string
	var be *Error
	if errors.As(err, &be) && be.Message != "" {
		detail = " The register said: " + be.Message
	}
	switch code {
	case "timeout":
		return service + " did not answer in time. Try again in a moment; if it keeps happening, the register may be down."
	case "canceled":
		return "The lookup in " + service + " was cancelled."
	case "network":
		return "Could not reach " + host + ". Check the internet connection (and any proxy), then try again."
	case "tls":
		return "The secure connection to " + host + " could not be verified or was refused. Check the computer's date and time; behind a company proxy that inspects traffic, add its certificate (MOTPART_EXTRA_CA)."
	case "http_429":
		return service + " asked Motpart to slow down (HTTP 429), and kept doing so. Wait a few minutes and try again."
	case "http_503":
		return service + " is unavailable at the moment (HTTP 503), for example for maintenance. Try again later."
	case "too_large":
		return "The answer from " + service + " was larger than Motpart accepts, so it was not used. Try again; if it keeps happening, report it."
	case "truncated":
		return "The answer from " + service + " was cut off before the end, so it was not used. Try again."
	case "redirect":
		return service + " sent Motpart to another address, which Motpart does not follow. Check the register's address in Settings."
	case CodeMalformed:
		return service + " answered with data Motpart could not read, so nothing from it was used. Try again later; if it keeps happening, report it."
	case CodeInvalidNumber:
		return service + " says the number is not a valid Norwegian organisation number. Check the number (9 digits)." + detail
	case CodeInvalidQuery:
		return "The search cannot be made in " + service + "." + detail
	case CodeSOAPFault:
		return service + " rejected the request (SOAP fault). Try again later; if it keeps happening, check the grunndataWS address in Settings."
	case CodeCredentials:
		return "The grunndataWS user name or password holds characters that cannot be sent. Check the grunndataWS account in Settings."
	}
	if strings.HasPrefix(code, "http_") {
		n, _ := strconv.Atoi(strings.TrimPrefix(code, "http_"))
		if n >= 500 {
			return fmt.Sprintf("%s had an internal error (HTTP %d). Try again later.%s", service, n, detail)
		}
		return fmt.Sprintf("%s answered with an unexpected status (HTTP %d). Try again later; if it keeps happening, report it.%s", service, n, detail)
	}
	return "The lookup in " + service + " failed. Try again later."
}
