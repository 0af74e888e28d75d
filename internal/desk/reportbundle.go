package desk

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// KYCManifest is manifest.json in a KYC bundle: whom the bundle is about,
// when and by which Motpart it was made, and each file in it.
type KYCManifest struct {
	Client  KYCClient `json:"client"`
	Created time.Time `json:"created"`
	Version string    `json:"version"`
	Files   []KYCFile `json:"files"`
}

// KYCClient is the client a KYC bundle is about.
type KYCClient struct {
	Number  string `json:"number"`
	Name    string `json:"name,omitempty"`
	Country string `json:"country,omitempty"`
}

// KYCFile is one file of a KYC bundle: its name in the zip, the kind of
// document (dossier.DocumentKYC, DocumentAML, DocumentRegistration), its
// size, its hex SHA-256, and the vault document it is.
type KYCFile struct {
	Name       string    `json:"name"`
	Kind       string    `json:"kind"`
	Size       int64     `json:"size"`
	SHA256     string    `json:"sha256"`
	DocumentID string    `json:"document_id"`
	SessionID  string    `json:"session_id,omitempty"`
	ReadyAt    time.Time `json:"ready_at"`
}

// The manifests' names in a KYC bundle.
const (
	manifestJSON = "manifest.json"
	manifestText = "manifest.txt"
)

// KYCBundle writes the client's KYC bundle to path, a zip for the firm's
// archive: the latest KYC report of orgnr (one is made first, in English
// with masked identity numbers, when the vault holds none), every AML
// document held for it, and manifest.json and manifest.txt listing each
// file's name, kind, size and SHA-256 with the client, the creation time
// and Motpart's version. Each document is checked against its SHA-256 as
// it is read. The zip is written whole or not at all (a temporary file in
// the same folder, renamed when complete), and audited "report.bundle"
// with its own SHA-256.
func (d *Desk) KYCBundle(ctx context.Context, orgnr, path string) error {
	docs, err := d.Documents(orgnr)
	if err != nil {
		return err
	}
	var kyc *dossier.Document
	var aml []dossier.Document
	for i, doc := range docs { // newest first
		switch {
		case doc.Kind != dossier.DocumentKYC:
			aml = append(aml, doc)
		case kyc == nil:
			kyc = &docs[i]
		}
	}
	if kyc == nil {
		doc, err := d.MakeKYCReport(ctx, orgnr, dossier.ReportOptions{})
		if err != nil {
			return err
		}
		kyc = &doc
	}
	// Oldest first after the report, as an archive reads.
	files := []dossier.Document{*kyc}
	for i := len(aml) - 1; i >= 0; i-- {
		files = append(files, aml[i])
	}
	now := d.cfg.Now()
	m := KYCManifest{Client: KYCClient{Number: kyc.OrgNr, Name: kyc.Name, Country: kyc.Country}, Created: now.UTC(), Version: d.version()}
	sum, err := writeAtomic(path, func(w io.Writer) error {
		return d.writeBundle(ctx, w, files, &m, now)
	})
	if err != nil {
		return err
	}
	return d.withVault(func(v *vault.Vault) error {
		return d.audit(v, "report.bundle", kyc.OrgNr, fmt.Sprintf("%d files, SHA-256 %s", len(m.Files), sum))
	})
}

// version is Motpart's version as the desk prints it.
func (d *Desk) version() string {
	if d.cfg.Version == "" {
		return "unknown"
	}
	return d.cfg.Version
}

// writeBundle writes the zip of files and their manifest m to w.
func (d *Desk) writeBundle(ctx context.Context, w io.Writer, files []dossier.Document, m *KYCManifest, now time.Time) error {
	z := zip.NewWriter(w)
	add := func(name string, body []byte) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: now})
		if err == nil {
			_, err = f.Write(body)
		}
		if err != nil {
			return problem.New(problem.CodeInternal, fmt.Errorf("writing the bundle: %w", err))
		}
		return nil
	}
	taken := map[string]bool{manifestJSON: true, manifestText: true}
	for _, doc := range files {
		if err := ctx.Err(); err != nil {
			return problem.New(problem.CodeCanceled, err)
		}
		var b bytes.Buffer
		if err := d.WriteDocument(doc.ID, &b); err != nil {
			return err
		}
		name := documentFileName(doc)
		base := strings.TrimSuffix(name, ".pdf")
		for i := 2; taken[name]; i++ {
			name = fmt.Sprintf("%s-%d.pdf", base, i)
		}
		taken[name] = true
		sum := sha256.Sum256(b.Bytes())
		m.Files = append(m.Files, KYCFile{Name: name, Kind: doc.Kind, Size: int64(b.Len()), SHA256: hex.EncodeToString(sum[:]),
			DocumentID: doc.ID, SessionID: doc.SessionID, ReadyAt: doc.ReadyAt})
		if err := add(name, b.Bytes()); err != nil {
			return err
		}
	}
	js, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return problem.New(problem.CodeInternal, fmt.Errorf("encoding the manifest: %w", err))
	}
	if err := add(manifestJSON, append(js, '\n')); err != nil {
		return err
	}
	if err := add(manifestText, manifestWords(m)); err != nil {
		return err
	}
	if err := z.Close(); err != nil {
		return problem.New(problem.CodeInternal, fmt.Errorf("writing the bundle: %w", err))
	}
	return nil
}

// manifestWords is manifest.txt: the manifest for a person to read.
func manifestWords(m *KYCManifest) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "KYC bundle of %s (%s", m.Client.Name, m.Client.Number)
	if m.Client.Country != "" {
		fmt.Fprintf(&b, ", %s", m.Client.Country)
	}
	fmt.Fprintf(&b, ")\nMade %s by Motpart %s.\n\n", m.Created.Format(time.RFC3339), m.Version)
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "File\tKind\tBytes\tSHA-256")
	for _, f := range m.Files {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", f.Name, bundleKindWords(f.Kind), f.Size, f.SHA256)
	}
	_ = tw.Flush()
	b.WriteString("\nCheck a file with: sha256sum FILE (Linux), shasum -a 256 FILE (macOS), certutil -hashfile FILE SHA256 (Windows).\n")
	return b.Bytes()
}

// bundleKindWords names a document's kind in manifest.txt.
func bundleKindWords(kind string) string {
	switch kind {
	case dossier.DocumentKYC:
		return "KYC report"
	case dossier.DocumentAML:
		return "AML report"
	case dossier.DocumentRegistration:
		return "certificate of registration"
	}
	return kind
}

// writeAtomic writes path through a temporary file in the same folder
// (mode 0600) that write fills, renamed into place when it is whole and
// synced; on any failure no file is left. It returns the hex SHA-256 of
// what was written.
func writeAtomic(path string, write func(w io.Writer) error) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".motpart-*.part")
	if err != nil {
		return "", problem.New(problem.CodeInternal, fmt.Errorf("writing %s: %w", filepath.Base(path), err))
	}
	tmp := f.Name()
	done := false
	defer func() {
		if !done {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	h := sha256.New()
	if err := write(io.MultiWriter(f, h)); err != nil {
		return "", err
	}
	if err := f.Sync(); err != nil {
		return "", problem.New(problem.CodeInternal, fmt.Errorf("writing %s: %w", filepath.Base(path), err))
	}
	if err := f.Close(); err != nil {
		_ = os.Remove(tmp)
		done = true
		return "", problem.New(problem.CodeInternal, fmt.Errorf("writing %s: %w", filepath.Base(path), err))
	}
	done = true
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return "", problem.New(problem.CodeInternal, fmt.Errorf("writing %s: %w", filepath.Base(path), err))
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
