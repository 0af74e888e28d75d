package sandbox

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// seedStatusPairs are the hovedStatus/underStatus pairs of seed 002, copied
// by hand from its table of legal combinations, plus 1080 and 1190, which
// its code table has but its combinations leave out: they are data notes,
// so they are given hovedStatus 0 like the others.
var seedStatusPairs = []statusPair{
	{0, 0}, {0, 1}, {0, 2}, {0, 3},
	{1, 10}, {1, 20}, {1, 10000}, {1, 100}, {1, 110}, {1, 120}, {1, 130}, {1, 160}, {1, 170},
	{1, 180}, {1, 181}, {1, 182}, {1, 183}, {1, 190}, {1, 200}, {1, 210}, {1, 2000},
	{0, 1010}, {0, 1020}, {0, 1030}, {0, 1060}, {0, 1070}, {0, 1080}, {0, 1090}, {0, 1100}, {0, 1111},
	{0, 1115}, {0, 1116}, {0, 1117}, {0, 1118}, {0, 1119}, {0, 1120}, {0, 1125}, {0, 1130},
	{0, 1135}, {0, 1140}, {0, 1145}, {0, 1150}, {0, 1155}, {0, 1160}, {0, 1165}, {0, 1180}, {0, 1190},
	{-1, -100}, {-1, -101}, {-1, -1000},
}

// statusPair is a hovedStatus and an underStatus code.
type statusPair struct{ main, sub int }

// sharedDir finds dir (seeds, reference) of the project's shared material
// by walking up from the working directory to a folder holding
// shared/dir, or skips the test.
func sharedDir(t *testing.T, dir string) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := wd; ; d = filepath.Dir(d) {
		p := filepath.Join(d, "shared", dir)
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return p
		}
		if filepath.Dir(d) == d {
			t.Skipf("shared/%s not found above %s", dir, wd)
		}
	}
}

// TestSeedStatusPairsCoverTheSeed checks the hand-copied pairs against the
// seed itself, when it is there: every code of its code table has a pair.
func TestSeedStatusPairsCoverTheSeed(t *testing.T) {
	matches, _ := filepath.Glob(filepath.Join(sharedDir(t, "seeds"), "002_*.txt"))
	if len(matches) != 1 {
		t.Skipf("seed 002: %d files", len(matches))
	}
	b, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	start := strings.Index(text, "KodeMelding")
	end := strings.Index(text, "Lovlege kombinasjonar")
	if start < 0 || end < start {
		t.Fatal("seed 002: no code table")
	}
	line := regexp.MustCompile(`(?m)^\s*(-?\d+)\s*\pL`)
	var seed []int
	for _, m := range line.FindAllStringSubmatch(text[start:end], -1) {
		n, _ := strconv.Atoi(m[1])
		seed = append(seed, n)
	}
	if len(seed) < 45 {
		t.Fatalf("seed 002: read only %d codes: %v", len(seed), seed)
	}
	for _, code := range seed {
		if !slices.ContainsFunc(seedStatusPairs, func(p statusPair) bool { return p.sub == code }) {
			t.Errorf("seed code %d has no pair", code)
		}
	}
	// 20 (a validation error in the input) is only in the seed's table of
	// combinations.
	for _, p := range seedStatusPairs {
		if p.sub != 20 && !slices.Contains(seed, p.sub) {
			t.Errorf("pair %d/%d: code not in the seed", p.main, p.sub)
		}
	}
}

// TestGrunndataForcedStatus sets every pair of seed 002 with the fault
// switch and checks that each operation answers it as well-formed SOAP
// with that responseHeader, a melding only with hovedStatus 0, and the
// normal answer once the switch is off.
func TestGrunndataForcedStatus(t *testing.T) {
	t.Parallel()
	s := start(t, Config{})
	user, pass := s.GrunndataCredentials()
	ops := []string{"hentBasisdataMini", "hentRoller", "hentKontaktdata"}
	numbers := []string{world.RichestOrgNr, world.NeverCreatedOrgNr, world.DuplicateOrgNr}
	for _, sp := range append(slices.Clone(seedStatusPairs), statusPair{1, 4242}) {
		p := GrunndataStatus{Main: sp.main, Sub: sp.sub}
		s.SetFault(ServiceGrunndata, Fault{GrunndataStatus: &p})
		for _, op := range ops {
			for _, n := range numbers {
				_, doc := call(t, s, op, user, pass, n)
				want := []int{p.Sub}
				if p.Main == 0 && p.Sub != 0 {
					want = []int{0, p.Sub}
				}
				name := op + " " + n + " " + strconv.Itoa(p.Main) + "/" + strconv.Itoa(p.Sub)
				if doc.Header.Main != p.Main || !slices.Equal(codes(doc), want) || doc.Header.OrgNr != n || doc.Header.Service != op {
					t.Errorf("%s: header %+v, codes %v", name, doc.Header, codes(doc))
				}
				for _, sub := range doc.Header.Subs {
					if sub.Text == "" || strings.ContainsAny(sub.Text, "{}") {
						t.Errorf("%s: underStatusMelding %d text %q", name, sub.Code, sub.Text)
					}
				}
				wantMelding := p.Main == 0 && n == world.RichestOrgNr
				if (doc.Melding != nil) != wantMelding {
					t.Errorf("%s: melding %v, want %v", name, doc.Melding != nil, wantMelding)
				}
				if doc.Melding != nil && doc.Melding.OrgNr != n {
					t.Errorf("%s: melding of %s", name, doc.Melding.OrgNr)
				}
			}
		}
	}
	s.ClearFaults()
	if _, doc := call(t, s, "hentBasisdataMini", user, pass, world.RichestOrgNr); doc.Header.Main != 0 || !slices.Equal(codes(doc), []int{0}) {
		t.Errorf("after the switch: %+v", doc.Header)
	}
	// The account is still checked first.
	s.SetFault(ServiceGrunndata, Fault{GrunndataStatus: &GrunndataStatus{Main: 0, Sub: 1135}})
	if _, doc := call(t, s, "hentBasisdataMini", user, "wrong", world.RichestOrgNr); doc.Header.Main != -1 || !slices.Equal(codes(doc), []int{-101}) {
		t.Errorf("wrong password under the switch: %+v", doc.Header)
	}
}
