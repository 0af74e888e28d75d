package testclock

import (
	"testing"
	"time"
)

func TestShiftAndDate(t *testing.T) {
	tests := []struct {
		env   string
		shift time.Duration
	}{
		{"", 0},
		{"720h", 720 * time.Hour},
		{"8760h", 8760 * time.Hour},
		{"-24h", -24 * time.Hour},
	}
	base := time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Setenv(EnvShift, tt.env)
		if got := Shift(); got != tt.shift {
			t.Errorf("%q: Shift() = %v, want %v", tt.env, got, tt.shift)
		}
		if got := Date(2026, 11, 26, 9, 30, 0, 0, time.UTC); !got.Equal(base.Add(tt.shift)) {
			t.Errorf("%q: Date = %v, want %v", tt.env, got, base.Add(tt.shift))
		}
		if got := Clock(base)(); !got.Equal(base) {
			t.Errorf("Clock: %v", got)
		}
	}
}

func TestShiftNotADuration(t *testing.T) {
	t.Setenv(EnvShift, "a month")
	defer func() {
		if recover() == nil {
			t.Error("a shift that is no duration did not panic")
		}
	}()
	Shift()
}
