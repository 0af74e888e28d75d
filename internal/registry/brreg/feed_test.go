package brreg

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"reflect"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/problem"
)

// feedRoute answers a feed path with status and body and records the
// query of each request in *got.
func feedRoute(status int, body string, got *[]url.Values) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		*got = append(*got, r.URL.Query())
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write([]byte(body))
	}
}

const unitPage = `{"_embedded":{"oppdaterteEnheter":[
 {"oppdateringsid":9400339,"dato":"2020-10-05T04:01:22.299Z","organisasjonsnummer":"971421444","endringstype":"Sletting",
  "_links":{"enhet":{"href":"https://data.brreg.no/enhetsregisteret/api/enheter/971421444"}}},
 {"oppdateringsid":9400340,"dato":"2020-10-05T04:01:23.1Z","organisasjonsnummer":"923609016","endringstype":"Endring","endringer":["replace","/navn","X"]},
 {"oppdateringsid":"9400342","dato":"2020-10-05T06:01:23.123456789+02:00","organisasjonsnummer":"810004622","endringstype":"Noe nytt"}
]},"_links":{"self":{"href":"x"}},"page":{"size":3,"totalElements":3,"totalPages":1,"number":0}}`

const subUnitPage = `{"_embedded":{"oppdaterteUnderenheter":[
 {"oppdateringsid":5,"dato":"2026-03-15T00:00:00Z","organisasjonsnummer":"974760673","endringstype":"Ny","_links":{"underenhet":{"href":"x"}}}
]},"page":{"size":20,"totalElements":1,"totalPages":1,"number":0}}`

func TestUnitChanges(t *testing.T) {
	since := time.Date(2026, 3, 15, 1, 0, 0, 0, time.FixedZone("CET", 3600))
	tests := []struct {
		name      string
		path      string
		status    int
		body      string
		q         UnitFeedQuery
		wantQuery url.Values
		want      []UnitChange
		wantCode  string
		wantProb  problem.Code
	}{
		{
			name: "page from an id", path: "/oppdateringer/enheter", status: 200, body: unitPage,
			q:         UnitFeedQuery{From: 9400339, Size: 3},
			wantQuery: url.Values{"oppdateringsid": {"9400339"}, "size": {"3"}},
			want: []UnitChange{
				{ID: 9400339, OrgNr: "971421444", Time: time.Date(2020, 10, 5, 4, 1, 22, 299e6, time.UTC), Kind: "Sletting"},
				{ID: 9400340, OrgNr: "923609016", Time: time.Date(2020, 10, 5, 4, 1, 23, 1e8, time.UTC), Kind: "Endring"},
				{ID: 9400342, OrgNr: "810004622", Time: time.Date(2020, 10, 5, 4, 1, 23, 123456789, time.UTC), Kind: "Noe nytt"},
			},
		},
		{
			name: "more than asked is cut", path: "/oppdateringer/enheter", status: 200, body: unitPage,
			q:         UnitFeedQuery{From: 1, Size: 1},
			wantQuery: url.Values{"oppdateringsid": {"1"}, "size": {"1"}},
			want:      []UnitChange{{ID: 9400339, OrgNr: "971421444", Time: time.Date(2020, 10, 5, 4, 1, 22, 299e6, time.UTC), Kind: "Sletting"}},
		},
		{
			name: "sub-units since a time", path: "/oppdateringer/underenheter", status: 200, body: subUnitPage,
			q:         UnitFeedQuery{SubUnits: true, Since: since},
			wantQuery: url.Values{"dato": {"2026-03-15T00:00:00.000Z"}, "size": {"1000"}},
			want:      []UnitChange{{ID: 5, OrgNr: "974760673", Time: time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC), Kind: "Ny"}},
		},
		{
			name: "empty page", path: "/oppdateringer/enheter", status: 200,
			body:      `{"_links":{"self":{"href":"x"}},"page":{"size":20,"totalElements":0,"totalPages":0,"number":0}}`,
			q:         UnitFeedQuery{From: 77, Size: 50_000},
			wantQuery: url.Values{"oppdateringsid": {"77"}, "size": {"10000"}},
			want:      []UnitChange{},
		},
		{
			name: "empty list", path: "/oppdateringer/enheter", status: 200, body: `{"_embedded":{"oppdaterteEnheter":[]}}`,
			q:         UnitFeedQuery{},
			wantQuery: url.Values{"size": {"1000"}},
			want:      []UnitChange{},
		},
		{
			name: "400 for an id is too old", path: "/oppdateringer/enheter", status: 400,
			body:     `{"status":400,"error":"Bad Request","message":"oppdateringsid for gammel"}`,
			q:        UnitFeedQuery{From: 3},
			wantCode: CodeFeedTooOld, wantProb: problem.CodeFeedTooOld,
		},
		{
			name: "410 for a time is too old", path: "/oppdateringer/enheter", status: 410, body: `{}`,
			q:        UnitFeedQuery{Since: since},
			wantCode: CodeFeedTooOld, wantProb: problem.CodeFeedTooOld,
		},
		{
			name: "400 without a position is a bad query", path: "/oppdateringer/enheter", status: 400, body: `{}`,
			q:        UnitFeedQuery{},
			wantCode: CodeInvalidQuery, wantProb: problem.CodeInvalidQuery,
		},
		{
			name: "404 is not an empty feed", path: "/elsewhere", status: 200, body: unitPage,
			q:        UnitFeedQuery{From: 3},
			wantCode: "http_404", wantProb: problem.CodeUnexpectedStatus,
		},
		{
			name: "500", path: "/oppdateringer/enheter", status: 500, body: `{}`,
			q:        UnitFeedQuery{From: 3},
			wantCode: "http_500", wantProb: problem.CodeRegisterServerError,
		},
		{
			name: "wrong list for the feed", path: "/oppdateringer/enheter", status: 200, body: subUnitPage,
			q:        UnitFeedQuery{From: 3},
			wantCode: CodeMalformed, wantProb: problem.CodeUnreadableAnswer,
		},
		{
			name: "below the id asked from", path: "/oppdateringer/enheter", status: 200, body: unitPage,
			q:        UnitFeedQuery{From: 9400340},
			wantCode: CodeMalformed, wantProb: problem.CodeUnreadableAnswer,
		},
		{
			name: "ids going backwards", path: "/oppdateringer/enheter", status: 200,
			body: `{"_embedded":{"oppdaterteEnheter":[{"oppdateringsid":9,"dato":"2026-01-01T00:00:00Z","organisasjonsnummer":"971421444","endringstype":"Ny"},
				{"oppdateringsid":8,"dato":"2026-01-01T00:00:00Z","organisasjonsnummer":"971421444","endringstype":"Ny"}]}}`,
			q:        UnitFeedQuery{},
			wantCode: CodeMalformed, wantProb: problem.CodeUnreadableAnswer,
		},
		{
			name: "an id twice", path: "/oppdateringer/enheter", status: 200,
			body: `{"_embedded":{"oppdaterteEnheter":[{"oppdateringsid":9,"dato":"2026-01-01T00:00:00Z","organisasjonsnummer":"971421444","endringstype":"Ny"},
				{"oppdateringsid":9,"dato":"2026-01-01T00:00:00Z","organisasjonsnummer":"971421444","endringstype":"Ny"}]}}`,
			q:        UnitFeedQuery{},
			wantCode: CodeMalformed, wantProb: problem.CodeUnreadableAnswer,
		},
		{
			name: "not nine digits", path: "/oppdateringer/enheter", status: 200,
			body:     `{"_embedded":{"oppdaterteEnheter":[{"oppdateringsid":9,"dato":"2026-01-01T00:00:00Z","organisasjonsnummer":"97142144","endringstype":"Ny"}]}}`,
			q:        UnitFeedQuery{},
			wantCode: CodeMalformed, wantProb: problem.CodeUnreadableAnswer,
		},
		{
			name: "spaced number", path: "/oppdateringer/enheter", status: 200,
			body:     `{"_embedded":{"oppdaterteEnheter":[{"oppdateringsid":9,"dato":"2026-01-01T00:00:00Z","organisasjonsnummer":"971 421 444","endringstype":"Ny"}]}}`,
			q:        UnitFeedQuery{},
			wantCode: CodeMalformed, wantProb: problem.CodeUnreadableAnswer,
		},
		{
			name: "no time", path: "/oppdateringer/enheter", status: 200,
			body:     `{"_embedded":{"oppdaterteEnheter":[{"oppdateringsid":9,"organisasjonsnummer":"971421444","endringstype":"Ny"}]}}`,
			q:        UnitFeedQuery{},
			wantCode: CodeMalformed, wantProb: problem.CodeUnreadableAnswer,
		},
		{
			name: "no id", path: "/oppdateringer/enheter", status: 200,
			body:     `{"_embedded":{"oppdaterteEnheter":[{"dato":"2026-01-01T00:00:00Z","organisasjonsnummer":"971421444","endringstype":"Ny"}]}}`,
			q:        UnitFeedQuery{},
			wantCode: CodeMalformed, wantProb: problem.CodeUnreadableAnswer,
		},
		{
			name: "not JSON", path: "/oppdateringer/enheter", status: 200, body: `<html>`,
			q:        UnitFeedQuery{},
			wantCode: CodeMalformed, wantProb: problem.CodeUnreadableAnswer,
		},
		{
			name: "negative size is refused unasked", path: "/oppdateringer/enheter", status: 200, body: unitPage,
			q:        UnitFeedQuery{Size: -1},
			wantCode: CodeInvalidQuery, wantProb: problem.CodeInvalidQuery,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []url.Values
			s := newRESTServer(t, map[string]http.HandlerFunc{tt.path: feedRoute(tt.status, tt.body, &got)})
			changes, err := s.client(t).UnitChanges(context.Background(), tt.q)
			if tt.wantCode != "" {
				var be *Error
				if !errors.As(err, &be) || be.Code != tt.wantCode || ProblemOf(err) != tt.wantProb {
					t.Fatalf("err = %v (%s), want code %s, problem %s", err, ProblemOf(err), tt.wantCode, tt.wantProb)
				}
				if changes != nil {
					t.Errorf("changes = %v with an error", changes)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(changes, tt.want) {
				t.Errorf("changes = %+v\nwant %+v", changes, tt.want)
			}
			if len(got) != 1 || !reflect.DeepEqual(got[0], tt.wantQuery) {
				t.Errorf("queries = %v, want one %v", got, tt.wantQuery)
			}
		})
	}
}

const rolePage = `[
 {"specversion":"1.0","id":"123","source":"https://data.brreg.no/enhetsregisteret/api/enheter/923609016/roller",
  "type":"no.brreg.enhetsregisteret.rolle.oppdatert","time":"2026-03-15T10:00:00.12Z","data":{"organisasjonsnummer":"923609016"}},
 {"specversion":"1.0","id":125,"type":"no.brreg.enhetsregisteret.rolle.oppdatert","time":"2026-03-15T11:00:00Z","data":{"organisasjonsnummer":"810004622"}},
 {"specversion":"1.0","id":"a-b","type":"no.brreg.enhetsregisteret.rolle.oppdatert","time":"2026-03-15T12:00:00+01:00","data":{"organisasjonsnummer":"971421444","ekstra":1}}
]`

func TestRoleChanges(t *testing.T) {
	at := time.Date(2026, 3, 15, 9, 0, 0, 0, time.UTC)
	all := []RoleChange{
		{ID: "123", Seq: 123, OrgNr: "923609016", Time: time.Date(2026, 3, 15, 10, 0, 0, 12e7, time.UTC), Type: "no.brreg.enhetsregisteret.rolle.oppdatert"},
		{ID: "125", Seq: 125, OrgNr: "810004622", Time: time.Date(2026, 3, 15, 11, 0, 0, 0, time.UTC), Type: "no.brreg.enhetsregisteret.rolle.oppdatert"},
		{ID: "a-b", Seq: 0, OrgNr: "971421444", Time: time.Date(2026, 3, 15, 11, 0, 0, 0, time.UTC), Type: "no.brreg.enhetsregisteret.rolle.oppdatert"},
	}
	tests := []struct {
		name      string
		opts      FeedOptions
		status    int
		body      string
		q         RoleFeedQuery
		wantQuery url.Values
		want      []RoleChange
		wantCode  string
	}{
		{name: "after an id", status: 200, body: rolePage, q: RoleFeedQuery{AfterID: 122, Size: 10},
			wantQuery: url.Values{"afterId": {"122"}, "size": {"10"}}, want: all},
		{name: "after a time, cut to size", status: 200, body: rolePage, q: RoleFeedQuery{AfterTime: at, Size: 2},
			wantQuery: url.Values{"afterTime": {"2026-03-15T09:00:00.000Z"}, "size": {"2"}}, want: all[:2]},
		{name: "parameter names configured", opts: FeedOptions{AfterIDParam: "fraId", AfterTimeParam: "fraTid"},
			status: 200, body: rolePage, q: RoleFeedQuery{AfterID: 1},
			wantQuery: url.Values{"fraId": {"1"}, "size": {"1000"}}, want: all},
		{name: "empty array", status: 200, body: " [ ] ", q: RoleFeedQuery{AfterID: 999},
			wantQuery: url.Values{"afterId": {"999"}, "size": {"1000"}}, want: []RoleChange{}},
		{name: "410 too old", status: 410, body: `{}`, q: RoleFeedQuery{AfterID: 1}, wantCode: CodeFeedTooOld},
		{name: "400 too old", status: 400, body: `{}`, q: RoleFeedQuery{AfterTime: at}, wantCode: CodeFeedTooOld},
		{name: "only 410 configured as too old", opts: FeedOptions{TooOld: []int{410}}, status: 400, body: `{}`,
			q: RoleFeedQuery{AfterID: 1}, wantCode: CodeInvalidQuery},
		{name: "at or before the id asked after", status: 200, body: rolePage, q: RoleFeedQuery{AfterID: 123}, wantCode: CodeMalformed},
		{name: "backwards", status: 200, body: `[{"id":"5","time":"2026-01-01T00:00:00Z","data":{"organisasjonsnummer":"923609016"}},
			{"id":"4","time":"2026-01-01T00:00:00Z","data":{"organisasjonsnummer":"923609016"}}]`, wantCode: CodeMalformed},
		{name: "no data", status: 200, body: `[{"id":"5","time":"2026-01-01T00:00:00Z"}]`, wantCode: CodeMalformed},
		{name: "bad number", status: 200, body: `[{"id":"5","time":"2026-01-01T00:00:00Z","data":{"organisasjonsnummer":"92360901X"}}]`, wantCode: CodeMalformed},
		{name: "bad time", status: 200, body: `[{"id":"5","time":"15.03.2026","data":{"organisasjonsnummer":"923609016"}}]`, wantCode: CodeMalformed},
		{name: "no id", status: 200, body: `[{"time":"2026-01-01T00:00:00Z","data":{"organisasjonsnummer":"923609016"}}]`, wantCode: CodeMalformed},
		{name: "an object, not an array", status: 200, body: `{"_embedded":{}}`, wantCode: CodeMalformed},
		{name: "503", status: 503, body: ``, q: RoleFeedQuery{AfterID: 1}, wantCode: "http_503"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []url.Values
			s := newRESTServer(t, map[string]http.HandlerFunc{"/oppdateringer/roller": feedRoute(tt.status, tt.body, &got)})
			changes, err := s.client(t).WithFeedOptions(tt.opts).RoleChanges(context.Background(), tt.q)
			if tt.wantCode != "" {
				if ErrorCode(err) != tt.wantCode {
					t.Fatalf("err = %v, want code %s", err, tt.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(changes, tt.want) {
				t.Errorf("changes = %+v\nwant %+v", changes, tt.want)
			}
			if len(got) != 1 || !reflect.DeepEqual(got[0], tt.wantQuery) {
				t.Errorf("queries = %v, want one %v", got, tt.wantQuery)
			}
		})
	}
}

func TestFeedTooOldProblem(t *testing.T) {
	err := &Error{Op: "oppdateringer/enheter", Code: CodeFeedTooOld, StatusCode: 410}
	if got := ProblemOf(err); got != problem.CodeFeedTooOld {
		t.Errorf("ProblemOf = %s, want %s", got, problem.CodeFeedTooOld)
	}
	if got, want := err.Error(), "brreg: oppdateringer/enheter: the register no longer serves its change feed from that position"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
