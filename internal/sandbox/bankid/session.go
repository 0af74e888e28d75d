package bankid

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/sandbox/fault"
)

// The simulator's entity states besides the terminal ones.
const (
	NotStarted = "NOT_STARTED"
	InProgress = "IN_PROGRESS"
)

// The webhook events (their names are confirmed; the body is assumed).
const (
	EventJSONDataReady = "JsonDataReady"
	EventReportReady   = "ReportReady"
	EventAllDone       = "AllDone"
	EventFailed        = "Failed"
)

// session is one organisation session.
type session struct {
	id      string
	company *company // as this session sees it (its screened lists)
	created time.Time
	reports []string
	fail    bool
	stuck   bool // created while the NeverFinish fault was set
	polls   int

	hookURL    string
	hookEvents []string
	sent       map[string]bool // events delivered or under way, "ReportReady:aml"
	queue      []WebhookBody   // events waiting for delivery, in order
	delivering bool            // a goroutine drains queue
	pdfs       map[string][]byte
}

// sessionAPI serves /organization/session/{rest}: POST {cc} creates, GET
// {id} is the status, GET {id}/jsonData the result, GET
// {id}/report/{name} a report.
func (s *Server) sessionAPI(w http.ResponseWriter, r *http.Request, rest string) {
	tok, ok := s.authorised(r)
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		WriteError(w, r, http.StatusUnauthorized)
		return
	}
	if r.Method == http.MethodPost {
		s.count("create")
		s.create(w, r, rest, tok)
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
		s.mu.Lock()
		ss.polls++
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, s.statusBody(ss))
	case sub == "jsonData":
		s.count("jsonData")
		if s.state(ss, "jsonData") != Completed {
			WriteError(w, r, http.StatusConflict)
			return
		}
		writeJSON(w, http.StatusOK, ss.company)
	case strings.HasPrefix(sub, "report/"):
		s.count("report")
		s.report(w, r, ss, strings.TrimPrefix(sub, "report/"))
	default:
		WriteError(w, r, http.StatusNotFound)
	}
	s.advance(ss)
}

// report serves one report of a completed session: the PDF, or, with the
// NotPDF fault, an HTML page.
func (s *Server) report(w http.ResponseWriter, r *http.Request, ss *session, name string) {
	if !slices.Contains(ss.reports, name) {
		WriteError(w, r, http.StatusNotFound)
		return
	}
	if s.state(ss, name+"-report") != Completed {
		WriteError(w, r, http.StatusConflict)
		return
	}
	if ct := s.fault().NotPDF; ct != "" {
		w.Header().Set("Content-Type", ct)
		_, _ = w.Write([]byte("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The report could not be generated.</p></body></html>\n"))
		return
	}
	s.mu.Lock()
	body, ok := ss.pdfs[name]
	s.mu.Unlock()
	if !ok {
		var err error
		if body, err = s.makePDF(ss, name); err != nil {
			WriteError(w, r, http.StatusInternalServerError)
			return
		}
		s.mu.Lock()
		ss.pdfs[name] = body
		s.mu.Unlock()
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.pdf"`)
	_, _ = w.Write(body)
}

func (s *Server) fault() fault.Fault {
	if s.opts.Fault == nil {
		return fault.Fault{}
	}
	return s.opts.Fault()
}

// create answers POST /organization/session/{cc}.
func (s *Server) create(w http.ResponseWriter, r *http.Request, cc string, tok token) {
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
		if rep != ReportAML && rep != ReportRegistration || strings.Count(strings.Join(req.Reports, " "), rep) > 1 {
			WriteError(w, r, http.StatusBadRequest)
			return
		}
	}
	var hookURL string
	var hookEvents []string
	if h := req.Webhooks; h != nil {
		u, err := url.Parse(h.URL)
		if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
			WriteError(w, r, http.StatusBadRequest)
			return
		}
		for _, e := range h.Events {
			if !slices.Contains([]string{EventJSONDataReady, EventReportReady, EventAllDone, EventFailed}, e) {
				WriteError(w, r, http.StatusBadRequest)
				return
			}
		}
		hookURL, hookEvents = h.URL, h.Events
		if len(hookEvents) == 0 {
			hookEvents = []string{EventJSONDataReady, EventReportReady, EventAllDone, EventFailed}
		}
	}
	c, ok := s.companies[key(cc, req.Identifier)]
	if !ok {
		WriteError(w, r, http.StatusNotFound)
		return
	}
	ss := &session{id: randomID(), company: c.forSession(strings.Contains(" "+tok.scopes+" ", " aml_organization/OFAC ")),
		created: s.opts.Now(), reports: req.Reports, fail: c.Number == s.opts.FailOrgNr, stuck: s.fault().NeverFinish,
		hookURL: hookURL, hookEvents: hookEvents, sent: map[string]bool{}, pdfs: map[string][]byte{}}
	s.mu.Lock()
	s.sessions[ss.id] = ss
	s.mu.Unlock()
	w.Header().Set("Location", "/organization/session/"+ss.id)
	writeJSON(w, http.StatusCreated, s.statusBody(ss))
	s.advance(ss)
}

// entities are the session's result entities in the worker's order: the
// JSON, then each report.
func (ss *session) entities() []string {
	out := []string{"jsonData"}
	for _, r := range ss.reports {
		out = append(out, r+"-report")
	}
	return out
}

// state is an entity's state now.
func (s *Server) state(ss *session, entity string) string {
	st, _ := s.stateAt(ss, entity, s.opts.Now())
	return st
}

// stateAt is an entity's state at now and, for a finished one, when it
// finished.
func (s *Server) stateAt(ss *session, entity string, now time.Time) (string, time.Time) {
	done := Completed
	if ss.fail {
		done = Failed
	}
	if ss.stuck {
		return InProgress, time.Time{}
	}
	if d := s.opts.Delays; d != nil {
		i := slices.Index(ss.entities(), entity)
		at := ss.created.Add(d.Start + d.JSON)
		if i > 0 && !ss.fail {
			at = at.Add(time.Duration(i) * d.Report)
		}
		switch {
		case !now.Before(at):
			return done, at
		case now.Before(ss.created.Add(d.Start)):
			return NotStarted, time.Time{}
		}
		return InProgress, time.Time{}
	}
	s.mu.Lock()
	polls := ss.polls
	s.mu.Unlock()
	switch {
	case polls >= s.opts.Polls:
		return done, now
	case polls > 0:
		return InProgress, time.Time{}
	}
	return NotStarted, time.Time{}
}

// statusBody is the status object of a session.
func (s *Server) statusBody(ss *session) map[string]any {
	st := map[string]string{}
	for _, e := range ss.entities() {
		st[e] = s.state(ss, e)
	}
	return map[string]any{"sessionId": ss.id, "created": ss.created.UTC().Format(time.RFC3339),
		"expires": ss.created.Add(SessionLifetime).UTC().Format(time.RFC3339), "status": st}
}

// Advance is the worker's step: it sends the webhooks of every session
// whose entities finished since the last step. The simulator advances a
// session whenever it is asked about it; the sandbox also calls Advance
// on a ticker, so webhooks arrive while nobody polls.
func (s *Server) Advance() {
	now := s.opts.Now()
	s.mu.Lock()
	var all []*session
	for _, ss := range s.sessions {
		if ss.hookURL != "" && !ss.sent[EventAllDone] && !ss.sent[EventFailed] && now.Before(ss.created.Add(SessionLifetime)) {
			all = append(all, ss)
		}
	}
	s.mu.Unlock()
	for _, ss := range all {
		s.advance(ss)
	}
}

// advance sends the session's webhooks that are due and not yet sent.
func (s *Server) advance(ss *session) {
	if ss.hookURL == "" {
		return
	}
	now := s.opts.Now()
	if !now.Before(ss.created.Add(SessionLifetime)) {
		return
	}
	type due struct {
		event, key string
		at         time.Time
	}
	var events []due
	all, failed := true, false
	var last time.Time
	for _, e := range ss.entities() {
		st, at := s.stateAt(ss, e, now)
		switch st {
		case Completed:
			if e == "jsonData" {
				events = append(events, due{EventJSONDataReady, EventJSONDataReady, at})
			} else {
				events = append(events, due{EventReportReady, EventReportReady + ":" + e, at})
			}
		case Failed:
			failed = true
		default:
			all = false
		}
		if at.After(last) {
			last = at
		}
	}
	switch {
	case all && failed:
		events = []due{{EventFailed, EventFailed, last}}
	case all:
		events = append(events, due{EventAllDone, EventAllDone, last})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range events {
		if ss.sent[e.key] {
			continue
		}
		ss.sent[e.key] = true
		if slices.Contains(ss.hookEvents, e.event) {
			ss.queue = append(ss.queue, WebhookBody{SessionID: ss.id, Event: e.event, Timestamp: e.at.UTC().Format(time.RFC3339)})
		}
	}
	if len(ss.queue) > 0 && !ss.delivering {
		ss.delivering = true
		s.hooks.Go(func() { s.drain(ss) })
	}
}

// drain delivers the session's queued webhooks one after the other, in
// the order they fell due.
func (s *Server) drain(ss *session) {
	for {
		s.mu.Lock()
		if len(ss.queue) == 0 {
			ss.delivering = false
			s.mu.Unlock()
			return
		}
		b := ss.queue[0]
		ss.queue = ss.queue[1:]
		s.mu.Unlock()
		s.deliver(ss.hookURL, b)
	}
}
