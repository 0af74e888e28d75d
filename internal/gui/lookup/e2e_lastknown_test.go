package lookup

import (
	"context"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/sandbox"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestLookupWhileTheRegistersFail looks a company up on the sandbox, then
// again while every register fails: the window shows the last known data
// with their date under an error sign, not "no register found".
func TestLookupWhileTheRegistersFail(t *testing.T) {
	a := newUnlockedApp(t, "en")
	s := a.lookup
	lookUp(t, a, world.RichestOrgNr)
	first := s.current.Fetched
	sb, err := a.conn.Sandbox(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer sb.ClearFaults()
	for _, svc := range []sandbox.Service{sandbox.ServiceBrreg, sandbox.ServiceGrunndata, sandbox.ServiceRRH} {
		sb.SetFault(svc, sandbox.Fault{Status: 500})
	}
	lookUp(t, a, world.RichestOrgNr)
	if s.current.Outcome() != dossier.OutcomeUnreachable || s.current.Company == nil {
		t.Fatalf("second lookup: %+v", s.current)
	}
	labels := labelsIn(s.dossier.box)
	lastKnown := false
	for _, l := range labels {
		lastKnown = lastKnown || strings.HasPrefix(l, "Last known data from ") && strings.HasSuffix(l, "; the registers could not be reached now.")
	}
	if !lastKnown || !contains(labels, "SOLSTRAND INDUSTRIER ASA") || contains(labels, "No register found this organisation. See what each source answered below.") {
		t.Errorf("the window shows %q", labels)
	}
	if got := s.dossier.outcomeIcon.Resource.Name(); !strings.HasPrefix(got, "error_") {
		t.Errorf("header icon %s, want an error sign", got)
	}
	saved, err := a.desk.SavedDossier(world.RichestOrgNr)
	if err != nil || !saved.Fetched.Equal(first) || saved.Company == nil {
		t.Errorf("saved dossier %+v, %v; want the one of %v", saved, err, first)
	}
}
