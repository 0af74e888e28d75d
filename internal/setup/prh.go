package setup

import (
	"context"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/registry/prh"
)

// finnish is PRH's open data as the desk asks it (desk.FinnishSource).
type finnish struct{ c *prh.Client }

// Lookup implements desk.FinnishSource.
func (f finnish) Lookup(ctx context.Context, ytunnus string) dossier.Answer {
	return f.c.Lookup(ctx, ytunnus)
}

// SearchUnits implements desk.UnitSearcher for Finnish companies: PRH has
// no sub-units, so a search for them finds none.
func (f finnish) SearchUnits(ctx context.Context, name string, subUnits bool, limit int) ([]dossier.SearchHit, int, error) {
	if subUnits {
		return nil, 0, nil
	}
	found, total, err := f.c.Search(ctx, name)
	if err != nil {
		return nil, 0, err
	}
	hits := make([]dossier.SearchHit, 0, min(len(found), limit))
	for _, c := range found {
		if len(hits) == limit {
			break
		}
		h := dossier.HitOf(c, "FI")
		if h.Municipality == "" {
			for _, a := range []*dossier.Address{c.BusinessAddress, c.PostalAddress} {
				if a != nil && a.City != "" {
					h.Municipality = a.City
					break
				}
			}
		}
		hits = append(hits, h)
	}
	return hits, total, nil
}
