package setup

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/rrh"
	"github.com/motpart/motpart/internal/sandbox"
	"github.com/motpart/motpart/internal/sandbox/world"
)

func TestOwnersOnline(t *testing.T) {
	d := newLookupDesk(t)
	tests := []struct {
		number string
		status dossier.Status
		code   string
		check  func(t *testing.T, o *dossier.Owners)
	}{
		{world.RichestOrgNr, dossier.StatusFound, "", func(t *testing.T, o *dossier.Owners) {
			if o.Status.Code != dossier.OwnersAllIdentified || len(o.Owners) == 0 || o.Source != "online" {
				t.Errorf("owners %+v", o)
			}
			// Intermediate companies get their names from Enhetsregisteret.
			for _, x := range o.Owners {
				for _, p := range x.Positions {
					for _, m := range p.Intermediates {
						if m.Number != "" && m.Name == "" {
							t.Errorf("intermediate %s has no name", m.Number)
						}
					}
				}
			}
		}},
		{world.FamilyOwnedOrgNr, dossier.StatusFound, "", func(t *testing.T, o *dossier.Owners) {
			exempt := false
			for _, x := range o.Owners {
				if !x.Exempt {
					continue
				}
				exempt = true
				// Screened: only birth year, countries and positions remain.
				if x.Name != "" || x.NationalID != "" || x.BirthDate != "" || x.BirthYear == "" {
					t.Errorf("exempt owner not screened: %+v", x)
				}
				for _, p := range x.Positions {
					if len(p.Intermediates) > 0 || len(p.Basis) > 0 {
						t.Errorf("exempt owner's grounds or intermediates kept: %+v", p)
					}
				}
			}
			if !exempt {
				t.Errorf("no exempt owner in %+v", o.Owners)
			}
		}},
		{world.RRHNotRequiredOrgNr, dossier.StatusNotFound, "not_required", nil},
	}
	for _, tt := range tests {
		dos, err := d.Lookup(context.Background(), tt.number)
		if err != nil {
			t.Fatal(err)
		}
		s := source(t, dos, "rrh")
		if s.Status != tt.status || s.Code != tt.code {
			t.Errorf("%s: rrh %s/%s, want %s/%s (%s)", tt.number, s.Status, s.Code, tt.status, tt.code, s.Message)
			continue // the owners' checks below would only repeat it (or read nil)
		}
		if tt.check != nil {
			tt.check(t, dos.Owners)
		}
	}
}

// tokenRequests is how many token requests the sandbox's Maskinporten
// has answered for d's connector.
func tokenRequests(t *testing.T, d *testDesk) int64 {
	t.Helper()
	sb, err := d.conn.Sandbox(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return int64(sb.Requests(sandbox.ServiceMaskinporten, "/token"))
}

func TestConcurrentLookupsShareOneToken(t *testing.T) {
	d := newLookupDesk(t)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dos, err := d.Lookup(context.Background(), world.RichestOrgNr)
			if err == nil && source(t, dos, "rrh").Status != dossier.StatusFound {
				err = problem.New(problem.CodeInternal, nil)
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("lookup: %v", err)
		}
	}
	// Counted where they are issued: the sandbox's Maskinporten.
	if n := tokenRequests(t, d); n != 1 {
		t.Errorf("8 concurrent lookups got %d tokens from Maskinporten, want exactly 1", n)
	}
}

func TestTokenExpiresBetweenLookups(t *testing.T) {
	// One clock for the desk, its Maskinporten client and the sandbox,
	// moved by the test. It starts at the real time only because the
	// sandbox's TLS certificates are checked against it.
	clk := &clock{now: time.Now()}
	// Tokens live 31 s; the client renews 30 s before expiry, so lookups
	// more than a second apart each need a new token.
	d := newLookupDesk(t, deskOptions{now: clk.Now, sandbox: sandbox.Config{TokenLifetime: 31 * time.Second, Now: clk.Now}})
	tests := []struct {
		advance time.Duration
		tokens  int64
	}{
		{0, 1},
		{500 * time.Millisecond, 1}, // still fresh: the cached token
		{2 * time.Second, 2},        // within the renewal margin: a new one
		{0, 2},
	}
	for i, tt := range tests {
		clk.Advance(tt.advance)
		dos, err := d.Lookup(context.Background(), world.RichestOrgNr)
		if err != nil {
			t.Fatal(err)
		}
		if s := source(t, dos, "rrh"); s.Status != dossier.StatusFound {
			t.Fatalf("lookup %d: rrh %+v", i, s)
		}
		if n := tokenRequests(t, d); n != tt.tokens {
			t.Errorf("after lookup %d: %d tokens requested, want %d", i, n, tt.tokens)
		}
	}
}

func TestOfflineCopy(t *testing.T) {
	d := newLookupDesk(t)
	ctx := context.Background()
	if _, err := d.RefreshOwnersCopy(ctx); problem.CodeOf(err) != problem.CodeNoCopy {
		t.Errorf("refresh without a copy: %v", err)
	}

	// A generated download of 2,000 registrations.
	path := filepath.Join(t.TempDir(), "totalbestand.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := rrh.GenerateTotal(f, 2000, 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var calls int
	info, err := d.ImportOwnersCopy(ctx, path, "2026-11-20", nil, func(read, total int64, n int) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	if info.Registrations != 2000 || info.Date != "2026-11-20" || calls == 0 {
		t.Fatalf("import %+v after %d progress calls", info, calls)
	}
	copied, ok, err := d.OwnersCopy()
	if err != nil || !ok || copied.Registrations != 2000 {
		t.Fatalf("copy %+v %v %v", copied, ok, err)
	}

	// With the register unreachable, the lookup answers from the copy.
	var some string
	_, _ = rrh.ReadTotalStream(mustOpen(t, path), rrh.Detect, func(o *dossier.Owners) error {
		if some == "" && len(o.Owners) > 0 {
			some = o.Number
		}
		return nil
	})
	_ = d.Lock()
	d = newLookupDesk(t, deskOptions{path: d.path, overrides: Overrides{RRHURL: "https://127.0.0.1:1"}})
	dos, err := d.Lookup(ctx, some)
	if err != nil {
		t.Fatal(err)
	}
	s := source(t, dos, "rrh")
	if s.Status != dossier.StatusOffline || s.Date != "2026-11-20" || dos.Owners == nil || len(dos.Owners.Owners) == 0 || dos.Owners.Source != "offline" {
		t.Errorf("offline lookup: %+v, owners %+v", s, dos.Owners)
	}

	// A cancelled import leaves the copy as it was.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := d.ImportOwnersCopy(cctx, path, "2026-11-21", nil, nil); problem.CodeOf(err) != problem.CodeCanceled {
		t.Errorf("cancelled import: %v", err)
	}
	if c, _, _ := d.OwnersCopy(); c.Date != "2026-11-20" {
		t.Errorf("copy after a cancelled import: %+v", c)
	}
	// Cancelled mid-way through a download of the same organisations and
	// more: the lookup still answers from the whole previous copy.
	bigger := filepath.Join(t.TempDir(), "bigger.json")
	bf, err := os.Create(bigger)
	if err != nil {
		t.Fatal(err)
	}
	if err := rrh.GenerateTotal(bf, 4000, 1); err != nil {
		t.Fatal(err)
	}
	bf.Close()
	mctx, mcancel := context.WithCancel(ctx)
	_, err = d.ImportOwnersCopy(mctx, bigger, "2026-11-22", nil, func(_, _ int64, n int) {
		if n > 0 {
			mcancel()
		}
	})
	mcancel()
	if problem.CodeOf(err) != problem.CodeCanceled {
		t.Errorf("import cancelled mid-way: %v", err)
	}
	again, err := d.Lookup(ctx, some)
	if err != nil {
		t.Fatal(err)
	}
	if s := source(t, again, "rrh"); s.Status != dossier.StatusOffline || s.Date != "2026-11-20" || !reflect.DeepEqual(again.Owners, dos.Owners) {
		t.Errorf("offline lookup after an import cancelled mid-way: %+v, owners %+v, want %+v", s, again.Owners, dos.Owners)
	}
	// Not a download at all.
	bad := filepath.Join(t.TempDir(), "notes.txt")
	_ = os.WriteFile(bad, []byte("hello"), 0o600)
	if _, err := d.ImportOwnersCopy(ctx, bad, "", nil, nil); problem.CodeOf(err) != problem.CodeBadDownload {
		t.Errorf("importing a text file: %v", err)
	}
}

func TestRefreshFromTheChangeLog(t *testing.T) {
	d := newLookupDesk(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "totalbestand.json")
	f, _ := os.Create(path)
	if err := rrh.GenerateTotal(f, 10, 2); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := d.ImportOwnersCopy(ctx, path, time.Now().Format(time.DateOnly), nil, nil); err != nil {
		t.Fatal(err)
	}
	// The change log is in the v1 API only (experimental).
	if err := d.SetSetting(desk.SettingOwnersAPI, desk.OwnersAPIV1); err != nil {
		t.Fatal(err)
	}
	n, err := d.RefreshOwnersCopy(ctx)
	if err != nil {
		t.Fatal(err)
	}
	meta, _, _ := d.OwnersCopy()
	if meta.Sequence == 0 {
		t.Errorf("the copy's position was not kept (%d updated)", n)
	}
	// Refreshing again with nothing new changes nothing.
	if again, err := d.RefreshOwnersCopy(ctx); err != nil || again != 0 {
		t.Errorf("second refresh: %d, %v", again, err)
	}
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
