package setup

import (
	"context"
	"errors"
	"io"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/registry/brreg"
	"github.com/motpart/motpart/internal/registry/maskinporten"
	"github.com/motpart/motpart/internal/registry/rrh"
)

// errClosed is what a client answers after the desk released it.
var errClosed = errors.New("the register clients were closed when the vault was locked")

// organisations is Enhetsregisteret's open API as the desk asks it.
type organisations struct{ rest *brreg.REST }

// Lookup implements desk.OrganisationSource.
func (o organisations) Lookup(ctx context.Context, orgnr string) dossier.Answer {
	return answer(o.rest.Lookup(ctx, orgnr))
}

// Name implements desk.NameSource.
func (o organisations) Name(ctx context.Context, orgnr string) (string, error) {
	c, err := o.rest.Unit(ctx, orgnr)
	if err != nil {
		return "", err
	}
	if c == nil {
		return "", errors.New("enhetsregisteret: no unit " + orgnr)
	}
	return c.Name, nil
}

// SearchUnits implements desk.UnitSearcher.
func (o organisations) SearchUnits(ctx context.Context, name string, subUnits bool, limit int) ([]dossier.SearchHit, int, error) {
	page, err := o.rest.Search(ctx, brreg.SearchQuery{Name: name, SubUnits: subUnits, Size: limit})
	if err != nil {
		return nil, 0, err
	}
	hits := make([]dossier.SearchHit, 0, len(page.Units))
	for i := range page.Units {
		hits = append(hits, dossier.HitOf(&page.Units[i], "NO"))
	}
	return hits, page.TotalElements, nil
}

// answer is a brreg.Result as a dossier.Answer.
func answer(r brreg.Result) dossier.Answer {
	return dossier.Answer{Company: r.Company, Roles: r.Roles, SubUnits: r.SubUnits, Source: r.Source}
}

// registrations is grunndataWS as the desk asks it. It holds the account's
// password until close.
type registrations struct {
	now func() time.Time

	mu sync.Mutex
	g  *brreg.Grunndata
}

// Lookup implements desk.RegistrationSource.
func (r *registrations) Lookup(ctx context.Context, orgnr string) dossier.Answer {
	r.mu.Lock()
	g := r.g
	r.mu.Unlock()
	if g == nil {
		return dossier.Answer{Source: dossier.Source{ID: brreg.SourceGrunndata, Status: dossier.StatusFailed, Code: "closed",
			Message: errClosed.Error(), Fetched: r.now().UTC()}}
	}
	return answer(g.Lookup(ctx, orgnr))
}

// close drops the client and the account it holds.
func (r *registrations) close() {
	r.mu.Lock()
	r.g = nil
	r.mu.Unlock()
}

// tokens is the Maskinporten client as the owners register's client gets
// its tokens: it holds the signer and the cached token until close.
type tokens struct {
	mu sync.Mutex
	mp *maskinporten.Client
}

// Token implements rrh.TokenSource.
func (t *tokens) Token(ctx context.Context) (maskinporten.Token, error) {
	t.mu.Lock()
	mp := t.mp
	t.mu.Unlock()
	if mp == nil {
		return maskinporten.Token{}, errClosed
	}
	return mp.Token(ctx)
}

// Invalidate implements rrh.TokenSource.
func (t *tokens) Invalidate() {
	t.mu.Lock()
	mp := t.mp
	t.mu.Unlock()
	if mp != nil {
		mp.Invalidate()
	}
}

// close drops the cached token and the client with its signer.
func (t *tokens) close() {
	t.mu.Lock()
	mp := t.mp
	t.mp = nil
	t.mu.Unlock()
	if mp != nil {
		mp.Invalidate()
	}
}

// owners is the Register of beneficial owners as the desk asks it.
type owners struct{ c *rrh.Client }

// Lookup implements desk.OwnersSource.
func (o owners) Lookup(ctx context.Context, orgnr string) (*dossier.Owners, dossier.Source) {
	return o.c.Lookup(ctx, orgnr)
}

// Sequence implements desk.OwnersSource.
func (o owners) Sequence(ctx context.Context, at time.Time) (int64, error) {
	return o.c.Sequence(ctx, at)
}

// Changes implements desk.OwnersSource.
func (o owners) Changes(ctx context.Context, after int64) ([]desk.OwnersChange, error) {
	changes, err := o.c.Changes(ctx, after)
	if err != nil {
		return nil, err
	}
	out := make([]desk.OwnersChange, len(changes))
	for i, c := range changes {
		out[i] = desk.OwnersChange{Seq: c.Seq, OrgNr: c.OrgNr}
	}
	return out, nil
}

// OwnersFiles reads the Register of beneficial owners' full downloads
// (it is the desk's desk.OwnersFileReader).
type OwnersFiles struct{}

// ReadZip implements desk.OwnersFileReader.
func (OwnersFiles) ReadZip(r io.ReaderAt, size int64, each func(*dossier.Owners) error) error {
	_, err := rrh.ReadTotal(r, size, each)
	return err
}

// ReadStream implements desk.OwnersFileReader.
func (OwnersFiles) ReadStream(r io.Reader, each func(*dossier.Owners) error) error {
	_, err := rrh.ReadTotalStream(r, rrh.Detect, each)
	return err
}
