package sandbox

import (
	"runtime"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/world"
)

func TestPopulationServed(t *testing.T) {
	t.Parallel()
	const n = 1000
	s, _ := frozenStart(t, Config{Population: n, FeedNoisePerDay: -1})
	nrs := s.PopulationNumbers()
	if len(nrs) != n {
		t.Fatalf("%d numbers, want %d", len(nrs), n)
	}
	if shared.PopulationNumbers() != nil {
		t.Error("a sandbox without a population has population numbers")
	}
	c := client(s)
	tests := []struct {
		path   string
		status int
	}{
		{"/enheter/" + nrs[0], 200},
		{"/enheter/" + nrs[n-1], 200},
		{"/enheter/" + nrs[n-1] + "/roller", 200},
	}
	for _, tt := range tests {
		if status, _, _ := get(t, c, s.Endpoints().Brreg+tt.path); status != tt.status {
			t.Errorf("%s: %d, want %d", tt.path, status, tt.status)
		}
	}
	// Every other unit has a filing with one owner; RRH serves it.
	tok := tokenFor(t, s, world.ScopeRRHRapporteringspliktig)
	status, _, body := rrhGet(t, s, "/api/oppslag/v1/virksomheter/"+nrs[0], tok)
	if status != 200 {
		t.Fatalf("RRH v1 for population unit 0: %d %s", status, body)
	}
	v := decode[map[string]any](t, body)
	if owners := objectAt(t, v, "registreringer", 0)["reelleRettighetshavere"].([]any); len(owners) != 1 {
		t.Errorf("RRH serves %d owners for population unit 0, want 1", len(owners))
	}
	if _, owners := s.World().BeneficialOwners(nrs[0]); len(owners) != 1 {
		t.Errorf("population unit 0 has %d owners, want 1", len(owners))
	}
}

// BenchmarkSandboxPopulation10000 measures New with 10,000 generated
// units: the time, and the heap it keeps (reported as MB-kept).
func BenchmarkSandboxPopulation10000(b *testing.B) {
	for b.Loop() {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		s, err := New(Config{Population: 10_000})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms-new")
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1e6, "MB-kept")
		runtime.KeepAlive(s)
	}
}
