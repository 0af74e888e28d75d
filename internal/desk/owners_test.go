package desk

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/registry/rrh"
)

// referenceDir holds the registers' real example files, when present.
const referenceDir = "../../../shared/reference"

func TestOfflineCopyFromTheReferenceFiles(t *testing.T) {
	for _, name := range []string{"rrh-totalbestand-example.json", "rrh-totalbestand-example.csv"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(referenceDir, name)
			if _, err := os.Stat(path); err != nil {
				t.Skip("the reference files are not here")
			}
			d, _ := newFakeDesk(t)
			info, err := d.ImportOwnersCopy(context.Background(), path, "2022-02-14", nil)
			if err != nil {
				t.Fatal(err)
			}
			if info.Registrations < 30 {
				t.Errorf("%d registrations", info.Registrations)
			}
			// Every organisation in the file is found in the copy.
			var numbers []string
			_, err = rrh.ReadTotalStream(mustOpen(t, path), rrh.Detect, func(o *dossier.Owners) error {
				numbers = append(numbers, o.Number)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range numbers {
				o, ok, err := d.copyOwners(n)
				if err != nil || !ok || o.Number != n {
					t.Errorf("%s not in the copy: %v", n, err)
				}
			}
		})
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

func TestRefreshOwnersCopyOverFakes(t *testing.T) {
	d, c := newFakeDesk(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "totalbestand.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := rrh.GenerateTotal(f, 5, 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := d.ImportOwnersCopy(ctx, path, "2026-11-20", nil); err != nil {
		t.Fatal(err)
	}
	c.changes = []OwnersChange{{Seq: 5, OrgNr: fakeRichest}, {Seq: 6, OrgNr: fakeNowhere}, {Seq: 7, OrgNr: fakeHolding}, {Seq: 8, OrgNr: fakeRichest}}
	c.failing = map[string]bool{fakeHolding: true}
	tests := []struct {
		name     string
		fix      func()
		updated  int
		failed   bool
		sequence int64
	}{
		// From the fake's position 1: 5 is applied, 6 needs nothing, 7 fails and stops before it.
		{"stops at a failed change", nil, 1, true, 6},
		{"goes on from it", func() { c.failing = nil }, 1, false, 8},
		{"nothing new", nil, 0, false, 8},
	}
	for _, tt := range tests {
		if tt.fix != nil {
			tt.fix()
		}
		n, err := d.RefreshOwnersCopy(ctx)
		if n != tt.updated || (err != nil) != tt.failed {
			t.Errorf("%s: %d updated, %v; want %d, failed %v", tt.name, n, err, tt.updated, tt.failed)
		}
		if info, _, _ := d.OwnersCopy(); info.Sequence != tt.sequence {
			t.Errorf("%s: position %d, want %d", tt.name, info.Sequence, tt.sequence)
		}
	}
	o, ok, err := d.copyOwners(fakeRichest)
	if err != nil || !ok || o.Source != "offline" || o.CopyDate != "2026-11-20" || o.Owners[1].Name != "" {
		t.Errorf("the refreshed record %+v, %v, %v (exempt owners screened)", o, ok, err)
	}
}
