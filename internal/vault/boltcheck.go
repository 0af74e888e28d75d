package vault

import (
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

// checkStructure verifies that every page reachable from the meta page
// bbolt uses lies inside the file, is referenced once, is not also free,
// has a valid type and keeps its elements inside its bounds.
func checkStructure(db *bolt.DB, f *os.File) error {
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
	return c.tree(m.root)
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

// tree walks the bucket tree from the root bucket's root page.
func (c *checker) tree(root uint64) error {
	stack := []uint64{root}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
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
		elems := make([]byte, count*boltElemSize)
		if uint64(boltPageHeader+len(elems)) > span {
			return fmt.Errorf("page %d: elements overflow", id)
		}
		if _, err := c.f.ReadAt(elems, int64(id)*c.ps+boltPageHeader); err != nil {
			return err
		}
		read := func(off, n uint64) ([]byte, error) {
			b := make([]byte, n)
			_, err := c.f.ReadAt(b, int64(id)*c.ps+int64(off))
			return b, err
		}
		children, err := checkElements(flags, elems, span, read)
		if err != nil {
			return fmt.Errorf("page %d: %w", id, err)
		}
		stack = append(stack, children...)
	}
	return nil
}

// checkElements checks the elements of a branch or leaf page (or inline
// bucket page) of spanBytes bytes and returns the child pages to visit.
// read returns n bytes at offset off of the page.
func checkElements(flags uint16, elems []byte, spanBytes uint64, read func(off, n uint64) ([]byte, error)) ([]uint64, error) {
	var children []uint64
	for i := 0; i < len(elems)/boltElemSize; i++ {
		e := elems[i*boltElemSize:]
		elemOff := uint64(boltPageHeader + i*boltElemSize)
		if flags == boltBranchPage {
			pos, ksize := uint64(le.Uint32(e[0:])), uint64(le.Uint32(e[4:]))
			if elemOff+pos+ksize > spanBytes {
				return nil, errors.New("branch key out of bounds")
			}
			children = append(children, le.Uint64(e[8:]))
			continue
		}
		eflags, pos, ksize, vsize := le.Uint32(e[0:]), uint64(le.Uint32(e[4:])), uint64(le.Uint32(e[8:])), uint64(le.Uint32(e[12:]))
		if elemOff+pos+ksize+vsize > spanBytes {
			return nil, errors.New("leaf element out of bounds")
		}
		if eflags&boltBucketLeaf == 0 {
			continue
		}
		if vsize < boltBucketHdr {
			return nil, errors.New("short bucket header")
		}
		hdr, err := read(elemOff+pos+ksize, boltBucketHdr)
		if err != nil {
			return nil, err
		}
		if root := le.Uint64(hdr); root != 0 {
			children = append(children, root)
			continue
		}
		// Inline bucket: the rest of the value is a leaf page.
		inline, err := read(elemOff+pos+ksize+boltBucketHdr, vsize-boltBucketHdr)
		if err != nil {
			return nil, err
		}
		sub, err := checkInline(inline)
		if err != nil {
			return nil, err
		}
		children = append(children, sub...)
	}
	return children, nil
}

// checkInline checks an inline bucket's page held in memory.
func checkInline(p []byte) ([]uint64, error) {
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
	read := func(off, n uint64) ([]byte, error) {
		if off+n > uint64(len(p)) {
			return nil, errors.New("inline value out of bounds")
		}
		return p[off : off+n], nil
	}
	return checkElements(flags, p[boltPageHeader:boltPageHeader+count*boltElemSize], uint64(len(p)), read)
}
