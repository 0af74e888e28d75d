package classify

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/problem"
)

// runPanel runs the classification: Run asks where to save the result,
// then the desk classifies and writes it there while a bar counts the
// rows; Cancel stops it and leaves nothing behind. Then the summary shows.
type runPanel struct {
	s *Screen
	// Run asks where to save and classifies; Cancel stops a run.
	Run, Cancel *widget.Button
	bar         *widget.ProgressBar
	// Progress counts the rows done; Message says how the run ended.
	Progress, Message *widget.Label
	summary           *fyne.Container
	// Last is the summary of the last run that finished; nil before.
	Last *dossier.ClassifySummary
	stop context.CancelFunc
}

func newRunPanel(s *Screen) *runPanel {
	r := &runPanel{s: s}
	r.Run = widget.NewButtonWithIcon(lang.L("Classify and save…"), theme.MediaPlayIcon(), r.chooseOutput)
	r.Run.Importance = widget.HighImportance
	r.Cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), r.cancel)
	r.Cancel.Hide()
	r.bar = widget.NewProgressBar()
	r.bar.Hide()
	r.Progress = widget.NewLabel("")
	r.Progress.Hide()
	r.Message = guikit.WrapLabel("")
	r.Message.Hide()
	r.summary = container.NewVBox()
	return r
}

// controls are the run's buttons, progress and message.
func (r *runPanel) controls() fyne.CanvasObject {
	return container.NewVBox(
		container.NewHBox(r.Run, r.Cancel),
		container.NewBorder(nil, nil, nil, r.Progress, r.bar),
		r.Message,
	)
}

// running reports whether a run is going on.
func (r *runPanel) running() bool { return r.stop != nil }

// clear forgets the last run's message and summary.
func (r *runPanel) clear() {
	r.Message.Hide()
	r.summary.RemoveAll()
	r.Last = nil
}

// chooseOutput asks where to save the classified file, suggesting a name
// beside the customer file, then runs.
func (r *runPanel) chooseOutput() {
	r.s.host.Activity()
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close() // the desk writes the file whole, or nothing
		r.RunTo(path)
	}, r.s.host.Win)
	d.SetFileName(outputName(r.s.path, r.s.chosenFormat()))
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(r.s.path))); err == nil {
		d.SetLocation(l)
	}
	guikit.ShowFileDialog(d, r.s.host.Win, []string{"." + r.s.chosenFormat()}, false)
}

// outputName suggests a name for the classified copy of the file at in:
// its name with a word for "classified" and the format's extension.
func outputName(in, format string) string {
	base := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
	return base + "-" + lang.L("classified") + "." + format
}

// withExtension is path ending in the format's extension.
func withExtension(path, format string) string {
	if strings.EqualFold(filepath.Ext(path), "."+format) {
		return path
	}
	return path + "." + format
}

// RunTo classifies the customer file chosen and saves the result at out,
// in the background, counting the rows on the bar. A name ending in .csv
// or .xlsx says the format (and the choice follows it); any other is given
// the chosen format's extension.
func (r *runPanel) RunTo(out string) {
	s := r.s
	if r.running() || s.path == "" {
		return
	}
	s.host.Activity()
	for i, f := range formats() {
		if strings.EqualFold(filepath.Ext(out), "."+f) {
			s.Format.SetSelected(formatNames()[i])
		}
	}
	format := s.chosenFormat()
	out = withExtension(out, format)
	r.clear()
	if sameFile(out, s.path) {
		r.say(lang.L("Choose another name: the result may not replace the customer file itself."), widget.DangerImportance)
		s.relayout()
		return
	}
	ctx, stop := context.WithCancel(context.Background())
	r.stop = stop
	r.Cancel.Show()
	r.bar.SetValue(0)
	r.bar.Show()
	r.Progress.SetText(lang.L("Starting…"))
	r.Progress.Show()
	s.Column.Disable()
	s.Format.Disable()
	s.sector.Refresh.Disable()
	s.updateRun()
	in, column := s.path, s.chosenColumn()
	var sum dossier.ClassifySummary
	last := -1
	s.host.Background(func() error {
		var err error
		sum, err = s.desk.ClassifyCustomers(ctx, in, out, column, format, "", func(done, total int) {
			// Tell the screen about every step of a thousandth, not every
			// row: a register has hundreds of thousands.
			step := max(1, total/1000)
			if total <= 0 {
				step = 1000
			}
			if done != total && last >= 0 && done-last < step {
				return
			}
			last = done
			s.host.Activity()
			s.host.Do(func() { r.showProgress(done, total) })
		})
		return err
	}, func(err error) {
		wasCanceled := canceled(ctx, err)
		stop()
		r.stop = nil
		r.Cancel.Hide()
		r.bar.Hide()
		r.Progress.Hide()
		s.Column.Enable()
		s.Format.Enable()
		if !s.sector.refreshing() {
			s.sector.Refresh.Enable()
		}
		s.updateRun()
		switch {
		case wasCanceled:
			r.say(lang.L("Cancelled. Nothing was saved."), widget.WarningImportance)
		case err != nil:
			r.say(guikit.ProblemText(err), widget.DangerImportance)
		default:
			r.Last = &sum
			r.say(lang.L("Saved as {{.Path}}.", map[string]any{"Path": out}), widget.SuccessImportance)
			r.showSummary(sum)
		}
		s.relayout()
		if s.scroll != nil {
			s.scroll.Refresh()
			s.scroll.ScrollToBottom() // the summary, below the preview
		}
	})
}

// showProgress counts the rows done on the bar and in words.
func (r *runPanel) showProgress(done, total int) {
	f := guikit.Format()
	if total > 0 {
		r.bar.SetValue(float64(done) / float64(total))
		r.Progress.SetText(lang.L("{{.Done}} of {{.Total}} rows", map[string]any{"Done": f.Integer(int64(done)), "Total": f.Integer(int64(total))}))
		return
	}
	r.Progress.SetText(lang.L("{{.Done}} rows", map[string]any{"Done": f.Integer(int64(done))}))
}

// say shows how the run ended.
func (r *runPanel) say(text string, imp widget.Importance) {
	r.Message.Importance = imp
	r.Message.SetText(text)
	r.Message.Show()
}

// cancel stops the run.
func (r *runPanel) cancel() {
	if r.stop != nil {
		r.s.host.Activity()
		r.stop()
	}
}

// showSummary shows the counts of a finished run and the chart of the
// matched customers by sector.
func (r *runPanel) showSummary(sum dossier.ClassifySummary) {
	counts := container.NewGridWithColumns(5,
		countTile(sum.Rows, lang.L("Customers read"), widget.MediumImportance),
		countTile(sum.Matched, lang.L("Found in the sector file"), widget.SuccessImportance),
		countTile(sum.NotInFile, lang.L("Not in the sector file"), widget.WarningImportance),
		countTile(sum.Invalid, lang.L("Invalid numbers"), widget.DangerImportance),
		countTile(sum.SoleTraders, lang.L("Sole traders (personal numbers)"), widget.MediumImportance),
	)
	heading := widget.NewLabelWithStyle(lang.L("Summary"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.summary.RemoveAll()
	r.summary.Add(heading)
	r.summary.Add(counts)
	if len(sum.BySector) > 0 {
		r.summary.Add(widget.NewLabelWithStyle(lang.L("Customers found, by sector"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		r.summary.Add(newSectorChart(sum.BySector, sum.SectorTexts))
	}
}

// countTile is one count of the summary: the number, large, over what it
// counts; a count that is not zero in the colour of its importance.
func countTile(n int, what string, imp widget.Importance) fyne.CanvasObject {
	number := widget.NewLabelWithStyle(guikit.Format().Integer(int64(n)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	number.SizeName = theme.SizeNameHeadingText
	if n > 0 {
		number.Importance = imp
	}
	caption := guikit.WrapLabel(what)
	caption.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(number, caption)
}

// sameFile reports whether a and b name the same file.
func sameFile(a, b string) bool {
	ca, errA := filepath.Abs(a)
	cb, errB := filepath.Abs(b)
	return errA == nil && errB == nil && filepath.Clean(ca) == filepath.Clean(cb)
}

// canceled reports whether err is the end of work cancelled through ctx.
func canceled(ctx context.Context, err error) bool {
	if err == nil {
		return false
	}
	return errors.Is(err, context.Canceled) || problem.CodeOf(err) == problem.CodeCanceled || ctx.Err() != nil
}
