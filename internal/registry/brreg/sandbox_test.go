package brreg_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/registry/brreg"
	"github.com/motpart/motpart/internal/registry/transport"
	"github.com/motpart/motpart/internal/sandbox"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestRESTLookupPartFaultOnSandbox: against the simulator over real TLS, a
// fault on the roles path or on the sub-unit search keeps the unit and the
// other part, with a note naming the missing part (issue 11, item 8).
func TestRESTLookupPartFaultOnSandbox(t *testing.T) {
	s, err := sandbox.New(sandbox.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	tc, err := transport.New(transport.Config{RootCAs: s.CAPool(), Timeout: 300 * time.Millisecond, RetryWait: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tc.CloseIdleConnections)
	c := brreg.NewREST(s.Endpoints().Brreg, tc)

	// The healthy answer first: what a partial one must keep.
	whole := c.Lookup(context.Background(), world.RichestOrgNr)
	if whole.Source.Status != dossier.StatusFound || len(whole.Roles) == 0 || len(whole.SubUnits) == 0 || len(whole.Source.Notes) != 0 {
		t.Fatalf("healthy lookup: %+v, %d roles, %d sub-units", whole.Source, len(whole.Roles), len(whole.SubUnits))
	}

	tests := []struct {
		name      string
		fault     sandbox.Fault
		note      string // the note's code
		problem   string
		cause     string
		keepRoles bool
		keepSubs  bool
	}{
		{"roles 500", sandbox.Fault{Status: 500, PathSuffix: "/roller"}, dossier.NoteRolesUnread, "roles_unread", "register_server_error", false, true},
		{"roles hang", sandbox.Fault{Hang: true, PathSuffix: "/roller"}, dossier.NoteRolesUnread, "roles_unread", "timeout", false, true},
		{"sub-unit search 503", sandbox.Fault{Status: 503, PathSuffix: "/underenheter"}, dossier.NoteSubUnitsUnread, "sub_units_unread", "register_unavailable", true, false},
		{"sub-unit search malformed", sandbox.Fault{Malformed: true, PathSuffix: "/underenheter"}, dossier.NoteSubUnitsUnread, "sub_units_unread", "unreadable_answer", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.SetFault(sandbox.ServiceBrreg, tt.fault)
			defer s.ClearFaults()
			r := c.Lookup(context.Background(), world.RichestOrgNr)
			if r.Source.Status != dossier.StatusFound || r.Company == nil || r.Company.Name != whole.Company.Name {
				t.Fatalf("source %+v, company %+v; want found with %q", r.Source, r.Company, whole.Company.Name)
			}
			if len(r.Source.Notes) != 1 {
				t.Fatalf("notes %+v, want one", r.Source.Notes)
			}
			n := r.Source.Notes[0]
			if n.Code != tt.note || n.Problem != tt.problem || n.Cause != tt.cause || !strings.Contains(n.Message, "could not be read") {
				t.Errorf("note %+v, want %s/%s because %s", n, tt.note, tt.problem, tt.cause)
			}
			if got := len(r.Roles) == len(whole.Roles); got != tt.keepRoles || !tt.keepRoles && r.Roles != nil {
				t.Errorf("%d roles of %d; kept %v, want %v", len(r.Roles), len(whole.Roles), got, tt.keepRoles)
			}
			if got := len(r.SubUnits) == len(whole.SubUnits); got != tt.keepSubs || !tt.keepSubs && r.SubUnits != nil {
				t.Errorf("%d sub-units of %d; kept %v, want %v", len(r.SubUnits), len(whole.SubUnits), got, tt.keepSubs)
			}
		})
	}
}
