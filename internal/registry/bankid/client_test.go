package bankid

import (
	"context"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/transport"
)

// fakeBankID is a test server: the OIDC provider and a session API whose
// answers each test sets.
type fakeBankID struct {
	srv        *httptest.Server
	tokens     atomic.Int64 // token requests
	lastForm   atomic.Value // the last token request's form
	lastAuth   atomic.Value // the last token request's Authorization
	lastCreate atomic.Value // the last create body
	api        http.HandlerFunc
}

func newFake(t *testing.T) *fakeBankID {
	t.Helper()
	f := &fakeBankID{}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /realm/.well-known/openid-configuration", func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]string{"issuer": f.srv.URL + "/realm", "token_endpoint": f.srv.URL + "/realm/token"})
	})
	mux.HandleFunc("POST /realm/token", func(w http.ResponseWriter, r *http.Request) {
		n := f.tokens.Add(1)
		_ = r.ParseForm()
		f.lastForm.Store(r.PostForm.Encode())
		f.lastAuth.Store(r.Header.Get("Authorization"))
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"access_token":"tok%d","expires_in":300,"token_type":"bearer","scope":%q}`, n, r.PostForm.Get("scope"))
	})
	mux.HandleFunc("/organization/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			var b map[string]any
			_ = json.NewDecoder(r.Body).Decode(&b)
			f.lastCreate.Store(b)
		}
		f.api(w, r)
	})
	f.srv = httptest.NewTLSServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

// clock is a settable test clock; sleeps advance it and are recorded.
type clock struct {
	mu    sync.Mutex
	now   time.Time
	slept []time.Duration
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.slept = append(c.slept, d)
	c.mu.Unlock()
	return ctx.Err()
}
func (c *clock) advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

var t0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func (f *fakeBankID) client(t *testing.T, mod func(*Config)) (*Client, *clock) {
	t.Helper()
	pool := x509.NewCertPool()
	pool.AddCert(f.srv.Certificate())
	hc, err := transport.New(transport.Config{RootCAs: pool, Retries: -1, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(hc.CloseIdleConnections)
	clk := &clock{now: t0}
	cfg := Config{BaseURL: f.srv.URL, OIDCBaseURL: f.srv.URL + "/realm", ClientID: "motpart", ClientSecret: "s3cret:x",
		Now: clk.Now, Sleep: clk.Sleep}
	if mod != nil {
		mod(&cfg)
	}
	c, err := New(cfg, hc)
	if err != nil {
		t.Fatal(err)
	}
	return c, clk
}

func TestTokenAuthMethodsAndScopes(t *testing.T) {
	tests := []struct {
		name     string
		auth     AuthMethod
		ofac     bool
		wantAuth string
		wantForm string
	}{
		{"basic", AuthSecretBasic, false, "Basic " + base64.StdEncoding.EncodeToString([]byte("motpart:s3cret%3Ax")),
			"grant_type=client_credentials&scope=profile+aml_organization%2Fbasic"},
		{"post with OFAC", AuthSecretPost, true, "",
			"client_id=motpart&client_secret=s3cret%3Ax&grant_type=client_credentials&scope=profile+aml_organization%2Fbasic+aml_organization%2FOFAC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t)
			c, _ := f.client(t, func(c *Config) { c.Auth, c.OFAC = tt.auth, tt.ofac })
			tok, err := c.Token(context.Background())
			if err != nil || tok != "tok1" {
				t.Fatalf("token %q, %v", tok, err)
			}
			if got := f.lastAuth.Load(); got != tt.wantAuth {
				t.Errorf("Authorization %q, want %q", got, tt.wantAuth)
			}
			if got := f.lastForm.Load(); got != tt.wantForm {
				t.Errorf("form %q, want %q", got, tt.wantForm)
			}
		})
	}
}

func TestTokenCachedAndSharedByConcurrentCallers(t *testing.T) {
	f := newFake(t)
	c, clk := f.client(t, nil)
	const n = 20
	var wg sync.WaitGroup
	got := make([]string, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], errs[i] = c.Token(context.Background())
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil || got[i] != "tok1" {
			t.Fatalf("caller %d: %q, %v", i, got[i], errs[i])
		}
	}
	if f.tokens.Load() != 1 {
		t.Fatalf("%d token requests for %d callers, want 1", f.tokens.Load(), n)
	}
	// Still cached just before the margin; replaced within it.
	clk.advance(300*time.Second - TokenMargin - time.Second)
	if tok, _ := c.Token(context.Background()); tok != "tok1" || f.tokens.Load() != 1 {
		t.Fatalf("before the margin: %q after %d requests", tok, f.tokens.Load())
	}
	clk.advance(2 * time.Second)
	if tok, _ := c.Token(context.Background()); tok != "tok2" || f.tokens.Load() != 2 {
		t.Fatalf("within the margin: %q after %d requests", tok, f.tokens.Load())
	}
}

func TestTokenRefusals(t *testing.T) {
	tests := []struct {
		status int
		body   string
		want   problem.Code
	}{
		{401, `{"error":"invalid_client"}`, problem.CodeBankIDInvalidClient},
		{400, `{"error":"invalid_client"}`, problem.CodeBankIDInvalidClient},
		{400, `{"error":"invalid_scope"}`, problem.CodeBankIDTokenRefused},
		{500, `{}`, problem.CodeRegisterServerError},
		{200, `{"access_token":"","expires_in":300,"token_type":"bearer"}`, problem.CodeUnreadableAnswer},
		{200, `{"access_token":"x","expires_in":300,"token_type":"mac"}`, problem.CodeUnreadableAnswer},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.status)+tt.body, func(t *testing.T) {
			srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.HasSuffix(r.URL.Path, "openid-configuration") {
					fmt.Fprintf(w, `{"token_endpoint":"https://%s/token"}`, r.Host)
					return
				}
				w.WriteHeader(tt.status)
				_, _ = w.Write([]byte(tt.body))
			}))
			defer srv.Close()
			f := &fakeBankID{srv: srv}
			c, _ := f.client(t, func(c *Config) { c.OIDCBaseURL = srv.URL })
			_, err := c.Token(context.Background())
			if got := problem.CodeOf(err); got != tt.want {
				t.Fatalf("code %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}

func TestCreateSessionValidatesAndSends(t *testing.T) {
	tests := []struct {
		id      string
		country ident.Country
		path    string
		ident   string
		want    problem.Code
		duns    bool
	}{
		{"311 111 116", "", "/organization/session/no", "311111116", "", false},
		{"5560747569", ident.CountrySE, "/organization/session/se", "556074-7569", "", false},
		{"0116297-6", ident.CountryFI, "/organization/session/fi", "0116297-6", "", false},
		{"31111111", ident.CountryNO, "", "", problem.CodeBankIDInvalidIdentifier, false},
		{"311111116", ident.CountrySE, "", "", problem.CodeBankIDInvalidIdentifier, false},
		{"0116297-5", ident.CountryFI, "", "", problem.CodeBankIDInvalidIdentifier, false},
		{"811218-9876", "", "", "", problem.CodeBankIDInvalidIdentifier, false},
		// D-U-N-S numbers: nine digits in the country asked about.
		{"35-478-1234", ident.CountrySE, "/organization/session/se", "354781234", "", true},
		{"354781234", ident.CountryNO, "/organization/session/no", "354781234", "", true},
		{"354781234", "", "", "", problem.CodeBankIDInvalidIdentifier, true},
		{"35478123", ident.CountryFI, "", "", problem.CodeBankIDInvalidIdentifier, true},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			f := newFake(t)
			var path string
			f.api = func(w http.ResponseWriter, r *http.Request) {
				path = r.URL.Path
				w.WriteHeader(http.StatusCreated)
				_, _ = w.Write([]byte(`{"sessionId":"s-1","created":"2026-03-01T09:00:00Z"}`))
			}
			c, _ := f.client(t, nil)
			s, err := c.CreateSession(context.Background(), Order{Identifier: tt.id, Country: tt.country, DUNS: tt.duns})
			if got := problem.CodeOf(err); got != tt.want {
				t.Fatalf("code %q (%v), want %q", got, err, tt.want)
			}
			if tt.want != "" {
				if f.tokens.Load() != 0 {
					t.Errorf("an invalid number still asked for a token")
				}
				return
			}
			if path != tt.path || s.ID != "s-1" || !s.Expires.Equal(t0.Add(2*time.Hour)) {
				t.Fatalf("path %q, session %+v", path, s)
			}
			b := f.lastCreate.Load().(map[string]any)
			if b["identifier"] != tt.ident || b["nationality"] != strings.ToUpper(tt.path[len(tt.path)-2:]) {
				t.Errorf("body %v", b)
			}
			if r, _ := json.Marshal(b["reports"]); string(r) != `["aml","certificateOfRegistration"]` {
				t.Errorf("reports %s", r)
			}
		})
	}
}

func TestStatusCodesMapToProblems(t *testing.T) {
	tests := []struct {
		status int
		want   problem.Code
	}{
		{400, problem.CodeBankIDBadRequest},
		{401, problem.CodeBankIDTokenRejected},
		{403, problem.CodeBankIDForbidden},
		{404, problem.CodeBankIDNotFound},
		{409, problem.CodeBankIDConflict},
		{410, problem.CodeBankIDSessionExpired},
		{429, problem.CodeRateLimited},
		{500, problem.CodeRegisterServerError},
		{502, problem.CodeRegisterUnavailable},
		{503, problem.CodeRegisterUnavailable},
		{418, problem.CodeUnexpectedStatus},
	}
	ops := []struct {
		name string
		call func(*Client) error
	}{
		{"create", func(c *Client) error {
			_, err := c.CreateSession(context.Background(), Order{Identifier: "311111116"})
			return err
		}},
		{"status", func(c *Client) error { _, err := c.Status(context.Background(), "s-1"); return err }},
		{"result", func(c *Client) error { _, err := c.Result(context.Background(), "s-1"); return err }},
		{"report", func(c *Client) error { _, err := c.Report(context.Background(), "s-1", "aml"); return err }},
	}
	for _, tt := range tests {
		for _, op := range ops {
			t.Run(op.name+"/"+strconv.Itoa(tt.status), func(t *testing.T) {
				f := newFake(t)
				var calls atomic.Int64
				f.api = func(w http.ResponseWriter, r *http.Request) {
					calls.Add(1)
					w.WriteHeader(tt.status)
					_, _ = w.Write([]byte(`{"error":"x"}`))
				}
				c, _ := f.client(t, nil)
				err := op.call(c)
				if got := problem.CodeOf(err); got != tt.want {
					t.Fatalf("code %q (%v), want %q", got, err, tt.want)
				}
				var be *Error
				if !errors.As(err, &be) || be.Status != tt.status {
					t.Errorf("error %#v, want status %d", err, tt.status)
				}
				// A 401 is tried once more with a new token.
				wantCalls, wantTokens := int64(1), int64(1)
				if tt.status == 401 {
					wantCalls, wantTokens = 2, 2
				}
				if calls.Load() != wantCalls || f.tokens.Load() != wantTokens {
					t.Errorf("%d calls and %d tokens, want %d and %d", calls.Load(), f.tokens.Load(), wantCalls, wantTokens)
				}
			})
		}
	}
}

// minimalPDF is enough to pass the client's checks.
const minimalPDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

func TestReportRefusesWhatIsNotAWholePDF(t *testing.T) {
	tests := []struct {
		name  string
		ctype string
		body  string
		cut   bool // announce more than is sent
		limit int64
		want  problem.Code
	}{
		{"pdf", "application/pdf", minimalPDF, false, 0, ""},
		{"pdf with parameters", "application/pdf; qs=0.9", minimalPDF, false, 0, ""},
		{"html", "text/html", "<html>error</html>", false, 0, problem.CodeBankIDReportNotPDF},
		{"pdf type, html body", "application/pdf", "<html>error</html>", false, 0, problem.CodeBankIDReportNotPDF},
		{"json", "application/json", `{"error":"x"}`, false, 0, problem.CodeBankIDReportNotPDF},
		{"no content type", "", minimalPDF, false, 0, problem.CodeBankIDReportNotPDF},
		{"no %%EOF", "application/pdf", "%PDF-1.4\n1 0 obj<<>>endobj\n", false, 0, problem.CodeAnswerCutOff},
		{"cut off", "application/pdf", minimalPDF, true, 0, problem.CodeAnswerCutOff},
		{"too large", "application/pdf", minimalPDF, false, 10, problem.CodeBankIDReportTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t)
			f.api = func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path != "/organization/session/s-1/report/aml" {
					http.NotFound(w, r)
					return
				}
				w.Header().Set("Content-Type", tt.ctype)
				if tt.cut {
					w.Header().Set("Content-Length", strconv.Itoa(len(tt.body)+100))
				}
				_, _ = w.Write([]byte(tt.body))
			}
			c, _ := f.client(t, func(c *Config) { c.MaxReportSize = tt.limit })
			b, err := c.Report(context.Background(), "s-1", "aml")
			if got := problem.CodeOf(err); got != tt.want {
				t.Fatalf("code %q (%v), want %q", got, err, tt.want)
			}
			if tt.want != "" && b != nil {
				t.Fatalf("a refused report came back: %q", b)
			}
			if tt.want == "" && string(b) != tt.body {
				t.Fatalf("report %q", b)
			}
		})
	}
}

func statusBody(created time.Time, s ...string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(s); i += 2 {
		m[s[i]] = s[i+1]
	}
	b, _ := json.Marshal(map[string]any{"sessionId": "s-1", "created": created, "expires": created.Add(2 * time.Hour), "status": m})
	return string(b)
}

func TestWaitPollsWithBackoffAndRetryAfter(t *testing.T) {
	type answer struct {
		status     int
		retryAfter string
		body       string
	}
	pending := answer{200, "", statusBody(t0, "jsonData", "IN_PROGRESS", "aml-report", "NOT_STARTED")}
	done := answer{200, "", statusBody(t0, "jsonData", "COMPLETED", "aml-report", "DONE")}
	tests := []struct {
		name    string
		answers []answer
		want    problem.Code
		slept   []time.Duration
	}{
		{"done at once", []answer{done}, "", nil},
		{"backoff doubles to the cap", []answer{pending, pending, pending, pending, pending, pending, done}, "",
			[]time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 8 * time.Second, 8 * time.Second}},
		{"429 waits its Retry-After", []answer{pending, {429, "5", `{}`}, done}, "", []time.Duration{time.Second, 5 * time.Second}},
		{"503 Retry-After capped", []answer{{503, "600", `{}`}, done}, "", []time.Duration{8 * time.Second}},
		{"429 without Retry-After backs off", []answer{{429, "", `{}`}, done}, "", []time.Duration{time.Second}},
		{"429 with a date", []answer{{429, "Sun, 01 Mar 2026 09:00:04 GMT", `{}`}, done}, "", []time.Duration{4 * time.Second}},
		{"failed", []answer{pending, {200, "", statusBody(t0, "jsonData", "COMPLETED", "aml-report", "FAILED")}}, problem.CodeBankIDSessionFailed,
			[]time.Duration{time.Second}},
		{"expired by its time", []answer{{200, "", statusBody(t0.Add(-2*time.Hour), "jsonData", "IN_PROGRESS")}}, problem.CodeBankIDSessionExpired, nil},
		{"expired by its status", []answer{{200, "", statusBody(t0, "jsonData", "EXPIRED")}}, problem.CodeBankIDSessionExpired, nil},
		{"gone", []answer{pending, {410, "", `{"error":"expired"}`}}, problem.CodeBankIDSessionExpired, []time.Duration{time.Second}},
		{"not found", []answer{{404, "", `{}`}}, problem.CodeBankIDNotFound, nil},
		{"malformed", []answer{{200, "", `{"status":`}}, problem.CodeUnreadableAnswer, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t)
			var i atomic.Int64
			f.api = func(w http.ResponseWriter, r *http.Request) {
				a := tt.answers[min(int(i.Add(1))-1, len(tt.answers)-1)]
				if a.retryAfter != "" {
					w.Header().Set("Retry-After", a.retryAfter)
				}
				w.WriteHeader(a.status)
				_, _ = w.Write([]byte(a.body))
			}
			c, clk := f.client(t, func(c *Config) { c.MaxPollWait = 8 * time.Second })
			s, err := c.Wait(context.Background(), "s-1")
			if got := problem.CodeOf(err); got != tt.want {
				t.Fatalf("code %q (%v), want %q", got, err, tt.want)
			}
			if tt.want == "" && !s.Done() {
				t.Fatalf("not done: %+v", s)
			}
			if fmt.Sprint(clk.slept) != fmt.Sprint(tt.slept) {
				t.Fatalf("slept %v, want %v", clk.slept, tt.slept)
			}
			if int(i.Load()) != len(tt.answers) {
				t.Fatalf("%d polls, want %d", i.Load(), len(tt.answers))
			}
		})
	}
}

func TestWaitStopsWithItsContext(t *testing.T) {
	f := newFake(t)
	f.api = func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(statusBody(t0, "jsonData", "IN_PROGRESS")))
	}
	c, _ := f.client(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	polls := 0
	c.cfg.Sleep = func(ctx context.Context, d time.Duration) error {
		if polls++; polls == 3 {
			cancel()
		}
		return ctx.Err()
	}
	if _, err := c.Wait(ctx, "s-1"); problem.CodeOf(err) != problem.CodeCanceled {
		t.Fatalf("%v", err)
	}
}

func TestResultParsed(t *testing.T) {
	f := newFake(t)
	f.api = func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/organization/session/s-1/jsonData" {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write([]byte(`{"keyInformation":{"name":"NORDLYS AS","organizationNumber":"311111116","country":"NO"},
			"roles":[{"type":"DAGL","name":"Kari Nordmann"}],
			"ownership":{"beneficials":[{"name":"Kari Nordmann","ownerShare":60}],"shareholders":[{"name":"X AS","organizationNumber":"312345676","share":40}]},
			"sanction":{"lists":["EU","UN"],"date":"2026-03-01","hits":[]}}`))
	}
	c, _ := f.client(t, nil)
	r, err := c.Result(context.Background(), "s-1")
	if err != nil {
		t.Fatal(err)
	}
	if r.KeyInformation.Name != "NORDLYS AS" || len(r.Roles) != 1 || r.Ownership.Beneficials[0].OwnerShare != 60 ||
		r.Ownership.Shareholders[0].OrgNumber != "312345676" || strings.Join(r.Sanction.Lists, ",") != "EU,UN" {
		t.Fatalf("%+v", r)
	}
}

func TestNewRefusesIncompleteSettings(t *testing.T) {
	hc, _ := transport.New(transport.Config{})
	ok := Config{BaseURL: "https://aml.example", OIDCBaseURL: "https://oidc.example/realm", ClientID: "a", ClientSecret: "b"}
	tests := []struct {
		name string
		mod  func(*Config)
		want problem.Code
	}{
		{"no secret", func(c *Config) { c.ClientSecret = "" }, problem.CodeBankIDConfig},
		{"bad base", func(c *Config) { c.BaseURL = "aml.example" }, problem.CodeAddressInvalid},
		{"bad oidc", func(c *Config) { c.OIDCBaseURL = "::" }, problem.CodeAddressInvalid},
		{"bad auth", func(c *Config) { c.Auth = "tls_client_auth" }, problem.CodeBankIDConfig},
		{"jwt without a key", func(c *Config) { c.Auth = AuthPrivateKeyJWT }, problem.CodeBankIDConfig},
	}
	for _, tt := range tests {
		cfg := ok
		tt.mod(&cfg)
		if _, err := New(cfg, hc); problem.CodeOf(err) != tt.want {
			t.Errorf("%s: %v, want %s", tt.name, err, tt.want)
		}
	}
}
