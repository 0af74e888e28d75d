package bankid_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/registry/bankid"
	sim "github.com/motpart/motpart/internal/sandbox/bankid"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestScreenshotsOfThePDFs writes page 1 of the AML report and of each
// country's certificate of registration as PNGs (pdftoppm -r 60) when
// MOTPART_BANKID_SHOTS names a folder:
//
//	MOTPART_BANKID_SHOTS=$PWD/docs/screenshots go test -run TestScreenshotsOfThePDFs ./internal/registry/bankid/
func TestScreenshotsOfThePDFs(t *testing.T) {
	dir := os.Getenv("MOTPART_BANKID_SHOTS")
	if dir == "" {
		t.Skip("MOTPART_BANKID_SHOTS is not set")
	}
	r := newRigWith(t, sim.Options{Delays: sim.ZeroDelays()}, func(c *bankid.Config) { c.OFAC = true })
	ctx := context.Background()
	for _, shot := range []struct{ number, report, file string }{
		{world.SESanctionsOrgNr, bankid.AssumedReportAML, "bankid-aml-report.png"},
		{world.SamiOrgNr, bankid.AssumedReportRegistration, "bankid-registration-no.png"},
		{world.SEOrgNr, bankid.AssumedReportRegistration, "bankid-registration-se.png"},
		{world.FIPEPYTunnus, bankid.AssumedReportRegistration, "bankid-registration-fi.png"},
	} {
		s, err := r.client.CreateSession(ctx, bankid.Order{Identifier: shot.number})
		if err != nil {
			t.Fatal(err)
		}
		pdf, err := r.client.Report(ctx, s.ID, shot.report)
		if err != nil {
			t.Fatal(err)
		}
		in := filepath.Join(t.TempDir(), "report.pdf")
		if err := os.WriteFile(in, pdf, 0o600); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, strings.TrimSuffix(shot.file, ".png"))
		if b, err := exec.Command("pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", in, out).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v: %s", err, b)
		}
	}
}
