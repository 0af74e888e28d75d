package desk

// This file holds the KYC report use case (issue 15): everything the vault
// holds about a client, made into one PDF by internal/report and kept in
// the vault beside the AML documents. The KYC bundle is reportbundle.go.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/report"
	"github.com/motpart/motpart/internal/vault"
)

// ReportOptions are the user's choices for a KYC report (the
// vocabulary's, so the window can pass them without knowing the desk).
type ReportOptions = dossier.ReportOptions

// reportLanguages are the languages a KYC report can be written in.
var reportLanguages = []string{"en", "sv", "nb", "fi"}

// ReportLanguages lists the languages a KYC report can be written in.
func ReportLanguages() []string { return append([]string(nil), reportLanguages...) }

// MakeKYCReport makes the KYC report of the organisation orgnr from what
// the vault holds about it: the dossier saved by its last lookup, its
// ownership graph, the notes, the AML documents, the audit entries about
// it, and the firm and person of the settings. The report is dated by the
// desk's clock, stored in the vault as a document of kind
// dossier.DocumentKYC (listed by Documents, written by SaveDocument), and
// audited "report.make". With opt.FullIDs the personal identity numbers
// are printed whole, and a "report.full_ids" entry is written with the
// report's own, in the same transaction. A number never looked up fails
// with problem.CodeNoDossier.
func (d *Desk) MakeKYCReport(ctx context.Context, orgnr string, opt dossier.ReportOptions) (dossier.Document, error) {
	if err := checkReportLanguage(opt.Language); err != nil {
		return dossier.Document{}, err
	}
	in, err := d.reportInput(orgnr, opt.FullIDs)
	if err != nil {
		return dossier.Document{}, err
	}
	if err := ctx.Err(); err != nil {
		return dossier.Document{}, problem.New(problem.CodeCanceled, err)
	}
	now := d.cfg.Now()
	pdf, err := report.Make(in, report.Options{Language: opt.Language, Now: now, Location: time.Local})
	if err != nil {
		return dossier.Document{}, problem.New(problem.CodeInternal, fmt.Errorf("making the KYC report: %w", err))
	}
	name := in.Dossier.Number
	switch dos := in.Dossier; {
	case dos.Company != nil && dos.Company.Name != "":
		name = dos.Company.Name
	case dos.AML != nil && dos.AML.Key != nil && dos.AML.Key.Name != "":
		name = dos.AML.Key.Name
	}
	id, err := newDocumentID()
	if err != nil {
		return dossier.Document{}, err
	}
	sum := sha256.Sum256(pdf)
	doc := dossier.Document{ID: id, OrgNr: in.Dossier.Number, Name: name, Kind: dossier.DocumentKYC, Country: in.Dossier.Country,
		OrderedAt: now.UTC(), ReadyAt: now.UTC(), Size: int64(len(pdf)), SHA256: hex.EncodeToString(sum[:])}
	lang := opt.Language
	if lang == "" {
		lang = "en"
	}
	entries := []vault.AuditEntry{{Action: "report.make", Subject: doc.OrgNr, Detail: fmt.Sprintf("%s %s, %s, SHA-256 %s", doc.Kind, doc.ID, lang, doc.SHA256)}}
	if opt.FullIDs {
		entries = append([]vault.AuditEntry{{Action: "report.full_ids", Subject: doc.OrgNr,
			Detail: "KYC report " + doc.ID + " prints the personal identity numbers in full"}}, entries...)
	}
	if err := d.storeReport(ctx, doc, pdf, entries); err != nil {
		return dossier.Document{}, err
	}
	return doc, nil
}

// checkReportLanguage says what is wrong with a report's language.
func checkReportLanguage(lang string) error {
	if lang == "" {
		return nil
	}
	for _, l := range reportLanguages {
		if l == lang {
			return nil
		}
	}
	return problem.New(problem.CodeBadSetting, fmt.Errorf("no report language %q: want en, sv, nb or fi", lang))
}

// reportInput gathers what a KYC report of orgnr is made of. The
// dossier's identity numbers are whole only when fullIDs asks for them.
func (d *Desk) reportInput(orgnr string, fullIDs bool) (report.Input, error) {
	dos, err := d.savedDossier(orgnr)
	if problem.CodeOf(err) == problem.CodeNoDossier {
		return report.Input{}, problem.New(problem.CodeNoDossier, errors.New("look it up first, then make its report"))
	}
	if err != nil {
		return report.Input{}, err
	}
	if !fullIDs {
		dos = Masked(dos)
	}
	in := report.Input{Dossier: dos, Graph: OwnershipGraph(dos), Version: d.version(), FullIDs: fullIDs,
		Environment: string(d.Environment())}
	if in.Notes, err = d.Notes(dos.Number); err != nil {
		return report.Input{}, err
	}
	docs, err := d.Documents(dos.Number)
	if err != nil {
		return report.Input{}, err
	}
	for _, doc := range docs {
		if doc.Kind != dossier.DocumentKYC { // the report lists the AML documents, not earlier reports
			in.Documents = append(in.Documents, doc)
		}
	}
	entries, _, err := d.AuditLog()
	if err != nil {
		return report.Input{}, err
	}
	for _, e := range entries {
		if e.Subject == dos.Number {
			in.Audit = append(in.Audit, report.AuditLine{Time: e.Time, Action: e.Action, Detail: e.Detail})
		}
	}
	s, err := d.RegisterSettings()
	if err != nil {
		return report.Input{}, err
	}
	in.Firm, in.Person = s.ReportFirm, s.ReportPerson
	return in, nil
}

// storeReport keeps pdf as a vault blob with its record doc and the audit
// entries, in one transaction once the blob is whole; the blob is removed
// again when that fails (or, after a crash, at the next unlock: see
// tidyDocuments).
func (d *Desk) storeReport(ctx context.Context, doc dossier.Document, pdf []byte, entries []vault.AuditEntry) error {
	rec, err := json.Marshal(doc)
	if err != nil {
		return problem.New(problem.CodeInternal, fmt.Errorf("encoding a document record: %w", err))
	}
	return d.withVault(func(v *vault.Vault) error {
		if _, err := v.PutBlob(ctx, amlBlobPrefix+doc.ID, bytes.NewReader(pdf)); err != nil {
			return vaultProblem(err)
		}
		err := v.Update(func(tx *vault.Tx) error {
			if err := tx.Put(amlDocsBucket, doc.ID, rec); err != nil {
				return err
			}
			for _, e := range entries {
				if err := tx.Audit(e); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			_ = v.DeleteBlob(amlBlobPrefix + doc.ID)
			return vaultProblem(err)
		}
		return nil
	})
}
