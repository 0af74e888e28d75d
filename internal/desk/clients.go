package desk

import (
	"encoding/json"
	"errors"
	"fmt"

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

// ClientSettings are the client portfolio's settings (the vocabulary's
// type, so the window can name it too).
type ClientSettings = portfolio.Settings

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
