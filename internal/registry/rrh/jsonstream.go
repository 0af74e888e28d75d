package rrh

import (
	"bytes"
	"errors"
	"io"

	"github.com/motpart/motpart/internal/dossier"
)

// jsonStream reads a JSON array (or a sequence of JSON objects) element
// by element from a buffer that holds a part of the stream. Each element
// is parsed where it lies; when the buffer ends inside it, more is read
// and the element parsed again. An element may not be larger than
// Limits.MaxRegistrationSize; memory stays within about that plus the read
// buffer.
type jsonStream struct {
	r    io.Reader
	lim  Limits
	buf  []byte
	r0   int   // start of the unread data in buf
	w    int   // end of the data in buf
	base int64 // stream offset of buf[0]
	eof  bool
	err  error
	// origin is the stream offset after the byte-order mark: where a CSV
	// reader starts.
	origin int64
	// state: 0 before the first value, 1 in an array before the first
	// element, 2 in an array after an element, 3 a sequence of objects,
	// 4 done.
	state int
}

// readChunk is the size of one read, and the buffer's initial size.
const readChunk = 256 << 10

func newJSONStream(r io.Reader, lim Limits) *jsonStream {
	if lim.chunk <= 0 {
		lim.chunk = readChunk
	}
	return &jsonStream{r: r, lim: lim, buf: make([]byte, lim.chunk)}
}

// fill moves the unread data to the front and reads more, growing the
// buffer when it is full (up to the largest element plus a chunk). It
// returns io.EOF at the end of the stream.
func (s *jsonStream) fill() error {
	if s.err != nil {
		return s.err
	}
	if s.eof {
		return io.EOF
	}
	if s.r0 > 0 {
		n := copy(s.buf, s.buf[s.r0:s.w])
		s.base += int64(s.r0)
		s.r0, s.w = 0, n
	}
	if s.w == len(s.buf) {
		limit := s.lim.MaxRegistrationSize + s.lim.chunk
		if len(s.buf) >= limit {
			// The caller checks the element size first; this is a guard.
			return &LimitError{Limit: LimitRegistrationSize, Max: int64(s.lim.MaxRegistrationSize), Offset: s.base}
		}
		nb := make([]byte, min(2*len(s.buf), limit))
		copy(nb, s.buf[:s.w])
		s.buf = nb
	}
	// Read until a good part of the free space is filled (or the stream
	// ends), so that an element cut by the buffer is parsed again only
	// after much more has arrived, even from a reader that gives little
	// at a time.
	want := s.w + min(len(s.buf)-s.w, max(s.lim.chunk/4, 1))
	start := s.w
	for empty := 0; empty < 100; {
		n, err := s.r.Read(s.buf[s.w:])
		s.w += n
		if err != nil {
			if errors.Is(err, io.EOF) {
				s.eof = true
				if s.w > start {
					return nil
				}
				return io.EOF
			}
			s.err = err
			return err
		}
		if s.w >= want {
			return nil
		}
		if n == 0 {
			empty++
		}
	}
	s.err = io.ErrNoProgress
	return s.err
}

// nonSpace returns the next byte that is not white space, without
// consuming it; io.EOF at the end.
func (s *jsonStream) nonSpace() (byte, error) {
	for {
		for s.r0 < s.w {
			switch c := s.buf[s.r0]; c {
			case ' ', '\t', '\n', '\r':
				s.r0++
			default:
				return c, nil
			}
		}
		if err := s.fill(); err != nil {
			return 0, err
		}
	}
}

// start skips a byte-order mark and white space and returns the first
// character (without consuming it).
func (s *jsonStream) start() (byte, error) {
	for s.w-s.r0 < 3 && !s.eof {
		if err := s.fill(); err != nil && !errors.Is(err, io.EOF) {
			return 0, err
		}
	}
	if bytes.HasPrefix(s.buf[s.r0:s.w], []byte("\xef\xbb\xbf")) {
		s.r0 += 3
	}
	s.origin = s.base + int64(s.r0)
	return s.nonSpace()
}

// rest returns a reader of the stream from after the byte-order mark,
// for the CSV reader.
func (s *jsonStream) rest() io.Reader {
	from := s.r0
	if s.origin >= s.base {
		// Give back the white space start skipped, when still at hand.
		from = int(s.origin - s.base)
	}
	pending := bytes.NewReader(s.buf[from:s.w])
	if s.eof {
		return pending
	}
	if s.err != nil {
		return io.MultiReader(pending, errReader{s.err})
	}
	return io.MultiReader(pending, s.r)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

func (s *jsonStream) formatErr(msg string) error {
	return &FormatError{Offset: s.base + int64(s.r0), Err: errors.New(msg)}
}

// nextElement moves to the start of the next element: the registration
// then starts at buf[r0]. It returns io.EOF after the last one.
func (s *jsonStream) nextElement() error {
	for {
		c, err := s.nonSpace()
		if errors.Is(err, io.EOF) {
			switch s.state {
			case 3, 4:
				return io.EOF
			case 0:
				return s.formatErr("the file is empty")
			}
			return s.formatErr("the file ends inside the array: it is cut short")
		}
		if err != nil {
			return err
		}
		switch s.state {
		case 0:
			switch c {
			case '[':
				s.r0++
				s.state = 1
				continue
			case '{':
				s.state = 3
			default:
				return s.formatErr("not a JSON array of registrations")
			}
		case 1:
			if c == ']' {
				s.r0++
				s.state = 4
				continue
			}
			s.state = 2
			return nil
		case 2:
			switch c {
			case ',':
				s.r0++
				c2, err := s.nonSpace()
				switch {
				case errors.Is(err, io.EOF):
					return s.formatErr("the file ends inside the array: it is cut short")
				case err != nil:
					return err
				case c2 == ']':
					return s.formatErr("a ',' before ']'")
				}
				return nil
			case ']':
				s.r0++
				s.state = 4
				continue
			default:
				return s.formatErr("expected ',' or ']' after a registration")
			}
		case 4:
			return s.formatErr("data after the end of the array")
		}
		// A sequence of objects.
		if c != '{' {
			return s.formatErr("expected a registration object")
		}
		return nil
	}
}

// element parses the registration at r0 into o with p. The buffer may
// hold only the start of it: the parse is then tried again with more
// data, up to Limits.MaxRegistrationSize.
func (s *jsonStream) element(p *parser, o *dossier.Owners, lim regLimits) error {
	max := s.lim.MaxRegistrationSize
	for {
		p.reset(s.buf[s.r0:s.w])
		*o = dossier.Owners{Source: o.Source}
		err := p.registration(o, lim)
		off := s.base + int64(s.r0)
		if err == nil {
			if p.pos > max {
				return &LimitError{Limit: LimitRegistrationSize, Max: int64(max), Offset: off}
			}
			s.r0 += p.pos
			return nil
		}
		var le *LimitError
		if errors.As(err, &le) {
			le.Offset = off
			return le
		}
		if !p.hitEnd {
			return &FormatError{Offset: off + int64(p.pos), Err: err}
		}
		// Cut short by the buffer: read more and parse again.
		if s.w-s.r0 > max {
			return &LimitError{Limit: LimitRegistrationSize, Max: int64(max), Offset: off}
		}
		// Parse again only when the data has doubled (or the stream
		// ended), so that the work stays linear in the element's size.
		have := s.w - s.r0
		target := min(2*have, max+1)
		for s.w-s.r0 < target {
			if ferr := s.fill(); ferr != nil {
				if errors.Is(ferr, io.EOF) {
					if s.w-s.r0 > have {
						break
					}
					return &FormatError{Offset: off, Err: errors.New("the file ends inside a registration: it is cut short")}
				}
				return ferr
			}
		}
	}
}
