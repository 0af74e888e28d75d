//go:build screenshots

package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/motpart/motpart/internal/gui"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// soakNumbers are the sandbox units the soak driver looks up in turn: the
// richest unit, the cross-holding, a family with an exempt owner, a
// partnership of units, a sub-unit and a duplicate's correct unit. Seven,
// so that with three dossier tabs every unit is shown on every tab.
var soakNumbers = []string{
	world.RichestOrgNr,
	world.CrossHoldingAOrgNr,
	world.FamilyOwnedOrgNr,
	world.PartnershipDAOrgNr,
	world.CrossHoldingBOrgNr,
	world.SubUnitOrgNr,
	world.DuplicateOfOrgNr,
}

// soakFlags adds the memory soak driver's flags to fs (bench/memsoak.sh
// uses them) and returns what starts it once the window is built and
// unlocked:
//
//	--soak N            after the first lookup, N more with tab switches
//	--soak-settle D     idle time before each measurement (default 10s)
//	--soak-pause D      time left to the window to draw each step (default 40ms)
//	--memprofile FILE   heap profiles: FILE.first after the first lookup, FILE.half half-way, FILE after N
//
// The driver prints one line starting "soak: " to stderr at each
// measurement, with the resident set and the Go heap, and holds still for
// two seconds after it so a script can read /proc/PID/status. After the
// last it stays idle until the window is closed.
func soakFlags(fs *flag.FlagSet) func(*gui.App) {
	n := fs.Int("soak", 0, "look up N sandbox units with tab switches after the first, measuring memory before and after")
	settle := fs.Duration("soak-settle", 10*time.Second, "with --soak: idle time before each measurement")
	pause := fs.Duration("soak-pause", 40*time.Millisecond, "with --soak: time the window has to draw each step")
	profile := fs.String("memprofile", "", "with --soak: write heap profiles to FILE.first, FILE.half and FILE")
	return func(ui *gui.App) {
		if *n <= 0 {
			return
		}
		if ui.Screen() != gui.ScreenLookup {
			fmt.Fprintln(os.Stderr, "motpart-desktop: --soak needs the vault unlocked ($MOTPART_PASSWORD)")
			return
		}
		s := &soak{ui: ui, settle: *settle, pause: *pause, profile: *profile, out: os.Stderr}
		go s.run(*n)
	}
}

// soak drives the window through lookups and tab switches and reports the
// memory it uses.
type soak struct {
	ui      *gui.App
	settle  time.Duration
	pause   time.Duration
	profile string
	out     io.Writer
}

// run does the first lookup, measures, does n more, measuring half-way
// (from 20 on) and at the end: the same figure half-way and at the end is
// a plateau, a higher one growth.
func (s *soak) run(n int) {
	start := time.Now()
	s.step(0)
	s.measure("first", 1, s.profile+".first")
	// Each later measurement is taken on the same screen as the first (the
	// first unit's Company tab), after one more lookup of it, so that what
	// differs is what the lookups between left behind.
	for i := 1; i <= n; i++ {
		s.step(i)
		if i == n/2 && n >= 20 {
			s.step(0)
			s.measure("half", i+2, s.profile+".half")
		}
		if i%50 == 0 {
			fmt.Fprintf(s.out, "soak: progress step=%d elapsed=%s\n", i, time.Since(start).Round(time.Second))
		}
	}
	s.step(0)
	lookups := n + 2
	if n >= 20 {
		lookups++
	}
	s.measure("after", lookups, s.profile)
	fmt.Fprintln(s.out, "soak: idle")
}

// step looks up the i-th unit of the cycle on one of the dossier's tabs,
// then visits Certificates and Settings and comes back.
func (s *soak) step(i int) {
	number, tab := soakNumbers[i%len(soakNumbers)], i%3
	fyne.DoAndWait(func() { s.ui.LookUp(number, tab) })
	s.ui.WaitIdle()
	time.Sleep(s.pause)
	for _, screen := range []string{gui.ScreenCertificates, gui.ScreenSettings, gui.ScreenLookup} {
		fyne.DoAndWait(func() { s.ui.ShowScreen(screen) })
		time.Sleep(s.pause)
	}
}

// measure waits for the window to settle, then prints the resident set,
// the Go heap and the goroutines, writes a heap profile to file (when not
// ""), and holds still for two seconds.
func (s *soak) measure(phase string, lookups int, file string) {
	time.Sleep(s.settle)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	rss, hwm, anon, mapped := procStatus("VmRSS"), procStatus("VmHWM"), procStatus("RssAnon"), procStatus("RssFile")
	const mib = 1 << 20
	fmt.Fprintf(s.out, "soak: phase=%s lookups=%d rss=%s hwm=%s rss_anon=%s rss_file=%s goroutines=%d heap_alloc=%.1fMiB heap_inuse=%.1fMiB heap_idle=%.1fMiB heap_released=%.1fMiB heap_sys=%.1fMiB stack=%.1fMiB go_sys=%.1fMiB num_gc=%d\n",
		phase, lookups, rss, hwm, anon, mapped, runtime.NumGoroutine(),
		float64(m.HeapAlloc)/mib, float64(m.HeapInuse)/mib, float64(m.HeapIdle)/mib, float64(m.HeapReleased)/mib,
		float64(m.HeapSys)/mib, float64(m.StackInuse)/mib, float64(m.Sys)/mib, m.NumGC)
	time.Sleep(2 * time.Second)
	if s.profile != "" {
		if err := writeHeapProfile(file); err != nil {
			fmt.Fprintf(s.out, "motpart-desktop: --memprofile: %v\n", err)
		}
	}
}

// writeHeapProfile writes the heap profile as of a fresh collection.
func writeHeapProfile(file string) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	runtime.GC()
	werr := pprof.WriteHeapProfile(f)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("writing %s: %w", file, werr)
	}
	return nil
}

// procStatus returns a field of /proc/self/status without spaces ("212340kB"),
// or "?" where there is none (not Linux).
func procStatus(field string) string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "?"
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			return strings.ReplaceAll(strings.TrimSpace(v), " ", "")
		}
	}
	return "?"
}
