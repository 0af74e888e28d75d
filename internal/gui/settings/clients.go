package settings

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/portfolio"
)

// ClientsDesk is what the Settings screen asks of the client portfolio's
// settings; a desk without it shows no Clients section.
type ClientsDesk interface {
	// ClientSettings returns whether the clients are checked at start
	// when the last check is more than a day old, and how many clients
	// are looked up at once (0: the default).
	ClientSettings() (portfolio.Settings, error)
	// SetClientSettings stores them.
	SetClientSettings(portfolio.Settings) error
}

// concurrencyDefault is what the desk uses when none is set.
const concurrencyDefault = 8

// clientsSection is the Clients section: the check at start and how many
// clients are looked up at once. A change is stored at once.
type clientsSection struct {
	host *guikit.Host
	desk ClientsDesk
	// AtStart checks the clients at unlock when the last check is more
	// than a day old; Concurrency is how many are looked up at once.
	AtStart     *widget.Check
	Concurrency *widget.Select
	Message     *widget.Label
	loading     bool
}

func newClientsSection(h *guikit.Host, d ClientsDesk) *clientsSection {
	c := &clientsSection{host: h, desk: d}
	c.AtStart = widget.NewCheck(lang.L("Check my clients when Motpart starts"), func(bool) { c.save() })
	options := make([]string, 16)
	for i := range options {
		options[i] = strconv.Itoa(i + 1)
	}
	c.Concurrency = widget.NewSelect(options, func(string) { c.save() })
	c.Message = guikit.WrapLabel("")
	c.Message.Hide()
	c.load()
	return c
}

// content is the section's title and fields.
func (c *clientsSection) content() []fyne.CanvasObject {
	form := widget.NewForm(widget.NewFormItem(lang.L("Clients looked up at once"), explained(c.Concurrency,
		lang.L("More is faster; each register's own limits still hold. 8 suits most offices."))))
	// The check box's words do not wrap: the condition goes under it.
	atStart := explained(c.AtStart, lang.L("Only when the last check is more than a day old."))
	return []fyne.CanvasObject{heading(lang.L("Clients")), atStart, form, c.Message}
}

// load shows the stored settings: a quick read of the vault, made as
// the screen is built (as the other sections read theirs).
func (c *clientsSection) load() {
	cs, err := c.desk.ClientSettings()
	atStart, n := cs.CheckAtStart, cs.Concurrency
	if err != nil {
		c.Message.Importance = widget.DangerImportance
		c.Message.SetText(guikit.ProblemText(err))
		c.Message.Show()
		return
	}
	if n <= 0 {
		n = concurrencyDefault
	}
	c.loading = true
	c.AtStart.SetChecked(atStart)
	c.Concurrency.SetSelectedIndex(min(n, 16) - 1)
	c.loading = false
}

// save stores the settings as shown.
func (c *clientsSection) save() {
	if c.loading {
		return
	}
	c.host.Activity()
	atStart := c.AtStart.Checked
	n := c.Concurrency.SelectedIndex() + 1
	if n <= 0 {
		n = concurrencyDefault
	}
	c.host.Background(func() error {
		return c.desk.SetClientSettings(portfolio.Settings{CheckAtStart: atStart, Concurrency: n})
	}, func(err error) {
		if err != nil {
			c.Message.Importance = widget.DangerImportance
			c.Message.SetText(guikit.ProblemText(err))
			c.Message.Show()
			return
		}
		c.Message.Hide()
	})
}
