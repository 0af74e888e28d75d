package desk

import (
	"context"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
)

// OrderFICertificate orders the Finnish Incomes Register certificate from
// Vero's certificate service (registries.md §2): it makes an RSA-2048 key
// and a CSR, sends SignNewCertificate with transferPassword (once: the
// attempt is written to the vault before it is sent and never retried),
// polls GetCertificate and stores the certificate with its key under
// o.Name. progress, when not nil, hears every step.
func (d *Desk) OrderFICertificate(ctx context.Context, o dossier.FIOrder, transferPassword []byte, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
	return certinfo.Stored{}, problem.New(problem.CodeVeroNotConnected, nil)
}

// PendingFIOrder returns the order (or renewal) whose request was sent but
// whose certificate was not stored, as after a crash, and where it stood;
// false when there is none.
func (d *Desk) PendingFIOrder() (dossier.FIOrder, dossier.FIOrderState, bool, error) {
	return dossier.FIOrder{}, dossier.FIOrderState{}, false, nil
}

// ResumeFIOrder continues the pending order with GetCertificate and its
// saved RetrievalId, never sending the TransferPassword again.
func (d *Desk) ResumeFIOrder(ctx context.Context, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
	return certinfo.Stored{}, problem.New(problem.CodeVeroNoPendingOrder, nil)
}

// RenewFICertificate renews the Incomes Register certificate called name:
// a new key and CSR, a RenewCertificateRequest signed with the current key
// and certificate, then GetCertificate. The old certificate stays stored
// and in use until the new one replaces it under the same name.
func (d *Desk) RenewFICertificate(ctx context.Context, name string, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
	return certinfo.Stored{}, problem.New(problem.CodeVeroNotConnected, nil)
}

// CanRenewFI says whether the certificate called name can be renewed with
// Vero now: nil, or an error whose code says why not (not a Vero
// certificate, not within 60 days of its end, not connected).
func (d *Desk) CanRenewFI(name string) error {
	return problem.New(problem.CodeVeroNotConnected, nil)
}
