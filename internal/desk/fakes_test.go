package desk

import (
	"context"
	"crypto"
	"errors"
	"io"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/registry/rrh"
)

// fakeConnector builds fakeRegisters and remembers what it was asked.
type fakeConnector struct {
	mu          sync.Mutex
	connections []Connection
	built       []*fakeRegisters
	// world answers the fake sources: the answers of Enhetsregisteret and
	// grunndataWS, and the owners, by organisation number.
	brreg, grunndata map[string]dossier.Answer
	owners           map[string]*dossier.Owners
	names            map[string]string
	changes          []OwnersChange
	failing          map[string]bool // owners lookups that fail
	down             map[string]bool // sources that cannot be reached, by ID
}

// unreachable is the answer of a source that cannot be reached.
func unreachable(id string) dossier.Source {
	return dossier.Source{ID: id, Status: dossier.StatusFailed, Code: "http_503", Message: "unavailable"}
}

// fakeRegisters are the clients of one Connect; they hold the secrets a
// real connector's would (a signer, a token, a password) until released.
type fakeRegisters struct {
	c *fakeConnector

	mu       sync.Mutex
	password string        // the grunndataWS password
	signer   crypto.Signer // the Maskinporten signer
	token    *fakeToken    // the cached access token
	released bool
	asked    int
}

// fakeToken is a cached access token.
type fakeToken struct{ AccessToken string }

func (c *fakeConnector) Connect(ctx context.Context, conn Connection) (*Registers, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r := &fakeRegisters{c: c, password: conn.Settings.GrunndataPassword, token: &fakeToken{"eyJ.fake-access-token"}}
	if conn.Certificate != nil {
		r.signer = conn.Certificate.Signer()
	}
	c.connections = append(c.connections, conn)
	c.built = append(c.built, r)
	regs := &Registers{Organisations: brregFake{r}, Names: r, Search: r, Release: r.release}
	if conn.Settings.GrunndataUser != "" {
		regs.Registrations = grunndataFake{r}
	}
	if conn.Settings.MaskinportenClientID != "" {
		regs.Owners = r
	} else {
		regs.NoOwners = dossier.Source{ID: "rrh", Status: dossier.StatusNoAccess, Code: "no_client"}
	}
	return regs, nil
}

func (c *fakeConnector) connects() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.connections)
}

func (r *fakeRegisters) release() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.password, r.signer, r.token, r.released = "", nil, nil, true
}

// ask counts a question and fails after release, as a closed client does.
func (r *fakeRegisters) ask() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.released {
		return errors.New("closed")
	}
	r.asked++
	return nil
}

type brregFake struct{ r *fakeRegisters }

func (f brregFake) Lookup(ctx context.Context, orgnr string) dossier.Answer {
	if err := f.r.ask(); err != nil {
		return dossier.Answer{Source: dossier.Source{ID: "brreg", Status: dossier.StatusFailed, Code: "closed"}}
	}
	if f.r.c.down["brreg"] {
		return dossier.Answer{Source: unreachable("brreg")}
	}
	if a, ok := f.r.c.brreg[orgnr]; ok {
		return a
	}
	return dossier.Answer{Source: dossier.Source{ID: "brreg", Status: dossier.StatusNotFound}}
}

type grunndataFake struct{ r *fakeRegisters }

func (f grunndataFake) Lookup(ctx context.Context, orgnr string) dossier.Answer {
	if err := f.r.ask(); err != nil {
		return dossier.Answer{Source: dossier.Source{ID: "grunndata", Status: dossier.StatusFailed, Code: "closed"}}
	}
	if f.r.c.down["grunndata"] {
		return dossier.Answer{Source: unreachable("grunndata")}
	}
	if a, ok := f.r.c.grunndata[orgnr]; ok {
		return a
	}
	return dossier.Answer{Source: dossier.Source{ID: "grunndata", Status: dossier.StatusNotFound}}
}

func (r *fakeRegisters) Name(ctx context.Context, orgnr string) (string, error) {
	if name, ok := r.c.names[orgnr]; ok {
		return name, nil
	}
	return "", errors.New("no such unit")
}

func (r *fakeRegisters) Lookup(ctx context.Context, orgnr string) (*dossier.Owners, dossier.Source) {
	if err := r.ask(); err != nil {
		return nil, dossier.Source{ID: "rrh", Status: dossier.StatusFailed, Code: "closed"}
	}
	if r.c.failing[orgnr] || r.c.down["rrh"] {
		return nil, dossier.Source{ID: "rrh", Status: dossier.StatusFailed, Code: "http_503", Message: "unavailable"}
	}
	if o, ok := r.c.owners[orgnr]; ok {
		cp := *o
		cp.Owners = append([]dossier.BeneficialOwner(nil), o.Owners...)
		return &cp, dossier.Source{ID: "rrh", Status: dossier.StatusFound}
	}
	return nil, dossier.Source{ID: "rrh", Status: dossier.StatusNotFound, Code: "not_required"}
}

func (r *fakeRegisters) Sequence(ctx context.Context, at time.Time) (int64, error) { return 1, nil }

func (r *fakeRegisters) Changes(ctx context.Context, after int64) ([]OwnersChange, error) {
	var out []OwnersChange
	for _, c := range r.c.changes {
		if c.Seq > after {
			out = append(out, c)
		}
	}
	return out, nil
}

// rrhFiles reads the register's downloads with the real parser, as
// internal/setup's reader does; no network is involved.
type rrhFiles struct{}

func (rrhFiles) ReadZip(r io.ReaderAt, size int64, each func(*dossier.Owners) error) error {
	_, err := rrh.ReadTotal(r, size, each)
	return err
}

func (rrhFiles) ReadStream(r io.Reader, each func(*dossier.Owners) error) error {
	_, err := rrh.ReadTotalStream(r, rrh.Detect, each)
	return err
}
