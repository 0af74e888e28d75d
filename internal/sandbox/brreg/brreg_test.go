package brreg

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/world"
)

func TestUnitPaths(t *testing.T) {
	w, err := world.New()
	if err != nil {
		t.Fatal(err)
	}
	// A fixed clock: the answers are compared with fixed timestamps.
	now := func() time.Time { return time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC) }
	const base = "https://127.0.0.1:1/enhetsregisteret/api"
	tests := []struct {
		name   string
		opts   Options
		path   string
		status int
		field  string // a member the JSON body must have
		value  any    // its value, when not nil
	}{
		{"a unit", Options{Now: now}, "/enheter/" + world.RichestOrgNr, 200, "organisasjonsnummer", world.RichestOrgNr},
		{"a deleted unit", Options{Now: now}, "/enheter/" + world.DeletedOrgNr, 200, "slettedato", nil},
		{"deleted as a duplicate", Options{Now: now}, "/enheter/" + world.DuplicateOrgNr, 200, "slettedato", nil},
		{"removed from open data", Options{Now: now}, "/enheter/" + world.RemovedOrgNr, 410, "status", 410.0},
		{"removed: roles", Options{Now: now}, "/enheter/" + world.RemovedOrgNr + "/roller", 410, "status", 410.0},
		{"removed: not a sub-unit", Options{Now: now}, "/underenheter/" + world.RemovedOrgNr, 404, "status", 404.0},
		{"a sub-unit as a unit", Options{Now: now}, "/enheter/" + world.SubUnitOrgNr, 404, "timestamp", "2026-11-26T10:00:00.000+00:00"},
		{"a sub-unit", Options{Now: now}, "/underenheter/" + world.SubUnitOrgNr, 200, "overordnetEnhet", world.RichestOrgNr},
		{"never created", Options{Now: now}, "/enheter/" + world.NeverCreatedOrgNr, 404, "status", 404.0},
		{"bad check digit", Options{Now: now}, "/enheter/311111117", 400, "status", 400.0},
		{"bad check digit, 404 chosen", Options{Now: now, Checksum404: true}, "/enheter/311111117", 404, "status", 404.0},
		{"outside the API", Options{Now: now}, "/enheter/" + world.RichestOrgNr + "/x", 404, "path", BasePath + "/enheter/" + world.RichestOrgNr + "/x"},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		New(w, tt.opts, base).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, BasePath+tt.path, nil))
		var m map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
			t.Errorf("%s: %v\n%s", tt.name, err, rec.Body)
			continue
		}
		if rec.Code != tt.status || m[tt.field] == nil || tt.value != nil && m[tt.field] != tt.value {
			t.Errorf("%s: %d %s=%v, want %d %v", tt.name, rec.Code, tt.field, m[tt.field], tt.status, tt.value)
		}
	}
}

func TestErrorWriter(t *testing.T) {
	// A fixed clock: the answers are compared with fixed timestamps.
	now := func() time.Time { return time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC) }
	for _, status := range []int{429, 500, 503} {
		rec := httptest.NewRecorder()
		ErrorWriter(Options{Now: now})(rec, httptest.NewRequest(http.MethodGet, BasePath+"/enheter/1", nil), status)
		var e jsonError
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || rec.Code != status || e.Status != status ||
			e.Error != http.StatusText(status) || e.Path != BasePath+"/enheter/1" || e.Timestamp != "2026-11-26T10:00:00.000+00:00" {
			t.Errorf("%d: %d %+v %v", status, rec.Code, e, err)
		}
	}
}
