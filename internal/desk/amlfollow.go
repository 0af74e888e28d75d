package desk

import (
	"context"
	"encoding/json"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// Waits between the polls of an order: the first, doubling up to the
// longest. A 429 or 503 with Retry-After waits what it says, within the
// longest.
const (
	amlPollWait    = time.Second
	amlMaxPollWait = 30 * time.Second
)

// amlState is what the desk keeps of the AML orders while the vault is
// open: the followers, the watchers and the files opened for the viewer.
type amlState struct {
	mu          sync.Mutex
	ctx         context.Context // the followers' context; nil when none may run
	cancel      context.CancelFunc
	locked      chan struct{} // closed when the followers stop
	wg          sync.WaitGroup
	followers   map[string]*follower
	steps       map[string]*stepLock
	watchers    map[int]func(dossier.AMLOrder)
	nextWatcher int
	tempDir     string            // the folder of opened documents; "" until one is opened
	opened      map[string]string // document id -> its file in tempDir
}

// follower follows one order in the background.
type follower struct {
	wake   chan struct{}
	cancel context.CancelFunc
}

// stepLock makes the steps of one order run one at a time.
type stepLock struct {
	mu    sync.Mutex
	users int
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// lockedSignal returns a channel closed when the followers stop (the
// vault locks).
func (d *Desk) lockedSignal() <-chan struct{} {
	a := &d.aml
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.locked == nil {
		a.locked = make(chan struct{})
	}
	return a.locked
}

// follow starts following order id unless it is followed already.
func (d *Desk) follow(id string) {
	a := &d.aml
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, ok := a.followers[id]; ok {
		return
	}
	if a.ctx == nil {
		a.ctx, a.cancel = context.WithCancel(context.Background())
	}
	if a.followers == nil {
		a.followers = map[string]*follower{}
	}
	ctx, cancel := context.WithCancel(a.ctx)
	f := &follower{wake: make(chan struct{}, 1), cancel: cancel}
	a.followers[id] = f
	a.wg.Go(func() {
		defer cancel()
		d.runFollower(ctx, id, f)
		a.mu.Lock()
		if a.followers[id] == f {
			delete(a.followers, id)
		}
		a.mu.Unlock()
	})
}

// unfollow stops following order id.
func (d *Desk) unfollow(id string) {
	a := &d.aml
	a.mu.Lock()
	f := a.followers[id]
	delete(a.followers, id)
	a.mu.Unlock()
	if f != nil {
		f.cancel()
	}
}

// WakeAMLOrder makes the follower of an order ask BankID now instead of
// at its next poll (a webhook arrived).
func (d *Desk) WakeAMLOrder(id string) {
	a := &d.aml
	a.mu.Lock()
	f := a.followers[id]
	a.mu.Unlock()
	if f == nil {
		return
	}
	select {
	case f.wake <- struct{}{}:
	default:
	}
}

// stopFollowers stops every follower and waits until they have, then
// removes the files opened for the viewer. Lock and Close call it before
// the vault closes.
func (d *Desk) stopFollowers() {
	a := &d.aml
	a.mu.Lock()
	cancel := a.cancel
	a.ctx, a.cancel = nil, nil
	a.followers = nil
	if a.locked != nil {
		close(a.locked)
		a.locked = nil
	}
	a.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	a.wg.Wait()
	d.removeOpened()
}

// resumeOrders follows again the orders the vault holds unfinished whose
// session still lives; those whose session expired are marked so. Unlock
// calls it.
func (d *Desk) resumeOrders() {
	orders, err := d.allOrders()
	if err != nil {
		return
	}
	now := d.cfg.Now()
	for _, o := range orders {
		switch {
		case o.Finished():
		case !now.Before(o.ExpiresAt):
			expireOrder(&o)
			if d.saveOrder(&o, nil) == nil {
				d.notify(o)
			}
		default:
			d.follow(o.ID)
		}
	}
}

// runFollower polls BankID about order id until it is finished, ctx ends
// or the vault locks, waiting between polls (woken early by WakeAMLOrder).
func (d *Desk) runFollower(ctx context.Context, id string, f *follower) {
	wait := amlPollWait
	for {
		o, retry, err := d.amlStep(ctx, id)
		if ctx.Err() != nil {
			return
		}
		switch problem.CodeOf(err) {
		case problem.CodeLocked, problem.CodeAMLOrderNotFound:
			return
		case "":
			if o.Finished() {
				return
			}
		}
		pause := wait
		if retry > 0 {
			pause = min(retry, amlMaxPollWait)
		} else {
			wait = min(wait*2, amlMaxPollWait)
		}
		woken, ok := d.pause(ctx, f.wake, pause)
		if !ok {
			return
		}
		if woken {
			wait = amlPollWait
		}
	}
}

// pause waits d, or until wake says so (woken) or ctx ends (!ok).
func (d *Desk) pause(ctx context.Context, wake <-chan struct{}, dur time.Duration) (woken, ok bool) {
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var w atomic.Bool
	done := make(chan struct{})
	go func() {
		defer close(done)
		select {
		case <-wake:
			w.Store(true)
			cancel()
		case <-wctx.Done():
		}
	}()
	_ = d.cfg.Sleep(wctx, dur)
	cancel()
	<-done
	return w.Load(), ctx.Err() == nil
}

// lockStep makes one order's steps run one at a time; call the function
// it returns when done.
func (d *Desk) lockStep(id string) (unlock func()) {
	a := &d.aml
	a.mu.Lock()
	if a.steps == nil {
		a.steps = map[string]*stepLock{}
	}
	l := a.steps[id]
	if l == nil {
		l = &stepLock{}
		a.steps[id] = l
	}
	l.users++
	a.mu.Unlock()
	l.mu.Lock()
	return func() {
		l.mu.Unlock()
		a.mu.Lock()
		if l.users--; l.users == 0 {
			delete(a.steps, id)
		}
		a.mu.Unlock()
	}
}

// expireOrder marks the unfinished parts of o expired.
func expireOrder(o *dossier.AMLOrder) {
	for i := range o.Parts {
		if !o.Parts[i].State.Finished() {
			o.Parts[i].State = dossier.OrderExpired
		}
	}
	o.Problem = string(problem.CodeBankIDSessionExpired)
}

// failOrder marks the unfinished parts of o failed with code.
func failOrder(o *dossier.AMLOrder, code problem.Code) {
	for i := range o.Parts {
		if !o.Parts[i].State.Finished() {
			o.Parts[i].State = dossier.OrderFailed
			o.Parts[i].Problem = string(code)
		}
	}
	o.Problem = string(code)
}

// refusals are the failures of a fetch that fail its part for good: a
// report that is not a whole PDF, an answer that cannot be read.
var refusals = map[problem.Code]bool{
	problem.CodeBankIDReportNotPDF:   true,
	problem.CodeBankIDReportTooLarge: true,
	problem.CodeAnswerCutOff:         true,
	problem.CodeUnreadableAnswer:     true,
	problem.CodeAnswerTooLarge:       true,
	problem.CodeBankIDNotFound:       true,
}

// orderEnders are the failures of a status poll that end the whole order:
// BankID does not know the session or will not let the client ask.
var orderEnders = map[problem.Code]bool{
	problem.CodeBankIDNotFound:      true,
	problem.CodeBankIDForbidden:     true,
	problem.CodeBankIDBadRequest:    true,
	problem.CodeBankIDInvalidClient: true,
	problem.CodeBankIDTokenRefused:  true,
	problem.CodeBankIDConfig:        true,
}

// amlStep asks BankID once about order id and stores what is ready: the
// data, and each document as a vault blob with its record. It saves the
// order when a part's state changed and tells the watchers. retry is the
// wait the service asked for; err a failure that may pass (the order is
// unchanged by it).
func (d *Desk) amlStep(ctx context.Context, id string) (dossier.AMLOrder, time.Duration, error) {
	unlock := d.lockStep(id)
	o, changed, retry, err := d.step(ctx, id)
	unlock()
	if changed {
		d.notify(o) // outside the step's lock: a watcher may ask for a step
	}
	return o, retry, err
}

// step is amlStep under the order's lock; changed says whether the order
// changed.
func (d *Desk) step(ctx context.Context, id string) (o dossier.AMLOrder, changed bool, retry time.Duration, err error) {
	o, err = d.storedOrder(id)
	if err != nil || o.Finished() {
		return o, false, 0, err
	}
	before := stateOf(&o)
	saved := before // the state the vault has
	defer func() {
		now := stateOf(&o)
		if now != saved {
			if serr := d.saveOrder(&o, nil); serr != nil && err == nil {
				err = serr
			}
		}
		changed = now != before
	}()
	if !d.cfg.Now().Before(o.ExpiresAt) {
		expireOrder(&o)
		return o, false, 0, nil
	}
	src, err := d.amlSource(ctx)
	if err != nil {
		return o, false, 0, err
	}
	s, retry, err := src.Status(ctx, o.ID)
	code := problem.CodeOf(err)
	switch {
	case err == nil:
	case code == problem.CodeBankIDSessionExpired:
		d.fetchDone(ctx, src, &o, s, &saved) // what is done may still be had
		expireOrder(&o)
		return o, false, 0, nil
	case code == problem.CodeBankIDSessionFailed:
		d.fetchDone(ctx, src, &o, s, &saved)
		failOrder(&o, problem.CodeBankIDSessionFailed)
		return o, false, 0, nil
	case orderEnders[code]:
		failOrder(&o, code)
		return o, false, 0, nil
	default:
		return o, false, retry, err
	}
	return o, false, 0, d.fetchDone(ctx, src, &o, s, &saved)
}

// stateOf is a digest of o's states, to tell whether a step changed it.
func stateOf(o *dossier.AMLOrder) string {
	b, _ := json.Marshal(struct {
		P []dossier.OrderPart
		N string
		Q string
	}{o.Parts, o.Name, o.Problem})
	return string(b)
}

// fetchDone brings o's parts up to session s: it fetches and stores the
// parts that are done (the data first) and notes the others' states. It
// returns the first failure that may pass; such a part keeps its state.
// saved is set to o's state whenever a part is stored with the order.
func (d *Desk) fetchDone(ctx context.Context, src AMLSource, o *dossier.AMLOrder, s AMLSession, saved *string) error {
	var first error
	for i := range o.Parts {
		p := &o.Parts[i]
		if p.State.Finished() {
			continue
		}
		switch s.Parts[p.Kind] {
		case AMLNotStarted:
			p.State = dossier.OrderWaiting
		case AMLInProgress:
			p.State = dossier.OrderPreparing
		case AMLFailed:
			p.State, p.Problem = dossier.OrderFailed, string(problem.CodeBankIDSessionFailed)
		case AMLExpired:
			p.State = dossier.OrderExpired
		case AMLDone:
			err := d.fetchPart(ctx, src, o, i)
			code := problem.CodeOf(err)
			switch {
			case err == nil:
				*saved = stateOf(o)
			case refusals[code]:
				p.State, p.Problem = dossier.OrderFailed, string(code)
			case code == problem.CodeBankIDSessionExpired:
				p.State = dossier.OrderExpired
			case first == nil:
				first = err
			}
		}
	}
	return first
}

// fetchPart fetches part i of o, which BankID has done, and stores it.
func (d *Desk) fetchPart(ctx context.Context, src AMLSource, o *dossier.AMLOrder, i int) error {
	p := &o.Parts[i]
	if p.Kind == dossier.PartData {
		a, err := src.Data(ctx, o.ID, ident.Country(o.Country))
		if err != nil {
			return err
		}
		if o.Name == "" && a.Key != nil {
			o.Name = a.Key.Name
		}
		p.State = dossier.OrderReady
		err = d.saveOrder(o, func(tx *vault.Tx) error { return putAMLData(tx, o, a) })
		if err != nil {
			p.State = dossier.OrderPreparing
		}
		return err
	}
	pdf, err := src.Document(ctx, o.ID, p.Kind)
	if err != nil {
		return err
	}
	return d.storeDocument(ctx, o, i, pdf)
}

// removeOpened removes the files opened for the viewer and their folder.
func (d *Desk) removeOpened() {
	a := &d.aml
	a.mu.Lock()
	dir := a.tempDir
	a.tempDir, a.opened = "", nil
	a.mu.Unlock()
	if dir != "" {
		_ = os.RemoveAll(dir)
	}
}
