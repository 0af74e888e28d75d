package setup

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/report"
	"github.com/motpart/motpart/internal/sandbox"
	sandboxbankid "github.com/motpart/motpart/internal/sandbox/bankid"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// pdfPages is the page count pdfinfo reads from a PDF file; the test is
// skipped when poppler is not installed.
func pdfPages(t *testing.T, path string) int {
	t.Helper()
	bin, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Skip("pdfinfo (poppler-utils) is not installed")
	}
	out, err := exec.Command(bin, path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", filepath.Base(path), err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// lookedUpWithAML is a desk on the sandbox that has looked up orgnr,
// ordered both AML documents of it and written a note on it.
func lookedUpWithAML(t testing.TB, ctx context.Context, orgnr string) *testDesk {
	t.Helper()
	d := newLookupDesk(t, deskOptions{sandbox: sandbox.Config{BankIDDelays: sandboxbankid.ZeroDelays()}})
	if err := d.SetSettings(map[string]string{desk.SettingReportFirm: "Revisjon Ærlig & Co AS", desk.SettingReportPerson: "Åse Øvrebø"}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Lookup(ctx, orgnr); err != nil {
		t.Fatal(err)
	}
	o, err := d.OrderAML(ctx, dossier.AMLRequest{Number: orgnr})
	if err != nil {
		t.Fatal(err)
	}
	if o, err = d.WaitAMLOrder(ctx, o.ID); err != nil || !o.Ready() {
		t.Fatalf("order %+v, %v", o, err)
	}
	if _, err := d.AddNote(orgnr, "Kunden ble kontrollert ved oppstart."); err != nil {
		t.Fatal(err)
	}
	return d
}

// saveReport writes document doc of d to a file and returns its path and
// its bytes, checking its SHA-256 against the record.
func saveReport(t *testing.T, d *testDesk, doc dossier.Document) (string, []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), doc.ID+".pdf")
	if err := d.SaveDocument(doc.ID, path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != doc.SHA256 || int64(len(b)) != doc.Size {
		t.Errorf("the file's SHA-256 %x (%d bytes), the record's %s (%d)", sum, len(b), doc.SHA256, doc.Size)
	}
	return path, b
}

// identities are the personal identity numbers of a dossier, whole.
func identities(dos *dossier.Dossier) []string {
	var out []string
	for _, r := range dos.Roles {
		if r.Person != nil && r.Person.NationalID != "" {
			out = append(out, r.Person.NationalID)
		}
	}
	if dos.Owners != nil {
		for _, o := range dos.Owners.Owners {
			if o.NationalID != "" {
				out = append(out, o.NationalID)
			}
		}
	}
	return out
}

// The KYC report of a sandbox company made from the real desk: a real
// PDF reader finds the name, the number, the verdict, the owners, the AML
// documents' SHA-256 in it; it is stored in the vault as a KYC document;
// identity numbers are masked unless asked for, which is audited.
func TestKYCReportFromTheSandbox(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d := lookedUpWithAML(t, ctx, world.RichestOrgNr)

	// A number never looked up has no report.
	if _, err := d.MakeKYCReport(ctx, world.SanctionsOrgNr, dossier.ReportOptions{}); problem.CodeOf(err) != problem.CodeNoDossier {
		t.Errorf("report of a number never looked up: %v, want %s", err, problem.CodeNoDossier)
	}
	if _, err := d.MakeKYCReport(ctx, world.RichestOrgNr, dossier.ReportOptions{Language: "de"}); problem.CodeOf(err) != problem.CodeBadSetting {
		t.Errorf("report in German: %v, want %s", err, problem.CodeBadSetting)
	}

	saved, err := d.SavedDossier(world.RichestOrgNr)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := d.RevealIdentities(world.RichestOrgNr)
	if err != nil {
		t.Fatal(err)
	}
	ids := identities(whole)
	if len(ids) == 0 || saved.Owners == nil || len(saved.Owners.Owners) == 0 {
		t.Fatalf("the sandbox company has no identity numbers (%v) or owners: the test checks nothing", ids)
	}
	amlDocs, err := d.Documents(world.RichestOrgNr)
	if err != nil || len(amlDocs) != 2 {
		t.Fatalf("AML documents %+v, %v", amlDocs, err)
	}
	verdict, _ := report.Verdict(report.Input{Dossier: saved})

	tests := []struct {
		name    string
		fullIDs bool
	}{
		{"masked", false},
		{"full identity numbers", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := d.MakeKYCReport(ctx, world.RichestOrgNr, dossier.ReportOptions{Language: "en", FullIDs: tt.fullIDs})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Kind != dossier.DocumentKYC || doc.OrgNr != world.RichestOrgNr || doc.Name != saved.Company.Name ||
				doc.SessionID != "" || doc.Country != "NO" || doc.Size == 0 || len(doc.SHA256) != 64 || doc.ReadyAt.IsZero() {
				t.Errorf("record %+v", doc)
			}
			listed, err := d.Documents(world.RichestOrgNr)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, l := range listed {
				found = found || l == doc
			}
			if !found {
				t.Errorf("Documents lists %+v, not the report %+v", listed, doc)
			}
			path, _ := saveReport(t, d, doc)
			if n := pdfPages(t, path); n <= 1 {
				t.Errorf("%d pages", n)
			}
			text := pdfText(t, path)
			flat := strings.Join(strings.Fields(text), " ")
			wants := []string{saved.Company.Name, "Revisjon Ærlig & Co AS", "Åse Øvrebø", "Kunden ble kontrollert ved oppstart."}
			for _, o := range saved.Owners.Owners {
				if o.Name != "" {
					wants = append(wants, o.Name)
				}
			}
			for _, want := range wants {
				if !strings.Contains(flat, want) {
					t.Errorf("the report's text does not hold %q", want)
				}
			}
			// The verdict may wrap: compare it without the line breaks.
			if !strings.Contains(flat, verdict) {
				t.Errorf("the report's text does not hold the verdict %q", verdict)
			}
			sq := squeeze(text)
			if !strings.Contains(sq, world.RichestOrgNr) {
				t.Errorf("the report's text does not hold the number %s", world.RichestOrgNr)
			}
			for _, a := range amlDocs {
				if !strings.Contains(sq, a.SHA256) {
					t.Errorf("the report does not give the SHA-256 %s of the %s document", a.SHA256, a.Kind)
				}
			}
			for _, id := range ids {
				if got := strings.Contains(sq, id); got != tt.fullIDs {
					t.Errorf("identity number %s printed whole: %v, want %v", desk.MaskIdentity(id), got, tt.fullIDs)
				}
			}
			if !tt.fullIDs && !strings.Contains(sq, squeeze(desk.MaskIdentity(ids[len(ids)-1]))) {
				t.Errorf("the masked report does not show %s", desk.MaskIdentity(ids[len(ids)-1]))
			}
			entries, _, err := d.AuditLog()
			if err != nil {
				t.Fatal(err)
			}
			var made, full bool
			for _, e := range entries {
				if e.Subject == world.RichestOrgNr && strings.Contains(e.Detail, doc.ID) {
					made = made || e.Action == "report.make"
					full = full || e.Action == "report.full_ids"
				}
			}
			if !made || full != tt.fullIDs {
				t.Errorf("audit: report.make %v, report.full_ids %v; want true, %v", made, full, tt.fullIDs)
			}
		})
	}
}

// The Sámi company's name round-trips exactly through a real PDF reader.
func TestKYCReportSamiName(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d := newLookupDesk(t)
	dos, err := d.Lookup(ctx, world.SamiOrgNr)
	if err != nil {
		t.Fatal(err)
	}
	const want = "ČUOVGA ĐUODJI ŊUORA ÁŠŠI SA"
	if dos.Company == nil || dos.Company.Name != want {
		t.Fatalf("the sandbox's Sámi company is %+v", dos.Company)
	}
	for _, lang := range desk.ReportLanguages() {
		t.Run(lang, func(t *testing.T) {
			doc, err := d.MakeKYCReport(ctx, world.SamiOrgNr, dossier.ReportOptions{Language: lang})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Name != want {
				t.Errorf("record's name %q", doc.Name)
			}
			path, _ := saveReport(t, d, doc)
			if text := pdfText(t, path); !strings.Contains(text, want) {
				t.Errorf("pdftotext does not give %q back:\n%s", want, text[:min(len(text), 600)])
			}
		})
	}
}

// readZip returns the files of a zip by name.
func readZip(t *testing.T, path string) map[string][]byte {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	files := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		_ = r.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name] = b
	}
	return files
}

// The KYC bundle: the latest report (made when there is none), every AML
// document, and a manifest whose sizes and SHA-256 are the files'; written
// whole or not at all.
func TestKYCBundle(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d := lookedUpWithAML(t, ctx, world.RichestOrgNr)
	dir := t.TempDir()

	// No report yet: the bundle makes one.
	first := filepath.Join(dir, "first.zip")
	if err := d.KYCBundle(ctx, world.RichestOrgNr, first); err != nil {
		t.Fatal(err)
	}
	docs, err := d.Documents(world.RichestOrgNr)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, doc := range docs {
		kinds[doc.Kind]++
	}
	if kinds[dossier.DocumentKYC] != 1 || kinds[dossier.DocumentAML] != 1 || kinds[dossier.DocumentRegistration] != 1 {
		t.Fatalf("documents after the first bundle: %v", kinds)
	}

	// A newer report is the one bundled.
	latest, err := d.MakeKYCReport(ctx, world.RichestOrgNr, dossier.ReportOptions{Language: "sv"})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "bundle.zip")
	if err := d.KYCBundle(ctx, world.RichestOrgNr, path); err != nil {
		t.Fatal(err)
	}
	files := readZip(t, path)
	var m desk.KYCManifest
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatalf("manifest.json: %v", err)
	}
	if m.Client.Number != world.RichestOrgNr || m.Client.Name == "" || m.Created.IsZero() || m.Version == "" || len(m.Files) != 3 {
		t.Fatalf("manifest %+v", m)
	}
	if len(files) != 5 {
		t.Errorf("the zip holds %d files, want 3 documents and 2 manifests", len(files))
	}
	bundled := map[string]string{}
	for _, f := range m.Files {
		b, ok := files[f.Name]
		sum := sha256.Sum256(b)
		if !ok || hex.EncodeToString(sum[:]) != f.SHA256 || int64(len(b)) != f.Size {
			t.Errorf("%s: in the zip %v, %d bytes, SHA-256 %x; the manifest says %d bytes, %s", f.Name, ok, len(b), sum, f.Size, f.SHA256)
		}
		if !strings.Contains(string(files["manifest.txt"]), f.SHA256) || !strings.Contains(string(files["manifest.txt"]), f.Name) {
			t.Errorf("manifest.txt does not list %s", f.Name)
		}
		bundled[f.Kind] = f.DocumentID
	}
	if bundled[dossier.DocumentKYC] != latest.ID || bundled[dossier.DocumentAML] == "" || bundled[dossier.DocumentRegistration] == "" {
		t.Errorf("bundled %v, want the latest report %s and both AML documents", bundled, latest.ID)
	}
	entries, _, err := d.AuditLog()
	if err != nil {
		t.Fatal(err)
	}
	bundles := 0
	for _, e := range entries {
		if e.Action == "report.bundle" && e.Subject == world.RichestOrgNr {
			bundles++
		}
	}
	if bundles != 2 {
		t.Errorf("%d report.bundle entries, want 2", bundles)
	}

	// A write that fails leaves no file, whole or partial.
	bad := []struct {
		name, path string
	}{
		{"folder missing", filepath.Join(dir, "missing", "bundle.zip")},
		{"a folder in the way", filepath.Join(dir, "in-the-way")},
	}
	if err := os.MkdirAll(filepath.Join(dir, "in-the-way", "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadDir(dir)
			if err := d.KYCBundle(ctx, world.RichestOrgNr, tt.path); err == nil {
				t.Fatal("no error")
			}
			after, _ := os.ReadDir(dir)
			if len(after) != len(before) {
				t.Errorf("the folder held %d files, now %d: %v", len(before), len(after), after)
			}
			if _, err := os.Stat(filepath.Join(dir, "missing")); err == nil {
				t.Error("a folder was made")
			}
		})
	}
	// A client that was never looked up has no bundle.
	if err := d.KYCBundle(ctx, world.SanctionsOrgNr, filepath.Join(dir, "none.zip")); problem.CodeOf(err) != problem.CodeNoDossier {
		t.Errorf("bundle of a number never looked up: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "none.zip")); err == nil {
		t.Error("a bundle was written for a number never looked up")
	}
}

// A Swedish company, which no register answers for yet, gets its report
// from BankID's data: named by BankID, of country SE.
func TestKYCReportFromBankIDOnly(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d := newLookupDesk(t, deskOptions{sandbox: sandbox.Config{BankIDDelays: sandboxbankid.ZeroDelays()}})
	sb, err := d.Sandbox(ctx)
	if err != nil {
		t.Fatal(err)
	}
	firm := sb.World().Firm
	o, err := d.OrderAML(ctx, dossier.AMLRequest{Number: firm.SEOrgNr})
	if err != nil {
		t.Fatal(err)
	}
	if o, err = d.WaitAMLOrder(ctx, o.ID); err != nil || !o.Ready() {
		t.Fatalf("order %+v, %v", o, err)
	}
	if _, err := d.Lookup(ctx, firm.SEOrgNr); err != nil {
		t.Fatal(err)
	}
	doc, err := d.MakeKYCReport(ctx, firm.SEOrgNr, dossier.ReportOptions{Language: "sv"})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Name != firm.SEName || doc.Country != "SE" || doc.Kind != dossier.DocumentKYC {
		t.Errorf("record %+v, want %q of SE", doc, firm.SEName)
	}
	path, _ := saveReport(t, d, doc)
	if text := strings.Join(strings.Fields(pdfText(t, path)), " "); !strings.Contains(text, firm.SEName) {
		t.Errorf("the report does not name %q", firm.SEName)
	}
}
