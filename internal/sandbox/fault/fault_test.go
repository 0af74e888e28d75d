package fault

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestSwitchesCountDown(t *testing.T) {
	tests := []struct {
		name       string
		f          Fault
		takes      []bool // whether Status applies to each request in turn
		tokenTakes []bool // whether the token faults apply to each token request
	}{
		{"healthy", Fault{}, []bool{false, false}, []bool{false}},
		{"status for ever", Fault{Status: 503}, []bool{true, true, true}, []bool{false}},
		{"status twice", Fault{Status: 500, Times: 2}, []bool{true, true, false, false}, []bool{false}},
		{"latency only", Fault{Latency: time.Millisecond}, []bool{false}, []bool{false}},
		{"MP error once", Fault{MaskinportenError: "MP-250", Times: 1}, []bool{false}, []bool{true, false}},
		{"expired tokens", Fault{ExpiredToken: true}, []bool{false}, []bool{true, true}},
	}
	for _, tt := range tests {
		var s Switches
		s.Set(ServiceRRH, tt.f)
		for i, want := range tt.takes {
			if _, got := s.Take(ServiceRRH, "/"); got != want {
				t.Errorf("%s: request %d: status applies %v, want %v", tt.name, i, got, want)
			}
		}
		for i, want := range tt.tokenTakes {
			if _, got := s.TakeToken(ServiceRRH); got != want {
				t.Errorf("%s: token request %d: applies %v, want %v", tt.name, i, got, want)
			}
		}
		if _, got := s.Take(ServiceBrreg, "/"); got {
			t.Errorf("%s: another service is faulted", tt.name)
		}
	}
}

func TestSwitchesGetAndClear(t *testing.T) {
	var s Switches
	st := &GrunndataStatus{Main: 1, Sub: 1135}
	s.Set(ServiceGrunndata, Fault{GrunndataStatus: st})
	if got := s.Get(ServiceGrunndata).GrunndataStatus; got != st {
		t.Errorf("Get: %v", got)
	}
	if _, applies := s.Take(ServiceGrunndata, "/"); applies {
		t.Error("a forced grunndata status is not an HTTP status")
	}
	s.Clear()
	if got := s.Get(ServiceGrunndata); got != (Fault{}) {
		t.Errorf("after Clear: %+v", got)
	}
}

func TestWrap(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte(`{"ok":true}`)) })
	errs := func(w http.ResponseWriter, _ *http.Request, status int) { w.WriteHeader(status) }
	tests := []struct {
		name       string
		f          Fault
		status     int
		retryAfter string
		body       string
	}{
		{"healthy", Fault{}, 200, "", `{"ok":true}`},
		{"503 with Retry-After", Fault{Status: 503, RetryAfter: 1500 * time.Millisecond}, 503, "2", ""},
		{"500 has no Retry-After", Fault{Status: 500, RetryAfter: time.Second}, 500, "", ""},
		{"malformed", Fault{Malformed: true}, 200, "", `{"ok"` + "\x00}]>#<"},
	}
	for _, tt := range tests {
		var s Switches
		s.Set(ServiceBrreg, tt.f)
		rec := httptest.NewRecorder()
		Wrap(&s, ServiceBrreg, nil, errs, ok).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
		if rec.Code != tt.status || rec.Header().Get("Retry-After") != tt.retryAfter || rec.Body.String() != tt.body {
			t.Errorf("%s: %d %q %q, want %d %q %q", tt.name, rec.Code, rec.Header().Get("Retry-After"), rec.Body, tt.status, tt.retryAfter, tt.body)
		}
	}
}

func TestSwitchesPathSuffix(t *testing.T) {
	tests := []struct {
		path string
		want bool // whether the Status applies
	}{
		{"/enhetsregisteret/api/enheter/310219622", false},
		{"/enhetsregisteret/api/enheter/310219622/roller", true},
		{"/enhetsregisteret/api/underenheter", false},
		{"/enhetsregisteret/api/enheter/310348333/roller", true},
		{"/enhetsregisteret/api/enheter/310348333/roller", false}, // Times: 2 are used up
	}
	var s Switches
	s.Set(ServiceBrreg, Fault{Status: 500, Times: 2, Hang: true, PathSuffix: "/roller"})
	for i, tt := range tests {
		f, got := s.Take(ServiceBrreg, tt.path)
		if got != tt.want {
			t.Errorf("request %d %s: status applies %v, want %v", i, tt.path, got, tt.want)
		}
		if hit := strings.HasSuffix(tt.path, "/roller"); f.Hang != hit {
			t.Errorf("request %d %s: fault %+v, want it only on /roller", i, tt.path, f)
		}
	}
}
