package main

// This file holds how `motpart aml` says things: orders, parts and
// documents in plain English, the screening's hits, and the progress
// lines of orders being followed.

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
)

// printOrder writes an order and each part's state in words.
func printOrder(w io.Writer, title string, o dossier.AMLOrder) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	who := o.OrgNr
	if o.Name != "" {
		who += " " + o.Name
	}
	fmt.Fprintf(tw, "%s: %s (%s)\n", title, who, o.Country)
	fmt.Fprintf(tw, "Session:\t%s\n", o.ID)
	if !o.OrderedAt.IsZero() {
		fmt.Fprintf(tw, "Ordered:\t%s\n", shortTime(o.OrderedAt))
	}
	if !o.ExpiresAt.IsZero() {
		fmt.Fprintf(tw, "Expires:\t%s (BankID keeps the documents 2 hours)\n", shortTime(o.ExpiresAt))
	}
	for _, p := range o.Parts {
		if p.Problem == o.Problem {
			p.Problem = "" // said once, below
		}
		fmt.Fprintf(tw, "  %s:\t%s\n", kindWords(p.Kind), stateWords(p))
	}
	if o.Problem != "" {
		fmt.Fprintf(tw, "Problem:\t%s\n", problemText(o.Problem))
	}
	_ = tw.Flush()
}

// printDocuments writes documents as a table; long adds when they were
// ordered, stored and when the session expires.
func printDocuments(w io.Writer, docs []dossier.Document, long bool) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if long {
		fmt.Fprintln(tw, "KIND\tORDERED\tREADY\tEXPIRES\tSIZE\tSHA-256\tID")
	} else {
		fmt.Fprintln(tw, "KIND\tSIZE\tSHA-256\tID")
	}
	for _, doc := range docs {
		if long {
			expires := "-" // a KYC report never expires
			if !doc.ExpiresAt.IsZero() {
				expires = shortTime(doc.ExpiresAt)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", doc.Kind, shortTime(doc.OrderedAt), shortTime(doc.ReadyAt), expires, doc.Size, doc.SHA256, doc.ID)
		} else {
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", doc.Kind, doc.Size, doc.SHA256, doc.ID)
		}
	}
	_ = tw.Flush()
}

// kindWords names an order's part in plain English.
func kindWords(kind string) string {
	switch kind {
	case dossier.PartData:
		return "company data"
	case dossier.DocumentAML:
		return "AML report"
	case dossier.DocumentRegistration:
		return "certificate of registration"
	case dossier.DocumentKYC:
		return "KYC report"
	}
	return kind
}

// stateWords says where a part stands in plain English.
func stateWords(p dossier.OrderPart) string {
	var w string
	switch p.State {
	case dossier.OrderWaiting:
		w = "waiting for BankID"
	case dossier.OrderPreparing:
		w = "being prepared by BankID"
	case dossier.OrderReady:
		w = "ready"
		if p.Document != "" {
			w += ", document " + p.Document
		}
	case dossier.OrderFailed:
		w = "FAILED"
	case dossier.OrderExpired:
		w = "EXPIRED: order again"
	case dossier.OrderStopped:
		w = "no longer followed"
	default:
		w = string(p.State)
	}
	if p.Problem != "" {
		w += ": " + problemText(p.Problem)
	}
	return w
}

// problemText is the English words of a problem code kept in an order,
// else the code itself.
func problemText(code string) string {
	if t := problem.Text(problem.Code(code)); t != "" {
		return t
	}
	return code
}

// progress writes a line each time a part of an order changes state,
// and one when the whole order is ready (or, following every order, has
// finished with a problem). Its update is called from the
// desk's goroutines.
type progress struct {
	only string // the one order followed; "": every order, lines prefixed with its session

	mu     sync.Mutex
	w      io.Writer
	states map[string]map[string]dossier.OrderState // by order, then part
	closed bool
}

// newProgress follows the order only ("" for every order); the states of
// orders are already known (printed).
func newProgress(w io.Writer, only string, orders ...dossier.AMLOrder) *progress {
	p := &progress{only: only, w: w, states: map[string]map[string]dossier.OrderState{}}
	for _, o := range orders {
		p.states[o.ID] = partStates(o)
	}
	return p
}

// partStates is the state of each part of o.
func partStates(o dossier.AMLOrder) map[string]dossier.OrderState {
	m := make(map[string]dossier.OrderState, len(o.Parts))
	for _, part := range o.Parts {
		m[part.Kind] = part.State
	}
	return m
}

// update prints the parts of o that changed, when o is followed.
func (p *progress) update(o dossier.AMLOrder) {
	if p.only != "" && o.ID != p.only {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	prefix := ""
	if p.only == "" {
		prefix = "session " + o.ID + ": "
	}
	was := p.states[o.ID]
	wasReady, wasFinished := len(was) > 0, len(was) > 0
	for _, part := range o.Parts {
		wasReady = wasReady && was[part.Kind] == dossier.OrderReady
		wasFinished = wasFinished && was[part.Kind].Finished()
		if was[part.Kind] != part.State {
			if part.Problem == o.Problem {
				part.Problem = "" // the order's problem is said once, at the end
			}
			fmt.Fprintf(p.w, "%s%s: %s\n", prefix, kindWords(part.Kind), stateWords(part))
		}
	}
	p.states[o.ID] = partStates(o)
	switch {
	case o.Ready() && !wasReady:
		fmt.Fprintf(p.w, "%severything is ready\n", prefix)
	case p.only == "" && o.Finished() && !wasFinished && o.Problem != "":
		// A command following one order says the problem itself.
		fmt.Fprintf(p.w, "%sfinished, not everything stored: %s\n", prefix, problemText(o.Problem))
	}
}

// close stops the lines: none is written after it returns.
func (p *progress) close() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
}

// printScreening writes a screening: each hit on a line of its own in
// capitals, then the lists and the date.
func printScreening(w io.Writer, sc *dossier.Screening) {
	if sc == nil {
		return
	}
	about := fmt.Sprintf("screened against %s on %s", strings.Join(sc.Lists, ", "), sc.Date)
	if !sc.Hits() {
		fmt.Fprintf(w, "Sanctions and PEP: no hits (%s)\n", about)
		return
	}
	hit := func(title string, h dossier.ScreeningHit) {
		line := title + ": " + h.Name
		if h.List != "" {
			line += " (" + h.List + ")"
		}
		if h.Detail != "" {
			line += ": " + h.Detail
		}
		fmt.Fprintln(w, line)
	}
	for _, h := range sc.Sanctions {
		hit("SANCTIONS HIT", h)
	}
	for _, h := range sc.PEP {
		hit("POLITICALLY EXPOSED PERSON", h)
	}
	fmt.Fprintf(w, "Sanctions and PEP: %s\n", about)
}
