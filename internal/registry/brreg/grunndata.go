package brreg

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/transport"
)

// The grunndataWS operations this client uses.
const (
	opBasisdataMini = "hentBasisdataMini"
	opBasisdata     = "hentBasisdata"
	opKontaktdata   = "hentKontaktdata"
	opRoller        = "hentRoller"
	opSaerlige      = "hentSaerligeOpplysninger"
)

// NamespaceGrunndata is the namespace of the ErFr operations.
const NamespaceGrunndata = "http://no/brreg/saksys/grunndata/ws"

// serviceGrunndata names grunndataWS in messages.
const serviceGrunndata = "grunndataWS (Brønnøysundregistrene)"

// Grunndata is a client of grunndataWS, Brønnøysund's contract-only SOAP
// service (ErFr). It is safe for concurrent use.
type Grunndata struct {
	endpoint, userid, password string
	t                          *transport.Client
}

// NewGrunndata returns a client of the ErFr endpoint, e.g.
// "https://grunndata.brreg.no:443/grunndata/ErFr", with the account
// Brønnøysund issued.
func NewGrunndata(endpoint, userid, password string, t *transport.Client) *Grunndata {
	return &Grunndata{endpoint: endpoint, userid: userid, password: password, t: t}
}

// HentBasisdataMini asks for the name, addresses and organisation form.
func (g *Grunndata) HentBasisdataMini(ctx context.Context, orgnr string) (*Reply, error) {
	return g.call(ctx, opBasisdataMini, orgnr)
}

// HentBasisdata asks for the fuller base data.
func (g *Grunndata) HentBasisdata(ctx context.Context, orgnr string) (*Reply, error) {
	return g.call(ctx, opBasisdata, orgnr)
}

// HentKontaktdata asks for phone, mobile, e-mail and homepage.
func (g *Grunndata) HentKontaktdata(ctx context.Context, orgnr string) (*Reply, error) {
	return g.call(ctx, opKontaktdata, orgnr)
}

// HentRoller asks for the roles, with the persons' national identity
// numbers.
func (g *Grunndata) HentRoller(ctx context.Context, orgnr string) (*Reply, error) {
	return g.call(ctx, opRoller, orgnr)
}

// HentSaerligeOpplysninger asks for the special information: status
// lines such as R-FR (in Foretaksregisteret) or R-MV (in the VAT
// register).
func (g *Grunndata) HentSaerligeOpplysninger(ctx context.Context, orgnr string) (*Reply, error) {
	return g.call(ctx, opSaerlige, orgnr)
}

// buildRequest writes the SOAP 1.1 request for op, laid out as
// registries.md §3.1 shows it. The credentials are XML-escaped.
func buildRequest(op, userid, password, orgnr string) ([]byte, error) {
	for _, s := range []string{userid, password} {
		if !xmlSafe(s) {
			return nil, &Error{Op: op, Code: CodeCredentials}
		}
	}
	var b bytes.Buffer
	b.Grow(512 + len(userid) + len(password))
	b.WriteString(`<soapenv:Envelope xmlns:soapenv="` + nsSOAP11 + `"` + "\n")
	b.WriteString(`                  xmlns:ws="` + NamespaceGrunndata + `">` + "\n")
	b.WriteString("  <soapenv:Body>\n")
	b.WriteString("    <ws:" + op + ">\n")
	for _, f := range [...]struct{ name, value string }{{"userid", userid}, {"password", password}, {"orgnr", orgnr}} {
		b.WriteString("      <ws:" + f.name + ">")
		if err := xml.EscapeText(&b, []byte(f.value)); err != nil {
			return nil, err
		}
		b.WriteString("</ws:" + f.name + ">\n")
	}
	b.WriteString("    </ws:" + op + ">\n")
	b.WriteString("  </soapenv:Body>\n")
	b.WriteString("</soapenv:Envelope>\n")
	return b.Bytes(), nil
}

// xmlSafe reports whether s is valid UTF-8 holding only characters XML
// 1.0 allows.
func xmlSafe(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF) {
			return false
		}
	}
	return true
}

// call sends op for orgnr and parses the reply. Failures are transport
// errors, *FaultError or *Error; a register error (hovedStatus -1) is a
// Reply.
func (g *Grunndata) call(ctx context.Context, op, orgnr string) (*Reply, error) {
	n, err := orgNumber(orgnr)
	if err != nil {
		err.(*Error).Op = op
		return nil, err
	}
	body, err := buildRequest(op, g.userid, g.password, n)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.endpoint, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("brreg: grunndataWS %s: the service address is not valid: %w", op, err)
	}
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	req.Header.Set("SOAPAction", `""`)
	req.Header.Set("Accept", "text/xml")
	resp, err := g.t.Do(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("brreg: grunndataWS %s: %w", op, err)
	}
	ret, err := parseEnvelope(resp.Body)
	var fe *FaultError
	switch {
	case errors.As(err, &fe):
		fe.Op, fe.StatusCode = op, resp.StatusCode
		fe.String = g.redact(fe.String)
		return nil, fe
	case resp.StatusCode != http.StatusOK:
		return nil, &Error{Op: op, Code: "http_" + strconv.Itoa(resp.StatusCode), StatusCode: resp.StatusCode}
	case err != nil:
		return nil, &Error{Op: op, Code: CodeMalformed, StatusCode: resp.StatusCode, Err: err}
	}
	r, err := parseReply([]byte(ret), op)
	if err != nil {
		return nil, &Error{Op: op, Code: CodeMalformed, StatusCode: resp.StatusCode, Err: err}
	}
	if h := r.Header.OrgNr; h != "" && h != n {
		// A reply about another unit is a mix-up, unless it is the unit
		// the reply redirects to.
		if v := r.Header.Verdict(n); v.Redirect == nil || v.Redirect.Number != h {
			return nil, &Error{Op: op, Code: CodeMalformed, StatusCode: resp.StatusCode,
				Err: fmt.Errorf("asked for %s, the reply is about %s", n, transport.RegisterText(h, 20))}
		}
	}
	return r, nil
}

// redact removes the password from a text the service sent back.
func (g *Grunndata) redact(s string) string {
	if len(g.password) >= 3 {
		s = strings.ReplaceAll(s, g.password, "*****")
	}
	return s
}

// Lookup asks hentBasisdata, hentKontaktdata and hentRoller at the same
// time and merges the replies. The Source says what the register
// answered: no_access for -100/-101, not_found for 100, deleted for 110
// and for 1, 2 and 120 without data, no_data for 200 (a registration
// unit), failed for errors, and found otherwise, with a note for every
// "not registered" code and a Redirect for codes 1, 2, 3, 120, 130 and
// 200. Source.Problem names the outcome's problem code.
// A failure of hentBasisdata makes the whole Result failed, with no facts;
// a failure of hentKontaktdata or hentRoller (the call, not a status the
// register answers) keeps the rest, with a note
// (dossier.NoteContactDataUnread, NoteRolesUnread) saying which part is
// missing and why.
func (g *Grunndata) Lookup(ctx context.Context, orgnr string) Result {
	start := time.Now()
	res := g.lookup(ctx, orgnr)
	stamp(&res, SourceGrunndata, start)
	return res
}

func (g *Grunndata) lookup(ctx context.Context, orgnr string) Result {
	fail := func(err error) Result { return failedResult(SourceGrunndata, serviceGrunndata, err) }
	n, err := orgNumber(orgnr)
	if err != nil {
		return fail(err)
	}
	ops := [...]string{opBasisdata, opKontaktdata, opRoller}
	var (
		replies [len(ops)]*Reply
		errs    [len(ops)]error
		wg      sync.WaitGroup
	)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for i, op := range ops {
		wg.Go(func() {
			replies[i], errs[i] = g.call(ctx, op, n)
			if i == 0 && errs[i] != nil {
				cancel() // without the unit, the other parts are no use
			}
		})
	}
	wg.Wait()
	if errs[0] != nil {
		return fail(errs[0])
	}
	if err := ctx.Err(); errors.Is(err, context.Canceled) {
		// The caller gave up: nothing is said about the unit.
		return fail(err)
	}
	// A contact data or roles call that failed does not sink the unit:
	// it is left out, and a note says which part is missing and why.
	var unread []dossier.SourceNote
	var missing []dossier.Part
	if errs[1] != nil {
		unread = append(unread, partUnread(dossier.NoteContactDataUnread, problem.CodeContactDataUnread, "the contact data", serviceGrunndata, errs[1]))
		replies[1] = &Reply{}
	}
	if errs[2] != nil {
		unread = append(unread, partUnread(dossier.NoteRolesUnread, problem.CodeRolesUnread, "the roles", serviceGrunndata, errs[2]))
		missing = append(missing, dossier.PartRoles)
		replies[2] = &Reply{}
	}
	answered := func(i int) bool { return errs[i] == nil }

	// The worst verdict decides; the first of equals (basisdata first).
	var verdicts [len(ops)]Verdict
	worst := 0
	for i, r := range replies {
		if !answered(i) {
			continue
		}
		verdicts[i] = r.Header.Verdict(n)
		if verdicts[i].Outcome > verdicts[worst].Outcome {
			worst = i
		}
	}
	v := verdicts[worst]
	code := strconv.Itoa(v.Code)
	src := dossier.Source{Code: code, Problem: string(v.Problem)}
	switch v.Outcome {
	case OutcomeNoAccess:
		src.Status = dossier.StatusNoAccess
		if v.Code == -101 {
			src.Message = "grunndataWS did not accept the user name or password. Check the grunndataWS account in Settings."
		} else {
			src.Message = fmt.Sprintf("The grunndataWS account is not authorised for %s. Check the grunndataWS account in Settings, or ask Brønnøysundregistrene to open the service for it.", ops[worst])
		}
		return Result{Source: src}
	case OutcomeError, OutcomeInvalidInput:
		src.Status = dossier.StatusFailed
		src.Message = fmt.Sprintf("grunndataWS (%s): %s", ops[worst], v.Message)
		if v.Outcome == OutcomeError {
			src.Message += " Try again later."
		}
		return Result{Source: src}
	case OutcomeNotFound:
		src.Status = dossier.StatusNotFound
		src.Message = fmt.Sprintf("grunndataWS has no unit %s: %s", n, v.Message)
		return Result{Source: src}
	case OutcomeDeleted:
		src.Status = dossier.StatusDeleted
		src.Message = fmt.Sprintf("grunndataWS: %s is deleted.", n)
		res := Result{Source: src}
		if c := replies[0].Company; c != nil {
			c = mergeCompany(c, replies[1].Company)
			c.Deleted = true
			res.Company = c
		}
		return res
	}

	// Found: data, perhaps with notes and a redirect.
	res := Result{Source: dossier.Source{Status: dossier.StatusFound}}
	seen := map[string]bool{}
	for _, vv := range verdicts {
		for _, note := range vv.Notes {
			if key := note.Code + "\x00" + note.Message; !seen[key] {
				seen[key] = true
				res.Source.Notes = append(res.Source.Notes, note)
			}
		}
	}
	basis := replies[0]
	if v.Outcome == OutcomeRedirect {
		res.Source.Code = code
		res.Source.Problem = string(v.Problem)
		res.Source.Redirect = v.Redirect
		res.Source.Message = redirectMessage(n, v)
	}
	switch {
	case basis.Company != nil:
		if basis.Company.Number != "" && basis.Company.Number != n && v.Outcome != OutcomeRedirect {
			return fail(&Error{Op: opBasisdata, Code: CodeMalformed,
				Err: fmt.Errorf("asked for %s, the data is about %s", n, basis.Company.Number)})
		}
		res.Company = mergeCompany(basis.Company, replies[1].Company)
	case v.Outcome == OutcomeRedirect:
		// No data (hovedStatus 1): what the status says is all there
		// is, and it is not "found".
		switch v.Code {
		case 1, 2, 120:
			// The unit asked for is deleted; the status names the unit
			// that replaced it.
			res.Source.Status = dossier.StatusDeleted
			res.Company = &dossier.Company{Number: n}
		case 130:
			// A sub-unit: the register names its legal unit.
			res.Company = &dossier.Company{Number: n}
		default:
			// 200 (and 3 without data): a registration unit, of which
			// grunndataWS gives no data.
			res.Source.Status = dossier.StatusNoData
			return res
		}
	case basis.Header.MainStatus == 1:
		// "OK, but data is missing" (hovedStatus 1) with only notes,
		// e.g. 2000: no data, and not "found".
		res.Source.Status = dossier.StatusNoData
		res.Source.Code, res.Source.Problem, res.Source.Message = code, string(v.Problem), "grunndataWS: "+v.Message
		if len(res.Source.Notes) > 0 {
			res.Source.Code = res.Source.Notes[0].Code
		}
		res.Source.Notes = nil
		return res
	default:
		return fail(&Error{Op: opBasisdata, Code: CodeMalformed, Err: errors.New("the reply says the unit exists but holds no data")})
	}
	if res.Company.Number == "" {
		res.Company.Number = n
	}
	if v.Outcome == OutcomeRedirect && res.Company.Number == n {
		switch v.Code {
		case 130:
			res.Company.SubUnit = true
			if v.Redirect != nil {
				res.Company.Parent = v.Redirect.Number
			}
		case 1, 2, 120: // the unit asked for is deleted
			res.Company.Deleted = true
		}
	}
	res.Roles = replies[2].Roles
	res.Source.Notes = append(res.Source.Notes, unread...)
	// A lookup keeps the saved parts this answer could not read.
	res.Source.Missing = append(res.Source.Missing, missing...)
	return res
}

// mergeCompany returns basis with the contact data of contact filled in.
func mergeCompany(basis, contact *dossier.Company) *dossier.Company {
	c := *basis
	if contact != nil && (contact.Number == "" || contact.Number == c.Number || c.Number == "") {
		c.Phone = firstNonEmpty(c.Phone, contact.Phone)
		c.Mobile = firstNonEmpty(c.Mobile, contact.Mobile)
		c.Email = firstNonEmpty(c.Email, contact.Email)
		c.Website = firstNonEmpty(c.Website, contact.Website)
	}
	return &c
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// redirectMessage says in English where a redirect points.
func redirectMessage(asked string, v Verdict) string {
	y := "a unit the register did not name"
	if v.Redirect != nil {
		y = v.Redirect.Number
	}
	switch v.Code {
	case 1:
		return fmt.Sprintf("%s has been deleted as a duplicate; the correct unit is %s.", asked, y)
	case 2:
		return fmt.Sprintf("%s has been deleted after a merger; the correct unit is %s.", asked, y)
	case 3:
		return fmt.Sprintf("%s is the registration unit of %s, the unit asked for.", y, asked)
	case 120:
		return fmt.Sprintf("%s has been deleted as a duplicate or after a merger, and the unit that replaced it (%s) is deleted too.", asked, y)
	case 130:
		return fmt.Sprintf("%s is a sub-unit; its legal unit is %s.", asked, y)
	case 200:
		if v.Redirect != nil {
			return fmt.Sprintf("%s is a registration unit; look at %s.", asked, y)
		}
		return fmt.Sprintf("%s is a registration unit; grunndataWS gives no data for it.", asked)
	}
	return v.Message
}
