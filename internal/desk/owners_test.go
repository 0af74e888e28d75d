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
