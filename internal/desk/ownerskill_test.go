package desk

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/vault"
)

// killEnv names the vault a TestKilledImportChild imports into.
const killEnv = "MOTPART_TEST_KILL_IMPORT"

// TestKilledImportChild is the child process of TestKilledImportKeepsTheCopy;
// it does nothing in a normal test run. It imports the download named in
// killEnv+"_FILE", printing a line after each batch, until it is killed.
func TestKilledImportChild(t *testing.T) {
	path := os.Getenv(killEnv)
	if path == "" {
		t.Skip("helper process for TestKilledImportKeepsTheCopy")
	}
	d := New(Config{VaultPath: path, VaultParams: fastParams, VaultOptions: vault.OpenOptions{MinParams: fastParams}, OwnersFiles: rrhFiles{}})
	d.ownersBatch = testOwnersBatch // as the parent counts the batches
	if err := d.Unlock([]byte("correct horse")); err != nil {
		fmt.Println("ERR", err)
		os.Exit(2)
	}
	fmt.Println("READY")
	_, err := d.ImportOwnersCopy(context.Background(), os.Getenv(killEnv+"_FILE"), newDate, nil, func(_, _ int64, n int) {
		fmt.Println("P", n)
	})
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(2)
	}
	fmt.Println("DONE")
}

// TestKilledImportKeepsTheCopy kills an importing child process with
// SIGKILL after each of its batches and at moments in between, and checks
// after each kill that the vault holds one whole copy: the old one, or
// (when the kill came after the switch) the new one.
func TestKilledImportKeepsTheCopy(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("needs unix processes and SIGKILL")
	}
	d, _ := newFakeDesk(t)
	dir := t.TempDir()
	oldPath := writeTotal(t, dir, "old.json", oldRegistrations, 1, false)
	newPath := writeTotal(t, dir, "new.json", newRegistrations, 1, true)
	if _, err := d.ImportOwnersCopy(context.Background(), oldPath, oldDate, nil, nil); err != nil {
		t.Fatal(err)
	}
	wantOld := expectedCopy(t, oldPath, oldDate)
	wantNew := expectedCopy(t, newPath, newDate)
	checkCopy(t, d, oldDate, wantOld)
	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}

	// Kill after k batch lines, or after the k-th batch line plus a
	// moment (into the next batch's transaction, or the switch and the
	// delete after the last).
	type point struct {
		batches int
		extra   time.Duration
	}
	var points []point
	for k := 1; k <= newRegistrations/testOwnersBatch; k++ {
		points = append(points, point{k, 0}, point{k, time.Duration(k) * 7 * time.Millisecond})
	}
	sawNew := false
	for _, p := range points {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledImportChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), killEnv+"="+d.VaultPath(), killEnv+"_FILE="+newPath)
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		batches := 0
		for batches < p.batches && sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "ERR"):
				t.Fatalf("child: %s", line)
			case strings.HasPrefix(line, "P "):
				batches++
			}
		}
		if p.extra > 0 {
			time.Sleep(p.extra) // where the kill lands, not a synchronisation
		}
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()

		if err := d.Unlock([]byte("correct horse")); err != nil {
			t.Fatalf("after a kill at %+v: %v", p, err)
		}
		info, _, err := d.OwnersCopy()
		if err != nil {
			t.Fatal(err)
		}
		switch info.Date {
		case oldDate:
			checkCopy(t, d, oldDate, wantOld)
		case newDate:
			// Killed after the switch: the new copy is whole, and the
			// next import removes what is left of the old one.
			sawNew = true
			checkCopy(t, d, newDate, wantNew)
		default:
			t.Fatalf("after a kill at %+v: copy %+v", p, info)
		}
		if info.Date == newDate {
			// Back to the old copy for the next kill.
			if _, err := d.ImportOwnersCopy(context.Background(), oldPath, oldDate, nil, nil); err != nil {
				t.Fatal(err)
			}
			checkCopy(t, d, oldDate, wantOld)
		}
		if err := d.Lock(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("the new copy was in force after the kill %v", sawNew)

	// A whole import then replaces the copy and leaves nothing of the
	// interrupted ones.
	if err := d.Unlock([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ImportOwnersCopy(context.Background(), newPath, newDate, nil, nil); err != nil {
		t.Fatal(err)
	}
	checkCopy(t, d, newDate, wantNew)
	checkOnlyCopy(t, d, newRegistrations)
}
