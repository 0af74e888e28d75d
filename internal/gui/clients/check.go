package clients

import (
	"context"
	"errors"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/portfolio"
)

// refreshEvery is how often a running check redraws its progress and the
// client table at most.
const refreshEvery = 250 * time.Millisecond

// checkPanel is Check all: the button, the progress of a running check
// with Pause and Cancel, the banner of an interrupted one with Continue
// and Discard, and the line about the last finished check.
type checkPanel struct {
	s *Screen

	Check, Pause, Cancel *widget.Button
	Bar                  *widget.ProgressBar
	// Status says what is being checked, or that the register asked to
	// wait; Summary what the check just finished found; Last the last
	// finished check.
	Status, Summary, Last *widget.Label
	// Banner offers to continue or discard an interrupted check.
	Banner            *fyne.Container
	BannerText        *widget.Label
	Continue, Discard *widget.Button
	running           *fyne.Container
	confirmCancel     *guikit.ConfirmDialog
	onRunning         func(text string)

	// cancel stops the running check; abandon says the stop is a cancel
	// (the check is dropped), not a pause.
	cancel  context.CancelFunc
	abandon bool

	// mu guards what the check's goroutine hands over.
	mu     sync.Mutex
	latest portfolio.Progress
	high   []portfolio.Change
	shown  time.Time
	// hold, for screenshots only (shots.go), stops the progress shown
	// once this fraction of the clients is done (the goroutine that
	// reports it waits until released closes).
	hold     float64
	released chan struct{}
	held     bool
}

func newCheckPanel(s *Screen) *checkPanel {
	p := &checkPanel{s: s}
	p.Check = widget.NewButtonWithIcon(lang.L("Check all"), theme.ViewRefreshIcon(), p.Start)
	p.Check.Importance = widget.HighImportance
	p.Pause = widget.NewButtonWithIcon(lang.L("Pause"), theme.MediaPauseIcon(), p.PauseCheck)
	p.Cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), p.askCancel)
	p.Bar = widget.NewProgressBar()
	p.Bar.TextFormatter = func() string {
		p.mu.Lock()
		defer p.mu.Unlock()
		return lang.L("{{.Done}} of {{.Total}}", map[string]any{"Done": p.latest.Done, "Total": p.latest.Total})
	}
	p.Status = widget.NewLabel("")
	p.Status.Truncation = fyne.TextTruncateEllipsis
	p.Summary = guikit.WrapLabel("")
	p.Summary.Hide()
	p.Last = guikit.WrapLabel("")
	p.Last.SizeName = theme.SizeNameCaptionText
	p.BannerText = guikit.WrapLabel("")
	p.BannerText.Importance = widget.WarningImportance
	p.Continue = widget.NewButtonWithIcon(lang.L("Continue"), theme.MediaPlayIcon(), p.Start)
	p.Continue.Importance = widget.HighImportance
	p.Discard = widget.NewButtonWithIcon(lang.L("Discard"), theme.DeleteIcon(), p.discard)
	p.Banner = container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), container.NewHBox(p.Continue, p.Discard), p.BannerText)
	p.Banner.Hide()
	p.running = container.NewBorder(nil, p.Status, nil, container.NewHBox(p.Pause, p.Cancel), p.Bar)
	p.running.Hide()
	return p
}

// content is the panel.
func (p *checkPanel) content() fyne.CanvasObject {
	return container.NewVBox(container.NewBorder(nil, nil, p.Check, nil, p.Last), p.Banner, p.running, p.Summary)
}

// Running reports whether a check runs.
func (p *checkPanel) Running() bool { return p.cancel != nil }

// checkState is what the desk says of the checks: the interrupted one,
// the last finished one, or why it cannot say.
type checkState struct {
	pending           portfolio.Progress
	pendingOK, lastOK bool
	last              portfolio.Summary
	err               error
}

// readState asks the desk for the check's state.
func (p *checkPanel) readState() checkState {
	var st checkState
	st.pending, st.pendingOK, st.err = p.s.desk.PendingCheck()
	if st.err == nil {
		st.last, st.lastOK, st.err = p.s.desk.LastCheck()
	}
	return st
}

// loadState shows the interrupted check, if any, and the last finished
// one, read in the background.
func (p *checkPanel) loadState() {
	var st checkState
	p.s.host.Background(func() error {
		st = p.readState()
		return nil
	}, func(error) { p.showState(st) })
}

// showState shows st.
func (p *checkPanel) showState(st checkState) {
	if st.err != nil {
		p.Last.SetText(guikit.ProblemText(st.err))
		return
	}
	p.showLast(st.last, st.lastOK)
	if st.pendingOK && !p.Running() {
		p.showBanner(st.pending)
	}
}

// showLast says when the last check finished and what it found.
func (p *checkPanel) showLast(last portfolio.Summary, ok bool) {
	if !ok {
		p.Last.SetText(lang.L("Your clients have not been checked yet."))
		return
	}
	text := lang.L("Last check {{.Time}}: {{.Done}} clients, {{.Changes}} changes ({{.High}} high risk).", map[string]any{
		"Time": guikit.ShortTime(last.Finished.Local()), "Done": last.Done, "Changes": last.Changes, "High": last.High,
	})
	if feed := FeedUseText(last.Feed, last.LookedUp); feed != "" && last.Feed != portfolio.FeedNotUsed {
		text += " " + feed + "."
	}
	p.Last.SetText(text)
}

// showBanner offers to continue the interrupted check p.
func (p *checkPanel) showBanner(pending portfolio.Progress) {
	p.BannerText.SetText(lang.L("A check was interrupted after {{.Done}} of {{.Total}} clients. Continue where it stopped, or discard it.", map[string]any{"Done": pending.Done, "Total": pending.Total}))
	p.Banner.Show()
}

// SetOnRunning sets what is told a short progress text while a check
// runs, and "" when it stops (the window's navigation shows it).
func (p *checkPanel) SetOnRunning(f func(text string)) { p.onRunning = f }

// Start checks every client in the background, or continues the
// interrupted check.
func (p *checkPanel) Start() {
	if p.Running() {
		return
	}
	p.s.host.Activity()
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel, p.abandon = cancel, false
	p.mu.Lock()
	p.latest, p.high, p.shown = portfolio.Progress{}, nil, time.Time{}
	p.mu.Unlock()
	p.Banner.Hide()
	p.Summary.Hide()
	p.Check.Disable()
	p.Pause.Enable()
	p.Cancel.Enable()
	p.Bar.SetValue(0)
	p.Status.SetText(lang.L("Starting the check…"))
	p.running.Show()
	var sum portfolio.Summary
	p.s.host.Background(func() error {
		var err error
		sum, err = p.s.desk.CheckClients(ctx, p.progress)
		return err
	}, func(err error) {
		cancel()
		p.cancel = nil
		p.finished(sum, err)
	})
}

// progress takes a check's progress off the check's goroutine and redraws
// at most every refreshEvery.
func (p *checkPanel) progress(pr portfolio.Progress) {
	p.mu.Lock()
	p.latest = pr
	for _, c := range pr.Found {
		if c.Risk >= portfolio.RiskHigh {
			p.high = append(p.high, c)
		}
	}
	now := time.Now()
	due := now.Sub(p.shown) >= refreshEvery
	if due {
		p.shown = now
	}
	hold, released := p.hold, p.released
	p.mu.Unlock()
	if hold > 0 && pr.Total > 0 && float64(pr.Done) >= hold*float64(pr.Total) {
		p.s.host.Do(func() { p.draw(pr) })
		p.mu.Lock()
		p.held = true
		p.mu.Unlock()
		<-released
		return
	}
	if due {
		p.s.host.Do(func() { p.draw(pr) })
	}
}

// draw shows a running check's progress.
func (p *checkPanel) draw(pr portfolio.Progress) {
	if !p.Running() {
		return
	}
	if pr.Total > 0 {
		p.Bar.SetValue(float64(pr.Done) / float64(pr.Total))
	}
	p.Bar.Refresh()
	p.Status.SetText(progressText(pr))
	if p.onRunning != nil {
		p.onRunning(lang.L("{{.Done}} of {{.Total}}", map[string]any{"Done": pr.Done, "Total": pr.Total}))
	}
	p.s.Reload()
}

// progressText says what a running check does.
func progressText(pr portfolio.Progress) string {
	switch {
	case !pr.Waiting.IsZero():
		return lang.L("Waiting for the register until {{.Time}}…", map[string]any{"Time": guikit.Format().Clock(pr.Waiting.Local())})
	case pr.Phase == portfolio.PhaseFeeds:
		return lang.L("Reading the register's change lists…")
	case pr.Current != "":
		return lang.L("Checking {{.Name}}…", map[string]any{"Name": pr.Current})
	}
	return lang.L("Checking…")
}

// PauseCheck stops the running check and keeps it, to continue later.
func (p *checkPanel) PauseCheck() {
	if p.cancel == nil {
		return
	}
	p.s.host.Activity()
	p.Pause.Disable()
	p.Cancel.Disable()
	p.Status.SetText(lang.L("Pausing…"))
	p.cancel()
}

// askCancel asks before cancelling the running check.
func (p *checkPanel) askCancel() {
	if p.cancel == nil {
		return
	}
	p.s.host.Activity()
	p.confirmCancel = guikit.ShowConfirmAction(p.s.host.Win, lang.L("Cancel the check?"),
		lang.L("The clients checked so far keep what was found; the others are checked at the next check."),
		lang.L("Cancel the check"), true, p.CancelCheck)
}

// CancelCheck stops the running check and drops it.
func (p *checkPanel) CancelCheck() {
	if p.cancel == nil {
		return
	}
	p.abandon = true
	p.Pause.Disable()
	p.Cancel.Disable()
	p.Status.SetText(lang.L("Cancelling…"))
	p.cancel()
}

// finished shows how the check ended: done (the summary and a
// notification of high risks), paused (the banner) or cancelled.
func (p *checkPanel) finished(sum portfolio.Summary, err error) {
	p.running.Hide()
	p.Check.Enable()
	if p.onRunning != nil {
		p.onRunning("")
	}
	defer p.s.Reload()
	defer p.s.changes.reload()
	paused := errors.Is(err, context.Canceled)
	switch {
	case paused && p.abandon:
		p.s.host.Background(p.s.desk.AbandonCheck, func(err error) {
			if err != nil {
				guikit.ShowProblem(p.s.host, err)
				return
			}
			p.Summary.Importance = widget.MediumImportance
			p.Summary.SetText(lang.L("The check was cancelled."))
			p.Summary.Show()
		})
		return
	case paused:
		p.loadState()
		return
	case err != nil:
		p.Summary.Importance = widget.DangerImportance
		p.Summary.SetText(guikit.ProblemText(err))
		p.Summary.Show()
		p.loadState()
		return
	}
	p.Summary.Importance = widget.MediumImportance
	if sum.High > 0 {
		p.Summary.Importance = widget.DangerImportance
	}
	p.Summary.SetText(summaryText(sum))
	p.Summary.Show()
	p.showLast(sum, true)
	p.mu.Lock()
	high := p.high
	p.mu.Unlock()
	if len(high) > 0 {
		p.s.host.Notify(lang.L("High-risk changes among your clients"), notificationText(high))
	}
}

// summaryText says what a finished check found.
func summaryText(sum portfolio.Summary) string {
	text := lang.L("Check finished: {{.Done}} clients checked, {{.Changes}} changes found, {{.High}} of them high risk.", map[string]any{
		"Done": sum.Done, "Changes": sum.Changes, "High": sum.High})
	if sum.Failed > 0 {
		text += " " + lang.L("{{.Count}} clients could not be checked; they are tried again at the next check.", map[string]any{"Count": sum.Failed})
	}
	return text
}

// notificationText names the first high-risk change and how many more.
func notificationText(high []portfolio.Change) string {
	c := high[0]
	name := c.Name
	if name == "" {
		name = c.Number
	}
	text := name + ": " + ReasonText(c.Reason)
	if len(high) > 1 {
		text += " " + lang.L("and {{.Count}} more", map[string]any{"Count": len(high) - 1})
	}
	return text
}

// discard forgets the interrupted check, after asking.
func (p *checkPanel) discard() {
	p.s.host.Activity()
	p.confirmCancel = guikit.ShowConfirmAction(p.s.host.Win, lang.L("Discard the interrupted check?"),
		lang.L("The clients checked so far keep what was found; the others are checked at the next check."),
		lang.L("Discard the check"), true, p.DiscardCheck)
}

// DiscardCheck forgets the interrupted check without asking.
func (p *checkPanel) DiscardCheck() {
	p.s.host.Background(p.s.desk.AbandonCheck, func(err error) {
		if err != nil {
			guikit.ShowProblem(p.s.host, err)
			return
		}
		p.Banner.Hide()
		p.loadState()
	})
}

// Close pauses a running check (the vault is being locked).
func (p *checkPanel) Close() {
	p.mu.Lock()
	if p.released != nil {
		close(p.released)
		p.released, p.hold = nil, 0
	}
	p.mu.Unlock()
	if p.cancel != nil {
		p.cancel()
	}
}

// sandboxStrip is the sandbox's "let a day pass" button, shown only in
// the sandbox.
type sandboxStrip struct {
	s      *Screen
	Button *widget.Button
	Label  *widget.Label
	box    *fyne.Container
}

func newSandboxStrip(s *Screen) *sandboxStrip {
	st := &sandboxStrip{s: s}
	st.Button = widget.NewButtonWithIcon(lang.L("Sandbox: let a day pass"), theme.MediaFastForwardIcon(), st.advance)
	st.Button.Importance = widget.LowImportance
	st.Label = widget.NewLabel("")
	st.Label.SizeName = theme.SizeNameCaptionText
	st.box = container.NewHBox(st.Label, st.Button)
	st.box.Hide()
	return st
}

func (st *sandboxStrip) content() fyne.CanvasObject { return st.box }

// show shows the strip with the sandbox's date when Motpart runs in the
// sandbox (SandboxNow answers).
func (st *sandboxStrip) show(now time.Time, err error) {
	if err != nil {
		st.box.Hide()
		return
	}
	st.Label.SetText(lang.L("Sandbox date: {{.Date}}", map[string]any{"Date": guikit.Format().Day(now)}))
	st.box.Show()
}

// advance lets a day pass in the sandbox and says what it did.
func (st *sandboxStrip) advance() {
	st.s.host.Activity()
	st.Button.Disable()
	var now time.Time
	st.s.host.Background(func() error {
		if err := st.s.desk.AdvanceSandbox(24 * time.Hour); err != nil {
			return err
		}
		var err error
		now, err = st.s.desk.SandboxNow()
		return err
	}, func(err error) {
		st.Button.Enable()
		if err != nil {
			guikit.ShowProblem(st.s.host, err)
			return
		}
		st.Label.SetText(lang.L("A day passed in the sandbox: it is now {{.Date}}. Check all to see what changed.", map[string]any{"Date": guikit.Format().Day(now)}))
	})
}
