package vault

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var newTestPassword = []byte("a new and longer passphrase")

var passwdEntry = AuditEntry{Action: "vault.passwd", Detail: "password changed"}

// passwdState opens the vault at path with the old and the new password
// and returns which one is in force and whether the audit log ends with
// the password-change entry. Exactly one password must open the vault.
func passwdState(t *testing.T, path string) (newInForce, audited bool) {
	t.Helper()
	var v *Vault
	vOld, errOld := Open(path, testPassword, testOpts)
	if errOld == nil {
		v = vOld
	}
	if errOld != nil {
		wantErr(t, errOld, ErrWrongPassword)
		vNew, errNew := Open(path, newTestPassword, testOpts)
		if errNew != nil {
			t.Fatalf("neither password opens the vault: %v / %v", errOld, errNew)
		}
		v, newInForce = vNew, true
	}
	defer mustLock(t, v)
	entries, check, err := v.AuditLog()
	if err != nil || !check.Intact {
		t.Fatalf("AuditLog: %+v %v", check, err)
	}
	last := entries[len(entries)-1]
	audited = last.Action == passwdEntry.Action && last.Detail == passwdEntry.Detail
	got, err := v.Get("notes", "923609016")
	if err != nil || string(got) != "Kunden har bytt revisor" {
		t.Fatalf("Get = %q, %v", got, err)
	}
	if matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*compact*")); len(matches) != 0 {
		t.Errorf("left-over files after Open: %v", matches)
	}
	return newInForce, audited
}

var errInjected = errors.New("injected failure")

// TestChangePasswordFailures makes each write step of a password change
// fail in turn: the vault then holds either the old password and no
// entry, or the new password and the entry, never one without the other.
func TestChangePasswordFailures(t *testing.T) {
	for n := 1; ; n++ {
		v, path, _ := makeSmallVault(t)
		steps := 0
		at := ""
		v.stepHook = func(name string) error {
			if steps++; steps == n {
				at = name
				return errInjected
			}
			return nil
		}
		err := v.ChangePasswordAudited(testPassword, newTestPassword, testParams, passwdEntry)
		mustLock(t, v)
		if at == "" {
			if err != nil {
				t.Fatal(err)
			}
			if newer, audited := passwdState(t, path); !newer || !audited {
				t.Fatalf("completed change: new password %v, audited %v", newer, audited)
			}
			if n < 5 {
				t.Fatalf("only %d steps", n-1)
			}
			return
		}
		if !errors.Is(err, errInjected) {
			t.Fatalf("step %d (%s): %v", n, at, err)
		}
		newer, audited := passwdState(t, path)
		if newer != audited {
			t.Fatalf("failure after step %s: new password %v but audited %v", at, newer, audited)
		}
		t.Logf("failure after %s: new password in force: %v", at, newer)
	}
}

const passwdEnv = "MOTPART_VAULT_PASSWD_CHILD"

// TestChangePasswordKillChild is the child process of
// TestChangePasswordKill; it does nothing in a normal test run.
func TestChangePasswordKillChild(t *testing.T) {
	path := os.Getenv(passwdEnv)
	if path == "" {
		t.Skip("helper process for TestChangePasswordKill")
	}
	stop, _ := strconv.Atoi(os.Getenv(passwdEnv + "_STEP"))
	v, err := Open(path, testPassword, testOpts)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(2)
	}
	steps := 0
	v.stepHook = func(name string) error {
		if steps++; steps == stop {
			fmt.Println("AT", name)
			select {} // wait for the kill
		}
		return nil
	}
	if err := v.ChangePasswordAudited(testPassword, newTestPassword, testParams, passwdEntry); err != nil {
		fmt.Println("ERR", err)
		os.Exit(2)
	}
	fmt.Println("DONE")
	os.Exit(0)
}

// TestChangePasswordKill kills a process changing the password right
// after each of its write steps (SIGKILL): the vault then holds either the
// old password and no entry, or the new password and the entry.
func TestChangePasswordKill(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	for n := 1; ; n++ {
		v, path, _ := makeSmallVault(t)
		mustLock(t, v)
		cmd := exec.Command(exe, "-test.run=^TestChangePasswordKillChild$")
		cmd.Env = append(os.Environ(), passwdEnv+"="+path, passwdEnv+"_STEP="+strconv.Itoa(n))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		at, done := "", false
		for sc.Scan() {
			line := sc.Text()
			if name, ok := strings.CutPrefix(line, "AT "); ok {
				at = name
				_ = cmd.Process.Kill()
				break
			}
			if line == "DONE" {
				done = true
				break
			}
			if strings.HasPrefix(line, "ERR") {
				t.Fatalf("child: %s", line)
			}
		}
		_ = cmd.Wait()
		newer, audited := passwdState(t, path)
		if done {
			if !newer || !audited {
				t.Fatalf("completed change: new password %v, audited %v", newer, audited)
			}
			if n < 5 {
				t.Fatalf("only %d steps", n-1)
			}
			return
		}
		if at == "" {
			t.Fatalf("step %d: child ended without reaching a step", n)
		}
		if newer != audited {
			t.Fatalf("killed after %s: new password %v but audited %v", at, newer, audited)
		}
		t.Logf("killed after %s: new password in force: %v", at, newer)
	}
}
