package lookup

import (
	"context"
	"net/url"
	"runtime"
	"strings"
	"time"

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

// documentsTab is the dossier's Documents tab: the AML documents and KYC
// reports the vault keeps for the organisation, each with Open, Save as…
// and Remove, and Save KYC bundle… above them.
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
	// Bundle saves the KYC bundle; bundleBusy runs while it is written,
	// bundleMessage says where it went or what went wrong. chooseBundle
	// asks where to save the zip named name; tests replace it.
	Bundle        *widget.Button
	bundleBusy    *guikit.BusyLine
	bundleMessage *widget.Label
	chooseBundle  func(name string, done func(path string))
	// now dates the bundle's name; tests replace it.
	now func() time.Time
	// content is the tab: the bundle's line above the documents.
	content fyne.CanvasObject
}

// documentRow is one document of the tab and its buttons.
type documentRow struct {
	doc                      dossier.Document
	Open, Save, Remove, Hash *widget.Button
}

func newDocumentsTab(h *guikit.Host, d Desk, orgnr string) *documentsTab {
	t := &documentsTab{host: h, desk: d, orgnr: orgnr, box: container.NewVBox(), message: guikit.WrapLabel("")}
	t.chooseFile = func(name string, done func(string)) { saveFileDialog(h, name, ".pdf", done) }
	t.chooseBundle = func(name string, done func(string)) { saveFileDialog(h, name, ".zip", done) }
	t.now = time.Now
	t.Bundle = widget.NewButtonWithIcon(lang.L("Save KYC bundle…"), theme.DownloadIcon(), t.saveBundle)
	t.bundleBusy = guikit.NewBusyLine()
	t.bundleMessage = guikit.WrapLabel("")
	t.bundleMessage.SizeName = theme.SizeNameCaptionText
	t.bundleMessage.Hide()
	explain := caption(lang.L("A zip for the firm's archive: the latest KYC report, the AML documents, and a manifest with the SHA-256 of each."))
	head := container.NewBorder(nil, nil, container.NewVBox(t.Bundle), nil, explain)
	t.content = container.NewVBox(head, t.bundleBusy, t.bundleMessage, widget.NewSeparator(), t.box)
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
	session := doc.SessionID
	if doc.Kind == dossier.DocumentKYC {
		// Motpart made it: no BankID session, no expiry
		times.SetText(lang.L("Made {{.Made}} · expires –", map[string]any{"Made": f.DateTime(doc.ReadyAt)}))
		session = "–"
	}
	times.SizeName = theme.SizeNameCaptionText
	facts := caption(lang.L("{{.Country}} · {{.Size}} · session {{.Session}}", map[string]any{
		"Country": amlCountryName(doc.Country), "Size": f.Bytes(doc.Size), "Session": session,
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
func (t *documentsTab) open(doc dossier.Document) { openDocument(t.host, t.desk, doc) }

// openDocument writes doc to a private temporary file, in the background,
// and hands it to the system's PDF viewer.
func openDocument(h *guikit.Host, d AMLDesk, doc dossier.Document) {
	h.Activity()
	var path string
	h.Background(func() error {
		var err error
		path, err = d.OpenDocumentFile(doc.ID)
		return err
	}, func(err error) {
		if err == nil {
			err = h.OpenURL(fileURL(path))
		}
		if err != nil {
			guikit.ShowProblem(h, err)
		}
	})
}

// fileURL is the file:// URL of an absolute path on this system.
func fileURL(path string) *url.URL { return fileURLOf(path, runtime.GOOS == "windows") }

// fileURLOf is the file:// URL of an absolute path, a Windows one when
// windows: C:\Users\Åsa\x.pdf is file:///C:/Users/%C3%85sa/x.pdf, the drive
// in the path and not taken for a host (which the system's handler then
// fails to open).
func fileURLOf(path string, windows bool) *url.URL {
	if windows {
		path = strings.ReplaceAll(path, `\`, "/")
		if len(path) >= 2 && path[1] == ':' {
			path = "/" + path
		}
	}
	return &url.URL{Scheme: "file", Path: path}
}

// saveAs asks where to save the document, in the downloads folder, and
// saves it there.
func (t *documentsTab) saveAs(doc dossier.Document) {
	saveDocumentAs(t.host, t.desk, t.chooseFile, doc)
}

// saveDocumentAs asks with choose where to save doc, and saves it there
// in the background.
func saveDocumentAs(h *guikit.Host, d AMLDesk, choose func(name string, done func(path string)), doc dossier.Document) {
	h.Activity()
	choose(documentFileName(doc), func(path string) {
		h.Background(func() error { return d.SaveDocument(doc.ID, path) }, func(err error) {
			if err != nil {
				guikit.ShowProblem(h, err)
			}
		})
	})
}

// saveFileDialog is Fyne's save dialog, in the downloads folder, showing
// the files ending in ext; it calls done with the path chosen. The dialog
// creates the file empty; the desk then writes it whole.
func saveFileDialog(h *guikit.Host, name, ext string, done func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			guikit.ShowProblem(h, err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		_ = w.Close()
		done(path)
	}, h.Win)
	d.SetFileName(name)
	guikit.ShowFileDialog(d, h.Win, []string{ext}, true)
}

// saveBundle asks where to save the KYC bundle, in the downloads folder,
// and writes it there in the background; the desk makes a report first
// when the vault holds none, so the list is read again after.
func (t *documentsTab) saveBundle() {
	t.host.Activity()
	t.chooseBundle(bundleFileName(t.orgnr, t.now()), func(path string) {
		t.Bundle.Disable()
		t.bundleMessage.Hide()
		t.bundleBusy.Start()
		t.host.Background(func() error {
			// the documents are read from the vault: a minute is a fault
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			return t.desk.KYCBundle(ctx, t.orgnr, path)
		}, func(err error) {
			t.bundleBusy.Stop()
			t.Bundle.Enable()
			if err != nil {
				guikit.ShowProblem(t.host, err)
				return
			}
			t.bundleMessage.SetText(lang.L("KYC bundle saved to {{.Path}}.", map[string]any{"Path": path}))
			t.bundleMessage.Show()
			t.refresh()
		})
	})
}

// bundleFileName is the name a KYC bundle is saved under by default: the
// company's number and the day.
func bundleFileName(orgnr string, now time.Time) string {
	return lang.L("KYC bundle") + " " + orgnr + " " + now.Local().Format("2006-01-02") + ".zip"
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
