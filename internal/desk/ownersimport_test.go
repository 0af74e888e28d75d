package desk

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/rrh"
	"github.com/motpart/motpart/internal/vault"
)

// writeTotal writes a generated download of n registrations to a new file
// in dir; every "HANSEN" becomes "HANSEN-BERG" when changed, so that a
// second download of the same organisations says something else of them.
func writeTotal(t *testing.T, dir, name string, n int, seed int64, changed bool) string {
	t.Helper()
	var buf bytes.Buffer
	if err := rrh.GenerateTotal(&buf, n, seed); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if changed {
		b = bytes.ReplaceAll(b, []byte("HANSEN"), []byte("HANSEN-BERG"))
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// expectedCopy is what the copy imported from path on date answers for
// each organisation, as JSON: the file's registrations, screened.
func expectedCopy(t *testing.T, path, date string) map[string]string {
	t.Helper()
	want := map[string]string{}
	_, err := rrh.ReadTotalStream(mustOpen(t, path), rrh.Detect, func(o *dossier.Owners) error {
		o.Source, o.CopyDate = "offline", date
		screenExempt(o)
		b, err := json.Marshal(o)
		want[o.Number] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return want
}

// checkCopy fails unless d's copy is the one of date and answers for every
// organisation of want exactly as want says.
func checkCopy(t *testing.T, d *Desk, date string, want map[string]string) {
	t.Helper()
	info, ok, err := d.OwnersCopy()
	if err != nil || !ok || info.Date != date || info.Registrations != len(want) {
		t.Fatalf("copy %+v, %v, %v; want the copy of %s with %d organisations", info, ok, err, date, len(want))
	}
	bad := 0
	for number, w := range want {
		o, ok, err := d.copyOwners(number)
		if err != nil || !ok {
			bad++
			if bad <= 3 {
				t.Errorf("%s: not in the copy of %s (%v)", number, date, err)
			}
			continue
		}
		if got, _ := json.Marshal(o); string(got) != w {
			bad++
			if bad <= 3 {
				t.Errorf("%s: the copy of %s answers\n%s\nwant\n%s", number, date, got, w)
			}
		}
	}
	if bad > 0 {
		t.Fatalf("%d of %d organisations answer wrongly from the copy of %s", bad, len(want), date)
	}
}

// bucketCounts counts the records of every copy bucket.
func bucketCounts(t *testing.T, d *Desk) map[string]int {
	t.Helper()
	counts := map[string]int{}
	err := d.withVault(func(v *vault.Vault) error {
		for _, b := range ownersBuckets() {
			n, err := v.Count(b)
			if err != nil {
				return err
			}
			counts[b] = n
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return counts
}

// checkOnlyCopy fails unless the copy's bucket holds exactly n records and
// every other copy bucket none.
func checkOnlyCopy(t *testing.T, d *Desk, n int) {
	t.Helper()
	meta, _, err := d.ownersMeta()
	if err != nil {
		t.Fatal(err)
	}
	for b, got := range bucketCounts(t, d) {
		want := 0
		if b == meta.bucket() {
			want = n
		}
		if got != want {
			t.Errorf("bucket %s holds %d records, want %d", b, got, want)
		}
	}
}

// The sizes of the interruption tests: the copy has 3 batches, the new
// download 5, of which the first 3 are the same organisations.
const (
	oldRegistrations = 3 * testOwnersBatch
	newRegistrations = 5 * testOwnersBatch
	oldDate, newDate = "2026-11-20", "2026-12-01"
)

func TestCancelledImportKeepsTheCopy(t *testing.T) {
	d, _ := newFakeDesk(t)
	dir := t.TempDir()
	oldPath := writeTotal(t, dir, "old.json", oldRegistrations, 1, false)
	newPath := writeTotal(t, dir, "new.json", newRegistrations, 1, true)
	if _, err := d.ImportOwnersCopy(context.Background(), oldPath, oldDate, nil, nil); err != nil {
		t.Fatal(err)
	}
	want := expectedCopy(t, oldPath, oldDate)
	checkCopy(t, d, oldDate, want)
	// Cancelled before the first batch, after k batches, and after the
	// last one, before the switch.
	for _, k := range []int{0, 1, 3, 5} {
		t.Run(fmt.Sprint("after ", k, " batches"), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if k == 0 {
				cancel()
			}
			_, err := d.ImportOwnersCopy(ctx, newPath, newDate, nil, func(_, _ int64, n int) {
				if n >= k*testOwnersBatch {
					cancel()
				}
			})
			if problem.CodeOf(err) != problem.CodeCanceled {
				t.Fatalf("import cancelled after %d batches: %v, want %s", k, err, problem.CodeCanceled)
			}
			checkCopy(t, d, oldDate, want)
			checkOnlyCopy(t, d, oldRegistrations)
		})
	}
	// The copy still answers after the vault is locked and opened again,
	// and a whole import then replaces it.
	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}
	if err := d.Unlock([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	checkCopy(t, d, oldDate, want)
	if _, err := d.ImportOwnersCopy(context.Background(), newPath, newDate, nil, nil); err != nil {
		t.Fatal(err)
	}
	checkCopy(t, d, newDate, expectedCopy(t, newPath, newDate))
	checkOnlyCopy(t, d, newRegistrations)
}

func TestSmallerImportOnlyWhenConfirmed(t *testing.T) {
	d, _ := newFakeDesk(t)
	d.ownersBatch = defaultOwnersBatch // the batches are not what is tested here
	dir := t.TempDir()
	bigPath := writeTotal(t, dir, "big.json", 862, 1, false)
	smallPath := writeTotal(t, dir, "small.json", 43, 2, false)
	halfPath := writeTotal(t, dir, "half.json", 431, 3, false)
	if _, err := d.ImportOwnersCopy(context.Background(), bigPath, oldDate, nil, nil); err != nil {
		t.Fatal(err)
	}
	wantBig := expectedCopy(t, bigPath, oldDate)
	type asked struct{ registrations, current int }
	tests := []struct {
		name   string
		path   string
		answer *bool // nil: no callback
		code   problem.Code
		asked  []asked
		date   string // the copy's afterwards
	}{
		{"no callback", smallPath, nil, problem.CodeSmallerImport, nil, oldDate},
		{"refused", smallPath, ptr(false), problem.CodeSmallerImport, []asked{{43, 862}}, oldDate},
		{"confirmed", smallPath, ptr(true), "", []asked{{43, 862}}, newDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []asked
			var confirm func(int, int) bool
			if tt.answer != nil {
				confirm = func(n, current int) bool {
					got = append(got, asked{n, current})
					return *tt.answer
				}
			}
			_, err := d.ImportOwnersCopy(context.Background(), tt.path, newDate, confirm, nil)
			if problem.CodeOf(err) != tt.code && !(tt.code == "" && err == nil) {
				t.Fatalf("import: %v, want %q", err, tt.code)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.asked) {
				t.Errorf("asked %v, want %v", got, tt.asked)
			}
			if tt.date == oldDate {
				checkCopy(t, d, oldDate, wantBig)
				checkOnlyCopy(t, d, 862)
				var s *SmallerImportError
				if !errors.As(err, &s) || s.Registrations != 43 || s.Current != 862 {
					t.Errorf("the refusal says %v", err)
				}
				return
			}
			// The old copy's 862 records, identity numbers and all, are gone.
			checkCopy(t, d, newDate, expectedCopy(t, tt.path, newDate))
			checkOnlyCopy(t, d, 43)
		})
	}
	// Cancelled while the question is open: cancelled, whatever the answer.
	tinyPath := writeTotal(t, dir, "tiny.json", 20, 6, false)
	for _, answer := range []bool{false, true} {
		ctx, cancel := context.WithCancel(context.Background())
		asks := 0
		_, err := d.ImportOwnersCopy(ctx, tinyPath, oldDate, func(int, int) bool { asks++; cancel(); return answer }, nil)
		if problem.CodeOf(err) != problem.CodeCanceled || asks != 1 {
			t.Errorf("cancelled during the question (answer %v): %v after %d questions", answer, err, asks)
		}
		checkCopy(t, d, newDate, expectedCopy(t, smallPath, newDate))
		checkOnlyCopy(t, d, 43)
	}
	// From 43, a download of 431 is larger: no question asked.
	var asks int
	if _, err := d.ImportOwnersCopy(context.Background(), halfPath, oldDate, func(int, int) bool { asks++; return false }, nil); err != nil || asks != 0 {
		t.Fatalf("a larger import: %v after %d questions", err, asks)
	}
	// From 431, one of 216 (half, rounded up) is not far fewer; 215 is.
	for _, tt := range []struct {
		n    int
		asks int
	}{{216, 0}, {215, 1}} {
		path := writeTotal(t, dir, fmt.Sprint(tt.n, ".json"), tt.n, 4, false)
		asks = 0
		_, err := d.ImportOwnersCopy(context.Background(), path, oldDate, func(int, int) bool { asks++; return false }, nil)
		if asks != tt.asks || (tt.asks == 0) != (err == nil) {
			t.Errorf("%d over %d: %d questions, %v; want %d", tt.n, 431, asks, err, tt.asks)
		}
		if err == nil {
			// Back to 431 for the next case.
			if _, err := d.ImportOwnersCopy(context.Background(), halfPath, oldDate, nil, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestEmptyImportRefused(t *testing.T) {
	d, _ := newFakeDesk(t)
	dir := t.TempDir()
	emptyJSON := filepath.Join(dir, "empty.json")
	if err := os.WriteFile(emptyJSON, []byte("[]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Whitespace that compresses like the 27 MB zip of 4 GiB the audit
	// found is refused as a zip bomb; whitespace that does not is read to
	// the end and refused as a file without content. Either way the copy
	// stays.
	bomb := writeZip(t, dir, "bomb.zip", bytes.Repeat([]byte(" \n\t"), 1<<20))
	ws := make([]byte, 3<<20)
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := range ws {
		ws[i] = " \n\t\r"[rnd.IntN(4)]
	}
	spaces := writeZip(t, dir, "spaces.zip", ws)
	copyPath := writeTotal(t, dir, "copy.json", 50, 1, false)
	want := expectedCopy(t, copyPath, oldDate)
	for _, withCopy := range []bool{false, true} {
		if withCopy {
			if _, err := d.ImportOwnersCopy(context.Background(), copyPath, oldDate, nil, nil); err != nil {
				t.Fatal(err)
			}
		}
		for _, tt := range []struct {
			path string
			code problem.Code
		}{{emptyJSON, problem.CodeEmptyImport}, {spaces, problem.CodeBadDownload}, {bomb, problem.CodeBadDownload}} {
			path := tt.path
			_, err := d.ImportOwnersCopy(context.Background(), path, newDate, func(int, int) bool { return true }, nil)
			if problem.CodeOf(err) != tt.code {
				t.Errorf("%s (copy before: %v): %v, want %s", filepath.Base(path), withCopy, err, tt.code)
			}
			if withCopy {
				checkCopy(t, d, oldDate, want)
				checkOnlyCopy(t, d, 50)
			} else if _, ok, _ := d.OwnersCopy(); ok {
				t.Errorf("%s made a copy", filepath.Base(path))
			}
		}
	}
}

// writeZip writes a zip holding content as totalbestand.json.
func writeZip(t *testing.T, dir, name string, content []byte) string {
	t.Helper()
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, err := zw.Create("totalbestand.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(content); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, zb.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestLeftoversRemoved: the records of a replaced copy that a crash kept
// from being deleted, and those of an import that did not finish, are
// removed by the next import, refresh or unlock, and never answer
// meanwhile.
func TestLeftoversRemoved(t *testing.T) {
	for _, way := range []string{"refresh", "unlock"} {
		t.Run(way, func(t *testing.T) {
			d, _ := newFakeDesk(t)
			dir := t.TempDir()
			oldPath := writeTotal(t, dir, "old.json", 30, 1, false)
			newPath := writeTotal(t, dir, "new.json", 40, 5, false)
			if _, err := d.ImportOwnersCopy(context.Background(), oldPath, oldDate, nil, nil); err != nil {
				t.Fatal(err)
			}
			// A copy from before the two buckets: its records in the legacy bucket.
			meta, _, err := d.ownersMeta()
			if err != nil {
				t.Fatal(err)
			}
			legacy := meta
			legacy.Bucket = ""
			moveCopy(t, d, meta.bucket(), ownersLegacyBucket)
			if err := d.saveOwnersMeta(legacy); err != nil {
				t.Fatal(err)
			}
			want := expectedCopy(t, oldPath, oldDate)
			checkCopy(t, d, oldDate, want)

			// The new copy switched in, as a crash right after the switch leaves it.
			next := ownersCopyMeta{Date: newDate, Generation: legacy.Generation + 1, Bucket: ownersBucketA}
			n, err := d.stageOwners(context.Background(), mustOpen(t, newPath), 0, next, nil)
			if err != nil || n != 40 {
				t.Fatalf("staged %d: %v", n, err)
			}
			next.Registrations = n
			if err := d.switchOwnersCopy(legacy, true, next); err != nil {
				t.Fatal(err)
			}
			if c := bucketCounts(t, d); c[ownersLegacyBucket] != 30 || c[ownersBucketA] != 40 {
				t.Fatalf("before the clean-up: %v", c)
			}
			wantNew := expectedCopy(t, newPath, newDate)
			checkCopy(t, d, newDate, wantNew)
			// An import that died in the other bucket.
			dead := ownersCopyMeta{Date: "2026-12-24", Generation: next.Generation + 1, Bucket: ownersBucketB}
			if _, err := d.stageOwners(context.Background(), mustOpen(t, oldPath), 0, dead, nil); err != nil {
				t.Fatal(err)
			}
			checkCopy(t, d, newDate, wantNew)

			// The next refresh, import or unlock removes both.
			switch way {
			case "refresh":
				if _, err := d.RefreshOwnersCopy(context.Background()); problem.CodeOf(err) != problem.CodeChangeLogNeedsV1 {
					t.Fatalf("refresh: %v", err)
				}
			case "unlock":
				if err := d.Lock(); err != nil {
					t.Fatal(err)
				}
				if err := d.Unlock([]byte("correct horse")); err != nil {
					t.Fatal(err)
				}
			}
			checkOnlyCopy(t, d, 40)
			checkCopy(t, d, newDate, wantNew)
		})
	}
}

// moveCopy moves every record of bucket from to bucket to.
func moveCopy(t *testing.T, d *Desk, from, to string) {
	t.Helper()
	err := d.withVault(func(v *vault.Vault) error {
		return v.Update(func(tx *vault.Tx) error {
			var ids []string
			err := tx.ForEach(from, func(id string, value []byte) error {
				ids = append(ids, id)
				return tx.Put(to, id, value)
			})
			for _, id := range ids {
				if err == nil {
					err = tx.Delete(from, id)
				}
			}
			return err
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}

func ptr[T any](v T) *T { return &v }
