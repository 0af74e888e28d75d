package vero

import (
	"context"
	"crypto/x509"

	"github.com/motpart/motpart/internal/problem"
	"time"
)

// The GetCertificate schedule of registries.md §2.2: the first call 30 s
// after the RetrievalId, then every 45 s, at most 10 calls.
const (
	FirstWait   = 30 * time.Second
	RetryWait   = 45 * time.Second
	MaxAttempts = 10
)

// Poll is one wait for a certificate: Attempt is the GetCertificate call
// about to be made (1 for the first), Next when it is due.
type Poll struct {
	Attempt int
	Next    time.Time
}

// WaitDelay is how long to wait before GetCertificate call attempt (1 for
// the first).
func WaitDelay(attempt int) time.Duration {
	if attempt <= 1 {
		return FirstWait
	}
	return RetryWait
}

// Await calls GetCertificate for retrievalID on the schedule above,
// starting with call done+1 (done calls were made before, as when an order
// is resumed), sleeping with sleep and reading the time with now. before,
// when not nil, hears each call before its wait. It stops at the first
// answer that is not "not ready"; after MaxAttempts calls the error is the
// last "not ready" one.
func (c *Client) Await(ctx context.Context, customerID, customerName string, retrievalID string, done int, now func() time.Time, sleep func(context.Context, time.Duration) error, before func(Poll)) (*x509.Certificate, int, error) {
	var err error
	for attempt := done + 1; attempt <= MaxAttempts; attempt++ {
		d := WaitDelay(attempt)
		if before != nil {
			before(Poll{Attempt: attempt, Next: now().Add(d)})
		}
		if err := sleep(ctx, d); err != nil {
			return nil, attempt - 1, err
		}
		var cert *x509.Certificate
		cert, err = c.GetCertificate(ctx, customerID, customerName, retrievalID)
		if err == nil {
			return cert, attempt, nil
		}
		if !IsNotReady(err) {
			return nil, attempt, err
		}
	}
	if err == nil {
		err = &Error{Op: "get", Code: problem.CodeVeroNotReady}
	}
	return nil, MaxAttempts, err
}
