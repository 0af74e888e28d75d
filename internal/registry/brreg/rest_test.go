package brreg

import (
	"context"
	"crypto/x509"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/registry/transport"
)

const apiPrefix = "/enhetsregisteret/api"

// reply answers with a status and a JSON body.
func reply(status int, body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write(body)
	}
}

func springError(status int, msg string) []byte {
	return fmt.Appendf(nil, `{"timestamp":"2026-03-15T10:00:00.000+00:00","status":%d,"error":"%s","message":%q,"path":"/enhetsregisteret/api/x"}`,
		status, http.StatusText(status), msg)
}

// hang waits until the client gives up (or 5 s pass). It reads the
// request body first: the server notices a closed connection only then.
func hang(w http.ResponseWriter, r *http.Request) {
	io.Copy(io.Discard, r.Body)
	select {
	case <-r.Context().Done():
	case <-time.After(5 * time.Second):
	}
}

// cutOff sends a Content-Length larger than the body and closes.
func cutOff(w http.ResponseWriter, r *http.Request) {
	conn, bufrw, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	bufrw.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1473\r\n\r\n{\"organisasjonsnummer\": \"112233445\", \"navn\": \"SES")
	bufrw.Flush()
	conn.Close()
}

// restServer serves routes, keyed by path relative to the API base, with
// "?overordnetEnhet=N" appended for sub-unit searches. It counts the
// requests.
type restServer struct {
	*httptest.Server
	calls atomic.Int32
}

func newRESTServer(t *testing.T, routes map[string]http.HandlerFunc) *restServer {
	t.Helper()
	s := &restServer{}
	s.Server = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.calls.Add(1)
		if got := r.Header.Get("Accept"); got != "application/json" {
			t.Errorf("Accept = %q", got)
		}
		key := strings.TrimPrefix(r.URL.Path, apiPrefix)
		if p := r.URL.Query().Get("overordnetEnhet"); p != "" {
			key += "?overordnetEnhet=" + p
		}
		h, ok := routes[key]
		if !ok {
			reply(http.StatusNotFound, springError(404, "Ingen ressurs for "+key))(w, r)
			return
		}
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// client returns a REST client of s, with quick retries and timeouts.
func (s *restServer) client(t *testing.T) *REST {
	t.Helper()
	pool := x509.NewCertPool()
	pool.AddCert(s.Certificate())
	tc, err := transport.New(transport.Config{RootCAs: pool, Timeout: 300 * time.Millisecond, RetryWait: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tc.CloseIdleConnections)
	return NewREST(s.URL+apiPrefix+"/", tc)
}

func TestRESTLookup(t *testing.T) {
	unit := recorded(t, "enheter-details-response.json")
	deleted := recorded(t, "enheter-details-deleted-response.json")
	sub := recorded(t, "underenheter-details-response.json")
	subDeleted := recorded(t, "underenheter-details-deleted-response.json")
	rolesPerson := recorded(t, "enheter-roller-person-response.json")
	subSearch := recorded(t, "underenheter-search-response.json")
	emptySubSearch := recorded(t, "underenheter-search-empty-response.json")

	// the routes of a healthy legal unit 112233445
	healthy := func() map[string]http.HandlerFunc {
		return map[string]http.HandlerFunc{
			"/enheter/112233445":                      reply(200, unit),
			"/enheter/112233445/roller":               reply(200, rolesPerson),
			"/underenheter?overordnetEnhet=112233445": reply(200, subSearch),
			"/underenheter/112233445":                 reply(404, springError(404, "")),
			"/enheter/776655441":                      reply(404, springError(404, "Ingen enhet med organisasjonsnummer 776655441")),
			"/underenheter/776655441":                 reply(200, sub),
			"/enheter/123456789":                      reply(200, deleted),
			"/enheter/987123456":                      reply(404, springError(404, "")),
			"/enheter/989898989":                      reply(410, nil),
			"/underenheter/989898989": func(w http.ResponseWriter, r *http.Request) {
				t.Error("asked /underenheter after a 410 from /enheter")
				reply(200, []byte(strings.ReplaceAll(string(subDeleted), "987123456", "989898989")))(w, r)
			},
			"/underenheter/987123456":                 reply(200, subDeleted),
			"/underenheter?overordnetEnhet=123456789": reply(200, emptySubSearch),
			"/enheter/111111111":                      reply(400, springError(400, "Ugyldig organisasjonsnummer")),
			"/enheter/222222222":                      reply(410, deleted[:0]),
			"/enheter/333333333":                      reply(410, []byte(strings.ReplaceAll(string(deleted), "123456789", "333333333"))),
			"/enheter/444444444":                      reply(200, []byte(`{"organisasjonsnummer": "444444444", "navn": `)),
			"/enheter/555555555":                      reply(200, unit), // a different number in the body
			"/enheter/666666666":                      hang,
			"/enheter/777777777":                      cutOff,
			"/enheter/888888888":                      reply(503, []byte("<html>Vedlikehold</html>")),
			"/enheter/999999999":                      reply(429, nil),
			"/enheter/121212121":                      reply(500, springError(500, "Internal Server Error")),
			"/enheter/131313131":                      reply(200, []byte(strings.ReplaceAll(string(unit), "112233445", "131313131"))),
			"/enheter/131313131/roller":               reply(500, springError(500, "")),
			"/underenheter?overordnetEnhet=131313131": reply(200, emptySubSearch),
			"/enheter/141414141":                      reply(200, []byte(strings.ReplaceAll(string(unit), "112233445", "141414141"))),
			"/enheter/141414141/roller":               reply(200, rolesPerson),
			"/underenheter?overordnetEnhet=141414141": reply(200, []byte(`{"_embedded": {"underenheter": [{"organisasjonsnummer": 1}]}, "page": {}}`)),
			"/enheter/151515151":                      reply(200, []byte(strings.ReplaceAll(string(unit), "112233445", "151515151"))),
			"/enheter/151515151/roller":               reply(404, springError(404, "")),
			"/underenheter?overordnetEnhet=151515151": reply(200, emptySubSearch),
		}
	}

	tests := []struct {
		name    string
		orgnr   string
		status  dossier.Status
		code    string
		company string // the Company's number; "" for none
		check   func(t *testing.T, r Result)
	}{
		{"found", "112233445", dossier.StatusFound, "", "112233445", func(t *testing.T, r Result) {
			if r.Company.Name != "SESAM STASJON" || *r.Company.Employees != 50 || r.Company.SubUnit {
				t.Errorf("company %+v", r.Company)
			}
			if len(r.Roles) != 1 || r.Roles[0].Person.Name != "Ove Olsen" || r.Roles[0].Type.Code != "LEDE" {
				t.Errorf("roles %+v", r.Roles)
			}
			if len(r.SubUnits) != 1 || !reflect.DeepEqual(r.SubUnits[0], dossier.UnitRef{Number: "334455660", Name: "TRYLLEBUTIKKEN SESAM", Form: "BEDR",
				Address: &dossier.Address{Lines: []string{"Sagstua"}, PostalCode: "2120", City: "NORD-ODAL", Municipality: "NORD-ODAL", MunicipalityNumber: "0418", Country: "Norge", CountryCode: "NO"}}) {
				t.Errorf("sub-units %+v", r.SubUnits)
			}
			if r.Source.Redirect != nil || len(r.Source.Notes) != 0 {
				t.Errorf("source %+v", r.Source)
			}
		}},
		{"typed with spaces", "112 233 445", dossier.StatusFound, "", "112233445", nil},
		{"deleted (200 with slettedato)", "123456789", dossier.StatusDeleted, "", "123456789", func(t *testing.T, r Result) {
			if r.Source.Date != "2017-10-20" || !r.Company.Deleted || r.Roles != nil || !strings.Contains(r.Source.Message, "2017-10-20") {
				t.Errorf("result %+v %+v", r.Source, r.Company)
			}
		}},
		{"deleted (410 with slettedato)", "333333333", dossier.StatusDeleted, "", "333333333", func(t *testing.T, r Result) {
			if r.Source.Date != "2017-10-20" {
				t.Errorf("date %q", r.Source.Date)
			}
		}},
		{"sub-unit asked as a unit", "776655441", dossier.StatusFound, "", "776655441", func(t *testing.T, r Result) {
			if !r.Company.SubUnit || r.Company.Parent != "112233445" || r.Company.LocationAddress == nil {
				t.Errorf("company %+v", r.Company)
			}
			if want := (dossier.Redirect{Reason: "sub_unit", Number: "112233445"}); r.Source.Redirect == nil || *r.Source.Redirect != want {
				t.Errorf("redirect %+v", r.Source.Redirect)
			}
		}},
		{"deleted sub-unit (404, then underenheter)", "987123456", dossier.StatusDeleted, "", "987123456", func(t *testing.T, r Result) {
			if !r.Company.SubUnit || r.Source.Date != "2017-10-20" {
				t.Errorf("result %+v", r)
			}
		}},
		{"not found anywhere", "202020202", dossier.StatusNotFound, "not_found", "", nil},
		// 410: removed from the open data, not "not found", and no
		// sub-unit retry (issue 11, item 6; this row said not_found).
		{"410 without a body", "222222222", dossier.StatusNoData, "removed", "", nil},
		{"410, no sub-unit retry", "989898989", dossier.StatusNoData, "removed", "", func(t *testing.T, r Result) {
			if r.Source.Problem != "removed_from_open_data" || !strings.Contains(r.Source.Message, "removed") || strings.Contains(r.Source.Message, "no unit") {
				t.Errorf("source %+v", r.Source)
			}
		}},
		{"400", "111111111", dossier.StatusFailed, "invalid_number", "", func(t *testing.T, r Result) {
			if !strings.Contains(r.Source.Message, "Ugyldig organisasjonsnummer") {
				t.Errorf("message %q does not pass on the register's", r.Source.Message)
			}
		}},
		{"not a number", "12345", dossier.StatusFailed, "invalid_number", "", nil},
		{"malformed JSON", "444444444", dossier.StatusFailed, "malformed", "", nil},
		{"another unit in the body", "555555555", dossier.StatusFailed, "malformed", "", nil},
		{"hang", "666666666", dossier.StatusFailed, "timeout", "", nil},
		{"truncated", "777777777", dossier.StatusFailed, "truncated", "", nil},
		{"503 after retries", "888888888", dossier.StatusFailed, "http_503", "", func(t *testing.T, r Result) {
			if !strings.Contains(r.Source.Message, "503") || !strings.Contains(r.Source.Message, "Try again") {
				t.Errorf("message %q", r.Source.Message)
			}
		}},
		{"429 after retries", "999999999", dossier.StatusFailed, "http_429", "", nil},
		{"500", "121212121", dossier.StatusFailed, "http_500", "", nil},
		// A part that fails does not sink the unit (issue 11, item 8;
		// these rows said failed, with no facts).
		{"roles fail", "131313131", dossier.StatusFound, "", "131313131", func(t *testing.T, r Result) {
			want := []dossier.SourceNote{{Code: dossier.NoteRolesUnread, Problem: "roles_unread", Cause: "register_server_error"}}
			if !sameNotes(r.Source.Notes, want) || r.Roles != nil || r.SubUnits != nil {
				t.Errorf("notes %+v, roles %v, sub-units %v", r.Source.Notes, r.Roles, r.SubUnits)
			}
			if !slices.Equal(r.Source.Missing, []dossier.Part{dossier.PartRoles}) {
				t.Errorf("missing %v, want the roles (a lookup keeps the saved ones)", r.Source.Missing)
			}
		}},
		{"sub-units malformed", "141414141", dossier.StatusFound, "", "141414141", func(t *testing.T, r Result) {
			want := []dossier.SourceNote{{Code: dossier.NoteSubUnitsUnread, Problem: "sub_units_unread", Cause: "unreadable_answer"}}
			if !sameNotes(r.Source.Notes, want) || len(r.Roles) != 1 || r.SubUnits != nil {
				t.Errorf("notes %+v, roles %v, sub-units %v", r.Source.Notes, r.Roles, r.SubUnits)
			}
		}},
		{"no roles (404)", "151515151", dossier.StatusFound, "", "151515151", func(t *testing.T, r Result) {
			if r.Roles != nil || r.SubUnits != nil {
				t.Errorf("roles %v, sub-units %v", r.Roles, r.SubUnits)
			}
		}},
	}
	srv := newRESTServer(t, healthy())
	c := srv.client(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := time.Now().UTC()
			r := c.Lookup(context.Background(), tt.orgnr)
			if r.Source.ID != "brreg" || r.Source.Status != tt.status || r.Source.Code != tt.code {
				t.Fatalf("source %+v, want status %s code %q", r.Source, tt.status, tt.code)
			}
			if r.Source.Fetched.Before(before) || r.Source.Fetched.Location() != time.UTC || r.Source.Duration <= 0 {
				t.Errorf("fetched %v, duration %v", r.Source.Fetched, r.Source.Duration)
			}
			got := ""
			if r.Company != nil {
				got = r.Company.Number
			}
			if got != tt.company {
				t.Errorf("company %q, want %q", got, tt.company)
			}
			if tt.status == dossier.StatusFailed || tt.status == dossier.StatusNotFound {
				if r.Company != nil || r.Roles != nil || r.SubUnits != nil || r.Source.Redirect != nil {
					t.Errorf("a %s result holds facts: %+v", tt.status, r)
				}
				if r.Source.Message == "" {
					t.Error("no message")
				}
			}
			if tt.check != nil {
				tt.check(t, r)
			}
		})
	}
}

func TestRESTRetriesCounted(t *testing.T) {
	srv := newRESTServer(t, map[string]http.HandlerFunc{"/enheter/888888888": reply(503, nil)})
	r := srv.client(t).Lookup(context.Background(), "888888888")
	if r.Source.Code != "http_503" || srv.calls.Load() != transport.DefaultRetries+1 {
		t.Errorf("code %q after %d calls, want http_503 after %d", r.Source.Code, srv.calls.Load(), transport.DefaultRetries+1)
	}
}

func TestRESTLookupCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// The caller gives up once the request has reached the register.
	srv := newRESTServer(t, map[string]http.HandlerFunc{"/enheter/666666666": func(w http.ResponseWriter, r *http.Request) {
		cancel()
		hang(w, r)
	}})
	r := srv.client(t).Lookup(ctx, "666666666")
	if r.Source.Status != dossier.StatusFailed || r.Source.Code != "canceled" {
		t.Errorf("source %+v", r.Source)
	}
}

func TestRESTUnitErrors(t *testing.T) {
	srv := newRESTServer(t, map[string]http.HandlerFunc{
		"/enheter/111111111": reply(400, springError(400, "Ugyldig organisasjonsnummer")),
	})
	c := srv.client(t)
	_, err := c.Unit(context.Background(), "111111111")
	if ErrorCode(err) != CodeInvalidNumber || !strings.Contains(err.Error(), "Ugyldig organisasjonsnummer") {
		t.Errorf("400: %v", err)
	}
	_, err = c.Unit(context.Background(), "202020202")
	if !isNotFound(err) || !strings.Contains(err.Error(), "enheter/202020202") {
		t.Errorf("404: %v", err)
	}
	if _, err := c.Roles(context.Background(), "x"); ErrorCode(err) != CodeInvalidNumber {
		t.Errorf("roles of x: %v", err)
	}
	if srv.calls.Load() != 2 {
		t.Errorf("calls %d: an invalid number must not be sent", srv.calls.Load())
	}
}

func TestRESTSearch(t *testing.T) {
	page1 := recorded(t, "enheter-search-page1-response.json")
	empty := recorded(t, "enheter-search-empty-response.json")
	subs := recorded(t, "underenheter-search-response.json")
	var lastQuery atomic.Value
	srv := newRESTServer(t, map[string]http.HandlerFunc{
		"/enheter": func(w http.ResponseWriter, r *http.Request) {
			lastQuery.Store(r.URL.RawQuery)
			switch r.URL.Query().Get("navn") {
			case "Sesam":
				reply(200, page1)(w, r)
			case "<bad>":
				reply(400, springError(400, "Ugyldig parameter"))(w, r)
			default:
				reply(200, empty)(w, r)
			}
		},
		"/underenheter?overordnetEnhet=443322119": reply(200, subs),
	})
	c := srv.client(t)
	ctx := context.Background()

	p, err := c.Search(ctx, SearchQuery{Name: "Sesam", Form: "AS,FLI", Municipality: "5001", Size: 2})
	if err != nil || p.TotalElements != 3 || p.TotalPages != 2 || len(p.Units) != 2 || p.Units[0].Name != "SESAM AS" {
		t.Fatalf("search: %+v, %v", p, err)
	}
	if q := lastQuery.Load().(string); q != "kommunenummer=5001&navn=Sesam&organisasjonsform=AS%2CFLI&page=0&size=2" {
		t.Errorf("query %s", q)
	}
	p, err = c.Search(ctx, SearchQuery{Name: "jibberish"})
	if err != nil || p.TotalElements != 0 || p.Units != nil {
		t.Errorf("empty search: %+v, %v", p, err)
	}
	if q := lastQuery.Load().(string); !strings.Contains(q, "size=20") {
		t.Errorf("default size missing: %s", q)
	}
	p, err = c.Search(ctx, SearchQuery{Parent: "443322119", SubUnits: true})
	if err != nil || len(p.Units) != 1 || !p.Units[0].SubUnit || p.Units[0].Parent != "443322119" {
		t.Errorf("sub-unit search: %+v, %v", p, err)
	}
	if _, err := c.Search(ctx, SearchQuery{Name: "<bad>"}); ErrorCode(err) != CodeInvalidQuery || !strings.Contains(err.Error(), "Ugyldig parameter") {
		t.Errorf("400 search: %v", err)
	}

	calls := srv.calls.Load()
	for _, q := range []SearchQuery{
		{Name: "a", Page: 500, Size: 20}, // hits 10000-10019
		{Name: "a", Page: 0, Size: 10001},
		{Name: "a", Page: 2, Size: 5000},
		{Name: "a", Page: 1 << 40, Size: 1 << 40},
		{Name: "a", Page: -1},
		{Name: "a", Parent: "12"},
	} {
		_, err := c.Search(ctx, q)
		if code := ErrorCode(err); code != CodeInvalidQuery && code != CodeInvalidNumber {
			t.Errorf("%+v: %v, want refused", q, err)
		}
	}
	if _, err := c.Search(ctx, SearchQuery{Name: "a", Page: 499, Size: 20}); err != nil {
		t.Errorf("the last page within the limit refused: %v", err)
	}
	if srv.calls.Load() != calls+1 {
		t.Errorf("searches past the limit were sent")
	}
}

func TestRESTSubUnitsPaging(t *testing.T) {
	// 1201 sub-units in pages of 500: three pages.
	const total = 1201
	srv := newRESTServer(t, map[string]http.HandlerFunc{
		"/underenheter?overordnetEnhet=310219622": func(w http.ResponseWriter, r *http.Request) {
			page, _ := strconv.Atoi(r.URL.Query().Get("page"))
			size, _ := strconv.Atoi(r.URL.Query().Get("size"))
			var items []string
			for i := page * size; i < min((page+1)*size, total); i++ {
				items = append(items, fmt.Sprintf(`{"organisasjonsnummer": "%09d", "navn": "AVD %d", "organisasjonsform": {"kode": "BEDR"}, "overordnetEnhet": "310219622"}`, 800000000+i, i))
			}
			pages := (total + size - 1) / size
			fmt.Fprintf(w, `{"_embedded": {"underenheter": [%s]}, "page": {"size": %d, "totalElements": %d, "totalPages": %d, "number": %d}}`,
				strings.Join(items, ","), size, total, pages, page)
		},
	})
	refs, n, err := srv.client(t).SubUnitsOf(context.Background(), "310219622")
	if err != nil || len(refs) != total || n != total {
		t.Fatalf("got %d of %d, %v", len(refs), n, err)
	}
	if refs[0].Number != "800000000" || refs[total-1].Name != "AVD 1200" || srv.calls.Load() != 3 {
		t.Errorf("first %+v, last %+v, calls %d", refs[0], refs[total-1], srv.calls.Load())
	}
}

func TestRESTSubUnitsCut(t *testing.T) {
	// A register that claims more sub-units than MaxSubUnits.
	srv := newRESTServer(t, map[string]http.HandlerFunc{
		"/enheter/310219622":        reply(200, []byte(`{"organisasjonsnummer": "310219622", "navn": "STOR KJEDE AS"}`)),
		"/enheter/310219622/roller": reply(200, []byte(`{"rollegrupper": []}`)),
		"/underenheter?overordnetEnhet=310219622": func(w http.ResponseWriter, r *http.Request) {
			page, _ := strconv.Atoi(r.URL.Query().Get("page"))
			size, _ := strconv.Atoi(r.URL.Query().Get("size"))
			var items []string
			for i := range size {
				items = append(items, fmt.Sprintf(`{"organisasjonsnummer": "%09d", "navn": "AVD"}`, 700000000+page*size+i))
			}
			fmt.Fprintf(w, `{"_embedded": {"underenheter": [%s]}, "page": {"size": %d, "totalElements": 20000, "totalPages": %d, "number": %d}}`,
				strings.Join(items, ","), size, 20000/size, page)
		},
	})
	r := srv.client(t).Lookup(context.Background(), "310219622")
	if r.Source.Status != dossier.StatusFound || len(r.SubUnits) != MaxSubUnits {
		t.Fatalf("source %+v, %d sub-units", r.Source, len(r.SubUnits))
	}
	if len(r.Source.Notes) != 1 || r.Source.Notes[0].Code != "sub_units_cut" || !strings.Contains(r.Source.Notes[0].Message, "20000") {
		t.Errorf("notes %+v", r.Source.Notes)
	}
}

func TestRESTBadBaseURL(t *testing.T) {
	tc, _ := transport.New(transport.Config{})
	r := NewREST("::not a url", tc).Lookup(context.Background(), "923609016")
	if r.Source.Status != dossier.StatusFailed || r.Company != nil {
		t.Errorf("source %+v", r.Source)
	}
}
