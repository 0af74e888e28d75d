package desk

// This file holds the AML-document use cases (issue 14): ordering the AML
// report and the certificate of registration from BankID, the orders kept
// in the vault and BankID's data per organisation. Following an order in
// the background is amlfollow.go; the documents kept in the vault are
// amldocs.go.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// Vault buckets of the AML use cases. Their names say what they hold and
// nothing about whom; record keys are session ids, document ids and
// organisation numbers, which the vault stores as keyed hashes.
const (
	amlOrdersBucket = "aml_orders"    // one record per order, by session id
	amlDataBucket   = "aml_data"      // BankID's data of the latest session read, by organisation number
	amlDocsBucket   = "aml_documents" // one dossier.Document per stored PDF, by document id
	amlBlobPrefix   = "aml/"          // a document's PDF is the blob amlBlobPrefix + its id
)

// amlKeptFor is how long AMLOrders lists a finished order.
const amlKeptFor = 7 * 24 * time.Hour

// amlLifetime is a session's life when BankID does not say (spec §5.3).
const amlLifetime = 2 * time.Hour

// amlNumber checks an organisation number for an order: a Norwegian,
// Swedish or Finnish organisation number, or a D-U-N-S number with the
// country asked for. country, when set, must be the number's.
func (d *Desk) amlNumber(number string, country string) (ident.Number, ident.Country, error) {
	cc := ident.Country(strings.ToUpper(strings.TrimSpace(country)))
	switch cc {
	case ident.CountryNone, ident.CountryNO, ident.CountrySE, ident.CountryFI:
	default:
		return ident.Number{}, "", problem.New(problem.CodeBankIDInvalidIdentifier, fmt.Errorf("BankID serves Norway, Sweden and Finland, not %q", country))
	}
	n, err := ident.Parse(number, d.identOptions(cc))
	if err == nil && n.IsPersonal() {
		return ident.Number{}, "", problem.New(problem.CodePersonalNumber, nil)
	}
	if err != nil {
		return ident.Number{}, "", problem.New(problem.CodeBankIDInvalidIdentifier, err)
	}
	c, err := amlCountry(n, cc)
	return n, c, err
}

// amlCountry is the country of an order for n: the number's, or for a
// D-U-N-S number the one asked for.
func amlCountry(n ident.Number, asked ident.Country) (ident.Country, error) {
	switch {
	case !n.IsValid():
		return "", problem.New(problem.CodeInvalidNumber, nil)
	case n.IsPersonal():
		return "", problem.New(problem.CodePersonalNumber, nil)
	case n.Country() != ident.CountryNone:
		if asked != ident.CountryNone && asked != n.Country() {
			return "", problem.New(problem.CodeBankIDInvalidIdentifier, fmt.Errorf("a number of %s, not %s", n.Country(), asked))
		}
		return n.Country(), nil
	case asked != ident.CountryNone: // D-U-N-S
		return asked, nil
	}
	return "", problem.New(problem.CodeBankIDInvalidIdentifier, errors.New("a D-U-N-S number needs the country asked about"))
}

// amlDocuments checks the document kinds asked for; none means both.
func amlDocuments(kinds []string) ([]string, error) {
	if len(kinds) == 0 {
		return []string{dossier.DocumentAML, dossier.DocumentRegistration}, nil
	}
	var out []string
	for _, k := range kinds {
		k = strings.ToLower(strings.TrimSpace(k))
		if k != dossier.DocumentAML && k != dossier.DocumentRegistration {
			return nil, problem.New(problem.CodeBadSetting, fmt.Errorf("no document kind %q: want %s or %s", k, dossier.DocumentAML, dossier.DocumentRegistration))
		}
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out, nil
}

// CanOrderAML says whether AML documents can be ordered for a valid
// number: nil, or an error whose problem code says why not
// (problem.CodeBankIDNotConnected, problem.CodePersonalNumber...). In the
// sandbox the simulator answers; elsewhere BankID needs a client id and a
// secret, or a certificate for private_key_jwt. It may connect the
// registers (and start the sandbox) when they are not yet.
func (d *Desk) CanOrderAML(n ident.Number) error {
	if _, err := amlCountry(n, ident.CountryNone); err != nil && n.Kind() != ident.DUNS {
		return err
	}
	s, err := d.RegisterSettings()
	if err != nil {
		return err
	}
	if err := d.bankIDConnected(s); err != nil {
		return err
	}
	_, err = d.amlSource(context.Background())
	if c := problem.CodeOf(err); c != "" && c != problem.CodeLocked && c != problem.CodeBankIDConfig && c != problem.CodeBankIDNotConnected {
		return problem.New(problem.CodeBankIDNotConnected, err)
	}
	return err
}

// bankIDConnected says whether settings s connect BankID.
func (d *Desk) bankIDConnected(s RegisterSettings) error {
	if d.environment(s) == EnvSandbox {
		return nil
	}
	switch {
	case s.BankIDClientID == "":
	case s.BankIDAuth == BankIDAuthPrivateKeyJWT && s.BankIDCertificate != "":
		return nil
	case s.BankIDAuth != BankIDAuthPrivateKeyJWT && s.BankIDSecret != "":
		return nil
	}
	return problem.New(problem.CodeBankIDNotConnected, nil)
}

// amlSource returns BankID's client, or why there is none.
func (d *Desk) amlSource(ctx context.Context) (AMLSource, error) {
	regs, err := d.registers(ctx)
	if err != nil {
		return nil, err
	}
	if regs.AML == nil {
		if regs.NoAML != nil {
			return nil, regs.NoAML
		}
		return nil, problem.New(problem.CodeBankIDNotConnected, nil)
	}
	return regs.AML, nil
}

// OrderAML orders AML documents from BankID: it creates the session,
// keeps the order in the vault, and follows it in the background until
// every part is stored, failed or expired (or the vault locks; following
// resumes at the next unlock while the session lives). It returns as soon
// as BankID has accepted the order.
func (d *Desk) OrderAML(ctx context.Context, req dossier.AMLRequest) (dossier.AMLOrder, error) {
	n, country, err := d.amlNumber(req.Number, req.Country)
	if err != nil {
		return dossier.AMLOrder{}, err
	}
	docs, err := amlDocuments(req.Documents)
	if err != nil {
		return dossier.AMLOrder{}, err
	}
	s, err := d.RegisterSettings()
	if err != nil {
		return dossier.AMLOrder{}, err
	}
	if err := d.bankIDConnected(s); err != nil {
		return dossier.AMLOrder{}, err
	}
	src, err := d.amlSource(ctx)
	if err != nil {
		return dossier.AMLOrder{}, err
	}
	orgnr := n.String()
	sess, err := src.CreateSession(ctx, AMLSessionOrder{OrgNr: orgnr, Country: country, Documents: docs, CallbackURL: s.BankIDCallbackURL})
	if err != nil {
		return dossier.AMLOrder{}, err
	}
	o := dossier.AMLOrder{ID: sess.ID, OrgNr: orgnr, Country: string(country), Name: d.clientName(orgnr),
		OrderedAt: sess.Created.UTC(), ExpiresAt: sess.Expires.UTC()}
	if o.OrderedAt.IsZero() {
		o.OrderedAt = d.cfg.Now().UTC()
	}
	if o.ExpiresAt.IsZero() {
		o.ExpiresAt = o.OrderedAt.Add(amlLifetime)
	}
	o.Parts = append(o.Parts, dossier.OrderPart{Kind: dossier.PartData, State: dossier.OrderWaiting})
	for _, k := range docs {
		o.Parts = append(o.Parts, dossier.OrderPart{Kind: k, State: dossier.OrderWaiting})
	}
	err = d.saveOrder(&o, func(tx *vault.Tx) error {
		return tx.Audit(vault.AuditEntry{Action: "aml.order", Subject: orgnr, Detail: strings.Join(docs, ",") + " session " + o.ID})
	})
	if err != nil {
		return dossier.AMLOrder{}, err
	}
	d.notify(o)
	d.follow(o.ID)
	return o, nil
}

// clientName is the name of the organisation orgnr as the vault knows
// it, or "".
func (d *Desk) clientName(orgnr string) string {
	if dos, err := d.savedDossier(orgnr); err == nil && dos.Company != nil && dos.Company.Name != "" {
		return dos.Company.Name
	}
	if a, err := d.amlData(orgnr); err == nil && a != nil && a.Key != nil {
		return a.Key.Name
	}
	return ""
}

// saveOrder stores o, and runs also (when not nil) in the same
// transaction.
func (d *Desk) saveOrder(o *dossier.AMLOrder, also func(tx *vault.Tx) error) error {
	b, err := json.Marshal(o)
	if err != nil {
		return problem.New(problem.CodeInternal, fmt.Errorf("encoding an AML order: %w", err))
	}
	return d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			if err := tx.Put(amlOrdersBucket, o.ID, b); err != nil {
				return err
			}
			if also != nil {
				return also(tx)
			}
			return nil
		}))
	})
}

// readOrder decodes a stored order.
func readOrder(b []byte) (dossier.AMLOrder, error) {
	var o dossier.AMLOrder
	if err := json.Unmarshal(b, &o); err != nil {
		return o, problem.New(problem.CodeVaultDamaged, fmt.Errorf("decoding an AML order: %w", err))
	}
	return o, nil
}

// AMLOrders lists the orders kept in the vault, newest first: those being
// followed and the finished ones of the last days.
func (d *Desk) AMLOrders() ([]dossier.AMLOrder, error) {
	all, err := d.allOrders()
	if err != nil {
		return nil, err
	}
	since := d.cfg.Now().Add(-amlKeptFor)
	out := all[:0]
	for _, o := range all {
		d.asOfNow(&o)
		if !o.Finished() || o.OrderedAt.After(since) {
			out = append(out, o)
		}
	}
	return out, nil
}

// allOrders returns every order kept, newest first.
func (d *Desk) allOrders() ([]dossier.AMLOrder, error) {
	var out []dossier.AMLOrder
	err := d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.ForEach(amlOrdersBucket, func(_ string, b []byte) error {
			o, err := readOrder(b)
			if err != nil {
				return err
			}
			out = append(out, o)
			return nil
		}))
	})
	slices.SortFunc(out, func(a, b dossier.AMLOrder) int {
		if c := b.OrderedAt.Compare(a.OrderedAt); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, err
}

// AMLOrder returns one order as the vault has it. An unfinished order
// whose session's life is over is shown expired, never as current, even
// before its follower has noted it.
func (d *Desk) AMLOrder(id string) (dossier.AMLOrder, error) {
	o, err := d.storedOrder(id)
	d.asOfNow(&o)
	return o, err
}

// asOfNow shows o expired when its session's life is over and it is not
// finished.
func (d *Desk) asOfNow(o *dossier.AMLOrder) {
	if o.ID != "" && !o.Finished() && !d.cfg.Now().Before(o.ExpiresAt) {
		expireOrder(o)
	}
}

// storedOrder returns one order exactly as the vault has it.
func (d *Desk) storedOrder(id string) (dossier.AMLOrder, error) {
	var o dossier.AMLOrder
	err := d.withVault(func(v *vault.Vault) error {
		b, err := v.Get(amlOrdersBucket, id)
		if errors.Is(err, vault.ErrNotFound) {
			return problem.New(problem.CodeAMLOrderNotFound, nil)
		}
		if err != nil {
			return vaultProblem(err)
		}
		o, err = readOrder(b)
		return err
	})
	return o, err
}

// RefreshAMLOrder asks BankID once about an order, stores what is ready
// and returns the order.
func (d *Desk) RefreshAMLOrder(ctx context.Context, id string) (dossier.AMLOrder, error) {
	o, _, err := d.amlStep(ctx, id)
	return o, err
}

// WaitAMLOrder waits until the order is finished (every part ready,
// failed, expired or stopped) or ctx ends.
func (d *Desk) WaitAMLOrder(ctx context.Context, id string) (dossier.AMLOrder, error) {
	changed := make(chan struct{}, 1)
	stop := d.WatchAMLOrders(func(o dossier.AMLOrder) {
		if o.ID == id {
			select {
			case changed <- struct{}{}:
			default:
			}
		}
	})
	defer stop()
	for {
		locked := d.lockedSignal()
		o, err := d.AMLOrder(id)
		if err != nil || o.Finished() {
			return o, err
		}
		d.follow(id)
		select {
		case <-changed:
		case <-locked:
		case <-ctx.Done():
			return o, problem.New(problem.CodeCanceled, ctx.Err())
		}
	}
}

// WatchAMLOrders calls f, from the desk's goroutines, with each order
// whose state changed, until stop is called. f should return soon: the
// order's follower waits for it.
func (d *Desk) WatchAMLOrders(f func(dossier.AMLOrder)) (stop func()) {
	a := &d.aml
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.watchers == nil {
		a.watchers = map[int]func(dossier.AMLOrder){}
	}
	a.nextWatcher++
	key := a.nextWatcher
	a.watchers[key] = f
	return func() {
		a.mu.Lock()
		defer a.mu.Unlock()
		delete(a.watchers, key)
	}
}

// notify calls the watchers with o.
func (d *Desk) notify(o dossier.AMLOrder) {
	a := &d.aml
	a.mu.Lock()
	keys := make([]int, 0, len(a.watchers))
	for k := range a.watchers {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	fs := make([]func(dossier.AMLOrder), 0, len(keys))
	for _, k := range keys {
		fs = append(fs, a.watchers[k])
	}
	a.mu.Unlock()
	for _, f := range fs {
		c := o
		c.Parts = slices.Clone(o.Parts)
		f(c)
	}
}

// StopAMLOrder stops following an order; its unfinished parts become
// dossier.OrderStopped. BankID's session is not cancelled.
func (d *Desk) StopAMLOrder(id string) error {
	d.unfollow(id)
	unlock := d.lockStep(id)
	o, err := d.storedOrder(id)
	if err != nil || o.Finished() {
		unlock()
		return err
	}
	for i := range o.Parts {
		if !o.Parts[i].State.Finished() {
			o.Parts[i].State = dossier.OrderStopped
		}
	}
	err = d.saveOrder(&o, nil)
	unlock()
	if err != nil {
		return err
	}
	d.notify(o)
	return nil
}

// amlRecord is BankID's data of an organisation as kept: the latest
// session read, with when it was ordered.
type amlRecord struct {
	Ordered time.Time    `json:"ordered"`
	AML     *dossier.AML `json:"aml"`
}

// AML returns the AML data of the latest session read for a number; nil
// when none was read.
func (d *Desk) AML(orgnr string) (*dossier.AML, error) {
	n, err := ident.ParseOrgNr(orgnr, d.identOptions(""))
	if err != nil {
		return nil, problem.New(problem.CodeNotOrgNr, err)
	}
	return d.amlData(n.String())
}

// amlData is AML for a canonical number.
func (d *Desk) amlData(orgnr string) (*dossier.AML, error) {
	var rec amlRecord
	err := d.withVault(func(v *vault.Vault) error {
		b, err := v.Get(amlDataBucket, orgnr)
		if errors.Is(err, vault.ErrNotFound) {
			return nil
		}
		if err != nil {
			return vaultProblem(err)
		}
		if err := json.Unmarshal(b, &rec); err != nil {
			return problem.New(problem.CodeVaultDamaged, fmt.Errorf("decoding AML data: %w", err))
		}
		return nil
	})
	return rec.AML, err
}

// putAMLData keeps a, read for order o, as orgnr's data unless data of a
// later order is kept already.
func putAMLData(tx *vault.Tx, o *dossier.AMLOrder, a *dossier.AML) error {
	b, err := tx.Get(amlDataBucket, o.OrgNr)
	switch {
	case errors.Is(err, vault.ErrNotFound):
	case err != nil:
		return err
	default:
		var old amlRecord
		if json.Unmarshal(b, &old) == nil && old.Ordered.After(o.OrderedAt) {
			return nil
		}
	}
	b, err = json.Marshal(amlRecord{Ordered: o.OrderedAt, AML: a})
	if err != nil {
		return err
	}
	return tx.Put(amlDataBucket, o.OrgNr, b)
}
