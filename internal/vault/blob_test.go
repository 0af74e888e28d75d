package vault

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	bolt "go.etcd.io/bbolt"
)

func readBlob(t *testing.T, v *Vault, name string) []byte {
	t.Helper()
	r, err := v.OpenBlob(name)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBlobRoundTrip(t *testing.T) {
	v, path := newTestVault(t)
	sizes := []int{0, 1, BlobChunkSize - 1, BlobChunkSize, BlobChunkSize + 1, 1<<20 + 123}
	names := map[string][]byte{}
	for i, n := range sizes {
		name := "docs/" + strings.Repeat("x", i) + ".pdf"
		data := pattern(n, byte(i))
		names[name] = data
		// One-byte reads exercise the chunking; iotest.HalfReader too.
		var r io.Reader = bytes.NewReader(data)
		if i%2 == 1 {
			r = iotest.HalfReader(r)
		}
		info, err := v.PutBlob(context.Background(), name, r)
		if err != nil {
			t.Fatalf("PutBlob(%d): %v", n, err)
		}
		if info.Name != name || info.Size != int64(n) || info.Created.IsZero() {
			t.Fatalf("BlobInfo = %+v", info)
		}
		if got := readBlob(t, v, name); !bytes.Equal(got, data) {
			t.Fatalf("size %d: read %d bytes, differ", n, len(got))
		}
		// Small reads.
		r2, _ := v.OpenBlob(name)
		got, err := io.ReadAll(iotest.OneByteReader(r2))
		r2.Close()
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("size %d: one-byte reads: %v", n, err)
		}
	}
	list, err := v.ListBlobs()
	if err != nil || len(list) != len(sizes) {
		t.Fatalf("ListBlobs: %v %v", list, err)
	}
	for i := 1; i < len(list); i++ {
		if list[i-1].Name >= list[i].Name {
			t.Fatal("ListBlobs not sorted")
		}
	}
	var total int64
	for _, d := range names {
		total += int64(len(d))
	}
	info, _ := v.Info()
	if info.Blobs != len(sizes) || info.BlobBytes != total {
		t.Fatalf("Info blobs %d bytes %d, want %d %d", info.Blobs, info.BlobBytes, len(sizes), total)
	}
	// Replace: the old chunks go away.
	if _, err := v.PutBlob(context.Background(), "docs/x.pdf", strings.NewReader("new")); err != nil {
		t.Fatal(err)
	}
	if got := readBlob(t, v, "docs/x.pdf"); string(got) != "new" {
		t.Fatalf("replaced blob = %q", got)
	}
	st, err := v.StatBlob("docs/x.pdf")
	if err != nil || st.Size != 3 {
		t.Fatalf("StatBlob = %+v, %v", st, err)
	}
	if err := v.DeleteBlob("docs/.pdf"); err != nil {
		t.Fatal(err)
	}
	wantErr(t, v.DeleteBlob("docs/.pdf"), ErrNotFound)
	_, err = v.OpenBlob("docs/.pdf")
	wantErr(t, err, ErrNotFound)
	_, err = v.StatBlob("nope")
	wantErr(t, err, ErrNotFound)
	mustLock(t, v)
	// Every remaining chunk belongs to a live blob: count them.
	want := 0
	for name, d := range names {
		switch name {
		case "docs/.pdf":
		case "docs/x.pdf":
			want++
		default:
			want += max(1, (len(d)+BlobChunkSize-1)/BlobChunkSize)
		}
	}
	rawView(t, path, func(tx *bolt.Tx) error {
		if n := len(keysOf(tx.Bucket(bktChunks))); n != want {
			t.Fatalf("%d chunks in file, want %d", n, want)
		}
		if n := len(keysOf(tx.Bucket(bktPending))); n != 0 {
			t.Fatalf("%d pending markers", n)
		}
		return nil
	})
	v = reopen(t, path)
	if got := readBlob(t, v, "docs/xxxxx.pdf"); !bytes.Equal(got, names["docs/xxxxx.pdf"]) {
		t.Fatal("blob differs after reopen")
	}
}

func chunkCount(t *testing.T, v *Vault) (chunks, pending int) {
	t.Helper()
	_ = v.db.View(func(tx *bolt.Tx) error {
		chunks = len(keysOf(tx.Bucket(bktChunks)))
		pending = len(keysOf(tx.Bucket(bktPending)))
		return nil
	})
	return
}

func TestBlobLimitsAndFailures(t *testing.T) {
	path := t.TempDir() + "/limits.vault"
	opts := testOpts
	opts.MaxBlobSize = 3*BlobChunkSize + 10
	v, err := Create(path, testPassword, CreateOptions{Params: testParams, OpenOptions: opts})
	if err != nil {
		t.Fatal(err)
	}
	defer v.Lock()
	v.batchSize = BlobChunkSize // commit every chunk, so failures leave chunks behind

	// At the limit: accepted. One byte more: refused, nothing left.
	if _, err := v.PutBlob(context.Background(), "max", bytes.NewReader(pattern(int(opts.MaxBlobSize), 1))); err != nil {
		t.Fatal(err)
	}
	_, err = v.PutBlob(context.Background(), "big", bytes.NewReader(pattern(int(opts.MaxBlobSize)+1, 1)))
	wantErr(t, err, ErrTooLarge)
	_, err = v.StatBlob("big")
	wantErr(t, err, ErrNotFound)
	if c, p := chunkCount(t, v); c != 4 || p != 0 {
		t.Fatalf("after refused blob: %d chunks, %d pending", c, p)
	}

	// A failing reader and a cancelled context leave nothing behind.
	boom := errors.New("boom")
	r := io.MultiReader(bytes.NewReader(pattern(2*BlobChunkSize+5, 2)), iotest.ErrReader(boom))
	_, err = v.PutBlob(context.Background(), "fail", r)
	wantErr(t, err, boom)
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	go func() {
		_, _ = pw.Write(pattern(2*BlobChunkSize, 3))
		cancel()
		_, _ = pw.Write(pattern(2*BlobChunkSize, 3))
		pw.Close()
	}()
	_, err = v.PutBlob(ctx, "cancel", pr)
	wantErr(t, err, context.Canceled)
	if c, p := chunkCount(t, v); c != 4 || p != 0 {
		t.Fatalf("after failures: %d chunks, %d pending", c, p)
	}
	// A replaced blob keeps its old content if the new write fails.
	_, err = v.PutBlob(context.Background(), "max", io.MultiReader(strings.NewReader("x"), iotest.ErrReader(boom)))
	wantErr(t, err, boom)
	if st, err := v.StatBlob("max"); err != nil || st.Size != opts.MaxBlobSize {
		t.Fatalf("old blob lost: %+v %v", st, err)
	}
	_, err = v.PutBlob(context.Background(), "", strings.NewReader("x"))
	wantErr(t, err, ErrInvalid)
}

// TestBlobCrashLeftovers simulates a crash in the middle of PutBlob (some
// batches committed, no manifest): the blob is invisible and Open removes
// its chunks.
func TestBlobCrashLeftovers(t *testing.T) {
	v, path := newTestVault(t)
	v.batchSize = BlobChunkSize
	// A reader that blocks forever after 3 chunks, then the vault is locked.
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		_, err := v.PutBlob(context.Background(), "half", pr)
		done <- err
	}()
	if _, err := pw.Write(pattern(3*BlobChunkSize+1, 4)); err != nil {
		t.Fatal(err)
	}
	// Wait until the first batches are committed: a poll for that state,
	// bounded at 5 s, not a wait for a length of time.
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, p := chunkCount(t, v)
		if c >= 3 && p == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("chunks not written: %d %d", c, p)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if _, err := v.OpenBlob("half"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("half-written blob visible: %v", err)
	}
	mustLock(t, v)
	pw.CloseWithError(errors.New("crash"))
	if err := <-done; err == nil {
		t.Fatal("PutBlob succeeded after Lock")
	}
	rawView(t, path, func(tx *bolt.Tx) error {
		if n := len(keysOf(tx.Bucket(bktPending))); n != 1 {
			t.Fatalf("%d pending markers after crash", n)
		}
		return nil
	})
	v = reopen(t, path)
	if c, p := chunkCount(t, v); c != 0 || p != 0 {
		t.Fatalf("after reopen: %d chunks, %d pending", c, p)
	}
}
