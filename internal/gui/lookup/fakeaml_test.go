package lookup

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
)

// fakeAML answers the AML use cases from memory and records what it was
// asked: the orders placed, the orders stopped, the documents opened,
// saved and removed. emit plays the desk's watcher.
type fakeAML struct {
	mu sync.Mutex
	// connected says BankID is connected: then CanOrderAML answers
	// canOrder, and Swedish and Finnish numbers can be looked up, as the
	// desk does; otherwise BankID is not connected. orderErr is
	// OrderAML's error.
	connected bool
	canOrder  error
	orderErr  error
	requests  []dossier.AMLRequest
	// orders are what AMLOrders answers.
	orders   []dossier.AMLOrder
	watchers map[int]func(dossier.AMLOrder)
	watchN   int
	stopped  []string
	// amlData is BankID's data by number; docs the documents by number.
	amlData map[string]*dossier.AML
	docs    map[string][]dossier.Document
	opened  []string
	saves   [][2]string // document id, path
	removed []string
}

func (f *fakeAML) CanOrderAML(ident.Number) error {
	if !f.connected {
		return problem.New(problem.CodeBankIDNotConnected, nil)
	}
	return f.canOrder
}

func (f *fakeAML) OrderAML(_ context.Context, req dossier.AMLRequest) (dossier.AMLOrder, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, req)
	if f.orderErr != nil {
		return dossier.AMLOrder{}, f.orderErr
	}
	o := dossier.AMLOrder{ID: fmt.Sprintf("session-%d", len(f.requests)), OrgNr: req.Number, Country: req.Country, OrderedAt: fakeTime, ExpiresAt: fakeTime.Add(2 * time.Hour)}
	o.Parts = append(o.Parts, dossier.OrderPart{Kind: dossier.PartData, State: dossier.OrderWaiting})
	for _, k := range req.Documents {
		o.Parts = append(o.Parts, dossier.OrderPart{Kind: k, State: dossier.OrderWaiting})
	}
	return o, nil
}

func (f *fakeAML) AMLOrders() ([]dossier.AMLOrder, error) { return f.orders, nil }

func (f *fakeAML) WatchAMLOrders(w func(dossier.AMLOrder)) func() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.watchers == nil {
		f.watchers = map[int]func(dossier.AMLOrder){}
	}
	f.watchN++
	n := f.watchN
	f.watchers[n] = w
	return func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		delete(f.watchers, n)
	}
}

// emit tells every watcher that o changed, as the desk's goroutines do.
func (f *fakeAML) emit(o dossier.AMLOrder) {
	f.mu.Lock()
	var ws []func(dossier.AMLOrder)
	for _, w := range f.watchers {
		ws = append(ws, w)
	}
	f.mu.Unlock()
	for _, w := range ws {
		w(o)
	}
}

func (f *fakeAML) StopAMLOrder(id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.stopped = append(f.stopped, id)
	return nil
}

func (f *fakeAML) AML(orgnr string) (*dossier.AML, error) { return f.amlData[orgnr], nil }

func (f *fakeAML) Documents(orgnr string) ([]dossier.Document, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]dossier.Document(nil), f.docs[orgnr]...), nil
}

func (f *fakeAML) OpenDocumentFile(id string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.opened = append(f.opened, id)
	return "/tmp/motpart-docs/" + id + ".pdf", nil
}

func (f *fakeAML) SaveDocument(id, path string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.saves = append(f.saves, [2]string{id, path})
	return nil
}

func (f *fakeAML) RemoveDocument(id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.removed = append(f.removed, id)
	for n, docs := range f.docs {
		for i, d := range docs {
			if d.ID == id {
				f.docs[n] = append(docs[:i:i], docs[i+1:]...)
				return nil
			}
		}
	}
	return problem.New(problem.CodeDocumentNotFound, nil)
}

// dossierOnlyDesk draws a dossier's order button and Documents tab too:
// BankID not connected, no documents.
func (dossierOnlyDesk) Identify(input string, country ident.Country) (ident.Number, error) {
	return ident.Parse(input, ident.Options{Country: country, Now: fakeTime})
}
func (dossierOnlyDesk) CanOrderAML(ident.Number) error {
	return problem.New(problem.CodeBankIDNotConnected, nil)
}
func (dossierOnlyDesk) Documents(string) ([]dossier.Document, error) { return nil, nil }
