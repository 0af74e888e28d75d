package desk

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
)

func TestDocumentFileName(t *testing.T) {
	ready := time.Date(2026, 12, 3, 12, 0, 0, 0, time.Local)
	tests := []struct {
		kind, want string
	}{
		{dossier.DocumentAML, "AML-report-311111116-2026-12-03.pdf"},
		{dossier.DocumentRegistration, "Certificate-of-registration-311111116-2026-12-03.pdf"},
		{dossier.DocumentKYC, "KYC-report-311111116-2026-12-03.pdf"},
	}
	for _, tt := range tests {
		if got := documentFileName(dossier.Document{Kind: tt.kind, OrgNr: "311111116", ReadyAt: ready}); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.kind, got, tt.want)
		}
	}
}

func TestCheckReportLanguage(t *testing.T) {
	tests := []struct {
		lang string
		ok   bool
	}{
		{"", true}, {"en", true}, {"sv", true}, {"nb", true}, {"fi", true},
		{"no", false}, {"de", false}, {"EN", false},
	}
	for _, tt := range tests {
		err := checkReportLanguage(tt.lang)
		if (err == nil) != tt.ok || (err != nil && problem.CodeOf(err) != problem.CodeBadSetting) {
			t.Errorf("checkReportLanguage(%q) = %v, want ok %v", tt.lang, err, tt.ok)
		}
	}
}

// writeAtomic leaves the file whole, or nothing: no file and no
// temporary file when the writing fails.
func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.zip")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	failing := errors.New("disk gone")
	tests := []struct {
		name    string
		write   func(w io.Writer) error
		wantErr error
		want    string
	}{
		{"fails half-way", func(w io.Writer) error { _, _ = w.Write([]byte("half")); return failing }, failing, "old"},
		{"whole", func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }, nil, "new"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sum, err := writeAtomic(path, tt.write)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err %v, want %v", err, tt.wantErr)
			}
			if b, _ := os.ReadFile(path); string(b) != tt.want {
				t.Errorf("the file holds %q, want %q", b, tt.want)
			}
			if tt.wantErr == nil && sum != "11507a0e2f5e69d5dfa40a62a1bd7b6ee57e6bcd85c67c9b8431b36fff21c437" {
				t.Errorf("SHA-256 %s", sum)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("the folder holds %v", entries)
			}
		})
	}
}

func TestManifestWords(t *testing.T) {
	m := &KYCManifest{Client: KYCClient{Number: "310700002", Name: "ČUOVGA ĐUODJI ŊUORA ÁŠŠI SA", Country: "NO"},
		Created: time.Date(2026, 12, 3, 14, 20, 0, 0, time.UTC), Version: "0.1.0",
		Files: []KYCFile{{Name: "KYC-report-310700002-2026-12-03.pdf", Kind: dossier.DocumentKYC, Size: 1234, SHA256: strings.Repeat("ab", 32)}}}
	got := string(manifestWords(m))
	for _, want := range []string{"KYC bundle of ČUOVGA ĐUODJI ŊUORA ÁŠŠI SA (310700002, NO)", "Made 2026-12-03T14:20:00Z by Motpart 0.1.0.",
		"KYC-report-310700002-2026-12-03.pdf  KYC report  1234   " + strings.Repeat("ab", 32)} {
		if !strings.Contains(got, want) {
			t.Errorf("manifest.txt lacks %q:\n%s", want, got)
		}
	}
	if !bytes.HasSuffix([]byte(got), []byte("\n")) {
		t.Error("no final newline")
	}
}
