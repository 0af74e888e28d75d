//go:build screenshots

package classify

import (
	"context"

	"github.com/motpart/motpart/internal/dossier"
)

// This file is built only into the screenshots program: it holds a run
// still part of the way through, so the screen can be shown while it
// counts rows. The shipped window has none of it.

// RunPaused classifies the file shown into out as RunTo does, but holds
// the run once a fraction at of the rows is done (showing that count)
// until the run is cancelled, as closing the window does.
func (s *Screen) RunPaused(out string, at float64) {
	s.desk = pausingDesk{Desk: s.desk, at: at}
	s.RunTo(out)
}

// pausingDesk holds a classification once a fraction at of its rows is
// done.
type pausingDesk struct {
	Desk
	at float64
}

func (d pausingDesk) ClassifyCustomers(ctx context.Context, in, out string, column string, format string, sectorFile string, progress func(done, total int)) (dossier.ClassifySummary, error) {
	return d.Desk.ClassifyCustomers(ctx, in, out, column, format, sectorFile, func(done, total int) {
		progress(done, total)
		if total > 0 && float64(done) >= d.at*float64(total) {
			<-ctx.Done()
		}
	})
}
