package setup

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/sandbox"
	"github.com/motpart/motpart/internal/sandbox/world"
	"github.com/motpart/motpart/internal/vault"
)

// storyClients are the clients of the check's tests: every unit of the
// sandbox's story, and units it leaves alone.
var storyClients = []string{
	world.StoryRenamedOrgNr, world.StoryBoardMemberOrgNr, world.StoryNewCEOOrgNr, world.StoryBankruptOrgNr,
	world.StoryNewOwnerOrgNr, world.StoryAuditorResignedOrgNr, world.StoryDeletedOrgNr, world.StoryMovedOrgNr,
	world.RichestOrgNr, world.BankruptOrgNr,
}

// checkDesk is an unlocked desk on a new vault on the sandbox (o.conn's,
// else a new one), whose feeds are read at the sandbox's time, with the
// clients added.
func checkDesk(t testing.TB, o deskOptions, clients []string) (*testDesk, *sandbox.Sandbox) {
	t.Helper()
	if o.sleep == nil {
		o.sleep = noSleep
	}
	if o.conn == nil {
		o.conn = NewConnector(o.overrides, o.sandbox, time.Now)
		o.conn.sleep = o.sleep
		t.Cleanup(func() { _ = o.conn.Close() })
	}
	sb, err := o.conn.Sandbox(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	d := &testDesk{conn: o.conn, path: filepath.Join(t.TempDir(), "Motpart", "vault.db")}
	cfg := d.checkConfig(o.sleep)
	if o.connector != nil {
		cfg.Connector = o.connector(o.conn)
	}
	d.Desk = desk.New(cfg)
	if err := d.CreateVault([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Lock() })
	// The owners register's change log is read with the v1 API's scope
	// (the Partner API's scope is refused it).
	if err := d.SetSetting(desk.SettingOwnersAPI, desk.OwnersAPIV1); err != nil {
		t.Fatal(err)
	}
	for _, n := range clients {
		if _, err := d.AddClient(n, "", ""); err != nil {
			t.Fatalf("AddClient(%s): %v", n, err)
		}
	}
	return d, sb
}

// checkConfig is the configuration of a desk on d's vault and sandbox,
// with the sandbox's clock: for a second desk on the same vault too.
func (d *testDesk) checkConfig(sleep func(context.Context, time.Duration) error) desk.Config {
	return desk.Config{
		VaultPath:     d.path,
		VaultParams:   fastParams,
		VaultOptions:  vault.OpenOptions{MinParams: fastParams},
		Now:           time.Now,
		SourceTimeout: 15 * time.Second,
		Connector:     d.conn,
		OwnersFiles:   OwnersFiles{},
		Sleep:         sleep,
		SandboxClock:  sandboxClock{d.conn},
	}
}

// reasons lists the changes as "number reason", sorted.
func reasons(changes []portfolio.Change) []string {
	var out []string
	for _, c := range changes {
		out = append(out, c.Number+" "+string(c.Reason))
	}
	slices.Sort(out)
	return out
}

// collect returns a progress function that keeps the changes reported,
// and the calls.
type collect struct {
	mu    sync.Mutex
	found []portfolio.Change
	calls int
}

func (c *collect) progress(p portfolio.Progress) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.found = append(c.found, p.Found...)
	c.calls++
}

// TestCheckStory checks the story's clients, lets the sandbox's world
// change, and checks again: exactly the story's changes, found through
// the feeds.
func TestCheckStory(t *testing.T) {
	d, sb := checkDesk(t, deskOptions{}, storyClients)
	ctx := context.Background()
	first, err := d.CheckClients(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.Feed != portfolio.FeedFirstCheck || first.LookedUp != len(storyClients) || first.Changes != 0 || first.Failed != 0 {
		t.Fatalf("first check: %+v", first.Progress)
	}

	steps := []struct {
		advance  time.Duration
		lookedUp int // the story's clients the feeds name (noise may name more)
		want     []string
	}{
		{72 * time.Hour, 6, []string{
			world.StoryRenamedOrgNr + " " + string(portfolio.ReasonRenamed),
			world.StoryBoardMemberOrgNr + " " + string(portfolio.ReasonBoardMemberAdded),
			world.StoryNewCEOOrgNr + " " + string(portfolio.ReasonCEOChanged),
			world.StoryBankruptOrgNr + " " + string(portfolio.ReasonBankruptcyOpened),
			world.StoryNewOwnerOrgNr + " " + string(portfolio.ReasonNewBeneficialOwner),
			world.StoryAuditorResignedOrgNr + " " + string(portfolio.ReasonAuditorResigned),
		}},
		{8 * time.Hour, 2, []string{
			world.StoryDeletedOrgNr + " " + string(portfolio.ReasonDeleted),
			// Enhetsregisteret gives a deleted unit's name and deletion
			// only; portfolio.Diff takes its addresses and industry for
			// emptied (low risk).
			world.StoryDeletedOrgNr + " " + string(portfolio.ReasonBusinessAddressChanged),
			world.StoryDeletedOrgNr + " " + string(portfolio.ReasonPostalAddressChanged),
			world.StoryDeletedOrgNr + " " + string(portfolio.ReasonIndustryChanged),
			world.StoryMovedOrgNr + " " + string(portfolio.ReasonBusinessAddressChanged),
		}},
	}
	for _, step := range steps {
		sb.Advance(step.advance)
		var c collect
		sum, err := d.CheckClients(ctx, c.progress)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(step.want)
		if got := reasons(c.found); !slices.Equal(got, step.want) {
			t.Errorf("after %v: changes\n%s\nwant\n%s\n%+v", step.advance, strings.Join(got, "\n"), strings.Join(step.want, "\n"), c.found)
		}
		if sum.Feed != portfolio.FeedUsed || sum.Failed != 0 || sum.LookedUp < step.lookedUp || sum.LookedUp > step.lookedUp+2 || sum.Changes != len(step.want) {
			t.Errorf("after %v: %+v", step.advance, sum.Progress)
		}
	}
}

// TestCheckResumes kills a check halfway (cancelled after some clients,
// the desk closed), opens a new desk on the same vault and resumes:
// every client is settled once, and looked up at most twice (once more
// only when its lookup was cut short).
func TestCheckResumes(t *testing.T) {
	clients := storyClients
	gate := &gatedConnector{after: 4}
	d, sb := checkDesk(t, deskOptions{connector: func(c *Connector) desk.Connector { gate.c = c; return gate }}, clients)
	if err := d.SetClientSettings(desk.ClientSettings{Concurrency: 1}); err != nil {
		t.Fatal(err)
	}
	lookups := func() int { return sb.Requests(sandbox.ServiceBrreg, "/enhetsregisteret/api/enheter/") }
	before := lookups()
	ctx, cancel := context.WithCancel(context.Background())
	var mu sync.Mutex
	done := 0
	_, err := d.CheckClients(ctx, func(p portfolio.Progress) {
		mu.Lock()
		defer mu.Unlock()
		if p.Done > done {
			done = p.Done
			if done >= 3 {
				cancel()
			}
		}
	})
	if err == nil {
		t.Fatal("the check was not interrupted")
	}
	pending, ok, err := d.PendingCheck()
	if err != nil || !ok || pending.Done != 4 {
		t.Fatalf("pending: %+v %v %v", pending, ok, err)
	}
	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}
	d2 := desk.New(d.checkConfig(noSleep))
	if err := d2.Unlock([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	defer d2.Lock()
	sum, err := d2.CheckClients(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Run != pending.Run || sum.Done != len(clients) || sum.LookedUp != len(clients) || sum.Failed != 0 {
		t.Errorf("resumed: %+v (pending %+v)", sum.Progress, pending)
	}
	// Each lookup asks for the unit and its roles (and may ask for the
	// name of a unit its sources point to): about two requests each.
	asked := (lookups() - before) / 2
	if asked < len(clients) || asked > len(clients)+1 {
		t.Errorf("%d unit lookups for %d clients, want each once (one more for a lookup cut short)", asked, len(clients))
	}
	list, err := d2.Clients()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		if c.Run != sum.Run || c.LastOutcome != portfolio.OutcomeLookedUp {
			t.Errorf("client %s: run %s, outcome %s", c.Number, c.Run, c.LastOutcome)
		}
	}
}

// TestCheckFeedFallbacks: a gap in the feed and a position the register
// no longer serves both make the check look every client up, and say so.
func TestCheckFeedFallbacks(t *testing.T) {
	tests := []struct {
		name string
		cfg  sandbox.Config
		want portfolio.FeedUse
	}{
		{"gap", sandbox.Config{FeedDropIDs: []int64{gapID(t)}}, portfolio.FeedGap},
		{"too old", sandbox.Config{FeedWindow: 24 * time.Hour}, portfolio.FeedTooOld},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, sb := checkDesk(t, deskOptions{sandbox: tt.cfg}, storyClients)
			ctx := context.Background()
			if _, err := d.CheckClients(ctx, nil); err != nil {
				t.Fatal(err)
			}
			// A first feed-based check moves the positions to ids.
			sb.Advance(time.Hour)
			if sum, err := d.CheckClients(ctx, nil); err != nil || sum.Feed != portfolio.FeedUsed {
				t.Fatalf("second check: %+v %v", sum.Progress, err)
			}
			sb.Advance(72 * time.Hour)
			var c collect
			sum, err := d.CheckClients(ctx, c.progress)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Feed != tt.want || sum.LookedUp != len(storyClients) || sum.ViaFeed != 0 {
				t.Errorf("check: %+v, want feed %s and every client looked up", sum.Progress, tt.want)
			}
			// The story's first seven events (the deletion with its
			// emptied addresses and industry: four changes).
			if len(c.found) != 10 {
				t.Errorf("%d changes found, want the story's 10: %v", len(c.found), reasons(c.found))
			}
		})
	}
}

// TestCheck429Storm: Enhetsregisteret answers 429 to a run of requests;
// the check waits and goes on, and no client fails.
func TestCheck429Storm(t *testing.T) {
	var mu sync.Mutex
	var waits []time.Duration
	sleep := func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		waits = append(waits, d)
		mu.Unlock()
		return ctx.Err()
	}
	conn := NewConnector(Overrides{}, sandbox.Config{}, time.Now)
	conn.sleep = sleep
	t.Cleanup(func() { _ = conn.Close() })
	d, sb := checkDesk(t, deskOptions{conn: conn, sleep: sleep}, storyClients)
	sb.SetFault(sandbox.ServiceBrreg, sandbox.Fault{Status: 429, Times: 40})
	sum, err := d.CheckClients(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 0 || sum.LookedUp != len(storyClients) {
		t.Errorf("check in a 429 storm: %+v", sum.Progress)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(waits) == 0 {
		t.Error("the check never waited")
	}
}

// TestCheckDailyPopulation: 1,000 clients of the generated population
// are checked; a day later the check asks for the feeds' pages and looks
// up only the clients they name.
func TestCheckDailyPopulation(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 lookups")
	}
	conn := NewConnector(Overrides{}, sandbox.Config{Population: 1000}, time.Now)
	conn.sleep = noSleep
	t.Cleanup(func() { _ = conn.Close() })
	sb, err := conn.Sandbox(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	clients := sb.PopulationNumbers()
	d, _ := checkDesk(t, deskOptions{conn: conn}, clients)
	ctx := context.Background()
	if sum, err := d.CheckClients(ctx, nil); err != nil || sum.LookedUp != 1000 || sum.Failed != 0 {
		t.Fatalf("first check: %+v %v", sum.Progress, err)
	}
	sb.Advance(24 * time.Hour)
	units := func() int { return sb.Requests(sandbox.ServiceBrreg, "/enhetsregisteret/api/enheter/") }
	feeds := func() int { return sb.Requests(sandbox.ServiceBrreg, "/enhetsregisteret/api/oppdateringer/") }
	u0, f0 := units(), feeds()
	sum, err := d.CheckClients(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Feed != portfolio.FeedUsed || sum.Done != 1000 || sum.LookedUp+sum.ViaFeed != 1000 {
		t.Errorf("daily check: %+v", sum.Progress)
	}
	if got := units() - u0; got != 2*sum.LookedUp { // the unit and its roles
		t.Errorf("daily check: %d unit lookups for %d clients named", got, sum.LookedUp)
	}
	if got := feeds() - f0; got < 3 || got > 10 {
		t.Errorf("daily check: %d feed pages", got)
	}
	t.Logf("daily check: %d of 1000 clients named by the feeds, %d feed pages", sum.LookedUp, feeds()-f0)
}

// gapID is an id of the units' feed the test's third check would read
// after the second check's last: the sandbox's feeds are deterministic,
// so a sandbox advanced by an hour tells which id that is.
func gapID(t *testing.T) int64 {
	t.Helper()
	sb, err := sandbox.New(sandbox.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	sb.Advance(time.Hour)
	units := sb.Feed().Units(false)
	return units[len(units)-1].ID + 2
}

// gatedConnector is c whose Enhetsregisteret answers after lookups
// only when the context ends: a check stuck there, for the test to
// interrupt at a known point.
type gatedConnector struct {
	c     *Connector
	mu    sync.Mutex
	after int
}

// Connect implements desk.Connector.
func (g *gatedConnector) Connect(ctx context.Context, conn desk.Connection) (*desk.Registers, error) {
	regs, err := g.c.Connect(ctx, conn)
	if err != nil {
		return nil, err
	}
	cp := *regs
	cp.Organisations = gatedSource{g, regs.Organisations}
	return &cp, nil
}

// gatedSource is Enhetsregisteret behind a gate.
type gatedSource struct {
	g *gatedConnector
	desk.OrganisationSource
}

// Lookup implements desk.OrganisationSource.
func (s gatedSource) Lookup(ctx context.Context, orgnr string) dossier.Answer {
	s.g.mu.Lock()
	open := s.g.after > 0
	s.g.after--
	s.g.mu.Unlock()
	if !open {
		<-ctx.Done()
		return dossier.Answer{Source: dossier.Source{ID: dossier.SourceBrreg, Status: dossier.StatusFailed, Code: "canceled"}}
	}
	return s.OrganisationSource.Lookup(ctx, orgnr)
}
