package guikit

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestDownloadsDir(t *testing.T) {
	tests := []struct {
		name     string
		dirs     []string // folders made under home
		userDirs string   // the content of .config/user-dirs.dirs, "" for none
		want     string   // under home; "-" for ""
	}{
		{"xdg folder", []string{"Nedlastinger", "Downloads"}, "XDG_DESKTOP_DIR=\"$HOME/Skrivebord\"\nXDG_DOWNLOAD_DIR=\"$HOME/Nedlastinger\"\n", "Nedlastinger"},
		{"xdg folder missing", []string{"Downloads"}, "XDG_DOWNLOAD_DIR=\"$HOME/Hämtningar\"\n", "Downloads"},
		{"xdg says home", []string{"Downloads"}, "XDG_DOWNLOAD_DIR=\"$HOME/\"\n", "Downloads"},
		{"no xdg file", []string{"Downloads"}, "", "Downloads"},
		{"none", nil, "", "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			for _, d := range tt.dirs {
				if err := os.MkdirAll(filepath.Join(home, d), 0o700); err != nil {
					t.Fatal(err)
				}
			}
			if tt.userDirs != "" {
				if err := os.MkdirAll(filepath.Join(home, ".config"), 0o700); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte(tt.userDirs), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			want := ""
			if tt.want != "-" {
				want = filepath.Join(home, tt.want)
			}
			if got := DownloadsDir(home, ""); got != want {
				t.Errorf("DownloadsDir = %q, want %q", got, want)
			}
		})
	}
}

func TestFileDialogSize(t *testing.T) {
	tests := []struct{ win, want fyne.Size }{
		{fyne.NewSize(800, 600), fyne.NewSize(720, 540)},
		{fyne.NewSize(1920, 1080), fyne.NewSize(1000, 720)},
	}
	for _, tt := range tests {
		if got := FileDialogSize(tt.win); got != tt.want {
			t.Errorf("FileDialogSize(%v) = %v, want %v", tt.win, got, tt.want)
		}
	}
}

func TestFormDialog(t *testing.T) {
	tests := []struct {
		name  string
		typed string
		want  string // the error line; "" when the dialog closes
	}{
		{"refused", "kort", "At least 8 characters."},
		{"accepted", "tillräckligt långt", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			win := a.NewWindow("Motpart")
			win.Resize(fyne.NewSize(800, 600))
			t.Cleanup(win.Close)
			entry := widget.NewPasswordEntry()
			confirmed := 0
			f := NewFormDialog(win, "Dialog", "Do it", []*widget.FormItem{widget.NewFormItem("Password", entry)},
				"A note long enough to wrap by words at the dialog's width rather than widen the dialog beyond its fields, which is what notes did before.",
				func(f *FormDialog) {
					confirmed++
					if len(entry.Text) < 8 {
						f.ShowError("At least 8 characters.")
						return
					}
					f.Hide()
				})
			f.Show()
			if w := entry.Size().Width; w < MinFieldWidth {
				t.Errorf("entry %.0f wide, want at least %.0f", w, MinFieldWidth)
			}
			if got := f.dialog.MinSize().Width; got > 2*MinFieldWidth {
				t.Errorf("dialog %.0f wide: the note did not wrap", got)
			}
			test.Type(entry, tt.typed)
			entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter confirms
			open := win.Canvas().Overlays().Top() != nil
			if confirmed != 1 || open != (tt.want != "") || (tt.want != "" && (f.Error.Text != tt.want || !f.Error.Visible())) {
				t.Errorf("confirmed %d, open %v, error %q (shown %v); want error %q", confirmed, open, f.Error.Text, f.Error.Visible(), tt.want)
			}
		})
	}
}
