package setup

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/classify"
	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/scb"
	"github.com/motpart/motpart/internal/registry/transport"
	"github.com/motpart/motpart/internal/sandbox"
	sandboxscb "github.com/motpart/motpart/internal/sandbox/scb"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// scbClock is the clock SCB's client and simulator share in these tests:
// the client's waits move it on at once, so the rate limit is kept (and
// checked by the simulator) without waiting on the real clock.
type scbClock struct {
	mu    sync.Mutex
	now   time.Time
	slept time.Duration
}

func (c *scbClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *scbClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	c.slept += d
	return nil
}

// newSCBDesk is a sandbox desk whose SCB client and simulator share a
// clock that moves only when the client waits.
func newSCBDesk(t *testing.T, sbc sandbox.Config) (*testDesk, *sandbox.Sandbox, *scbClock) {
	t.Helper()
	clk := &scbClock{now: time.Now().UTC()}
	sbc.Now = clk.Now
	d := newLookupDesk(t, deskOptions{now: clk.Now, sleep: clk.Sleep, sandbox: sbc, timeout: 10 * time.Second})
	sb, err := d.Sandbox(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return d, sb, clk
}

func TestSCBLookupOverMTLS(t *testing.T) {
	d, sb, _ := newSCBDesk(t, sandbox.Config{})
	w, err := world.New()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, number := range []string{world.SEOrgNr, "692004-1230", "969712-3454"} {
		c, ok := w.SECompany(number)
		if !ok {
			t.Fatalf("no Swedish company %s in the world", number)
		}
		dos, err := d.Lookup(ctx, number)
		if err != nil {
			t.Fatal(err)
		}
		src := source(t, dos, desk.SourceSCB)
		if src.Status != dossier.StatusFound || dos.Company == nil {
			t.Fatalf("%s: %+v", number, src)
		}
		co := dos.Company
		if co.Name != c.Name || co.Form.Code != c.LegalForm || co.Swedish == nil || co.Swedish.PeOrgNr != c.PeOrgNr() {
			t.Errorf("%s: %q %v %+v, want %q %s", number, co.Name, co.Form, co.Swedish, c.Name, c.LegalForm)
		}
		if co.Sector == nil || co.Sector.Code != c.Sector || co.Sector.Description == "" {
			t.Errorf("%s: sector %+v, want %s", number, co.Sector, c.Sector)
		}
		if co.Swedish.OwnerCategory.Code != c.OwnerCategory || co.Swedish.Seat.Code != c.Municipality || len(co.Industry) == 0 || co.Industry[0].Code == "" {
			t.Errorf("%s: owner category %v, seat %v, industry %v", number, co.Swedish.OwnerCategory, co.Swedish.Seat, co.Industry)
		}
		if len(co.Swedish.NotSubscribed) != 0 {
			t.Errorf("%s: not subscribed %v with every group", number, co.Swedish.NotSubscribed)
		}
	}
	if n := sb.SCBCount("hamtaforetag"); n != 3 {
		t.Errorf("%d HamtaForetag calls, want 3", n)
	}
	n, err := d.Identify(world.SEOrgNr, "")
	if err != nil || d.CanAnswer(n) != nil {
		t.Errorf("CanAnswer %s: %v %v", world.SEOrgNr, err, d.CanAnswer(n))
	}
}

func TestSCBNotSubscribed(t *testing.T) {
	d, sb, _ := newSCBDesk(t, sandbox.Config{})
	sb.SetSCBSubscription(sandbox.DemoSCBAPIID, sandboxscb.GroupBasic)
	dos, err := d.Lookup(context.Background(), world.SEOrgNr)
	if err != nil {
		t.Fatal(err)
	}
	src := source(t, dos, desk.SourceSCB)
	if src.Status != dossier.StatusFound || len(src.Notes) != 1 || src.Notes[0].Problem != string(problem.CodeSCBNotSubscribed) {
		t.Fatalf("source %+v", src)
	}
	co := dos.Company
	if co.Sector != nil || co.Swedish.OwnerCategory.Code != "" || co.Phone != "" || co.Swedish.VAT.Code != "" {
		t.Errorf("a variable not subscribed shows as data: %+v %+v", co, co.Swedish)
	}
	for _, v := range []string{"Sektor, kod", "Ägarkategori, kod", "Telefon", "Momsstatus, kod"} {
		if !strings.Contains(strings.Join(co.Swedish.NotSubscribed, "|"), v) {
			t.Errorf("%q not listed as not subscribed: %v", v, co.Swedish.NotSubscribed)
		}
	}
}

func TestSCBRateLimitKept(t *testing.T) {
	d, sb, clk := newSCBDesk(t, sandbox.Config{})
	ctx := context.Background()
	const lookups = 25
	for i := range lookups {
		dos, err := d.Lookup(ctx, world.SEOrgNr)
		if err != nil {
			t.Fatal(err)
		}
		if src := source(t, dos, desk.SourceSCB); src.Status != dossier.StatusFound {
			t.Fatalf("lookup %d: %+v", i, src)
		}
	}
	if n := sb.SCBCount("limited"); n != 0 {
		t.Errorf("the simulator answered 429 %d times", n)
	}
	if n := sb.SCBCount("hamtaforetag"); n != lookups {
		t.Errorf("%d HamtaForetag calls, want %d", n, lookups)
	}
	// 25 calls at 10 in 10 s: the client waited at least twice a window.
	if clk.slept < 20*time.Second {
		t.Errorf("the client waited %v in all", clk.slept)
	}
}

func TestSCBMaintenanceAndBadRequest(t *testing.T) {
	d, sb, clk := newSCBDesk(t, sandbox.Config{})
	ctx := context.Background()
	sb.SetFault(sandbox.ServiceSCB, sandbox.Fault{Status: 503})
	dos, err := d.Lookup(ctx, world.SEOrgNr)
	if err != nil {
		t.Fatal(err)
	}
	if src := source(t, dos, desk.SourceSCB); src.Status != dossier.StatusFailed || src.Problem != string(problem.CodeSCBMaintenance) {
		t.Errorf("503: %+v", src)
	}
	if _, err := d.RefreshSectorFile(ctx, nil); problem.CodeOf(err) != problem.CodeSCBMaintenance {
		t.Errorf("sector file in maintenance: %v", err)
	}
	sb.ClearFaults()

	// A 400: SCB's Swedish reason kept beside the code.
	c := directSCBClient(t, sb, clk, true)
	_, err = c.Fetch(ctx, scb.Query{Variabler: []scb.Variable{{Variabel: "Skostorlek", Operator: scb.OperatorEquals, Varde1: "42"}}})
	var se *scb.Error
	if problem.CodeOf(err) != problem.CodeSCBUnknownVariable || !asError(err, &se) || !strings.Contains(se.Reason, "Skostorlek") {
		t.Errorf("400: %v", err)
	}
}

// asError is errors.As for *scb.Error.
func asError(err error, target **scb.Error) bool {
	for err != nil {
		if e, ok := err.(*scb.Error); ok {
			*target = e
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

// directSCBClient is SCB's client on the sandbox's simulator, with the
// demo certificate or with none, on the simulator's clock.
func directSCBClient(t *testing.T, sb *sandbox.Sandbox, clk *scbClock, withCert bool) *scb.Client {
	t.Helper()
	tcfg := transport.Config{RootCAs: sb.CAPool(), Retries: -1}
	if withCert {
		tc, err := sb.SCBClientCertificate()
		if err != nil {
			t.Fatal(err)
		}
		tcfg.ClientCert = &tc
	}
	hc, err := transport.New(tcfg)
	if err != nil {
		t.Fatal(err)
	}
	c, err := scb.New(scb.Config{BaseURL: sb.Endpoints().SCB, Now: clk.Now, Sleep: clk.Sleep}, hc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSCBCertificateRefused(t *testing.T) {
	tests := []struct {
		name      string
		handshake bool // the simulator refuses in the TLS handshake
		cert      string
	}{
		{"no API-Id", false, "no-api-id"},
		{"no API-Id, in the handshake", true, "no-api-id"},
		{"the Maskinporten certificate", false, "maskinporten"},
		{"none", false, ""},
		{"none, in the handshake", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, sb, clk := newSCBDesk(t, sandbox.Config{SCBRefuseInHandshake: tt.handshake})
			if tt.cert == "" {
				c := directSCBClient(t, sb, clk, false)
				got := c.Lookup(context.Background(), world.SEOrgNr)
				if got.Source.Problem != string(problem.CodeSCBCertificateRefused) || got.Source.Status != dossier.StatusNoAccess {
					t.Errorf("without a certificate: %+v", got.Source)
				}
				return
			}
			var dc sandbox.DemoCertificate
			switch tt.cert {
			case "no-api-id":
				now := time.Now()
				var err error
				dc, err = sb.IssueSCBCertificate("", "Fjordlys Redovisning AB", now.Add(-time.Hour), now.AddDate(1, 0, 0))
				if err != nil {
					t.Fatal(err)
				}
			case "maskinporten":
				dc = sb.DemoCertificates()[len(sb.DemoCertificates())-1]
				if strings.Contains(dc.FileName, "SokPaVar") {
					dc = sb.DemoCertificates()[0]
				}
			}
			if _, err := d.ImportCertificate("scb", dc.Data, dc.FileName, dc.Password); err != nil {
				t.Fatal(err)
			}
			if err := d.SetSetting(desk.SettingSCBCertificate, "scb"); err != nil {
				t.Fatal(err)
			}
			dos, err := d.Lookup(context.Background(), world.SEOrgNr)
			if err != nil {
				t.Fatal(err)
			}
			if src := source(t, dos, desk.SourceSCB); src.Problem != string(problem.CodeSCBCertificateRefused) || src.Status != dossier.StatusNoAccess {
				t.Errorf("source %+v", src)
			}
			if n := sb.SCBCount("hamtaforetag"); n != 0 {
				t.Errorf("%d look-ups answered", n)
			}
		})
	}
}

func TestSCBSectorFileVariants(t *testing.T) {
	d, sb, _ := newSCBDesk(t, sandbox.Config{})
	w, err := world.New()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	dir := t.TempDir()
	in := filepath.Join(dir, "kunder.csv")
	customers := "Kund;Organisationsnummer\nNorrsken;556677-8899\nÅsa;" + world.SESoleTraderPNr + "\nFel;556677-8898\n"
	if err := os.WriteFile(in, []byte(customers), 0o600); err != nil {
		t.Fatal(err)
	}
	active := 0 // the sector file lists the active units
	for _, c := range w.SECompanies() {
		if c.Active {
			active++
		}
	}
	norrsken, _ := w.SECompany(world.SEOrgNr)
	sectorText := world.CodeText(world.SESectors(), norrsken.Sector)
	formText := world.CodeText(world.SELegalForms(), norrsken.LegalForm)
	for _, v := range sandboxscb.Variants() {
		t.Run(string(v), func(t *testing.T) {
			if err := sb.SetSCBSectorVariant(v); err != nil {
				t.Fatal(err)
			}
			info, err := d.RefreshSectorFile(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			if info.Rows != active || info.Size == 0 {
				t.Errorf("sector file %+v, want %d rows", info, active)
			}
			out := filepath.Join(dir, "ut-"+string(v)+".csv")
			sum, err := d.ClassifyCustomers(ctx, in, out, "", "", "", nil)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Rows != 3 || sum.Matched != 1 || sum.SoleTraders != 1 || sum.Invalid != 1 || sum.BySector[norrsken.Sector] != 1 {
				t.Errorf("summary %+v", sum)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			// Latin-1 in the sector file, UTF-8 out: Ö and Ä intact.
			for _, want := range []string{sectorText, formText, "165566778899"} {
				if !bytes.Contains(b, []byte(want)) {
					t.Errorf("the output lacks %q:\n%s", want, b)
				}
			}
		})
	}
	if n := sb.SCBCount("sektorfil"); n != len(sandboxscb.Variants()) {
		t.Errorf("%d downloads", n)
	}
}

func TestSCBLatin1NamesRoundTrip(t *testing.T) {
	_, sb, clk := newSCBDesk(t, sandbox.Config{})
	w, err := world.New()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c := directSCBClient(t, sb, clk, true)
	var zipped bytes.Buffer
	if _, err := c.SectorFile(ctx, &zipped, nil); err != nil {
		t.Fatal(err)
	}
	idx, err := classify.LoadSectorZip(bytes.NewReader(zipped.Bytes()), int64(zipped.Len()))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[rune]bool{}
	for _, co := range w.SECompanies() {
		if !strings.ContainsAny(co.Name, "ÅÄÖÉÜåäöéü") {
			continue
		}
		r, ok := idx.Lookup(co.PeOrgNr())
		if !ok || r.Name != co.Name {
			t.Errorf("sector file: %s is %q, want %q", co.PeOrgNr(), r.Name, co.Name)
		}
		got := c.Lookup(ctx, co.PeOrgNr())
		if got.Company == nil || got.Company.Name != co.Name {
			t.Errorf("HamtaForetag: %s is %+v, want %q", co.PeOrgNr(), got.Company, co.Name)
		}
		for _, r := range co.Name {
			seen[r] = true
		}
	}
	for _, r := range "ÅÄÖÉÜ" {
		if !seen[r] && !seen[[]rune(strings.ToLower(string(r)))[0]] {
			t.Errorf("no name in the world holds %c", r)
		}
	}
}

func TestCancelledClassifyLeavesNoOutput(t *testing.T) {
	d, _, _ := newSCBDesk(t, sandbox.Config{})
	ctx := context.Background()
	if _, err := d.RefreshSectorFile(ctx, nil); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "kunder.csv")
	var b strings.Builder
	b.WriteString("Namn,Orgnr\n")
	for range 20000 {
		b.WriteString("Norrsken,5566778899\n")
	}
	if err := os.WriteFile(in, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		format string
	}{{"csv", "csv"}, {"xlsx", "xlsx"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, "ut."+tt.format)
			cctx, cancel := context.WithCancel(ctx)
			defer cancel()
			_, err := d.ClassifyCustomers(cctx, in, out, "", tt.format, "", func(done, total int) {
				if done > 0 {
					cancel()
				}
			})
			if problem.CodeOf(err) != problem.CodeCanceled {
				t.Errorf("err = %v", err)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if e.Name() != "kunder.csv" {
					t.Errorf("left behind: %s", e.Name())
				}
			}
		})
	}
}

func TestSCBAPIIDHeader(t *testing.T) {
	_, sb, clk := newSCBDesk(t, sandbox.Config{})
	tc, err := sb.SCBClientCertificate()
	if err != nil {
		t.Fatal(err)
	}
	hc, err := transport.New(transport.Config{RootCAs: sb.CAPool(), Retries: -1, ClientCert: &tc})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		header, apiID string
		status        dossier.Status
	}{
		{"", "", dossier.StatusFound},
		{"api-id", scb.APIIDOf(tc.Leaf.Subject.CommonName), dossier.StatusFound},
		{"APIId", sandbox.DemoSCBAPIID, dossier.StatusFound},
		{"api-id", "A99999", dossier.StatusNoAccess},
	}
	for _, tt := range tests {
		c, err := scb.New(scb.Config{BaseURL: sb.Endpoints().SCB, APIID: tt.apiID, APIIDHeader: tt.header, Now: clk.Now, Sleep: clk.Sleep}, hc)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Lookup(context.Background(), world.SEOrgNr); got.Source.Status != tt.status {
			t.Errorf("%s %s: %+v", tt.header, tt.apiID, got.Source)
		}
	}
}

// TestSwedishLookupTwice: a second lookup that SCB answers carries nothing
// over from the first (SCB answers for the company part as Brønnøysund's
// sources do); one SCB does not answer keeps the first's company as last
// known, from SCB.
func TestSwedishLookupTwice(t *testing.T) {
	d, sb, _ := newSCBDesk(t, sandbox.Config{})
	ctx := context.Background()
	var name string
	for range 2 {
		dos, err := d.Lookup(ctx, world.SEOrgNr)
		if err != nil {
			t.Fatal(err)
		}
		if len(dos.Carried) != 0 || dos.Company == nil {
			t.Fatalf("carried %+v, company %+v", dos.Carried, dos.Company)
		}
		name = dos.Company.Name
	}
	sb.SetFault(sandbox.ServiceSCB, sandbox.Fault{Status: 500})
	dos, err := d.Lookup(ctx, world.SEOrgNr)
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := dos.CarriedPart(dossier.PartCompany); !ok || c.Source != desk.SourceSCB || dos.Company == nil || dos.Company.Name != name {
		t.Errorf("carried %+v, company %+v", dos.Carried, dos.Company)
	}
}
