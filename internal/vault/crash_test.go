package vault

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

const crashEnv = "MOTPART_VAULT_CRASH_CHILD"

// crashValue is the deterministic value the child writes for id.
func crashValue(id string) []byte {
	h := fnv.New32a()
	h.Write([]byte(id))
	s := h.Sum32()
	return pattern(60+int(s%80), byte(s))
}

func crashBlob(id string) []byte { return pattern(12<<10+len(id), byte(len(id))) }

// crashBlobs caches crashBlob by id length (generating the pattern is
// slow under the race detector).
type crashBlobs map[int][]byte

func (c crashBlobs) get(id string) []byte {
	b, ok := c[len(id)]
	if !ok {
		b = crashBlob(id)
		c[len(id)] = b
	}
	return b
}

// TestCrashChild is the child process of TestCrash; it does nothing in a
// normal test run. It writes records (each with an audit entry, in its
// own Update) and now and then a multi-transaction blob, printing each
// id after it is committed, until it is killed.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("helper process for TestCrash")
	}
	v, err := Open(path, testPassword, testOpts)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(2)
	}
	// Small chunks, one per transaction: a blob spans 4 transactions.
	v.chunkSize, v.batchSize = 4<<10, 4<<10
	prefix := os.Getenv(crashEnv + "_PREFIX")
	fmt.Println("READY")
	for i := 0; ; i++ {
		id := fmt.Sprintf("%s-%d", prefix, i)
		if i%5 == 4 {
			if _, err := v.PutBlob(context.Background(), id, bytes.NewReader(crashBlob(id))); err != nil {
				fmt.Println("ERR", err)
				os.Exit(2)
			}
			fmt.Println("B", id)
			continue
		}
		err := v.Update(func(tx *Tx) error {
			if err := tx.Put("crash", id, crashValue(id)); err != nil {
				return err
			}
			return tx.Audit(AuditEntry{Action: "crash.put", Subject: id})
		})
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(2)
		}
		fmt.Println("R", id)
	}
}

// TestCrash kills a writing child process with SIGKILL at random moments,
// at least 50 times, and checks after each kill that the vault opens and
// that everything the child reported as committed is intact.
func TestCrash(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("needs unix processes and SIGKILL")
	}
	v, path := newTestVault(t)
	mustLock(t, v)
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	records := map[string]bool{}
	blobs := map[string]bool{}
	expected := crashBlobs{}
	interruptedBlobs := 0 // kills in the middle of a blob write
	const runs = 50
	for run := 0; run < runs; run++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnv+"="+path, fmt.Sprintf("%s_PREFIX=r%d", crashEnv, run))
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		record := func(line string) {
			switch {
			case strings.HasPrefix(line, "R "):
				records[line[2:]] = true
			case strings.HasPrefix(line, "B "):
				blobs[line[2:]] = true
			case strings.HasPrefix(line, "ERR"):
				t.Fatalf("child: %s", line)
			}
		}
		// Wait for the child to be ready, then kill it after a random
		// delay or after a random number of commits.
		timeout := time.After(30 * time.Second)
	ready:
		for {
			select {
			case line, ok := <-lines:
				if !ok {
					t.Fatal("child exited before READY")
				}
				record(line)
				if line == "READY" {
					break ready
				}
			case <-timeout:
				t.Fatal("child not ready")
			}
		}
		if run == 0 {
			// Held by another process: a second opener fails fast.
			start := time.Now()
			_, err := Open(path, testPassword, testOpts)
			wantErr(t, err, ErrAlreadyOpen)
			if d := time.Since(start); d > time.Second {
				t.Fatalf("ErrAlreadyOpen across processes took %v", d)
			}
		}
		var kill <-chan time.Time
		commits := -1
		if rng.IntN(2) == 0 {
			kill = time.After(time.Duration(5+rng.IntN(56)) * time.Millisecond)
		} else {
			commits = 1 + rng.IntN(20)
		}
	wait:
		for {
			select {
			case line := <-lines:
				record(line)
				if commits > 0 {
					if commits--; commits == 0 {
						break wait
					}
				}
			case <-kill:
				break wait
			case <-timeout:
				t.Fatal("child hangs")
			}
		}
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		for line := range lines { // what was printed before the kill
			record(line)
		}
		_ = cmd.Wait()

		rawView(t, path, func(tx *bolt.Tx) error {
			if len(keysOf(tx.Bucket(bktPending))) > 0 {
				interruptedBlobs++
			}
			return nil
		})
		v := reopen(t, path)
		for id := range records {
			got, err := v.Get("crash", id)
			if err != nil || !bytes.Equal(got, crashValue(id)) {
				t.Fatalf("run %d: committed record %s: %v", run, id, err)
			}
		}
		for id := range blobs {
			r, err := v.OpenBlob(id)
			if err != nil {
				t.Fatalf("run %d: committed blob %s: %v", run, id, err)
			}
			var buf bytes.Buffer
			_, err = buf.ReadFrom(r)
			r.Close()
			if err != nil || !bytes.Equal(buf.Bytes(), expected.get(id)) {
				t.Fatalf("run %d: blob %s differs: %v", run, id, err)
			}
		}
		_, check, err := v.AuditLog()
		if err != nil || !check.Intact {
			t.Fatalf("run %d: audit log %+v %v", run, check, err)
		}
		// No half-written blob survives the reopen: every chunk belongs
		// to a published blob and no pending marker is left.
		_ = v.db.View(func(tx *bolt.Tx) error {
			live, err := liveBlobIDs(tx, v.keys)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(keysOf(tx.Bucket(bktPending))); n != 0 {
				t.Fatalf("run %d: %d pending markers after reopen", run, n)
			}
			for _, k := range keysOf(tx.Bucket(bktChunks)) {
				if !live[string(k[:blobIDLen])] {
					t.Fatalf("run %d: orphan chunk after reopen", run)
				}
			}
			return nil
		})
		mustLock(t, v)
	}
	if len(records) == 0 || len(blobs) == 0 {
		t.Fatalf("children committed %d records and %d blobs; the test did not exercise much", len(records), len(blobs))
	}
	t.Logf("%d kills (%d in the middle of a blob); %d records and %d blobs committed and intact",
		runs, interruptedBlobs, len(records), len(blobs))
}
