package setup

import (
	"context"
	"crypto"
	"crypto/rsa"
	"reflect"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/reachtest"
	"github.com/motpart/motpart/internal/registry/brreg"
	"github.com/motpart/motpart/internal/registry/maskinporten"
	"github.com/motpart/motpart/internal/registry/transport"
	"github.com/motpart/motpart/internal/sandbox"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// A unit deleted as a duplicate or merged: grunndataWS answers with the
// data of the unit it points to. None of it may reach the dossier of the
// unit asked for; the source says where the register points.
func TestRedirectTargetsAreKeptApart(t *testing.T) {
	d := newLookupDesk(t)
	ctx := context.Background()
	tests := []struct {
		asked, target, code, reason string
		apart                       bool // the answer's data are the target's
		name                        string
	}{
		{world.DuplicateOrgNr, world.DuplicateOfOrgNr, "1", "duplicate", true, "FJELLHEIM BYGG AS"},
		{world.MergedOrgNr, world.MergedIntoOrgNr, "2", "merged", true, "VESTKYST FISK AS"},
		{world.RegisteredByOrgNr, world.RegistrationUnitOrgNr, "3", "registration_unit", false, "FJORDVIK KOMMUNE"},
	}
	for _, tt := range tests {
		t.Run("code "+tt.code, func(t *testing.T) {
			target, err := d.Lookup(ctx, tt.target)
			if err != nil || target.Company == nil {
				t.Fatalf("the unit pointed to: %+v, %v", target, err)
			}
			dos, err := d.Lookup(ctx, tt.asked)
			if err != nil {
				t.Fatal(err)
			}
			if dos.Company == nil || dos.Company.Number != tt.asked || dos.Company.Name != tt.name {
				t.Fatalf("company %+v, want %s %s", dos.Company, tt.asked, tt.name)
			}
			g := source(t, dos, "grunndata")
			if r := g.Redirect; r == nil || r.Code != tt.code || r.Reason != tt.reason || r.Number != tt.target {
				t.Errorf("grunndata points to %+v, want %s (%s)", r, tt.target, tt.reason)
			} else if tt.apart && r.Name != target.Company.Name {
				t.Errorf("the pointer names %q, want %q", r.Name, target.Company.Name)
			}
			c, tc := dos.Company, target.Company
			for what, leaked := range map[string]bool{
				"e-mail":           c.Email != "" && c.Email == tc.Email,
				"phone":            c.Phone != "" && c.Phone == tc.Phone,
				"business address": c.BusinessAddress != nil && reflect.DeepEqual(c.BusinessAddress, tc.BusinessAddress) && tt.apart,
				"roles":            len(dos.Roles) > 0 && reflect.DeepEqual(dos.Roles, target.Roles),
				"sub-units":        len(dos.SubUnits) > 0 && reflect.DeepEqual(dos.SubUnits, target.SubUnits),
			} {
				if leaked {
					t.Errorf("the %s of %s is in the dossier of %s", what, tt.target, tt.asked)
				}
			}
			if tt.apart && (len(dos.Roles) != 0 || c.Email != "" || c.Phone != "") {
				t.Errorf("the deleted unit shows roles %+v, e-mail %q, phone %q", dos.Roles, c.Email, c.Phone)
			}
			if !tt.apart && len(dos.Roles) == 0 {
				t.Error("the unit's own roles are missing")
			}
		})
	}
}

// secrets says why a value must not be reachable from a locked desk.
func secrets(password string) func(reflect.Value) string {
	signer := reflect.TypeFor[crypto.Signer]()
	return func(v reflect.Value) string {
		t := v.Type()
		switch {
		case v.Kind() == reflect.String && password != "" && strings.Contains(v.String(), password):
			return "the grunndataWS password"
		case v.Kind() == reflect.Pointer && v.IsNil():
			return ""
		case t == reflect.TypeFor[*maskinporten.Client]():
			return "the Maskinporten client with its signer and token"
		case t == reflect.TypeFor[maskinporten.Token]() && v.FieldByName("AccessToken").String() != "":
			return "an access token"
		case t == reflect.TypeFor[*brreg.Grunndata]():
			return "the grunndataWS client"
		case t == reflect.TypeFor[*rsa.PrivateKey]():
			return "a private key"
		case v.Kind() == reflect.Pointer && t.Implements(signer):
			return "a signer (" + t.String() + ")"
		}
		return ""
	}
}

func TestLockLeavesNoSecret(t *testing.T) {
	d := newLookupDesk(t)
	ctx := context.Background()
	const password = "en-hemmelig-123"
	sb, err := d.Sandbox(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.SaveRegisterSettings(desk.RegisterSettings{GrunndataUser: sandbox.DefaultGrunndataUser, GrunndataPassword: password}); err != nil {
		t.Fatal(err)
	}
	dos, err := d.Lookup(ctx, world.RichestOrgNr)
	if err != nil {
		t.Fatal(err)
	}
	if s := source(t, dos, "rrh"); s.Status != dossier.StatusFound {
		t.Fatalf("rrh %+v: no token was fetched", s)
	}
	// The simulators' own keys and accounts are not the user's secrets;
	// the transport holds no secret (no client certificate here) and its
	// connection pool changes under the walk.
	skip := []reflect.Type{reflect.TypeOf(sb), reflect.TypeFor[*transport.Client]()}
	if r := reachtest.Find(reflect.ValueOf(d.Desk), "desk", secrets(password), skip...); r == "" {
		t.Fatal("the walk finds no secret even while unlocked; it proves nothing")
	}
	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}
	if r := reachtest.Find(reflect.ValueOf(d.Desk), "desk", secrets(password), skip...); r != "" {
		t.Errorf("after Lock the desk still reaches %s", r)
	}
	if _, err := d.Lookup(ctx, world.RichestOrgNr); problem.CodeOf(err) != problem.CodeLocked {
		t.Errorf("lookup after Lock: %v, want %s", err, problem.CodeLocked)
	}
}
