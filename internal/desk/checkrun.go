package desk

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// How the check stores what it settled: one transaction for up to
// batchLookups clients looked up (or batchAny clients in all), or what
// was settled within batchWait.
const (
	batchLookups = 64
	batchAny     = 512
	batchWait    = 250 * time.Millisecond
)

// How the check waits when a register asks it to slow down: checkTries
// tries in all, the waits doubling from retryBase up to retryMax, each
// with up to a quarter more or less (jitter).
const (
	checkTries = 6
	retryBase  = 2 * time.Second
	retryMax   = time.Minute
)

// settled is one client as a check settled it.
type settled struct {
	ref     clientRef
	outcome portfolio.Outcome
	// dos is the dossier read (looked up or not found); nil otherwise.
	dos *dossier.Dossier
	// problem is the problem code when the client could not be settled.
	problem string
}

// checkState is a running check's progress, shared by its goroutines.
type checkState struct {
	mu       sync.Mutex
	run      *checkRun
	waiting  int       // workers waiting for a register
	until    time.Time // the latest time one of them goes on
	progress *progressQueue
}

// snapshot is the run's progress now.
func (s *checkState) snapshot() portfolio.Progress {
	p := s.run.Progress
	if s.waiting > 0 {
		p.Waiting = s.until
	}
	return p
}

// wait records that a worker waits until t, and says so.
func (s *checkState) wait(t time.Time) {
	s.mu.Lock()
	s.waiting++
	s.until = maxTime(s.until, t)
	p := s.snapshot()
	s.mu.Unlock()
	s.progress.push(p)
}

// waited records that a worker goes on.
func (s *checkState) waited() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.waiting--; s.waiting == 0 {
		s.until = time.Time{}
	}
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// runCheck settles every client run has not settled yet: those the feeds
// leave alone at once, the others by looking them up, concurrency at a
// time. It returns when all are stored, or ctx ended (CodeCanceled).
func (d *Desk) runCheck(ctx context.Context, run *checkRun, refs []clientRef, concurrency int, out *progressQueue) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// The storing goroutine owns run.Progress from here on.
	runID, feed := run.Progress.Run, run.Progress.Feed
	st := &checkState{run: run, progress: out}
	named := make(map[string]bool, len(run.Named))
	for _, n := range run.Named {
		named[n] = true
	}
	connected := map[string]bool{string(ident.CountryNO): true,
		string(ident.CountrySE): d.swedishConnected(ctx), string(ident.CountryFI): d.finnishConnected(ctx)}

	results := make(chan settled, 2*concurrency)
	stored := make(chan error, 1)
	go func() { stored <- d.storeSettled(st, results, cancel) }()

	jobs := make(chan clientRef)
	var wg sync.WaitGroup
	for range concurrency {
		wg.Go(func() {
			for ref := range jobs {
				if s, ok := d.checkOne(ctx, ref, st); ok {
					results <- s
				}
			}
		})
	}
plan:
	for _, ref := range refs {
		if ref.Run == runID {
			continue // settled before the run was interrupted
		}
		switch {
		case !connected[ref.Country]:
			results <- settled{ref: ref, outcome: portfolio.OutcomeNotCovered, problem: string(problem.CodeCountryNotConnected)}
			continue
		case ref.Country == string(ident.CountryNO) && feed == portfolio.FeedUsed &&
			!named[ref.Number] && ref.Checked && !ref.Failed:
			results <- settled{ref: ref, outcome: portfolio.OutcomeFeed}
			continue
		}
		select {
		case jobs <- ref:
		case <-ctx.Done():
			break plan
		}
	}
	close(jobs)
	wg.Wait()
	close(results)
	if err := <-stored; err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return problem.New(problem.CodeCanceled, err)
	}
	return nil
}

// checkOne looks one client up, waiting and trying again while a register
// asks to slow down or is briefly unavailable. ok is false when ctx ended
// first: the client stays for the run to resume.
func (d *Desk) checkOne(ctx context.Context, ref clientRef, st *checkState) (s settled, ok bool) {
	s.ref = ref
	n, err := ident.ParseOrgNr(ref.Number, d.identOptions(""))
	if err != nil {
		s.outcome, s.problem = portfolio.OutcomeFailed, string(problem.CodeNotOrgNr)
		return s, true
	}
	for try := 0; ; try++ {
		dos, _, err := d.gather(ctx, n)
		if ctx.Err() != nil {
			return s, false
		}
		if err != nil {
			s.outcome, s.problem = portfolio.OutcomeFailed, string(problem.CodeOf(err))
			return s, true
		}
		if retryable(dos) && try < checkTries-1 {
			wait := backoff(try)
			st.wait(d.cfg.Now().Add(wait))
			err := d.cfg.Sleep(ctx, wait)
			st.waited()
			if err != nil {
				return s, false
			}
			continue
		}
		switch dos.Outcome() {
		case dossier.OutcomeAnswered:
			s.outcome, s.dos = portfolio.OutcomeLookedUp, dos
		case dossier.OutcomeNotFound:
			s.outcome, s.dos = portfolio.OutcomeNotFound, dos
		default:
			// No source answered: nothing is stored but the failure.
			s.outcome, s.problem = portfolio.OutcomeFailed, failedProblem(dos)
		}
		return s, true
	}
}

// retryable reports whether a source of dos failed in a way that passes:
// a 429, an unavailable register, a timeout.
func retryable(dos *dossier.Dossier) bool {
	for _, src := range dos.Sources {
		if src.Status != dossier.StatusFailed {
			continue
		}
		switch problem.Code(src.Problem) {
		case problem.CodeRateLimited, problem.CodeRegisterUnavailable, problem.CodeTimeout:
			return true
		}
		switch src.Code {
		case "timeout", "http_429", "http_502", "http_503", "http_504":
			return true
		}
	}
	return false
}

// failedProblem is the problem code of a lookup no source answered.
func failedProblem(dos *dossier.Dossier) string {
	for _, src := range dos.Sources {
		if src.Status == dossier.StatusFailed && src.Problem != "" {
			return src.Problem
		}
	}
	return string(problem.CodeRegisterUnavailable)
}

// backoff is the wait before try+1: doubling, bounded, with jitter.
func backoff(try int) time.Duration {
	d := min(retryBase<<try, retryMax)
	return d - d/4 + rand.N(d/2+1)
}

// storeSettled stores what arrives on results in batches, each in one
// transaction with the checkpoint, and reports each client's progress
// after its batch is stored. On a failure it cancels the run, drains
// results and returns the failure.
func (d *Desk) storeSettled(st *checkState, results <-chan settled, cancel func()) error {
	var batch []settled
	lookups := 0
	var deadline <-chan time.Time
	var failed error
	most := batchLookups
	if d.checkBatch > 0 {
		most = d.checkBatch
	}
	flush := func() {
		if failed == nil && len(batch) > 0 {
			if failed = d.storeBatch(st, batch); failed != nil {
				cancel()
			}
		}
		batch, lookups, deadline = batch[:0], 0, nil
	}
	for {
		select {
		case s, ok := <-results:
			if !ok {
				flush()
				return failed
			}
			batch = append(batch, s)
			if s.dos != nil {
				lookups++
			}
			if deadline == nil {
				deadline = time.After(batchWait)
			}
			if lookups >= most || len(batch) >= batchAny {
				flush()
			}
		case <-deadline:
			flush()
		}
	}
}

// storeBatch stores a batch of settled clients and the checkpoint in one
// transaction: each one's dossier, snapshot, changes and client record.
func (d *Desk) storeBatch(st *checkState, batch []settled) error {
	st.mu.Lock()
	run := *st.run
	st.mu.Unlock()
	var events []portfolio.Progress
	err := d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			events = events[:0]
			p := run.Progress
			for _, s := range batch {
				found, ok, err := d.storeOne(tx, p.Run, p.Changes, s)
				if err != nil {
					return err
				}
				if !ok {
					continue
				}
				p.Done++
				switch s.outcome {
				case portfolio.OutcomeLookedUp, portfolio.OutcomeNotFound:
					p.LookedUp++
				case portfolio.OutcomeFeed:
					p.ViaFeed++
				default:
					p.Failed++
				}
				p.Changes += len(found)
				for _, c := range found {
					if c.Risk == portfolio.RiskHigh {
						p.High++
					}
				}
				p.Current, p.Found = s.ref.Number, found
				events = append(events, p)
			}
			p.Current, p.Found = "", nil
			stored := run
			stored.Progress = p
			return putRecord(tx, checkRunRecord, &stored)
		}))
	})
	if err != nil {
		return err
	}
	st.mu.Lock()
	for _, e := range events {
		st.run.Progress = e
		st.run.Progress.Found = nil
		q := st.snapshot()
		q.Found = e.Found
		st.progress.push(q)
	}
	st.run.Progress.Current = ""
	st.mu.Unlock()
	return nil
}

// storeOne stores one settled client in tx; seq is how many changes the
// run found before it (their IDs go on from it). ok is false when the
// client is gone, or this run settled it already.
func (d *Desk) storeOne(tx *vault.Tx, runID string, seq int, s settled) (found []portfolio.Change, ok bool, err error) {
	c, err := getClient(tx, s.ref.Number)
	if problem.CodeOf(err) == problem.CodeNotAClient {
		return nil, false, nil // removed while the check ran
	}
	if err != nil || c.Run == runID {
		return nil, false, err
	}
	now := d.cfg.Now().UTC()
	if s.dos != nil {
		found, err = d.storeDossier(tx, runID, seq, s.dos)
		if err != nil {
			return nil, false, err
		}
		if name := dossierName(s.dos); name != "" {
			c.Name = name
		}
		if s.dos.Company != nil {
			c.Standing = s.dos.Company.Standing()
		}
		for i := range found {
			found[i].Name = c.Name
		}
		for _, ch := range found {
			if err := putChange(tx, ch); err != nil {
				return nil, false, err
			}
		}
	}
	c.LastChecked, c.LastOutcome, c.LastProblem, c.Run = now, s.outcome, s.problem, runID
	return found, true, putClient(tx, c)
}

// storeDossier saves a checked client's dossier as a lookup saves it (no
// history entry: a check is not the user looking something up), its
// snapshot, and returns the changes since the last snapshot.
func (d *Desk) storeDossier(tx *vault.Tx, runID string, seq int, dos *dossier.Dossier) ([]portfolio.Change, error) {
	data, err := json.Marshal(dos)
	if err != nil {
		return nil, fmt.Errorf("encoding the dossier of %s: %w", dos.Number, err)
	}
	if err := tx.Put(dossiersBucket, dos.Number, data); err != nil {
		return nil, err
	}
	snap := portfolio.SnapshotOf(dos)
	old, had, err := getSnapshot(tx, dos.Number)
	if err != nil {
		return nil, err
	}
	var found []portfolio.Change
	if had {
		found = portfolio.Diff(old, snap)
		for i := range found {
			found[i].ID = fmt.Sprintf("%s-%06d", runID, seq+i+1)
			found[i].Number = dos.Number
		}
	}
	data, err = json.Marshal(snap)
	if err != nil {
		return nil, fmt.Errorf("encoding the snapshot of %s: %w", dos.Number, err)
	}
	if err := tx.Put(snapshotsBucket, dos.Number, data); err != nil {
		return nil, err
	}
	if !had || !sameSnapshot(old, snap) {
		key := dos.Number + "/" + snap.Taken.UTC().Format(time.RFC3339)
		if err := tx.Put(snapshotHistoryBucket, key, data); err != nil {
			return nil, err
		}
	}
	return found, nil
}

// sameSnapshot reports whether a and b read the same facts, whenever
// they were taken.
func sameSnapshot(a, b portfolio.Snapshot) bool {
	a.Taken, b.Taken = time.Time{}, time.Time{}
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

// dossierName is the name a dossier gives its unit; "" when none.
func dossierName(dos *dossier.Dossier) string {
	switch {
	case dos.Company != nil:
		return dos.Company.Name
	case dos.AML != nil && dos.AML.Key != nil:
		return dos.AML.Key.Name
	}
	return ""
}

// progressQueue calls a progress function on its own goroutine, in
// order, without making those who report wait; reports that brought no
// changes may be skipped for a newer one (push).
type progressQueue struct {
	mu    sync.Mutex
	items []portfolio.Progress
	wake  chan struct{}
	done  chan struct{}
	shut  bool
}

// newProgressQueue starts a queue that calls fn.
func newProgressQueue(fn func(portfolio.Progress)) *progressQueue {
	q := &progressQueue{wake: make(chan struct{}, 1), done: make(chan struct{})}
	go func() {
		defer close(q.done)
		for {
			q.mu.Lock()
			items, shut := q.items, q.shut
			q.items = nil
			q.mu.Unlock()
			for _, p := range items {
				fn(p)
			}
			if shut && len(items) == 0 {
				return
			}
			if len(items) == 0 {
				<-q.wake
			}
		}
	}()
	return q
}

// push queues p. A queued report that brought no changes is replaced by
// the newer p, whose counts include it, so a slow reader (the window
// drawing, a benchmark collecting garbage) never makes the queue grow
// with the number of clients: it holds at most the reports that carry
// changes, and one more.
func (q *progressQueue) push(p portfolio.Progress) {
	q.mu.Lock()
	if n := len(q.items); n > 0 && len(q.items[n-1].Found) == 0 {
		q.items[n-1] = p
	} else {
		q.items = append(q.items, p)
	}
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// close waits until everything queued is reported.
func (q *progressQueue) close() {
	q.mu.Lock()
	q.shut = true
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
	<-q.done
}
