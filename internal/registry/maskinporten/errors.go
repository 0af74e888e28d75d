package maskinporten

import (
	"strconv"
	"strings"

	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/transport"
)

// Codes of refusals that carry no MP number: the OAuth error code, or one
// of these, recognised from the error description.
const (
	// CodeClockSkew: "Issue time is after now": the grant's iat is in
	// Maskinporten's future.
	CodeClockSkew = "clock_skew"
	// CodeUnknown: an OAuth error without a code Motpart knows.
	CodeUnknown = "unknown"
)

// Stable codes of the failures that are not refusals (ResponseError.Code).
const (
	CodeMalformed = "malformed" // Maskinporten's answer could not be read
)

// errorInfo is the table of codes, the problem code each maps to, and
// what to do about them, in plain English. Keep it in the order of Codes.
var errorInfo = [...]struct {
	code    string
	problem problem.Code
	msg     string
}{
	{"MP-100", problem.CodeMPUnknownClient, "Maskinporten does not know the client: the client id is unknown in this Maskinporten environment, or the grant is addressed to the wrong environment. Check the client id in Settings, and that test and production are not mixed up."},
	{"MP-110", problem.CodeMPWrongAudience, "The grant is addressed to the wrong Maskinporten (its aud claim). Check the Maskinporten environment in Settings: aud must be the environment's issuer, e.g. https://maskinporten.no/ in production."},
	{"MP-120", problem.CodeMPCertificateRefused, "Maskinporten does not accept the certificate the grant was signed with. A production certificate cannot be used in the test environment, nor a test certificate in production; check that the enterprise certificate is valid and meant for this environment."},
	{"MP-121", problem.CodeMPKeyExpired, "The key registered on the Maskinporten client has expired (registered keys last one year). Register a new key on the client in Maskinporten's self-service portal, then update the key id in Settings."},
	{"MP-122", problem.CodeMPCertificateOtherOrg, "This certificate belongs to another organisation than the Maskinporten client. Use the enterprise certificate of the organisation that owns the client, or a client registered by the certificate's organisation."},
	{"MP-123", problem.CodeMPCertificateUnreadable, "Maskinporten could not read the certificate in the grant (the x5c header). Import the enterprise certificate again, with its full chain."},
	{"MP-124", problem.CodeMPBadSignature, "The grant's signature is not valid: the private key does not match the certificate or the key registered on the client. Import the certificate and its private key again."},
	{"MP-130", problem.CodeMPGrantExpired, "Maskinporten says the grant has expired. The clock of this computer is probably wrong: set the date and time to update automatically, then try again."},
	{"MP-011", problem.CodeMPInvalidValue, "Maskinporten rejected a value in the token request. Check the client id and the scopes in Settings for typing errors, stray spaces or line breaks."},
	{"MP-012", problem.CodeMPGrantReused, "Maskinporten says this grant was used before. Try again: Motpart signs a new grant for every request. If it keeps happening, report it."},
	{"MP-200", problem.CodeMPScopeNotOnClient, "The scope is not registered on the Maskinporten client. Add the scope to the client in Maskinporten's self-service portal; if the scope is not offered there, ask Brønnøysund for the scope first."},
	{"MP-201", problem.CodeMPWrongClientType, "The scope cannot be used with this kind of Maskinporten client (wrong integration type). Create a client of the Maskinporten (API consumer) type and add the scope to it."},
	{"MP-250", problem.CodeMPScopeNotGranted, "Your organisation has not been given this scope. Ask Brønnøysund for the scope (for the Register of beneficial owners: opendata@brreg.no), then try again."},
	{"MP-251", problem.CodeMPScopeNotDelegated, "The customer has not delegated this scope to your organisation. Ask the customer to delegate the API access to you in Altinn."},
	{"MP-301", problem.CodeMPAuthorizationDetails, "Maskinporten rejected the authorisation details of the request (system user or consent). Motpart does not send them: report it."},
	{"MP-302", problem.CodeMPAuthorizationDetails, "Maskinporten rejected the authorisation details of the request (system user or consent). Motpart does not send them: report it."},
	{"MP-303", problem.CodeMPAuthorizationDetails, "Maskinporten rejected the authorisation details of the request (system user or consent). Motpart does not send them: report it."},
	{CodeClockSkew, problem.CodeMPClockSkew, "The clock of this computer is wrong: it is ahead of Maskinporten's. Set the date and time to update automatically, then try again."},
	{"invalid_client", problem.CodeMPInvalidClient, "Maskinporten does not know the client id. Check the client id in Settings (it is shown in Maskinporten's self-service portal)."},
	{"unauthorized_client", problem.CodeMPUnauthorizedClient, "The Maskinporten client may not use this kind of grant. Check that the client is of the Maskinporten (API consumer) type."},
	{"invalid_scope", problem.CodeMPInvalidScope, "Maskinporten does not accept the scopes asked for. Check the scopes in Settings, and ask Brønnøysund for the scope if your organisation has not been given it."},
	{"access_denied", problem.CodeMPAccessDenied, "Maskinporten refused access to the scope. Ask Brønnøysund for the scope, or the customer to delegate it in Altinn."},
	{"invalid_grant", problem.CodeMPInvalidGrant, "Maskinporten rejected the grant. Check the client id, the certificate and the computer's clock, then try again."},
	{"invalid_request", problem.CodeMPInvalidRequest, "Maskinporten rejected the token request as malformed. Check the client id and scopes in Settings; if it keeps happening, report it."},
	{"unsupported_grant_type", problem.CodeMPUnsupportedGrant, "This Maskinporten environment does not accept the JWT-bearer grant. Check the Maskinporten address in Settings."},
	{"server_error", problem.CodeMPServerError, "Maskinporten had an internal error. Try again later."},
	{"temporarily_unavailable", problem.CodeMPUnavailable, "Maskinporten is unavailable at the moment. Try again later."},
	{CodeUnknown, problem.CodeMPRefused, "Maskinporten refused the token request. Check the client id, the scopes, the certificate and the computer's clock in Settings."},
}

// Codes lists every code ErrorInfo knows, MP codes first.
func Codes() []string {
	out := make([]string, len(errorInfo))
	for i, e := range errorInfo {
		out[i] = e.code
	}
	return out
}

// ErrorInfo says in plain English what a refusal code means and what to
// fix. code is an Error's Code ("MP-122", "invalid_scope", "clock_skew"),
// or the same with the "mp_" prefix of a dossier.Source code ("mp_122",
// "mp_invalid_scope"). It is "" for a code it does not know.
func ErrorInfo(code string) string {
	c := canonicalCode(code)
	for _, e := range errorInfo {
		if e.code == c {
			return e.msg
		}
	}
	return ""
}

// canonicalCode turns "mp_122", "MP-122", "mp-122" or "122" into "MP-122",
// and "mp_invalid_scope" into "invalid_scope".
func canonicalCode(code string) string {
	c := strings.TrimSpace(code)
	c = strings.TrimPrefix(c, "mp_")
	if len(c) == 6 && (c[:3] == "MP-" || c[:3] == "mp-" || c[:3] == "Mp-" || c[:3] == "mP-") {
		c = c[3:]
	}
	if len(c) == 3 && isDigits(c) {
		return "MP-" + c
	}
	return strings.ToLower(c)
}

// SourceCode is the dossier.Source code for a refusal code: "mp_" and the
// MP number ("mp_122"), or "mp_" and the code ("mp_invalid_scope").
func SourceCode(code string) string {
	c := canonicalCode(code)
	if strings.HasPrefix(c, "MP-") {
		return "mp_" + c[3:]
	}
	if c == "" {
		c = CodeUnknown
	}
	return "mp_" + c
}

// Error is a refusal from Maskinporten: an OAuth error response, e.g.
// {"error":"invalid_grant","error_description":"Invalid assertion. Client
// authentication failed. (MP-100)"}.
type Error struct {
	// Code is the MP code ("MP-122") when the description carries one or
	// its text is known, otherwise the OAuth error code ("invalid_scope")
	// or CodeClockSkew or CodeUnknown.
	Code string
	// OAuthCode is the "error" field, e.g. "invalid_grant".
	OAuthCode string
	// Description is the "error_description", cut short, with anything
	// that looks like a token removed.
	Description string
	// StatusCode is the HTTP status of the answer.
	StatusCode int
	// Scopes are the scopes asked for, for messages about scopes.
	Scopes []string
}

// Error implements error: what to fix, then Maskinporten's own words.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("maskinporten: ")
	b.WriteString(e.Message())
	b.WriteString(" (Maskinporten: ")
	if e.Code != "" && e.Code != e.OAuthCode {
		b.WriteString(e.Code)
		b.WriteString(", ")
	}
	if e.OAuthCode != "" {
		b.WriteString(e.OAuthCode)
	} else {
		b.WriteString("error")
	}
	if e.Description != "" {
		b.WriteString(": ")
		b.WriteString(e.Description)
	}
	b.WriteString(")")
	return b.String()
}

// Message is the plain English message for the refusal, naming the
// scopes when the refusal is about them.
func (e *Error) Message() string {
	msg := ErrorInfo(e.Code)
	if msg == "" {
		msg = ErrorInfo(CodeUnknown)
	}
	switch canonicalCode(e.Code) {
	case "MP-200", "MP-201", "MP-250", "MP-251", "invalid_scope", "access_denied":
		if len(e.Scopes) > 0 {
			msg += " Scope asked for: " + strings.Join(e.Scopes, " ") + "."
		}
	}
	return msg
}

// SourceCode is the code for dossier.Source: "mp_122", "mp_invalid_scope".
func (e *Error) SourceCode() string { return SourceCode(e.Code) }

// Problem returns the problem code of the refusal (ProblemOf its Code).
func (e *Error) Problem() problem.Code { return ProblemOf(e.Code) }

// ProblemOf returns the problem code of a refusal code in any of the
// forms ErrorInfo takes ("MP-122", "mp_122", "invalid_scope"), and
// problem.CodeMPRefused for a code it does not know.
func ProblemOf(code string) problem.Code {
	c := canonicalCode(code)
	for _, e := range errorInfo {
		if e.code == c {
			return e.problem
		}
	}
	return problem.CodeMPRefused
}

// ResponseError is an answer from Maskinporten that is neither a token
// nor a refusal: an unexpected HTTP status, or a body that could not be
// read.
type ResponseError struct {
	// Op is "token" or "metadata".
	Op string
	// Code is "http_" and the status ("http_500"), or CodeMalformed.
	Code       string
	StatusCode int
	// Err is the underlying error, if any.
	Err error
}

// Error implements error.
func (e *ResponseError) Error() string {
	var b strings.Builder
	b.WriteString("maskinporten: ")
	b.WriteString(e.Op)
	b.WriteString(": ")
	if e.Code == CodeMalformed {
		b.WriteString("the answer could not be read")
	} else {
		b.WriteString("unexpected HTTP status ")
		b.WriteString(strconv.Itoa(e.StatusCode))
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *ResponseError) Unwrap() error { return e.Err }

// Problem returns the problem code of the answer: an unreadable answer,
// or the code of its HTTP status.
func (e *ResponseError) Problem() problem.Code {
	if e.Code == CodeMalformed {
		return problem.CodeUnreadableAnswer
	}
	return problem.ForStatus(e.StatusCode)
}

// phrases recognises refusals whose description carries no MP code, from
// Maskinporten's troubleshooting page. Matched lower case, in order.
var phrases = [...]struct{ text, code string }{
	{"issue time is after now", CodeClockSkew},
	{"client not found", "MP-100"},
	{"invalid jwt claim aud", "MP-110"},
	{"grant is used before", "MP-012"},
	{"jwt is expired", "MP-130"},
	{"failed to extract certificate", "MP-123"},
	{"invalid scopes for client", "MP-200"},
	{"integration types only allowed", "MP-201"},
	{"invalid parameter value", "MP-011"},
	{"client authentication failed", "MP-100"},
	{"signature", "MP-124"},
}

// classify finds the code of a refusal: an MP code in the description,
// else a known phrase, else the OAuth code.
func classify(oauth, desc string) string {
	if c := findMPCode(desc); c != "" {
		return c
	}
	low := strings.ToLower(desc)
	for _, p := range phrases {
		if strings.Contains(low, p.text) {
			return p.code
		}
	}
	oauth = strings.ToLower(strings.TrimSpace(oauth))
	for _, e := range errorInfo {
		if e.code == oauth {
			return oauth
		}
	}
	return CodeUnknown
}

// findMPCode returns the first "MP-" followed by three digits in s, as
// "MP-nnn", or "".
func findMPCode(s string) string {
	for i := 0; i+6 <= len(s); i++ {
		if (s[i] == 'M' || s[i] == 'm') && (s[i+1] == 'P' || s[i+1] == 'p') && s[i+2] == '-' && isDigits(s[i+3:i+6]) {
			if i+6 < len(s) && s[i+6] >= '0' && s[i+6] <= '9' {
				continue
			}
			return "MP-" + s[i+3:i+6]
		}
	}
	return ""
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// sanitize returns s as transport.RegisterText does (one line of valid
// UTF-8 of at most n bytes, no control characters), with anything shaped
// like a JWT (three base64url parts starting "eyJ") replaced by "[token]".
func sanitize(s string, n int) string {
	fields := strings.Fields(strings.ToValidUTF8(s, ""))
	for i, f := range fields {
		if looksLikeJWT(f) {
			fields[i] = "[token]"
		}
	}
	return transport.RegisterText(strings.Join(fields, " "), n)
}

func looksLikeJWT(s string) bool {
	i := strings.Index(s, "eyJ")
	if i < 0 {
		return false
	}
	s = s[i:]
	return strings.Count(s, ".") >= 2 || len(s) > 40
}
