package desk

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/certs"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// FICertificateService is Vero's certificate service as the desk uses it
// (*registry/vero.Client is one). A certificate that is not ready yet is an
// error with problem.CodeVeroNotReady; the service's own refusals carry the
// Vero problem codes.
type FICertificateService interface {
	SignNewCertificate(ctx context.Context, customerID, customerName, transferID string, transferPassword []byte, csr []byte) (string, error)
	GetCertificate(ctx context.Context, customerID, customerName, retrievalID string) (*x509.Certificate, error)
	RenewCertificate(ctx context.Context, customerID, customerName string, csr []byte, currentKey crypto.Signer, current *x509.Certificate) (string, error)
}

// FICertificateConnector returns the certificate service of an environment
// ("test", "production" or "sandbox"); internal/setup provides it.
type FICertificateConnector func(environment string) (FICertificateService, error)

// veroBucket holds the order in progress ("pending") and, by certificate
// name, the orders the stored Incomes Register certificates came from.
const (
	veroBucket  = "vero"
	pendingKey  = "pending"
	orderPrefix = "order:"
)

// fiPending is an order or renewal whose request was (about to be) sent
// and whose certificate is not stored yet. Key is the new private key
// (PKCS#8), kept so that a resumed order can store the certificate with it.
type fiPending struct {
	Order   dossier.FIOrder      `json:"order"`
	State   dossier.FIOrderState `json:"state"`
	Renewal bool                 `json:"renewal,omitempty"`
	Key     []byte               `json:"key"`
}

// OrderFICertificate orders the Finnish Incomes Register certificate from
// Vero's certificate service (registries.md §2): it makes an RSA-2048 key
// and a CSR, sends SignNewCertificate with transferPassword (once: the
// attempt is written to the vault before it is sent and never retried),
// polls GetCertificate and stores the certificate with its key under
// o.Name. progress, when not nil, hears every step.
func (d *Desk) OrderFICertificate(ctx context.Context, o dossier.FIOrder, transferPassword []byte, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
	o, err := d.checkFIOrder(o, transferPassword)
	if err != nil {
		return certinfo.Stored{}, err
	}
	svc, err := d.fiService(o.Environment)
	if err != nil {
		return certinfo.Stored{}, err
	}
	if _, err := d.Certificate(o.Name); err == nil {
		return certinfo.Stored{}, problem.New(problem.CodeCertNameTaken, nil)
	} else if problem.CodeOf(err) != problem.CodeCertNotFound {
		return certinfo.Stored{}, err
	}
	key, csr, err := newKeyAndCSR(o)
	if err != nil {
		return certinfo.Stored{}, err
	}
	p := &fiPending{Order: o, State: dossier.FIOrderState{Step: dossier.FIStepSent}}
	if p.Key, err = x509.MarshalPKCS8PrivateKey(key); err != nil {
		return certinfo.Stored{}, problem.New(problem.CodeInternal, err)
	}
	// The attempt is in the vault before the password leaves: a crash
	// after this point never sends it again.
	if err := d.startPending(p, "vero.order"); err != nil {
		return certinfo.Stored{}, err
	}
	reportFI(progress, p.State)
	id, err := svc.SignNewCertificate(ctx, o.BusinessID, o.CompanyName, o.TransferID, transferPassword, csr)
	if err != nil {
		return certinfo.Stored{}, d.sendFailed(p, err, progress)
	}
	return d.await(ctx, svc, p, id, key, progress)
}

// PendingFIOrder returns the order (or renewal) whose request was sent but
// whose certificate was not stored, as after a crash, and where it stood;
// false when there is none.
func (d *Desk) PendingFIOrder() (dossier.FIOrder, dossier.FIOrderState, bool, error) {
	p, err := d.pending()
	if err != nil || p == nil {
		return dossier.FIOrder{}, dossier.FIOrderState{}, false, err
	}
	return p.Order, p.State, true, nil
}

// ResumeFIOrder continues the pending order with GetCertificate and its
// saved RetrievalId (a new round of at most fiMaxAttempts calls), never
// sending the TransferPassword again. When the request was sent but its
// RetrievalId never came back, nothing can be fetched: the pending order
// is dropped and the error says to order again.
func (d *Desk) ResumeFIOrder(ctx context.Context, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
	p, err := d.pending()
	if err != nil {
		return certinfo.Stored{}, err
	}
	if p == nil {
		return certinfo.Stored{}, problem.New(problem.CodeVeroNoPendingOrder, nil)
	}
	if p.State.RetrievalID == "" {
		if err := d.dropPending(p.Order.Name, "vero.abandon"); err != nil {
			return certinfo.Stored{}, err
		}
		return certinfo.Stored{}, problem.New(problem.CodeVeroRetrievalUnknown, errors.New("the request was sent but no RetrievalId came back"))
	}
	svc, err := d.fiService(p.Order.Environment)
	if err != nil {
		return certinfo.Stored{}, err
	}
	k, err := x509.ParsePKCS8PrivateKey(p.Key)
	key, ok := k.(*rsa.PrivateKey)
	if err != nil || !ok {
		return certinfo.Stored{}, problem.New(problem.CodeVaultDamaged, fmt.Errorf("the pending order's key: %v", err))
	}
	p.State.Attempts = 0
	return d.await(ctx, svc, p, p.State.RetrievalID, key, progress)
}

// RenewFICertificate renews the Incomes Register certificate called name:
// a new key and CSR, a RenewCertificateRequest signed with the current key
// and certificate, then GetCertificate. The old certificate stays stored
// and in use until the new one replaces it under the same name.
func (d *Desk) RenewFICertificate(ctx context.Context, name string, progress func(dossier.FIOrderState)) (certinfo.Stored, error) {
	if err := d.CanRenewFI(name); err != nil {
		return certinfo.Stored{}, err
	}
	if p, err := d.pending(); err != nil {
		return certinfo.Stored{}, err
	} else if p != nil {
		return certinfo.Stored{}, problem.New(problem.CodeVeroOrderPending, nil)
	}
	cur, err := d.Certificate(name)
	if err != nil {
		return certinfo.Stored{}, err
	}
	o := d.renewalOrder(name, cur)
	svc, err := d.fiService(o.Environment)
	if err != nil {
		return certinfo.Stored{}, err
	}
	key, csr, err := newKeyAndCSR(o)
	if err != nil {
		return certinfo.Stored{}, err
	}
	p := &fiPending{Order: o, Renewal: true, State: dossier.FIOrderState{Step: dossier.FIStepSent}}
	if p.Key, err = x509.MarshalPKCS8PrivateKey(key); err != nil {
		return certinfo.Stored{}, problem.New(problem.CodeInternal, err)
	}
	if err := d.startPending(p, "vero.renew"); err != nil {
		return certinfo.Stored{}, err
	}
	reportFI(progress, p.State)
	id, err := svc.RenewCertificate(ctx, o.BusinessID, o.CompanyName, csr, cur.Signer(), cur.Leaf())
	if err != nil {
		return certinfo.Stored{}, d.sendFailed(p, err, progress)
	}
	return d.await(ctx, svc, p, id, key, progress)
}

// CanRenewFI says whether the certificate called name can be renewed with
// Vero now: nil, or an error whose code says why not (not an Incomes
// Register certificate, expired, not within 60 days of its end).
func (d *Desk) CanRenewFI(name string) error {
	c, err := d.Certificate(name)
	if err != nil {
		return err
	}
	if !c.Identity().YTunnus.IsValid() {
		return problem.New(problem.CodeVeroNotRenewable, nil)
	}
	info := c.Describe(d.cfg.Now())
	switch info.Status {
	case certs.StatusExpired:
		return problem.New(problem.CodeCertExpired, nil)
	case certs.StatusExpiring:
		return nil
	}
	return problem.New(problem.CodeVeroRenewalTooEarly, nil)
}

// checkFIOrder checks and normalises what the user typed.
func (d *Desk) checkFIOrder(o dossier.FIOrder, transferPassword []byte) (dossier.FIOrder, error) {
	o.CompanyName = strings.TrimSpace(o.CompanyName)
	o.TransferID = strings.TrimSpace(o.TransferID)
	if o.CompanyName == "" || o.TransferID == "" || len(transferPassword) == 0 || strings.TrimSpace(o.BusinessID) == "" {
		return o, problem.New(problem.CodeVeroOrderIncomplete, nil)
	}
	n, err := ident.ParseOrgNr(o.BusinessID, d.identOptions(ident.CountryFI))
	if err != nil || n.Kind() != ident.FIYTunnus {
		return o, problem.New(problem.CodeInvalidNumber, err)
	}
	o.BusinessID = n.String()
	if o.Environment == "" {
		o.Environment = string(d.Environment())
	}
	switch Environment(o.Environment) {
	case EnvSandbox, EnvTest, EnvProduction:
	default:
		return o, problem.New(problem.CodeVeroNotConnected, fmt.Errorf("environment %q", o.Environment))
	}
	if o.Name == "" {
		o.Name = "Tulorekisteri " + o.BusinessID
	}
	name, err := checkCertName(o.Name)
	if err != nil {
		return o, err
	}
	o.Name = name
	if p, err := d.pending(); err != nil {
		return o, err
	} else if p != nil {
		return o, problem.New(problem.CodeVeroOrderPending, nil)
	}
	return o, nil
}

// fiService connects to the certificate service of environment.
func (d *Desk) fiService(environment string) (FICertificateService, error) {
	if !d.Unlocked() {
		return nil, problem.New(problem.CodeLocked, nil)
	}
	if d.cfg.FICertificates == nil {
		return nil, problem.New(problem.CodeVeroNotConnected, nil)
	}
	svc, err := d.cfg.FICertificates(environment)
	if err != nil {
		if problem.CodeOf(err) == "" {
			return nil, problem.New(problem.CodeVeroNotConnected, err)
		}
		return nil, err
	}
	return svc, nil
}

// renewalOrder describes the renewal of the stored certificate cur: its
// company from the certificate, its environment from the order it came
// from (or, for an imported one, this desk's environment).
func (d *Desk) renewalOrder(name string, cur *certs.Certificate) dossier.FIOrder {
	o := dossier.FIOrder{Name: name, BusinessID: cur.Identity().YTunnus.String(), Environment: string(d.Environment())}
	if org := cur.Leaf().Subject.Organization; len(org) > 0 {
		o.CompanyName = org[0]
	}
	_ = d.withVault(func(v *vault.Vault) error {
		data, err := v.Get(veroBucket, orderPrefix+name)
		if err != nil {
			return nil
		}
		var was dossier.FIOrder
		if json.Unmarshal(data, &was) == nil && was.Environment != "" {
			o.Environment = was.Environment
			if o.CompanyName == "" {
				o.CompanyName = was.CompanyName
			}
		}
		return nil
	})
	return o
}

// newKeyAndCSR makes the new RSA-2048 key and its SHA-256 PKCS#10
// request for o: CN = the Y-tunnus, O = the company, C = FI (registries.md
// §2.4; registry/vero.CSR makes the same).
func newKeyAndCSR(o dossier.FIOrder) (*rsa.PrivateKey, []byte, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, nil, problem.New(problem.CodeInternal, fmt.Errorf("making an RSA-2048 key: %w", err))
	}
	tmpl := &x509.CertificateRequest{
		Subject:            pkix.Name{CommonName: o.BusinessID, Organization: []string{o.CompanyName}, Country: []string{"FI"}},
		SignatureAlgorithm: x509.SHA256WithRSA,
	}
	csr, err := x509.CreateCertificateRequest(rand.Reader, tmpl, key)
	if err != nil {
		return nil, nil, problem.New(problem.CodeInternal, fmt.Errorf("making the certificate request: %w", err))
	}
	return key, csr, nil
}

func reportFI(progress func(dossier.FIOrderState), s dossier.FIOrderState) {
	if progress != nil {
		progress(s)
	}
}
