package desk

import (
	"bytes"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"github.com/motpart/motpart/internal/testclock"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/certs"
	"github.com/motpart/motpart/internal/certs/certstest"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// fastParams make Argon2id quick in tests; MinParams is lowered to match.
var fastParams = vault.Params{Time: 1, MemoryKiB: 64, Threads: 1}

// testNow is the desk's clock in these tests. Certificates made for them
// are stamped with it too, so the suite does not age with the calendar.
var testNow = testclock.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)

// newTestDesk returns a Desk on a vault path in a fresh directory, with a
// fixed clock.
func newTestDesk(t testing.TB) *Desk {
	t.Helper()
	now := testNow
	d := New(Config{
		VaultPath:    filepath.Join(t.TempDir(), "Motpart", "vault.db"),
		VaultParams:  fastParams,
		VaultOptions: vault.OpenOptions{MinParams: fastParams},
		Now:          func() time.Time { return now },
	})
	d.ownersBatch = testOwnersBatch
	t.Cleanup(func() { _ = d.Lock() })
	return d
}

// testOwnersBatch is the batch size of owners imports in these tests:
// small, so that imports of a few batches stay fast under -race.
const testOwnersBatch = 100

func TestVaultLifecycle(t *testing.T) {
	d := newTestDesk(t)
	if d.VaultExists() || d.Unlocked() {
		t.Fatal("a fresh desk has a vault")
	}
	if err := d.Unlock([]byte("whatever1")); problem.CodeOf(err) != problem.CodeNoVault {
		t.Errorf("Unlock without vault: %v, want %s", err, problem.CodeNoVault)
	}
	if err := d.CreateVault([]byte("short")); problem.CodeOf(err) != problem.CodePasswordShort {
		t.Errorf("CreateVault(short): %v, want %s", err, problem.CodePasswordShort)
	}
	if err := d.CreateVault([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	if !d.VaultExists() || !d.Unlocked() {
		t.Fatal("vault not created and unlocked")
	}
	st, err := os.Stat(d.VaultPath())
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("vault mode %v, want 0600", st.Mode().Perm())
	}
	if err := d.CreateVault([]byte("correct horse")); problem.CodeOf(err) != problem.CodeVaultExists {
		t.Errorf("second CreateVault: %v, want %s", err, problem.CodeVaultExists)
	}
	if err := d.Lock(); err != nil || d.Unlocked() {
		t.Fatalf("Lock: %v, unlocked %v", err, d.Unlocked())
	}
	if _, err := d.Notes("923609016"); problem.CodeOf(err) != problem.CodeLocked {
		t.Errorf("Notes while locked: %v, want %s", err, problem.CodeLocked)
	}
	if err := d.Unlock([]byte("wrong horse")); problem.CodeOf(err) != problem.CodeWrongPassword {
		t.Errorf("Unlock(wrong): %v, want %s", err, problem.CodeWrongPassword)
	}
	if err := d.Unlock([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}

	// A second desk on the same file is told the vault is in use.
	other := New(Config{VaultPath: d.VaultPath(), VaultOptions: vault.OpenOptions{MinParams: fastParams}})
	start := time.Now()
	if err := other.Unlock([]byte("correct horse")); problem.CodeOf(err) != problem.CodeVaultInUse {
		t.Errorf("second Unlock: %v, want %s", err, problem.CodeVaultInUse)
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("second Unlock took %v; it must not hang", time.Since(start))
	}

	if err := d.ChangePassword([]byte("correct horse"), []byte("tiny")); problem.CodeOf(err) != problem.CodePasswordShort {
		t.Errorf("ChangePassword(short): %v", err)
	}
	if err := d.ChangePassword([]byte("not the one"), []byte("battery staple")); problem.CodeOf(err) != problem.CodeWrongPassword {
		t.Errorf("ChangePassword(wrong old): %v, want %s", err, problem.CodeWrongPassword)
	}
	if err := d.ChangePassword([]byte("correct horse"), []byte("battery staple")); err != nil {
		t.Fatal(err)
	}
	_ = d.Lock()
	if err := d.Unlock([]byte("correct horse")); problem.CodeOf(err) != problem.CodeWrongPassword {
		t.Errorf("old password after change: %v", err)
	}
	if err := d.Unlock([]byte("battery staple")); err != nil {
		t.Fatalf("new password: %v", err)
	}
	entries, check, err := d.AuditLog()
	if err != nil || !check.Intact {
		t.Fatalf("AuditLog: %v, %+v", err, check)
	}
	if len(entries) != 1 || entries[0].Action != "vault.passwd" {
		t.Errorf("audit entries = %+v, want one vault.passwd", entries)
	}
}

func TestNotes(t *testing.T) {
	d := newTestDesk(t)
	if err := d.CreateVault([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	// The same company typed two ways shares its notes.
	a, err := d.AddNote("923 609 016", "  Kunden har bytt revisor.  ")
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "1" || a.Text != "Kunden har bytt revisor." || !a.Created.Equal(d.cfg.Now()) {
		t.Errorf("first note = %+v", a)
	}
	b, err := d.AddNote("923609016", "Second")
	if err != nil || b.ID != "2" {
		t.Fatalf("second note = %+v, %v", b, err)
	}
	if _, err := d.AddNote("556074-7569", "Swedish client"); err != nil {
		t.Fatal(err)
	}
	notes, err := d.Notes("923.609.016")
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 2 || notes[0].ID != "1" || notes[1].Text != "Second" {
		t.Fatalf("notes = %+v", notes)
	}
	if err := d.EditNote("923609016", "1", "Edited"); err != nil {
		t.Fatal(err)
	}
	if err := d.RemoveNote("923609016", "2"); err != nil {
		t.Fatal(err)
	}
	notes, _ = d.Notes("923609016")
	if len(notes) != 1 || notes[0].Text != "Edited" || notes[0].Updated.IsZero() {
		t.Fatalf("after edit and remove: %+v", notes)
	}
	// A new note after a removal never reuses a live id.
	c, _ := d.AddNote("923609016", "Third")
	if c.ID != "2" {
		t.Errorf("next id = %q, want 2", c.ID)
	}

	tests := []struct {
		name string
		err  error
		want problem.Code
	}{
		{"personal number", func() error { _, err := d.AddNote("19811218-9876", "x"); return err }(), problem.CodeNotOrgNr},
		{"bad check digit", func() error { _, err := d.Notes("923609017"); return err }(), problem.CodeNotOrgNr},
		{"empty", func() error { _, err := d.AddNote("923609016", "   "); return err }(), problem.CodeNoteEmpty},
		{"too long", func() error { _, err := d.AddNote("923609016", strings.Repeat("x", 10_001)); return err }(), problem.CodeNoteTooLong},
		{"edit missing", d.EditNote("923609016", "99", "x"), problem.CodeNoteNotFound},
		{"remove missing", d.RemoveNote("923609016", "99"), problem.CodeNoteNotFound},
	}
	for _, tt := range tests {
		if got := problem.CodeOf(tt.err); got != tt.want {
			t.Errorf("%s: %v (code %s), want %s", tt.name, tt.err, got, tt.want)
		}
	}
	var pe *problem.Error
	if !errors.As(tests[0].err, &pe) {
		t.Errorf("errors are not *problem.Error")
	}

	entries, check, err := d.AuditLog()
	if err != nil || !check.Intact {
		t.Fatalf("AuditLog: %v %+v", err, check)
	}
	var actions []string
	for _, e := range entries {
		actions = append(actions, e.Action)
	}
	want := []string{"note.add", "note.add", "note.add", "note.edit", "note.remove", "note.add"}
	if len(actions) != len(want) {
		t.Fatalf("audit actions = %v, want %v", actions, want)
	}
	for i := range want {
		if actions[i] != want[i] {
			t.Errorf("audit[%d] = %s, want %s", i, actions[i], want[i])
		}
	}
	if entries[0].Subject != "no-orgnr:923609016" {
		t.Errorf("audit subject = %q", entries[0].Subject)
	}
}

func TestPasswordStrength(t *testing.T) {
	tests := []struct {
		password string
		want     Strength
	}{
		{"", StrengthTooShort},
		{"abc1234", StrengthTooShort},
		{"aaaaaaaa", StrengthWeak},
		{"password", StrengthWeak},
		{"Passw0rd12", StrengthFair},
		{"correct horse", StrengthFair},
		{"correct horse battery", StrengthStrong},
		{"Korrekt-Häst-Batteri-42", StrengthStrong},
	}
	for _, tt := range tests {
		if got := PasswordStrength(tt.password); got != tt.want {
			t.Errorf("PasswordStrength(%q) = %d, want %d", tt.password, got, tt.want)
		}
	}
}

func TestCertificates(t *testing.T) {
	d := newTestDesk(t)
	if err := d.CreateVault([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	holder := "EKSEMPELBYRÅ AS"
	pfx := certstest.PFX(t, certstest.Options{Subject: certstest.Norwegian(holder, "923609016"), Password: "pin-1234", Now: testNow})

	info, err := d.InspectCertificate(pfx, "buypass.p12", "pin-1234")
	if err != nil {
		t.Fatal(err)
	}
	if got := d.SuggestCertificateName(info); got != "Maskinporten 923609016" {
		t.Errorf("suggested name %q", got)
	}
	if _, err := d.ImportCertificate("Maskinporten", pfx, "buypass.p12", "wrong"); certs.CodeOf(err) != certs.CodeWrongPassword {
		t.Errorf("import with a wrong password: %v", err)
	}
	if _, err := d.ImportCertificate("  ", pfx, "buypass.p12", "pin-1234"); problem.CodeOf(err) != problem.CodeCertName {
		t.Errorf("import with an empty name: %v", err)
	}
	if _, err := d.ImportCertificate("Maskinporten", pfx, "buypass.p12", "pin-1234"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ImportCertificate("Maskinporten", pfx, "buypass.p12", "pin-1234"); problem.CodeOf(err) != problem.CodeCertNameTaken {
		t.Errorf("second import under the same name: %v", err)
	}
	expired := certstest.PFX(t, certstest.Options{Subject: certstest.SCB("A00494"), Now: testNow, NotBefore: testNow.AddDate(-2, 0, 0), NotAfter: testNow.AddDate(0, 0, -1)})
	if _, err := d.ImportCertificate("old", expired, "old.pfx", ""); certs.CodeOf(err) != certs.CodeExpired {
		t.Errorf("importing an expired certificate: %v", err)
	}

	list, err := d.Certificates()
	if err != nil || len(list) != 1 || list[0].Name != "Maskinporten" || list[0].Info.Holder != holder {
		t.Fatalf("Certificates() = %+v, %v", list, err)
	}

	// Neither the holder's name nor the private key is in the file in clear.
	c, err := d.Certificate("Maskinporten")
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(c.Signer())
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(d.VaultPath())
	if err != nil {
		t.Fatal(err)
	}
	prime := c.Signer().(*rsa.PrivateKey).Primes[0].Bytes()
	for what, needle := range map[string][]byte{"holder": []byte(holder), "key": keyDER, "key in base64": []byte(base64.StdEncoding.EncodeToString(keyDER)[:64]),
		"key prime": prime, "orgnr": []byte("923609016")} {
		if bytes.Contains(raw, needle) {
			t.Errorf("the vault file holds the %s in clear", what)
		}
	}

	if _, err := d.ExportCertificate("Maskinporten", "short"); problem.CodeOf(err) != problem.CodePasswordShort {
		t.Errorf("export with a short password: %v", err)
	}
	out, err := d.ExportCertificate("Maskinporten", "ny-lösen-2026")
	if err != nil {
		t.Fatal(err)
	}
	back, err := d.InspectCertificate(out, "export.pfx", "ny-lösen-2026")
	if err != nil || back.SHA256 != list[0].Info.SHA256 {
		t.Errorf("the exported file reads back as %+v, %v", back, err)
	}
	if err := d.RemoveCertificate("Maskinporten"); err != nil {
		t.Fatal(err)
	}
	if err := d.RemoveCertificate("Maskinporten"); problem.CodeOf(err) != problem.CodeCertNotFound {
		t.Errorf("removing twice: %v", err)
	}
	entries, check, err := d.AuditLog()
	if err != nil || !check.Intact {
		t.Fatal(err, check)
	}
	var actions []string
	for _, e := range entries {
		actions = append(actions, e.Action)
	}
	if strings.Join(actions, " ") != "cert.import cert.export cert.remove" {
		t.Errorf("audit actions %v", actions)
	}
}
