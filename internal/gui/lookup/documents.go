package lookup

import (
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// documentsTab is the dossier's Documents tab: the AML documents the
// vault keeps for the organisation, each with Open, Save as… and Remove.
type documentsTab struct {
	host  *guikit.Host
	desk  Desk
	orgnr string
	box   *fyne.Container
	// rows are the documents shown, in the desk's order.
	rows []*documentRow
	// message says what went wrong listing them, or that there are none.
	message *widget.Label
	// chooseFile asks where to save a document named name and calls done
	// with the path chosen; tests replace it.
	chooseFile func(name string, done func(path string))
	// confirm is the last Remove dialog shown.
	confirm *guikit.ConfirmDialog
}

// documentRow is one document of the tab and its buttons.
type documentRow struct {
	doc                      dossier.Document
	Open, Save, Remove, Hash *widget.Button
}

func newDocumentsTab(h *guikit.Host, d Desk, orgnr string) *documentsTab {
	t := &documentsTab{host: h, desk: d, orgnr: orgnr, box: container.NewVBox(), message: guikit.WrapLabel("")}
	t.chooseFile = t.saveDialog
	t.refresh()
	return t
}

// refresh lists the documents again.
func (t *documentsTab) refresh() {
	t.rows = nil
	docs, err := t.desk.Documents(t.orgnr)
	objs := []fyne.CanvasObject{}
	switch {
	case err != nil:
		t.message.SetText(guikit.ProblemText(err))
		t.message.Importance = widget.WarningImportance
		objs = append(objs, t.message)
	case len(docs) == 0:
		t.message.SetText(lang.L("No AML documents yet. Order them with Order AML documents… above the tabs."))
		t.message.Importance = widget.MediumImportance
		objs = append(objs, t.message)
	}
	for i, doc := range docs {
		if i > 0 {
			objs = append(objs, widget.NewSeparator())
		}
		objs = append(objs, t.row(doc))
	}
	t.box.Objects = objs
	t.box.Refresh()
}

// row draws one document: its kind in words, when it was ordered, made
// ready and expires at BankID, its size, and its SHA-256 (short, with a
// button that copies it whole).
func (t *documentsTab) row(doc dossier.Document) fyne.CanvasObject {
	f := guikit.Format()
	r := &documentRow{doc: doc}
	t.rows = append(t.rows, r)
	kind := widget.NewLabelWithStyle(partKindName(doc.Kind), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	times := guikit.WrapLabel(lang.L("Ordered {{.Ordered}} · ready {{.Ready}} · BankID keeps it until {{.Expires}}", map[string]any{
		"Ordered": f.DateTime(doc.OrderedAt), "Ready": f.DateTime(doc.ReadyAt), "Expires": f.DateTime(doc.ExpiresAt),
	}))
	times.SizeName = theme.SizeNameCaptionText
	facts := caption(lang.L("{{.Country}} · {{.Size}} · session {{.Session}}", map[string]any{
		"Country": amlCountryName(doc.Country), "Size": f.Bytes(doc.Size), "Session": doc.SessionID,
	}))
	hash := widget.NewLabel("SHA-256 " + shortHash(doc.SHA256))
	hash.SizeName = theme.SizeNameCaptionText
	r.Hash = widget.NewButtonWithIcon("", theme.ContentCopyIcon(), func() {
		t.host.Activity()
		t.host.App.Clipboard().SetContent(doc.SHA256)
	})
	r.Hash.Importance = widget.LowImportance
	r.Open = widget.NewButtonWithIcon(lang.L("Open"), theme.FileIcon(), func() { t.open(r.doc) })
	r.Save = widget.NewButtonWithIcon(lang.L("Save as…"), theme.DocumentSaveIcon(), func() { t.saveAs(r.doc) })
	r.Remove = widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), func() { t.remove(r.doc) })
	r.Remove.Importance = widget.LowImportance
	text := container.New(layout.NewCustomPaddedVBoxLayout(0), kind, times, facts, container.NewHBox(hash, r.Hash))
	return container.NewBorder(nil, nil, widget.NewIcon(theme.FileApplicationIcon()), container.NewVBox(container.NewHBox(r.Open, r.Save, r.Remove)), text)
}

// shortHash is the first 16 hex digits of a SHA-256, then an ellipsis.
func shortHash(h string) string {
	if len(h) <= 16 {
		return h
	}
	return h[:16] + "…"
}

// open writes the document to a private temporary file and hands it to
// the system's PDF viewer.
func (t *documentsTab) open(doc dossier.Document) {
	t.host.Activity()
	var path string
	t.host.Background(func() error {
		var err error
		path, err = t.desk.OpenDocumentFile(doc.ID)
		return err
	}, func(err error) {
		if err == nil {
			err = t.host.OpenURL(fileURL(path))
		}
		if err != nil {
			guikit.ShowProblem(t.host, err)
		}
	})
}

// fileURL is the file:// URL of an absolute path.
func fileURL(path string) *url.URL {
	return &url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
}

// saveAs asks where to save the document, in the downloads folder, and
// saves it there.
func (t *documentsTab) saveAs(doc dossier.Document) {
	t.host.Activity()
	t.chooseFile(documentFileName(doc), func(path string) {
		t.host.Background(func() error { return t.desk.SaveDocument(doc.ID, path) }, func(err error) {
			if err != nil {
				guikit.ShowProblem(t.host, err)
			}
		})
	})
}

// saveDialog is Fyne's save dialog, in the downloads folder, showing PDF
// files; it calls done with the path chosen. The dialog creates the file
// empty; the desk then writes it whole.
func (t *documentsTab) saveDialog(name string, done func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			guikit.ShowProblem(t.host, err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		_ = w.Close()
		done(path)
	}, t.host.Win)
	d.SetFileName(name)
	guikit.ShowFileDialog(d, t.host.Win, []string{".pdf"}, true)
}

// documentFileName is the name a document is saved under by default:
// its kind, the company's number and the day it was made ready.
func documentFileName(doc dossier.Document) string {
	kind := partKindName(doc.Kind)
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, kind+" "+doc.OrgNr+" "+doc.ReadyAt.Local().Format("2006-01-02"))
	return name + ".pdf"
}

// remove asks, then deletes the document from the vault.
func (t *documentsTab) remove(doc dossier.Document) {
	t.host.Activity()
	t.confirm = guikit.ShowConfirmAction(t.host.Win, lang.L("Remove document?"),
		lang.L("{{.Kind}} of {{.Ready}} is deleted from the vault. The removal is written to the audit log. You can order the document again.",
			map[string]any{"Kind": partKindName(doc.Kind), "Ready": guikit.Format().DateTime(doc.ReadyAt)}),
		lang.L("Remove document"), true, func() {
			t.host.Background(func() error { return t.desk.RemoveDocument(doc.ID) }, func(err error) {
				if err != nil {
					guikit.ShowProblem(t.host, err)
				}
				t.refresh()
			})
		})
}
