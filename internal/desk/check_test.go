package desk

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// checkWorld is a fake Enhetsregisteret for the check: units by number,
// the units' change feed, and switches for 429s and failures.
type checkWorld struct {
	mu       sync.Mutex
	units    map[string]string // orgnr → name; missing: not found
	feed     []UnitUpdate      // the units' feed, ids from 1
	asked    map[string]int    // lookups by orgnr
	limited  int               // the next lookups answered with 429
	down     bool              // every lookup fails (503)
	tooOld   int64             // the feed serves no id below it
	noFeeds  bool
	pages    int // feed pages read
	feedDown bool
	// noOwnersLog gives the registers an owners register whose change
	// log cannot be read, as with the Partner API.
	noOwnersLog bool
	// gate: lookups after this many wait for their context to end.
	gate int
}

// testOrgNrs returns n valid Norwegian organisation numbers.
func testOrgNrs(n int) []string {
	weights := []int{3, 2, 7, 6, 5, 4, 3, 2}
	var out []string
	for base := 91000000; len(out) < n; base++ {
		digits := fmt.Sprint(base)
		sum := 0
		for i, c := range digits {
			sum += int(c-'0') * weights[i]
		}
		check := 11 - sum%11
		if check == 10 {
			continue
		}
		if check == 11 {
			check = 0
		}
		out = append(out, fmt.Sprintf("%s%d", digits, check))
	}
	return out
}

func (w *checkWorld) Connect(ctx context.Context, c Connection) (*Registers, error) {
	regs := &Registers{Organisations: w, NoOwners: dossier.Source{ID: "rrh", Status: dossier.StatusNoAccess, Code: "no_client"}}
	if !w.noFeeds {
		regs.Feeds = w
	}
	if w.noOwnersLog {
		regs.Owners = noLogOwners{}
	}
	return regs, nil
}

// noLogOwners is an owners register without a change log open to Motpart.
type noLogOwners struct{}

func (noLogOwners) Lookup(ctx context.Context, orgnr string) (*dossier.Owners, dossier.Source) {
	return nil, dossier.Source{ID: "rrh", Status: dossier.StatusNotFound}
}

func (noLogOwners) Sequence(context.Context, time.Time) (int64, error) {
	return 0, problem.New(problem.CodeOwnersAccessRefused, nil)
}

func (noLogOwners) Changes(context.Context, int64) ([]OwnersChange, error) {
	return nil, problem.New(problem.CodeOwnersAccessRefused, nil)
}

// TestCheckWithoutOwnersLog: Enhetsregisteret's feeds work, the owners
// register's change log does not (the Partner API has none), so every
// check looks every client up and says why.
func TestCheckWithoutOwnersLog(t *testing.T) {
	numbers := testOrgNrs(6)
	w := &checkWorld{units: map[string]string{}, asked: map[string]int{}, noOwnersLog: true}
	for _, n := range numbers {
		w.units[n] = "Unit " + n
	}
	d, _, _ := newCheckDesk(t, w, numbers)
	for i, want := range []portfolio.FeedUse{portfolio.FeedFirstCheck, portfolio.FeedNoOwnersLog, portfolio.FeedNoOwnersLog} {
		sum, err := d.CheckClients(context.Background(), nil)
		if err != nil || sum.Feed != want || sum.LookedUp != len(numbers) {
			t.Errorf("check %d: %+v, %v; want %s with every client looked up", i+1, sum.Progress, err, want)
		}
	}
}

func (w *checkWorld) Lookup(ctx context.Context, orgnr string) dossier.Answer {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.asked[orgnr]++
	if w.gate > 0 {
		if w.gate--; w.gate == 0 {
			w.gate = -1
		}
	} else if w.gate < 0 {
		w.mu.Unlock()
		<-ctx.Done()
		w.mu.Lock()
		return dossier.Answer{Source: dossier.Source{ID: "brreg", Status: dossier.StatusFailed, Code: "canceled"}}
	}
	if w.down {
		return dossier.Answer{Source: dossier.Source{ID: "brreg", Status: dossier.StatusFailed, Code: "network", Problem: "network"}}
	}
	if w.limited > 0 {
		w.limited--
		return dossier.Answer{Source: dossier.Source{ID: "brreg", Status: dossier.StatusFailed, Code: "http_429", Problem: string(problem.CodeRateLimited)}}
	}
	name, ok := w.units[orgnr]
	if !ok {
		return dossier.Answer{Source: dossier.Source{ID: "brreg", Status: dossier.StatusNotFound}}
	}
	return dossier.Answer{Company: &dossier.Company{Number: orgnr, Name: name}, Source: dossier.Source{ID: "brreg", Status: dossier.StatusFound}}
}

func (w *checkWorld) UnitUpdates(ctx context.Context, sub bool, from int64, since time.Time, size int) ([]UnitUpdate, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.pages++
	if w.feedDown {
		return nil, problem.New(problem.CodeRegisterUnavailable, nil)
	}
	if from > 0 && from < w.tooOld {
		return nil, problem.New(problem.CodeFeedTooOld, nil)
	}
	var out []UnitUpdate
	for _, e := range w.feed {
		if sub || len(out) == size {
			break
		}
		if (from > 0 && e.ID >= from) || (from == 0 && !e.Time.Before(since)) {
			out = append(out, e)
		}
	}
	return out, nil
}

func (w *checkWorld) RoleUpdates(ctx context.Context, afterID int64, afterTime time.Time, size int) ([]RoleUpdate, error) {
	return nil, nil
}

// lookups returns how many lookups were made in all, and resets.
func (w *checkWorld) lookups() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, c := range w.asked {
		n += c
	}
	clear(w.asked)
	return n
}

// change appends a feed entry for orgnr at t.
func (w *checkWorld) change(orgnr string, t time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.feed = append(w.feed, UnitUpdate{ID: int64(len(w.feed)) + 1, OrgNr: orgnr, Time: t, Kind: "Endring"})
}

// newCheckDesk returns an unlocked desk on w, with clients numbers, a
// clock the test moves and sleeps it counts.
func newCheckDesk(t *testing.T, w *checkWorld, numbers []string) (*Desk, *time.Time, *int) {
	t.Helper()
	now := testNow
	sleeps := new(int)
	var mu sync.Mutex
	d := New(Config{
		VaultPath:    t.TempDir() + "/vault.db",
		VaultParams:  fastParams,
		VaultOptions: vault.OpenOptions{MinParams: fastParams},
		Now:          func() time.Time { mu.Lock(); defer mu.Unlock(); return now },
		Connector:    w,
		Sleep: func(ctx context.Context, d time.Duration) error {
			mu.Lock()
			*sleeps++
			mu.Unlock()
			return ctx.Err()
		},
		AllowTestData: true,
	})
	t.Cleanup(func() { _ = d.Lock() })
	if err := d.CreateVault([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	putTestClients(t, d, numbers)
	return d, &now, sleeps
}

// putTestClients writes clients as the portfolio's use cases would.
func putTestClients(t *testing.T, d *Desk, numbers []string) {
	t.Helper()
	err := d.withVault(func(v *vault.Vault) error {
		return v.Update(func(tx *vault.Tx) error {
			for _, n := range numbers {
				if err := putClient(tx, portfolio.Client{Number: n, Country: "NO", Added: testNow}); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestCheckClientsFeeds(t *testing.T) {
	numbers := testOrgNrs(20)
	w := &checkWorld{units: map[string]string{}, asked: map[string]int{}}
	for i, n := range numbers[:19] { // the last is not found
		w.units[n] = fmt.Sprintf("Unit %d AS", i)
	}
	d, now, _ := newCheckDesk(t, w, numbers)

	var calls []portfolio.Progress
	var mu sync.Mutex
	sum, err := d.CheckClients(context.Background(), func(p portfolio.Progress) { mu.Lock(); calls = append(calls, p); mu.Unlock() })
	if err != nil {
		t.Fatal(err)
	}
	if got := w.lookups(); got != 20 {
		t.Errorf("first check: %d lookups, want 20", got)
	}
	want := portfolio.Progress{Total: 20, Done: 20, LookedUp: 20, Feed: portfolio.FeedFirstCheck, Phase: portfolio.PhaseDone}
	if sum.Total != want.Total || sum.Done != want.Done || sum.LookedUp != want.LookedUp || sum.Feed != want.Feed || sum.Phase != want.Phase {
		t.Errorf("first check: %+v, want %+v", sum.Progress, want)
	}
	if len(calls) == 0 || calls[len(calls)-1].Phase != portfolio.PhaseDone {
		t.Errorf("progress calls %d, last not done", len(calls))
	}
	if _, ok, err := d.PendingCheck(); ok || err != nil {
		t.Errorf("PendingCheck after a finished check: %v, %v", ok, err)
	}
	c := readTestClient(t, d, numbers[19])
	if c.LastOutcome != portfolio.OutcomeNotFound || c.Run != sum.Run {
		t.Errorf("not found client: %+v", c)
	}
	if c := readTestClient(t, d, numbers[0]); c.Name != "Unit 0 AS" || c.LastOutcome != portfolio.OutcomeLookedUp {
		t.Errorf("found client: %+v", c)
	}
	if h, _ := d.History(); len(h) != 0 {
		t.Errorf("the check wrote %d history entries, want none", len(h))
	}

	// A day later the feed names two clients and an unknown unit.
	*now = now.Add(24 * time.Hour)
	w.change(numbers[3], now.Add(-time.Hour))
	w.change("999999999", now.Add(-time.Hour))
	w.change(numbers[7], now.Add(-time.Minute))
	w.mu.Lock()
	w.units[numbers[3]] = "Renamed AS"
	w.mu.Unlock()
	var found []portfolio.Change
	sum, err = d.CheckClients(context.Background(), func(p portfolio.Progress) { found = append(found, p.Found...) })
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 || found[0].Reason != portfolio.ReasonRenamed || found[0].Number != numbers[3] ||
		found[0].Old != "Unit 3 AS" || found[0].New != "Renamed AS" || found[0].Name != "Renamed AS" || found[0].ID != sum.Run+"-000001" {
		t.Errorf("changes found %+v, want the rename of %s", found, numbers[3])
	}
	if stored, err := d.ClientChanges(portfolio.ChangeFilter{}); err != nil || len(stored) != 1 || stored[0].ID != found[0].ID {
		t.Errorf("changes stored %+v, %v", stored, err)
	}
	if sum.Changes != 1 {
		t.Errorf("summary counts %d changes, want 1", sum.Changes)
	}
	if got := w.lookups(); got != 2 {
		t.Errorf("daily check: %d lookups, want 2", got)
	}
	if sum.Feed != portfolio.FeedUsed || sum.LookedUp != 2 || sum.ViaFeed != 18 || sum.Done != 20 {
		t.Errorf("daily check: %+v", sum.Progress)
	}
	if c := readTestClient(t, d, numbers[5]); c.LastOutcome != portfolio.OutcomeFeed || !c.LastChecked.Equal(*now) {
		t.Errorf("client settled by the feed: %+v", c)
	}

	// Nothing new: no lookups; the cursor is past the three entries.
	if sum, err = d.CheckClients(context.Background(), nil); err != nil || w.lookups() != 0 || sum.ViaFeed != 20 {
		t.Errorf("check with an empty feed: %+v, %v", sum.Progress, err)
	}
	var cur feedCursors
	readTestRecord(t, d, checkCursorRecord, &cur)
	if cur.Units.ID != 4 {
		t.Errorf("units' cursor %d, want 4", cur.Units.ID)
	}

	// The register no longer serves that id: every client looked up.
	w.tooOld = 10
	if sum, err = d.CheckClients(context.Background(), nil); err != nil || sum.Feed != portfolio.FeedTooOld || w.lookups() != 20 {
		t.Errorf("too old: %+v, %v", sum.Progress, err)
	}
	w.tooOld = 0

	// A gap: the feed skips ids.
	w.mu.Lock()
	w.feed = append(w.feed, UnitUpdate{ID: 50, OrgNr: numbers[1], Time: now.Add(time.Hour)})
	w.mu.Unlock()
	readTestRecord(t, d, checkCursorRecord, &cur)
	cur.Units = feedPos{ID: 4}
	writeTestRecord(t, d, checkCursorRecord, cur)
	if sum, err = d.CheckClients(context.Background(), nil); err != nil || sum.Feed != portfolio.FeedGap || w.lookups() != 20 {
		t.Errorf("gap: %+v, %v", sum.Progress, err)
	}
	cur = feedCursors{}
	readTestRecord(t, d, checkCursorRecord, &cur)
	if cur.Units.ID != 0 || !cur.Units.Since.Equal(now.UTC()) {
		t.Errorf("after a gap the cursor is %+v, want since the run's start", cur.Units)
	}
	w.feedDown = true
	if sum, err = d.CheckClients(context.Background(), nil); err != nil || sum.Feed != portfolio.FeedUnavailable || w.lookups() != 20 {
		t.Errorf("feed down: %+v, %v", sum.Progress, err)
	}
}

func TestCheckClientsResume(t *testing.T) {
	numbers := testOrgNrs(40)
	w := &checkWorld{units: map[string]string{}, asked: map[string]int{}}
	for _, n := range numbers {
		w.units[n] = "Unit " + n
	}
	w.gate = 10
	d, _, _ := newCheckDesk(t, w, numbers)
	d.checkBatch = 1
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	_, err := d.CheckClients(ctx, func(p portfolio.Progress) {
		if p.Done > 0 {
			if calls++; calls == 5 {
				cancel()
			}
		}
	})
	if problem.CodeOf(err) != problem.CodeCanceled {
		t.Fatalf("cancelled check: %v", err)
	}
	p, ok, err := d.PendingCheck()
	if err != nil || !ok || p.Done != 10 || p.LookedUp != 10 {
		t.Fatalf("pending check: %+v, %v, %v", p, ok, err)
	}
	w.mu.Lock()
	w.gate = 0
	w.mu.Unlock()
	if _, err := d.CheckClients(context.Background(), nil); problem.CodeOf(err) != "" {
		t.Fatal(err)
	}
	sum, ok, err := d.LastCheck()
	if err != nil || !ok || sum.Run != p.Run || sum.Done != 40 || sum.LookedUp != 40 {
		t.Errorf("resumed check: %+v, %v, %v (run %s)", sum, ok, err, p.Run)
	}
	w.mu.Lock()
	for n, c := range w.asked {
		if c > 2 { // looked up once, plus at most once cut short
			t.Errorf("%s looked up %d times", n, c)
		}
	}
	w.mu.Unlock()
	if err := d.AbandonCheck(); problem.CodeOf(err) != problem.CodeNoPendingCheck {
		t.Errorf("AbandonCheck without one: %v", err)
	}
}

func TestCheckClientsRetries(t *testing.T) {
	tests := []struct {
		name        string
		limited     int
		down        bool
		wantFailed  int
		wantSleeps  bool
		wantProblem string
	}{
		{name: "429 storm", limited: checkTries - 1, wantSleeps: true},
		{name: "down", down: true, wantFailed: 5, wantSleeps: false, wantProblem: "network"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			numbers := testOrgNrs(5)
			w := &checkWorld{units: map[string]string{}, asked: map[string]int{}, limited: tt.limited, down: tt.down, noFeeds: true}
			for _, n := range numbers {
				w.units[n] = "Unit " + n
			}
			d, _, sleeps := newCheckDesk(t, w, numbers)
			var waited bool
			var mu sync.Mutex
			sum, err := d.CheckClients(context.Background(), func(p portfolio.Progress) {
				mu.Lock()
				waited = waited || !p.Waiting.IsZero()
				mu.Unlock()
			})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Failed != tt.wantFailed || sum.Done != 5 || sum.Feed != portfolio.FeedUnavailable {
				t.Errorf("summary %+v", sum.Progress)
			}
			if (*sleeps > 0) != tt.wantSleeps || waited != tt.wantSleeps {
				t.Errorf("sleeps %d, waiting shown %v; want %v", *sleeps, waited, tt.wantSleeps)
			}
			if c := readTestClient(t, d, numbers[0]); c.LastProblem != tt.wantProblem {
				t.Errorf("client's problem %q, want %q", c.LastProblem, tt.wantProblem)
			}
		})
	}
}

func TestCheckDueAndRunning(t *testing.T) {
	w := &checkWorld{units: map[string]string{}, asked: map[string]int{}}
	d, _, _ := newCheckDesk(t, w, testOrgNrs(1))
	d.checkMu.Lock()
	if _, err := d.CheckClients(context.Background(), nil); problem.CodeOf(err) != problem.CodeCheckRunning {
		t.Errorf("second check: %v", err)
	}
	d.checkMu.Unlock()
	if _, ok, err := d.LastCheck(); ok || err != nil {
		t.Errorf("LastCheck before any: %v, %v", ok, err)
	}
	if due, err := d.CheckDue(); due || err != nil {
		t.Errorf("CheckDue without the setting: %v, %v", due, err)
	}
}

func readTestClient(t *testing.T, d *Desk, number string) portfolio.Client {
	t.Helper()
	var c portfolio.Client
	err := d.withVault(func(v *vault.Vault) error {
		return v.View(func(tx *vault.Tx) error {
			var err error
			c, err = getClient(tx, number)
			return err
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func readTestRecord(t *testing.T, d *Desk, id string, v any) {
	t.Helper()
	err := d.withVault(func(vt *vault.Vault) error {
		return vt.View(func(tx *vault.Tx) error {
			ok, err := getRecord(tx, id, v)
			if !ok && err == nil {
				err = fmt.Errorf("no %s record", id)
			}
			return err
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeTestRecord(t *testing.T, d *Desk, id string, v any) {
	t.Helper()
	err := d.withVault(func(vt *vault.Vault) error {
		return vt.Update(func(tx *vault.Tx) error { return putRecord(tx, id, v) })
	})
	if err != nil {
		t.Fatal(err)
	}
}
