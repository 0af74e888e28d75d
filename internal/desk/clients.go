package desk

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// The client portfolio's vault names.
const (
	// clientsBucket holds one portfolio.Client per client, by its number.
	clientsBucket = "clients"
	// snapshotsBucket holds each client's latest portfolio.Snapshot, by its
	// number; snapshotHistoryBucket every snapshot that differed from the
	// one before it, by number + "/" + its time (RFC 3339, UTC).
	snapshotsBucket       = "client_snapshots"
	snapshotHistoryBucket = "client_snapshot_history"
	// changesBucket holds one portfolio.Change per change, by its ID.
	changesBucket = "client_changes"
	// checkBucket holds the check's records: checkRunRecord (the running
	// or interrupted check, its checkpoint), checkLastRecord (the last
	// finished check's portfolio.Summary) and checkCursorRecord (the
	// change feeds' positions).
	checkBucket       = "client_check"
	checkRunRecord    = "run"
	checkLastRecord   = "last"
	checkCursorRecord = "cursors"
)

// Setting keys of the client portfolio.
const (
	// SettingClientsCheckAtStart: "true" to check the clients when the
	// vault is unlocked and the last check is older than a day.
	SettingClientsCheckAtStart = "clients.check_at_start"
	// SettingClientsConcurrency: how many clients are looked up at once
	// (1–16; default 8).
	SettingClientsConcurrency = "clients.concurrency"
)

// ClientSettings are the client portfolio's settings.
type ClientSettings struct {
	// CheckAtStart checks the clients on unlock when the last check is
	// older than a day.
	CheckAtStart bool
	// Concurrency is how many clients are looked up at once; 0 means the
	// default (8).
	Concurrency int
}

// getClient reads one client; problem.CodeNotAClient when there is none.
func getClient(tx *vault.Tx, number string) (portfolio.Client, error) {
	var c portfolio.Client
	data, err := tx.Get(clientsBucket, number)
	if errors.Is(err, vault.ErrNotFound) {
		return c, problem.New(problem.CodeNotAClient, nil)
	}
	if err != nil {
		return c, fmt.Errorf("reading client %s: %w", number, err)
	}
	if err := json.Unmarshal(data, &c); err != nil {
		return c, problem.New(problem.CodeVaultDamaged, fmt.Errorf("client record: %w", err))
	}
	return c, nil
}

// putClient writes one client.
func putClient(tx *vault.Tx, c portfolio.Client) error {
	data, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("encoding client %s: %w", c.Number, err)
	}
	return tx.Put(clientsBucket, c.Number, data)
}

// getSnapshot reads a client's latest snapshot; ok is false when there is
// none yet.
func getSnapshot(tx *vault.Tx, number string) (s portfolio.Snapshot, ok bool, err error) {
	data, err := tx.Get(snapshotsBucket, number)
	if errors.Is(err, vault.ErrNotFound) {
		return s, false, nil
	}
	if err != nil {
		return s, false, fmt.Errorf("reading snapshot of %s: %w", number, err)
	}
	if err := json.Unmarshal(data, &s); err != nil {
		return s, false, problem.New(problem.CodeVaultDamaged, fmt.Errorf("snapshot record: %w", err))
	}
	return s, true, nil
}

// putChange writes one change.
func putChange(tx *vault.Tx, c portfolio.Change) error {
	data, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("encoding change %s: %w", c.ID, err)
	}
	return tx.Put(changesBucket, c.ID, data)
}

// CONTRACT: the stubs below are written by the helpers "deskclients"
// (the list, import, export, changes, settings, sandbox clock) and
// "deskcheck" (the check, now in check*.go). Until then they fail.

var errNotBuilt = problem.New(problem.CodeInternal, errors.New("not built yet"))

// Clients returns every client, by name (then number), with Flags and
// Risk filled from the changes of the last portfolio.FlagDays days.
func (d *Desk) Clients() ([]portfolio.Client, error) { return nil, errNotBuilt }

// Client returns one client; problem.CodeNotAClient when the number is
// not one.
func (d *Desk) Client(number string) (portfolio.Client, error) {
	return portfolio.Client{}, errNotBuilt
}

// IsClient reports whether the number (in any form Identify takes) is one
// of the clients.
func (d *Desk) IsClient(number string) (bool, error) { return false, errNotBuilt }

// AddClient adds a client by its number, with the firm's reference and the
// responsible person; the name and standing are taken from its saved
// dossier when there is one. problem.CodeClientExists when it is one
// already; problem.CodeNotOrgNr when the number is not valid. Audited.
func (d *Desk) AddClient(number, reference, responsible string) (portfolio.Client, error) {
	return portfolio.Client{}, errNotBuilt
}

// UpdateClient changes a client's reference and responsible person.
func (d *Desk) UpdateClient(number, reference, responsible string) error { return errNotBuilt }

// RemoveClient removes a client with its snapshots and changes. Audited.
func (d *Desk) RemoveClient(number string) error { return errNotBuilt }

// PreviewClientImport reads the start of a CSV or XLSX file and finds the
// columns holding the numbers, the reference and the responsible person.
func (d *Desk) PreviewClientImport(path string) (portfolio.ImportPreview, error) {
	return portfolio.ImportPreview{}, errNotBuilt
}

// ImportClients imports the clients of a CSV (",", ";" or tab; UTF-8,
// UTF-8 with BOM or Windows-1252) or XLSX file, reporting every row. It
// adds all the new clients in one transaction at the end: cancelled or
// failed, it adds none. progress is called with rows read and the total
// (-1 when unknown).
func (d *Desk) ImportClients(ctx context.Context, path string, opt portfolio.ImportOptions, progress func(done, total int)) (portfolio.ImportReport, error) {
	return portfolio.ImportReport{}, errNotBuilt
}

// ClientChanges returns the changes the filter keeps, newest first (by
// Detected, then Number).
func (d *Desk) ClientChanges(f portfolio.ChangeFilter) ([]portfolio.Change, error) {
	return nil, errNotBuilt
}

// ExportClients writes the client list to path, as XLSX or CSV by its
// extension (CSV: UTF-8 with BOM, ";" and CRLF, as Excel opens it), whole
// or not at all.
func (d *Desk) ExportClients(path string) error { return errNotBuilt }

// ExportChanges writes the changes the filter keeps to path, as
// ExportClients writes.
func (d *Desk) ExportChanges(path string, f portfolio.ChangeFilter) error { return errNotBuilt }

// ClientSettings returns the client portfolio's settings.
func (d *Desk) ClientSettings() (ClientSettings, error) { return ClientSettings{}, errNotBuilt }

// SetClientSettings stores the client portfolio's settings.
func (d *Desk) SetClientSettings(s ClientSettings) error { return errNotBuilt }

// SandboxNow is the sandbox's time; problem.CodeNotSandbox outside it.
func (d *Desk) SandboxNow() (time.Time, error) { return time.Time{}, errNotBuilt }

// AdvanceSandbox moves the sandbox's clock ahead by dur, so that the
// changes of its world due by then happen; problem.CodeNotSandbox outside
// the sandbox. Audited.
func (d *Desk) AdvanceSandbox(dur time.Duration) error { return errNotBuilt }
