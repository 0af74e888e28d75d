package bankid

import (
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// BenchmarkReports is the simulator's own cost of the two PDFs of a
// session.
func BenchmarkReports(b *testing.B) {
	w, err := world.New()
	if err != nil {
		b.Fatal(err)
	}
	s := New(w, Options{})
	ss := &session{id: "s1", company: s.companies[key("no", world.RichestOrgNr)].forSession(true),
		created: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), reports: []string{ReportAML, ReportRegistration}}
	for b.Loop() {
		for _, r := range ss.reports {
			if _, err := s.makePDF(ss, r); err != nil {
				b.Fatal(err)
			}
		}
	}
}
