package lookup

import (
	"slices"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/problem"
)

// fakeClients keeps the firm's clients in memory.
type fakeClients struct {
	clientsMu sync.Mutex
	clients   []portfolio.Client
}

func (f *fakeClients) IsClient(number string) (bool, error) {
	f.clientsMu.Lock()
	defer f.clientsMu.Unlock()
	return slices.ContainsFunc(f.clients, func(c portfolio.Client) bool { return c.Number == number }), nil
}

func (f *fakeClients) AddClient(number, reference, responsible string) (portfolio.Client, error) {
	f.clientsMu.Lock()
	defer f.clientsMu.Unlock()
	if slices.ContainsFunc(f.clients, func(c portfolio.Client) bool { return c.Number == number }) {
		return portfolio.Client{}, problem.New(problem.CodeClientExists, nil)
	}
	c := portfolio.Client{Number: number, Reference: reference, Responsible: responsible}
	f.clients = append(f.clients, c)
	return c, nil
}

// IsClient cannot say: a dossier drawn on a bare host (no UI stand-in)
// then changes nothing when the answer comes back in the background.
func (dossierOnlyDesk) IsClient(string) (bool, error) {
	return false, problem.New(problem.CodeInternal, nil)
}
func (dossierOnlyDesk) AddClient(string, string, string) (portfolio.Client, error) {
	return portfolio.Client{}, nil
}

func TestAddToMyClientsFromTheDossier(t *testing.T) {
	tests := []struct {
		name       string
		already    bool
		wantButton bool
	}{
		{"not a client", false, true},
		{"a client already", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newFakeDesk()
			if tt.already {
				d.clients = []portfolio.Client{{Number: "923609016"}}
			}
			s, _ := newFakeScreen(t, d)
			onUI(func() { s.Open("923609016", 0) })
			s.host.WaitIdle()
			c := s.dossier.client
			if c == nil {
				t.Fatal("no client control in the dossier")
			}
			if c.Add.Visible() != tt.wantButton || c.Is.Visible() == tt.wantButton {
				t.Fatalf("button %v, is a client %v", c.Add.Visible(), c.Is.Visible())
			}
			if !tt.wantButton {
				return
			}
			onUI(func() { test.Tap(c.Add) })
			onUI(func() {
				c.entries[0].SetText("K-100")
				c.entries[1].SetText("Kari")
				test.Tap(c.form.Confirm)
			})
			s.host.WaitIdle()
			if len(d.clients) != 1 || d.clients[0].Number != "923609016" || d.clients[0].Reference != "K-100" || d.clients[0].Responsible != "Kari" {
				t.Errorf("clients %+v", d.clients)
			}
			if c.Add.Visible() || !c.Is.Visible() {
				t.Errorf("after adding: button %v, is a client %v", c.Add.Visible(), c.Is.Visible())
			}
		})
	}
}
