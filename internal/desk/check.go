package desk

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// The check of the clients: check.go plans a run and keeps its records,
// checkfeed.go reads Norway's change feeds, checkrun.go looks the clients
// up and stores what it found.

// defaultCheckConcurrency is how many clients a check looks up at once
// when the settings say nothing.
const defaultCheckConcurrency = 8

// checkDueAfter is how old the last finished check may be before a check
// at start is due.
const checkDueAfter = 24 * time.Hour

// checkRun is the running or interrupted check as the vault keeps it
// (checkBucket/checkRunRecord): its checkpoint.
type checkRun struct {
	// Progress holds the run's id, start and counters as of the last
	// transaction that settled clients.
	Progress portfolio.Progress `json:"progress"`
	// FeedsRead is set once Norway's feeds are read: a resumed run does
	// not read them again.
	FeedsRead bool `json:"feeds_read"`
	// Named are the Norwegian clients the feeds named (to look up again),
	// sorted; meaningful when Progress.Feed is portfolio.FeedUsed.
	Named []string `json:"named,omitempty"`
	// Cursors are the feeds' positions to store when the run finishes;
	// nil leaves them as they are.
	Cursors *feedCursors `json:"cursors,omitempty"`
}

// newRunID returns a new check run's id: its start and a random part, so
// that two runs never share one (the changes' IDs are made of it).
func newRunID(started time.Time) (string, error) {
	b := make([]byte, 4)
	if _, err := rand.Read(b); err != nil {
		return "", problem.New(problem.CodeInternal, fmt.Errorf("making a check id: %w", err))
	}
	return started.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b), nil
}

// getRecord reads one JSON record of checkBucket into v; ok is false when
// there is none.
func getRecord(tx *vault.Tx, id string, v any) (ok bool, err error) {
	data, err := tx.Get(checkBucket, id)
	if errors.Is(err, vault.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("reading the check's %s record: %w", id, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return false, problem.New(problem.CodeVaultDamaged, fmt.Errorf("the check's %s record: %w", id, err))
	}
	return true, nil
}

// putRecord writes one JSON record of checkBucket.
func putRecord(tx *vault.Tx, id string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encoding the check's %s record: %w", id, err)
	}
	return tx.Put(checkBucket, id, data)
}

// PendingCheck returns the interrupted check's progress; ok is false when
// there is none.
func (d *Desk) PendingCheck() (p portfolio.Progress, ok bool, err error) {
	var run checkRun
	err = d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.View(func(tx *vault.Tx) error {
			ok, err = getRecord(tx, checkRunRecord, &run)
			return err
		}))
	})
	return run.Progress, ok, err
}

// AbandonCheck forgets the interrupted check: the clients it settled stay
// settled, the feeds' positions stay where the last finished check left
// them. problem.CodeNoPendingCheck when there is none.
func (d *Desk) AbandonCheck() error {
	if !d.checkMu.TryLock() {
		return problem.New(problem.CodeCheckRunning, nil)
	}
	defer d.checkMu.Unlock()
	return d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			var run checkRun
			ok, err := getRecord(tx, checkRunRecord, &run)
			if err != nil {
				return err
			}
			if !ok {
				return problem.New(problem.CodeNoPendingCheck, nil)
			}
			if err := tx.Delete(checkBucket, checkRunRecord); err != nil {
				return err
			}
			return tx.Audit(vault.AuditEntry{Action: "clients.check.abandon",
				Detail: fmt.Sprintf("%d of %d clients settled", run.Progress.Done, run.Progress.Total)})
		}))
	})
}

// LastCheck returns the last finished check's summary; ok is false when
// none finished yet.
func (d *Desk) LastCheck() (s portfolio.Summary, ok bool, err error) {
	err = d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.View(func(tx *vault.Tx) error {
			ok, err = getRecord(tx, checkLastRecord, &s)
			return err
		}))
	})
	return s, ok, err
}

// CheckDue reports whether the settings ask for a check at start and the
// last finished check is older than a day (or there was none, with
// clients to check).
func (d *Desk) CheckDue() (bool, error) {
	s, err := d.checkSettings()
	if err != nil || !s.CheckAtStart {
		return false, err
	}
	var last portfolio.Summary
	var ok bool
	clients := 0
	err = d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.View(func(tx *vault.Tx) error {
			if ok, err = getRecord(tx, checkLastRecord, &last); err != nil {
				return err
			}
			clients, err = tx.Count(clientsBucket)
			return err
		}))
	})
	if err != nil {
		return false, err
	}
	if !ok {
		return clients > 0, nil
	}
	return d.cfg.Now().Sub(last.Finished) > checkDueAfter, nil
}

// checkSettings are the client settings as the check uses them, with the
// defaults filled in.
func (d *Desk) checkSettings() (ClientSettings, error) {
	s, err := d.ClientSettings()
	if err != nil {
		return s, err
	}
	if s.Concurrency <= 0 {
		s.Concurrency = defaultCheckConcurrency
	}
	return s, nil
}

// clientRef is what the check's plan needs of a client: not its dossier.
type clientRef struct {
	Number, Country string
	Run             string
	Checked         bool // LastChecked is set
	Failed          bool // the last check could not settle it
}

// clientRefs reads every client's number, country and last check, in
// the order of the vault.
func clientRefs(tx *vault.Tx) ([]clientRef, error) {
	var refs []clientRef
	err := tx.ForEach(clientsBucket, func(id string, value []byte) error {
		var c portfolio.Client
		if err := json.Unmarshal(value, &c); err != nil {
			return problem.New(problem.CodeVaultDamaged, fmt.Errorf("client record %s: %w", id, err))
		}
		refs = append(refs, clientRef{Number: c.Number, Country: c.Country, Run: c.Run,
			Checked: !c.LastChecked.IsZero(), Failed: c.LastOutcome == portfolio.OutcomeFailed})
		return nil
	})
	return refs, err
}

// CheckClients checks every client, or resumes the interrupted check,
// and returns when it is done or ctx ends. Norway's clients are looked up
// again only when the change feeds name them (every one at the first
// check, or when the feeds cannot be used); Sweden's and Finland's are
// looked up within their registers' limits. Each client settled is stored
// with its snapshot and changes in the same transaction as the
// checkpoint, so a check stopped (ctx cancelled: paused) or killed goes
// on where it stopped and counts nothing twice. progress is called after
// each step, off the caller's goroutine. problem.CodeCheckRunning when a
// check runs already.
func (d *Desk) CheckClients(ctx context.Context, progress func(portfolio.Progress)) (portfolio.Summary, error) {
	if !d.checkMu.TryLock() {
		return portfolio.Summary{}, problem.New(problem.CodeCheckRunning, nil)
	}
	defer d.checkMu.Unlock()
	if progress == nil {
		progress = func(portfolio.Progress) {}
	}
	settings, err := d.checkSettings()
	if err != nil {
		return portfolio.Summary{}, err
	}
	run, refs, err := d.planCheck()
	if err != nil {
		return portfolio.Summary{}, err
	}
	out := newProgressQueue(progress)
	defer out.close()
	if !run.FeedsRead {
		out.push(run.Progress)
		if err := d.readFeedsForRun(ctx, run, refs); err != nil {
			return portfolio.Summary{Progress: run.Progress}, err
		}
	}
	run.Progress.Phase = portfolio.PhaseLookups
	out.push(run.Progress)
	if err := d.runCheck(ctx, run, refs, settings.Concurrency, out); err != nil {
		return portfolio.Summary{Progress: run.Progress}, err
	}
	sum, err := d.finishCheck(run)
	if err == nil {
		out.push(sum.Progress)
	}
	return sum, err
}

// planCheck reads the clients and the interrupted run, or starts a new
// run (audited) when there is none.
func (d *Desk) planCheck() (*checkRun, []clientRef, error) {
	run := new(checkRun)
	var refs []clientRef
	err := d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			var err error
			if refs, err = clientRefs(tx); err != nil {
				return err
			}
			ok, err := getRecord(tx, checkRunRecord, run)
			if err != nil || ok {
				return err
			}
			started := d.cfg.Now().UTC()
			id, err := newRunID(started)
			if err != nil {
				return err
			}
			run.Progress = portfolio.Progress{Run: id, Started: started, Phase: portfolio.PhaseFeeds, Total: len(refs)}
			if err := putRecord(tx, checkRunRecord, run); err != nil {
				return err
			}
			return tx.Audit(vault.AuditEntry{Action: "clients.check.start", Detail: fmt.Sprintf("%d clients", len(refs))})
		}))
	})
	if err != nil {
		return nil, nil, err
	}
	// A run resumed counts the clients added since it started too.
	run.Progress.Total = max(run.Progress.Total, len(refs))
	return run, refs, nil
}

// finishCheck ends the run: the summary becomes the last check, the feeds'
// positions move to where the run read them, and the checkpoint goes.
func (d *Desk) finishCheck(run *checkRun) (portfolio.Summary, error) {
	run.Progress.Phase = portfolio.PhaseDone
	run.Progress.Current = ""
	run.Progress.Waiting = time.Time{}
	run.Progress.Found = nil
	sum := portfolio.Summary{Progress: run.Progress, Finished: d.cfg.Now().UTC()}
	err := d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			if err := putRecord(tx, checkLastRecord, sum); err != nil {
				return err
			}
			if run.Cursors != nil {
				if err := putRecord(tx, checkCursorRecord, run.Cursors); err != nil {
					return err
				}
			}
			if err := tx.Delete(checkBucket, checkRunRecord); err != nil {
				return err
			}
			p := run.Progress
			return tx.Audit(vault.AuditEntry{Action: "clients.check.finish",
				Detail: fmt.Sprintf("%d clients: %d looked up, %d via the feeds, %d failed; %d changes (%d high risk); feeds %s",
					p.Done, p.LookedUp, p.ViaFeed, p.Failed, p.Changes, p.High, p.Feed)})
		}))
	})
	return sum, err
}
