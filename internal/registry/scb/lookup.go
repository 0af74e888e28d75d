package scb

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
)

// The variables of an identity look-up (registries.md §1.3).
const (
	VariableOrgNr10 = "OrgNr (10 siffror)"
	VariableOrgNr12 = "OrgNr (12 siffror)"
	OperatorEquals  = "ArLikaMed"
)

// NotSubscribed is the value SCB gives for a variable the subscription
// does not include.
const NotSubscribed = "*"

// Variable is one condition of a search.
type Variable struct {
	Variabel string `json:"Variabel"`
	Operator string `json:"Operator"`
	Varde1   string `json:"Varde1"`
	Varde2   string `json:"Varde2"`
}

// Query is a search of legal units (JE), as HamtaForetag and
// RaknaForetag take it. Empty statuses are left out (SCB refuses them
// as empty strings).
type Query struct {
	Foretagsstatus      string     `json:"Företagsstatus,omitempty"`
	Registreringsstatus string     `json:"Registreringsstatus,omitempty"`
	Variabler           []Variable `json:"variabler"`
}

// Row is one legal unit as SCB gives it: its Swedish labels and their
// values, all strings.
type Row map[string]string

// Count asks SCB how many legal units match q (api/Je/RaknaForetag).
func (c *Client) Count(ctx context.Context, q Query) (int, error) {
	const op = "raknaforetag"
	body, err := c.post(ctx, op, "/api/Je/RaknaForetag", q)
	if err != nil {
		return 0, err
	}
	n, err := parseCount(body)
	if err != nil {
		return 0, &Error{Op: op, Code: problem.CodeUnreadableAnswer, Err: err}
	}
	return n, nil
}

// parseCount reads RaknaForetag's answer: a number, possibly as a string
// or wrapped in an object.
func parseCount(body []byte) (int, error) {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return 0, err
	}
	for range 2 {
		if m, ok := v.(map[string]any); ok && len(m) == 1 {
			for _, inner := range m {
				v = inner
			}
		}
	}
	switch x := v.(type) {
	case float64:
		return int(x), nil
	case string:
		return strconv.Atoi(strings.TrimSpace(x))
	}
	return 0, errors.New("the count is not a number")
}

// Fetch returns the legal units matching q (api/Je/HamtaForetag). SCB
// gives at most MaxRows and has no paging, so when the count says more
// match, Fetch asks nothing more and fails with
// problem.CodeSCBTooManyRows: narrow the query.
func (c *Client) Fetch(ctx context.Context, q Query) ([]Row, error) {
	n, err := c.Count(ctx, q)
	if err != nil {
		return nil, err
	}
	if n > MaxRows {
		return nil, &Error{Op: "hamtaforetag", Code: problem.CodeSCBTooManyRows, Err: fmt.Errorf("%d units match, SCB gives at most %d", n, MaxRows)}
	}
	if n == 0 {
		return nil, nil
	}
	return c.fetch(ctx, q)
}

// fetch sends q to HamtaForetag.
func (c *Client) fetch(ctx context.Context, q Query) ([]Row, error) {
	const op = "hamtaforetag"
	body, err := c.post(ctx, op, "/api/Je/HamtaForetag", q)
	if err != nil {
		return nil, err
	}
	rows, err := parseRows(body)
	if err != nil {
		return nil, &Error{Op: op, Code: problem.CodeUnreadableAnswer, Err: err}
	}
	if len(rows) > MaxRows {
		return nil, &Error{Op: op, Code: problem.CodeSCBTooManyRows, Err: fmt.Errorf("%d rows", len(rows))}
	}
	return rows, nil
}

// parseRows reads HamtaForetag's JSON array; values that are not strings
// (a number, a null) are taken as their text, a null as "".
func parseRows(body []byte) ([]Row, error) {
	var raw []map[string]any
	if err := json.Unmarshal(body, &raw); err != nil {
		return nil, err
	}
	rows := make([]Row, 0, len(raw))
	for _, m := range raw {
		r := make(Row, len(m))
		for k, v := range m {
			switch x := v.(type) {
			case string:
				r[strings.TrimSpace(k)] = x
			case nil:
			case float64:
				r[strings.TrimSpace(k)] = strconv.FormatFloat(x, 'f', -1, 64)
			default:
				b, _ := json.Marshal(x)
				r[strings.TrimSpace(k)] = string(b)
			}
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// Lookup fetches one legal unit by its organisation number (10 digits,
// with or without the hyphen) or its 12-digit PeOrgNr ("16" and the
// number, or a sole trader's personal number with its century), and
// returns it as the dossier's answer with the Source ID "scb". It never
// fails: a failure is the Source's status.
func (c *Client) Lookup(ctx context.Context, number string) dossier.Answer {
	start := c.cfg.Now()
	a := c.lookup(ctx, number)
	a.Source.ID = SourceID
	a.Source.Fetched = c.cfg.Now().UTC()
	a.Source.Duration = a.Source.Fetched.Sub(start.UTC())
	return a
}

func (c *Client) lookup(ctx context.Context, number string) dossier.Answer {
	n, err := ident.Parse(number, ident.Options{Country: ident.CountrySE})
	if err != nil || n.Country() != ident.CountrySE {
		return dossier.Answer{Source: dossier.Source{Status: dossier.StatusFailed, Code: string(problem.CodeInvalidNumber),
			Problem: string(problem.CodeInvalidNumber), Message: fmt.Sprintf("%q is not a Swedish organisation number", number)}}
	}
	v := Variable{Variabel: VariableOrgNr10, Operator: OperatorEquals, Varde1: n.Digits()}
	if n.IsPersonal() {
		v = Variable{Variabel: VariableOrgNr12, Operator: OperatorEquals, Varde1: n.PeOrgNr()}
	}
	rows, err := c.fetch(ctx, Query{Variabler: []Variable{v}})
	if err != nil {
		return dossier.Answer{Source: failed(err)}
	}
	var row Row
	for _, r := range rows {
		if digits(r["OrgNr"]) == n.Digits() || digits(r["PeOrgNr"]) == n.PeOrgNr() || len(rows) == 1 && r["OrgNr"] == "" && r["PeOrgNr"] == "" {
			row = r
			break
		}
	}
	if row == nil {
		return dossier.Answer{Source: dossier.Source{Status: dossier.StatusNotFound, Code: string(problem.CodeUnitNotFound),
			Problem: string(problem.CodeUnitNotFound), Message: fmt.Sprintf("SCB's business register has no unit %s. Check the number.", n)}}
	}
	company := c.company(ctx, n, row)
	src := dossier.Source{Status: dossier.StatusFound}
	if ns := company.Swedish.NotSubscribed; len(ns) > 0 {
		src.Notes = append(src.Notes, dossier.SourceNote{Code: string(problem.CodeSCBNotSubscribed), Problem: string(problem.CodeSCBNotSubscribed),
			Message: "Not in your SCB subscription: " + strings.Join(ns, "; ")})
	}
	return dossier.Answer{Company: company, Source: src}
}

// failed is the Source of a look-up that failed with err.
func failed(err error) dossier.Source {
	code := problem.CodeOf(err)
	if code == "" {
		code = problem.CodeInternal
	}
	s := dossier.Source{Status: dossier.StatusFailed, Code: string(code), Problem: string(code), Message: err.Error()}
	var e *Error
	if errors.As(err, &e) {
		s.RegisterText = e.Reason
		if e.Status != 0 {
			s.Code = "http_" + strconv.Itoa(e.Status)
		}
	}
	switch code {
	case problem.CodeSCBCertificateRefused, problem.CodeSCBNotConnected:
		s.Status = dossier.StatusNoAccess
	}
	return s
}

// digits keeps the digits of s.
func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// reader reads a row's values, noting the variables SCB gave as "*".
type reader struct {
	row           Row
	notSubscribed map[string]bool
}

// get is the value of key, trimmed; "" for "*" (noted) or a missing key.
func (r *reader) get(key string) string {
	v, ok := r.row[key]
	if !ok {
		return ""
	}
	v = strings.TrimSpace(v)
	if v == NotSubscribed {
		r.notSubscribed[key] = true
		return ""
	}
	return v
}

// code is the code of "<label>, kod" with the text of "<label>".
func (r *reader) code(label string) dossier.Code {
	return dossier.Code{Code: r.get(label + ", kod"), Description: r.get(label)}
}

// company maps a row to the dossier's company. Texts SCB left out for a
// code are filled from the code tables where they can be had.
func (c *Client) company(ctx context.Context, n ident.Number, row Row) *dossier.Company {
	r := &reader{row: row, notSubscribed: map[string]bool{}}
	co := &dossier.Company{Number: n.String(), Name: r.get("Företagsnamn")}
	if co.Name == "" {
		co.Name = r.get("Firma")
	}
	co.Form = r.code("Juridisk form")
	sw := &dossier.SwedishFacts{
		PeOrgNr:         r.get("PeOrgNr"),
		OwnerCategory:   r.code("Ägarkategori"),
		Status:          r.code("Företagsstatus"),
		TaxRegistration: r.code("Registrerad hos SKV"),
		VAT:             r.code("Momsstatus"),
		FTax:            r.code("Fskattstatus"),
		Employer:        r.code("Arbetsgivarstatus"),
		CompanyStatus:   r.code("Bolagsstatus"),
		Seat:            r.code("Säteskommun"),
		SeatCounty:      r.code("Säteslän"),
		SizeClass:       dossier.Code{Code: r.get("Stkl, kod"), Description: r.get("Storleksklass")},
		Started:         date(r.get("Startdatum")),
		Ended:           date(r.get("Slutdatum")),
	}
	if sw.PeOrgNr == "" {
		sw.PeOrgNr = n.PeOrgNr()
	}
	co.Swedish = sw
	if s := r.code("Sektor"); s.Code != "" || s.Description != "" {
		co.Sector = &s
	}
	for i := 1; i <= 5; i++ {
		label := fmt.Sprintf("Bransch_%d", i)
		code := r.get(fmt.Sprintf("Bransch_%dP, kod", i))
		if code == "" {
			code = r.get(label + ", kod")
		}
		if text := r.get(label); code != "" || text != "" {
			co.Industry = append(co.Industry, dossier.Code{Code: code, Description: text})
		}
	}
	lines := []string{}
	if co := r.get("COAdress"); co != "" {
		lines = append(lines, co)
	}
	if a := r.get("PostAdress"); a != "" {
		lines = append(lines, a)
	}
	post := &dossier.Address{Lines: lines, PostalCode: r.get("PostNr"), City: r.get("PostOrt"),
		Municipality: sw.Seat.Description, MunicipalityNumber: sw.Seat.Code, CountryCode: "SE"}
	if len(post.Lines) > 0 || post.PostalCode != "" || post.City != "" {
		co.PostalAddress = post
	}
	co.Phone = r.get("Telefon")
	co.Email = r.get("E-post")
	co.Registered = date(r.get("Registreringsdatum"))
	co.InVATRegister = sw.VAT.Code == "1"
	co.Deleted = sw.Status.Code == "9"
	co.DeletedDate = sw.Ended
	if !co.Deleted {
		co.DeletedDate = ""
	}

	// Texts the row left out, from the code tables.
	fill := func(category string, code *dossier.Code) {
		if code == nil || code.Code == "" || code.Description != "" {
			return
		}
		if t, err := c.Codes(ctx, category); err == nil {
			code.Description = t[code.Code]
		}
	}
	fill(CategoryLegalForm, &co.Form)
	fill(CategorySector, co.Sector)
	fill(CategoryOwnerCategory, &sw.OwnerCategory)
	fill(CategorySeat, &sw.Seat)
	if co.PostalAddress != nil && co.PostalAddress.Municipality == "" {
		co.PostalAddress.Municipality = sw.Seat.Description
	}
	for k := range r.notSubscribed {
		sw.NotSubscribed = append(sw.NotSubscribed, k)
	}
	sort.Strings(sw.NotSubscribed)
	return co
}

// date is SCB's date as YYYY-MM-DD: it may come so, as YYYYMMDD or with a
// time; "" when empty or not a date.
func date(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 {
		if t, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	if len(s) == 8 {
		if t, err := time.Parse("20060102", s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}
