package desk

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/registry/rrh"
)

// referenceDir holds the registers' real example files, when present.
const referenceDir = "../../../shared/reference"

func TestOfflineCopyFromTheReferenceFiles(t *testing.T) {
	for _, name := range []string{"rrh-totalbestand-example.json", "rrh-totalbestand-example.csv"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(referenceDir, name)
			if _, err := os.Stat(path); err != nil {
				t.Skip("the reference files are not here")
			}
			d, _ := newFakeDesk(t)
			info, err := d.ImportOwnersCopy(context.Background(), path, "2022-02-14", nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if info.Registrations < 30 {
				t.Errorf("%d registrations", info.Registrations)
			}
			// Every organisation in the file is found in the copy.
			var numbers []string
			_, err = rrh.ReadTotalStream(mustOpen(t, path), rrh.Detect, func(o *dossier.Owners) error {
				numbers = append(numbers, o.Number)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range numbers {
				o, ok, err := d.copyOwners(n)
				if err != nil || !ok || o.Number != n {
					t.Errorf("%s not in the copy: %v", n, err)
				}
			}
		})
	}
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestOwnersAPIChoice: the Partner API is the default; v1 is chosen by
// its setting, or (for vaults from before the setting) by a v1 scope.
func TestOwnersAPIChoice(t *testing.T) {
	tests := []struct {
		s         RegisterSettings
		api, scop string
	}{
		{RegisterSettings{}, OwnersAPIPartner, "brreg:reelle/partner.rapporteringspliktig"},
		{RegisterSettings{OwnersAPIName: OwnersAPIV1}, OwnersAPIV1, "brreg:reelle/rapporteringspliktig"},
		{RegisterSettings{MaskinportenScope: "brreg:reelle/offentlig"}, OwnersAPIV1, "brreg:reelle/offentlig"},
		{RegisterSettings{MaskinportenScope: "brreg:reelle/partner.offentlig"}, OwnersAPIPartner, "brreg:reelle/partner.offentlig"},
		{RegisterSettings{OwnersAPIName: OwnersAPIPartner, MaskinportenScope: "brreg:reelle/partner.offentlig"}, OwnersAPIPartner, "brreg:reelle/partner.offentlig"},
	}
	for _, tt := range tests {
		if api, scope := tt.s.OwnersAPI(), tt.s.OwnerScope(); api != tt.api || scope != tt.scop {
			t.Errorf("%+v: API %q scope %q, want %q %q", tt.s, api, scope, tt.api, tt.scop)
		}
	}
	d := newTestDesk(t)
	if err := d.CreateVault([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	if err := d.SetSetting(SettingOwnersAPI, "v2"); problem.CodeOf(err) != problem.CodeBadSetting {
		t.Errorf("rrh.api v2: %v", err)
	}
	// SetSettings is all or none.
	err := d.SetSettings(map[string]string{SettingOwnersAPI: OwnersAPIV1, SettingBrregURL: "http://insecure.example"})
	if problem.CodeOf(err) != problem.CodeBadSetting {
		t.Errorf("SetSettings with an http address: %v", err)
	}
	if v, _ := d.Setting(SettingOwnersAPI); v != "" {
		t.Errorf("a refused SetSettings stored rrh.api = %q", v)
	}
	if err := d.SetSettings(map[string]string{SettingOwnersAPI: OwnersAPIV1, SettingGrunndataUser: "ekstern"}); err != nil {
		t.Fatal(err)
	}
	if s, _ := d.RegisterSettings(); s.OwnersAPI() != OwnersAPIV1 || s.GrunndataUser != "ekstern" {
		t.Errorf("after SetSettings: %+v", s)
	}
}

func TestRefreshOwnersCopyOverFakes(t *testing.T) {
	d, c := newFakeDesk(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "totalbestand.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := rrh.GenerateTotal(f, 5, 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := d.ImportOwnersCopy(ctx, path, "2026-11-20", nil, nil); err != nil {
		t.Fatal(err)
	}
	// The change log is in the v1 API only: with the default Partner API
	// the refresh says so and changes nothing.
	if _, err := d.RefreshOwnersCopy(ctx); problem.CodeOf(err) != problem.CodeChangeLogNeedsV1 {
		t.Fatalf("refresh with the Partner API: %v, want %s", err, problem.CodeChangeLogNeedsV1)
	}
	if err := d.SetSetting(SettingOwnersAPI, OwnersAPIV1); err != nil {
		t.Fatal(err)
	}
	c.changes = []OwnersChange{{Seq: 5, OrgNr: fakeRichest}, {Seq: 6, OrgNr: fakeNowhere}, {Seq: 7, OrgNr: fakeHolding}, {Seq: 8, OrgNr: fakeRichest}}
	c.failing = map[string]bool{fakeHolding: true}
	tests := []struct {
		name     string
		fix      func()
		updated  int
		failed   bool
		sequence int64
	}{
		// From the fake's position 1: 5 is applied, 6 needs nothing, 7 fails and stops before it.
		{"stops at a failed change", nil, 1, true, 6},
		{"goes on from it", func() { c.failing = nil }, 1, false, 8},
		{"nothing new", nil, 0, false, 8},
	}
	for _, tt := range tests {
		if tt.fix != nil {
			tt.fix()
		}
		n, err := d.RefreshOwnersCopy(ctx)
		if n != tt.updated || (err != nil) != tt.failed {
			t.Errorf("%s: %d updated, %v; want %d, failed %v", tt.name, n, err, tt.updated, tt.failed)
		}
		if info, _, _ := d.OwnersCopy(); info.Sequence != tt.sequence {
			t.Errorf("%s: position %d, want %d", tt.name, info.Sequence, tt.sequence)
		}
	}
	o, ok, err := d.copyOwners(fakeRichest)
	if err != nil || !ok || o.Source != "offline" || o.CopyDate != "2026-11-20" || o.Owners[1].Name != "" {
		t.Errorf("the refreshed record %+v, %v, %v (exempt owners screened)", o, ok, err)
	}
}
