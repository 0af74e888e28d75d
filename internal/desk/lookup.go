package desk

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/brreg"
	"github.com/motpart/motpart/internal/registry/rrh"
	"github.com/motpart/motpart/internal/registry/transport"
	"github.com/motpart/motpart/internal/sandbox"
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

// Overrides change, for one run, what the settings say: the command line
// fills them from --env and $MOTPART_BRREG_URL, $MOTPART_GRUNNDATA_URL and
// $MOTPART_EXTRA_CA.
type Overrides struct {
	Environment     Environment
	BrregURL        string
	GrunndataURL    string
	MaskinportenURL string
	RRHURL          string
	// ExtraRootsPEM are roots trusted besides the system's (never used for
	// the sandbox, which trusts only its own CA).
	ExtraRootsPEM []byte
}

// OverridesFromEnv reads the environment variables that point the
// register clients elsewhere for one run: MOTPART_BRREG_URL,
// MOTPART_GRUNNDATA_URL, MOTPART_MASKINPORTEN_URL, MOTPART_RRH_URL and
// MOTPART_EXTRA_CA (a PEM file of extra trusted roots). lookup is
// os.LookupEnv, or a map in tests. The window and the command line both
// use it.
func OverridesFromEnv(lookup func(string) (string, bool)) (Overrides, error) {
	var o Overrides
	o.BrregURL, _ = lookup("MOTPART_BRREG_URL")
	o.GrunndataURL, _ = lookup("MOTPART_GRUNNDATA_URL")
	o.MaskinportenURL, _ = lookup("MOTPART_MASKINPORTEN_URL")
	o.RRHURL, _ = lookup("MOTPART_RRH_URL")
	if path, ok := lookup("MOTPART_EXTRA_CA"); ok && path != "" {
		pem, err := os.ReadFile(path)
		if err != nil {
			return o, fmt.Errorf("MOTPART_EXTRA_CA: %w", err)
		}
		o.ExtraRootsPEM = pem
	}
	return o, nil
}

// productionHosts are the registers' addresses. The test environment uses
// the same ones: no separate test hosts are known for Enhetsregisteret's
// open API or grunndataWS (specs §3 [U]); Settings can point elsewhere.
func productionHosts() (brregURL, grunndataURL string) {
	return "https://data.brreg.no/enhetsregisteret/api", "https://grunndata.brreg.no/grunndata/ErFr"
}

// registers are the clients of one configuration.
type registers struct {
	env       Environment
	rest      *brreg.REST
	grunndata *brreg.Grunndata // nil without a grunndataWS account
	owners    *rrh.Client      // nil when the register cannot be asked
	// noOwners says why owners is nil.
	noOwners *dossier.Source
}

// resetClients drops the clients, so the next lookup builds them from the
// current settings.
func (d *Desk) resetClients() {
	d.regMu.Lock()
	d.regs = nil
	d.regMu.Unlock()
}

// Environment is the environment lookups use now.
func (d *Desk) Environment() Environment {
	if d.cfg.Overrides.Environment != "" {
		return d.cfg.Overrides.Environment
	}
	if v, err := d.Setting(SettingEnvironment); err == nil && v != "" {
		return Environment(v)
	}
	return EnvSandbox
}

// registers returns the clients, making them (and starting the sandbox)
// on first use.
func (d *Desk) registers(ctx context.Context) (*registers, error) {
	d.regMu.Lock()
	defer d.regMu.Unlock()
	if d.regs != nil {
		return d.regs, nil
	}
	setting := func(key string) string { v, _ := d.Setting(key); return v }
	env := d.Environment()
	brregURL, grunndataURL := productionHosts()
	user, password := setting(SettingGrunndataUser), setting(SettingGrunndataPassword)
	tcfg := transport.Config{UserAgent: "Motpart/0.1", ExtraRootsPEM: d.cfg.Overrides.ExtraRootsPEM}
	var sb *sandbox.Sandbox
	if env == EnvSandbox {
		var err error
		sb, err = d.startSandbox(ctx)
		if err != nil {
			return nil, err
		}
		ep := sb.Endpoints()
		brregURL, grunndataURL = ep.Brreg, ep.Grunndata
		if user == "" {
			user, password = sb.GrunndataCredentials()
		}
		tcfg.RootCAs, tcfg.ExtraRootsPEM = sb.CAPool(), nil
	}
	brregURL = firstSet(d.cfg.Overrides.BrregURL, setting(SettingBrregURL), brregURL)
	grunndataURL = firstSet(d.cfg.Overrides.GrunndataURL, setting(SettingGrunndataURL), grunndataURL)
	t, err := transport.New(tcfg)
	if err != nil {
		return nil, problem.New(problem.CodeInternal, fmt.Errorf("setting up connections: %w", err))
	}
	regs := &registers{env: env, rest: brreg.NewREST(brregURL, t)}
	if user != "" {
		regs.grunndata = brreg.NewGrunndata(grunndataURL, user, password, t)
	}
	regs.owners, regs.noOwners = d.ownersClient(ctx, env, t, sb)
	d.regs = regs
	return regs, nil
}

// sourceTimeout bounds how long one source may take.
func (d *Desk) sourceTimeout() time.Duration {
	if d.cfg.SourceTimeout > 0 {
		return d.cfg.SourceTimeout
	}
	return defaultSourceTimeout
}

// firstSet returns the first value that is not empty: a register's address
// from the run's overrides, else the settings, else the environment's.
func firstSet(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// startSandbox starts the local simulators once per Desk.
func (d *Desk) startSandbox(ctx context.Context) (*sandbox.Sandbox, error) {
	if d.sandbox != nil {
		return d.sandbox, nil
	}
	sb, err := sandbox.New(d.cfg.Sandbox)
	if err != nil {
		return nil, problem.New(problem.CodeInternal, fmt.Errorf("building the sandbox: %w", err))
	}
	if err := sb.Start(ctx); err != nil {
		return nil, problem.New(problem.CodeInternal, fmt.Errorf("starting the sandbox: %w", err))
	}
	d.sandbox = sb
	return sb, nil
}

// Sandbox returns the running sandbox, starting it if need be (for
// `motpart sandbox serve` and the demo certificates).
func (d *Desk) Sandbox(ctx context.Context) (*sandbox.Sandbox, error) {
	d.regMu.Lock()
	defer d.regMu.Unlock()
	return d.startSandbox(ctx)
}

// Close stops what the Desk started (the sandbox) and locks the vault.
func (d *Desk) Close() error {
	d.regMu.Lock()
	if d.sandbox != nil {
		_ = d.sandbox.Close()
		d.sandbox = nil
	}
	d.regs = nil
	d.regMu.Unlock()
	return d.Lock()
}

// Lookup asks every register configured for the number's country, in
// parallel with a time limit each, and returns the dossier: the facts and
// each source's outcome. The dossier is saved in the vault with its time.
// Cancelling ctx stops the lookup.
func (d *Desk) Lookup(ctx context.Context, number string) (*dossier.Dossier, error) {
	n, err := ident.ParseOrgNr(number, d.identOptions(""))
	if err != nil {
		return nil, problem.New(problem.CodeNotOrgNr, err)
	}
	if !d.Unlocked() {
		return nil, problem.New(problem.CodeLocked, nil)
	}
	dos := &dossier.Dossier{Number: n.String(), Country: string(n.Country())}
	switch n.Country() {
	case ident.CountryNO:
		regs, err := d.registers(ctx)
		if err != nil {
			return nil, err
		}
		d.lookupNorway(ctx, regs, n.String(), dos)
	default:
		now := d.cfg.Now().UTC()
		dos.Sources = []dossier.Source{{ID: "registers", Status: dossier.StatusSkipped, Code: "country_not_connected",
			Message: "Motpart has no register for this country connected yet", Fetched: now}}
	}
	if err := ctx.Err(); err != nil {
		return nil, problem.New(problem.CodeCanceled, err)
	}
	dos.Fetched = d.cfg.Now().UTC()
	if err := d.saveDossier(dos); err != nil {
		return dos, err
	}
	return dos, nil
}

// lookupNorway asks Enhetsregisteret and grunndataWS at once.
func (d *Desk) lookupNorway(ctx context.Context, regs *registers, orgnr string, dos *dossier.Dossier) {
	timeout := d.sourceTimeout()
	var wg sync.WaitGroup
	results := make([]brreg.Result, 2)
	var owners *dossier.Owners
	var ownersSource dossier.Source
	wg.Add(1)
	go func() {
		defer wg.Done()
		sctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		owners, ownersSource = d.lookupOwners(sctx, regs.owners, regs.noOwners, orgnr)
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		sctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		results[0] = regs.rest.Lookup(sctx, orgnr)
	}()
	if regs.grunndata != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			results[1] = regs.grunndata.Lookup(sctx, orgnr)
		}()
	} else {
		results[1] = brreg.Result{Source: dossier.Source{ID: "grunndata", Status: dossier.StatusNoAccess, Code: "no_account",
			Message: "No grunndataWS account: add the user id and password from the contract with Brønnøysund in Settings", Fetched: d.cfg.Now().UTC()}}
	}
	wg.Wait()
	merge(dos, results...)
	dos.Owners = owners
	dos.Sources = append(dos.Sources, ownersSource)
	if results[0].Source.Status != dossier.StatusFailed { // Enhetsregisteret answers: ask it for names
		nameIntermediates(ctx, regs.rest, min(timeout, 3*time.Second), owners)
	}
}

// maxNamed bounds how many intermediate companies one lookup names.
const maxNamed = 20

// nameIntermediates fills in the names of the Norwegian intermediate
// companies the Register of beneficial owners gives by number only, from
// Enhetsregisteret, in parallel; a name that cannot be had stays empty.
func nameIntermediates(ctx context.Context, rest *brreg.REST, timeout time.Duration, owners *dossier.Owners) {
	if owners == nil {
		return
	}
	names := map[string]string{}
	for _, o := range owners.Owners {
		for _, p := range o.Positions {
			for _, m := range p.Intermediates {
				if m.Number != "" && m.Name == "" && len(names) < maxNamed {
					names[m.Number] = ""
				}
			}
		}
	}
	if len(names) == 0 {
		return
	}
	numbers := make([]string, 0, len(names))
	for number := range names {
		numbers = append(numbers, number)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, number := range numbers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if c, err := rest.Unit(ctx, number); err == nil && c != nil {
				mu.Lock()
				names[number] = c.Name
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	for i := range owners.Owners {
		for j := range owners.Owners[i].Positions {
			for k := range owners.Owners[i].Positions[j].Intermediates {
				m := &owners.Owners[i].Positions[j].Intermediates[k]
				if m.Name == "" {
					m.Name = names[m.Number]
				}
			}
		}
	}
}

// merge puts the sources' results into dos: the first that found the unit
// gives the facts, the others fill what it lacks.
func merge(dos *dossier.Dossier, results ...brreg.Result) {
	for _, r := range results {
		dos.Sources = append(dos.Sources, r.Source)
		if r.Company == nil {
			continue
		}
		if dos.Company == nil {
			c := *r.Company
			dos.Company = &c
			dos.Roles = r.Roles
			dos.SubUnits = r.SubUnits
			continue
		}
		fillCompany(dos.Company, r.Company)
		if len(dos.Roles) == 0 {
			dos.Roles = r.Roles
		}
		if len(dos.SubUnits) == 0 {
			dos.SubUnits = r.SubUnits
		}
	}
}

// fillCompany copies into c what c lacks and o has.
func fillCompany(c, o *dossier.Company) {
	str := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	str(&c.Name, o.Name)
	str(&c.Email, o.Email)
	str(&c.Phone, o.Phone)
	str(&c.Mobile, o.Mobile)
	str(&c.Website, o.Website)
	str(&c.Capital, o.Capital)
	str(&c.Registered, o.Registered)
	str(&c.Founded, o.Founded)
	if c.Form.Code == "" {
		c.Form = o.Form
	}
	if c.BusinessAddress == nil {
		c.BusinessAddress = o.BusinessAddress
	}
	if c.PostalAddress == nil {
		c.PostalAddress = o.PostalAddress
	}
	if len(c.Industry) == 0 {
		c.Industry = o.Industry
	}
	if c.Sector == nil {
		c.Sector = o.Sector
	}
	if len(c.Purpose) == 0 {
		c.Purpose = o.Purpose
	}
	if c.Employees == nil {
		c.Employees = o.Employees
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
	if dos.Company != nil {
		name = dos.Company.Name
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
			entries := []dossier.HistoryEntry{{Number: dos.Number, Name: name, Fetched: dos.Fetched}}
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

// SavedDossier returns the dossier saved by the last lookup of number.
func (d *Desk) SavedDossier(number string) (*dossier.Dossier, error) {
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
	return dos, err
}

// RefreshSource asks one source again about the organisation of the saved
// dossier number ("brreg", "grunndata" or "rrh"), puts its answer into the
// dossier in place of the old one, saves it and returns it.
func (d *Desk) RefreshSource(ctx context.Context, number, id string) (*dossier.Dossier, error) {
	dos, err := d.SavedDossier(number)
	if err != nil {
		return nil, err
	}
	regs, err := d.registers(ctx)
	if err != nil {
		return nil, err
	}
	timeout := d.sourceTimeout()
	sctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var src dossier.Source
	switch id {
	case "brreg":
		r := regs.rest.Lookup(sctx, dos.Number)
		src = r.Source
		if r.Company != nil {
			old := dos.Company
			dos.Company, dos.Roles, dos.SubUnits = r.Company, r.Roles, r.SubUnits
			if old != nil {
				fillCompany(dos.Company, old)
			}
		}
	case "grunndata":
		if regs.grunndata == nil {
			return dos, problem.New(problem.CodeNoAccess, errors.New("no grunndataWS account"))
		}
		r := regs.grunndata.Lookup(sctx, dos.Number)
		src = r.Source
		if r.Company != nil {
			if dos.Company == nil {
				dos.Company, dos.Roles = r.Company, r.Roles
			} else {
				fillCompany(dos.Company, r.Company)
			}
		}
	case "rrh":
		dos.Owners, src = d.lookupOwners(sctx, regs.owners, regs.noOwners, dos.Number)
	default:
		return dos, problem.New(problem.CodeInternal, fmt.Errorf("no source %q", id))
	}
	if err := ctx.Err(); err != nil {
		return nil, problem.New(problem.CodeCanceled, err)
	}
	replaced := false
	for i := range dos.Sources {
		if dos.Sources[i].ID == id {
			dos.Sources[i], replaced = src, true
		}
	}
	if !replaced {
		dos.Sources = append(dos.Sources, src)
	}
	dos.Fetched = d.cfg.Now().UTC()
	return dos, d.saveDossier(dos)
}
