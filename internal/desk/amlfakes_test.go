package desk

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// fakePDF is a whole (tiny) PDF the fake BankID sends.
func fakePDF(kind, session string) []byte {
	return fmt.Appendf(nil, "%%PDF-1.4\n%% %s report of session %s\n%%%%EOF\n", kind, session)
}

// amlClock is the tests' clock; the fake sleep moves it on.
type amlClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *amlClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *amlClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// fakeAML is BankID's AML service as the tests script it. Each session
// answers NOT_STARTED at its first status poll, IN_PROGRESS at the next,
// and is done from its doneAt-th (default 3).
type fakeAML struct {
	clock *amlClock

	mu       sync.Mutex
	sessions map[string]*fakeSession
	orders   []AMLSessionOrder
	polls    int // status polls, every session
	fetches  map[string]int

	// What the next sessions do.
	doneAt    int
	fail      bool                    // BankID fails the session once done
	expire    bool                    // BankID says the session expired once done
	never     bool                    // the session is never done
	refuse    map[string]problem.Code // document kinds fetched with this error
	retryOnce time.Duration           // the first poll answers 429 with this Retry-After
	polled    chan int                // when not nil, gets the poll count of each poll
}

type fakeSession struct {
	order   AMLSessionOrder
	created time.Time
	polls   int
}

func newFakeAML(clock *amlClock) *fakeAML {
	return &fakeAML{clock: clock, sessions: map[string]*fakeSession{}, fetches: map[string]int{}, doneAt: 3}
}

func (f *fakeAML) CreateSession(ctx context.Context, o AMLSessionOrder) (AMLSession, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	id := fmt.Sprintf("session-%d", len(f.orders)+1)
	f.orders = append(f.orders, o)
	s := &fakeSession{order: o, created: f.clock.Now()}
	f.sessions[id] = s
	return AMLSession{ID: id, Created: s.created, Expires: s.created.Add(2 * time.Hour), Parts: f.parts(s, AMLNotStarted)}, nil
}

func (f *fakeAML) parts(s *fakeSession, st AMLStatus) map[string]AMLStatus {
	m := map[string]AMLStatus{dossier.PartData: st}
	for _, k := range s.order.Documents {
		m[k] = st
	}
	return m
}

func (f *fakeAML) Status(ctx context.Context, id string) (AMLSession, time.Duration, error) {
	f.mu.Lock()
	s, ok := f.sessions[id]
	if !ok {
		f.mu.Unlock()
		return AMLSession{}, 0, problem.New(problem.CodeBankIDNotFound, nil)
	}
	f.polls++
	polls := f.polls
	s.polls++
	sess := AMLSession{ID: id, Created: s.created, Expires: s.created.Add(2 * time.Hour)}
	var err error
	var retry time.Duration
	switch {
	case f.retryOnce > 0:
		retry, f.retryOnce = f.retryOnce, 0
		s.polls--
		err = problem.New(problem.CodeRateLimited, nil)
	case s.polls == 1:
		sess.Parts = f.parts(s, AMLNotStarted)
	case s.polls < f.doneAt || f.never:
		sess.Parts = f.parts(s, AMLInProgress)
	case f.fail:
		sess.Parts = f.parts(s, AMLFailed)
		sess.Parts[dossier.PartData] = AMLDone
		err = problem.New(problem.CodeBankIDSessionFailed, nil)
	case f.expire:
		err = problem.New(problem.CodeBankIDSessionExpired, nil)
	default:
		sess.Parts = f.parts(s, AMLDone)
	}
	ch := f.polled
	f.mu.Unlock()
	if ch != nil {
		ch <- polls
	}
	return sess, retry, err
}

func (f *fakeAML) Data(ctx context.Context, id string, country ident.Country) (*dossier.AML, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fetches[dossier.PartData]++
	s := f.sessions[id]
	return &dossier.AML{SessionID: id, Country: string(country), Fetched: f.clock.Now().UTC(),
		Key: &dossier.AMLKey{Name: "NAME OF " + s.order.OrgNr, Number: s.order.OrgNr},
		Screening: &dossier.Screening{Lists: []string{"EU", "UN"}, Date: "2026-11-01",
			Sanctions: []dossier.ScreeningHit{{Name: "Someone", List: "EU"}}}}, nil
}

func (f *fakeAML) Document(ctx context.Context, id, kind string) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fetches[kind]++
	if code := f.refuse[kind]; code != "" {
		return nil, problem.New(code, nil)
	}
	return fakePDF(kind, id), nil
}

func (f *fakeAML) pollCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.polls
}

// amlConnector is the fake world with BankID's AML service.
type amlConnector struct {
	*fakeConnector
	aml *fakeAML
}

func (c amlConnector) Connect(ctx context.Context, conn Connection) (*Registers, error) {
	regs, err := c.fakeConnector.Connect(ctx, conn)
	if err == nil {
		regs.AML = c.aml
	}
	return regs, err
}

// sleeper is the desk's Sleep in these tests: it records each wait and
// moves the clock on by it; with block set it waits until ctx ends (the
// follower is woken, stopped or the vault locks) without moving the clock.
type sleeper struct {
	clock *amlClock
	block bool

	mu    sync.Mutex
	waits []time.Duration
}

func (s *sleeper) Sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	block := s.block
	s.mu.Unlock()
	if block {
		<-ctx.Done()
		return ctx.Err()
	}
	s.clock.Advance(d)
	return ctx.Err()
}

func (s *sleeper) seen() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

// newAMLDesk is an unlocked desk on the fake world with BankID, a clock
// the fake sleep moves, and a fresh vault.
func newAMLDesk(t *testing.T, block bool) (*Desk, *fakeAML, *sleeper, *amlClock) {
	t.Helper()
	clock := &amlClock{now: testNow}
	aml := newFakeAML(clock)
	sl := &sleeper{clock: clock, block: block}
	d := New(Config{
		VaultPath:    filepath.Join(t.TempDir(), "Motpart", "vault.db"),
		VaultParams:  fastParams,
		VaultOptions: vault.OpenOptions{MinParams: fastParams},
		Now:          clock.Now,
		Connector:    amlConnector{newFakeWorld(), aml},
		Sleep:        sl.Sleep,
	})
	t.Cleanup(func() { _ = d.Close() })
	if err := d.CreateVault([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	if err := d.SaveRegisterSettings(RegisterSettings{GrunndataUser: "motpart", GrunndataPassword: "hemmelig-passord-123", MaskinportenClientID: "client-1"}); err != nil {
		t.Fatal(err)
	}
	return d, aml, sl, clock
}

// recorder collects what the watchers are told.
type recorder struct {
	mu     sync.Mutex
	orders []dossier.AMLOrder
}

func (r *recorder) add(o dossier.AMLOrder) {
	r.mu.Lock()
	r.orders = append(r.orders, o)
	r.mu.Unlock()
}

// states returns the states part kind went through, without repeats.
func (r *recorder) states(kind string) []dossier.OrderState {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []dossier.OrderState
	for _, o := range r.orders {
		for _, p := range o.Parts {
			if p.Kind == kind && (len(out) == 0 || out[len(out)-1] != p.State) {
				out = append(out, p.State)
			}
		}
	}
	return out
}
