package scb

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"

	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/transport"
)

// Error is a failure of the client: what it was doing, the HTTP status
// when there was one, its problem code and SCB's own words.
type Error struct {
	Op     string // what the client was doing, e.g. "hamtaforetag"
	Status int    // the HTTP status, 0 when there was none
	Code   problem.Code
	// Reason is SCB's own text (a 400's reason), cleaned for display; ""
	// when SCB said nothing.
	Reason string
	Err    error // the cause, may be nil
}

// Error implements error.
func (e *Error) Error() string {
	s := "scb: " + e.Op
	if e.Status != 0 {
		s += fmt.Sprintf(": HTTP %d", e.Status)
	}
	s += " (" + string(e.Code) + ")"
	if e.Reason != "" {
		s += ": SCB says " + e.Reason
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Problem returns the problem code.
func (e *Error) Problem() problem.Code { return e.Code }

// maxReason bounds SCB's reason text kept in an Error.
const maxReason = 300

// statusError is the *Error of a non-2xx answer with body.
func statusError(op string, status int, body []byte) *Error {
	e := &Error{Op: op, Status: status, Code: codeForStatus(status)}
	if status == http.StatusBadRequest || status == http.StatusForbidden {
		e.Reason = reasonText(body)
	}
	if status == http.StatusBadRequest {
		e.Code = codeForReason(e.Reason)
	}
	return e
}

// codeForStatus maps an HTTP status of SCB's API to a problem code.
func codeForStatus(status int) problem.Code {
	switch status {
	case http.StatusBadRequest:
		return problem.CodeSCBBadRequest
	case http.StatusUnauthorized, http.StatusForbidden:
		return problem.CodeSCBCertificateRefused
	case http.StatusServiceUnavailable:
		return problem.CodeSCBMaintenance
	}
	return problem.ForStatus(status)
}

// codeForReason reads what a 400 is about from SCB's Swedish reason: a
// value it does not accept ("Ogiltigt värde för variabeln ..."), or a
// variable, category or operator it does not know; else a plain bad
// request.
func codeForReason(reason string) problem.Code {
	r := strings.ToLower(reason)
	switch {
	case strings.Contains(r, "värde"), strings.Contains(r, "varde"):
		return problem.CodeSCBInvalidValue
	case strings.Contains(r, "variabel"), strings.Contains(r, "kategori"), strings.Contains(r, "operator"):
		return problem.CodeSCBUnknownVariable
	}
	return problem.CodeSCBBadRequest
}

// reasonText is SCB's reason in an error body: a JSON string, or an
// object's Message/message/Meddelande/title, or the text itself.
func reasonText(body []byte) string {
	s := strings.TrimSpace(string(body))
	if s == "" {
		return ""
	}
	if v, ok := jsonReason(body); ok {
		s = v
	}
	return transport.RegisterText(s, maxReason)
}

// wrapTransport turns a transport failure (of a request that got no
// answer) into an *Error with its code. A refused handshake, or a
// connection dropped before any answer, is SCB refusing the certificate.
func wrapTransport(op string, err error) *Error {
	var te *transport.Error
	if errors.As(err, &te) {
		code := te.Problem()
		switch {
		case te.Kind == transport.KindStatus:
			code = codeForStatus(te.StatusCode)
		case code == problem.CodeTLSFailed && certificateRefused(err):
			code = problem.CodeSCBCertificateRefused
		case code == problem.CodeUnreachable && droppedInHandshake(err):
			// SCB dropping the connection once reached, before any
			// answer, is its refusal of the certificate or of its
			// absence: TLS 1.3 sends the alert after the client's side of
			// the handshake is done, and how the failure then reads
			// (reset, broken pipe, HTTP/2 giving up) depends on timing.
			code = problem.CodeSCBCertificateRefused
		}
		return &Error{Op: op, Status: te.StatusCode, Code: code, Err: err}
	}
	return &Error{Op: op, Code: problem.CodeOf(err), Err: err}
}

// certificateRefused says whether a TLS failure is the server's alert
// about the client's certificate (bad, unknown, missing).
func certificateRefused(err error) bool {
	s := err.Error()
	for _, alert := range []string{"bad certificate", "unknown certificate authority", "certificate required", "certificate unknown", "handshake failure"} {
		if strings.Contains(s, alert) {
			return true
		}
	}
	return false
}

// droppedInHandshake says whether a connection failed after the server
// was reached, as a server's refusal of a missing certificate looks from
// the client (reset, a broken pipe, the alert, or HTTP/2 giving up on the
// connection): not a failure to dial or to resolve the host.
func droppedInHandshake(err error) bool {
	var dns *net.DNSError
	var op *net.OpError
	if errors.As(err, &dns) || errors.As(err, &op) && op.Op == "dial" {
		return false
	}
	return true
}
