package desk

import (
	"os"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/motpart/motpart/internal/problem"
)

// TestDamagedHeaderIsToldAndRepaired: a damaged vault header is told as
// such (not as a wrong password), RepairVault opens the vault from the
// header's copy with its data whole, and the repair is in the audit log.
func TestDamagedHeaderIsToldAndRepaired(t *testing.T) {
	for _, field := range []string{"salt", "wrapped-key", "vault-id"} {
		t.Run(field, func(t *testing.T) {
			d := newTestDesk(t)
			if err := d.CreateVault([]byte("correct horse")); err != nil {
				t.Fatal(err)
			}
			if _, err := d.AddNote("923609016", "Kunden har bytt revisor."); err != nil {
				t.Fatal(err)
			}
			if err := d.Lock(); err != nil {
				t.Fatal(err)
			}
			db, err := bolt.Open(d.VaultPath(), 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			err = db.Update(func(tx *bolt.Tx) error {
				m := tx.Bucket([]byte("meta"))
				val := append([]byte(nil), m.Get([]byte(field))...)
				val[0] ^= 0x01
				return m.Put([]byte(field), val)
			})
			if cerr := db.Close(); err != nil || cerr != nil {
				t.Fatal(err, cerr)
			}

			if err := d.Unlock([]byte("correct horse")); problem.CodeOf(err) != problem.CodeVaultHeaderDamaged {
				t.Fatalf("Unlock of a damaged header: %v, want %s", err, problem.CodeVaultHeaderDamaged)
			}
			if err := d.RepairVault([]byte("wrong horse")); problem.CodeOf(err) != problem.CodeWrongPassword {
				t.Errorf("RepairVault with a wrong password: %v", err)
			}
			if err := d.RepairVault([]byte("correct horse")); err != nil {
				t.Fatalf("RepairVault: %v", err)
			}
			notes, err := d.Notes("923609016")
			if err != nil || len(notes) != 1 || notes[0].Text != "Kunden har bytt revisor." {
				t.Errorf("notes after the repair: %+v, %v", notes, err)
			}
			entries, check, err := d.AuditLog()
			if err != nil || !check.Intact || entries[len(entries)-1].Action != "vault.repair" {
				t.Errorf("audit log after the repair: %+v %+v %v", entries, check, err)
			}
			// The header is whole again: a plain unlock works.
			if err := d.Lock(); err != nil {
				t.Fatal(err)
			}
			if err := d.Unlock([]byte("correct horse")); err != nil {
				t.Errorf("Unlock after the repair: %v", err)
			}
		})
	}
}

// TestDamagedLastChangeIsToldAndRepaired: a damaged bbolt meta page is
// told as a damaged last change (not "damaged or not a vault"), and
// RepairVault opens the vault as it was before.
func TestDamagedLastChangeIsToldAndRepaired(t *testing.T) {
	d := newTestDesk(t)
	if err := d.CreateVault([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	if _, err := d.AddNote("923609016", "Kunden har bytt revisor."); err != nil {
		t.Fatal(err)
	}
	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(d.VaultPath())
	if err != nil {
		t.Fatal(err)
	}
	raw[16+20] ^= 0x01 // in meta page 0, past the page header: its checksum no longer holds
	if err := os.WriteFile(d.VaultPath(), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := d.Unlock([]byte("correct horse")); problem.CodeOf(err) != problem.CodeVaultLastChangeDamaged {
		t.Fatalf("Unlock with a damaged meta page: %v, want %s", err, problem.CodeVaultLastChangeDamaged)
	}
	if err := d.RepairVault([]byte("correct horse")); err != nil {
		t.Fatalf("RepairVault: %v", err)
	}
	if _, check, err := d.AuditLog(); err != nil || !check.Intact {
		t.Errorf("audit log after the repair: %+v %v", check, err)
	}
}
