//go:build screenshots

package main

import "testing"

func TestParseSize(t *testing.T) {
	tests := []struct {
		in     string
		w, h   float32
		wantOK bool
	}{
		{"1280x800", 1280, 800, true},
		{"800x600", 800, 600, true},
		{"1920x1080", 1920, 1080, true},
		{"1280", 0, 0, false},
		{"1280x", 0, 0, false},
		{"1280x800x24", 0, 0, false},
		{"x800", 0, 0, false},
		{"100x100", 0, 0, false},
		{"1280X800", 0, 0, false},
		{" 1280x800", 0, 0, false},
	}
	for _, tt := range tests {
		w, h, err := parseSize(tt.in)
		if (err == nil) != tt.wantOK || w != tt.w || h != tt.h {
			t.Errorf("parseSize(%q) = %v, %v, %v", tt.in, w, h, err)
		}
	}
}
