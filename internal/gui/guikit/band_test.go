package guikit

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestBand(t *testing.T) {
	tests := []struct {
		language, env string
		want          string // "" for no band
	}{
		{"en", EnvSandbox, "SANDBOX · Practice data: not real companies"},
		{"sv", EnvSandbox, "SANDLÅDA · Övningsdata: inte riktiga företag"},
		{"nb", EnvSandbox, "SANDKASSE · Øvingsdata: ikke ekte selskaper"},
		{"fi", EnvSandbox, "HIEKKALAATIKKO · Harjoitusaineisto: ei oikeita yrityksiä"},
		{"en", EnvTest, "TEST · Test registers: not for real work"},
		{"fi", EnvTest, "TESTI · Testirekisterit: ei oikeaan työhön"},
		{"en", EnvProduction, ""},
		{"sv", "", ""}, // never known
	}
	for _, tt := range tests {
		t.Run(tt.language+"/"+tt.env, func(t *testing.T) {
			t.Setenv("LANGUAGE", tt.language)
			fa := test.NewTempApp(t)
			if _, err := ApplyLanguage(tt.language); err != nil {
				t.Fatal(err)
			}
			defer ApplyLanguage("en")
			w := fa.NewWindow("Motpart")
			defer w.Close()
			h := NewHost(fa, w)
			h.SetEnvironment(func() string { return tt.env })
			b := NewBand(h)
			w.SetContent(b)
			if got := h.Band().Text(); got != tt.want {
				t.Errorf("band says %q, want %q", got, tt.want)
			}
			if shown := h.Band().Visible(); shown != (tt.want != "") {
				t.Errorf("band shown %v, want %v", shown, tt.want != "")
			}
			if tt.want != "" && h.Band().MinSize().Height < 20 {
				t.Errorf("band %v high: not unmistakable", h.Band().MinSize())
			}
		})
	}
}

func TestBandFollowsTheEnvironment(t *testing.T) {
	fa := test.NewTempApp(t)
	if _, err := ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	w := fa.NewWindow("Motpart")
	defer w.Close()
	h := NewHost(fa, w)
	env := EnvSandbox
	h.SetEnvironment(func() string { return env })
	w.SetContent(WithBand(h, nil))
	steps := []struct {
		env  string
		want string
	}{
		{EnvProduction, ""},
		{EnvTest, "TEST · Test registers: not for real work"},
		{EnvSandbox, "SANDBOX · Practice data: not real companies"},
	}
	for _, s := range steps {
		env = s.env
		h.EnvironmentChanged()
		if got := h.Band().Text(); got != s.want || h.Band().Environment() != s.env || h.Band().Visible() != (s.want != "") {
			t.Errorf("after changing to %s: band %q (shown %v), want %q", s.env, got, h.Band().Visible(), s.want)
		}
	}
}

func TestBandRemembersTheLastEnvironment(t *testing.T) {
	fa := test.NewTempApp(t)
	if _, err := ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	w := fa.NewWindow("Motpart")
	defer w.Close()
	h := NewHost(fa, w)
	env := ""
	h.SetEnvironment(func() string { return env })
	steps := []struct {
		env  string // what the desk says
		want string
	}{
		{"", ""}, // never known
		{EnvTest, "TEST · Test registers: not for real work"},
		{"", "TEST · Test registers: not for real work"}, // locked: the last known
		{EnvProduction, ""},
		{"", ""},
	}
	for i, s := range steps {
		env = s.env
		w.SetContent(NewBand(h))
		if got := h.Band().Text(); got != s.want {
			t.Errorf("step %d (desk says %q): band %q, want %q", i, s.env, got, s.want)
		}
	}
}
