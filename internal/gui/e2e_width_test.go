package gui

import (
	"testing"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestWindowFits800 keeps the window usable on a small screen: in every
// language, on the empty Lookup screen with the sandbox's examples and with
// a rich dossier open (each tab), nothing asks for more than 800 pixels of
// width (at scale 1), so the window can be made that narrow.
func TestWindowFits800(t *testing.T) {
	const limit = 800
	for _, language := range []string{"en", "sv", "nb", "fi"} {
		t.Run(language, func(t *testing.T) {
			a := newUnlockedApp(t, language)
			if w := a.win.Content().MinSize().Width; w > limit {
				t.Errorf("empty Lookup: the window needs %.0f px, want at most %d", w, limit)
			}
			onUI(func() { a.lookup.Open(world.RichestOrgNr, 0) })
			a.host.WaitIdle()
			eventually(t, "the dossier", func() bool { return a.lookup.Current() != nil })
			for tab := range 3 {
				if tab > 0 {
					onUI(func() { a.lookup.NextTab(1) })
				}
				if w := a.win.Content().MinSize().Width; w > limit {
					t.Errorf("dossier tab %d: the window needs %.0f px, want at most %d", tab, w, limit)
				}
			}
		})
	}
}
