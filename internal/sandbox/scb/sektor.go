package scb

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"iter"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// Variant is a header variant of sektor.txt (registries.md §1.2: bind
// columns by header name; accept "Bransch_1P, kod" and "Bransch_1P").
type Variant string

// The sector file's variants.
const (
	// VariantStandard writes the twelve headers of SCB's record
	// description (seed 000) in its order.
	VariantStandard Variant = "standard"
	// VariantBransch1P names the column with the dotted SNI code
	// "Bransch_1P" without ", kod".
	VariantBransch1P Variant = "bransch1p"
	// VariantTextFirst puts the industry's text before its two codes, the
	// order a third-party reader's column names suggest.
	VariantTextFirst Variant = "textfirst"
	// VariantCRLF is the standard header with Windows line ends.
	VariantCRLF Variant = "crlf"
	// VariantShuffled writes the columns in another order altogether
	// (OrgNr first, legal form before sector), so only binding by header
	// name reads it.
	VariantShuffled Variant = "shuffled"
)

// Variants returns every variant.
func Variants() []Variant {
	return []Variant{VariantStandard, VariantBransch1P, VariantTextFirst, VariantCRLF, VariantShuffled}
}

func (v Variant) valid() bool {
	for _, x := range Variants() {
		if v == x {
			return true
		}
	}
	return false
}

// SectorFileName is the zip member the sector file travels in.
const SectorFileName = "sektor.txt"

// Unknown is what the sector file writes for a value the register does
// not know.
const Unknown = ".."

// SectorRow is one row of sektor.txt, every value a string.
type SectorRow struct {
	PeOrgNr, OrgNr, Name             string
	SectorCode, Sector               string
	SNI, SNIDotted, SNIText          string
	OwnerCategoryCode, OwnerCategory string
	LegalFormCode, LegalForm         string
}

// column is one column of the file: its header and its value.
type column struct {
	header string
	value  func(*SectorRow) string
}

func columns(v Variant) []column {
	c := map[string]column{
		"pe":    {"PeOrgNr", func(r *SectorRow) string { return r.PeOrgNr }},
		"org":   {"OrgNr", func(r *SectorRow) string { return r.OrgNr }},
		"name":  {"Företagsnamn", func(r *SectorRow) string { return r.Name }},
		"sk":    {"Sektor, kod", func(r *SectorRow) string { return r.SectorCode }},
		"s":     {"Sektor", func(r *SectorRow) string { return r.Sector }},
		"b":     {"Bransch_1, kod", func(r *SectorRow) string { return r.SNI }},
		"bp":    {"Bransch_1P, kod", func(r *SectorRow) string { return r.SNIDotted }},
		"bt":    {"Bransch_1", func(r *SectorRow) string { return r.SNIText }},
		"ok":    {"Ägarkategori, kod", func(r *SectorRow) string { return r.OwnerCategoryCode }},
		"o":     {"Ägarkategori", func(r *SectorRow) string { return r.OwnerCategory }},
		"jk":    {"Juridisk form, kod", func(r *SectorRow) string { return r.LegalFormCode }},
		"j":     {"Juridisk form", func(r *SectorRow) string { return r.LegalForm }},
		"bpOld": {"Bransch_1P", func(r *SectorRow) string { return r.SNIDotted }},
	}
	order := []string{"pe", "org", "name", "sk", "s", "b", "bp", "bt", "ok", "o", "jk", "j"}
	switch v {
	case VariantBransch1P:
		order[6] = "bpOld"
	case VariantTextFirst:
		order = []string{"pe", "org", "name", "sk", "s", "bt", "b", "bp", "ok", "o", "jk", "j"}
	case VariantShuffled:
		order = []string{"org", "pe", "name", "jk", "j", "sk", "s", "ok", "o", "bp", "b", "bt"}
	}
	out := make([]column, len(order))
	for i, k := range order {
		out[i] = c[k]
	}
	return out
}

// SectorWriter writes sektor.txt: a header line, then tab-separated rows,
// Latin-1. A character outside Latin-1 becomes '?'; a tab or line break
// inside a value becomes a space.
type SectorWriter struct {
	w    *bufio.Writer
	cols []column
	eol  string
	buf  []byte
}

// NewSectorWriter writes the header of variant v to w.
func NewSectorWriter(w io.Writer, v Variant) (*SectorWriter, error) {
	if v == "" {
		v = VariantStandard
	}
	if !v.valid() {
		return nil, fmt.Errorf("scb simulator: unknown sector file variant %q", v)
	}
	sw := &SectorWriter{w: bufio.NewWriterSize(w, 256<<10), cols: columns(v), eol: "\n"}
	if v == VariantCRLF {
		sw.eol = "\r\n"
	}
	sw.buf = sw.buf[:0]
	for i, c := range sw.cols {
		if i > 0 {
			sw.buf = append(sw.buf, '\t')
		}
		sw.buf = appendLatin1(sw.buf, c.header)
	}
	sw.buf = append(sw.buf, sw.eol...)
	if _, err := sw.w.Write(sw.buf); err != nil {
		return nil, fmt.Errorf("scb simulator: writing %s: %w", SectorFileName, err)
	}
	return sw, nil
}

// Write writes one row.
func (sw *SectorWriter) Write(r *SectorRow) error {
	sw.buf = sw.buf[:0]
	for i, c := range sw.cols {
		if i > 0 {
			sw.buf = append(sw.buf, '\t')
		}
		sw.buf = appendLatin1(sw.buf, c.value(r))
	}
	sw.buf = append(sw.buf, sw.eol...)
	if _, err := sw.w.Write(sw.buf); err != nil {
		return fmt.Errorf("scb simulator: writing %s: %w", SectorFileName, err)
	}
	return nil
}

// Flush writes what is buffered.
func (sw *SectorWriter) Flush() error {
	if err := sw.w.Flush(); err != nil {
		return fmt.Errorf("scb simulator: writing %s: %w", SectorFileName, err)
	}
	return nil
}

// appendLatin1 appends s encoded as ISO-8859-1.
func appendLatin1(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x80 {
			if c == '\t' || c == '\n' || c == '\r' {
				c = ' '
			}
			b = append(b, c)
			continue
		}
		for _, r := range s[i:] {
			switch {
			case r == '\t' || r == '\n' || r == '\r':
				b = append(b, ' ')
			case r < 0x100:
				b = append(b, byte(r))
			default:
				b = append(b, '?')
			}
		}
		return b
	}
	return b
}

// WriteSectorZip writes a zip holding sektor.txt of variant v with rows,
// its member dated modified.
func WriteSectorZip(w io.Writer, v Variant, modified time.Time, rows iter.Seq[*SectorRow]) error {
	zw := zip.NewWriter(w)
	f, err := zw.CreateHeader(&zip.FileHeader{Name: SectorFileName, Method: zip.Deflate, Modified: modified})
	if err != nil {
		return fmt.Errorf("scb simulator: zip: %w", err)
	}
	if err := WriteSectorFile(f, v, rows); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("scb simulator: zip: %w", err)
	}
	return nil
}

// WriteSectorFile writes sektor.txt of variant v with rows.
func WriteSectorFile(w io.Writer, v Variant, rows iter.Seq[*SectorRow]) error {
	sw, err := NewSectorWriter(w, v)
	if err != nil {
		return err
	}
	for r := range rows {
		if err := sw.Write(r); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// orUnknown returns s, or Unknown when it is empty.
func orUnknown(s string) string {
	if s == "" {
		return Unknown
	}
	return s
}

// WorldRow returns the sector file's row of a Swedish unit of the world.
func WorldRow(c *world.SECompany) SectorRow {
	r := SectorRow{PeOrgNr: c.PeOrgNr(), OrgNr: c.Digits(), Name: c.Name,
		SectorCode: orUnknown(c.Sector), Sector: orUnknown(world.CodeText(world.SESectors(), c.Sector)),
		OwnerCategoryCode: orUnknown(c.OwnerCategory), OwnerCategory: orUnknown(world.CodeText(world.SEOwnerCategories(), c.OwnerCategory)),
		LegalFormCode: c.LegalForm, LegalForm: world.CodeText(world.SELegalForms(), c.LegalForm),
		SNI: Unknown, SNIDotted: Unknown, SNIText: Unknown}
	if len(c.SNI) > 0 {
		s := c.SNI[0]
		r.SNI, r.SNIDotted, r.SNIText = s, s[:2]+"."+s[2:], world.CodeText(world.SNICodes(), s)
	}
	return r
}

// sektorfil answers the sector file: a zip of the world's Swedish units
// that are active (the file holds the population), then GeneratedRows
// generated ones; or Options.SectorFile as it is.
func (s *Server) sektorfil(w http.ResponseWriter, r *http.Request, _ string) {
	s.mu.Lock()
	v := s.variant
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="sektor.zip"`)
	now := s.opts.Now()
	if s.opts.SectorFile != "" {
		f, err := os.Open(s.opts.SectorFile)
		if err != nil {
			WriteError(w, r, http.StatusInternalServerError)
			return
		}
		defer f.Close()
		http.ServeContent(w, r, "sektor.zip", now, f)
		return
	}
	rows := func(yield func(*SectorRow) bool) {
		for i := range s.companies {
			if !s.companies[i].Active {
				continue
			}
			r := WorldRow(&s.companies[i])
			if !yield(&r) {
				return
			}
		}
		if s.opts.GeneratedRows > 0 {
			inWorld := make(map[string]bool, len(s.companies))
			for i := range s.companies {
				inWorld[s.companies[i].Digits()] = true
			}
			for r := range NewGenerator(s.opts.GeneratedSeed).Rows(s.opts.GeneratedRows) {
				if inWorld[r.OrgNr] {
					continue // a generated number the world already uses
				}
				if !yield(r) {
					return
				}
			}
		}
	}
	// A failure here is the client going away; the body is cut short.
	_ = WriteSectorZip(w, v, now, rows)
}

// Latin1 returns s encoded as ISO-8859-1 ('?' for what it cannot hold).
func Latin1(s string) []byte { return appendLatin1(nil, s) }

// FromLatin1 decodes ISO-8859-1 bytes.
func FromLatin1(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}
