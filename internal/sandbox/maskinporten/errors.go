package maskinporten

import (
	"net/http"
	"strings"
)

// mpErr is one of Maskinporten's errors: the HTTP status, the OAuth2
// error and the text of error_description before its MP code.
type mpErr struct {
	status int
	oauth  string
	code   string
	text   string
}

// The MP codes of registries.md §4.5, with the texts of Maskinporten's
// troubleshooting page where it gives them. [U] Where the codes map to
// HTTP statuses and OAuth2 errors is not documented: the sandbox answers
// 400 with invalid_request, invalid_grant or invalid_scope, and 403
// access_denied for the consumer's missing grant or delegation (MP-250,
// MP-251), the "403-style access denials" of the digest. The code ends
// error_description in parentheses, e.g. "… Invalid JWT claim aud
// (MP-110)".
var mpErrs = map[string]mpErr{}

var (
	mpInvalidParameter = mpDef(400, "invalid_request", "MP-011", "Invalid assertion. Invalid parameter value")
	mpGrantUsed        = mpDef(400, "invalid_grant", "MP-012", "Invalid assertion. Grant is used before")
	mpClientAuth       = mpDef(400, "invalid_grant", "MP-100", "Invalid assertion. Client authentication failed.")
	mpAudience         = mpDef(400, "invalid_grant", "MP-110", "Invalid assertion. Client authentication failed. Invalid JWT claim aud")
	mpCertificate      = mpDef(400, "invalid_grant", "MP-120", "Invalid assertion. Client authentication failed. The JWT is signed with an invalid certificate.")
	mpExpiredKey       = mpDef(400, "invalid_grant", "MP-121", "Invalid assertion. Client authentication failed. Expired key")
	mpOtherOrg         = mpDef(400, "invalid_grant", "MP-122", "Invalid assertion. Client authentication failed. The organization number of the certificate does not match the client's organization number")
	mpX5C              = mpDef(400, "invalid_grant", "MP-123", "Invalid assertion. Client authentication failed. Invalid x5c header: failed to extract certificate from jwt")
	mpSignature        = mpDef(400, "invalid_grant", "MP-124", "Invalid assertion. Client authentication failed. Invalid JWT signature")
	mpExpired          = mpDef(400, "invalid_grant", "MP-130", "Invalid assertion. Client authentication failed. JWT is expired")
	mpScope            = mpDef(400, "invalid_scope", "MP-200", "Token request contains invalid scopes for client")
	mpScopeType        = mpDef(400, "invalid_scope", "MP-201", "Token request contains scopes with integration types only allowed for user login")
	mpNotGranted       = mpDef(403, "access_denied", "MP-250", "Consumer has not been granted access to the scope")
	mpNotDelegated     = mpDef(403, "access_denied", "MP-251", "Consumer has not delegated access to the scope to the supplier")
	mpRAR              = mpDef(400, "invalid_authorization_details", "MP-301", "Invalid authorization_details")
	_                  = mpDef(400, "invalid_authorization_details", "MP-302", "Invalid authorization_details: the consent is not valid")
	_                  = mpDef(400, "invalid_authorization_details", "MP-303", "Invalid authorization_details: the system user is not configured")
	mpServerError      = mpErr{status: 500, oauth: "server_error", text: "Internal server error"}
)

func mpDef(status int, oauth, code, text string) mpErr {
	e := mpErr{status: status, oauth: oauth, code: code, text: text}
	mpErrs[code] = e
	return e
}

// mpFail writes a Maskinporten error; detail, if any, follows the text.
func mpFail(w http.ResponseWriter, r *http.Request, e mpErr, detail string) {
	desc := e.text
	if detail != "" {
		desc = strings.TrimSuffix(desc, ".") + ": " + detail
	}
	if e.code != "" {
		desc += " (" + e.code + ")"
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSONBody(w, r, e.status, map[string]string{"error": e.oauth, "error_description": desc})
}

// WriteError writes a fault switch's status as an OAuth2 error.
func WriteError(w http.ResponseWriter, r *http.Request, status int) {
	e := mpErr{status: status, oauth: "server_error", text: http.StatusText(status)}
	if status == http.StatusServiceUnavailable || status == http.StatusTooManyRequests {
		e.oauth = "temporarily_unavailable"
	}
	mpFail(w, r, e, "")
}
