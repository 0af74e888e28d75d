package desk

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
)

// Bounds of a search by name.
const (
	// MaxSearchHits is the most hits SearchByName returns.
	MaxSearchHits = 50
	// MinSearchLetters is the fewest letters or digits a name searched
	// for must have.
	MinSearchLetters = 2
	// MaxSearchLen is the longest name, in characters, SearchByName sends.
	MaxSearchLen = 120
)

// SearchByName asks Enhetsregisteret for the units whose name matches
// name, legal units and sub-units at once, and PRH for Finnish companies
// when it is connected, within the source time limit, and returns at most
// MaxSearchHits: legal units first, then sub-units, then Finnish
// companies.
//
// A name with fewer than MinSearchLetters letters or digits fails with
// problem.CodeNameTooShort, one longer than MaxSearchLen with
// problem.CodeInvalidQuery, and a search that finds nothing with
// problem.CodeNoHits. A register that cannot be asked fails it with
// problem.CodeRegisterFailed, whose cause (problem.CauseOf) says why
// (problem.CodeUnreachable, CodeTimeout, ...): never "no hits". When
// only the sub-units cannot be searched, the legal units found are
// returned. Cancelling ctx fails it with problem.CodeCanceled.
func (d *Desk) SearchByName(ctx context.Context, name string) (*dossier.SearchResult, error) {
	name = strings.Join(strings.Fields(name), " ")
	switch {
	case letters(name) < MinSearchLetters:
		return nil, problem.New(problem.CodeNameTooShort, nil)
	case utf8.RuneCountInString(name) > MaxSearchLen:
		return nil, problem.New(problem.CodeInvalidQuery, errors.New("the name is too long to search for"))
	}
	regs, err := d.registers(ctx)
	if err != nil {
		return nil, err
	}
	if regs.Search == nil {
		return nil, problem.New(problem.CodeNoAccess, errors.New("no register that searches by name is connected"))
	}
	sctx, cancel := context.WithTimeout(ctx, d.sourceTimeout())
	defer cancel()
	var (
		wg    sync.WaitGroup
		parts [2]struct {
			hits  []dossier.SearchHit
			total int
			err   error
		}
	)
	for i, sub := range []bool{false, true} {
		wg.Go(func() {
			p := &parts[i]
			p.hits, p.total, p.err = regs.Search.SearchUnits(sctx, name, sub, MaxSearchHits)
		})
	}
	var (
		fiHits  []dossier.SearchHit
		fiTotal int
		fiErr   error
	)
	if regs.FinnishSearch != nil {
		wg.Go(func() { fiHits, fiTotal, fiErr = regs.FinnishSearch.SearchUnits(sctx, name, false, MaxSearchHits) })
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, problem.New(problem.CodeCanceled, err)
	}
	units, subs := parts[0], parts[1]
	if units.err != nil {
		return nil, problem.New(problem.CodeRegisterFailed, units.err)
	}
	res := &dossier.SearchResult{Name: name, Total: units.total}
	res.Hits = append(res.Hits, units.hits...)
	if subs.err == nil {
		res.Hits = append(res.Hits, subs.hits...)
		res.Total += subs.total
	}
	if fiErr == nil {
		// PRH's companies follow Enhetsregisteret's; a PRH that cannot be
		// asked leaves them out, as the sub-units.
		res.Hits = append(res.Hits, fiHits...)
		res.Total += fiTotal
	}
	if len(res.Hits) > MaxSearchHits {
		res.Hits = slices.Clip(res.Hits[:MaxSearchHits])
	}
	res.Total = max(res.Total, len(res.Hits))
	if len(res.Hits) == 0 {
		if subs.err != nil {
			// No legal unit, and the sub-units could not be asked: that
			// is not "no hits".
			return nil, problem.New(problem.CodeRegisterFailed, subs.err)
		}
		return nil, problem.New(problem.CodeNoHits, nil)
	}
	return res, nil
}

// letters counts the letters and digits in s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// CanAnswer says whether a connected register can answer a lookup of n:
// nil when one can, else an error whose problem code says why:
// problem.CodeInvalidNumber for a number that is not valid,
// problem.CodePersonalNumber for a person's identity number (Motpart
// looks up organisations), and problem.CodeCountryNotConnected for a
// valid organisation number of a country (or a D-U-N-S number) no
// connected register covers. Enhetsregisteret, always connected, answers
// for Norwegian numbers, SCB's Företagsregister for Swedish ones when it
// is set up, PRH's open data for Finnish ones; for Swedish and Finnish ones the lookup is also allowed when
// BankID's AML service is connected, and its dossier holds BankID's data
// once a session was read.
func (d *Desk) CanAnswer(n ident.Number) error {
	switch {
	case !n.IsValid():
		return problem.New(problem.CodeInvalidNumber, nil)
	case n.IsPersonal():
		return problem.New(problem.CodePersonalNumber, nil)
	case n.Country() == ident.CountryNO:
		return nil
	case n.Country() == ident.CountrySE && d.canAnswerSweden(n):
		return nil
	case n.Country() == ident.CountryFI && (d.finnishConnected(context.Background()) || d.CanOrderAML(n) == nil):
		return nil
	}
	return problem.New(problem.CodeCountryNotConnected, nil)
}

// Examples are numbers worth trying in the environment Motpart runs in:
// in the sandbox, the simulated world's showcase (Config.SandboxExamples);
// elsewhere none, for a real register has no numbers Motpart may invent.
func (d *Desk) Examples() []dossier.Example {
	if d.Environment() != EnvSandbox {
		return nil
	}
	return slices.Clone(d.cfg.SandboxExamples)
}
