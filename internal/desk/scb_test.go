package desk

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// scbConnector is the fake world with SCB: a Swedish source answering for
// one company and a sector file to download.
type scbConnector struct {
	*fakeConnector
	mu       sync.Mutex
	sector   []byte // the zip SCB sends
	fail     error  // the download's failure
	lookups  int
	codes    CodeTables
	disabled bool
}

func (c *scbConnector) Connect(ctx context.Context, conn Connection) (*Registers, error) {
	regs, err := c.fakeConnector.Connect(ctx, conn)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.codes = conn.Codes
	if c.disabled {
		regs.NoSwedish = problem.New(problem.CodeSCBNotConnected, nil)
		return regs, nil
	}
	regs.Swedish, regs.SectorFiles = c, c
	return regs, nil
}

func (c *scbConnector) Lookup(ctx context.Context, orgnr string) dossier.Answer {
	c.mu.Lock()
	c.lookups++
	c.mu.Unlock()
	if orgnr != "556074-7569" {
		return dossier.Answer{Source: dossier.Source{ID: SourceSCB, Status: dossier.StatusNotFound}}
	}
	return dossier.Answer{
		Company: &dossier.Company{Number: orgnr, Name: "EXEMPEL BYGG AB", Form: dossier.Code{Code: "49", Description: "Övriga aktiebolag"},
			Swedish: &dossier.SwedishFacts{PeOrgNr: "165560747569", NotSubscribed: []string{"Sektor, kod"}}},
		Source: dossier.Source{ID: SourceSCB, Status: dossier.StatusFound, Fetched: testNow},
	}
}

func (c *scbConnector) SectorFile(ctx context.Context, w io.Writer, progress func(read, total int64)) (int64, error) {
	c.mu.Lock()
	data, fail := c.sector, c.fail
	c.mu.Unlock()
	if fail != nil {
		w.Write(data[:len(data)/2])
		return 0, fail
	}
	n, err := w.Write(data)
	if progress != nil {
		progress(int64(n), int64(len(data)))
	}
	return int64(n), err
}

// fakeSectors is a sector file read by the fake classifier: its lines.
type fakeSectors struct{ rows []string }

func (s fakeSectors) Len() int { return len(s.rows) }

// fakeClassifier takes a "sector file" of lines after a header, and
// "classifies" by writing the customer file's lines to the output.
type fakeClassifier struct {
	mu   sync.Mutex
	jobs []ClassifyJob
	lens []int
}

func (f *fakeClassifier) Sectors(r io.ReaderAt, size int64) (Sectors, error) {
	b, err := io.ReadAll(io.NewSectionReader(r, 0, size))
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if lines[0] != "PeOrgNr\tOrgNr" {
		return nil, problem.New(problem.CodeSectorFileUnreadable, errors.New("no header"))
	}
	return fakeSectors{lines[1:]}, nil
}

func (f *fakeClassifier) Classify(ctx context.Context, s Sectors, job ClassifyJob, progress func(done, total int)) (dossier.ClassifySummary, error) {
	f.mu.Lock()
	f.jobs = append(f.jobs, job)
	f.lens = append(f.lens, s.Len())
	f.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return dossier.ClassifySummary{}, err
	}
	b, err := os.ReadFile(job.In)
	if err != nil {
		return dossier.ClassifySummary{}, err
	}
	rows := strings.Count(string(b), "\n") - 1
	if progress != nil {
		progress(rows, rows)
	}
	return dossier.ClassifySummary{Rows: rows, Matched: rows}, os.WriteFile(job.Out, b, 0o600)
}

func (f *fakeClassifier) Preview(path string) (dossier.CustomerPreview, error) {
	return dossier.CustomerPreview{Header: []string{"Kund", "Orgnr"}, NumberColumn: 1}, nil
}

const sectorText = "PeOrgNr\tOrgNr\n165560747569\t5560747569\n198112189876\t8112189876\n"

func newSCBDesk(t *testing.T) (*Desk, *scbConnector, *fakeClassifier) {
	t.Helper()
	d, c := newFakeDesk(t)
	sc := &scbConnector{fakeConnector: c, sector: []byte(sectorText)}
	d.cfg.Connector = sc
	cl := &fakeClassifier{}
	d.cfg.Classifier = cl
	return d, sc, cl
}

func TestSwedishLookupThroughSCB(t *testing.T) {
	d, c, _ := newSCBDesk(t)
	ctx := context.Background()
	n, _ := d.Identify("556074-7569", "")
	if err := d.CanAnswer(n); err != nil {
		t.Errorf("CanAnswer: %v", err)
	}
	dos, err := d.Lookup(ctx, "5560747569")
	if err != nil {
		t.Fatal(err)
	}
	if dos.Company == nil || dos.Company.Name != "EXEMPEL BYGG AB" || dos.Country != "SE" || dos.Company.Swedish.PeOrgNr != "165560747569" {
		t.Errorf("dossier %+v", dos)
	}
	if src := fakeSource(t, dos, SourceSCB); src.Status != dossier.StatusFound || len(dos.Sources) != 1 {
		t.Errorf("sources %+v", dos.Sources)
	}
	hist, err := d.History()
	if err != nil || len(hist) != 1 || hist[0].Name != "EXEMPEL BYGG AB" {
		t.Errorf("history %+v, %v", hist, err)
	}
	dos, err = d.RefreshSource(ctx, "556074-7569", SourceSCB)
	if err != nil || dos.Company.Name != "EXEMPEL BYGG AB" || c.lookups != 2 {
		t.Errorf("refresh: %+v, %v, %d lookups", dos, err, c.lookups)
	}

	// Without SCB a Swedish number is not answered by a register.
	c.disabled = true
	d.dropRegisters()
	if got := problem.CodeOf(d.CanAnswer(n)); got != problem.CodeCountryNotConnected {
		t.Errorf("CanAnswer without SCB: %q", got)
	}
	if _, err := d.RefreshSource(ctx, "556074-7569", SourceSCB); problem.CodeOf(err) != problem.CodeSCBNotConnected {
		t.Errorf("refresh without SCB: %v", err)
	}
	if _, err := d.RefreshSectorFile(ctx, nil); problem.CodeOf(err) != problem.CodeSCBNotConnected {
		t.Errorf("sector file without SCB: %v", err)
	}
}

// blobs lists the vault's blob names.
func blobs(t *testing.T, d *Desk) []string {
	t.Helper()
	var names []string
	err := d.withVault(func(v *vault.Vault) error {
		list, err := v.ListBlobs()
		for _, b := range list {
			names = append(names, b.Name)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

func TestSectorFileInTheVault(t *testing.T) {
	d, c, cl := newSCBDesk(t)
	ctx := context.Background()
	if _, ok, err := d.SectorFile(); ok || err != nil {
		t.Fatalf("before any download: %v, %v", ok, err)
	}
	in := filepath.Join(t.TempDir(), "kunder.csv")
	if err := os.WriteFile(in, []byte("Kund;Orgnr\nA;5560747569\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "ut.csv")
	if _, err := d.ClassifyCustomers(ctx, in, out, "", "", "", nil); problem.CodeOf(err) != problem.CodeSectorFileMissing {
		t.Errorf("classify without a copy: %v", err)
	}

	var read int64
	info, err := d.RefreshSectorFile(ctx, func(r, total int64) { read = r })
	want := dossier.SectorFileInfo{Date: testNow, Rows: 2, Size: int64(len(sectorText))}
	if err != nil || info != want || read != want.Size {
		t.Fatalf("refresh: %+v, %v (read %d)", info, err, read)
	}
	if got, ok, err := d.SectorFile(); !ok || err != nil || got != want {
		t.Errorf("SectorFile = %+v, %v, %v", got, ok, err)
	}
	if got := blobs(t, d); len(got) != 1 || got[0] != sectorBlobPrefix+"1" {
		t.Errorf("blobs %v", got)
	}

	// A failed download and an unreadable file leave the copy as it was.
	c.fail = problem.New(problem.CodeAnswerCutOff, nil)
	if _, err := d.RefreshSectorFile(ctx, nil); problem.CodeOf(err) != problem.CodeAnswerCutOff {
		t.Errorf("cut off: %v", err)
	}
	c.fail, c.sector = nil, []byte("<html>underhåll</html>")
	if _, err := d.RefreshSectorFile(ctx, nil); problem.CodeOf(err) != problem.CodeSectorFileUnreadable {
		t.Errorf("unreadable: %v", err)
	}
	c.sector = []byte("PeOrgNr\tOrgNr\n")
	if _, err := d.RefreshSectorFile(ctx, nil); problem.CodeOf(err) != problem.CodeSectorFileUnreadable {
		t.Errorf("empty: %v", err)
	}
	if got, ok, _ := d.SectorFile(); !ok || got != want {
		t.Errorf("after failures: %+v", got)
	}

	// A new download replaces the copy, and the old one goes.
	c.sector = []byte(sectorText + "165565432109\t5565432109\n")
	info, err = d.RefreshSectorFile(ctx, nil)
	if err != nil || info.Rows != 3 {
		t.Fatalf("second refresh: %+v, %v", info, err)
	}
	if got := blobs(t, d); len(got) != 1 || got[0] != sectorBlobPrefix+"2" {
		t.Errorf("blobs %v", got)
	}

	// Classifying: the vault's copy, then a named file.
	sum, err := d.ClassifyCustomers(ctx, in, out, "Orgnr", "csv", "", nil)
	if err != nil || sum.Rows != 1 || cl.lens[0] != 3 || cl.jobs[0] != (ClassifyJob{In: in, Out: out, Column: "Orgnr", Format: "csv"}) {
		t.Errorf("classify: %+v, %v, %v %v", sum, err, cl.lens, cl.jobs)
	}
	named := filepath.Join(t.TempDir(), "sektor.txt")
	if err := os.WriteFile(named, []byte(sectorText), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ClassifyCustomers(ctx, in, out, "", "", named, nil); err != nil || cl.lens[1] != 2 {
		t.Errorf("classify with a named file: %v, %v", err, cl.lens)
	}
	if _, err := d.ClassifyCustomers(ctx, in, out, "", "", filepath.Join(t.TempDir(), "none.zip"), nil); problem.CodeOf(err) != problem.CodeSectorFileUnreadable {
		t.Errorf("a missing named file: %v", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := d.ClassifyCustomers(cctx, in, out, "", "", named, nil); problem.CodeOf(err) != problem.CodeCanceled {
		t.Errorf("cancelled: %v", err)
	}

	// Locked: the vault's copy cannot be read, a named file can.
	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ClassifyCustomers(ctx, in, out, "", "", "", nil); problem.CodeOf(err) != problem.CodeLocked {
		t.Errorf("locked: %v", err)
	}
	if _, err := d.ClassifyCustomers(ctx, in, out, "", "", named, nil); err != nil {
		t.Errorf("locked with a named file: %v", err)
	}
	if p, err := d.PreviewCustomers(in); err != nil || p.NumberColumn != 1 {
		t.Errorf("preview %+v, %v", p, err)
	}
}

func TestSCBCodeTablesInTheVault(t *testing.T) {
	d, c, _ := newSCBDesk(t)
	n, _ := ident.Parse("556074-7569", ident.Options{})
	_ = d.CanAnswer(n) // connects
	if c.codes == nil {
		t.Fatal("the connection carries no code tables")
	}
	if _, ok := c.codes.Table("Sektor"); ok {
		t.Error("a table before any was kept")
	}
	c.codes.PutTable("Sektor", map[string]string{"11200": "Övriga icke-finansiella bolag"})
	got, ok := c.codes.Table("Sektor")
	if !ok || got["11200"] != "Övriga icke-finansiella bolag" {
		t.Errorf("table %v, %v", got, ok)
	}
	var raw []byte
	_ = d.withVault(func(v *vault.Vault) error {
		var err error
		raw, err = v.Get(scbBucket, scbCodesPrefix+"Sektor")
		return err
	})
	if !bytes.Contains(raw, []byte("11200")) {
		t.Errorf("the vault holds %q", raw)
	}
}
