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
		b.ReportMetric(float64(fullPeak)/(1<<20), "full-heap-growth-MiB")
		b.ReportMetric(float64(dailyPeak)/(1<<20), "daily-heap-growth-MiB")
		_ = d.Lock()
		_ = conn.Close()
	}
}

// timedCheck runs a check and returns how long it took, the process's
// CPU time meanwhile (the simulators' included) and how far the heap in
// use grew while it ran above what it was before (the simulators' world
// of n units, the connections...): the largest live heap seen, sampled
// after a collection every 250 ms, less the live heap before the check.
func timedCheck(b *testing.B, d *testDesk) (took, cpu time.Duration, peak uint64) {
	b.Helper()
	runtime.GC()
	var mu sync.Mutex
	var ms runtime.MemStats
	// The live heap: after a collection, so that the garbage the pacer
	// lets pile up (in proportion to the simulators' live world) is not
	// counted; the collections slow the check a little.
	sample := func() {
		runtime.GC()
		runtime.ReadMemStats(&ms)
		mu.Lock()
		peak = max(peak, ms.HeapAlloc)
		mu.Unlock()
	}
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	cpu0 := cpuTime()
	// Sampled every 250 ms while the check runs (the check coalesces
	// progress reports that bring no changes, so their count is no clock).
	stop := make(chan struct{})
	var sampler sync.WaitGroup
	sampler.Go(func() {
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				sample()
			}
		}
	})
	b.StartTimer()
	start := time.Now()
	sum, err := d.CheckClients(context.Background(), func(portfolio.Progress) {})
	took = time.Since(start)
	b.StopTimer()
	close(stop)
	sampler.Wait()
	cpu = cpuTime() - cpu0
	sample()
	if err != nil || sum.Failed != 0 {
		b.Fatalf("check: %+v %v", sum.Progress, err)
	}
	b.Logf("%d clients: %v (CPU %v), feed %s, %d looked up, %d via the feeds; heap %.1f MiB before, %.1f MiB at most",
		sum.Total, took, cpu, sum.Feed, sum.LookedUp, sum.ViaFeed, float64(base)/(1<<20), float64(peak)/(1<<20))
	return took, cpu, peak - min(peak, base)
}
