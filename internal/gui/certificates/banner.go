package certificates

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// banner warns of certificates the desk says expire soon (or have
// expired), and once a day sends a desktop notification saying so. It is
// hidden when there are none.
type banner struct {
	host *guikit.Host
	desk Desk
	box  *fyne.Container
	text *widget.Label
	// now is the clock that decides the day of a notification.
	now func() time.Time
	// renewNow renews an Incomes Register certificate from Vero; it is
	// shown when the first certificate is one the desk can renew.
	renewNow *widget.Button
	// renew opens the renewal of the named certificate.
	renew func(name string)
	// renewName is the certificate Renew now renews.
	renewName string
}

func newBanner(h *guikit.Host, d Desk, show func()) *banner {
	b := &banner{host: h, desk: d, now: time.Now}
	b.text = guikit.WrapLabel("")
	b.text.Importance = widget.WarningImportance
	showButton := widget.NewButton(lang.L("Show"), show)
	b.renewNow = widget.NewButtonWithIcon(lang.L("Renew now"), theme.ViewRefreshIcon(), func() {
		if b.renew != nil {
			b.renew(b.renewName)
		}
	})
	b.renewNow.Importance = widget.HighImportance
	b.renewNow.Hide()
	b.box = container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())),
		container.NewHBox(b.renewNow, showButton), b.text)
	b.box.Hide()
	return b
}

// refresh asks the desk which certificates need attention and says so.
func (b *banner) refresh() {
	soon, err := b.desk.ExpiringCertificates()
	if err != nil || len(soon) == 0 {
		if err != nil {
			fyne.LogError("listing expiring certificates", err)
		}
		b.box.Hide()
		return
	}
	first := soon[0]
	var text string
	if first.Info.DaysLeft < 0 {
		text = lang.L("The certificate “{{.Name}}” has expired. Order a new one from the register.", map[string]any{"Name": first.Name})
	} else {
		text = lang.L("The certificate “{{.Name}}” expires in {{.Days}} days. Order a renewal from the register now.", map[string]any{"Name": first.Name, "Days": first.Info.DaysLeft})
	}
	if len(soon) > 1 {
		text += " " + lang.L("({{.Count}} certificates need attention.)", map[string]any{"Count": len(soon)})
	}
	b.text.SetText(text)
	b.renewName = ""
	b.renewNow.Hide()
	if slices.Contains(first.Info.Uses, certinfo.UseIncomesRegister) && b.desk.CanRenewFI(first.Name) == nil {
		b.renewName = first.Name
		b.renewNow.Show()
	}
	b.box.Show()
	today := b.now().Format(guikit.DateLayout)
	if b.host.Prefs.LastExpiryNotice() != today {
		b.host.Prefs.SetLastExpiryNotice(today)
		b.host.App.SendNotification(fyne.NewNotification("Motpart", text))
	}
}

// Banner is the warning of certificates about to expire, for the window to
// show above every screen; hidden when none.
func (s *Screen) Banner() fyne.CanvasObject { return s.banner.box }
