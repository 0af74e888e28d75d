package vault

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestBackupWhileWriting takes a backup while another goroutine commits
// transactions that each write two records, and checks that the backup
// opens with the password, holds every record committed before the
// backup began, and never half of a transaction.
func TestBackupWhileWriting(t *testing.T) {
	v, _ := newTestVault(t)
	var committed atomic.Int64 // transactions committed so far
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			id := strconv.Itoa(i)
			err := v.Update(func(tx *Tx) error {
				if err := tx.Put("a", id, []byte("first half "+id)); err != nil {
					return err
				}
				return tx.Put("b", id, []byte("second half "+id))
			})
			if err != nil {
				t.Errorf("Update %d: %v", i, err)
				return
			}
			committed.Add(1)
		}
	})
	for committed.Load() < 200 {
		runtime.Gosched()
	}
	before := committed.Load()
	dest := filepath.Join(t.TempDir(), "backup 2026-12-03 Åsa.vault")
	info, err := v.Backup(context.Background(), dest)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("Backup: %v", err)
	}
	if fi, err := os.Stat(dest); err != nil || fi.Size() != info.Size || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v, size %d (info %d)", err, fi.Size(), info.Size)
	}
	b, err := Open(dest, testPassword, testOpts)
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	defer b.Lock()
	na, _ := b.Count("a")
	nb, _ := b.Count("b")
	if na != nb {
		t.Fatalf("backup holds %d first halves and %d second halves: a transaction was cut", na, nb)
	}
	if int64(na) < before {
		t.Fatalf("backup holds %d transactions, %d were committed before it began", na, before)
	}
	for i := range before {
		id := strconv.Itoa(int(i))
		got, err := b.Get("b", id)
		if err != nil || string(got) != "second half "+id {
			t.Fatalf("record %s in the backup: %q, %v", id, got, err)
		}
	}
}

func TestBackupRefusesExistingAndCancelled(t *testing.T) {
	v, _ := newTestVault(t)
	dir := t.TempDir()
	dest := filepath.Join(dir, "taken.vault")
	if err := os.WriteFile(dest, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := v.Backup(context.Background(), dest); !errors.Is(err, ErrExists) {
		t.Fatalf("Backup over a file: %v, want ErrExists", err)
	}
	if got, _ := os.ReadFile(dest); string(got) != "mine" {
		t.Fatalf("the file was changed: %q", got)
	}
	empty := filepath.Join(dir, "from a save dialog.vault")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := v.Backup(context.Background(), empty); err != nil {
		t.Fatalf("Backup over an empty file: %v", err)
	}
	if fi, err := os.Stat(empty); err != nil || fi.Size() == 0 {
		t.Fatalf("the empty file was not replaced: %v", err)
	}
	_ = os.Remove(empty)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	other := filepath.Join(dir, "cancelled.vault")
	if _, err := v.Backup(ctx, other); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled Backup: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("a cancelled backup left files: %v", entries)
	}
}

func TestRestore(t *testing.T) {
	v, path := newTestVault(t)
	if err := v.Put("notes", "n1", []byte("in the backup")); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "backup.vault")
	if _, err := v.Backup(context.Background(), backup); err != nil {
		t.Fatal(err)
	}
	if err := v.Put("notes", "n2", []byte("after the backup")); err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(backup, path, testPassword, testOpts); !errors.Is(err, ErrAlreadyOpen) {
		t.Fatalf("Restore over an open vault: %v, want ErrAlreadyOpen", err)
	}
	mustLock(t, v)
	if _, err := Restore(backup, path, []byte("wrong"), testOpts); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("Restore with a wrong password: %v", err)
	}
	if _, err := Restore(filepath.Join(t.TempDir(), "none"), path, testPassword, testOpts); err == nil {
		t.Fatal("Restore of a missing file succeeded")
	}
	notVault := filepath.Join(t.TempDir(), "not.vault")
	_ = os.WriteFile(notVault, []byte("hello, not a vault at all"), 0o600)
	if _, err := Restore(notVault, path, testPassword, testOpts); err == nil {
		t.Fatal("Restore of a file that is not a vault succeeded")
	}
	// Nothing was replaced so far.
	cur := reopen(t, path)
	if _, err := cur.Get("notes", "n2"); err != nil {
		t.Fatalf("the vault was changed by a refused restore: %v", err)
	}
	mustLock(t, cur)
	fixed := time.Date(2026, 12, 3, 17, 30, 0, 0, time.UTC)
	aside, err := Restore(backup, path, testPassword, OpenOptions{MinParams: testParams, Now: func() time.Time { return fixed }})
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if want := path + ".before-restore-20261203-173000"; aside != want {
		t.Fatalf("aside = %q, want %q", aside, want)
	}
	old := reopen(t, aside)
	if _, err := old.Get("notes", "n2"); err != nil {
		t.Fatalf("the vault kept aside lost a record: %v", err)
	}
	restored := reopen(t, path)
	if got, err := restored.Get("notes", "n1"); err != nil || string(got) != "in the backup" {
		t.Fatalf("restored n1: %q, %v", got, err)
	}
	if _, err := restored.Get("notes", "n2"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("restored vault has a record made after the backup: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 2 {
		names := []string{}
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("files left beside the vault: %v", names)
	}
}
