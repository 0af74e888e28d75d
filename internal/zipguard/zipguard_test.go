package zipguard

import (
	"archive/zip"
	"bytes"
	"fmt"
	"testing"
)

func TestEntryCount(t *testing.T) {
	tests := []struct {
		name    string
		entries int
		comment string
	}{
		{"empty", 0, ""},
		{"one", 1, ""},
		{"many, with a comment", 300, "a comment after the record"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			w := zip.NewWriter(&b)
			for i := range tt.entries {
				if _, err := w.Create(fmt.Sprintf("f%d.txt", i)); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.SetComment(tt.comment); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			n, err := EntryCount(bytes.NewReader(b.Bytes()), int64(b.Len()))
			if err != nil || n != uint64(tt.entries) {
				t.Errorf("EntryCount = %d, %v; want %d", n, err, tt.entries)
			}
		})
	}
	for _, bad := range [][]byte{nil, []byte("PK"), bytes.Repeat([]byte("x"), 100)} {
		if _, err := EntryCount(bytes.NewReader(bad), int64(len(bad))); err == nil {
			t.Errorf("EntryCount(%q) read a count from what is not a zip", bad)
		}
	}
}
