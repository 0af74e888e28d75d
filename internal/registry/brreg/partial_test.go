package brreg

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
)

// sameNotes reports whether got has the codes, problems and causes of
// want, in order, each with an English message.
func sameNotes(got, want []dossier.SourceNote) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i].Code != want[i].Code || got[i].Problem != want[i].Problem || got[i].Cause != want[i].Cause || got[i].Message == "" {
			return false
		}
	}
	return true
}

// TestRESTLookupPartFails: when the unit is read but its roles or its
// sub-units are not, the Result keeps the unit and the part that was
// read, stays "found", and a note names the missing part and why (issue
// 11, item 8).
func TestRESTLookupPartFails(t *testing.T) {
	unit := recorded(t, "enheter-details-response.json")
	rolesPerson := recorded(t, "enheter-roller-person-response.json")
	subSearch := recorded(t, "underenheter-search-response.json")
	const n = "112233445"

	rolesNote := func(cause string) dossier.SourceNote {
		return dossier.SourceNote{Code: dossier.NoteRolesUnread, Problem: "roles_unread", Cause: cause}
	}
	subsNote := func(cause string) dossier.SourceNote {
		return dossier.SourceNote{Code: dossier.NoteSubUnitsUnread, Problem: "sub_units_unread", Cause: cause}
	}
	tests := []struct {
		name      string
		roles     http.HandlerFunc
		subs      http.HandlerFunc
		wantRoles int // how many roles the Result keeps
		wantSubs  int
		notes     []dossier.SourceNote
		inMessage string // in the first note's English
	}{
		{"roles 500", reply(500, springError(500, "Internal Server Error")), reply(200, subSearch), 0, 1,
			[]dossier.SourceNote{rolesNote("register_server_error")}, "the roles could not be read"},
		{"roles time out", hang, reply(200, subSearch), 0, 1,
			[]dossier.SourceNote{rolesNote("timeout")}, "did not answer in time"},
		{"roles unreadable", reply(200, []byte(`{"rollegrupper": [`)), reply(200, subSearch), 0, 1,
			[]dossier.SourceNote{rolesNote("unreadable_answer")}, "could not read"},
		{"sub-units 500", reply(200, rolesPerson), reply(500, springError(500, "")), 1, 0,
			[]dossier.SourceNote{subsNote("register_server_error")}, "the sub-units could not be read"},
		{"sub-units time out", reply(200, rolesPerson), hang, 1, 0,
			[]dossier.SourceNote{subsNote("timeout")}, "did not answer in time"},
		{"sub-units 503", reply(200, rolesPerson), reply(503, nil), 1, 0,
			[]dossier.SourceNote{subsNote("register_unavailable")}, "503"},
		{"both fail", reply(500, nil), hang, 0, 0,
			[]dossier.SourceNote{rolesNote("register_server_error"), subsNote("timeout")}, "the roles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newRESTServer(t, map[string]http.HandlerFunc{
				"/enheter/" + n:                      reply(200, unit),
				"/enheter/" + n + "/roller":          tt.roles,
				"/underenheter?overordnetEnhet=" + n: tt.subs,
			})
			r := srv.client(t).Lookup(context.Background(), n)
			if r.Source.Status != dossier.StatusFound || r.Source.Code != "" || r.Source.Problem != "" {
				t.Fatalf("source %+v, want found", r.Source)
			}
			if r.Company == nil || r.Company.Number != n || r.Company.Name != "SESAM STASJON" {
				t.Fatalf("company %+v, want %s kept", r.Company, n)
			}
			if len(r.Roles) != tt.wantRoles || len(r.SubUnits) != tt.wantSubs {
				t.Errorf("%d roles, %d sub-units; want %d, %d", len(r.Roles), len(r.SubUnits), tt.wantRoles, tt.wantSubs)
			}
			if tt.wantRoles > 0 && r.Roles[0].Person.Name != "Ove Olsen" {
				t.Errorf("roles %+v", r.Roles)
			}
			if tt.wantSubs > 0 && r.SubUnits[0].Number != "334455660" {
				t.Errorf("sub-units %+v", r.SubUnits)
			}
			if !sameNotes(r.Source.Notes, tt.notes) {
				t.Fatalf("notes %+v, want %+v", r.Source.Notes, tt.notes)
			}
			if msg := r.Source.Notes[0].Message; !strings.Contains(msg, tt.inMessage) || !strings.HasPrefix(msg, serviceREST) {
				t.Errorf("note message %q, want it to name the service and say %q", msg, tt.inMessage)
			}
		})
	}
}

// TestRESTLookupCanceledDuringParts: a caller that gives up while the
// roles and sub-units are asked gets a failed Result, not a partial one.
func TestRESTLookupCanceledDuringParts(t *testing.T) {
	unit := recorded(t, "enheter-details-response.json")
	const n = "112233445"
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	asked := func(w http.ResponseWriter, r *http.Request) {
		cancel() // the caller gives up as soon as a part is asked
		hang(w, r)
	}
	srv := newRESTServer(t, map[string]http.HandlerFunc{
		"/enheter/" + n:                      reply(200, unit),
		"/enheter/" + n + "/roller":          asked,
		"/underenheter?overordnetEnhet=" + n: asked,
	})
	r := srv.client(t).Lookup(ctx, n)
	if r.Source.Status != dossier.StatusFailed || r.Source.Code != "canceled" || r.Company != nil || r.Source.Notes != nil {
		t.Errorf("result %+v", r)
	}
}

// TestGrunndataLookupPartFails: when hentBasisdata answers but
// hentKontaktdata or hentRoller cannot be read, the Result keeps the unit
// and whatever part was read, stays "found", and a note names the missing
// part and why (issue 11, item 8).
func TestGrunndataLookupPartFails(t *testing.T) {
	const n = "313513408"
	basis := answer{doc: inner("hentBasisdata", n, 0, sub(0, "Data returnert"), basisMelding)}
	contact := answer{doc: inner("hentKontaktdata", n, 0, sub(0, "Data returnert"), kontaktMelding)}
	roles := answer{doc: inner("hentRoller", n, 0, sub(0, "Data returnert"), rollerMelding)}
	unavailable := answer{status: 503, raw: "<html>Vedlikehold</html>"}
	broken := answer{doc: "<grunndata><responseHeader><hovedStatus>null"}

	contactNote := func(cause string) dossier.SourceNote {
		return dossier.SourceNote{Code: dossier.NoteContactDataUnread, Problem: "contact_data_unread", Cause: cause}
	}
	rolesNote := func(cause string) dossier.SourceNote {
		return dossier.SourceNote{Code: dossier.NoteRolesUnread, Problem: "roles_unread", Cause: cause}
	}
	tests := []struct {
		name           string
		contact, roles answer
		wantEmail      string
		wantRoles      int
		notes          []dossier.SourceNote
		inMessage      string
	}{
		{"roles 503", contact, unavailable, "post@tenor.example", 0,
			[]dossier.SourceNote{rolesNote("register_unavailable")}, "the roles could not be read"},
		{"roles unreadable", contact, broken, "post@tenor.example", 0,
			[]dossier.SourceNote{rolesNote("unreadable_answer")}, "the roles could not be read"},
		{"contact data 503", unavailable, roles, "", 4,
			[]dossier.SourceNote{contactNote("register_unavailable")}, "the contact data could not be read"},
		{"both fail", broken, unavailable, "", 0,
			[]dossier.SourceNote{contactNote("unreadable_answer"), rolesNote("register_unavailable")}, "the contact data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newGrunndataServer(t, map[string]map[string]answer{
				n: {"hentBasisdata": basis, "hentKontaktdata": tt.contact, "hentRoller": tt.roles},
			})
			r := srv.client(t, "SIMUSER", "hemmelig-passord").Lookup(context.Background(), n)
			if r.Source.Status != dossier.StatusFound || r.Source.Code != "" || r.Source.Problem != "" {
				t.Fatalf("source %+v, want found", r.Source)
			}
			if r.Company == nil || r.Company.Number != n || r.Company.Name != "TENOR REGNSKAP AS" || r.Company.Email != tt.wantEmail {
				t.Fatalf("company %+v, want %s kept with e-mail %q", r.Company, n, tt.wantEmail)
			}
			if len(r.Roles) != tt.wantRoles {
				t.Errorf("%d roles, want %d", len(r.Roles), tt.wantRoles)
			}
			if !sameNotes(r.Source.Notes, tt.notes) {
				t.Fatalf("notes %+v, want %+v", r.Source.Notes, tt.notes)
			}
			if msg := r.Source.Notes[0].Message; !strings.Contains(msg, tt.inMessage) || !strings.HasPrefix(msg, serviceGrunndata) || strings.Contains(msg, "hemmelig") {
				t.Errorf("note message %q, want it to name the service and say %q", msg, tt.inMessage)
			}
		})
	}
}
