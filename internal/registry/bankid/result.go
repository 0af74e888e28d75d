package bankid

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
)

// ParseResult parses a session's result JSON. It needs the key
// information with a name or a number; shares must be percentages.
func ParseResult(data []byte) (*Result, error) {
	if len(data) > maxJSON {
		return nil, errors.New("bankid: the result is too large")
	}
	if !json.Valid(data) {
		return nil, errors.New("bankid: the result is not JSON")
	}
	var r Result
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("bankid: reading the result: %w", err)
	}
	if r.KeyInformation == nil || r.KeyInformation.Name == "" && r.KeyInformation.OrganizationNumber == "" {
		return nil, errors.New("bankid: the result has no key information")
	}
	for _, b := range r.Ownership.Beneficials {
		if !percent(b.OwnerShare) {
			return nil, fmt.Errorf("bankid: an owner share of %v is not a percentage", b.OwnerShare)
		}
	}
	for _, s := range append(append([]Shareholder{}, r.Ownership.Shareholders...), r.Ownership.Subsidiaries...) {
		if !percent(s.Share) {
			return nil, fmt.Errorf("bankid: a share of %v is not a percentage", s.Share)
		}
	}
	return &r, nil
}

func percent(f float64) bool { return !math.IsNaN(f) && f >= 0 && f <= 100 }

// Dossier converts the result into the dossier's vocabulary: BankID's data
// of one session, read at fetched. A screening block BankID did not send
// stays nil (which is not "no hits").
func (r *Result) Dossier(sessionID string, country ident.Country, fetched time.Time) *dossier.AML {
	a := &dossier.AML{SessionID: sessionID, Country: string(country), Fetched: fetched.UTC()}
	if k := r.KeyInformation; k != nil {
		a.Key = &dossier.AMLKey{Name: k.Name, Number: k.OrganizationNumber, Country: k.Country,
			Form: k.OrganizationType, Registered: k.RegisteredDate, LEI: k.LEI, DUNS: k.DUNS}
	}
	for _, role := range r.Roles {
		a.Roles = append(a.Roles, dossier.AMLRole{Type: role.Type, Name: role.Name, BirthDate: role.BirthDate, OrgNumber: role.OrgNumber})
	}
	for _, b := range r.Ownership.Beneficials {
		a.Beneficials = append(a.Beneficials, dossier.AMLOwner{Name: b.Name, BirthDate: b.BirthDate, Share: b.OwnerShare, Roles: b.Roles})
	}
	holdings := func(in []Shareholder) []dossier.Holding {
		var out []dossier.Holding
		for _, h := range in {
			out = append(out, dossier.Holding{Name: h.Name, OrgNumber: h.OrgNumber, BirthDate: h.BirthDate, Country: h.Country, Share: h.Share})
		}
		return out
	}
	a.Shareholders = holdings(r.Ownership.Shareholders)
	a.Subsidiaries = holdings(r.Ownership.Subsidiaries)
	if s := r.Sanction; s != nil {
		a.Screening = &dossier.Screening{Lists: s.Lists, Date: s.Date}
		for _, h := range s.Hits {
			a.Screening.Sanctions = append(a.Screening.Sanctions, h.dossier())
		}
		for _, h := range s.PEPHits {
			a.Screening.PEP = append(a.Screening.PEP, h.dossier())
		}
	}
	return a
}

// dossier converts a hit; a person's birth date joins the detail, as the
// dossier's hit has no field of its own for it.
func (h ScreeningHit) dossier() dossier.ScreeningHit {
	d := dossier.ScreeningHit{Name: h.Name, List: h.List, Detail: h.Detail}
	if h.BirthDate != "" {
		if d.Detail != "" {
			d.Detail += "; "
		}
		d.Detail += "born " + h.BirthDate
	}
	return d
}
