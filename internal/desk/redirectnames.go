package desk

import (
	"context"
	"time"

	"github.com/motpart/motpart/internal/dossier"
)

// nameRedirects fills in the names of the units the sources point to by
// number only (the legal unit of a sub-unit, the correct unit of a
// deleted one), from Enhetsregisteret, so the dossier can show a unit by
// its name; a name that cannot be had within timeout stays empty.
func nameRedirects(ctx context.Context, names NameSource, timeout time.Duration, sources []dossier.Source) {
	if names == nil {
		return
	}
	found := map[string]string{}
	var numbers []string
	for _, s := range sources {
		if r := s.Redirect; r != nil && r.Number != "" && r.Name == "" {
			if _, ok := found[r.Number]; !ok {
				found[r.Number] = ""
				numbers = append(numbers, r.Number)
			}
		}
	}
	if len(numbers) == 0 {
		return
	}
	found = nameUnits(ctx, names, timeout, numbers)
	for i := range sources {
		if r := sources[i].Redirect; r != nil && r.Name == "" && found[r.Number] != "" {
			named := *r
			named.Name = found[r.Number]
			sources[i].Redirect = &named
		}
	}
}
