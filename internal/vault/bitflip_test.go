package vault

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// flipsFlag sets how many single-bit flips TestBitFlips tries: a number
// (a deterministic sample spread over every page in use) or "all".
var flipsFlag = flag.String("flips", "3000", `single-bit flips TestBitFlips tries: a number, or "all"`)

// flipContent is what the bit-flip vault holds: notes, a certificate with
// its key (a record and a blob), a dossier and owners, as the application
// stores them, plus audit entries.
type flipContent struct {
	records map[string]map[string]string
	blobs   map[string][]byte
	audit   []AuditEntry
}

const flipCertBlob = "certs/923609016.p12"

func makeFlipVault(t *testing.T) (string, flipContent) {
	t.Helper()
	v, path := newTestVault(t)
	want := flipContent{
		records: map[string]map[string]string{
			"notes": {
				"923609016":  "Kunden har bytt revisor.",
				"5566778899": "Årsredovisning inlämnad.",
			},
			"certs": {
				"923609016": "-----BEGIN CERTIFICATE-----\n" + strings.Repeat("MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n", 12) +
					"-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\n" + strings.Repeat("ZmFrZSBrZXkgZm9yIHRlc3Rz\n", 20) + "-----END PRIVATE KEY-----\n",
			},
			"dossiers": {
				"NO:923609016": `{"orgnr":"923609016","name":"Kraftig Skog AS","roles":[` + strings.Repeat(`{"role":"styremedlem","name":"Kari Nordmann"},`, 15) + `{}]}`,
			},
			"owners":   {},
			"settings": {"theme": "dark"},
		},
		blobs: map[string][]byte{flipCertBlob: pattern(3000, 9)},
	}
	for i := range 12 {
		want.records["owners"][fmt.Sprintf("9%08d", 10000000+i*7919)] = fmt.Sprintf(`{"name":"Eier %d","fnr":"0101%02d12345","share":"%d %%"}`, i, i, 5+i)
	}
	v.chunkSize = 1024 // three chunks
	for b, recs := range want.records {
		err := v.Update(func(tx *Tx) error {
			for id, val := range recs {
				if err := tx.Put(b, id, []byte(val)); err != nil {
					return err
				}
			}
			return tx.Audit(AuditEntry{Action: "put", Subject: b})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// A record written and deleted, so that free pages exist.
	if err := v.Put("notes", "gone", pattern(600, 3)); err != nil {
		t.Fatal(err)
	}
	if err := v.Delete("notes", "gone"); err != nil {
		t.Fatal(err)
	}
	for name, data := range want.blobs {
		if _, err := v.PutBlob(context.Background(), name, bytes.NewReader(data)); err != nil {
			t.Fatal(err)
		}
	}
	entries, check, err := v.AuditLog()
	if err != nil || !check.Intact {
		t.Fatalf("AuditLog: %+v %v", check, err)
	}
	want.audit = entries
	mustLock(t, v)
	return path, want
}

// outcome classifies what the vault did with one damaged file.
type outcome int

const (
	harmless outcome = iota // everything read back exactly right
	detected                // an error reported the damage (and no call returned wrong data)
	silent                  // some call returned wrong or missing data without an error
)

// readBack opens the vault at path and reads everything through the API.
// It returns silent with a description if any call returns data that
// differs from want without an error.
func (want flipContent) readBack(path string) (outcome, string) {
	v, err := Open(path, testPassword, testOpts)
	if err != nil {
		return detected, ""
	}
	defer v.Lock()
	res := harmless
	report := func(err error) {
		if err != nil && res == harmless {
			res = detected
		}
	}
	names, err := v.Buckets()
	report(err)
	if err == nil {
		var wantNames []string
		for b := range want.records {
			wantNames = append(wantNames, b)
		}
		sort.Strings(wantNames)
		if strings.Join(names, ",") != strings.Join(wantNames, ",") {
			return silent, fmt.Sprintf("Buckets = %q", names)
		}
	}
	for b, recs := range want.records {
		for id, val := range recs {
			got, err := v.Get(b, id)
			report(err)
			if err == nil && string(got) != val {
				return silent, fmt.Sprintf("Get(%s, %s) = %q", b, id, got)
			}
		}
		if _, err := v.Get(b, "absent"); !errors.Is(err, ErrNotFound) {
			report(err)
			if err == nil {
				return silent, fmt.Sprintf("Get(%s, absent) found a value", b)
			}
		}
		seen := 0
		bad := ""
		err := v.ForEach(b, func(id string, value []byte) error {
			seen++
			if val, ok := recs[id]; !ok || string(value) != val {
				bad = fmt.Sprintf("ForEach(%s) gave %q", b, id)
			}
			return nil
		})
		report(err)
		if bad != "" {
			return silent, bad
		}
		if err == nil && seen != len(recs) {
			return silent, fmt.Sprintf("ForEach(%s) gave %d records, want %d", b, seen, len(recs))
		}
		n, err := v.Count(b)
		report(err)
		if err == nil && n != len(recs) {
			return silent, fmt.Sprintf("Count(%s) = %d, want %d", b, n, len(recs))
		}
	}
	for name, data := range want.blobs {
		r, err := v.OpenBlob(name)
		report(err)
		if err == nil {
			got, err := io.ReadAll(r)
			r.Close()
			report(err)
			if !bytes.HasPrefix(data, got) || (err == nil && len(got) != len(data)) {
				return silent, fmt.Sprintf("blob %s: %d bytes", name, len(got))
			}
		}
	}
	list, err := v.ListBlobs()
	report(err)
	if err == nil && (len(list) != len(want.blobs) || list[0].Size != int64(len(want.blobs[list[0].Name]))) {
		return silent, fmt.Sprintf("ListBlobs = %+v", list)
	}
	entries, check, err := v.AuditLog()
	report(err)
	if err == nil && !check.Intact {
		report(errors.New(check.Reason))
	}
	for _, e := range entries {
		if e.Seq < 1 || int(e.Seq) > len(want.audit) || !auditEqual(e, want.audit[e.Seq-1]) {
			return silent, fmt.Sprintf("audit entry %+v", e)
		}
	}
	if err == nil && check.Intact && len(entries) != len(want.audit) {
		return silent, fmt.Sprintf("%d audit entries, want %d", len(entries), len(want.audit))
	}
	return res, ""
}

// flipPlan returns the bit positions to flip among total bits: all of
// them, or n spread evenly with a fixed stride so that every page is hit.
func flipPlan(t *testing.T, total int) []int {
	t.Helper()
	if *flipsFlag == "all" {
		plan := make([]int, total)
		for i := range plan {
			plan[i] = i
		}
		return plan
	}
	n, err := strconv.Atoi(*flipsFlag)
	if err != nil || n <= 0 {
		t.Fatalf("-flips=%q: want a positive number or all", *flipsFlag)
	}
	if n >= total {
		n = total
	}
	plan := make([]int, 0, n)
	for i := range n {
		// The golden ratio spreads positions over the whole range and
		// over the bit within the byte.
		plan = append(plan, int(uint64(i)*11400714819323198485%uint64(total)))
	}
	return plan
}

// TestBitFlips flips single bits of every page in use (below bbolt's
// high-water mark, meta pages included) of a small vault holding notes,
// a certificate (record and blob), a dossier, owners and audit entries,
// one flip at a time, and reads everything back through the API: every
// flip must be harmless (the data is exactly right) or reported as
// damage. The figure for -flips=all is in docs/SECURITY.md.
func TestBitFlips(t *testing.T) {
	path, want := makeFlipVault(t)
	if res, msg := want.readBack(path); res != harmless {
		t.Fatalf("undamaged vault: %v %s", res, msg)
	}
	orig := fileBytes(t, path)
	ps := int(binary.LittleEndian.Uint32(orig[boltPageHeader+8:]))
	m0, ok0 := readBoltMeta(bytes.NewReader(orig), 0)
	m1, ok1 := readBoltMeta(bytes.NewReader(orig), int64(ps))
	if !ok0 || !ok1 {
		t.Fatal("meta pages invalid")
	}
	inUse := int(max(m0.hwm, m1.hwm)) * ps
	plan := flipPlan(t, inUse*8)
	work := filepath.Join(t.TempDir(), "flipped.vault")
	var counts [3]int
	var silents []string
	buf := make([]byte, len(orig))
	for _, bit := range plan {
		copy(buf, orig)
		buf[bit/8] ^= 1 << (bit % 8)
		if err := os.WriteFile(work, buf, 0o600); err != nil {
			t.Fatal(err)
		}
		res, msg := want.readBack(work)
		counts[res]++
		if res == silent {
			silents = append(silents, fmt.Sprintf("byte %d (page %d, offset %d) bit %d: %s", bit/8, bit/8/ps, bit/8%ps, bit%8, msg))
		}
	}
	t.Logf("%d pages of %d bytes in use; flips tried %d, detected %d, harmless %d, silent %d",
		inUse/ps, ps, len(plan), counts[detected], counts[harmless], counts[silent])
	for i, s := range silents {
		if i == 20 {
			t.Errorf("... and %d more", len(silents)-20)
			break
		}
		t.Errorf("silent: %s", s)
	}
}
