package setup

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// BenchmarkMakeKYCReport: the desk's whole MakeKYCReport of a typical
// dossier (the sandbox's richest company, looked up, its two AML
// documents ordered, a note): gathering from the vault, making the PDF and
// storing it in the vault with its audit entries. No register is asked.
// A report adds a document and an audit line that the next report would
// list, so each one is timed on its own copy of the same vault, unlocked
// before the timer starts: every report is the first one of the client.
// Issue 15 wants <= 100 ms.
func BenchmarkMakeKYCReport(b *testing.B) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	made := lookedUpWithAML(b, ctx, world.RichestOrgNr)
	if err := made.Lock(); err != nil {
		b.Fatal(err)
	}
	src := filepath.Dir(made.path)
	for _, lang := range []string{"en", "nb"} {
		b.Run(lang, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				dir := filepath.Join(b.TempDir(), "Motpart")
				if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
					b.Fatal(err)
				}
				d := newLookupDesk(b, deskOptions{conn: made.conn, path: filepath.Join(dir, filepath.Base(made.path))})
				b.StartTimer()
				if _, err := d.MakeKYCReport(ctx, world.RichestOrgNr, dossier.ReportOptions{Language: lang}); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				_ = d.Lock()
				b.StartTimer()
			}
		})
	}
}
