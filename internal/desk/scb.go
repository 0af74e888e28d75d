package desk

// This file holds the Swedish use cases (issue 16): look-ups through SCB's
// Företagsregister, SCB's sector file kept in the vault, and classifying a
// customer register against it. Reading the sector file and the customer
// files is the Classifier's (internal/classify, wired by internal/setup).

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// SourceSCB is the ID of SCB's Företagsregister as a dossier's source.
const SourceSCB = dossier.SourceSCB

// SwedishSource answers for SCB's Företagsregister: one dossier.Answer
// whose Source has the ID "scb".
type SwedishSource interface {
	Lookup(ctx context.Context, orgnr string) dossier.Answer
}

// SectorFileSource downloads SCB's sector file (api/Je/SektorFil).
type SectorFileSource interface {
	// SectorFile streams the zip SCB sends to w and returns its size; w
	// holds a whole file only when the error is nil. progress, when not
	// nil, is told the bytes read and the total (-1 when not known).
	SectorFile(ctx context.Context, w io.Writer, progress func(read, total int64)) (int64, error)
}

// CodeTables keeps SCB's code tables (kodtabell), code → text by
// category, between runs. A table that cannot be kept is asked again.
type CodeTables interface {
	Table(category string) (map[string]string, bool)
	PutTable(category string, table map[string]string)
}

// Sectors is a sector file read for classifying: its rows by number.
type Sectors interface {
	// Len is how many rows it holds.
	Len() int
}

// ClassifyJob is one classification: the customer file, where the
// classified rows go and how.
type ClassifyJob struct {
	// In is the customer file (CSV or XLSX) and Out the file written.
	In, Out string
	// Column names the column holding the numbers; empty: found.
	Column string
	// Format is "csv" or "xlsx"; empty: Out's extension.
	Format string
}

// Classifier reads sector files and customer files and classifies the
// one against the other (internal/classify; internal/setup wires it).
type Classifier interface {
	// Sectors reads a sector file of size bytes: SCB's zip or the
	// sektor.txt inside it. It fails with problem.CodeSectorFileUnreadable
	// when it is neither.
	Sectors(r io.ReaderAt, size int64) (Sectors, error)
	// Classify classifies job.In against s into job.Out, which it writes
	// whole or not at all (a cancelled or failed run leaves nothing).
	Classify(ctx context.Context, s Sectors, job ClassifyJob, progress func(done, total int)) (dossier.ClassifySummary, error)
	// Preview reads the first rows of a customer file and finds the
	// column holding the numbers.
	Preview(path string) (dossier.CustomerPreview, error)
}

// Vault names of the SCB use cases. The sector file holds sole traders'
// personal numbers and names: it is kept only in the vault, encrypted.
const (
	scbBucket        = "scb"              // the sector file's record and the code tables
	sectorFileRecord = "sector_file"      // the record describing the sector file in the vault
	scbCodesPrefix   = "codes/"           // a code table's record: scbCodesPrefix + category
	sectorBlobPrefix = "scb/sector-file-" // the sector file's blob: the prefix and a generation
)

// sectorFileMeta is the record of the sector file in the vault.
type sectorFileMeta struct {
	Blob       string    `json:"blob"`
	Generation int       `json:"generation"`
	Date       time.Time `json:"date"`
	Rows       int       `json:"rows"`
	Size       int64     `json:"size"`
}

// swedishConnected says whether SCB's Företagsregister is connected: the
// connector built its client from the settings (in the sandbox its
// simulator; elsewhere the SCB certificate chosen). It may connect the
// registers (and start the sandbox) when they are not yet.
func (d *Desk) swedishConnected(ctx context.Context) bool {
	regs, err := d.registers(ctx)
	return err == nil && regs.Swedish != nil
}

// lookupSweden asks SCB's Företagsregister within the source time limit;
// without SCB, its source says why.
func (d *Desk) lookupSweden(ctx context.Context, regs *Registers, orgnr string, dos *dossier.Dossier) {
	if regs.Swedish == nil {
		dos.Sources = append(dos.Sources, d.noSCB(regs.NoSwedish))
		return
	}
	sctx, cancel := context.WithTimeout(ctx, d.sourceTimeout())
	defer cancel()
	dos.Merge(regs.Swedish.Lookup(sctx, orgnr))
}

// noSCB is SCB's outcome when it is not set up.
func (d *Desk) noSCB(why error) dossier.Source {
	code := problem.CodeOf(why)
	if code == "" {
		code = problem.CodeSCBNotConnected
	}
	msg := problem.Text(code)
	if why != nil {
		msg = why.Error()
	}
	return dossier.Source{ID: SourceSCB, Status: dossier.StatusNoAccess, Code: string(code), Problem: string(code),
		Message: msg, Fetched: d.cfg.Now().UTC()}
}

// vaultCodes keeps SCB's code tables in the vault.
type vaultCodes struct{ d *Desk }

// Table implements CodeTables.
func (c vaultCodes) Table(category string) (map[string]string, bool) {
	var t map[string]string
	err := c.d.withVault(func(v *vault.Vault) error {
		b, err := v.Get(scbBucket, scbCodesPrefix+category)
		if err != nil {
			return err
		}
		return json.Unmarshal(b, &t)
	})
	return t, err == nil && t != nil
}

// PutTable implements CodeTables.
func (c vaultCodes) PutTable(category string, table map[string]string) {
	b, err := json.Marshal(table)
	if err != nil {
		return
	}
	_ = c.d.withVault(func(v *vault.Vault) error {
		return v.Put(scbBucket, scbCodesPrefix+category, b)
	})
}

// sectorMeta reads the sector file's record; ok is false when there is
// none.
func (d *Desk) sectorMeta() (m sectorFileMeta, ok bool, err error) {
	err = d.withVault(func(v *vault.Vault) error {
		b, err := v.Get(scbBucket, sectorFileRecord)
		if errors.Is(err, vault.ErrNotFound) {
			return nil
		}
		if err != nil {
			return vaultProblem(err)
		}
		if err := json.Unmarshal(b, &m); err != nil {
			return problem.New(problem.CodeVaultDamaged, fmt.Errorf("decoding the sector file's record: %w", err))
		}
		ok = true
		return nil
	})
	return m, ok, err
}

// SectorFile describes the copy of SCB's sector file in the vault; ok is
// false when the vault holds none.
func (d *Desk) SectorFile() (info dossier.SectorFileInfo, ok bool, err error) {
	m, ok, err := d.sectorMeta()
	if err != nil || !ok {
		return dossier.SectorFileInfo{}, false, err
	}
	return dossier.SectorFileInfo{Date: m.Date, Rows: m.Rows, Size: m.Size}, true, nil
}

// RefreshSectorFile downloads SCB's sector file and keeps it, encrypted,
// in the vault with its date, replacing the copy there only once the new
// one is whole and readable. progress, when not nil, is told the bytes
// read and the total (-1 when SCB does not say).
func (d *Desk) RefreshSectorFile(ctx context.Context, progress func(read, total int64)) (dossier.SectorFileInfo, error) {
	if !d.Unlocked() {
		return dossier.SectorFileInfo{}, problem.New(problem.CodeLocked, nil)
	}
	if d.cfg.Classifier == nil {
		return dossier.SectorFileInfo{}, problem.New(problem.CodeInternal, errors.New("no classifier is connected to this desk"))
	}
	regs, err := d.registers(ctx)
	if err != nil {
		return dossier.SectorFileInfo{}, err
	}
	if regs.SectorFiles == nil {
		if regs.NoSwedish != nil {
			return dossier.SectorFileInfo{}, regs.NoSwedish
		}
		return dossier.SectorFileInfo{}, problem.New(problem.CodeSCBNotConnected, nil)
	}
	d.scbMu.Lock()
	defer d.scbMu.Unlock()
	// The zip is held in memory, never in a plain file: it holds
	// personal numbers. It is read once to check it before it is kept.
	var buf bytes.Buffer
	size, err := regs.SectorFiles.SectorFile(ctx, &buf, progress)
	if err != nil {
		return dossier.SectorFileInfo{}, err
	}
	data := buf.Bytes()
	s, err := d.cfg.Classifier.Sectors(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return dossier.SectorFileInfo{}, err
	}
	if s.Len() == 0 {
		return dossier.SectorFileInfo{}, problem.New(problem.CodeSectorFileUnreadable, errors.New("the sector file lists no unit"))
	}
	old, had, err := d.sectorMeta()
	if err != nil {
		return dossier.SectorFileInfo{}, err
	}
	next := sectorFileMeta{Generation: old.Generation + 1, Date: d.cfg.Now().UTC(), Rows: s.Len(), Size: size}
	next.Blob = fmt.Sprintf("%s%d", sectorBlobPrefix, next.Generation)
	rec, err := json.Marshal(next)
	if err != nil {
		return dossier.SectorFileInfo{}, problem.New(problem.CodeInternal, err)
	}
	err = d.withVault(func(v *vault.Vault) error {
		if _, err := v.PutBlob(ctx, next.Blob, bytes.NewReader(data)); err != nil {
			if ctx.Err() != nil {
				return problem.New(problem.CodeCanceled, ctx.Err())
			}
			return vaultProblem(err)
		}
		err := v.Update(func(tx *vault.Tx) error {
			if err := tx.Put(scbBucket, sectorFileRecord, rec); err != nil {
				return err
			}
			return tx.Audit(vault.AuditEntry{Action: "scb.sector_file", Detail: fmt.Sprintf("%d rows", next.Rows)})
		})
		if err != nil {
			_ = v.DeleteBlob(next.Blob)
			return vaultProblem(err)
		}
		// The new copy is in force; the old one goes at once, so that
		// stale personal data does not linger.
		if had && old.Blob != next.Blob {
			_ = v.DeleteBlob(old.Blob)
		}
		return nil
	})
	if err != nil {
		return dossier.SectorFileInfo{}, err
	}
	return dossier.SectorFileInfo{Date: next.Date, Rows: next.Rows, Size: next.Size}, nil
}

// sectors reads the sector file to classify against: the file named
// (SCB's zip or its sektor.txt), else the vault's copy.
func (d *Desk) sectors(sectorFile string) (Sectors, error) {
	if sectorFile != "" {
		f, err := os.Open(sectorFile)
		if err != nil {
			return nil, problem.New(problem.CodeSectorFileUnreadable, fmt.Errorf("opening the sector file: %w", err))
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return nil, problem.New(problem.CodeSectorFileUnreadable, fmt.Errorf("reading the sector file: %w", err))
		}
		return d.cfg.Classifier.Sectors(f, st.Size())
	}
	m, ok, err := d.sectorMeta()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, problem.New(problem.CodeSectorFileMissing, nil)
	}
	var data bytes.Buffer
	err = d.withVault(func(v *vault.Vault) error {
		r, err := v.OpenBlob(m.Blob)
		if errors.Is(err, vault.ErrNotFound) {
			return problem.New(problem.CodeSectorFileMissing, err)
		}
		if err != nil {
			return vaultProblem(err)
		}
		defer r.Close()
		data.Grow(int(m.Size) + bytes.MinRead) // read once, into one buffer of the right size
		_, err = data.ReadFrom(r)
		return vaultProblem(err)
	})
	if err != nil {
		return nil, err
	}
	return d.cfg.Classifier.Sectors(bytes.NewReader(data.Bytes()), int64(data.Len()))
}

// ClassifyCustomers classifies the customer register in (CSV or XLSX)
// against SCB's sector file and writes the classified rows to out in
// format ("csv" or "xlsx"; empty: out's extension). column names the
// column holding the numbers; empty finds it. sectorFile names a sector
// file (SCB's zip or the sektor.txt inside it); empty uses the vault's
// copy, which needs the vault unlocked. Nothing is left at out when the
// run fails or is cancelled.
func (d *Desk) ClassifyCustomers(ctx context.Context, in, out string, column string, format string, sectorFile string, progress func(done, total int)) (dossier.ClassifySummary, error) {
	if d.cfg.Classifier == nil {
		return dossier.ClassifySummary{}, problem.New(problem.CodeInternal, errors.New("no classifier is connected to this desk"))
	}
	if sectorFile == "" && !d.Unlocked() {
		return dossier.ClassifySummary{}, problem.New(problem.CodeLocked, nil)
	}
	s, err := d.sectors(sectorFile)
	if err != nil {
		return dossier.ClassifySummary{}, err
	}
	if err := ctx.Err(); err != nil {
		return dossier.ClassifySummary{}, problem.New(problem.CodeCanceled, err)
	}
	sum, err := d.cfg.Classifier.Classify(ctx, s, ClassifyJob{In: in, Out: out, Column: column, Format: format}, progress)
	if err != nil {
		var coder problem.Coder
		if ctx.Err() != nil && !errors.As(err, &coder) {
			err = problem.New(problem.CodeCanceled, err)
		}
		return dossier.ClassifySummary{}, err
	}
	if d.Unlocked() {
		// The run is recorded, not what it read: the file's name and the
		// counts.
		_ = d.withVault(func(v *vault.Vault) error {
			return v.Audit(vault.AuditEntry{Action: "scb.classify", Subject: filepath.Base(in),
				Detail: fmt.Sprintf("%d rows, %d matched", sum.Rows, sum.Matched)})
		})
	}
	return sum, nil
}

// PreviewCustomers reads the first rows of a customer file and finds the
// column holding the numbers.
func (d *Desk) PreviewCustomers(path string) (dossier.CustomerPreview, error) {
	if d.cfg.Classifier == nil {
		return dossier.CustomerPreview{NumberColumn: -1}, problem.New(problem.CodeInternal, errors.New("no classifier is connected to this desk"))
	}
	return d.cfg.Classifier.Preview(path)
}

// canAnswerSweden says whether a Swedish organisation number can be
// looked up: SCB is connected, or BankID's AML service is.
func (d *Desk) canAnswerSweden(n ident.Number) bool {
	return d.swedishConnected(context.Background()) || d.CanOrderAML(n) == nil
}
