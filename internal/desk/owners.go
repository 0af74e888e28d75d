package desk

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// Vault buckets of the offline copy of the Register of beneficial owners.
// The copy's records live in one of two buckets, one record per
// organisation: an import writes the other one and switches the copy's
// meta record to it in one transaction when it is complete, so that the
// copy it replaces answers until then (see ownersimport.go).
const (
	// ownersLegacyBucket holds the copy of vaults from before the two
	// buckets; it is emptied by the first import after them.
	ownersLegacyBucket = "rrh-copy"
	ownersBucketA      = "rrh-copy.a"
	ownersBucketB      = "rrh-copy.b"
	ownersMetaBucket   = "rrh-meta" // one record: the copy's date, generation, bucket and change-log position
	ownersMetaID       = "copy"
	// defaultOwnersBatch is how many organisations one vault transaction
	// writes (or deletes) during an import: large enough to be fast, small
	// enough that memory does not grow with the file.
	defaultOwnersBatch = 2000
)

// ownersBuckets are every bucket that may hold records of a copy.
func ownersBuckets() []string {
	return []string{ownersLegacyBucket, ownersBucketA, ownersBucketB}
}

// Setting keys of Maskinporten and the Register of beneficial owners.
const (
	SettingMaskinportenURL         = "maskinporten.url"
	SettingMaskinportenClientID    = "maskinporten.client_id"
	SettingMaskinportenScope       = "maskinporten.scope"
	SettingMaskinportenCertificate = "maskinporten.certificate"
	SettingRRHURL                  = "rrh.url"
	// SettingOwnersAPI picks the API of the Register of beneficial owners:
	// OwnersAPIPartner or OwnersAPIV1.
	SettingOwnersAPI = "rrh.api"
)

// The APIs of the Register of beneficial owners (specs §4.1).
const (
	// OwnersAPIPartner is the Partner API, whose answer shape is confirmed
	// from its published OpenAPI and examples: the default.
	OwnersAPIPartner = "partner"
	// OwnersAPIV1 is the "Virksomheter" API v1, whose answer shape is not
	// published and is read as guessed: experimental. Its change log is the
	// only way to keep the offline copy fresh.
	OwnersAPIV1 = "v1"
)

// OwnersAPI is the API of the Register of beneficial owners that settings
// s choose: the setting, else (for vaults from before the setting) v1 when
// a v1 scope was chosen, else the Partner API.
func (s RegisterSettings) OwnersAPI() string {
	switch {
	case s.OwnersAPIName != "":
		return s.OwnersAPIName
	case s.MaskinportenScope != "" && !strings.Contains(s.MaskinportenScope, "partner"):
		return OwnersAPIV1
	}
	return OwnersAPIPartner
}

// OwnerScope is the Maskinporten scope settings s ask for: the setting,
// else the one of the chosen API for reporting entities.
func (s RegisterSettings) OwnerScope() string {
	switch {
	case s.MaskinportenScope != "":
		return s.MaskinportenScope
	case s.OwnersAPI() == OwnersAPIV1:
		return "brreg:reelle/rapporteringspliktig"
	}
	return "brreg:reelle/partner.rapporteringspliktig"
}

// OwnerScopes is the package's OwnerScopes, for the window.
func (d *Desk) OwnerScopes() []string { return OwnerScopes() }

// OwnerScopes are the Maskinporten scopes of the Register of beneficial
// owners a firm may have been granted (specs §4.4).
func OwnerScopes() []string {
	return []string{
		"brreg:reelle/rapporteringspliktig",
		"brreg:reelle/rapporteringspliktig.begrenset",
		"brreg:reelle/offentlig",
		"brreg:reelle/partner.rapporteringspliktig",
		"brreg:reelle/partner.offentlig",
	}
}

// ownersCopyMeta describes the offline copy in the vault.
type ownersCopyMeta struct {
	// Date is the copy's date (the download's), YYYY-MM-DD.
	Date string `json:"date"`
	// Generation numbers the imports; records of older ones are ignored.
	Generation int64 `json:"generation"`
	// Sequence is the change log's position the copy is fresh up to.
	Sequence int64 `json:"sequence"`
	// Registrations is how many organisations the copy holds.
	Registrations int `json:"registrations"`
	// Imported is when the copy was imported.
	Imported time.Time `json:"imported"`
	// Bucket is the vault bucket that holds the copy's records; empty for
	// a copy imported before there were two (ownersLegacyBucket).
	Bucket string `json:"bucket,omitempty"`
}

// bucket is the vault bucket that holds the copy's records.
func (m ownersCopyMeta) bucket() string {
	if m.Bucket == "" {
		return ownersLegacyBucket
	}
	return m.Bucket
}

// ownersRecord is one organisation's owners in the copy.
type ownersRecord struct {
	Generation int64           `json:"g"`
	Owners     *dossier.Owners `json:"o"`
}

// OwnersCopy describes the offline copy in the vault; ok is false when
// there is none.
func (d *Desk) OwnersCopy() (info dossier.OwnersCopy, ok bool, err error) {
	meta, ok, err := d.ownersMeta()
	if err != nil || !ok {
		return dossier.OwnersCopy{}, ok, err
	}
	return dossier.OwnersCopy{Date: meta.Date, Registrations: meta.Registrations, Sequence: meta.Sequence, Imported: meta.Imported}, true, nil
}

func (d *Desk) ownersMeta() (meta ownersCopyMeta, ok bool, err error) {
	err = d.withVault(func(v *vault.Vault) error {
		b, err := v.Get(ownersMetaBucket, ownersMetaID)
		if errors.Is(err, vault.ErrNotFound) {
			return nil
		}
		if err != nil {
			return vaultProblem(err)
		}
		ok = true
		return json.Unmarshal(b, &meta)
	})
	return meta, ok, err
}

// copyOwners returns the organisation's owners from the offline copy.
func (d *Desk) copyOwners(orgnr string) (*dossier.Owners, bool, error) {
	meta, ok, err := d.ownersMeta()
	if err != nil || !ok {
		return nil, false, err
	}
	var rec ownersRecord
	found := false
	err = d.withVault(func(v *vault.Vault) error {
		b, err := v.Get(meta.bucket(), orgnr)
		if errors.Is(err, vault.ErrNotFound) {
			return nil
		}
		if err != nil {
			return vaultProblem(err)
		}
		if err := json.Unmarshal(b, &rec); err != nil {
			return problem.New(problem.CodeVaultDamaged, err)
		}
		found = rec.Generation == meta.Generation && rec.Owners != nil
		return nil
	})
	if !found {
		return nil, false, err
	}
	rec.Owners.CopyDate = meta.Date
	return rec.Owners, true, err
}

// screenExempt removes from owners exempt from disclosure what the
// register's screening rules remove (specs §4.2): name, birth date,
// identity number, grounds and intermediate entities; birth year,
// citizenship, country of residence and positions remain. The old Partner
// API and downloads do not screen, so Motpart does it before anything is
// shown or kept.
func screenExempt(o *dossier.Owners) {
	if o == nil {
		return
	}
	for i := range o.Owners {
		x := &o.Owners[i]
		if !x.Exempt {
			continue
		}
		if x.BirthYear == "" && len(x.BirthDate) >= 4 {
			x.BirthYear = x.BirthDate[:4]
		}
		x.Name, x.BirthDate, x.NationalID = "", "", ""
		for j := range x.Positions {
			x.Positions[j].Basis = nil
			x.Positions[j].Intermediates = nil
		}
	}
}

// lookupOwners asks the register, and answers from the offline copy when
// the register cannot be reached.
func (d *Desk) lookupOwners(ctx context.Context, regs *Registers, orgnr string) (*dossier.Owners, dossier.Source) {
	owners, src := d.lookupOwnersUnscreened(ctx, regs, orgnr)
	screenExempt(owners)
	return owners, src
}

func (d *Desk) lookupOwnersUnscreened(ctx context.Context, regs *Registers, orgnr string) (*dossier.Owners, dossier.Source) {
	var owners *dossier.Owners
	var src dossier.Source
	if regs.Owners != nil {
		owners, src = regs.Owners.Lookup(ctx, orgnr)
		if owners != nil {
			owners.Source = "online"
		}
	} else {
		src = d.noOwners(regs)
	}
	if src.Status != dossier.StatusFailed && src.Status != dossier.StatusNoAccess {
		return owners, src
	}
	copied, ok, err := d.copyOwners(orgnr)
	if err != nil || !ok {
		return owners, src
	}
	return copied, dossier.Source{ID: "rrh", Status: dossier.StatusOffline, Date: copied.CopyDate, Code: src.Code,
		Message: "The register could not be asked (" + src.Message + "); the owners come from the offline copy of " + copied.CopyDate,
		Fetched: d.cfg.Now().UTC()}
}

// noOwners is the owners register's outcome when it cannot be asked.
func (d *Desk) noOwners(regs *Registers) dossier.Source {
	src := regs.NoOwners
	if src.ID == "" {
		src = dossier.Source{ID: "rrh", Status: dossier.StatusNoAccess, Code: "no_client", Message: "The Register of beneficial owners cannot be asked: set up Maskinporten in Settings"}
	}
	src.Fetched = d.cfg.Now().UTC()
	return src
}

// RevealOwnerID returns the full national identity number of owner index
// i of orgnr's last dossier, and writes that it was shown to the audit log.
func (d *Desk) RevealOwnerID(orgnr string, i int) (string, error) {
	dos, err := d.savedDossier(orgnr)
	if err != nil {
		return "", err
	}
	if dos.Owners == nil || i < 0 || i >= len(dos.Owners.Owners) || dos.Owners.Owners[i].NationalID == "" {
		return "", problem.New(problem.CodeInternal, fmt.Errorf("no identity number to show"))
	}
	id := dos.Owners.Owners[i].NationalID
	n, _ := ident.Parse(id, ident.Options{AllowTestData: true})
	err = d.withVault(func(v *vault.Vault) error {
		return d.audit(v, "reveal", dos.Number, "national identity number of beneficial owner "+n.Masked())
	})
	return id, err
}

// RefreshOwnersCopy brings the offline copy up to date from the register's
// change log: from the copy's position (or, after a fresh import, from a
// few days before the copy's date, as Brønnøysund advises), it reads the
// changes in order and fetches each changed organisation's owners again.
// It never moves past a change it has not applied: when one fails, it
// stops there and the next refresh starts from it. It returns how many
// organisations it updated.
func (d *Desk) RefreshOwnersCopy(ctx context.Context) (int, error) {
	// Not while an import writes and switches the copy.
	d.ownersMu.Lock()
	defer d.ownersMu.Unlock()
	meta, ok, err := d.ownersMeta()
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, problem.New(problem.CodeNoCopy, nil)
	}
	// What an interrupted import left behind goes first.
	if err := d.removeOwnersLeftovers(meta, ok); err != nil {
		return 0, err
	}
	if settings, err := d.RegisterSettings(); err != nil {
		return 0, err
	} else if settings.OwnersAPI() != OwnersAPIV1 {
		// The change log is part of the v1 API only (specs §4.3).
		return 0, problem.New(problem.CodeChangeLogNeedsV1, nil)
	}
	regs, err := d.registers(ctx)
	if err != nil {
		return 0, err
	}
	if regs.Owners == nil {
		return 0, problem.New(problem.CodeNoAccess, errors.New(d.noOwners(regs).Message))
	}
	if meta.Sequence == 0 {
		day, err := time.Parse(time.DateOnly, meta.Date)
		if err != nil {
			day = meta.Imported
		}
		if meta.Sequence, err = regs.Owners.Sequence(ctx, day.AddDate(0, 0, -3)); err != nil {
			return 0, problem.New(problem.CodeRegisterFailed, err)
		}
	}
	updated := 0
	for {
		changes, err := regs.Owners.Changes(ctx, meta.Sequence)
		if err != nil {
			return updated, errors.Join(problem.New(problem.CodeRegisterFailed, err), d.saveOwnersMeta(meta))
		}
		if len(changes) == 0 {
			return updated, d.saveOwnersMeta(meta)
		}
		for _, c := range changes {
			owners, src := regs.Owners.Lookup(ctx, c.OrgNr)
			switch src.Status {
			case dossier.StatusFound:
				owners.Source, owners.CopyDate = "offline", meta.Date
				screenExempt(owners)
				if err := d.putCopyRecord(meta, owners); err != nil {
					return updated, errors.Join(err, d.saveOwnersMeta(meta))
				}
				updated++
			case dossier.StatusNotFound:
				// no longer required to register: nothing to keep
			default:
				// not applied: stop before it, so the next refresh retries it
				return updated, errors.Join(problem.New(problem.CodeRegisterFailed, errors.New(src.Message)), d.saveOwnersMeta(meta))
			}
			meta.Sequence = c.Seq
		}
	}
}

// putCopyRecord stores one organisation's owners in the offline copy meta
// describes.
func (d *Desk) putCopyRecord(meta ownersCopyMeta, o *dossier.Owners) error {
	b, err := json.Marshal(ownersRecord{Generation: meta.Generation, Owners: o})
	if err != nil {
		return problem.New(problem.CodeInternal, err)
	}
	return d.withVault(func(v *vault.Vault) error { return vaultProblem(v.Put(meta.bucket(), o.Number, b)) })
}

// saveOwnersMeta stores the offline copy's description.
func (d *Desk) saveOwnersMeta(meta ownersCopyMeta) error {
	b, err := json.Marshal(meta)
	if err != nil {
		return problem.New(problem.CodeInternal, err)
	}
	return d.withVault(func(v *vault.Vault) error { return vaultProblem(v.Put(ownersMetaBucket, ownersMetaID, b)) })
}
