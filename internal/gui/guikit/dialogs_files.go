package guikit

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// Fyne's own file dialog serves on every platform and in tests. Native
// dialogs were considered: the libraries that offer them on Linux either
// start zenity or kdialog as a separate program or need cgo and GTK, and
// neither works in the headless tests; so Motpart sizes Fyne's dialog and
// starts it where downloads land instead.

// DownloadsDir is the folder where a browser or mail program saves
// downloads: the XDG download folder of home's user-dirs.dirs (in
// configHome, or home/.config when that is ""), or else home/Downloads,
// whichever exists first; "" when none does.
func DownloadsDir(home, configHome string) string {
	if home == "" {
		return ""
	}
	if configHome == "" {
		configHome = filepath.Join(home, ".config")
	}
	var candidates []string
	if dir := xdgUserDir(filepath.Join(configHome, "user-dirs.dirs"), "XDG_DOWNLOAD_DIR", home); dir != "" {
		candidates = append(candidates, dir)
	}
	candidates = append(candidates, filepath.Join(home, "Downloads"))
	for _, dir := range candidates {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir
		}
	}
	return ""
}

// xdgUserDir reads key from an XDG user-dirs.dirs file, whose lines read
// XDG_DOWNLOAD_DIR="$HOME/Nedlastinger"; "" when the file or key is
// missing, or the key names home itself (meaning no such folder).
func xdgUserDir(file, key, home string) string {
	f, err := os.Open(file)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, value, ok := strings.Cut(strings.TrimSpace(sc.Text()), "=")
		if !ok || name != key {
			continue
		}
		value = strings.Trim(value, `"`)
		value = strings.Replace(value, "$HOME", home, 1)
		if !filepath.IsAbs(value) || filepath.Clean(value) == filepath.Clean(home) {
			return ""
		}
		return filepath.Clean(value)
	}
	return ""
}

// userDownloadsDir is DownloadsDir for the user running Motpart.
func userDownloadsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return DownloadsDir(home, os.Getenv("XDG_CONFIG_HOME"))
}

// FileDialogSize is the size of a file dialog over a window of size win:
// most of the window, so that whole file names show, but no bigger than
// is comfortable to read.
func FileDialogSize(win fyne.Size) fyne.Size {
	return fyne.NewSize(min(win.Width*0.9, 1000), min(win.Height*0.9, 720))
}

// ShowFileDialog shows a file dialog over win the way Motpart's dialogs
// are: in the downloads folder (when inDownloads and it exists), showing
// only files ending in one of exts (".pfx"; matched in any case), as a
// list so whole file names show, and as large as FileDialogSize.
func ShowFileDialog(d *dialog.FileDialog, win fyne.Window, exts []string, inDownloads bool) {
	if len(exts) > 0 {
		var all []string
		for _, e := range exts {
			all = append(all, strings.ToLower(e), strings.ToUpper(e))
		}
		d.SetFilter(storage.NewExtensionFileFilter(all))
	}
	if inDownloads {
		if dir := userDownloadsDir(); dir != "" {
			if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
				d.SetLocation(l)
			}
		}
	}
	d.SetView(dialog.ListView)
	d.Show()
	resizeFileDialog(d, FileDialogSize(win.Canvas().Size()))
	recentre(win)
}

// resizeFileDialog resizes a shown file dialog. Fyne's FileDialog.Resize
// panics when the dialog was handed to the desktop's own (a Flatpak
// portal), which then has no Fyne window to resize; that is harmless.
func resizeFileDialog(d *dialog.FileDialog, size fyne.Size) {
	defer func() { _ = recover() }()
	d.Resize(size)
}
