package classify

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// sectorStrip says how old the vault's copy of SCB's sector file is and
// refreshes it, with a progress bar and a Cancel.
type sectorStrip struct {
	s *Screen
	// has is true when the vault holds a sector file.
	has  bool
	info dossier.SectorFileInfo
	// Info says which sector file there is, or that there is none.
	Info *widget.Label
	// Refresh fetches the sector file from SCB (its label says Fetch
	// while there is none); Cancel stops that.
	Refresh, Cancel *widget.Button
	bar             *widget.ProgressBar
	busy            *widget.ProgressBarInfinite
	stop            context.CancelFunc
}

func newSectorStrip(s *Screen) *sectorStrip {
	st := &sectorStrip{s: s}
	st.Info = guikit.WrapLabel("")
	st.Refresh = widget.NewButtonWithIcon(lang.L("Refresh"), theme.ViewRefreshIcon(), st.refresh)
	st.Cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), st.cancel)
	st.Cancel.Hide()
	st.bar = widget.NewProgressBar()
	st.bar.Hide()
	st.busy = widget.NewProgressBarInfinite()
	st.busy.Stop()
	st.busy.Hide()
	return st
}

// content is the strip: the words, then the buttons and the progress.
func (st *sectorStrip) content() fyne.CanvasObject {
	return container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(st.Refresh, st.Cancel)), st.Info),
		st.bar, st.busy,
	)
}

// load asks the desk which sector file the vault holds and says so.
func (st *sectorStrip) load() {
	info, ok, err := st.s.desk.SectorFile()
	st.Info.Importance = widget.MediumImportance
	switch {
	case err != nil:
		st.has = false
		st.Info.Importance = widget.DangerImportance
		st.Info.SetText(guikit.ProblemText(err))
	case !ok:
		st.has = false
		st.Info.SetText(lang.L("No sector file yet: fetch it from SCB before classifying. It lists every Swedish company with its sector, legal form and owner category, and is kept encrypted in the vault."))
	default:
		st.has, st.info = true, info
		st.Info.SetText(sectorFileText(info))
	}
	if st.has {
		st.Refresh.SetText(lang.L("Refresh"))
		st.Refresh.Importance = widget.MediumImportance
	} else {
		st.Refresh.SetText(lang.L("Fetch the sector file"))
		st.Refresh.Importance = widget.HighImportance
	}
	st.Refresh.Refresh()
}

// sectorFileText names the sector file kept: its date and size.
func sectorFileText(info dossier.SectorFileInfo) string {
	f := guikit.Format()
	return lang.L("SCB's sector file of {{.Date}}, {{.Rows}} rows.", map[string]any{
		"Date": f.Day(info.Date.Local()), "Rows": f.Integer(int64(info.Rows)),
	})
}

// refreshing reports whether the sector file is being fetched.
func (st *sectorStrip) refreshing() bool { return st.stop != nil }

// refresh fetches the sector file in the background.
func (st *sectorStrip) refresh() {
	if st.refreshing() || st.s.run.running() {
		return
	}
	st.s.host.Activity()
	ctx, stop := context.WithCancel(context.Background())
	st.stop = stop
	st.Refresh.Disable()
	st.Cancel.Show()
	st.bar.SetValue(0)
	st.bar.Hide()
	st.busy.Show()
	st.busy.Start()
	st.Info.Importance = widget.MediumImportance
	st.Info.SetText(lang.L("Fetching SCB's sector file…"))
	st.s.updateRun()
	known := false
	st.s.host.Background(func() error {
		_, err := st.s.desk.RefreshSectorFile(ctx, func(read, total int64) {
			st.s.host.Activity()
			if total <= 0 {
				return
			}
			fraction := float64(read) / float64(total)
			st.s.host.Do(func() {
				if !known {
					known = true
					st.busy.Stop()
					st.busy.Hide()
					st.bar.Show()
					st.s.relayout()
				}
				st.bar.SetValue(fraction)
			})
		})
		return err
	}, func(err error) {
		wasCanceled := canceled(ctx, err)
		stop()
		st.stop = nil
		st.Refresh.Enable()
		st.Cancel.Hide()
		st.bar.Hide()
		st.busy.Stop()
		st.busy.Hide()
		st.load()
		if err != nil {
			note := guikit.ProblemText(err)
			if wasCanceled {
				note = lang.L("Cancelled; the sector file kept is unchanged.")
			}
			st.Info.Importance = widget.DangerImportance
			if st.has {
				st.Info.Importance = widget.WarningImportance
			}
			st.Info.SetText(st.Info.Text + " " + note)
		}
		st.s.updateRun()
	})
}

// cancel stops fetching the sector file.
func (st *sectorStrip) cancel() {
	if st.stop != nil {
		st.s.host.Activity()
		st.stop()
	}
}
