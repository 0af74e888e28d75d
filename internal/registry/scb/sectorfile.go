package scb

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/transport"
)

// SectorFile downloads SCB's counterparty-classification file
// (GET api/Je/SektorFil, a zip holding sektor.txt) and streams it to w as
// it arrives, up to Config.MaxSectorFile bytes (more is
// problem.CodeAnswerTooLarge, never a cut file). A download that stalls
// for the transport's timeout fails; one that ends before the length SCB
// announced is problem.CodeAnswerCutOff; an answer that is not a zip is
// problem.CodeUnreadableAnswer. progress, when not nil, is told the bytes
// read and the total (-1 when SCB does not say). It returns the bytes
// written. Whatever fails, w may hold part of the file: the caller keeps
// it only when SectorFile returns nil.
func (c *Client) SectorFile(ctx context.Context, w io.Writer, progress func(read, total int64)) (int64, error) {
	const op = "sektorfil"
	req, err := c.request(ctx, op, http.MethodGet, "/api/Je/SektorFil", nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Accept", "application/zip, application/octet-stream;q=0.9, */*;q=0.1")
	done, err := c.lim.Wait(ctx)
	if err != nil {
		return 0, &Error{Op: op, Code: problem.CodeCanceled, Err: err}
	}
	defer done()
	return c.stream(ctx, op, req, w, progress)
}

// stream sends the download request and copies a 200's body to w.
func (c *Client) stream(parent context.Context, op string, req *http.Request, w io.Writer, progress func(read, total int64)) (int64, error) {
	timeout := c.hc.Config().Timeout
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	req = req.WithContext(ctx)
	// A watchdog cancels the request when no byte arrives for the
	// timeout: the whole download may take long, a stall may not.
	var mu sync.Mutex
	stalled := false
	dog := time.AfterFunc(timeout, func() {
		mu.Lock()
		stalled = true
		mu.Unlock()
		cancel()
	})
	defer dog.Stop()
	fail := func(err error) error {
		mu.Lock()
		s := stalled
		mu.Unlock()
		var ne net.Error
		switch {
		case errors.Is(parent.Err(), context.DeadlineExceeded):
			return &Error{Op: op, Code: problem.CodeTimeout, Err: err}
		case parent.Err() != nil:
			return &Error{Op: op, Code: problem.CodeCanceled, Err: parent.Err()}
		case s, errors.As(err, &ne) && ne.Timeout():
			return &Error{Op: op, Code: problem.CodeTimeout, Err: err}
		}
		var te *transport.Error
		if errors.As(err, &te) {
			return wrapTransport(op, err)
		}
		// The connection broke while the file came.
		return &Error{Op: op, Code: problem.CodeUnreachable, Err: err}
	}
	resp, err := c.hc.Stream(ctx, req)
	if err != nil {
		return 0, fail(err)
	}
	defer resp.Body.Close()
	dog.Reset(timeout)
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, transport.MaxErrorResponseBody))
		return 0, statusError(op, resp.StatusCode, body)
	}
	limit := c.cfg.MaxSectorFile
	total := resp.ContentLength
	if total > limit {
		return 0, &Error{Op: op, Code: problem.CodeAnswerTooLarge, Err: fmt.Errorf("SCB announces %d bytes, more than %d", total, limit)}
	}
	head := make([]byte, 4)
	n, err := io.ReadFull(resp.Body, head)
	if err != nil || !bytes.Equal(head, []byte("PK\x03\x04")) {
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
			return 0, fail(err)
		}
		return 0, &Error{Op: op, Code: problem.CodeUnreadableAnswer, Err: errors.New("the answer is not a zip file")}
	}
	if _, err := w.Write(head[:n]); err != nil {
		return 0, &Error{Op: op, Code: problem.CodeDownloadWriteFailed, Err: fmt.Errorf("writing the sector file: %w", err)}
	}
	written := int64(n)
	buf := make([]byte, 256<<10)
	for {
		m, rerr := resp.Body.Read(buf)
		if m > 0 {
			dog.Reset(timeout)
			written += int64(m)
			if written > limit {
				return written, &Error{Op: op, Code: problem.CodeAnswerTooLarge, Err: fmt.Errorf("more than %d bytes", limit)}
			}
			if _, err := w.Write(buf[:m]); err != nil {
				return written, &Error{Op: op, Code: problem.CodeDownloadWriteFailed, Err: fmt.Errorf("writing the sector file: %w", err)}
			}
			if progress != nil {
				progress(written, total)
			}
		}
		if errors.Is(rerr, io.EOF) {
			break
		}
		if rerr != nil {
			if errors.Is(rerr, io.ErrUnexpectedEOF) {
				return written, &Error{Op: op, Code: problem.CodeAnswerCutOff, Err: rerr}
			}
			return written, fail(rerr)
		}
	}
	// A cancelled request can end its body with a plain EOF: the end is
	// only the end when neither the watchdog nor the caller stopped it.
	dog.Stop()
	mu.Lock()
	cut := stalled
	mu.Unlock()
	if cut || parent.Err() != nil {
		return written, fail(context.Canceled)
	}
	if total >= 0 && written != total {
		return written, &Error{Op: op, Code: problem.CodeAnswerCutOff, Err: fmt.Errorf("%d of %d bytes", written, total)}
	}
	return written, nil
}
