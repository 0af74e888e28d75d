package guikit

import (
	"strings"
	"testing"
	"time"
)

// sp makes the expected strings readable: "_" stands for the no-break
// space the formats write.
func sp(s string) string { return strings.ReplaceAll(s, "_", "\u00a0") }

func TestNumbersInEachLanguage(t *testing.T) {
	for _, tt := range []struct {
		lng      string
		v        float64
		decimals int
		want     string
	}{
		{"en", 10_000_000, 0, "10,000,000"},
		{"sv", 10_000_000, 0, "10_000_000"},
		{"nb", 10_000_000, 0, "10_000_000"},
		{"fi", 10_000_000, 0, "10_000_000"},
		{"en", 1234.5, 2, "1,234.50"},
		{"nb", 1234.5, 2, "1_234,50"},
		{"fi", 999, 0, "999"},
		{"sv", 100_000, 0, "100_000"},
		{"en", -1500, 0, "−1,500"},
		{"xx", 1500, 0, "1,500"},
	} {
		if got := FormatterFor(tt.lng).Number(tt.v, tt.decimals); got != sp(tt.want) {
			t.Errorf("%s: Number(%v, %d) = %q, want %q", tt.lng, tt.v, tt.decimals, got, sp(tt.want))
		}
	}
}

func TestPercentsInEachLanguage(t *testing.T) {
	for _, tt := range []struct {
		lng      string
		min, max float64
		want     string
	}{
		{"en", 74.99, 74.99, "74.99_%"},
		{"sv", 74.99, 74.99, "74,99_%"},
		{"nb", 74.99, 74.99, "74,99_%"},
		{"fi", 74.99, 74.99, "74,99_%"},
		{"nb", 50, 50, "50_%"},
		{"fi", 33.333, 33.333, "33,33_%"},
		{"en", 25.01, 49.99, "25.01–49.99_%"},
		{"nb", 25.01, 49.99, "25,01–49,99_%"},
		{"sv", 75, 100, "75–100_%"},
	} {
		if got := FormatterFor(tt.lng).PercentRange(tt.min, tt.max); got != sp(tt.want) {
			t.Errorf("%s: PercentRange(%v, %v) = %q, want %q", tt.lng, tt.min, tt.max, got, sp(tt.want))
		}
	}
}

func TestSharesInEachLanguage(t *testing.T) {
	for _, tt := range []struct {
		lng, in, want string
	}{
		{"nb", "50%", "50_%"},
		{"en", "50%", "50_%"},
		{"sv", "33.33%", "33,33_%"},
		{"fi", "12,5 %", "12,5_%"},
		{"en", "12,5 %", "12.5_%"},
		{"nb", "1/3", "1/3"},
		{"nb", "mye%", "mye%"},
		{"nb", "", ""},
	} {
		if got := FormatterFor(tt.lng).Share(tt.in); got != sp(tt.want) {
			t.Errorf("%s: Share(%q) = %q, want %q", tt.lng, tt.in, got, sp(tt.want))
		}
	}
}

func TestAmountsInEachLanguage(t *testing.T) {
	for _, tt := range []struct {
		lng, in, want string
	}{
		{"nb", "10000000 NOK", "10_000_000_NOK"},
		{"sv", "10000000 NOK", "10_000_000_NOK"},
		{"fi", "10000000 NOK", "10_000_000_NOK"},
		{"en", "10000000 NOK", "10,000,000_NOK"},
		{"nb", "1500.5 EUR", "1_500,5_EUR"},
		{"en", "1500.5 EUR", "1,500.5_EUR"},
		{"nb", "30000", "30_000"},
		{"nb", "about 30000 NOK", "about 30000 NOK"}, // not an amount: as given
		{"nb", "", ""},
		{"fi", "1e6 NOK", "1e6 NOK"},
	} {
		if got := FormatterFor(tt.lng).Amount(tt.in); got != sp(tt.want) {
			t.Errorf("%s: Amount(%q) = %q, want %q", tt.lng, tt.in, got, sp(tt.want))
		}
	}
}

func TestDatesInEachLanguage(t *testing.T) {
	for _, tt := range []struct {
		lng, in, want string
	}{
		{"en", "2026-12-03", "2026-12-03"},
		{"sv", "2026-12-03", "2026-12-03"},
		{"nb", "2026-12-03", "03.12.2026"},
		{"fi", "2026-12-03", "3.12.2026"},
		{"fi", "2019-03-15T00:00:00Z", "15.3.2019"},
		{"nb", "2024", "2024"},             // a year stays a year
		{"nb", "2026-13-40", "2026-13-40"}, // no date: as given
		{"nb", "2026-12-03x", "2026-12-03x"},
		{"fi", "", ""},
	} {
		if got := FormatterFor(tt.lng).Date(tt.in); got != tt.want {
			t.Errorf("%s: Date(%q) = %q, want %q", tt.lng, tt.in, got, tt.want)
		}
	}
	at := time.Date(2026, 12, 3, 14, 5, 9, 0, time.UTC)
	for _, tt := range []struct {
		lng, day, clock string
	}{
		{"en", "2026-12-03", "14:05"},
		{"sv", "2026-12-03", "14:05"},
		{"nb", "03.12.2026", "14:05"},
		{"fi", "3.12.2026", "14.05"},
	} {
		f := FormatterFor(tt.lng)
		if got := f.Day(at); got != tt.day {
			t.Errorf("%s: Day = %q, want %q", tt.lng, got, tt.day)
		}
		if got := f.Clock(at); got != tt.clock {
			t.Errorf("%s: Clock = %q, want %q", tt.lng, got, tt.clock)
		}
		local := at.Local()
		if got, want := f.DateTime(at), f.Day(local)+" "+f.Clock(local); got != want {
			t.Errorf("%s: DateTime = %q, want %q", tt.lng, got, want)
		}
	}
	if got, want := FormatterFor("fi").DateTimeSeconds(at), FormatterFor("fi").Day(at.Local())+" "+at.Local().Format("15.04.05"); got != want {
		t.Errorf("fi: DateTimeSeconds = %q, want %q", got, want)
	}
}

func TestSizesInEachLanguage(t *testing.T) {
	for _, tt := range []struct {
		lng  string
		n    int64
		want string
	}{
		{"en", 512, "512_bytes"},
		{"sv", 512, "512_byte"},
		{"fi", 512, "512_tavua"},
		{"en", 1536, "1.5_KB"},
		{"sv", 1536, "1,5_kB"},
		{"nb", 1536, "1,5_kB"},
		{"fi", 1536, "1,5_kt"},
		{"en", 5 * 1024 * 1024, "5.0_MB"},
		{"fi", 3 << 30, "3,0_Gt"},
	} {
		if got := FormatterFor(tt.lng).Bytes(tt.n); got != sp(tt.want) {
			t.Errorf("%s: Bytes(%d) = %q, want %q", tt.lng, tt.n, got, sp(tt.want))
		}
	}
}

func TestLanguageFollowsTheTranslations(t *testing.T) {
	for _, lng := range SupportedLanguages() {
		t.Setenv("LANGUAGE", lng)
		if _, err := ApplyLanguage(lng); err != nil {
			t.Fatal(err)
		}
		if got := Language(); got != lng {
			t.Errorf("Language() = %q after choosing %q", got, lng)
		}
	}
	t.Setenv("LANGUAGE", "en")
	if _, err := ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
}
