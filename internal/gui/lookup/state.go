package lookup

import (
	"slices"

	"fyne.io/fyne/v2"

	"github.com/motpart/motpart/internal/dossier"
)

// State is what the Lookup screen shows, kept to build the screen again
// as it was (after a change of language) without asking the registers.
type State struct {
	text    string
	country int
	current *dossier.Dossier
	saved   bool
	tab     int
	offset  fyne.Position
	visited []string
	at      int
}

// State returns what the screen shows. The note being written, if any, is
// kept as the organisation's draft in the vault, where the new screen
// finds it.
func (s *Screen) State() State {
	s.KeepDraft()
	st := State{
		text:    s.Search.Text,
		country: s.country.SelectedIndex(),
		current: s.current,
		saved:   s.saved,
		tab:     s.shownTab(),
		visited: slices.Clone(s.visited),
		at:      s.at,
	}
	if s.scroll != nil {
		st.offset = s.scroll.Offset
	}
	return st
}

// Restore shows what st says, as it was: the typed text, the dossier on
// its tab and where it was scrolled, and the back and forward history.
// Call it after Content.
func (s *Screen) Restore(st State) {
	s.country.SetSelectedIndex(st.country)
	s.Search.SetText(st.text)
	s.visited, s.at = slices.Clone(st.visited), st.at
	if st.current != nil && st.current.Number == s.number {
		s.showDossier(st.current, st.saved, st.tab)
		if s.scroll != nil {
			// Set, not scrolled to: the new content is not laid out yet,
			// and its layout keeps the offset within it.
			s.scroll.Offset = st.offset
		}
	}
	s.updateNav()
}

// NextTab shows the dossier's next tab (delta 1) or previous one (-1),
// round: Fyne's tabs take no keyboard focus, so the window binds this to
// Ctrl+Tab and Ctrl+Shift+Tab.
func (s *Screen) NextTab(delta int) {
	if s.current == nil || s.dossier.tabs == nil {
		return
	}
	n := len(s.dossier.tabs.Items)
	s.dossier.tabs.SelectIndex(((s.dossier.tabs.SelectedIndex()+delta)%n + n) % n)
}

// DossierTab is the index of the dossier tab shown (0 the company, 1 the
// beneficial owners, 2 the ownership), 0 without a dossier.
func (s *Screen) DossierTab() int { return s.shownTab() }

// Current is the dossier shown, nil for none.
func (s *Screen) Current() *dossier.Dossier { return s.current }

// Trail is the organisations visited, for back and forward, and the index
// of the one shown (-1 before the first).
func (s *Screen) Trail() (visited []string, at int) { return slices.Clone(s.visited), s.at }
