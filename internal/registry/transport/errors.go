package transport

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/motpart/motpart/internal/problem"
)

// Kind is the kind of a transport failure. Its values are stable codes
// (register clients put them into dossier.Source.Code) and must not change.
type Kind string

// The kinds of transport failures.
const (
	// KindTimeout: the context deadline passed, or one attempt took longer
	// than Config.Timeout.
	KindTimeout Kind = "timeout"
	// KindCanceled: the caller cancelled the context.
	KindCanceled Kind = "canceled"
	// KindNetwork: the server could not be reached or dropped the
	// connection (DNS, refused, reset).
	KindNetwork Kind = "network"
	// KindTLS: the server's certificate could not be verified, or the
	// server refused the TLS connection (for example a missing client
	// certificate).
	KindTLS Kind = "tls"
	// KindStatus: the server kept answering 429 or 503 until the retries
	// (or the time for them) ran out.
	KindStatus Kind = "status"
	// KindTooLarge: the response body is larger than Config.MaxBody.
	KindTooLarge Kind = "too_large"
	// KindRedirect: the server answered with a redirect, which is never
	// followed.
	KindRedirect Kind = "redirect"
	// KindTruncated: the body ended before its announced length, or the
	// connection broke in the middle of it.
	KindTruncated Kind = "truncated"
)

// MaxErrorBody is the most of a failed response's body kept in Error.Body.
const MaxErrorBody = 2 << 10

// Error is the error Client.Do returns. Its message is plain English and
// never holds request bodies, headers or query strings, which may carry
// credentials.
type Error struct {
	Kind Kind
	// Method and Host name the request, e.g. "GET" and "data.brreg.no".
	Method string
	Host   string
	// StatusCode is the last HTTP status for KindStatus and KindRedirect;
	// 0 when there was no response.
	StatusCode int
	// Attempts is how many times the request was sent.
	Attempts int
	// Err is the underlying error, if any.
	Err error
	// Body is the start of the last response's body (at most
	// MaxErrorBody bytes, valid UTF-8), for KindStatus.
	Body string
	// Limit is the size limit for KindTooLarge; Location the redirect
	// target (without its query) for KindRedirect.
	Limit    int64
	Location string
	// Got and Want are the bytes received and announced for KindTruncated
	// (Want is -1 when the length was not announced).
	Got, Want int64
	// Timeout is the per-attempt limit for KindTimeout when that limit
	// was hit; 0 when the caller's deadline was.
	Timeout time.Duration
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("transport: ")
	target := e.Host
	if target == "" {
		target = "the server"
	}
	switch e.Kind {
	case KindTimeout:
		if e.Timeout > 0 {
			fmt.Fprintf(&b, "%s did not answer within %v", target, e.Timeout)
		} else {
			fmt.Fprintf(&b, "the time for the request to %s ran out", target)
		}
	case KindCanceled:
		fmt.Fprintf(&b, "the request to %s was cancelled", target)
	case KindNetwork:
		fmt.Fprintf(&b, "could not reach %s", target)
	case KindTLS:
		fmt.Fprintf(&b, "the secure (TLS) connection to %s failed", target)
	case KindStatus:
		fmt.Fprintf(&b, "%s answered HTTP %d (%s)", target, e.StatusCode, statusText(e.StatusCode))
		if e.Attempts > 1 {
			fmt.Fprintf(&b, " to all %d attempts", e.Attempts)
		}
	case KindTooLarge:
		fmt.Fprintf(&b, "the answer from %s is larger than the limit of %d bytes", target, e.Limit)
	case KindRedirect:
		fmt.Fprintf(&b, "%s redirected the request (HTTP %d", target, e.StatusCode)
		if e.Location != "" {
			fmt.Fprintf(&b, " to %s", e.Location)
		}
		b.WriteString("); redirects are not followed")
	case KindTruncated:
		fmt.Fprintf(&b, "the answer from %s was cut off", target)
		if e.Want >= 0 && e.Want > e.Got {
			fmt.Fprintf(&b, " after %d of %d bytes", e.Got, e.Want)
		} else if e.Got > 0 {
			fmt.Fprintf(&b, " after %d bytes", e.Got)
		}
	default:
		fmt.Fprintf(&b, "the request to %s failed", target)
	}
	if e.Err != nil && e.Kind != KindStatus && e.Kind != KindTooLarge && e.Kind != KindRedirect {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Code returns a stable code for the failure: the Kind, except that
// KindStatus gives "http_" and the status, e.g. "http_503".
func (e *Error) Code() string {
	if e.Kind == KindStatus {
		return "http_" + strconv.Itoa(e.StatusCode)
	}
	return string(e.Kind)
}

func statusText(code int) string {
	switch code {
	case 429:
		return "Too Many Requests"
	case 503:
		return "Service Unavailable"
	}
	return "status " + strconv.Itoa(code)
}

// cutBody returns at most n bytes of b as valid UTF-8 text, without
// control characters other than newline and tab.
func cutBody(b []byte, n int) string {
	if len(b) > n {
		b = b[:n]
	}
	var s strings.Builder
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		switch {
		case r == utf8.RuneError && size <= 1:
			// invalid or cut at the end: drop
		case r < 0x20 && r != '\n' && r != '\t', r == 0x7f:
			s.WriteByte(' ')
		default:
			s.WriteRune(r)
		}
	}
	return s.String()
}

// Problem returns the problem code of the failure: the kind's, or for
// KindStatus the code of the last HTTP status (problem.ForStatus).
func (e *Error) Problem() problem.Code {
	switch e.Kind {
	case KindTimeout:
		return problem.CodeTimeout
	case KindCanceled:
		return problem.CodeCanceled
	case KindNetwork:
		return problem.CodeUnreachable
	case KindTLS:
		return problem.CodeTLSFailed
	case KindStatus:
		return problem.ForStatus(e.StatusCode)
	case KindTooLarge:
		return problem.CodeAnswerTooLarge
	case KindRedirect:
		return problem.CodeRedirected
	case KindTruncated:
		return problem.CodeAnswerCutOff
	}
	return problem.CodeUnreachable
}
