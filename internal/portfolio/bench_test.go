package portfolio

import (
	"strconv"
	"testing"
	"time"
)

func BenchmarkSnapshotDiff(b *testing.B) {
	o, n := norwegian(t0), norwegian(t1)
	n.Company.Bankrupt = true
	dropRole(n, "REVI", "Revisjon AS")
	b.ReportAllocs()
	for b.Loop() {
		if len(Diff(SnapshotOf(o), SnapshotOf(n))) != 2 {
			b.Fatal("want two changes")
		}
	}
}

func BenchmarkSortChanges(b *testing.B) {
	var cs []Change
	for i := range 10_000 {
		cs = append(cs, Change{Number: strconv.Itoa(i % 1000), Detected: t0.Add(time.Duration(i%7) * time.Hour),
			Field: fieldOrder()[i%len(fieldOrder())], Reason: Reasons()[i%len(Reasons())]})
	}
	b.ReportAllocs()
	for b.Loop() {
		f := FilterChanges(cs, ChangeFilter{MinRisk: RiskLow})
		_ = Flags(f, t0)
	}
}
