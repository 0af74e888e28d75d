package settings

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
)

// backupSection is the vault's backup and restore in Settings, the
// reminder banner over the window, and the About box.
type backupSection struct {
	s *Screen
	// last says when the newest backup was taken.
	last *widget.Label
	// BackUp and Restore start the two; About opens the About box.
	BackUp, Restore, About *widget.Button
	// banner reminds the user when no backup is newer than 30 days; later
	// hides it until the next unlock.
	banner *fyne.Container
	later  bool
	// onRestored is called after a restore, which leaves the vault locked.
	onRestored func()
	// Progress is the dialog shown while a backup is written (tests read
	// it); nil otherwise.
	Progress *guikit.Dialog
	// RestoreDialog asks for the backup's password; nil when closed.
	RestoreDialog *guikit.FormDialog
	// AboutDialog is the About box while it is open.
	AboutDialog *guikit.Dialog
}

func newBackupSection(s *Screen) *backupSection {
	b := &backupSection{s: s, last: guikit.WrapLabel("")}
	b.BackUp = widget.NewButtonWithIcon(lang.L("Back up the vault…"), theme.DocumentSaveIcon(), b.chooseBackup)
	b.Restore = widget.NewButtonWithIcon(lang.L("Restore…"), theme.HistoryIcon(), b.chooseRestore)
	b.About = widget.NewButtonWithIcon(lang.L("About Motpart…"), theme.InfoIcon(), b.showAbout)
	now := widget.NewButtonWithIcon(lang.L("Back up now…"), theme.DocumentSaveIcon(), b.chooseBackup)
	now.Importance = widget.HighImportance
	notNow := widget.NewButton(lang.L("Not now"), func() {
		b.later = true
		b.banner.Hide()
	})
	text := guikit.WrapLabel(lang.L("Your vault has no backup from the last 30 days. A backup is a copy of the encrypted vault file; keep it somewhere else than this computer."))
	text.Importance = widget.WarningImportance
	b.banner = container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), container.NewHBox(now, notNow), text)
	b.banner.Hide()
	b.refresh()
	return b
}

// refresh shows when the newest backup was taken and whether to remind.
func (b *backupSection) refresh() {
	taken, ok, err := b.s.desk.LastBackup()
	switch {
	case err != nil:
		b.last.SetText(guikit.ProblemText(err))
	case ok:
		b.last.SetText(lang.L("Last backup: {{.Date}}", map[string]any{"Date": guikit.Format().DateTime(taken.Local())}))
	default:
		b.last.SetText(lang.L("No backup taken yet."))
	}
	if due, err := b.s.desk.BackupDue(); err == nil && due && !b.later {
		b.banner.Show()
	} else {
		b.banner.Hide()
	}
}

// chooseBackup asks where to write the backup, in the downloads folder
// under a name with today's date, then writes it.
func (b *backupSection) chooseBackup() {
	h := b.s.host
	h.Activity()
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close() // the desk writes the backup whole, over the empty file the dialog made
		b.BackUpTo(path)
	}, h.Win)
	d.SetFileName(b.s.desk.SuggestedBackupName())
	guikit.ShowFileDialog(d, h.Win, []string{".vault"}, true)
}

// BackUpTo writes a backup of the vault to path in the background, with a
// dialog that can cancel it, and says where it went.
func (b *backupSection) BackUpTo(path string) {
	h := b.s.host
	if !strings.EqualFold(fileExt(path), ".vault") {
		path += ".vault"
	}
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBarInfinite()
	stop := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), cancel)
	b.Progress = guikit.NewDialog(h.Win, lang.L("Backing up the vault"),
		container.NewVBox(guikit.WrapLabel(lang.L("Motpart copies the vault as it is now; you can go on working.")), bar), 420, stop)
	b.Progress.Show()
	h.Background(func() error {
		size, err := b.s.desk.BackupVault(ctx, path)
		if err == nil {
			path = path + " (" + guikit.Format().Bytes(size) + ")"
		}
		return err
	}, func(err error) {
		cancel()
		bar.Stop()
		b.Progress.Hide()
		b.Progress = nil
		if err != nil {
			dialog.ShowInformation(lang.L("The backup was not written"), guikit.ProblemText(err), h.Win)
			return
		}
		b.later = false
		b.refresh()
		dialog.ShowInformation(lang.L("Vault backed up"),
			lang.L("The backup is at {{.Path}}. It opens with the vault's password; keep it somewhere else than this computer.", map[string]any{"Path": path}), h.Win)
	})
}

// chooseRestore asks for the backup to restore, then its password.
func (b *backupSection) chooseRestore() {
	h := b.s.host
	h.Activity()
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		b.AskRestore(path)
	}, h.Win)
	guikit.ShowFileDialog(d, h.Win, []string{".vault", ".db"}, true)
}

// AskRestore asks for the password of the backup at path and restores it.
func (b *backupSection) AskRestore(path string) {
	h := b.s.host
	pw := widget.NewPasswordEntry()
	items := []*widget.FormItem{widget.NewFormItem(lang.L("The backup's password"), pw)}
	note := lang.L("Motpart replaces the vault by the backup {{.Path}} once the backup has opened with its password. The vault in use now is kept beside it, renamed. Motpart then locks; unlock it with the backup's password.", map[string]any{"Path": path})
	var f *guikit.FormDialog
	f = guikit.NewFormDialog(h.Win, lang.L("Restore the vault from a backup"), lang.L("Restore the vault"), items, note, func(*guikit.FormDialog) {
		password := []byte(pw.Text)
		f.SetBusy(true)
		h.Background(func() error {
			defer clear(password)
			aside, err := b.s.desk.RestoreVault(path, password)
			if err == nil && aside != "" {
				path = aside
			}
			return err
		}, func(err error) {
			f.SetBusy(false)
			if err != nil {
				f.ShowError(guikit.ProblemText(err))
				return
			}
			f.Hide()
			b.RestoreDialog = nil
			if b.onRestored != nil {
				b.onRestored()
			}
			dialog.ShowInformation(lang.L("Vault restored"),
				lang.L("The vault was restored from the backup. The vault it replaced is kept at {{.Path}}. Unlock with the backup's password.", map[string]any{"Path": path}), h.Win)
		})
	})
	f.SetOnClosed(func() { b.RestoreDialog = nil })
	b.RestoreDialog = f
	f.Show()
	h.Win.Canvas().Focus(pw)
}

// showAbout shows the version, the commit and build date, where the vault
// is and the open-source modules built in.
func (b *backupSection) showAbout() {
	h := b.s.host
	a := h.About
	version := a.Version
	if version == "" {
		version = lang.L("unknown")
	}
	form := widget.NewForm(widget.NewFormItem(lang.L("Version"), widget.NewLabel(version)))
	if a.Commit != "" {
		form.Append(lang.L("Source code revision"), widget.NewLabel(a.Commit))
	}
	if a.Built != "" {
		form.Append(lang.L("Revision date"), widget.NewLabel(a.Built))
	}
	if a.Go != "" {
		form.Append(lang.L("Built with"), widget.NewLabel(a.Go+", "+a.Platform))
	}
	vaultPath := guikit.WrapLabel(b.s.desk.VaultPath())
	vaultPath.Wrapping = fyne.TextWrapBreak
	form.Append(lang.L("Vault file"), vaultPath)
	modules := widget.NewLabel(strings.Join(a.Modules, "\n"))
	modules.TextStyle = fyne.TextStyle{Monospace: true}
	scroll := container.NewVScroll(modules)
	scroll.SetMinSize(fyne.NewSize(0, 160))
	licences := guikit.WrapLabel(lang.L("Motpart is built with these open-source modules. Their licences are in the licences folder that comes with the program."))
	body := container.NewVBox(form, widget.NewSeparator(), licences, scroll)
	var d *guikit.Dialog
	closeButton := widget.NewButton(lang.L("Close"), func() { d.Hide() })
	d = guikit.NewDialog(h.Win, lang.L("About Motpart"), body, 520, closeButton)
	b.AboutDialog = d
	d.SetOnClosed(func() { b.AboutDialog = nil })
	d.Show()
}

// fileExt is path's extension, with the dot.
func fileExt(path string) string {
	i := strings.LastIndexAny(path, `./\`)
	if i < 0 || path[i] != '.' {
		return ""
	}
	return path[i:]
}

// BackupBanner is the reminder shown over the window when no backup is
// newer than 30 days; it is hidden otherwise.
func (s *Screen) BackupBanner() fyne.CanvasObject { return s.backup.banner }

// Backup is the backup section, for tests.
func (s *Screen) Backup() *backupSection { return s.backup }

// SetOnRestored sets what is called after a restore, which leaves the
// vault locked: the window shows the unlock screen.
func (s *Screen) SetOnRestored(f func()) { s.backup.onRestored = f }
