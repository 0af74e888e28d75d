package bankid

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/fault"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// bearerWith gets a token for the scopes.
func bearerWith(t *testing.T, s *Server, scopes string) string {
	t.Helper()
	form := url.Values{"grant_type": {"client_credentials"}, "scope": {scopes}}
	rec := do(t, s, http.MethodPost, TokenPath, "Basic "+basicAuth(DefaultClientID, DefaultClientSecret), form.Encode())
	var body struct {
		AccessToken string `json:"access_token"`
	}
	_ = json.Unmarshal(rec.Body.Bytes(), &body)
	return "Bearer " + body.AccessToken
}

// create orders a session and returns its id.
func create(t *testing.T, s *Server, auth, cc, body string) string {
	t.Helper()
	rec := do(t, s, http.MethodPost, "/organization/session/"+cc, auth, body)
	if rec.Code != http.StatusCreated {
		t.Fatalf("create: %d %s", rec.Code, rec.Body)
	}
	var c struct{ SessionID string }
	_ = json.Unmarshal(rec.Body.Bytes(), &c)
	return c.SessionID
}

// TestScreeningFollowsTheScopes: the OFAC list is screened, and its hits
// reported, only for a token with the OFAC scope; hits are objects.
func TestScreeningFollowsTheScopes(t *testing.T) {
	s := newSim(t, Options{Delays: ZeroDelays()})
	tests := []struct {
		scopes string
		lists  string
		hits   int
	}{
		{"profile aml_organization/basic", "EU,UN", 2},
		{"profile aml_organization/basic aml_organization/OFAC", "EU,UN,OFAC", 3},
	}
	for _, tt := range tests {
		auth := bearerWith(t, s, tt.scopes)
		id := create(t, s, auth, "se", `{"identifier":"`+world.SESanctionsOrgNr+`"}`)
		rec := do(t, s, http.MethodGet, "/organization/session/"+id+"/jsonData", auth, "")
		var res struct {
			Sanction struct {
				Lists   []string
				Date    string
				Hits    []map[string]string
				PEPHits []map[string]string
			}
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
			t.Fatalf("%d %s", rec.Code, rec.Body)
		}
		sc := res.Sanction
		if strings.Join(sc.Lists, ",") != tt.lists || sc.Date != world.ScreeningDate || len(sc.Hits) != tt.hits || len(sc.PEPHits) != 0 {
			t.Fatalf("%s: %+v", tt.scopes, sc)
		}
		if h := sc.Hits[0]; h["name"] != "Ivan Testovitsj Primerov" || h["list"] != world.ListEU || h["detail"] == "" || h["birthDate"] != "1961-07-07" {
			t.Errorf("hit %v", h)
		}
	}
}

// TestSimulatorFaults: a session created under NeverFinish stays
// IN_PROGRESS (and one created before it does not); NotPDF sends an HTML
// page with the Content-Type it names.
func TestSimulatorFaults(t *testing.T) {
	var f fault.Fault
	s := newSim(t, Options{Delays: ZeroDelays(), Fault: func() fault.Fault { return f }})
	auth := bearer(t, s)
	before := create(t, s, auth, "no", `{"identifier":"`+world.RichestOrgNr+`","reports":["aml"]}`)
	tests := []struct {
		name   string
		fault  fault.Fault
		status string // the status of aml-report
		report int    // the report's HTTP status
		ct     string // its Content-Type
		pdf    bool
	}{
		{"healthy", fault.Fault{}, Completed, 200, "application/pdf", true},
		{"never finishes", fault.Fault{NeverFinish: true}, InProgress, 409, "application/json", false},
		{"HTML said to be a PDF", fault.Fault{NotPDF: "application/pdf"}, Completed, 200, "application/pdf", false},
		{"HTML", fault.Fault{NotPDF: "text/html"}, Completed, 200, "text/html", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f = tt.fault
			id := create(t, s, auth, "fi", `{"identifier":"`+world.FIYTunnus+`","reports":["aml"]}`)
			rec := do(t, s, http.MethodGet, "/organization/session/"+id, auth, "")
			if !strings.Contains(rec.Body.String(), `"aml-report":"`+tt.status+`"`) {
				t.Fatalf("status %s", rec.Body)
			}
			rec = do(t, s, http.MethodGet, "/organization/session/"+id+"/report/aml", auth, "")
			if rec.Code != tt.report || rec.Header().Get("Content-Type") != tt.ct || bytes.HasPrefix(rec.Body.Bytes(), []byte("%PDF-")) != tt.pdf {
				t.Fatalf("%d %q %.20q", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
			}
			if rec := do(t, s, http.MethodGet, "/organization/session/"+before, auth, ""); !strings.Contains(rec.Body.String(), `"aml-report":"COMPLETED"`) {
				t.Fatalf("the session made before the fault: %s", rec.Body)
			}
		})
	}
}

// TestWebhookRequests: a create request's webhooks need an absolute
// http(s) URL and known events.
func TestWebhookRequests(t *testing.T) {
	s := newSim(t, Options{Delays: ZeroDelays(), WebhookClient: &http.Client{Transport: refuse{}}})
	auth := bearer(t, s)
	tests := []struct {
		name, hooks string
		status      int
	}{
		{"good", `{"url":"http://127.0.0.1:1/hook","events":["AllDone"]}`, 201},
		{"all events by default", `{"url":"https://example.com/hook"}`, 201},
		{"relative URL", `{"url":"/hook","events":["AllDone"]}`, 400},
		{"other scheme", `{"url":"ftp://example.com/hook"}`, 400},
		{"unknown event", `{"url":"https://example.com/hook","events":["Done"]}`, 400},
	}
	for _, tt := range tests {
		rec := do(t, s, http.MethodPost, "/organization/session/no", auth, `{"identifier":"`+world.RichestOrgNr+`","webhooks":`+tt.hooks+`}`)
		if rec.Code != tt.status {
			t.Errorf("%s: %d %s, want %d", tt.name, rec.Code, rec.Body, tt.status)
		}
	}
	s.Close()
	if got := s.Count("webhook"); got != 3 { // AllDone; then JsonDataReady and AllDone (no reports asked for)
		t.Errorf("%d webhooks attempted, want 3", got)
	}
}

type refuse struct{}

func (refuse) RoundTrip(*http.Request) (*http.Response, error) { return nil, http.ErrHandlerTimeout }

// TestSign: the signature is the hex HMAC-SHA256 of the body under the
// secret, prefixed "sha256=" (checked against Python's hmac).
func TestSign(t *testing.T) {
	body := `{"sessionId":"s1","event":"AllDone","timestamp":"2026-03-01T09:00:00Z"}`
	want := "sha256=d7252d459eca1e7d5143dc99bce661d8c6996f840bd6c52314a9e21e3a83fd12"
	if got := Sign(DefaultWebhookSecret, []byte(body)); got != want {
		t.Fatalf("%s, want %s", got, want)
	}
	b, _ := json.Marshal(WebhookBody{SessionID: "s1", Event: EventAllDone, Timestamp: "2026-03-01T09:00:00Z"})
	if string(b) != body {
		t.Fatalf("body %s", b)
	}
}

// TestPDFsAreDeterministic: the same session's report is the same bytes
// each time; another session's differs (its id is printed).
func TestPDFsAreDeterministic(t *testing.T) {
	s := newSim(t, Options{})
	created := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	c := s.companies[key("fi", world.FIPEPYTunnus)].forSession(false)
	tests := []struct {
		report string
		other  string // another session id
	}{
		{ReportAML, "s2"}, {ReportRegistration, "s3"},
	}
	for _, tt := range tests {
		one := &session{id: "s1", company: c, created: created, reports: []string{tt.report}}
		a, err1 := s.makePDF(one, tt.report)
		b, err2 := s.makePDF(one, tt.report)
		other, err3 := s.makePDF(&session{id: tt.other, company: c, created: created, reports: []string{tt.report}}, tt.report)
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatal(err1, err2, err3)
		}
		if !bytes.Equal(a, b) || bytes.Equal(a, other) {
			t.Errorf("%s: deterministic %v, differs for another session %v", tt.report, bytes.Equal(a, b), !bytes.Equal(a, other))
		}
		if !bytes.Contains(a, []byte("/CreationDate (D:20260301090000")) {
			t.Errorf("%s: no creation date from the session", tt.report)
		}
	}
}
