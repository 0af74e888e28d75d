package vault

import (
	"bytes"
	"context"
	"flag"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "regenerate testdata/golden-v1.db (TestGolden)")

// The golden vault is a format-version-1 file committed to the repository.
// It is generated once, deterministically, by
//
//	go test ./internal/vault -run TestGolden -update
//
// and must keep opening, with exactly this content, in every future
// version of this package. Do not regenerate it to make a failing test
// pass: a failure means the format changed. The content (vault id, keys,
// nonces) is deterministic; the byte layout is not quite, because bbolt
// spills sub-buckets in map order.
const (
	goldenFile    = "testdata/golden-v1.db"
	goldenVaultID = "ff3f033c7616817a3b1d61407da2ce93"
)

var (
	goldenPassword = []byte("Motpart golden vault v1 – lösenord")
	goldenParams   = Params{Time: 1, MemoryKiB: 64, Threads: 1}
	goldenOpts     = OpenOptions{MinParams: goldenParams}
	goldenRecords  = []struct{ bucket, id, value string }{
		{"notes", "923609016", "Kunden har bytt revisor."},
		{"notes", "5566778899", "Årsredovisning inlämnad 2024-06-30. ÅÄÖ åäö ÆØ æø."},
		{"notes", "empty", ""},
		{"owners", "19811218-9876", `{"name":"Test Testsson","share":"51 %"}`},
		{"certs", "bankid", "-----BEGIN PRIVATE KEY-----\nZmFrZSBrZXkgZm9yIHRlc3Rz\n-----END PRIVATE KEY-----\n"},
		{"settings", "theme", "dark"},
	}
	goldenBlobName = "aml/923609016/kyc-2024.pdf"
	goldenBlob     = pattern(150<<10, 42) // 3 chunks: 64 KiB, 64 KiB, 22 KiB
	goldenStart    = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	goldenAudit    = []AuditEntry{
		{Seq: 1, Time: time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC), Action: "import", Subject: "923609016", Detail: "certifikat importerat"},
		{Seq: 2, Time: time.Date(2025, 1, 2, 9, 30, 0, 500, time.UTC), Action: "reveal", Subject: "19811218-9876", Detail: ""},
		{Seq: 3, Time: time.Date(2025, 1, 3, 14, 15, 16, 0, time.UTC), Action: "note.add", Subject: "923609016", Detail: "Kunden har bytt revisor."},
	}
)

// goldenClock returns a deterministic Now that advances a second per call.
func goldenClock() func() time.Time {
	t := goldenStart
	return func() time.Time { t = t.Add(time.Second); return t }
}

func generateGolden(t *testing.T, path string) {
	opts := goldenOpts
	opts.Rand = rand.NewChaCha8([32]byte([]byte("motpart golden vault v1 seed....")))
	opts.Now = goldenClock()
	v, err := Create(path, goldenPassword, CreateOptions{Params: goldenParams, OpenOptions: opts})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range goldenRecords {
		if err := v.Put(r.bucket, r.id, []byte(r.value)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := v.PutBlob(context.Background(), goldenBlobName, bytes.NewReader(goldenBlob)); err != nil {
		t.Fatal(err)
	}
	for _, e := range goldenAudit {
		e.Seq = 0
		if err := v.Audit(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := v.Compact(); err != nil {
		t.Fatal(err)
	}
	if err := v.Lock(); err != nil {
		t.Fatal(err)
	}
}

func TestGolden(t *testing.T) {
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		_ = os.Remove(goldenFile)
		generateGolden(t, goldenFile)
		t.Logf("wrote %s", goldenFile)
	}
	orig := fileBytes(t, goldenFile)
	if len(orig) > 256<<10 {
		t.Errorf("golden file is %d bytes; keep it small (compacted)", len(orig))
	}
	// Work on a copy: opening may tidy the file.
	path := filepath.Join(t.TempDir(), "golden.db")
	if err := os.WriteFile(path, orig, 0o600); err != nil {
		t.Fatal(err)
	}

	info, err := Inspect(path)
	if err != nil {
		t.Fatal(err)
	}
	wantBuckets := map[string]int{"notes": 3, "owners": 1, "certs": 1, "settings": 1}
	if info.FormatVersion != 1 || info.VaultID != goldenVaultID || info.Params != goldenParams ||
		info.Blobs != 1 || info.BlobBytes != int64(len(goldenBlob)) || info.AuditEntries != len(goldenAudit) ||
		len(info.Buckets) != len(wantBuckets) {
		t.Fatalf("Inspect = %+v", info)
	}
	for b, n := range wantBuckets {
		if info.Buckets[b] != n {
			t.Fatalf("bucket %s has %d records, want %d", b, info.Buckets[b], n)
		}
	}

	_, err = Open(path, []byte("wrong"), goldenOpts)
	wantErr(t, err, ErrWrongPassword)
	v, err := Open(path, goldenPassword, goldenOpts)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Lock()
	for _, r := range goldenRecords {
		got, err := v.Get(r.bucket, r.id)
		if err != nil || string(got) != r.value {
			t.Fatalf("Get(%s, %s) = %q, %v; want %q", r.bucket, r.id, got, err, r.value)
		}
	}
	for b, n := range wantBuckets {
		seen := 0
		err := v.ForEach(b, func(id string, value []byte) error {
			seen++
			for _, r := range goldenRecords {
				if r.bucket == b && r.id == id && r.value != string(value) {
					t.Fatalf("ForEach(%s) %s = %q", b, id, value)
				}
			}
			return nil
		})
		if err != nil || seen != n {
			t.Fatalf("ForEach(%s): %d records, %v", b, seen, err)
		}
	}
	list, err := v.ListBlobs()
	if err != nil || len(list) != 1 {
		t.Fatalf("ListBlobs = %+v, %v", list, err)
	}
	// Created is the clock's first tick (PutBlob is its first caller).
	if list[0].Name != goldenBlobName || list[0].Size != int64(len(goldenBlob)) ||
		!list[0].Created.Equal(goldenStart.Add(time.Second)) || list[0].Created.Location() != time.UTC {
		t.Fatalf("blob info %+v", list[0])
	}
	r, err := v.OpenBlob(goldenBlobName)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	r.Close()
	if err != nil || !bytes.Equal(got, goldenBlob) {
		t.Fatalf("blob: %d bytes, %v", len(got), err)
	}
	entries, check, err := v.AuditLog()
	if err != nil || !check.Intact || len(entries) != len(goldenAudit) {
		t.Fatalf("AuditLog: %d entries, %+v, %v", len(entries), check, err)
	}
	for i, e := range entries {
		if !auditEqual(e, goldenAudit[i]) {
			t.Fatalf("audit entry %d = %+v, want %+v", i, e, goldenAudit[i])
		}
	}
	if err := v.Lock(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fileBytes(t, goldenFile), orig) {
		t.Fatal("golden file modified")
	}
}
