package desk

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// Vault buckets of lookups.
const (
	dossiersBucket = "dossiers" // the latest dossier of each organisation
	historyBucket  = "history"  // one record: the list of earlier lookups
	historyID      = "lookups"
	maxHistory     = 200
)

// defaultSourceTimeout bounds how long one source may take in a lookup.
const defaultSourceTimeout = 20 * time.Second

// sourceTimeout bounds how long one source may take.
func (d *Desk) sourceTimeout() time.Duration {
	if d.cfg.SourceTimeout > 0 {
		return d.cfg.SourceTimeout
	}
	return defaultSourceTimeout
}

// Lookup asks every register configured for the number's country, in
// parallel with a time limit each, and returns the dossier: the facts and
// each source's outcome. The dossier is saved in the vault with its time.
//
// A lookup never replaces saved data with less: a part of the dossier that
// no source answered for (the company, roles and sub-units from
// Enhetsregisteret and grunndataWS, the owners from the owners register)
// keeps its value from the saved dossier, listed in Dossier.Carried with
// its own source and date. When no source answered at all, the saved
// dossier and its history entry are left as they are, and the dossier
// returned holds the last known data (its Outcome is Unreachable).
// Cancelling ctx stops the lookup. Personal identity numbers in it are
// masked; RevealOwnerID shows one and audits it.
func (d *Desk) Lookup(ctx context.Context, number string) (*dossier.Dossier, error) {
	dos, err := d.lookup(ctx, number)
	return Masked(dos), err
}

// lookup is Lookup with the identity numbers as the registers gave them.
func (d *Desk) lookup(ctx context.Context, number string) (*dossier.Dossier, error) {
	n, err := ident.ParseOrgNr(number, d.identOptions(""))
	if err != nil {
		return nil, problem.New(problem.CodeNotOrgNr, err)
	}
	dos, hadSaved, err := d.gather(ctx, n)
	if err != nil {
		return dos, err
	}
	if hadSaved && dos.Outcome() == dossier.OutcomeUnreachable {
		// Nothing answered: the saved dossier and its history entry stay
		// as they are, and the lookup only leaves its audit entry.
		return dos, d.auditLookup(dos.Number)
	}
	if err := d.saveDossier(dos); err != nil {
		return dos, err
	}
	return dos, nil
}

// gather asks the registers of n's country and returns the dossier, with
// what no source answered for carried over from the saved dossier
// (hadSaved says there was one). It writes nothing: Lookup saves the
// dossier with a history entry, a check saves it with the client's
// snapshot.
func (d *Desk) gather(ctx context.Context, n ident.Number) (dos *dossier.Dossier, hadSaved bool, err error) {
	if !d.Unlocked() {
		return nil, false, problem.New(problem.CodeLocked, nil)
	}
	dos = &dossier.Dossier{Number: n.String(), Country: string(n.Country())}
	switch n.Country() {
	case ident.CountryNO:
		regs, err := d.registers(ctx)
		if err != nil {
			return nil, false, err
		}
		d.lookupNorway(ctx, regs, n.String(), dos)
	case ident.CountrySE:
		if !d.swedishConnected(ctx) {
			// Without SCB a Swedish number is like any other country's.
			if err := d.lookupUnconnected(n, dos); err != nil {
				return nil, false, err
			}
			break
		}
		regs, err := d.registers(ctx)
		if err != nil {
			return nil, false, err
		}
		d.lookupSweden(ctx, regs, n.String(), dos)
		if err := d.addBankIDSource(n, dos); err != nil {
			return nil, false, err
		}
	case ident.CountryFI:
		if !d.finnishConnected(ctx) {
			if err := d.lookupUnconnected(n, dos); err != nil {
				return nil, false, err
			}
			break
		}
		regs, err := d.registers(ctx)
		if err != nil {
			return nil, false, err
		}
		d.lookupFinland(ctx, regs, n.String(), dos)
		if err := d.addBankIDSource(n, dos); err != nil {
			return nil, false, err
		}
	default:
		if err := d.lookupUnconnected(n, dos); err != nil {
			return nil, false, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, false, problem.New(problem.CodeCanceled, err)
	}
	if err := d.attachAML(dos); err != nil {
		return nil, false, err
	}
	dos.Fetched = d.cfg.Now().UTC()
	saved, err := d.savedDossier(dos.Number)
	switch problem.CodeOf(err) {
	case "", problem.CodeNoDossier, problem.CodeVaultDamaged:
		// Nothing to keep when there is no readable earlier dossier.
	default:
		return dos, false, err
	}
	dos.CarryOver(saved)
	return dos, saved != nil, nil
}

// addBankIDSource adds BankID's outcome to the dossier of a Swedish or
// Finnish number when its AML service may be ordered for it.
func (d *Desk) addBankIDSource(n ident.Number, dos *dossier.Dossier) error {
	if d.CanOrderAML(n) != nil {
		return nil
	}
	src, err := d.bankIDSource(dos.Number)
	if err != nil {
		return err
	}
	dos.Sources = append(dos.Sources, src)
	return nil
}

// lookupUnconnected is the lookup of a number of a country no register
// is connected for: BankID's data when its AML service is set up.
func (d *Desk) lookupUnconnected(n ident.Number, dos *dossier.Dossier) error {
	now := d.cfg.Now().UTC()
	dos.Sources = []dossier.Source{{ID: "registers", Status: dossier.StatusSkipped, Code: "country_not_connected",
		Message: "Motpart has no register for this country connected yet", Fetched: now}}
	if d.CanOrderAML(n) == nil {
		src, err := d.bankIDSource(dos.Number)
		if err != nil {
			return err
		}
		dos.Sources = append(dos.Sources, src)
	}
	return nil
}

// SourceBankID is the ID of BankID's AML service as a dossier's source.
const SourceBankID = "bankid"

// bankIDSource is BankID's outcome in the lookup of a number no register
// answers for (Sweden, Finland): found when a session's data was read
// (Fetched is when), else skipped with what to do. BankID is never asked
// by a lookup: its sessions are ordered and may be billed.
func (d *Desk) bankIDSource(orgnr string) (dossier.Source, error) {
	a, err := d.amlData(orgnr)
	if err != nil {
		return dossier.Source{}, err
	}
	if a == nil {
		return dossier.Source{ID: SourceBankID, Status: dossier.StatusSkipped, Code: "aml_not_ordered",
			Message: "Order AML documents to get BankID's data", Fetched: d.cfg.Now().UTC()}, nil
	}
	return dossier.Source{ID: SourceBankID, Status: dossier.StatusFound, Fetched: a.Fetched}, nil
}

// attachAML puts the AML data of the latest session read for dos's
// number into dos, beside the registers' data (it changes nothing else).
func (d *Desk) attachAML(dos *dossier.Dossier) error {
	if dos == nil {
		return nil
	}
	a, err := d.amlData(dos.Number)
	if err != nil {
		return err
	}
	dos.AML = a
	return nil
}

// auditLookup writes the audit entry of a lookup that saved nothing.
func (d *Desk) auditLookup(number string) error {
	return d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			return tx.Audit(vault.AuditEntry{Action: "lookup", Subject: number})
		}))
	})
}

// lookupNorway asks Enhetsregisteret, grunndataWS and the Register of
// beneficial owners at once, each within the source time limit.
func (d *Desk) lookupNorway(ctx context.Context, regs *Registers, orgnr string, dos *dossier.Dossier) {
	timeout := d.sourceTimeout()
	var wg sync.WaitGroup
	answers := make([]dossier.Answer, 2)
	var owners *dossier.Owners
	var ownersSource dossier.Source
	within := func(f func(ctx context.Context)) {
		wg.Go(func() {
			sctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			f(sctx)
		})
	}
	within(func(ctx context.Context) { owners, ownersSource = d.lookupOwners(ctx, regs, orgnr) })
	within(func(ctx context.Context) { answers[0] = regs.Organisations.Lookup(ctx, orgnr) })
	if regs.Registrations != nil {
		within(func(ctx context.Context) { answers[1] = regs.Registrations.Lookup(ctx, orgnr) })
	} else {
		answers[1] = dossier.Answer{Source: d.noGrunndataAccount()}
	}
	wg.Wait()
	dos.Merge(answers...)
	dos.Owners = owners
	dos.Sources = append(dos.Sources, ownersSource)
	if answers[0].Source.Status != dossier.StatusFailed { // Enhetsregisteret answers: ask it for names
		wg.Go(func() { nameRedirects(ctx, regs.Names, min(timeout, 3*time.Second), dos.Sources) })
		nameIntermediates(ctx, regs.Names, min(timeout, 3*time.Second), owners)
		wg.Wait()
	}
}

// noGrunndataAccount is grunndataWS's outcome without an account.
func (d *Desk) noGrunndataAccount() dossier.Source {
	return dossier.Source{ID: "grunndata", Status: dossier.StatusNoAccess, Code: "no_account",
		Message: "No grunndataWS account: add the user id and password from the contract with Brønnøysund in Settings", Fetched: d.cfg.Now().UTC()}
}

// maxNamed bounds how many intermediate companies one lookup names.
const maxNamed = 20

// nameUnits asks names for the name of each of numbers, in parallel and
// within timeout, and returns the names it had; a number whose name could
// not be had is left out.
func nameUnits(ctx context.Context, names NameSource, timeout time.Duration, numbers []string) map[string]string {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	found := make(map[string]string, len(numbers))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, number := range numbers {
		wg.Go(func() {
			if name, err := names.Name(ctx, number); err == nil {
				mu.Lock()
				found[number] = name
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return found
}

// nameIntermediates fills in the names of the Norwegian intermediate
// companies the Register of beneficial owners gives by number only, from
// Enhetsregisteret, in parallel; a name that cannot be had stays empty.
func nameIntermediates(ctx context.Context, names NameSource, timeout time.Duration, owners *dossier.Owners) {
	if owners == nil || names == nil {
		return
	}
	found := map[string]string{}
	for _, o := range owners.Owners {
		for _, p := range o.Positions {
			for _, m := range p.Intermediates {
				if m.Number != "" && m.Name == "" && len(found) < maxNamed {
					found[m.Number] = ""
				}
			}
		}
	}
	if len(found) == 0 {
		return
	}
	numbers := make([]string, 0, len(found))
	for number := range found {
		numbers = append(numbers, number)
	}
	found = nameUnits(ctx, names, timeout, numbers)
	for i := range owners.Owners {
		for j := range owners.Owners[i].Positions {
			for k := range owners.Owners[i].Positions[j].Intermediates {
				m := &owners.Owners[i].Positions[j].Intermediates[k]
				if m.Name == "" {
					m.Name = found[m.Number]
				}
			}
		}
	}
}

// saveDossier keeps the dossier as the organisation's latest and puts it
// first in the history, in one transaction with the audit entry.
func (d *Desk) saveDossier(dos *dossier.Dossier) error {
	data, err := json.Marshal(dos)
	if err != nil {
		return problem.New(problem.CodeInternal, fmt.Errorf("encoding the dossier: %w", err))
	}
	name := ""
	switch {
	case dos.Company != nil:
		name = dos.Company.Name
	case dos.AML != nil && dos.AML.Key != nil:
		name = dos.AML.Key.Name
	}
	return d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			if err := tx.Put(dossiersBucket, dos.Number, data); err != nil {
				return err
			}
			hist, err := readHistory(tx)
			if err != nil {
				return err
			}
			entries := []dossier.HistoryEntry{{Number: dos.Number, Name: name, Fetched: dos.Fetched, Standing: dos.Company.Standing()}}
			for _, e := range hist {
				if e.Number != dos.Number && len(entries) < maxHistory {
					entries = append(entries, e)
				}
			}
			b, err := json.Marshal(entries)
			if err != nil {
				return err
			}
			if err := tx.Put(historyBucket, historyID, b); err != nil {
				return err
			}
			return tx.Audit(vault.AuditEntry{Action: "lookup", Subject: dos.Number})
		}))
	})
}

// readHistory returns the saved history; none is not an error.
func readHistory(tx *vault.Tx) ([]dossier.HistoryEntry, error) {
	b, err := tx.Get(historyBucket, historyID)
	if errors.Is(err, vault.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var entries []dossier.HistoryEntry
	if err := json.Unmarshal(b, &entries); err != nil {
		return nil, problem.New(problem.CodeVaultDamaged, fmt.Errorf("decoding the history: %w", err))
	}
	return entries, nil
}

// History lists earlier lookups, newest first.
func (d *Desk) History() ([]dossier.HistoryEntry, error) {
	var entries []dossier.HistoryEntry
	err := d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.View(func(tx *vault.Tx) error {
			var err error
			entries, err = readHistory(tx)
			return err
		}))
	})
	return entries, err
}

// SavedDossier returns the dossier saved by the last lookup of number,
// with personal identity numbers masked.
func (d *Desk) SavedDossier(number string) (*dossier.Dossier, error) {
	dos, err := d.savedDossier(number)
	return Masked(dos), err
}

// savedDossier is SavedDossier with the identity numbers as saved.
func (d *Desk) savedDossier(number string) (*dossier.Dossier, error) {
	n, err := ident.ParseOrgNr(number, d.identOptions(""))
	if err != nil {
		return nil, problem.New(problem.CodeNotOrgNr, err)
	}
	var dos *dossier.Dossier
	err = d.withVault(func(v *vault.Vault) error {
		b, err := v.Get(dossiersBucket, n.String())
		if errors.Is(err, vault.ErrNotFound) {
			return problem.New(problem.CodeNoDossier, nil)
		}
		if err != nil {
			return vaultProblem(err)
		}
		dos = new(dossier.Dossier)
		if err := json.Unmarshal(b, dos); err != nil {
			return problem.New(problem.CodeVaultDamaged, fmt.Errorf("decoding a dossier: %w", err))
		}
		return nil
	})
	if err == nil {
		err = d.attachAML(dos)
	}
	return dos, err
}

// RefreshSource asks one source again about the organisation of the saved
// dossier number ("brreg", "grunndata", "rrh", "scb" or "prh"), puts its answer into the
// dossier in place of the old one, saves it and returns it with personal
// identity numbers masked. What the source no longer answers for keeps its
// last known value, as in Lookup.
func (d *Desk) RefreshSource(ctx context.Context, number, id string) (*dossier.Dossier, error) {
	dos, err := d.refreshSource(ctx, number, id)
	return Masked(dos), err
}

// refreshSource is RefreshSource with the identity numbers as saved.
func (d *Desk) refreshSource(ctx context.Context, number, id string) (*dossier.Dossier, error) {
	dos, err := d.savedDossier(number)
	if err != nil {
		return nil, err
	}
	regs, err := d.registers(ctx)
	if err != nil {
		return nil, err
	}
	sctx, cancel := context.WithTimeout(ctx, d.sourceTimeout())
	defer cancel()
	saved := *dos
	saved.Sources = slices.Clone(dos.Sources)
	switch id {
	case "brreg":
		dos.Update(regs.Organisations.Lookup(sctx, dos.Number), true)
	case "grunndata":
		if regs.Registrations == nil {
			return dos, problem.New(problem.CodeNoAccess, errors.New("no grunndataWS account"))
		}
		dos.Update(regs.Registrations.Lookup(sctx, dos.Number), false)
	case SourceSCB:
		if regs.Swedish == nil {
			return dos, problem.New(problem.CodeSCBNotConnected, regs.NoSwedish)
		}
		dos.Update(regs.Swedish.Lookup(sctx, dos.Number), true)
	case SourcePRH:
		if regs.Finnish == nil {
			return dos, problem.New(problem.CodeCountryNotConnected, regs.NoFinnish)
		}
		dos.Update(regs.Finnish.Lookup(sctx, dos.Number), true)
	case "rrh":
		owners, src := d.lookupOwners(sctx, regs, dos.Number)
		dos.Owners = owners
		dos.Update(dossier.Answer{Source: src}, false)
	default:
		return dos, problem.New(problem.CodeInternal, fmt.Errorf("no source %q", id))
	}
	if err := ctx.Err(); err != nil {
		return nil, problem.New(problem.CodeCanceled, err)
	}
	dos.CarryOver(&saved)
	dos.Fetched = d.cfg.Now().UTC()
	return dos, d.saveDossier(dos)
}
