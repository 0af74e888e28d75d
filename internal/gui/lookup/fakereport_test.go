package lookup

import (
	"context"
	"fmt"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
)

// fakeReports answers the KYC report use cases from memory and records
// what it was asked: the reports made with their options, and the
// bundles written. A report made is kept among the documents of fakeAML;
// reportErr, when set, is MakeKYCReport's answer, and reportGate, when
// set, holds it until closed or cancelled.
type fakeReports struct {
	reports    []reportCall
	reportErr  error
	reportGate chan struct{}
	bundles    [][2]string // number, path
	bundleErr  error
}

// reportCall is one MakeKYCReport call.
type reportCall struct {
	Number string
	dossier.ReportOptions
}

func (d *fakeDesk) MakeKYCReport(ctx context.Context, orgnr string, opt dossier.ReportOptions) (dossier.Document, error) {
	if d.reportGate != nil {
		select {
		case <-d.reportGate:
		case <-ctx.Done():
			return dossier.Document{}, problem.New(problem.CodeCanceled, ctx.Err())
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.reports = append(d.reports, reportCall{orgnr, opt})
	if d.reportErr != nil {
		return dossier.Document{}, d.reportErr
	}
	doc := dossier.Document{ID: fmt.Sprintf("kyc-%d", len(d.reports)), OrgNr: orgnr, Name: d.names[orgnr], Kind: dossier.DocumentKYC, Country: "NO",
		OrderedAt: fakeTime, ReadyAt: fakeTime, Size: 20480, SHA256: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}
	if d.docs == nil {
		d.docs = map[string][]dossier.Document{}
	}
	d.docs[orgnr] = append([]dossier.Document{doc}, d.docs[orgnr]...)
	return doc, nil
}

func (d *fakeDesk) KYCBundle(_ context.Context, orgnr, path string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.bundles = append(d.bundles, [2]string{orgnr, path})
	return d.bundleErr
}

func (dossierOnlyDesk) SavedDossier(string) (*dossier.Dossier, error) {
	return nil, problem.New(problem.CodeNoDossier, nil)
}
