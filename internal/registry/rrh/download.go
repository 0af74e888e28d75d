package rrh

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

	"github.com/motpart/motpart/internal/registry/transport"
)

// DownloadTotal downloads the full register (totalbestand), a zip, and
// streams it to w: the Partner API's {PartnerPath}/totalbestand/json (or
// /csv with Config.TotalCSV), or the v1 API's {V1Path}/totalbestand [U].
// The body is written as it arrives, up to Config.MaxDownload bytes (more
// is an error, KindTooLarge); a download that stalls for the transport's
// timeout fails. A 401 makes the token source drop its token and the
// request is sent once more. Failures are *Error, as Owners gives.
//
// The download goes through transport.Client.Stream, not Do, which holds
// a whole answer in memory. It is not retried on 429 or 503: the caller
// decides when to try again.
func (c *Client) DownloadTotal(ctx context.Context, w io.Writer) error {
	var op, path string
	switch {
	case c.cfg.API == V1:
		op, path = "virksomheter/totalbestand", c.cfg.V1Path+"/totalbestand"
	case c.cfg.TotalCSV:
		op, path = "totalbestand/csv", c.cfg.PartnerPath+"/totalbestand/csv"
	default:
		op, path = "totalbestand/json", c.cfg.PartnerPath+"/totalbestand/json"
	}
	if c.tokens == nil {
		return &Error{Op: op, Code: CodeNoToken}
	}
	for attempt := 0; ; attempt++ {
		status, body, err := c.stream(ctx, op, c.base+path, w)
		if err != nil {
			return err
		}
		switch {
		case status == http.StatusOK:
			return nil
		case status == http.StatusUnauthorized && attempt == 0:
			c.tokens.Invalidate()
			continue
		case status == http.StatusNotFound:
			return &Error{Op: op, Code: "http_404", StatusCode: status, Message: problemMessage(body)}
		}
		return statusError(op, &transport.Response{StatusCode: status, Body: body})
	}
}

// stream sends one download request. For a 200 it copies the body to w
// and returns the status; for any other status it returns the start of
// the body.
func (c *Client) stream(parent context.Context, op, u string, w io.Writer) (int, []byte, error) {
	tc := c.t.Config()
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	req, err := c.request(ctx, op, u, "application/zip, application/octet-stream;q=0.9, */*;q=0.1")
	if err != nil {
		return 0, nil, err
	}
	host := req.URL.Hostname()
	fail := func(err error, kind transport.Kind) error {
		te := &transport.Error{Kind: kind, Method: http.MethodGet, Host: host, Attempts: 1, Err: err}
		if kind == transport.KindTimeout {
			te.Timeout = tc.Timeout
		}
		return &Error{Op: op, Code: te.Code(), Err: te}
	}
	// A watchdog cancels the request when no byte arrives for the
	// timeout: the whole download may take long, a stall may not.
	var stalled bool
	var mu sync.Mutex
	dog := time.AfterFunc(tc.Timeout, func() {
		mu.Lock()
		stalled = true
		mu.Unlock()
		cancel()
	})
	defer dog.Stop()
	kick := func() { dog.Reset(tc.Timeout) }
	classify := func(err error) error {
		mu.Lock()
		s := stalled
		mu.Unlock()
		switch {
		case errors.Is(parent.Err(), context.DeadlineExceeded):
			return fail(parent.Err(), transport.KindTimeout)
		case parent.Err() != nil:
			return fail(parent.Err(), transport.KindCanceled)
		case s:
			return fail(err, transport.KindTimeout)
		}
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return fail(err, transport.KindTimeout)
		}
		return fail(err, transport.KindNetwork)
	}
	resp, err := c.t.Stream(ctx, req)
	if err != nil {
		var te *transport.Error
		if errors.As(err, &te) && te.Kind != transport.KindNetwork && te.Kind != transport.KindTimeout && te.Kind != transport.KindCanceled {
			return 0, nil, &Error{Op: op, Code: te.Code(), StatusCode: te.StatusCode, Err: te}
		}
		return 0, nil, classify(err)
	}
	defer resp.Body.Close()
	kick()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, transport.MaxErrorResponseBody))
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
			te := &transport.Error{Kind: transport.KindStatus, Method: http.MethodGet, Host: host, StatusCode: resp.StatusCode, Attempts: 1}
			return 0, nil, &Error{Op: op, Code: te.Code(), StatusCode: resp.StatusCode, Err: te}
		}
		return resp.StatusCode, body, nil
	}
	limit := c.cfg.MaxDownload
	if resp.ContentLength > limit {
		te := &transport.Error{Kind: transport.KindTooLarge, Method: http.MethodGet, Host: host, StatusCode: resp.StatusCode, Limit: limit}
		return 0, nil, &Error{Op: op, Code: te.Code(), Err: te}
	}
	// The first bytes must be a zip's.
	head := make([]byte, 4)
	n, err := io.ReadFull(resp.Body, head)
	if err != nil || !bytes.Equal(head, []byte("PK\x03\x04")) {
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
			return 0, nil, classify(err)
		}
		return 0, nil, &Error{Op: op, Code: CodeMalformed, StatusCode: resp.StatusCode, Err: errors.New("the answer is not a zip file")}
	}
	if _, err := w.Write(head[:n]); err != nil {
		return 0, nil, &Error{Op: op, Code: "write", Err: fmt.Errorf("writing the download: %w", err)}
	}
	written := int64(n)
	buf := make([]byte, 256<<10)
	for {
		m, rerr := resp.Body.Read(buf)
		if m > 0 {
			kick()
			written += int64(m)
			if written > limit {
				te := &transport.Error{Kind: transport.KindTooLarge, Method: http.MethodGet, Host: host, StatusCode: resp.StatusCode, Limit: limit}
				return 0, nil, &Error{Op: op, Code: te.Code(), Err: te}
			}
			if _, err := w.Write(buf[:m]); err != nil {
				return 0, nil, &Error{Op: op, Code: "write", Err: fmt.Errorf("writing the download: %w", err)}
			}
		}
		if errors.Is(rerr, io.EOF) {
			break
		}
		if rerr != nil {
			if errors.Is(rerr, io.ErrUnexpectedEOF) {
				te := &transport.Error{Kind: transport.KindTruncated, Method: http.MethodGet, Host: host, StatusCode: resp.StatusCode,
					Got: written, Want: resp.ContentLength, Err: rerr}
				return 0, nil, &Error{Op: op, Code: te.Code(), Err: te}
			}
			return 0, nil, classify(rerr)
		}
	}
	// A cancelled request can end its body with a plain EOF: the end is
	// only the end when neither the watchdog nor the caller stopped it.
	dog.Stop()
	mu.Lock()
	cut := stalled
	mu.Unlock()
	if cut || parent.Err() != nil {
		return 0, nil, classify(context.Canceled)
	}
	if resp.ContentLength >= 0 && written != resp.ContentLength {
		te := &transport.Error{Kind: transport.KindTruncated, Method: http.MethodGet, Host: host, StatusCode: resp.StatusCode,
			Got: written, Want: resp.ContentLength}
		return 0, nil, &Error{Op: op, Code: te.Code(), Err: te}
	}
	return http.StatusOK, nil, nil
}
