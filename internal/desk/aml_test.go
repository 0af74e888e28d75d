package desk

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

const (
	fakeSwedish = "556036-0793"
	fakeFinnish = "0112038-9"
)

// waitOrder waits (bounded) until the order is finished.
func waitOrder(t *testing.T, d *Desk, id string) dossier.AMLOrder {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	o, err := d.WaitAMLOrder(ctx, id)
	if err != nil {
		t.Fatalf("waiting for %s: %v", id, err)
	}
	return o
}

// An order is followed to its end, whatever the end: the parts' states,
// the order's problem and what the vault keeps for each case.
func TestAMLOrderOutcomes(t *testing.T) {
	type partWant struct {
		state   dossier.OrderState
		problem problem.Code
	}
	tests := []struct {
		name    string
		script  func(f *fakeAML)
		number  string
		docs    []string
		want    map[string]partWant
		problem problem.Code
		stored  int // documents in the vault
		data    bool
	}{
		{"everything ready", nil, fakeRichest, nil, map[string]partWant{
			dossier.PartData: {dossier.OrderReady, ""}, dossier.DocumentAML: {dossier.OrderReady, ""}, dossier.DocumentRegistration: {dossier.OrderReady, ""}},
			"", 2, true},
		{"one document asked for", nil, fakeSwedish, []string{"registration"}, map[string]partWant{
			dossier.PartData: {dossier.OrderReady, ""}, dossier.DocumentRegistration: {dossier.OrderReady, ""}},
			"", 1, true},
		{"BankID fails the session", func(f *fakeAML) { f.fail = true }, fakeFinnish, nil, map[string]partWant{
			dossier.PartData:             {dossier.OrderReady, ""}, // done before the failure: kept
			dossier.DocumentAML:          {dossier.OrderFailed, problem.CodeBankIDSessionFailed},
			dossier.DocumentRegistration: {dossier.OrderFailed, problem.CodeBankIDSessionFailed}},
			problem.CodeBankIDSessionFailed, 0, true},
		{"a report that is not a PDF", func(f *fakeAML) {
			f.refuse = map[string]problem.Code{dossier.DocumentAML: problem.CodeBankIDReportNotPDF}
		}, fakeRichest, nil, map[string]partWant{
			dossier.PartData: {dossier.OrderReady, ""}, dossier.DocumentAML: {dossier.OrderFailed, problem.CodeBankIDReportNotPDF},
			dossier.DocumentRegistration: {dossier.OrderReady, ""}},
			"", 1, true},
		{"BankID says the session expired", func(f *fakeAML) { f.expire = true }, fakeRichest, nil, map[string]partWant{
			dossier.PartData: {dossier.OrderExpired, ""}, dossier.DocumentAML: {dossier.OrderExpired, ""}, dossier.DocumentRegistration: {dossier.OrderExpired, ""}},
			problem.CodeBankIDSessionExpired, 0, false},
		{"the session never finishes: it expires on the clock", func(f *fakeAML) { f.never = true }, fakeRichest, nil, map[string]partWant{
			dossier.PartData: {dossier.OrderExpired, ""}, dossier.DocumentAML: {dossier.OrderExpired, ""}, dossier.DocumentRegistration: {dossier.OrderExpired, ""}},
			problem.CodeBankIDSessionExpired, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, f, _, clock := newAMLDesk(t, false)
			if tt.script != nil {
				tt.script(f)
			}
			var rec recorder
			stop := d.WatchAMLOrders(rec.add)
			defer stop()
			o, err := d.OrderAML(context.Background(), dossier.AMLRequest{Number: tt.number, Documents: tt.docs})
			if err != nil {
				t.Fatal(err)
			}
			if len(o.Parts) != len(tt.want) || o.Parts[0].Kind != dossier.PartData || !o.OrderedAt.Equal(testNow) || !o.ExpiresAt.Equal(testNow.Add(2*time.Hour)) {
				t.Fatalf("the order as accepted: %+v", o)
			}
			o = waitOrder(t, d, o.ID)
			for _, p := range o.Parts {
				w := tt.want[p.Kind]
				if p.State != w.state || problem.Code(p.Problem) != w.problem || (p.State == dossier.OrderReady && p.Kind != dossier.PartData) != (p.Document != "") {
					t.Errorf("part %s: %+v, want %s %q", p.Kind, p, w.state, w.problem)
				}
			}
			if problem.Code(o.Problem) != tt.problem {
				t.Errorf("order problem %q, want %q", o.Problem, tt.problem)
			}
			docs, err := d.Documents(tt.number)
			if err != nil || len(docs) != tt.stored {
				t.Fatalf("documents %+v, %v; want %d", docs, err, tt.stored)
			}
			for _, doc := range docs {
				var buf bytes.Buffer
				if err := d.WriteDocument(doc.ID, &buf); err != nil || !bytes.Equal(buf.Bytes(), fakePDF(doc.Kind, o.ID)) {
					t.Errorf("document %s: %q, %v", doc.Kind, buf.String(), err)
				}
				if doc.OrgNr != o.OrgNr || doc.SessionID != o.ID || doc.Size != int64(buf.Len()) || !doc.ExpiresAt.Equal(o.ExpiresAt) || doc.ReadyAt.IsZero() {
					t.Errorf("record %+v", doc)
				}
			}
			a, err := d.AML(tt.number)
			if err != nil || (a != nil) != tt.data {
				t.Errorf("AML data %+v, %v; want some: %v", a, err, tt.data)
			}
			if got := rec.states(dossier.DocumentAML); len(tt.want[dossier.DocumentAML].state) > 0 && got[len(got)-1] != tt.want[dossier.DocumentAML].state {
				t.Errorf("the watchers saw %v", got)
			}
			if tt.name == "everything ready" {
				if got := rec.states(dossier.DocumentAML); !slices.Equal(got, []dossier.OrderState{dossier.OrderWaiting, dossier.OrderPreparing, dossier.OrderReady}) {
					t.Errorf("the watchers saw %v, want waiting, preparing, ready", got)
				}
				if o.Name != "NAME OF "+fakeRichest && o.Name != "SOLSTRAND INDUSTRIER ASA" {
					t.Errorf("name %q", o.Name)
				}
			}
			if tt.name == "the session never finishes: it expires on the clock" && clock.Now().Before(o.ExpiresAt) {
				t.Errorf("expired at %v, before %v", clock.Now(), o.ExpiresAt)
			}
		})
	}
}

// Orders that cannot be placed say why, and nothing is kept of them.
func TestOrderAMLRefusals(t *testing.T) {
	tests := []struct {
		name string
		req  dossier.AMLRequest
		env  Environment
		want problem.Code
	}{
		{"a personal number", dossier.AMLRequest{Number: "19121212-1212"}, "", problem.CodePersonalNumber},
		{"not a number", dossier.AMLRequest{Number: "12345"}, "", problem.CodeBankIDInvalidIdentifier},
		{"a Swedish number for Norway", dossier.AMLRequest{Number: fakeSwedish, Country: "no"}, "", problem.CodeBankIDInvalidIdentifier},
		{"a country BankID does not serve", dossier.AMLRequest{Number: fakeRichest, Country: "DK"}, "", problem.CodeBankIDInvalidIdentifier},
		{"a document kind that does not exist", dossier.AMLRequest{Number: fakeRichest, Documents: []string{"credit"}}, "", problem.CodeBadSetting},
		{"no BankID client in production", dossier.AMLRequest{Number: fakeRichest}, EnvProduction, problem.CodeBankIDNotConnected},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, f, _, _ := newAMLDesk(t, false)
			d.cfg.Environment = tt.env
			if _, err := d.OrderAML(context.Background(), tt.req); problem.CodeOf(err) != tt.want {
				t.Errorf("%v, want %s", err, tt.want)
			}
			if orders, err := d.AMLOrders(); err != nil || len(orders) != 0 || len(f.orders) != 0 {
				t.Errorf("orders kept %+v, asked %+v, %v", orders, f.orders, err)
			}
		})
	}
}

// CanOrderAML: the sandbox always can; elsewhere a client id and a secret
// (or a certificate for private_key_jwt) are needed.
func TestCanOrderAML(t *testing.T) {
	tests := []struct {
		name     string
		env      Environment
		settings map[string]string
		number   string
		want     problem.Code
	}{
		{"sandbox", EnvSandbox, nil, fakeRichest, ""},
		{"sandbox, Finnish", EnvSandbox, nil, fakeFinnish, ""},
		{"sandbox, a personal number", EnvSandbox, nil, "19121212-1212", problem.CodePersonalNumber},
		{"production without a client", EnvProduction, nil, fakeRichest, problem.CodeBankIDNotConnected},
		{"production, id without secret", EnvProduction, map[string]string{SettingBankIDClientID: "c"}, fakeRichest, problem.CodeBankIDNotConnected},
		{"production, id and secret", EnvProduction, map[string]string{SettingBankIDClientID: "c", SettingBankIDSecret: "s"}, fakeRichest, ""},
		{"test, private_key_jwt without certificate", EnvTest, map[string]string{SettingBankIDClientID: "c", SettingBankIDAuth: "private_key_jwt", SettingBankIDSecret: "s"}, fakeRichest, problem.CodeBankIDNotConnected},
		{"test, private_key_jwt with certificate", EnvTest, map[string]string{SettingBankIDClientID: "c", SettingBankIDAuth: "private_key_jwt", SettingBankIDCertificate: "virksomhet"}, fakeRichest, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _, _, _ := newAMLDesk(t, false)
			d.cfg.Environment = tt.env
			if err := d.SetSettings(tt.settings); err != nil {
				t.Fatal(err)
			}
			n, err := d.Identify(tt.number, "")
			if err != nil {
				t.Fatal(err)
			}
			if got := problem.CodeOf(d.CanOrderAML(n)); got != tt.want {
				t.Errorf("%q, want %q", got, tt.want)
			}
		})
	}
}

// The BankID settings take only the values they know.
func TestBankIDSettingsChecked(t *testing.T) {
	tests := []struct {
		key, value string
		ok         bool
	}{
		{SettingBankIDAuth, "client_secret_basic", true},
		{SettingBankIDAuth, "client_secret_post", true},
		{SettingBankIDAuth, "private_key_jwt", true},
		{SettingBankIDAuth, "password", false},
		{SettingBankIDHosts, "prod", true},
		{SettingBankIDHosts, "preprod", true},
		{SettingBankIDHosts, "current", true},
		{SettingBankIDHosts, "staging", false},
		{SettingBankIDOFAC, "on", true},
		{SettingBankIDOFAC, "off", true},
		{SettingBankIDOFAC, "", true},
		{SettingBankIDOFAC, "yes", false},
		{SettingBankIDCallbackURL, "https://hooks.example/bankid", true},
		{SettingBankIDCallbackURL, "http://hooks.example/bankid", false},
		{SettingBankIDCallbackURL, "https://", false},
		{SettingBankIDOIDCURL, "https://oidc.example/auth/realms/x", true},
		{SettingBankIDOIDCURL, "oidc.example", false},
		{SettingBankIDURL, "http://aml.example", false},
	}
	d, _, _, _ := newAMLDesk(t, false)
	for _, tt := range tests {
		err := d.SetSetting(tt.key, tt.value)
		if (err == nil) != tt.ok || (err != nil && problem.CodeOf(err) != problem.CodeBadSetting) {
			t.Errorf("%s=%q: %v, want ok %v", tt.key, tt.value, err, tt.ok)
		}
	}
}

// A callback URL in the settings makes orders ask for webhooks.
func TestOrderAMLAsksForWebhooks(t *testing.T) {
	d, f, _, _ := newAMLDesk(t, false)
	if err := d.SetSetting(SettingBankIDCallbackURL, "https://hooks.example/bankid"); err != nil {
		t.Fatal(err)
	}
	o, err := d.OrderAML(context.Background(), dossier.AMLRequest{Number: fakeFinnish, Documents: []string{"aml"}})
	if err != nil {
		t.Fatal(err)
	}
	waitOrder(t, d, o.ID)
	if len(f.orders) != 1 || f.orders[0].CallbackURL != "https://hooks.example/bankid" || f.orders[0].Country != "FI" ||
		f.orders[0].OrgNr != fakeFinnish || !slices.Equal(f.orders[0].Documents, []string{"aml"}) {
		t.Errorf("asked %+v", f.orders)
	}
}

// readyOrder orders both documents for the richest company and waits
// until they are in the vault.
func readyOrder(t *testing.T, d *Desk) (dossier.AMLOrder, []dossier.Document) {
	t.Helper()
	o, err := d.OrderAML(context.Background(), dossier.AMLRequest{Number: fakeRichest})
	if err != nil {
		t.Fatal(err)
	}
	o = waitOrder(t, d, o.ID)
	docs, err := d.Documents(fakeRichest)
	if err != nil || len(docs) != 2 || !o.Ready() {
		t.Fatalf("%+v: documents %+v, %v", o, docs, err)
	}
	return o, docs
}

// A document whose record does not match its blob is refused when read,
// and saving it leaves the file chosen as it was, with nothing beside it.
func TestDocumentChecksumAndAtomicSave(t *testing.T) {
	d, _, _, _ := newAMLDesk(t, false)
	_, docs := readyOrder(t, d)
	dir := t.TempDir()
	path := filepath.Join(dir, "report.pdf")
	if err := d.SaveDocument(docs[0].ID, path); err != nil {
		t.Fatal(err)
	}
	saved, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(saved, []byte("%PDF-")) || int64(len(saved)) != docs[0].Size {
		t.Fatalf("saved %q, %v", saved, err)
	}

	tampered := docs[0]
	tampered.SHA256 = "00" + tampered.SHA256[2:]
	b, _ := json.Marshal(tampered)
	if err := d.withVault(func(v *vault.Vault) error { return v.Put(amlDocsBucket, tampered.ID, b) }); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := d.WriteDocument(tampered.ID, &buf); problem.CodeOf(err) != problem.CodeVaultDamaged {
		t.Errorf("reading a tampered document: %v", err)
	}
	if err := os.WriteFile(path, []byte("the user's own file"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := d.SaveDocument(tampered.ID, path); problem.CodeOf(err) != problem.CodeVaultDamaged {
		t.Errorf("saving a tampered document: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "the user's own file" {
		t.Errorf("the file chosen became %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %v", entries)
	}
	if err := d.SaveDocument("no-such-document", filepath.Join(dir, "x.pdf")); problem.CodeOf(err) != problem.CodeDocumentNotFound {
		t.Errorf("an unknown document: %v", err)
	}
}

// Opened documents live in a private folder until the vault locks;
// removed documents are gone from the vault and the audit log says so.
func TestOpenAndRemoveDocuments(t *testing.T) {
	d, _, _, _ := newAMLDesk(t, false)
	_, docs := readyOrder(t, d)
	var paths []string
	for _, doc := range docs {
		p, err := d.OpenDocumentFile(doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
		fi, err := os.Stat(p)
		if err != nil || fi.Mode().Perm() != 0o600 || fi.Size() != doc.Size {
			t.Errorf("%s: %v, %v", p, fi, err)
		}
		di, err := os.Stat(filepath.Dir(p))
		if err != nil || di.Mode().Perm() != 0o700 {
			t.Errorf("folder: %v, %v", di, err)
		}
		want := map[string]string{dossier.DocumentAML: "AML-report-311111116-2026-11-26.pdf",
			dossier.DocumentRegistration: "Certificate-of-registration-311111116-2026-11-26.pdf"}[doc.Kind]
		if filepath.Base(p) != want && testNow.Local().Format("2006-01-02") == "2026-11-26" {
			t.Errorf("named %s, want %s", filepath.Base(p), want)
		}
		if again, err := d.OpenDocumentFile(doc.ID); err != nil || again != p {
			t.Errorf("opened again: %s, %v", again, err)
		}
	}
	if err := d.RemoveDocument(docs[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(paths[0]); !os.IsNotExist(err) {
		t.Errorf("the removed document's file stays: %v", err)
	}
	if _, err := d.Document(docs[0].ID); problem.CodeOf(err) != problem.CodeDocumentNotFound {
		t.Errorf("the removed document: %v", err)
	}
	if err := d.withVault(func(v *vault.Vault) error {
		_, err := v.StatBlob(amlBlobPrefix + docs[0].ID)
		return err
	}); !errors.Is(err, vault.ErrNotFound) {
		t.Errorf("the removed document's blob: %v", err)
	}
	if left, err := d.Documents(fakeRichest); err != nil || len(left) != 1 || left[0].ID != docs[1].ID {
		t.Errorf("left %+v, %v", left, err)
	}
	entries, _, err := d.AuditLog()
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range entries {
		actions = append(actions, e.Action)
	}
	for _, a := range []string{"aml.order", "aml.document", "aml.open", "aml.remove"} {
		if !slices.Contains(actions, a) {
			t.Errorf("no %q in the audit log %v", a, actions)
		}
	}
	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Dir(paths[1])); !os.IsNotExist(err) {
		t.Errorf("the opened files stay after Lock: %v", err)
	}
}

// BankID's data joins the dossier beside the registers' data: a
// Norwegian dossier keeps its company, roles and owners; a Swedish one,
// for which no register answers, holds BankID's source, skipped until a
// session was read and found after.
func TestAMLDataInDossiers(t *testing.T) {
	d, _, _, _ := newAMLDesk(t, false)
	ctx := context.Background()
	before, err := d.Lookup(ctx, fakeSwedish)
	if err != nil {
		t.Fatal(err)
	}
	if s := fakeSource(t, before, SourceBankID); s.Status != dossier.StatusSkipped || s.Code == "" || before.AML != nil {
		t.Errorf("before an order: %+v, AML %+v", s, before.AML)
	}
	for _, number := range []string{fakeRichest, fakeSwedish} {
		o, err := d.OrderAML(ctx, dossier.AMLRequest{Number: number})
		if err != nil {
			t.Fatal(err)
		}
		waitOrder(t, d, o.ID)
	}
	se, err := d.Lookup(ctx, fakeSwedish)
	if err != nil {
		t.Fatal(err)
	}
	if s := fakeSource(t, se, SourceBankID); s.Status != dossier.StatusFound || se.AML == nil || !s.Fetched.Equal(se.AML.Fetched) || !se.AML.Screening.Hits() {
		t.Errorf("after an order: %+v, AML %+v", s, se.AML)
	}
	hist, err := d.History()
	if err != nil || len(hist) == 0 || hist[0].Number != fakeSwedish || hist[0].Name != "NAME OF "+fakeSwedish {
		t.Errorf("history %+v, %v", hist, err)
	}
	no, err := d.Lookup(ctx, fakeRichest)
	if err != nil {
		t.Fatal(err)
	}
	if no.AML == nil || no.AML.Key.Name != "NAME OF "+fakeRichest || no.Company == nil || no.Company.Name != "SOLSTRAND INDUSTRIER ASA" || len(no.Roles) == 0 || no.Owners == nil {
		t.Errorf("Norwegian dossier: company %+v, roles %d, owners %v, AML %+v", no.Company, len(no.Roles), no.Owners, no.AML)
	}
	saved, err := d.SavedDossier(fakeRichest)
	if err != nil || saved.AML == nil || saved.AML.SessionID != no.AML.SessionID {
		t.Errorf("saved dossier's AML %+v, %v", saved, err)
	}
	n, _ := d.Identify(fakeSwedish, "")
	if err := d.CanAnswer(n); err != nil {
		t.Errorf("CanAnswer(Swedish) with BankID: %v", err)
	}
}
