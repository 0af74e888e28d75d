package lookup

import "testing"

func TestFileURLOf(t *testing.T) {
	tests := []struct {
		path    string
		windows bool
		want    string
	}{
		{"/home/åsa/.cache/Motpart/open-1/KYC 923609016.pdf", false, "file:///home/%C3%A5sa/.cache/Motpart/open-1/KYC%20923609016.pdf"},
		{`C:\Users\Åsa Bjørnstad\AppData\Local\Temp\Motpart\KYC 923609016.pdf`, true,
			"file:///C:/Users/%C3%85sa%20Bj%C3%B8rnstad/AppData/Local/Temp/Motpart/KYC%20923609016.pdf"},
		{`\\server\share\x.pdf`, true, "file:////server/share/x.pdf"},
	}
	for _, tt := range tests {
		if got := fileURLOf(tt.path, tt.windows).String(); got != tt.want {
			t.Errorf("fileURLOf(%q, %v) = %q, want %q", tt.path, tt.windows, got, tt.want)
		}
	}
}
