package report

import (
	"io"
	"testing"
)

// BenchmarkReportTypical is a sandbox-like company: 6 roles, 3 owners, a
// 10-node graph (≤ 100 ms; docs/PERFORMANCE.md).
func BenchmarkReportTypical(b *testing.B) {
	in := typical()
	for b.Loop() {
		if err := Write(io.Discard, in, Options{Language: "nb", Now: now}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReportStress is 500 roles and a 200-node graph (≤ 1 s).
func BenchmarkReportStress(b *testing.B) {
	in := stress()
	for b.Loop() {
		if err := Write(io.Discard, in, Options{Language: "nb", Now: now}); err != nil {
			b.Fatal(err)
		}
	}
}
