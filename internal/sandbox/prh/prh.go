// Package prh simulates PRH's YTJ open-data API, version 3
// (/opendata-ytj-api/v3/companies), for the sandbox world's Finnish
// companies. Its answers have the shape PRH's OpenAPI description gives
// (see internal/registry/prh's package documentation for the sources and
// what is not confirmed); it is written from that description, not from
// the client.
//
// A search by businessId answers {"totalResults":0,"companies":[]} for a
// business ID the world does not hold [U: PRH may answer 404]; a search by
// name matches current and earlier names, case-insensitively.
package prh

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// BasePath is the API's path under the host.
const BasePath = "/opendata-ytj-api/v3"

// Server answers the API's requests.
type Server struct {
	w *world.World
}

// New returns the simulator of w's Finnish companies.
func New(w *world.World) *Server { return &Server{w: w} }

// ServeHTTP implements http.Handler. Paths are relative to BasePath (the
// sandbox strips nothing: a request is for BasePath + "/companies").
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		WriteError(w, r, http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path != BasePath+"/companies" {
		WriteError(w, r, http.StatusNotFound)
		return
	}
	q := r.URL.Query()
	id, name := strings.TrimSpace(q.Get("businessId")), strings.ToLower(strings.TrimSpace(q.Get("name")))
	if id == "" && name == "" {
		writeJSON(w, http.StatusBadRequest, errorResponse{Message: "At least one search parameter is required"})
		return
	}
	res := result{Companies: []company{}}
	for _, c := range s.w.FICompanies() {
		if id != "" && c.YTunnus != id {
			continue
		}
		if name != "" && !matches(&c, name) {
			continue
		}
		res.Companies = append(res.Companies, toWire(&c))
	}
	res.TotalResults = len(res.Companies)
	writeJSON(w, http.StatusOK, res)
}

// matches says whether one of c's names holds name.
func matches(c *world.FICompany, name string) bool {
	for _, n := range c.Names {
		if strings.Contains(strings.ToLower(n.Name), name) {
			return true
		}
	}
	return false
}

// errorResponse is the ErrorResponse of the OpenAPI description [U: its
// fields are not confirmed; the simulator sends a message only].
type errorResponse struct {
	Message string `json:"message"`
}

// WriteError writes an error answer: 429 as text/plain (as documented),
// the others as an ErrorResponse.
func WriteError(w http.ResponseWriter, _ *http.Request, status int) {
	text := map[int]string{
		http.StatusTooManyRequests:     "Too many requests",
		http.StatusServiceUnavailable:  "The server cannot process the request",
		http.StatusInternalServerError: "Internal server error",
		http.StatusNotFound:            "Not found",
	}[status]
	if text == "" {
		text = http.StatusText(status)
	}
	if status == http.StatusTooManyRequests {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(text))
		return
	}
	writeJSON(w, status, errorResponse{Message: text})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
