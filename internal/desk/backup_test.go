package desk

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/rrh"
	"github.com/motpart/motpart/internal/vault"
)

// backupTestMB is the size of the owners download TestBackupDuringOwnersImport
// imports: 10 MB by default, $MOTPART_BACKUP_TEST_MB (500 for the issue's
// figure) when set.
func backupTestMB(t *testing.T) int {
	if s := os.Getenv("MOTPART_BACKUP_TEST_MB"); s != "" {
		mb, err := strconv.Atoi(s)
		if err != nil || mb < 1 {
			t.Fatalf("MOTPART_BACKUP_TEST_MB=%q", s)
		}
		return mb
	}
	return 10
}

// TestBackupDuringOwnersImport takes a backup while an import of the owners
// register's download is writing, and checks that the backup opens with
// the vault's password and holds every record committed before the backup
// began, exactly.
func TestBackupDuringOwnersImport(t *testing.T) {
	d := newTestDesk(t)
	d.cfg.OwnersFiles = rrhFiles{}
	d.ownersBatch = 500
	if err := d.CreateVault([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	// 4.65 kB per generated registration.
	n := backupTestMB(t) * 1_000_000 / 4650
	dir := t.TempDir()
	download := filepath.Join(dir, "totalbestand.json")
	f, err := os.Create(download)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := rrh.GenerateTotal(w, n, 7); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	halfway := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		signalled := false
		_, err := d.ImportOwnersCopy(context.Background(), download, oldDate, nil, func(_, _ int64, regs int) {
			if !signalled && regs >= n/3 {
				signalled = true
				close(halfway)
			}
		})
		if !signalled {
			close(halfway)
		}
		done <- err
	}()
	<-halfway
	// What was committed before the backup began: every record of the
	// buckets the import writes, read in one transaction.
	before := map[string]map[string]string{}
	err = d.withVault(func(v *vault.Vault) error {
		return v.View(func(tx *vault.Tx) error {
			for _, b := range ownersBuckets() {
				before[b] = map[string]string{}
				if err := tx.ForEach(b, func(id string, value []byte) error {
					before[b][id] = string(value)
					return nil
				}); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "Åsa Bjørnstad", BackupName(testNow))
	if err := os.MkdirAll(filepath.Dir(backup), 0o700); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	size, err := d.BackupVault(context.Background(), backup)
	took := time.Since(start)
	if err != nil {
		t.Fatalf("BackupVault during the import: %v", err)
	}
	if err := <-done; err != nil {
		t.Fatalf("the import failed: %v", err)
	}
	total := 0
	for _, m := range before {
		total += len(m)
	}
	if total == 0 {
		t.Fatal("nothing was committed before the backup began: the test proves nothing")
	}
	t.Logf("download %d registrations; backup of %d bytes in %v, %d owners records committed before it", n, size, took, total)

	b, err := vault.Open(backup, []byte("correct horse"), d.cfg.VaultOptions)
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	defer b.Lock()
	for bucket, records := range before {
		for id, value := range records {
			got, err := b.Get(bucket, id)
			if err != nil || string(got) != value {
				t.Fatalf("record %s/%s committed before the backup: %v in the backup", bucket, id, err)
			}
		}
	}
	if taken, ok, err := d.LastBackup(); err != nil || !ok || !taken.Equal(testNow) {
		t.Fatalf("LastBackup = %v, %v, %v", taken, ok, err)
	}
}

func TestBackupAndRestore(t *testing.T) {
	d := newTestDesk(t)
	if err := d.CreateVault([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	if due, err := d.BackupDue(); err != nil || due {
		t.Fatalf("a new vault: BackupDue = %v, %v", due, err)
	}
	note, err := d.AddNote("923609016", "in the backup")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	backup := filepath.Join(dir, BackupName(testNow))
	if _, err := d.BackupVault(context.Background(), backup); err != nil {
		t.Fatal(err)
	}
	if _, err := d.BackupVault(context.Background(), backup); problem.CodeOf(err) != problem.CodeVaultExists {
		t.Fatalf("a second backup to the same file: %v", err)
	}
	if err := d.EditNote("923609016", note.ID, "after the backup"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.RestoreVault(backup, []byte("wrong horse")); problem.CodeOf(err) != problem.CodeWrongPassword {
		t.Fatalf("restore with a wrong password: %v", err)
	}
	if err := d.Unlock([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	if notes, _ := d.Notes("923609016"); len(notes) != 1 || notes[0].Text != "after the backup" {
		t.Fatalf("a refused restore changed the vault: %+v", notes)
	}
	aside, err := d.RestoreVault(backup, []byte("correct horse"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Unlocked() {
		t.Fatal("the desk is unlocked after a restore")
	}
	if _, err := os.Stat(aside); err != nil {
		t.Fatalf("the replaced vault was not kept aside: %v", err)
	}
	if err := d.Unlock([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	if notes, _ := d.Notes("923609016"); len(notes) != 1 || notes[0].Text != "in the backup" {
		t.Fatalf("restored notes: %+v", notes)
	}
	// Thirty days and a bit after the backup, a reminder is due.
	d.cfg.Now = func() time.Time { return testNow.Add(BackupReminderAfter + time.Hour) }
	if due, err := d.BackupDue(); err != nil || !due {
		t.Fatalf("31 days after the last backup: BackupDue = %v, %v", due, err)
	}
	if _, err := d.RestoreVault(filepath.Join(dir, "missing.vault"), []byte("correct horse")); err == nil {
		t.Fatalf("restore of a missing file: %v", err)
	}
}
