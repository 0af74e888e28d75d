package setup

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/sandbox"
	"github.com/motpart/motpart/internal/vault"
)

// fastParams make Argon2id quick in tests; MinParams is lowered to match.
var fastParams = vault.Params{Time: 1, MemoryKiB: 64, Threads: 1}

// testDesk is a desk wired to the sandbox, with what the tests reach into.
type testDesk struct {
	*desk.Desk
	conn *Connector
	path string
}

// Sandbox returns the running simulators, starting them if need be.
func (d *testDesk) Sandbox(ctx context.Context) (*sandbox.Sandbox, error) { return d.conn.Sandbox(ctx) }

// deskOptions change how newLookupDesk makes its desk.
type deskOptions struct {
	timeout   time.Duration    // per source; zero: 2 s
	now       func() time.Time // nil: time.Now (Maskinporten checks grants against the sandbox's clock)
	sandbox   sandbox.Config
	overrides Overrides
	conn      *Connector // share this one's sandbox; nil: a new one
	path      string     // the vault file; empty: a new one
	connector func(*Connector) desk.Connector
	// sleep is how the desk and BankID's client wait between polls; nil:
	// noSleep (the tests never wait on the real clock).
	sleep func(ctx context.Context, d time.Duration) error
}

// noSleep waits for nothing, unless ctx has ended.
func noSleep(ctx context.Context, _ time.Duration) error { return ctx.Err() }

// newLookupDesk is an unlocked desk on the sandbox, with a short time
// limit per source so fault tests end quickly.
func newLookupDesk(t testing.TB, opts ...deskOptions) *testDesk {
	t.Helper()
	var o deskOptions
	if len(opts) > 0 {
		o = opts[0]
	}
	if o.timeout == 0 {
		// Generous: the sources answer in milliseconds, but a Maskinporten
		// grant signed and checked under -race on a loaded 2-core machine
		// took over 2 s. Tests of the time limit set their own.
		o.timeout = 15 * time.Second
	}
	if o.now == nil {
		o.now = time.Now
	}
	if o.sleep == nil {
		o.sleep = noSleep
	}
	conn := o.conn
	if conn == nil {
		conn = NewConnector(o.overrides, o.sandbox, o.now)
		conn.sleep = o.sleep
		t.Cleanup(func() { _ = conn.Close() })
	}
	var c desk.Connector = conn
	if o.connector != nil {
		c = o.connector(conn)
	}
	path := o.path
	if path == "" {
		path = filepath.Join(t.TempDir(), "Motpart", "vault.db")
	}
	d := desk.New(desk.Config{
		VaultPath:     path,
		VaultParams:   fastParams,
		VaultOptions:  vault.OpenOptions{MinParams: fastParams},
		Now:           o.now,
		SourceTimeout: o.timeout,
		Connector:     c,
		OwnersFiles:   OwnersFiles{},
		Classifier:    Classifier{},
		Sleep:         o.sleep,
	})
	if o.path == "" {
		if err := d.CreateVault([]byte("correct horse")); err != nil {
			t.Fatal(err)
		}
	} else if err := d.Unlock([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Lock() })
	return &testDesk{Desk: d, conn: conn, path: path}
}

// source returns the outcome of source id in dos.
func source(t *testing.T, dos *dossier.Dossier, id string) dossier.Source {
	t.Helper()
	for _, s := range dos.Sources {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no source %q in %+v", id, dos.Sources)
	return dossier.Source{}
}

// clock is a test's clock: it moves only when the test moves it.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

// Now returns the clock's time.
func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock on by d.
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}
