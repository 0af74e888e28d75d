package settings

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
)

// labelsIn returns the texts of every label under o.
func labelsIn(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			r := test.WidgetRenderer(w)
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

func TestBackupReminderAndBackUp(t *testing.T) {
	d := newFakeDesk()
	d.due = true
	s, win, _, _ := newTestScreen(t, d)
	b := s.Backup()
	if !s.BackupBanner().Visible() {
		t.Fatal("no reminder although a backup is due")
	}
	if b.last.Text != "No backup taken yet." {
		t.Errorf("last backup %q", b.last.Text)
	}
	onUI(func() { b.BackUpTo("/home/anna/Nedlastinger/Motpart-backup-2026-12-03") })
	s.host.WaitIdle()
	if len(d.backups) != 1 || d.backups[0] != "/home/anna/Nedlastinger/Motpart-backup-2026-12-03.vault" {
		t.Fatalf("backups %v", d.backups)
	}
	if s.BackupBanner().Visible() {
		t.Error("the reminder stays after a backup")
	}
	if !strings.HasPrefix(b.last.Text, "Last backup: ") || !strings.Contains(b.last.Text, "2026") {
		t.Errorf("last backup %q", b.last.Text)
	}
	top := win.Canvas().Overlays().Top()
	if got := strings.Join(labelsIn(top), " | "); !strings.Contains(got, "Motpart-backup-2026-12-03.vault (4") {
		t.Errorf("the message after the backup says %q", got)
	}
}

func TestBackupReminderNotNow(t *testing.T) {
	d := newFakeDesk()
	d.due = true
	s, _, _, _ := newTestScreen(t, d)
	banner := s.BackupBanner().(*fyne.Container)
	var notNow *widget.Button
	for _, o := range banner.Objects {
		if c, ok := o.(*fyne.Container); ok {
			for _, x := range c.Objects {
				if btn, ok := x.(*widget.Button); ok && btn.Text == "Not now" {
					notNow = btn
				}
			}
		}
	}
	if notNow == nil {
		t.Fatal("no Not now button on the reminder")
	}
	onUI(func() { test.Tap(notNow) })
	if banner.Visible() {
		t.Error("Not now left the reminder up")
	}
}

func TestRestoreAsksThePassword(t *testing.T) {
	d := newFakeDesk()
	s, win, _, _ := newTestScreen(t, d)
	restored := 0
	s.SetOnRestored(func() { restored++ })
	b := s.Backup()
	onUI(func() { b.AskRestore("/media/usb/Motpart-backup-2026-11-01.vault") })
	f := b.RestoreDialog
	if f == nil {
		t.Fatal("no password dialog")
	}
	pw := win.Canvas().Focused().(*widget.Entry)
	onUI(func() { test.Type(pw, "not it") })
	onUI(func() { test.Tap(f.Confirm) })
	s.host.WaitIdle()
	if len(d.restored) != 0 || restored != 0 || !f.Error.Visible() ||
		f.Error.Text != "The password is wrong. Check Caps Lock and the keyboard language, then try again." {
		t.Fatalf("a wrong password: restored %v, told %d, error %q", d.restored, restored, f.Error.Text)
	}
	onUI(func() { pw.SetText(d.password) })
	onUI(func() { test.Tap(f.Confirm) })
	s.host.WaitIdle()
	if len(d.restored) != 1 || restored != 1 || b.RestoreDialog != nil {
		t.Fatalf("restore: restored %v, told %d, dialog open %v", d.restored, restored, b.RestoreDialog != nil)
	}
	if got := strings.Join(labelsIn(win.Canvas().Overlays().Top()), " | "); !strings.Contains(got, "before-restore-20261203-173000") {
		t.Errorf("the message after the restore says %q", got)
	}
}

func TestAboutBox(t *testing.T) {
	s, win, _, _ := newTestScreen(t, newFakeDesk())
	s.host.About = guikit.About{Version: "0.1.0+80c8315aa1b2", Commit: "80c8315aa1b2c3d4", Built: "2026-12-03 14:56 UTC",
		Go: "go1.26.8", Platform: "windows/amd64", Modules: []string{"fyne.io/fyne/v2 v2.8.1", "go.etcd.io/bbolt v1.4.3"}}
	onUI(func() { test.Tap(s.Backup().About) })
	got := strings.Join(labelsIn(win.Canvas().Overlays().Top()), " | ")
	for _, want := range []string{"0.1.0+80c8315aa1b2", "2026-12-03 14:56 UTC", "go1.26.8, windows/amd64",
		"/home/anna/.config/Motpart/vault.db", "fyne.io/fyne/v2 v2.8.1\ngo.etcd.io/bbolt v1.4.3"} {
		if !strings.Contains(got, want) {
			t.Errorf("the About box lacks %q: %s", want, got)
		}
	}
}
