package prh

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/motpart/motpart/internal/sandbox/world"
)

func TestServer(t *testing.T) {
	w, err := world.New()
	if err != nil {
		t.Fatal(err)
	}
	s := New(w)
	tests := []struct {
		query  string
		status int
		total  int
		first  string
	}{
		{"businessId=0116297-6", http.StatusOK, 1, "Kuusiston Kone Oy"},
		{"businessId=0743219-9", http.StatusOK, 0, ""},
		{"name=tunturisoft", http.StatusOK, 1, "Tunturi Data Oy"}, // an earlier name
		{"name=fjordlys", http.StatusOK, 1, "Fjordlys Tilitoimisto Oy"},
		{"", http.StatusBadRequest, 0, ""},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, BasePath+"/companies?"+tt.query, nil))
		if rec.Code != tt.status {
			t.Errorf("%s: status %d, want %d", tt.query, rec.Code, tt.status)
			continue
		}
		if tt.status != http.StatusOK {
			continue
		}
		var res struct {
			TotalResults int `json:"totalResults"`
			Companies    []struct {
				Names []struct {
					Name    string  `json:"name"`
					Type    string  `json:"type"`
					EndDate *string `json:"endDate"`
				} `json:"names"`
			} `json:"companies"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
			t.Fatal(err)
		}
		if res.TotalResults != tt.total || len(res.Companies) != tt.total {
			t.Errorf("%s: %d results", tt.query, res.TotalResults)
			continue
		}
		if tt.total > 0 {
			var current string
			for _, n := range res.Companies[0].Names {
				if n.Type == "1" && n.EndDate == nil {
					current = n.Name
				}
			}
			if current != tt.first {
				t.Errorf("%s: %q, want %q", tt.query, current, tt.first)
			}
		}
	}
}
