package bankid

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/motpart/motpart/internal/sandbox/world"
)

func newSim(t *testing.T, opts Options) *Server {
	t.Helper()
	w, err := world.New()
	if err != nil {
		t.Fatal(err)
	}
	return New(w, opts)
}

func do(t *testing.T, h http.Handler, method, target, auth string, body string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	if auth != "" {
		r.Header.Set("Authorization", auth)
	}
	if method == http.MethodPost && strings.HasSuffix(target, "/token") {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec
}

func TestTokenEndpointChecksClientAndScopes(t *testing.T) {
	s := newSim(t, Options{})
	basic := "Basic " + basicAuth(DefaultClientID, DefaultClientSecret)
	tests := []struct {
		name   string
		auth   string
		form   url.Values
		status int
		errOut string
	}{
		{"basic", basic, url.Values{"grant_type": {"client_credentials"}, "scope": {"profile aml_organization/basic"}}, 200, ""},
		{"post", "", url.Values{"grant_type": {"client_credentials"}, "scope": {"aml_organization/basic aml_organization/OFAC"},
			"client_id": {DefaultClientID}, "client_secret": {DefaultClientSecret}}, 200, ""},
		{"wrong secret", "Basic " + basicAuth(DefaultClientID, "x"), url.Values{"grant_type": {"client_credentials"}, "scope": {"aml_organization/basic"}}, 401, "invalid_client"},
		{"no basic scope", basic, url.Values{"grant_type": {"client_credentials"}, "scope": {"profile"}}, 400, "invalid_scope"},
		{"unknown scope", basic, url.Values{"grant_type": {"client_credentials"}, "scope": {"aml_organization/basic openid"}}, 400, "invalid_scope"},
		{"wrong grant", basic, url.Values{"grant_type": {"password"}, "scope": {"aml_organization/basic"}}, 400, "unsupported_grant_type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, s, http.MethodPost, TokenPath, tt.auth, tt.form.Encode())
			var body map[string]any
			_ = json.Unmarshal(rec.Body.Bytes(), &body)
			if rec.Code != tt.status || tt.errOut != "" && body["error"] != tt.errOut {
				t.Fatalf("%d %v", rec.Code, body)
			}
			if tt.status == 200 && (body["expires_in"] != 300.0 || body["token_type"] != "bearer" || body["access_token"] == "") {
				t.Fatalf("%v", body)
			}
		})
	}
	if got := s.Count("token"); got != len(tests) {
		t.Errorf("%d token requests counted, want %d", got, len(tests))
	}
}

func basicAuth(id, secret string) string {
	r, _ := http.NewRequest(http.MethodGet, "/", nil)
	r.SetBasicAuth(id, secret)
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Basic ")
}

func bearer(t *testing.T, s *Server) string {
	t.Helper()
	rec := do(t, s, http.MethodPost, TokenPath, "Basic "+basicAuth(DefaultClientID, DefaultClientSecret),
		"grant_type=client_credentials&scope=aml_organization%2Fbasic")
	var body struct {
		AccessToken string `json:"access_token"`
	}
	_ = json.Unmarshal(rec.Body.Bytes(), &body)
	return "Bearer " + body.AccessToken
}

func TestSessionLifecycle(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	s := newSim(t, Options{Polls: 2, Now: func() time.Time { return now }})
	auth := bearer(t, s)
	rec := do(t, s, http.MethodPost, "/organization/session/no", auth,
		`{"identifier":"`+world.RichestOrgNr+`","nationality":"NO","reports":["aml","certificateOfRegistration"]}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("create: %d %s", rec.Code, rec.Body)
	}
	var created struct {
		SessionID string            `json:"sessionId"`
		Expires   string            `json:"expires"`
		Status    map[string]string `json:"status"`
	}
	_ = json.Unmarshal(rec.Body.Bytes(), &created)
	id := created.SessionID
	if created.Expires != "2026-03-01T11:00:00Z" || created.Status["aml-report"] != "NOT_STARTED" || rec.Header().Get("Location") != "/organization/session/"+id {
		t.Fatalf("%+v %v", created, rec.Header())
	}
	if rec := do(t, s, http.MethodGet, "/organization/session/"+id+"/jsonData", auth, ""); rec.Code != http.StatusConflict {
		t.Fatalf("result before completion: %d", rec.Code)
	}
	for i, want := range []string{"IN_PROGRESS", "COMPLETED", "COMPLETED"} {
		rec := do(t, s, http.MethodGet, "/organization/session/"+id, auth, "")
		var st struct{ Status map[string]string }
		_ = json.Unmarshal(rec.Body.Bytes(), &st)
		if st.Status["jsonData"] != want || st.Status["certificateOfRegistration-report"] != want {
			t.Fatalf("poll %d: %v, want %s", i+1, st.Status, want)
		}
	}
	rec = do(t, s, http.MethodGet, "/organization/session/"+id+"/jsonData", auth, "")
	var result struct {
		KeyInformation struct{ Name, OrganizationNumber string }
		Roles          []struct{ Type, Name string }
		Ownership      struct{ Beneficials, Shareholders []map[string]any }
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &result); err != nil || result.KeyInformation.OrganizationNumber != world.RichestOrgNr ||
		result.KeyInformation.Name == "" || len(result.Roles) == 0 {
		t.Fatalf("result %d %s", rec.Code, rec.Body)
	}
	for _, name := range []string{"aml", "certificateOfRegistration"} {
		rec := do(t, s, http.MethodGet, "/organization/session/"+id+"/report/"+name, auth, "")
		if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(rec.Body.Bytes(), []byte("%PDF-")) {
			t.Fatalf("%s: %d %q", name, rec.Code, rec.Header())
		}
		checkPDF(t, rec.Body.Bytes(), result.KeyInformation.Name, world.RichestOrgNr)
	}
	// Two hours on, the session is gone; the token too.
	now = now.Add(2 * time.Hour)
	auth = bearer(t, s)
	if rec := do(t, s, http.MethodGet, "/organization/session/"+id, auth, ""); rec.Code != http.StatusGone {
		t.Fatalf("expired: %d", rec.Code)
	}
}

func TestSessionRefusals(t *testing.T) {
	s := newSim(t, Options{Polls: -1})
	auth := bearer(t, s)
	tests := []struct {
		name, method, path, auth, body string
		status                         int
	}{
		{"no token", "GET", "/organization/session/x", "", "", 401},
		{"bad token", "GET", "/organization/session/x", "Bearer nope", "", 401},
		{"unknown session", "GET", "/organization/session/x", auth, "", 404},
		{"unknown country", "POST", "/organization/session/dk", auth, `{"identifier":"311111116"}`, 404},
		{"unknown company", "POST", "/organization/session/no", auth, `{"identifier":"999999999"}`, 404},
		{"country mismatch", "POST", "/organization/session/se", auth, `{"identifier":"311111116","nationality":"NO"}`, 400},
		{"unknown report", "POST", "/organization/session/no", auth, `{"identifier":"311111116","reports":["x"]}`, 400},
		{"malformed", "POST", "/organization/session/no", auth, `{"identifier":`, 400},
		{"swedish firm", "POST", "/organization/session/se", auth, `{"identifier":"559123-4561","reports":["aml"]}`, 201},
		{"finnish firm", "POST", "/organization/session/fi", auth, `{"identifier":"3123456-3"}`, 201},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if rec := do(t, s, tt.method, tt.path, tt.auth, tt.body); rec.Code != tt.status {
				t.Fatalf("%d %s, want %d", rec.Code, rec.Body, tt.status)
			}
		})
	}
}

func TestFailingCompany(t *testing.T) {
	s := newSim(t, Options{Polls: 1})
	auth := bearer(t, s)
	rec := do(t, s, http.MethodPost, "/organization/session/no", auth, `{"identifier":"`+world.FailureOrgNr+`","reports":["aml"]}`)
	if rec.Code != 201 {
		t.Fatalf("create: %d %s", rec.Code, rec.Body)
	}
	var c struct{ SessionID string }
	_ = json.Unmarshal(rec.Body.Bytes(), &c)
	rec = do(t, s, http.MethodGet, "/organization/session/"+c.SessionID, auth, "")
	if !strings.Contains(rec.Body.String(), `"aml-report":"FAILED"`) {
		t.Fatalf("%s", rec.Body)
	}
}

// checkPDF checks the PDF's structure: the xref table's offsets point at
// their objects, startxref at the table; and, when poppler's pdftotext is
// installed, that a real reader finds the name and number in its text.
func checkPDF(t *testing.T, b []byte, name, number string) {
	t.Helper()
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("no startxref at the end")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	head := regexp.MustCompile(`^xref\n0 (\d+)\n`).FindSubmatch(b[xref:])
	if head == nil {
		t.Fatalf("startxref %d points at %q", xref, b[xref:min(len(b), xref+10)])
	}
	n, _ := strconv.Atoi(string(head[1]))
	entries := strings.Split(string(b[xref:]), "\n")[3 : 3+n-1]
	for i, e := range entries {
		off, _ := strconv.Atoi(e[:10])
		if want := fmt.Sprintf("%d 0 obj", i+1); !bytes.HasPrefix(b[off:], []byte(want)) {
			t.Fatalf("object %d at %d: %q", i+1, off, b[off:off+10])
		}
	}
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatal("pdftotext is not installed (poppler-utils; make test installs it): the PDF cannot be read by a real reader")
	}
	cmd := exec.Command(path, "-", "-")
	cmd.Stdin = bytes.NewReader(b)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if !strings.Contains(string(out), name) || !strings.Contains(string(out), number) {
		t.Fatalf("pdftotext found no %q or %q in %q", name, number, out)
	}
}

// TestPDFWithNordicLetters: the reports print Æ, Ø, Å, Ä, Ö, the Sámi
// letters and PDF's special characters, as a real reader reads them.
func TestPDFWithNordicLetters(t *testing.T) {
	s := newSim(t, Options{})
	tests := []struct{ name, number string }{
		{"Ærlig Økonomi Å (Åbo) Ä Ö \\ x", "311111116"},
		{"ČUOVGA ĐUODJI ŊUORA ÁŠŠI SA", world.SamiOrgNr},
		{"Ŧuomma Žiiđáš áčđŋšŧž", "310700002"},
	}
	for _, tt := range tests {
		for _, report := range []string{ReportAML, ReportRegistration} {
			c := &company{Name: tt.name, Number: tt.number, Country: "no"}
			ss := &session{id: "s1", company: c.forSession(false), created: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), reports: []string{report}}
			b, err := s.makePDF(ss, report)
			if err != nil {
				t.Fatal(err)
			}
			checkPDF(t, b, tt.name, tt.number)
		}
	}
}

func TestClientAssertionChecks(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	s := newSim(t, Options{ClientKey: &key.PublicKey, Now: func() time.Time { return now }})
	aud := "https://example.com" + TokenPath
	sign := func(mod func(jwt.MapClaims)) string {
		c := jwt.MapClaims{"iss": DefaultClientID, "sub": DefaultClientID, "aud": aud,
			"iat": now.Unix(), "exp": now.Unix() + 60, "jti": randomID()}
		if mod != nil {
			mod(c)
		}
		a, err := jwt.NewWithClaims(jwt.SigningMethodRS256, c).SignedString(key)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	replayed := sign(nil)
	tests := []struct {
		name      string
		assertion string
		typ       string
		status    int
	}{
		{"good", replayed, "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", 200},
		{"replayed", replayed, "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", 401},
		{"wrong type", sign(nil), "jwt", 401},
		{"wrong audience", sign(func(c jwt.MapClaims) { c["aud"] = "https://elsewhere" + TokenPath }), "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", 401},
		{"expired", sign(func(c jwt.MapClaims) { c["exp"] = now.Unix() - 1 }), "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", 401},
		{"too long", sign(func(c jwt.MapClaims) { c["exp"] = now.Unix() + 600 }), "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", 401},
		{"other client", sign(func(c jwt.MapClaims) { c["iss"], c["sub"] = "x", "x" }), "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", 401},
	}
	for _, tt := range tests {
		form := url.Values{"grant_type": {"client_credentials"}, "scope": {"aml_organization/basic"},
			"client_id": {DefaultClientID}, "client_assertion_type": {tt.typ}, "client_assertion": {tt.assertion}}
		r := httptest.NewRequest(http.MethodPost, "https://example.com"+TokenPath, strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r)
		if rec.Code != tt.status {
			t.Errorf("%s: %d %s, want %d", tt.name, rec.Code, rec.Body, tt.status)
		}
	}
}
