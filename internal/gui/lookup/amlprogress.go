package lookup

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/problem"
)

// amlProgress is the strip on the Lookup screen, above the dossier, that
// lists the AML orders being followed: the company, a progress bar, each
// part's state, and Stop following, Order again or Close. It stays while
// the user looks at other companies. The desk's watcher feeds it; each
// change reaches the widgets through the Host's Do, in the order the desk
// sent them.
type amlProgress struct {
	host *guikit.Host
	desk Desk
	// box is the strip: list, the rows, and a line under them.
	box  *fyne.Container
	list *fyne.Container
	// rows are the orders shown, by id, in the order they came.
	rows  map[string]*orderRow
	order []string
	// known are the orders placed in this window or listed at its start;
	// notified those whose readiness was notified; dropped those the user
	// took out of the strip, which a late change does not bring back.
	known, notified, dropped map[string]bool
	// ready is called with the number of an order that became ready.
	ready func(orgnr string)
	// again opens the order dialog for an expired order.
	again func(o dossier.AMLOrder)
	stop  func()

	// mu guards pending and draining: the orders the watcher sent that
	// are not shown yet, and whether a goroutine is showing them. drains
	// counts those goroutines, for tests. (They are not the Host's
	// background work: the desk's goroutines start them, and the Host's
	// WaitIdle must not wait while another goroutine may add to it.)
	mu       sync.Mutex
	pending  []dossier.AMLOrder
	draining bool
	drains   sync.WaitGroup
}

// orderRow is one order in the strip.
type orderRow struct {
	order  dossier.AMLOrder
	box    *fyne.Container
	title  *widget.Label
	bar    *widget.ProgressBar
	parts  *widget.Label
	status *widget.Label
	// Stop stops following; Again orders an expired order again; Close
	// drops a finished order from the strip.
	Stop, Again, Close *widget.Button
}

func newAMLProgress(h *guikit.Host, d Desk) *amlProgress {
	list := container.NewVBox()
	p := &amlProgress{host: h, desk: d, list: list, box: container.NewVBox(list, widget.NewSeparator()), rows: map[string]*orderRow{},
		known: map[string]bool{}, notified: map[string]bool{}, dropped: map[string]bool{}}
	p.box.Hide()
	return p
}

// start shows the orders the vault has that are still followed and
// watches the desk for changes until close.
func (p *amlProgress) start() {
	if orders, err := p.desk.AMLOrders(); err == nil {
		for i := len(orders) - 1; i >= 0; i-- {
			if o := orders[i]; !o.Finished() {
				p.known[o.ID] = true
				p.update(o)
			}
		}
	}
	p.stop = p.desk.WatchAMLOrders(p.received)
}

// close stops watching the desk.
func (p *amlProgress) close() {
	if p.stop != nil {
		p.stop()
		p.stop = nil
	}
}

// received is the desk's watcher: it queues o and, unless a goroutine is
// already at it, starts one that shows the queue in order. It never
// waits for the UI, so the desk's goroutines never wait for it.
func (p *amlProgress) received(o dossier.AMLOrder) {
	p.mu.Lock()
	p.pending = append(p.pending, o)
	if p.draining {
		p.mu.Unlock()
		return
	}
	p.draining = true
	p.mu.Unlock()
	p.drains.Go(func() {
		for {
			p.mu.Lock()
			if len(p.pending) == 0 {
				p.draining = false
				p.mu.Unlock()
				return
			}
			next := p.pending[0]
			p.pending = p.pending[1:]
			p.mu.Unlock()
			p.host.Do(func() { p.update(next) })
		}
	})
}

// update shows o's new state; it runs on the UI goroutine. An order that
// became ready is notified once, and the screen told.
func (p *amlProgress) update(o dossier.AMLOrder) {
	r := p.rows[o.ID]
	if p.dropped[o.ID] {
		return
	}
	if r == nil {
		if o.Finished() && !p.known[o.ID] {
			// an order stopped or finished before it was shown here
			// (another window, the command line) is not brought back
			if o.Ready() {
				p.tellReady(o)
			}
			return
		}
		r = p.newRow(o)
		p.rows[o.ID] = r
		p.order = append(p.order, o.ID)
		p.list.Objects = append(p.list.Objects, r.box)
	}
	if o.Name == "" {
		o.Name = r.order.Name
	}
	r.order = o
	r.show()
	p.box.Show()
	p.box.Refresh()
	if o.Ready() {
		p.tellReady(o)
	}
}

// tellReady tells the screen, then notifies the desktop, once per order,
// that o is ready.
func (p *amlProgress) tellReady(o dossier.AMLOrder) {
	if p.notified[o.ID] {
		return
	}
	p.notified[o.ID] = true
	// the screen first: the notification is the last word of the change
	if p.ready != nil {
		p.ready(o.OrgNr)
	}
	p.host.Notify(lang.L("AML documents ready"), lang.L("{{.Company}}: the documents are in the vault.", map[string]any{"Company": guikit.UnitText(o.Name, o.OrgNr)}))
}

// placed shows an order placed in this window.
func (p *amlProgress) placed(o dossier.AMLOrder) {
	p.known[o.ID] = true
	p.update(o)
}

// newRow builds the row of order o.
func (p *amlProgress) newRow(o dossier.AMLOrder) *orderRow {
	r := &orderRow{order: o}
	r.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.bar = widget.NewProgressBar()
	r.bar.TextFormatter = func() string { return "" }
	r.parts = guikit.WrapLabel("")
	r.parts.SizeName = theme.SizeNameCaptionText
	r.status = guikit.WrapLabel("")
	r.status.SizeName = theme.SizeNameCaptionText
	r.status.Importance = widget.DangerImportance
	r.status.Hide()
	r.Stop = widget.NewButtonWithIcon(lang.L("Stop following"), theme.MediaStopIcon(), func() { p.stopOrder(r) })
	r.Stop.Importance = widget.LowImportance
	r.Again = widget.NewButtonWithIcon(lang.L("Order again"), theme.ViewRefreshIcon(), func() {
		p.host.Activity()
		if p.again != nil {
			p.again(r.order)
		}
	})
	r.Close = widget.NewButtonWithIcon("", theme.WindowCloseIcon(), func() { p.drop(r.order.ID) })
	r.Close.Importance = widget.LowImportance
	buttons := container.NewHBox(r.Stop, r.Again, r.Close)
	head := container.NewBorder(nil, nil, r.title, buttons, container.NewVBox(layout.NewSpacer(), r.bar, layout.NewSpacer()))
	r.box = container.NewVBox(head, r.parts, r.status)
	return r
}

// show draws the row's order. The bar counts a finished part whole and
// one being prepared half.
func (r *orderRow) show() {
	o := r.order
	r.title.SetText(guikit.UnitText(o.Name, o.OrgNr))
	done := 0.0
	var parts []string
	for _, part := range o.Parts {
		switch {
		case part.State.Finished():
			done++
		case part.State == dossier.OrderPreparing:
			done += 0.5 // half way: BankID is at it
		}
		if part.Problem == o.Problem {
			part.Problem = "" // the order's problem, said once below
		}
		parts = append(parts, partKindName(part.Kind)+": "+partStateText(part))
	}
	if len(o.Parts) > 0 {
		r.bar.SetValue(done / float64(len(o.Parts)))
	}
	r.parts.SetText(strings.Join(parts, " · "))
	if o.Problem != "" {
		r.status.SetText(guikit.ProblemText(problem.New(problem.Code(o.Problem), nil)))
		r.status.Show()
	} else {
		r.status.Hide()
	}
	setShown(r.Stop, !o.Finished())
	setShown(r.Again, expired(o))
	setShown(r.Close, o.Finished())
}

// setShown shows or hides o.
func setShown(o fyne.CanvasObject, shown bool) {
	if shown {
		o.Show()
	} else {
		o.Hide()
	}
}

// expired reports whether an order, or a part of it, expired.
func expired(o dossier.AMLOrder) bool {
	if o.Problem == string(problem.CodeBankIDSessionExpired) {
		return true
	}
	for _, part := range o.Parts {
		if part.State == dossier.OrderExpired {
			return true
		}
	}
	return false
}

// stopOrder stops following r's order, in the background; the row goes.
func (p *amlProgress) stopOrder(r *orderRow) {
	p.host.Activity()
	id := r.order.ID
	r.Stop.Disable()
	p.host.Background(func() error { return p.desk.StopAMLOrder(id) }, func(err error) {
		r.Stop.Enable()
		if err != nil {
			guikit.ShowProblem(p.host, err)
			return
		}
		p.drop(id)
	})
}

// drop removes an order's row from the strip.
func (p *amlProgress) drop(id string) {
	r := p.rows[id]
	if r == nil {
		return
	}
	delete(p.rows, id)
	p.dropped[id] = true
	for i, o := range p.order {
		if o == id {
			p.order = append(p.order[:i], p.order[i+1:]...)
			break
		}
	}
	objs := p.list.Objects[:0]
	for _, o := range p.list.Objects {
		if o != r.box {
			objs = append(objs, o)
		}
	}
	p.list.Objects = objs
	if len(objs) == 0 {
		p.box.Hide()
	}
	p.box.Refresh()
}

// partKindName is an order part in the user's words.
func partKindName(kind string) string {
	switch kind {
	case dossier.DocumentAML:
		return lang.L("AML report")
	case dossier.DocumentRegistration:
		return lang.L("Certificate of registration")
	case dossier.PartData:
		return lang.L("Company data")
	case dossier.DocumentKYC:
		return lang.L("KYC report")
	}
	return kind
}

// partStateText is an order part's state in the user's words; a failed
// part says why.
func partStateText(p dossier.OrderPart) string {
	switch p.State {
	case dossier.OrderWaiting:
		return lang.L("waiting")
	case dossier.OrderPreparing:
		return lang.L("being prepared")
	case dossier.OrderReady:
		return lang.L("ready")
	case dossier.OrderFailed:
		if p.Problem != "" {
			return lang.L("failed ({{.Reason}})", map[string]any{"Reason": guikit.ProblemText(problem.New(problem.Code(p.Problem), nil))})
		}
		return lang.L("failed")
	case dossier.OrderExpired:
		return lang.L("expired")
	case dossier.OrderStopped:
		return lang.L("not followed")
	}
	return string(p.State)
}
