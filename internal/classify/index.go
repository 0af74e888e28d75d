package classify

import (
	"bytes"
	"io"
	"os"
	"strconv"
	"time"
)

// Index is the sector file held for lookups by number. It is compact: a
// row costs a map slot, a 24-byte entry and its name's bytes; the codes
// and their texts, of which there are a few thousand in all, are kept
// once. The real file's 1.2 million rows take about 100 MB.
//
// Rows are keyed by SCB's 12-digit PeOrgNr (from the OrgNr when the file
// has no PeOrgNr column). An Index is not safe for concurrent Add; once
// built, lookups may run concurrently.
type Index struct {
	pos   map[uint64]int32
	ents  []entry
	names []byte
	// pairs are the interned (code, text) pairs; pairs[0] is empty.
	pairs  []codePair
	pairAt map[codePair]uint32
	// Skipped counts rows without a usable number; Duplicates rows whose
	// number an earlier row already had (the first is kept).
	skipped, dups int

	// For addRaw: each column's raw values, mapped to their index in strs,
	// and pairs of those indexes mapped to the index in pairs.
	ids     [numCols]map[string]uint32
	strs    []string
	pairIDs map[uint64]uint32
}

type codePair struct{ code, text string }

// entry is one row: its name in names, and its pairs.
type entry struct {
	name                      uint32
	nameLen                   uint16
	sector, legal, owner, sni uint32
}

// noCentury marks the key of a 10-digit personal number whose century the
// file does not give: such a row is found only through that key.
const noCentury = 1e13

// NewIndex returns an empty Index.
func NewIndex() *Index {
	return &Index{
		pos:    make(map[uint64]int32),
		pairs:  []codePair{{}},
		pairAt: map[codePair]uint32{{}: 0},
	}
}

// Grow makes room for n more rows, to avoid growing the map row by row.
func (x *Index) Grow(n int) {
	if n <= 0 {
		return
	}
	if len(x.pos) == 0 {
		x.pos = make(map[uint64]int32, n)
	}
	if cap(x.ents)-len(x.ents) < n {
		e := make([]entry, len(x.ents), len(x.ents)+n)
		copy(e, x.ents)
		x.ents = e
	}
}

// Add adds a row. A row whose PeOrgNr (or, without one, OrgNr) is not 12
// (10) digits is skipped, and so is a row whose number is already in the
// index; Skipped and Duplicates count them.
func (x *Index) Add(r SectorRecord) {
	k, ok := recordKey(r)
	if !ok {
		x.skipped++
		return
	}
	if _, dup := x.pos[k]; dup {
		x.dups++
		return
	}
	name := r.Name
	if len(name) > 0xFFFF {
		name = name[:0xFFFF]
	}
	e := entry{
		name:    uint32(len(x.names)),
		nameLen: uint16(len(name)),
		sector:  x.pair(r.Sector, r.SectorText),
		legal:   x.pair(r.LegalForm, r.LegalFormText),
		owner:   x.pair(r.OwnerCategory, r.OwnerCategoryText),
		sni:     x.pair(r.SNI, ""),
	}
	x.names = append(x.names, name...)
	x.pos[k] = int32(len(x.ents))
	x.ents = append(x.ents, e)
}

// addRaw adds the line sr holds, as Add(sr.record()) does, without making
// the record's strings: the codes are interned from their raw bytes and
// the name is decoded straight into x.names.
func (x *Index) addRaw(sr *sectorReader) {
	k, ok := digits(sr.raw(colPeOrgNr), 12)
	if !ok {
		v, ok := digits(sr.raw(colOrgNr), 10)
		if !ok {
			x.skipped++
			return
		}
		k = orgKey(v)
	}
	if _, dup := x.pos[k]; dup {
		x.dups++
		return
	}
	start := len(x.names)
	x.names = sr.appendDecoded(x.names, sr.raw(colName))
	if len(x.names)-start > 0xFFFF {
		x.names = x.names[:start+0xFFFF]
	}
	sni := x.rawID(sr, colSNI, sr.raw(colSNI))
	if sni == 0 {
		if d := sr.raw(colSNIDotted); len(d) > 0 {
			var buf [32]byte
			b := d
			if i := bytes.IndexByte(d, '.'); i >= 0 {
				b = append(append(buf[:0], d[:i]...), d[i+1:]...)
			}
			sni = x.rawID(sr, colSNI, b)
		}
	}
	e := entry{
		name:    uint32(start),
		nameLen: uint16(len(x.names) - start),
		sector:  x.rawPair(sr, colSector, colSectorText),
		legal:   x.rawPair(sr, colLegal, colLegalText),
		owner:   x.rawPair(sr, colOwner, colOwnerText),
		sni:     x.idPair(sni, 0),
	}
	x.pos[k] = int32(len(x.ents))
	x.ents = append(x.ents, e)
}

// rawID returns the index in x.strs of raw value b of column c, adding
// it, decoded, if new; 0 for "".
func (x *Index) rawID(sr *sectorReader, c int, b []byte) uint32 {
	if len(b) == 0 {
		return 0
	}
	m := x.ids[c]
	if m == nil {
		m = make(map[string]uint32)
		x.ids[c] = m
		if len(x.strs) == 0 {
			x.strs = []string{""}
		}
	}
	if id, ok := m[string(b)]; ok {
		return id
	}
	id := uint32(len(x.strs))
	x.strs = append(x.strs, sr.decode(b))
	m[string(b)] = id
	return id
}

// rawPair returns the pair index of the code column c and its text column.
func (x *Index) rawPair(sr *sectorReader, c, text int) uint32 {
	return x.idPair(x.rawID(sr, c, sr.raw(c)), x.rawID(sr, text, sr.raw(text)))
}

// idPair returns the pair index of the strings code and text (indexes in
// x.strs).
func (x *Index) idPair(code, text uint32) uint32 {
	k := uint64(code)<<32 | uint64(text)
	if i, ok := x.pairIDs[k]; ok {
		return i
	}
	if x.pairIDs == nil {
		x.pairIDs = make(map[uint64]uint32)
	}
	var c, t string
	if code > 0 {
		c = x.strs[code]
	}
	if text > 0 {
		t = x.strs[text]
	}
	i := x.pair(c, t)
	x.pairIDs[k] = i
	return i
}

// pair returns the index of (code, text) in x.pairs, adding it if new.
func (x *Index) pair(code, text string) uint32 {
	p := codePair{code, text}
	if i, ok := x.pairAt[p]; ok {
		return i
	}
	i := uint32(len(x.pairs))
	x.pairs = append(x.pairs, p)
	x.pairAt[p] = i
	return i
}

// Len returns the number of rows in the index.
func (x *Index) Len() int { return len(x.ents) }

// Skipped returns how many rows Add skipped for want of a usable number.
func (x *Index) Skipped() int { return x.skipped }

// Duplicates returns how many rows Add skipped as already in the index.
func (x *Index) Duplicates() int { return x.dups }

// Lookup finds a number, in any form a customer file may hold it (see
// Normalize), and returns its row. ok is false for a number that is not
// valid or not in the index.
func (x *Index) Lookup(number string) (r SectorRecord, ok bool) {
	n := Normalize(number, time.Time{})
	if n.Status != StatusValid {
		return SectorRecord{}, false
	}
	i, k, ok := x.find(n)
	if !ok {
		return SectorRecord{}, false
	}
	return x.record(i, k), true
}

// find looks n up by its PeOrgNr. A 10-digit personal number, whose
// century was inferred, is also tried with the other centuries and then
// without one.
func (x *Index) find(n Number) (int32, uint64, bool) {
	if i, ok := x.pos[n.key]; ok || n.Century {
		return i, n.key, ok
	}
	ten := n.key % 1e10
	for _, c := range [...]uint64{19, 20, 18} {
		k := c*1e10 + ten
		if k == n.key {
			continue
		}
		if i, ok := x.pos[k]; ok {
			return i, k, true
		}
	}
	k := noCentury + ten
	i, ok := x.pos[k]
	return i, k, ok
}

// record builds the SectorRecord of entry i, whose key is k.
func (x *Index) record(i int32, k uint64) SectorRecord {
	e := &x.ents[i]
	pe := keyPeOrgNr(k)
	r := SectorRecord{
		PeOrgNr:           pe,
		Name:              string(x.names[e.name : e.name+uint32(e.nameLen)]),
		Sector:            x.pairs[e.sector].code,
		SectorText:        x.pairs[e.sector].text,
		LegalForm:         x.pairs[e.legal].code,
		LegalFormText:     x.pairs[e.legal].text,
		OwnerCategory:     x.pairs[e.owner].code,
		OwnerCategoryText: x.pairs[e.owner].text,
		SNI:               x.pairs[e.sni].code,
	}
	if len(pe) == 12 {
		r.OrgNr = pe[2:]
	} else {
		r.OrgNr, r.PeOrgNr = pe, ""
	}
	return r
}

// keyPeOrgNr returns the PeOrgNr of key k: 12 digits, or the 10 digits of
// a personal number without its century.
func keyPeOrgNr(k uint64) string {
	if k >= noCentury {
		return pad(k-noCentury, 10)
	}
	return pad(k, 12)
}

// pad formats v with n digits, leading zeros kept.
func pad(v uint64, n int) string {
	var b [20]byte
	s := strconv.AppendUint(b[:0], v, 10)
	if len(s) >= n {
		return string(s)
	}
	var out [20]byte
	z := n - len(s)
	for i := range z {
		out[i] = '0'
	}
	copy(out[z:], s)
	return string(out[:n])
}

// recordKey returns the key of a sector file row: its PeOrgNr as an
// integer; without one, see orgKey.
func recordKey(r SectorRecord) (uint64, bool) {
	if v, ok := digits(r.PeOrgNr, 12); ok {
		return v, true
	}
	v, ok := digits(r.OrgNr, 10)
	if !ok {
		return 0, false
	}
	return orgKey(v), true
}

// orgKey returns the key of a row with only a 10-digit OrgNr v: "16" and
// an organisation number, or a personal number in the noCentury range.
func orgKey(v uint64) uint64 {
	if v/1e6%100 >= 20 { // digits 3–4: an organisation number
		return 16e10 + v
	}
	return noCentury + v
}

// digits parses s, which must be exactly n ASCII digits (a hyphen allowed
// before the last four).
func digits[T string | []byte](s T, n int) (uint64, bool) {
	hyphen := -1
	if len(s) == n+1 && s[n-4] == '-' {
		hyphen = n - 4
	} else if len(s) != n {
		return 0, false
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		if i == hyphen {
			continue
		}
		c := s[i] - '0'
		if c > 9 {
			return 0, false
		}
		v = v*10 + uint64(c)
	}
	return v, true
}

// LoadSectorFile reads a sector file (sektor.txt) into a new Index; see
// ReadSectorFile.
func LoadSectorFile(r io.Reader) (*Index, error) {
	x := NewIndex()
	// Room for the rows of a file whose size is known, at about 140
	// bytes a row, saves growing the map and the entries row by row.
	switch f := r.(type) {
	case interface{ Stat() (os.FileInfo, error) }:
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			x.Grow(int(min(st.Size()/140, 4<<20)))
		}
	case interface{ Len() int }: // bytes.Reader, strings.Reader
		x.Grow(min(f.Len()/140, 4<<20))
	case interface{ Size() int64 }: // io.SectionReader
		x.Grow(int(min(f.Size()/140, 4<<20)))
	}
	if _, err := scanSector(r, func(sr *sectorReader) error { x.addRaw(sr); return nil }); err != nil {
		return nil, err
	}
	return x, nil
}

// LoadSectorZip reads the zip SCB sends into a new Index, with the default
// ZipLimits; see ReadSectorZip.
func LoadSectorZip(r io.ReaderAt, size int64) (*Index, error) {
	x := NewIndex()
	// The zip is about a fifth of the text, whose rows are about 140 bytes.
	x.Grow(int(min(size/28, 4<<20)))
	if _, err := (ZipLimits{}).withDefaults().scanSectorZip(r, size, func(sr *sectorReader) error { x.addRaw(sr); return nil }); err != nil {
		return nil, err
	}
	return x, nil
}
