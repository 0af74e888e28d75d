package setup

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/certs"
	"github.com/motpart/motpart/internal/classify"
	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/scb"
	"github.com/motpart/motpart/internal/registry/transport"
	"github.com/motpart/motpart/internal/sandbox"
)

// scbSource is SCB's client as the desk asks it (desk.SwedishSource and
// desk.SectorFileSource). It holds the client, and through its transport
// the certificate's key, until close.
type scbSource struct {
	now func() time.Time

	mu sync.Mutex
	c  *scb.Client
	t  *transport.Client
}

// client returns the client, or nil after close.
func (s *scbSource) client() *scb.Client {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.c
}

// Lookup implements desk.SwedishSource.
func (s *scbSource) Lookup(ctx context.Context, orgnr string) dossier.Answer {
	c := s.client()
	if c == nil {
		return dossier.Answer{Source: dossier.Source{ID: scb.SourceID, Status: dossier.StatusFailed, Code: "closed",
			Message: errClosed.Error(), Fetched: s.now().UTC()}}
	}
	return c.Lookup(ctx, orgnr)
}

// SectorFile implements desk.SectorFileSource.
func (s *scbSource) SectorFile(ctx context.Context, w io.Writer, progress func(read, total int64)) (int64, error) {
	c := s.client()
	if c == nil {
		return 0, problem.New(problem.CodeLocked, errClosed)
	}
	return c.SectorFile(ctx, w, progress)
}

// close drops the client and closes its connections.
func (s *scbSource) close() {
	s.mu.Lock()
	t := s.t
	s.c, s.t = nil, nil
	s.mu.Unlock()
	if t != nil {
		t.CloseIdleConnections()
	}
}

// scbClient builds SCB's client for conn: mutual TLS with the SCB
// certificate chosen in the settings (in the sandbox, the demo one when
// none is chosen), its API-Id from the certificate's CN. When it cannot,
// it returns why (the desk's Registers.NoSwedish).
func (c *Connector) scbClient(conn desk.Connection, sb *sandbox.Sandbox, baseURL string, tcfg transport.Config) (*scbSource, error) {
	cert := conn.SCBCertificate
	switch {
	case conn.SCBCertificateMissing:
		return nil, problem.New(problem.CodeSCBNotConnected, fmt.Errorf("the certificate %q chosen for SCB is not in the vault", conn.Settings.SCBCertificate))
	case cert == nil && sb != nil:
		cert = demoSCBCertificate(sb)
	}
	if cert == nil {
		return nil, problem.New(problem.CodeSCBNotConnected, errors.New("no SCB certificate is chosen"))
	}
	tc, err := cert.TLSCertificate()
	if err != nil {
		return nil, problem.New(problem.CodeSCBNotConnected, fmt.Errorf("the SCB certificate: %w", err))
	}
	// SCB's client keeps the rate limit itself and a 503 is maintenance:
	// the transport does not retry.
	tcfg.ClientCert, tcfg.Retries = &tc, -1
	t, err := transport.New(tcfg)
	if err != nil {
		return nil, problem.New(problem.CodeInternal, fmt.Errorf("setting up SCB's connection: %w", err))
	}
	var codes scb.CodeCache
	if conn.Codes != nil {
		codes = conn.Codes
	}
	apiID := cert.Identity().SCBAPIID // from the CN, else the file name
	if apiID == "" {
		apiID = scb.APIIDOf(cert.Leaf().Subject.CommonName)
	}
	client, err := scb.New(scb.Config{BaseURL: baseURL, APIID: apiID, Codes: codes,
		Now: c.now, Sleep: c.sleep}, t)
	if err != nil {
		return nil, problem.New(problem.CodeSCBNotConnected, err)
	}
	return &scbSource{now: c.now, c: client, t: t}, nil
}

// demoSCBCertificate is the sandbox's SCB demo certificate (API-Id
// sandbox.DemoSCBAPIID), or nil.
func demoSCBCertificate(sb *sandbox.Sandbox) *certs.Certificate {
	for _, demo := range sb.DemoCertificates() {
		if !strings.HasPrefix(demo.FileName, "Certifikat_SokPaVar_"+sandbox.DemoSCBAPIID) {
			continue
		}
		if cert, err := certs.Parse(demo.Data, demo.Password, demo.FileName); err == nil {
			return cert
		}
	}
	return nil
}

// Classifier reads SCB's sector file and customer files and classifies
// them with internal/classify (it is the desk's desk.Classifier).
type Classifier struct {
	// Words are the texts of the added columns; nil: English.
	Words *classify.Words
}

// sectors is a read sector file.
type sectors struct{ idx *classify.Index }

// Len implements desk.Sectors.
func (s sectors) Len() int { return s.idx.Len() }

// Sectors implements desk.Classifier: SCB's zip, or the sektor.txt in it.
func (Classifier) Sectors(r io.ReaderAt, size int64) (desk.Sectors, error) {
	head := make([]byte, 4)
	n, _ := r.ReadAt(head, 0)
	var idx *classify.Index
	var err error
	if bytes.Equal(head[:n], []byte("PK\x03\x04")) {
		idx, err = classify.LoadSectorZip(r, size)
	} else {
		idx, err = classify.LoadSectorFile(io.NewSectionReader(r, 0, size))
	}
	if err != nil {
		return nil, problem.New(problem.CodeSectorFileUnreadable, err)
	}
	return sectors{idx}, nil
}

// Classify implements desk.Classifier.
func (cl Classifier) Classify(ctx context.Context, s desk.Sectors, job desk.ClassifyJob, progress func(done, total int)) (dossier.ClassifySummary, error) {
	ss, ok := s.(sectors)
	if !ok {
		return dossier.ClassifySummary{}, problem.New(problem.CodeInternal, errors.New("sectors not read by this classifier"))
	}
	sum, err := classify.Classify(ctx, classify.Input{Path: job.In, Column: job.Column},
		ss.idx, classify.Output{Path: job.Out, Format: job.Format, Words: cl.Words}, progress)
	if err != nil {
		return dossier.ClassifySummary{}, customerProblem(ctx, job.In, err)
	}
	return dossier.ClassifySummary{Rows: sum.Rows, Matched: sum.Matched, NotInFile: sum.NotInFile, Invalid: sum.Invalid,
		SoleTraders: sum.SoleTraders, BySector: sum.BySector, ByLegalForm: sum.ByLegalForm,
		SectorTexts: sum.SectorTexts, LegalFormTexts: sum.LegalFormTexts, Column: sum.Column}, nil
}

// Preview implements desk.Classifier: the first ten rows.
func (Classifier) Preview(path string) (dossier.CustomerPreview, error) {
	t, err := classify.Preview(path, previewRows)
	if err != nil {
		return dossier.CustomerPreview{NumberColumn: -1}, customerProblem(context.Background(), path, err)
	}
	return dossier.CustomerPreview{Header: t.Header, Rows: t.Rows, NumberColumn: t.NumberColumn}, nil
}

// previewRows is how many rows a preview shows.
const previewRows = 10

// customerProblem gives a classification's error its problem code: the
// customer file in cannot be read, or the output cannot be written.
func customerProblem(ctx context.Context, in string, err error) error {
	var cnf *classify.ColumnNotFoundError
	var fe *classify.FormatError
	var le *classify.LimitError
	var pe *fs.PathError
	var coder problem.Coder
	switch {
	case errors.As(err, &coder) && coder.Problem() != "":
		return err
	case ctx.Err() != nil:
		return problem.New(problem.CodeCanceled, err)
	case errors.Is(err, classify.ErrNoColumn), errors.As(err, &cnf):
		return problem.New(problem.CodeCustomerColumnNotFound, err)
	case errors.As(err, &fe), errors.As(err, &le):
		return problem.New(problem.CodeCustomerFileUnreadable, err)
	case errors.As(err, &pe) && pe.Path != in:
		return problem.New(problem.CodeOutputWriteFailed, err)
	}
	return problem.New(problem.CodeCustomerFileUnreadable, err)
}
