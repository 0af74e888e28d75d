package settings

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/gui/guitest"
)

func TestAdvancedIsCollapsedAndOneSaveStoresAll(t *testing.T) {
	d := newFakeDesk()
	s, _, _, _ := newTestScreen(t, d)
	if len(s.advanced.Items) != 1 || s.advanced.Items[0].Open {
		t.Fatalf("Advanced: %d sections, open %v; want one, collapsed", len(s.advanced.Items), len(s.advanced.Items) == 1 && s.advanced.Items[0].Open)
	}
	if got := s.advanced.Items[0].Title; got != "Advanced: addresses and Maskinporten details" {
		t.Errorf("Advanced is titled %q", got)
	}
	s.environment.SetSelectedIndex(2)
	s.grunndataID.SetText("ekstern")
	s.grunndataPW.SetText("hemmelig")
	s.mpCertificate.SetSelected("Maskinporten (Buypass)")
	s.brregURL.SetText("https://proxy.example/enhetsregisteret")
	s.grunndataURL.SetText("https://proxy.example/grunndata")
	s.mpClientID.SetText("0b7d1e2a-client")
	s.mpScope.SetSelected("brreg:reelle/forvaltning")
	s.ownersAPI.SetSelected(ownersAPINames()[1])
	test.Tap(s.saveRegs)
	want := map[string]string{
		settingEnvironment:       "production",
		settingBrregURL:          "https://proxy.example/enhetsregisteret",
		settingGrunndataURL:      "https://proxy.example/grunndata",
		settingGrunndataUser:     "ekstern",
		settingGrunndataPassword: "hemmelig",
		settingMPClientID:        "0b7d1e2a-client",
		settingMPScope:           "brreg:reelle/forvaltning",
		settingMPCertificate:     "Maskinporten (Buypass)",
		settingOwnersAPI:         "v1",
	}
	for k, v := range want {
		if d.settings[k] != v {
			t.Errorf("%s = %q, want %q", k, d.settings[k], v)
		}
	}
	if len(d.settings) != len(want) || d.saves != 1 {
		t.Errorf("stored %d settings in %d calls, want %d in 1", len(d.settings), d.saves, len(want))
	}
	if s.advanced.Items[0].Open {
		t.Error("saving opened Advanced")
	}
}

func TestReloadCertificatesSelectsTheStoredChoice(t *testing.T) {
	tests := []struct {
		stored string
		want   string
	}{
		{"", "The sandbox's demo certificate"},
		{"Maskinporten (Buypass)", "Maskinporten (Buypass)"},
	}
	for _, tt := range tests {
		d := newFakeDesk()
		s, _, _, _ := newTestScreen(t, d)
		if tt.stored != "" {
			d.settings[settingMPCertificate] = tt.stored
		}
		s.ReloadCertificates()
		if s.mpCertificate.Selected != tt.want || len(s.mpCertificate.Options) != 2 {
			t.Errorf("stored %q: selected %q of %q, want %q", tt.stored, s.mpCertificate.Selected, s.mpCertificate.Options, tt.want)
		}
	}
}

// entriesIn returns every entry in o's tree.
var entriesIn = guitest.EntriesIn

func TestPasswordDialogIsWideEnough(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 800, Height: 600}, {Width: 1280, Height: 800}} {
		s, win, _, _ := newTestScreen(t, newFakeDesk())
		win.Resize(size)
		s.OpenPasswordDialog()
		p := s.PasswordDialog()
		entries := entriesIn(win.Canvas().Overlays().Top())
		if len(entries) != 3 {
			t.Fatalf("%v: %d entries", size, len(entries))
		}
		for i, e := range entries {
			if e.Size().Width < guikit.MinFieldWidth {
				t.Errorf("%v: entry %d is %.0f wide, want at least %.0f", size, i, e.Size().Width, guikit.MinFieldWidth)
			}
		}
		// The error shows in the dialog, above its buttons.
		p.Fresh.SetText("a")
		p.Repeat.SetText("b")
		test.Tap(p.Change)
		if !p.Message.Visible() || p.Message.Text != "The two new passwords differ." || len(win.Canvas().Overlays().List()) != 1 {
			t.Errorf("%v: message %q shown %v, %d dialogs", size, p.Message.Text, p.Message.Visible(), len(win.Canvas().Overlays().List()))
		}
		abs := fyne.CurrentApp().Driver().AbsolutePositionForObject
		if end, buttons := abs(p.Message).Y+p.Message.Size().Height, abs(p.Change).Y; end > buttons || end <= abs(p.Repeat).Y {
			t.Errorf("%v: the error ends at %.0f, the buttons start at %.0f: want it between the fields and the buttons", size, end, buttons)
		}
		p.Hide()
		if s.PasswordDialog() != nil {
			t.Errorf("%v: Hide left the dialog recorded as open", size)
		}
	}
}

func TestPageFitsASmallWindow(t *testing.T) {
	// The Settings tab gets about 690 of an 800 wide window, beside the
	// navigation; nothing on the page may need more, in any language.
	const room = 690
	for _, language := range []string{"en", "sv", "nb", "fi"} {
		t.Run(language, func(t *testing.T) {
			s, win, _, _ := newTestScreen(t, newFakeDesk())
			if _, err := guikit.ApplyLanguage(language); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _, _ = guikit.ApplyLanguage("en") })
			page := New(s.host, s.desk, nil, nil)
			content := page.Content()
			page.advanced.Open(0)
			win.SetContent(content)
			if w := content.MinSize().Width; w > room {
				t.Errorf("the page needs %.0f wide, more than %d", w, room)
			}
		})
	}
}
