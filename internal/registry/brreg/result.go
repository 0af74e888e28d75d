package brreg

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
)

// Source IDs.
const (
	SourceREST      = "brreg"     // Enhetsregisteret's open API
	SourceGrunndata = "grunndata" // grunndataWS
)

// Result is what one source said about one organisation number. When
// Source.Status is failed or no_access, Company, Roles and SubUnits are
// empty. A found Result may lack a part (roles, sub-units, contact data)
// that could not be read; then a Source note says which (see
// partUnread), so an empty part never passes for "none registered".
type Result struct {
	Company  *dossier.Company
	Roles    []dossier.Role
	SubUnits []dossier.UnitRef
	Source   dossier.Source
}

// failedResult is the Result for a lookup that failed with err.
func failedResult(id, service string, err error) Result {
	return Result{Source: dossier.Source{
		ID:      id,
		Status:  dossier.StatusFailed,
		Code:    ErrorCode(err),
		Problem: string(ProblemOf(err)),
		Message: failureMessage(service, err),
	}}
}

// partUnread is the note for a part of a source's answer (what, e.g.
// "the roles") that could not be read because of err, while the rest was.
func partUnread(code string, part problem.Code, what, service string, err error) dossier.SourceNote {
	return dossier.SourceNote{
		Code:    code,
		Problem: string(part),
		Cause:   string(ProblemOf(err)),
		Message: fmt.Sprintf("%s: %s could not be read, so none are shown; the rest was read. %s", service, what, failureMessage(service, err)),
	}
}

// removedResult is the Result for a unit Enhetsregisteret answers 410
// for: removed from the open data. It is no "not found": the register
// knows the unit and gives no data about it.
func removedResult(n string, err error) Result {
	src := dossier.Source{
		Status:  dossier.StatusNoData,
		Code:    CodeRemoved,
		Problem: string(problem.CodeRemovedFromOpenData),
		Message: fmt.Sprintf("Enhetsregisteret has removed %s from its open data (HTTP 410), so it gives no details; this does not mean the unit was never registered.", n),
	}
	var be *Error
	if errors.As(err, &be) && be.Message != "" {
		src.Message += " The register said: " + be.Message
	}
	return Result{Source: src}
}

// stamp sets the source's ID, time and duration.
func stamp(r *Result, id string, start time.Time) {
	r.Source.ID = id
	r.Source.Fetched = time.Now().UTC()
	r.Source.Duration = time.Since(start)
}

// orgNumber returns s as 9 digits, without the spaces, dots or hyphens
// people type, or an Error with CodeInvalidNumber. It does not check the
// MOD11 check digit: the register decides, and test fixtures use numbers
// that fail it.
func orgNumber(s string) (string, error) {
	d, ok := ident.NineDigits(s)
	if !ok {
		return "", &Error{Code: CodeInvalidNumber, Message: "an organisation number has 9 digits, with at most spaces, dots or hyphens between them"}
	}
	return d, nil
}

// joinNonEmpty joins the trimmed, non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}
