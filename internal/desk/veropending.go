package desk

import (
	"context"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/certs"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// pending reads the order in progress; nil when there is none.
func (d *Desk) pending() (*fiPending, error) {
	var p *fiPending
	err := d.withVault(func(v *vault.Vault) error {
		data, err := v.Get(veroBucket, pendingKey)
		if errors.Is(err, vault.ErrNotFound) {
			return nil
		}
		if err != nil {
			return vaultProblem(err)
		}
		defer clear(data)
		p = new(fiPending)
		if err := json.Unmarshal(data, p); err != nil {
			return problem.New(problem.CodeVaultDamaged, fmt.Errorf("the pending certificate order: %w", err))
		}
		return nil
	})
	return p, err
}

// startPending records p, refusing when another order is pending.
func (d *Desk) startPending(p *fiPending, action string) error {
	data, err := json.Marshal(p)
	if err != nil {
		return problem.New(problem.CodeInternal, err)
	}
	defer clear(data)
	return d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			if _, err := tx.Get(veroBucket, pendingKey); err == nil {
				return problem.New(problem.CodeVeroOrderPending, nil)
			} else if !errors.Is(err, vault.ErrNotFound) {
				return err
			}
			if err := tx.Put(veroBucket, pendingKey, data); err != nil {
				return err
			}
			return tx.Audit(vault.AuditEntry{Action: action, Subject: p.Order.Name, Detail: p.Order.BusinessID})
		}))
	})
}

// savePending writes where p stands.
func (d *Desk) savePending(p *fiPending) error {
	data, err := json.Marshal(p)
	if err != nil {
		return problem.New(problem.CodeInternal, err)
	}
	defer clear(data)
	return d.withVault(func(v *vault.Vault) error { return vaultProblem(v.Put(veroBucket, pendingKey, data)) })
}

// dropPending forgets the order in progress.
func (d *Desk) dropPending(name, action string) error {
	return d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			if err := tx.Delete(veroBucket, pendingKey); err != nil && !errors.Is(err, vault.ErrNotFound) {
				return err
			}
			return tx.Audit(vault.AuditEntry{Action: action, Subject: name})
		}))
	})
}

// refused reports whether err is the service's own refusal (a FAIL
// answer, signed and verified): nothing more will come of the request.
func refused(err error) bool {
	switch problem.CodeOf(err) {
	case problem.CodeVeroTransferIDUnknown, problem.CodeVeroTransferPassword, problem.CodeVeroCSRRejected,
		problem.CodeVeroRetrievalUnknown, problem.CodeVeroRenewalRefused, problem.CodeVeroRenewalTooEarly,
		problem.CodeVeroWrongEnvironment, problem.CodeVeroError:
		return true
	}
	return false
}

// The GetCertificate schedule of registries.md §2.2: the first call 30 s
// after the RetrievalId, then every 45 s, at most 10 calls.
const (
	fiFirstWait   = 30 * time.Second
	fiRetryWait   = 45 * time.Second
	fiMaxAttempts = 10
)

// fiWait is the wait before GetCertificate call attempt (1 for the first).
func fiWait(attempt int) time.Duration {
	if attempt <= 1 {
		return fiFirstWait
	}
	return fiRetryWait
}

// sendFailed handles a failed SignNewCertificate or RenewCertificate. A
// refusal ends the order; anything else (no answer, an unreadable or
// unsigned one) leaves it pending, since the request may have arrived:
// the TransferPassword is not sent again.
func (d *Desk) sendFailed(p *fiPending, err error, progress func(dossier.FIOrderState)) error {
	p.State.Step = dossier.FIStepFailed
	p.State.Problem = string(problem.CodeOf(err))
	if refused(err) {
		if derr := d.dropPending(p.Order.Name, "vero.refused"); derr != nil {
			return errors.Join(err, derr)
		}
	} else {
		p.State.Step = dossier.FIStepSent
		if serr := d.savePending(p); serr != nil {
			return errors.Join(err, serr)
		}
	}
	reportFI(progress, p.State)
	return err
}

// await polls GetCertificate for id on the schedule above, recording each
// step, and stores the certificate with key when it comes.
func (d *Desk) await(ctx context.Context, svc FICertificateService, p *fiPending, id string, key *rsa.PrivateKey, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
	p.State = dossier.FIOrderState{Step: dossier.FIStepWaiting, RetrievalID: id, Attempts: p.State.Attempts}
	var last error
	for p.State.Attempts < fiMaxAttempts {
		wait := fiWait(p.State.Attempts + 1)
		p.State.NextTry = d.cfg.Now().Add(wait)
		if err := d.savePending(p); err != nil {
			return certinfo.Stored{}, err
		}
		reportFI(progress, p.State)
		if err := d.cfg.Sleep(ctx, wait); err != nil {
			return certinfo.Stored{}, err
		}
		p.State.Attempts++
		cert, err := svc.GetCertificate(ctx, p.Order.BusinessID, p.Order.CompanyName, id)
		if err == nil {
			return d.storeIssued(p, key, cert, progress)
		}
		last = err
		if problem.CodeOf(err) == problem.CodeVeroNotReady {
			continue
		}
		p.State.Step, p.State.Problem, p.State.NextTry = dossier.FIStepFailed, string(problem.CodeOf(err)), time.Time{}
		if refused(err) {
			err = errors.Join(err, d.dropPending(p.Order.Name, "vero.refused"))
		} else {
			err = errors.Join(err, d.savePending(p))
		}
		reportFI(progress, p.State)
		return certinfo.Stored{}, err
	}
	if last == nil {
		last = problem.New(problem.CodeVeroNotReady, nil)
	}
	p.State.Step, p.State.Problem, p.State.NextTry = dossier.FIStepFailed, string(problem.CodeVeroNotReady), time.Time{}
	reportFI(progress, p.State)
	return certinfo.Stored{}, errors.Join(last, d.savePending(p))
}

// storeIssued stores the issued certificate with its key: a renewal
// replaces the old one under its name, a new order takes the name asked
// for (or, when it was taken meanwhile, the first free "name (n)").
func (d *Desk) storeIssued(p *fiPending, key *rsa.PrivateKey, leaf *x509.Certificate, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
	c, err := certs.New(key, leaf, nil)
	if err != nil {
		return certinfo.Stored{}, problem.New(problem.CodeCertKeyMismatch, err)
	}
	order, err := json.Marshal(p.Order)
	if err != nil {
		return certinfo.Stored{}, problem.New(problem.CodeInternal, err)
	}
	name := p.Order.Name
	err = d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			if !p.Renewal {
				for n := 2; ; n++ {
					if _, err := tx.Get(certsBucket, name); errors.Is(err, vault.ErrNotFound) {
						break
					} else if err != nil {
						return err
					}
					name = fmt.Sprintf("%s (%d)", p.Order.Name, n)
				}
			}
			c.Name = name
			stored, err := c.Marshal()
			if err != nil {
				return err
			}
			defer clear(stored)
			if err := tx.Put(certsBucket, name, stored); err != nil {
				return err
			}
			if err := tx.Put(veroBucket, orderPrefix+name, order); err != nil {
				return err
			}
			if err := tx.Delete(veroBucket, pendingKey); err != nil && !errors.Is(err, vault.ErrNotFound) {
				return err
			}
			return tx.Audit(vault.AuditEntry{Action: "vero.issued", Subject: name, Detail: fmt.Sprintf("%X", leaf.SerialNumber)})
		}))
	})
	if err != nil {
		return certinfo.Stored{}, err
	}
	p.State.Step, p.State.NextTry = dossier.FIStepReady, time.Time{}
	reportFI(progress, p.State)
	return certinfo.Stored{Name: name, Info: c.Describe(d.cfg.Now())}, nil
}
