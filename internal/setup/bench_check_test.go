package setup

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/sandbox"
)

// The check's benchmarks (docs/PERFORMANCE.md): a full check of n
// Norwegian clients of the sandbox's generated population (every one
// looked up: the first check), and a daily check a sandbox day later
// (the feeds name a few). Each reports the check's wall time as
// ns/op (the simulators run in the same process, on the same cores)
// and the peak heap in use while it ran.
//
//	go test -tags x11,migrated_fynedo -run '^$' -bench BenchmarkCheck -benchtime 1x ./internal/setup/

func BenchmarkCheck1000(b *testing.B)  { benchmarkCheck(b, 1000) }
func BenchmarkCheck10000(b *testing.B) { benchmarkCheck(b, 10000) }

func benchmarkCheck(b *testing.B, n int) {
	for range b.N {
		b.StopTimer()
		conn := NewConnector(Overrides{}, sandbox.Config{Population: n}, time.Now)
		conn.sleep = noSleep
		sb, err := conn.Sandbox(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		d, _ := checkDesk(b, deskOptions{conn: conn}, sb.PopulationNumbers())
		full, fullCPU, fullPeak := timedCheck(b, d)
		sb.Advance(24 * time.Hour)
		daily, dailyCPU, dailyPeak := timedCheck(b, d)
		b.ReportMetric(full.Seconds(), "full-s")
		b.ReportMetric(fullCPU.Seconds(), "full-cpu-s")
		b.ReportMetric(daily.Seconds(), "daily-s")
		b.ReportMetric(dailyCPU.Seconds(), "daily-cpu-s")
		b.ReportMetric(float64(fullPeak)/(1<<20), "full-peak-heap-MiB")
		b.ReportMetric(float64(dailyPeak)/(1<<20), "daily-peak-heap-MiB")
		_ = d.Lock()
		_ = conn.Close()
	}
}

// timedCheck runs a check and returns how long it took, the process's
// CPU time meanwhile (the simulators' included) and the largest heap in
// use seen while it ran (sampled every 50 progress calls).
func timedCheck(b *testing.B, d *testDesk) (took, cpu time.Duration, peak uint64) {
	b.Helper()
	runtime.GC()
	var mu sync.Mutex
	var ms runtime.MemStats
	sample := func() {
		runtime.ReadMemStats(&ms)
		mu.Lock()
		peak = max(peak, ms.HeapInuse)
		mu.Unlock()
	}
	calls := 0
	cpu0 := cpuTime()
	b.StartTimer()
	start := time.Now()
	sum, err := d.CheckClients(context.Background(), func(p portfolio.Progress) {
		if calls++; calls%50 == 0 {
			sample()
		}
	})
	took = time.Since(start)
	b.StopTimer()
	cpu = cpuTime() - cpu0
	sample()
	if err != nil || sum.Failed != 0 {
		b.Fatalf("check: %+v %v", sum.Progress, err)
	}
	b.Logf("%d clients: %v (CPU %v), feed %s, %d looked up, %d via the feeds", sum.Total, took, cpu, sum.Feed, sum.LookedUp, sum.ViaFeed)
	return took, cpu, peak
}
