package vault

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"

	bolt "go.etcd.io/bbolt"
)

// bbolt trusts its file: a damaged or crafted page can make it loop
// forever (a branch page that points to itself), recurse without bound,
// or allocate absurd amounts of memory. checkStructure therefore walks
// the page structure itself, with bounds and cycle checks, before bbolt is
// allowed to read anything but the meta pages. It reads the file with
// ReadAt, never through bbolt's memory map.
//
// The layout checked is bbolt's file format version 2 (bbolt v1.x), in
// little-endian byte order (the only order Motpart's platforms produce).

const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	boltPageHeader = 16 // id u64, flags u16, count u16, overflow u32
	boltElemSize   = 16 // branch: pos u32, ksize u32, pgid u64; leaf: flags, pos, ksize, vsize u32
	boltBranchPage = 0x01
	boltLeafPage   = 0x02
	boltFreelist   = 0x10
	boltBucketLeaf = 0x01
	boltBucketHdr  = 16 // root pgid u64, sequence u64
	boltMetaSumLen = 56 // bytes of the meta struct covered by its checksum
	boltNoFreelist = ^uint64(0)
)

var le = binary.LittleEndian

// boltMeta is the part of a bbolt meta page that the check needs.
type boltMeta struct {
	root, freelist, hwm, txid uint64
}

// readBoltMeta reads and validates the meta page at off.
func readBoltMeta(f io.ReaderAt, off int64) (boltMeta, bool) {
	b := make([]byte, boltPageHeader+boltMetaSumLen+8)
	if _, err := f.ReadAt(b, off); err != nil {
		return boltMeta{}, false
	}
	m := b[boltPageHeader:]
	h := fnv.New64a()
	h.Write(m[:boltMetaSumLen])
	if le.Uint32(m[0:]) != boltMagic || le.Uint32(m[4:]) != boltVersion || le.Uint64(m[56:]) != h.Sum64() {
		return boltMeta{}, false
	}
	return boltMeta{root: le.Uint64(m[16:]), freelist: le.Uint64(m[32:]), hwm: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}, true
}

// ErrMetaDamaged reports a bbolt meta page that fails its checksum.
// bbolt would silently use the other (older) meta page and so lose the
// last committed change; Open refuses instead, and OpenOptions.Repair
// opens the state before that change.
var ErrMetaDamaged = errors.New("a meta page is damaged; the last change may be lost")

// checkStructure verifies the whole page structure of the file: both meta
// pages are valid (unless allowOldMeta, which accepts falling back to the
// older one); every page reachable from the meta page bbolt uses lies
// inside the file, is referenced once, is not also free, has a valid type
// and keeps its elements inside its bounds, packed as bbolt writes them
// and with keys in strictly increasing order (each branch key equal to
// the first key of its child); and every page below the high-water mark
// is either reachable or free.
func checkStructure(db *bolt.DB, f *os.File, allowOldMeta bool) error {
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	ps := int64(db.Info().PageSize)
	if ps < 512 || ps > 1<<20 {
		return fmt.Errorf("page size %d", ps)
	}
	// Pick the meta page as bbolt does: the valid one with the higher txid.
	m0, ok0 := readBoltMeta(f, 0)
	m1, ok1 := readBoltMeta(f, ps)
	m := m0
	switch {
	case ok0 && ok1 && m1.txid > m0.txid, !ok0 && ok1:
		m = m1
	case !ok0 && !ok1:
		return errors.New("no valid meta page")
	}
	if (!ok0 || !ok1) && !allowOldMeta {
		return ErrMetaDamaged
	}
	var txid uint64
	var size int64
	if err := db.View(func(tx *bolt.Tx) error {
		txid, size = uint64(tx.ID()), tx.Size()
		return nil
	}); err != nil {
		return err
	}
	if txid != m.txid || m.hwm < 4 || uint64(size) != m.hwm*uint64(ps) || m.hwm > uint64(fi.Size()/ps) {
		return errors.New("inconsistent meta page")
	}
	c := &checker{f: f, ps: ps, hwm: m.hwm, seen: map[uint64]bool{0: true, 1: true}, free: map[uint64]bool{}}
	if err := c.freelist(m.freelist); err != nil {
		return err
	}
	if err := c.tree(m.root); err != nil {
		return err
	}
	for p := uint64(2); p < m.hwm; p++ {
		if !c.seen[p] && !c.free[p] {
			return fmt.Errorf("page %d is neither in use nor free", p)
		}
	}
	return nil
}

type checker struct {
	f    io.ReaderAt
	ps   int64
	hwm  uint64
	seen map[uint64]bool
	free map[uint64]bool
}

// page reads the header of page id and claims its span.
func (c *checker) page(id uint64) (flags uint16, count int, spanBytes uint64, err error) {
	if id < 2 || id >= c.hwm {
		return 0, 0, 0, fmt.Errorf("page %d out of bounds", id)
	}
	var h [boltPageHeader]byte
	if _, err := c.f.ReadAt(h[:], int64(id)*c.ps); err != nil {
		return 0, 0, 0, err
	}
	overflow := uint64(le.Uint32(h[12:]))
	if le.Uint64(h[0:]) != id || overflow >= c.hwm-id {
		return 0, 0, 0, fmt.Errorf("page %d: bad header", id)
	}
	for p := id; p <= id+overflow; p++ {
		if c.seen[p] || c.free[p] {
			return 0, 0, 0, fmt.Errorf("page %d referenced twice or free", p)
		}
		c.seen[p] = true
	}
	return le.Uint16(h[8:]), int(le.Uint16(h[10:])), (overflow + 1) * uint64(c.ps), nil
}

func (c *checker) freelist(id uint64) error {
	if id == boltNoFreelist {
		return errors.New("no freelist")
	}
	flags, count, span, err := c.page(id)
	if err != nil {
		return err
	}
	if flags != boltFreelist {
		return fmt.Errorf("page %d is not a freelist", id)
	}
	base := int64(id)*c.ps + boltPageHeader
	n := uint64(count)
	if count == 0xFFFF {
		var b [8]byte
		if _, err := c.f.ReadAt(b[:], base); err != nil {
			return err
		}
		n, base = le.Uint64(b[:]), base+8
	}
	if n > (span-boltPageHeader)/8 || n >= c.hwm {
		return fmt.Errorf("freelist count %d too large", n)
	}
	ids := make([]byte, 8*n)
	if _, err := c.f.ReadAt(ids, base); err != nil {
		return err
	}
	for i := uint64(0); i < n; i++ {
		p := le.Uint64(ids[8*i:])
		if p < 2 || p >= c.hwm || c.free[p] || c.seen[p] {
			return fmt.Errorf("freelist entry %d invalid", p)
		}
		c.free[p] = true
	}
	return nil
}

// visit is a page still to check, with the key bounds it must respect:
// first (if not nil) is the key its first element must have (the branch
// key that points to it), and below (if not nil) bounds all its keys.
type visit struct {
	id           uint64
	first, below []byte
}

// tree walks the bucket tree from the root bucket's root page.
func (c *checker) tree(root uint64) error {
	stack := []visit{{id: root}}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		id := v.id
		flags, count, span, err := c.page(id)
		if err != nil {
			return err
		}
		if flags != boltBranchPage && flags != boltLeafPage {
			return fmt.Errorf("page %d: type %#x", id, flags)
		}
		if flags == boltBranchPage && count == 0 {
			return fmt.Errorf("page %d: empty branch", id)
		}
		if uint64(boltPageHeader+count*boltElemSize) > span {
			return fmt.Errorf("page %d: elements overflow", id)
		}
		// Read the first page of the span (which holds the element array
		// and usually every key); anything beyond it is read when needed,
		// so the large values of blob chunks are never read.
		head := make([]byte, min(span, max(uint64(c.ps), uint64(boltPageHeader+count*boltElemSize))))
		if _, err := c.f.ReadAt(head, int64(id)*c.ps); err != nil {
			return err
		}
		base := int64(id) * c.ps
		read := func(off, n uint64) ([]byte, error) {
			if off+n <= uint64(len(head)) {
				return head[off : off+n], nil
			}
			b := make([]byte, n)
			_, err := c.f.ReadAt(b, base+int64(off))
			return b, err
		}
		children, err := checkElements(flags, head, count, span, read, v)
		if err != nil {
			return fmt.Errorf("page %d: %w", id, err)
		}
		stack = append(stack, children...)
	}
	return nil
}

// checkElements checks the count elements of the branch or leaf page
// whose first bytes (at least the element array) are head, whose span is
// size bytes and whose bytes read returns, and returns the child pages
// to visit. The elements' keys and values must be packed one after
// the other right behind the element array, as bbolt writes them, so
// that a changed count, position or size shows; keys must increase
// strictly and respect the bounds in v.
func checkElements(flags uint16, head []byte, count int, size uint64, read func(off, n uint64) ([]byte, error), v visit) ([]visit, error) {
	var children []visit
	next := uint64(boltPageHeader + count*boltElemSize) // where the next key must start
	var prev []byte
	for i := 0; i < count; i++ {
		elemOff := uint64(boltPageHeader + i*boltElemSize)
		e := head[elemOff : elemOff+boltElemSize]
		var eflags uint32
		var pos, ksize, vsize uint64
		if flags == boltBranchPage {
			pos, ksize = uint64(le.Uint32(e[0:])), uint64(le.Uint32(e[4:]))
		} else {
			eflags, pos, ksize, vsize = le.Uint32(e[0:]), uint64(le.Uint32(e[4:])), uint64(le.Uint32(e[8:])), uint64(le.Uint32(e[12:]))
		}
		start := elemOff + pos
		if start != next {
			return nil, fmt.Errorf("element %d not where the previous one ends", i)
		}
		end := start + ksize + vsize
		if ksize > size || vsize > size || end > size {
			return nil, errors.New("element out of bounds")
		}
		next = end
		key, err := read(start, ksize)
		if err != nil {
			return nil, err
		}
		switch {
		case i == 0 && v.first != nil && !bytes.Equal(key, v.first):
			return nil, errors.New("first key differs from the branch key")
		case i > 0 && bytes.Compare(prev, key) >= 0:
			return nil, errors.New("keys out of order")
		case v.below != nil && bytes.Compare(key, v.below) >= 0:
			return nil, errors.New("key beyond the branch's next key")
		}
		prev = key
		if flags == boltBranchPage {
			below := v.below
			if i+1 < count {
				ne := head[elemOff+boltElemSize:]
				npos, nks := elemOff+boltElemSize+uint64(le.Uint32(ne[0:])), uint64(le.Uint32(ne[4:]))
				if npos+nks > size || nks > size {
					return nil, errors.New("element out of bounds")
				}
				if below, err = read(npos, nks); err != nil {
					return nil, err
				}
			}
			children = append(children, visit{id: le.Uint64(e[8:]), first: key, below: below})
			continue
		}
		if eflags&boltBucketLeaf == 0 {
			continue
		}
		if vsize < boltBucketHdr {
			return nil, errors.New("short bucket header")
		}
		val, err := read(start+ksize, vsize)
		if err != nil {
			return nil, err
		}
		if root := le.Uint64(val); root != 0 {
			children = append(children, visit{id: root})
			continue
		}
		// Inline bucket: the rest of the value is a leaf page.
		sub, err := checkInline(val[boltBucketHdr:])
		if err != nil {
			return nil, err
		}
		children = append(children, sub...)
	}
	return children, nil
}

// checkInline checks an inline bucket's page held in memory.
func checkInline(p []byte) ([]visit, error) {
	if len(p) < boltPageHeader {
		return nil, errors.New("short inline page")
	}
	flags, count := le.Uint16(p[8:]), int(le.Uint16(p[10:]))
	if flags != boltLeafPage {
		return nil, errors.New("inline page is not a leaf")
	}
	if boltPageHeader+count*boltElemSize > len(p) {
		return nil, errors.New("inline elements overflow")
	}
	read := func(off, n uint64) ([]byte, error) { return p[off : off+n], nil }
	return checkElements(flags, p, count, uint64(len(p)), read, visit{})
}
