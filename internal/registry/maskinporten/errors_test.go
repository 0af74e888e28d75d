package maskinporten

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// mpErrors are Maskinporten's refusals, as it words them, with the code
// each must become and a phrase of the message.
var mpErrors = []struct {
	status     int
	body       string
	code, want string
}{
	{400, `{"error":"invalid_grant","error_description":"Invalid assertion. Client authentication failed. (MP-100)"}`, "MP-100", "client id is unknown"},
	{400, `{"error":"invalid_grant","error_description":"Client not found"}`, "MP-100", "client id is unknown"},
	{400, `{"error":"invalid_grant","error_description":"Invalid assertion. Client authentication failed. Invalid JWT claim aud (MP-110)"}`, "MP-110", "wrong Maskinporten"},
	{400, `{"error":"invalid_grant","error_description":"Certificate is not valid (MP-120)"}`, "MP-120", "production certificate"},
	{400, `{"error":"invalid_grant","error_description":"Expired key (MP-121)"}`, "MP-121", "registered keys last one year"},
	{400, `{"error":"invalid_grant","error_description":"Invalid certificate: organization number does not match client (MP-122)"}`, "MP-122", "belongs to another organisation than the Maskinporten client"},
	{400, `{"error":"invalid_grant","error_description":"Failed to extract certificate from jwt (MP-123)"}`, "MP-123", "full chain"},
	{400, `{"error":"invalid_grant","error_description":"Invalid JWT signature (MP-124)"}`, "MP-124", "private key does not match"},
	{400, `{"error":"invalid_grant","error_description":"JWT is expired (MP-130)"}`, "MP-130", "clock of this computer"},
	{400, `{"error":"invalid_request","error_description":"Invalid assertion. Invalid parameter value (MP-011)"}`, "MP-011", "stray spaces"},
	{400, `{"error":"invalid_grant","error_description":"Grant is used before (MP-012)"}`, "MP-012", "used before"},
	{400, `{"error":"invalid_scope","error_description":"Token request contains invalid scopes for client (MP-200)"}`, "MP-200", "ask Brønnøysund for the scope"},
	{400, `{"error":"invalid_scope","error_description":"Token request contains scopes with integration types only allowed for user login (MP-201)"}`, "MP-201", "integration type"},
	{403, `{"error":"access_denied","error_description":"Consumer has not been granted access to the scope (MP-250)"}`, "MP-250", "Ask Brønnøysund for the scope"},
	{403, `{"error":"access_denied","error_description":"Consumer has not delegated access to the scope to supplier (MP-251)"}`, "MP-251", "delegate the API access"},
	{400, `{"error":"invalid_request","error_description":"Invalid authorization_details (MP-301)"}`, "MP-301", "authorisation details"},
	{400, `{"error":"invalid_grant","error_description":"Issue time is after now"}`, CodeClockSkew, "clock of this computer is wrong"},
	{400, `{"error":"invalid_grant","error_description":"JWT is expired"}`, "MP-130", "clock"},
	{400, `{"error":"invalid_grant","error_description":"Grant is used before"}`, "MP-012", "used before"},
	{400, `{"error":"invalid_scope","error_description":"Token request contains invalid scopes for client"}`, "MP-200", "not registered on the Maskinporten client"},
	{401, `{"error":"invalid_client"}`, "invalid_client", "client id"},
	{400, `{"error":"something_new","error_description":"?"}`, CodeUnknown, "refused the token request"},
}

func TestRefusals(t *testing.T) {
	for _, tc := range mpErrors {
		t.Run(tc.code, func(t *testing.T) {
			clk := newClock()
			m := newMPServer(t, clk)
			m.fail(tc.status, tc.body)
			c := m.client(t, nil)
			_, err := c.Token(t.Context())
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v (%T), want *Error", err, err)
			}
			if e.Code != tc.code || e.StatusCode != tc.status {
				t.Errorf("code %q status %d, want %q %d", e.Code, e.StatusCode, tc.code, tc.status)
			}
			if !strings.Contains(strings.ToLower(err.Error()), strings.ToLower(tc.want)) {
				t.Errorf("message %q lacks %q", err.Error(), tc.want)
			}
			if strings.Contains(e.Message(), "eyJ") || strings.Contains(err.Error(), "assertion=") {
				t.Errorf("message leaks: %q", err.Error())
			}
			if ErrorInfo(e.SourceCode()) == "" || ErrorInfo(e.Code) != ErrorInfo(e.SourceCode()) {
				t.Errorf("ErrorInfo(%q) / ErrorInfo(%q) disagree", e.Code, e.SourceCode())
			}
			// The failure is not cached.
			m.fail(0, "")
			if _, err := c.Token(t.Context()); err != nil {
				t.Fatalf("after the refusal: %v", err)
			}
			if n := m.posts.Load(); n != 2 {
				t.Errorf("%d requests, want 2", n)
			}
		})
	}
}

func TestOtherFailures(t *testing.T) {
	for _, tc := range []struct {
		status int
		body   string
		code   string
	}{
		{500, `<html>Internal error</html>`, "http_500"},
		{400, `not json`, "http_400"},
		{200, `{"token_type":"Bearer","expires_in":120}`, CodeMalformed},
		{200, `{"access_token":"x","token_type":"MAC","expires_in":120}`, CodeMalformed},
		{200, `{"access_token":"x","token_type":"Bearer"}`, CodeMalformed},
		{200, `[`, CodeMalformed},
	} {
		t.Run(tc.code, func(t *testing.T) {
			m := newMPServer(t, newClock())
			m.fail(tc.status, tc.body)
			_, err := m.client(t, nil).Token(t.Context())
			var re *ResponseError
			if !errors.As(err, &re) || re.Code != tc.code {
				t.Fatalf("err = %v, want ResponseError %s", err, tc.code)
			}
		})
	}
}

func TestSecretsStayOut(t *testing.T) {
	m := newMPServer(t, newClock())
	c := m.client(t, nil)
	tok, err := c.Token(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{fmt.Sprint(tok), fmt.Sprintf("%v %+v %#v", tok, tok, tok)} {
		if strings.Contains(s, tok.AccessToken) {
			t.Errorf("printing a Token shows it: %s", s)
		}
	}
	// A refusal that quotes a token does not repeat it.
	m.fail(400, `{"error":"invalid_grant","error_description":"Bad grant eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln (MP-124)"}`)
	c.Invalidate()
	_, err = c.Token(t.Context())
	if err == nil || strings.Contains(err.Error(), "eyJhbGci") {
		t.Errorf("err = %v", err)
	}
}

func TestErrorInfoTable(t *testing.T) {
	codes := Codes()
	seen := map[string]bool{}
	for _, c := range codes {
		if seen[c] {
			t.Errorf("%s twice", c)
		}
		seen[c] = true
		if ErrorInfo(c) == "" {
			t.Errorf("no text for %s", c)
		}
	}
	for _, c := range []string{"MP-100", "MP-110", "MP-120", "MP-121", "MP-122", "MP-123", "MP-124", "MP-130", "MP-011", "MP-012", "MP-200", "MP-201", "MP-250", "MP-251", "MP-301", "MP-302", "MP-303"} {
		if !seen[c] {
			t.Errorf("%s missing", c)
		}
	}
	for in, want := range map[string]string{"mp_122": "MP-122", "MP-122": "MP-122", "mp-122": "MP-122", "122": "MP-122", "mp_invalid_scope": "invalid_scope", "mp_clock_skew": CodeClockSkew} {
		if got := canonicalCode(in); got != want {
			t.Errorf("canonicalCode(%q) = %q, want %q", in, got, want)
		}
	}
	if SourceCode("MP-122") != "mp_122" || SourceCode("invalid_scope") != "mp_invalid_scope" {
		t.Error("SourceCode")
	}
	if findMPCode("xx (MP-1220)") != "" || findMPCode("Expired key (mp-121).") != "MP-121" {
		t.Error("findMPCode")
	}
}
