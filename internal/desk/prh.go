package desk

// This file holds the Finnish lookups (issue 17): PRH's open data answers
// for a Finnish business ID, with BankID's data beside it as for Sweden.

import (
	"context"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
)

// SourcePRH is the ID of PRH's open data as a dossier's source.
const SourcePRH = "prh"

// FinnishSource answers for PRH's open data: one dossier.Answer whose
// Source has the ID "prh".
type FinnishSource interface {
	Lookup(ctx context.Context, ytunnus string) dossier.Answer
}

// finnishConnected says whether PRH's open data can be asked. It may
// connect the registers (and start the sandbox) when they are not yet.
func (d *Desk) finnishConnected(ctx context.Context) bool {
	regs, err := d.registers(ctx)
	return err == nil && regs.Finnish != nil
}

// lookupFinland asks PRH within the source time limit; without PRH, its
// source says why.
func (d *Desk) lookupFinland(ctx context.Context, regs *Registers, ytunnus string, dos *dossier.Dossier) {
	if regs.Finnish == nil {
		code := problem.CodeOf(regs.NoFinnish)
		if code == "" {
			code = problem.CodeCountryNotConnected
		}
		msg := problem.Text(code)
		if regs.NoFinnish != nil {
			msg = regs.NoFinnish.Error()
		}
		dos.Sources = append(dos.Sources, dossier.Source{ID: SourcePRH, Status: dossier.StatusFailed, Code: string(code),
			Problem: string(code), Message: msg, Fetched: d.cfg.Now().UTC()})
		return
	}
	sctx, cancel := context.WithTimeout(ctx, d.sourceTimeout())
	defer cancel()
	dos.Merge(regs.Finnish.Lookup(sctx, ytunnus))
}
