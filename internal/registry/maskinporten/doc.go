// Package maskinporten gets access tokens from Maskinporten, the Norwegian
// government's OAuth 2.0 server for machine-to-machine access, with the
// JWT-bearer grant (RFC 7523) signed by the firm's enterprise certificate
// (virksomhetssertifikat) or a key registered on the Maskinporten client.
//
// A Client signs a fresh grant for each token request: RS256, with the
// certificate chain in the x5c header (or a registered key's kid), the
// claims aud (the environment's issuer), iss (the client id), scope, iat,
// exp (at most 120 s after iat) and a random jti. It caches the token until
// 30 s before it expires; concurrent callers share one token request, and a
// failed request is not cached. Invalidate drops the cached token, for a
// 401 from the API that used it.
//
// Every refusal from Maskinporten is an *Error with a stable Code (the
// MP-xxx code, or the OAuth error code) and a plain-language English
// message that says what to fix; ErrorInfo and Codes give the table so
// that screens can translate it. Grants and access tokens never appear in
// errors or logs.
package maskinporten
