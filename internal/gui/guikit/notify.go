package guikit

import (
	"net/url"

	"fyne.io/fyne/v2"
)

// hostOutside replaces how a Host sends desktop notifications and
// opens URLs; tests set them to count the calls.
type hostOutside struct {
	notify  func(*fyne.Notification)
	openURL func(*url.URL) error
}

// SetNotifier replaces how Notify sends a notification (the Fyne app's
// SendNotification by default). Tests use it to count them.
func (h *Host) SetNotifier(f func(*fyne.Notification)) { h.outside.notify = f }

// SetURLOpener replaces how OpenURL opens a URL (the Fyne app's OpenURL,
// which hands it to the desktop, by default). Tests use it to see the
// calls.
func (h *Host) SetURLOpener(f func(*url.URL) error) { h.outside.openURL = f }

// Notify sends a desktop notification titled title saying content.
func (h *Host) Notify(title, content string) {
	n := fyne.NewNotification(title, content)
	if h.outside.notify != nil {
		h.outside.notify(n)
		return
	}
	h.App.SendNotification(n)
}

// OpenURL hands u to the desktop, which opens it with the program the
// user chose for it (a file:// URL of a PDF in the PDF viewer).
func (h *Host) OpenURL(u *url.URL) error {
	if h.outside.openURL != nil {
		return h.outside.openURL(u)
	}
	return h.App.OpenURL(u)
}
