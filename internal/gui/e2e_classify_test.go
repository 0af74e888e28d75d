package gui

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestClassifyOnTheSandbox drives Classify customers on the real desk
// over the sandbox's SCB: the sector file fetched into the vault, a
// customer file dropped on the window, its number column found, the run
// saved as CSV with the classification added, and the summary's counts.
func TestClassifyOnTheSandbox(t *testing.T) {
	a := newUnlockedApp(t, "en")
	dir := t.TempDir()
	in := filepath.Join(dir, "kunder.csv")
	rows := []string{
		"Kundnr;Namn;Organisationsnummer",
		"1;Café;" + world.SELatin1OrgNr,                                                      // matched, with the hyphen
		"2;Bank;" + strings.ReplaceAll(world.SEBankOrgNr, "-", ""),                           // matched, without
		"3;Åsa;" + world.SESoleTraderPNr,                                                     // a sole trader
		"4;Ingen;" + world.SENotInRegisterOrgNr,                                              // valid, not in the file
		"5;Fel;" + world.SELatin1OrgNr[:10] + string('0'+(world.SELatin1OrgNr[10]-'0'+1)%10), // a wrong check digit
	}
	if err := os.WriteFile(in, []byte(strings.Join(rows, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	press(a, ctrl(fyne.Key4))
	if a.Screen() != ScreenClassify {
		t.Fatalf("Ctrl+4 shows %q", a.Screen())
	}
	if got := a.classify.Message(); got != "" {
		t.Errorf("message before any run: %q", got)
	}
	onUI(func() { a.classify.RefreshSectorFile() })
	a.host.WaitIdle()
	info, ok, err := a.desk.SectorFile()
	if err != nil || !ok || info.Rows == 0 {
		t.Fatalf("sector file after Refresh: %+v, %v, %v", info, ok, err)
	}

	onUI(func() { a.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(in)}) })
	a.host.WaitIdle()
	if a.classify.Column.Selected != "Organisationsnummer" {
		t.Errorf("column found: %q", a.classify.Column.Selected)
	}
	out := filepath.Join(dir, "kunder-klassificerad.csv")
	onUI(func() { a.classify.RunTo(out) })
	a.host.WaitIdle()
	if got, want := a.classify.Message(), "Saved as "+out+"."; got != want {
		t.Fatalf("message %q, want %q", got, want)
	}
	sum := a.classify.Summary()
	if sum == nil {
		t.Fatal("no summary")
	}
	// the sole trader is counted on her own, not among the matched, but
	// her sector (a household's) is counted with theirs
	if sum.Rows != 5 || sum.Matched != 2 || sum.NotInFile != 1 || sum.Invalid != 1 || sum.SoleTraders != 1 ||
		len(sum.BySector) != 3 || sum.SectorTexts["122100"] != "Banker" {
		t.Errorf("summary %+v, want 5 rows: 2 matched, 1 not in the file, 1 invalid, 1 sole trader; 3 sectors, 122100 Banker", *sum)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	r.FieldsPerRecord = -1
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("reading the output: %v", err)
	}
	if len(records) != 6 || len(records[0]) <= 3 || records[0][2] != "Organisationsnummer" {
		t.Errorf("output: %d rows, header %q", len(records), records[0])
	}
}
