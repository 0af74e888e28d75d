package bankid

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"
)

// sessionAPI serves /organization/session/{rest}: POST {cc} creates, GET
// {id} is the status, GET {id}/jsonData the result, GET
// {id}/report/{name} a report.
func (s *Server) sessionAPI(w http.ResponseWriter, r *http.Request, rest string) {
	if !s.authorised(r) {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		WriteError(w, r, http.StatusUnauthorized)
		return
	}
	if r.Method == http.MethodPost {
		s.count("create")
		s.create(w, r, rest)
		return
	}
	if r.Method != http.MethodGet {
		WriteError(w, r, http.StatusMethodNotAllowed)
		return
	}
	id, sub, _ := strings.Cut(rest, "/")
	s.mu.Lock()
	ss, ok := s.sessions[id]
	now := s.opts.Now()
	s.mu.Unlock()
	if !ok {
		s.count("other")
		WriteError(w, r, http.StatusNotFound)
		return
	}
	if !now.Before(ss.created.Add(SessionLifetime)) {
		s.count("expired")
		writeJSON(w, http.StatusGone, map[string]any{"status": 410, "error": "session_expired", "sessionId": id})
		return
	}
	switch {
	case sub == "":
		s.count("status")
		s.status(w, id, ss)
	case sub == "jsonData":
		s.count("jsonData")
		if !s.complete(ss) {
			WriteError(w, r, http.StatusConflict)
			return
		}
		writeJSON(w, http.StatusOK, ss.company)
	case strings.HasPrefix(sub, "report/"):
		s.count("report")
		name := strings.TrimPrefix(sub, "report/")
		if !slices.Contains(ss.reports, name) {
			WriteError(w, r, http.StatusNotFound)
			return
		}
		if !s.complete(ss) {
			WriteError(w, r, http.StatusConflict)
			return
		}
		title := "AML REPORT"
		if name == ReportRegistration {
			title = registrationTitle(ss.company.Country)
		}
		body := PDF(reportLines(title, ss.company, id))
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.pdf"`)
		_, _ = w.Write(body)
	default:
		WriteError(w, r, http.StatusNotFound)
	}
}

// registrationTitle is the certificate's title in the country's language.
func registrationTitle(country string) string {
	switch country {
	case "se":
		return "REGISTRERINGSBEVIS (FIRMAATTEST)"
	case "fi":
		return "KAUPPAREKISTERIOTE"
	}
	return "FIRMAATTEST / REGISTRERINGSBEVIS"
}

func (s *Server) create(w http.ResponseWriter, r *http.Request, cc string) {
	if cc != "no" && cc != "se" && cc != "fi" {
		WriteError(w, r, http.StatusNotFound)
		return
	}
	var req struct {
		Identifier  string   `json:"identifier"`
		Nationality string   `json:"nationality"`
		Expands     []string `json:"expands"`
		Reports     []string `json:"reports"`
		Webhooks    *struct {
			URL    string   `json:"url"`
			Events []string `json:"events"`
		} `json:"webhooks"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Identifier == "" ||
		req.Nationality != "" && !strings.EqualFold(req.Nationality, cc) {
		WriteError(w, r, http.StatusBadRequest)
		return
	}
	for _, rep := range req.Reports {
		if rep != ReportAML && rep != ReportRegistration {
			WriteError(w, r, http.StatusBadRequest)
			return
		}
	}
	c, ok := s.companies[key(cc, req.Identifier)]
	if !ok {
		WriteError(w, r, http.StatusNotFound)
		return
	}
	id := randomID()
	now := s.opts.Now()
	ss := &session{company: c, created: now, reports: req.Reports, fail: c.Number == s.opts.FailOrgNr}
	s.mu.Lock()
	s.sessions[id] = ss
	s.mu.Unlock()
	w.Header().Set("Location", "/organization/session/"+id)
	writeJSON(w, http.StatusCreated, s.statusBody(id, ss))
}

// complete reports whether the session's entities are done.
func (s *Server) complete(ss *session) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !ss.fail && ss.polls >= s.opts.Polls
}

func (s *Server) status(w http.ResponseWriter, id string, ss *session) {
	s.mu.Lock()
	ss.polls++
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, s.statusBody(id, ss))
}

// statusBody is the status object: every entity NOT_STARTED, then
// IN_PROGRESS, then COMPLETED (or FAILED) once the session has been
// polled Polls times.
func (s *Server) statusBody(id string, ss *session) map[string]any {
	s.mu.Lock()
	polls := ss.polls
	s.mu.Unlock()
	state := "NOT_STARTED"
	switch {
	case polls >= s.opts.Polls && ss.fail:
		state = Failed
	case polls >= s.opts.Polls:
		state = Completed
	case polls > 0:
		state = "IN_PROGRESS"
	}
	st := map[string]string{"jsonData": state}
	for _, r := range ss.reports {
		st[r+"-report"] = state
	}
	return map[string]any{"sessionId": id, "created": ss.created.UTC().Format(time.RFC3339),
		"expires": ss.created.Add(SessionLifetime).UTC().Format(time.RFC3339), "status": st}
}
