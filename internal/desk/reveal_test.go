package desk

import (
	"context"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
)

// identities lists the identity numbers of dos's roles and owners.
func identities(dos *dossier.Dossier) []string {
	var ids []string
	for _, r := range dos.Roles {
		if r.Person != nil && r.Person.NationalID != "" {
			ids = append(ids, r.Person.NationalID)
		}
	}
	if dos.Owners != nil {
		for _, o := range dos.Owners.Owners {
			if o.NationalID != "" {
				ids = append(ids, o.NationalID)
			}
		}
	}
	return ids
}

// reveals counts the "reveal" entries of d's audit log.
func reveals(t *testing.T, d *Desk) int {
	t.Helper()
	entries, check, err := d.AuditLog()
	if err != nil || !check.Intact {
		t.Fatalf("audit log: %v %+v", err, check)
	}
	n := 0
	for _, e := range entries {
		if e.Action == "reveal" {
			n++
			if e.Subject != fakeRichest || !strings.HasSuffix(e.Detail, " *****") {
				t.Errorf("reveal entry %+v: want the organisation as subject and the number masked", e)
			}
		}
	}
	return n
}

func TestRevealIdentities(t *testing.T) {
	d, _ := newFakeDesk(t)
	ctx := context.Background()
	// The fake's richest company: a role holder's number and an owner's
	// (the exempt owner's number is screened away).
	whole := []string{"12836810064", "12836810064"}
	tests := []struct {
		name    string
		call    func() (*dossier.Dossier, error)
		ids     []string
		reveals int // new "reveal" entries
	}{
		{"Lookup masks", func() (*dossier.Dossier, error) { return d.Lookup(ctx, fakeRichest) }, []string{"128368 *****", "128368 *****"}, 0},
		{"LookupRevealed", func() (*dossier.Dossier, error) { return d.LookupRevealed(ctx, fakeRichest) }, whole, 2},
		{"SavedDossier masks", func() (*dossier.Dossier, error) { return d.SavedDossier(fakeRichest) }, []string{"128368 *****", "128368 *****"}, 0},
		{"RevealIdentities", func() (*dossier.Dossier, error) { return d.RevealIdentities(fakeRichest) }, whole, 2},
	}
	for _, tt := range tests {
		before := reveals(t, d)
		dos, err := tt.call()
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := identities(dos); strings.Join(got, ",") != strings.Join(tt.ids, ",") {
			t.Errorf("%s: identity numbers %q, want %q", tt.name, got, tt.ids)
		}
		if n := reveals(t, d) - before; n != tt.reveals {
			t.Errorf("%s: %d reveal entries, want %d", tt.name, n, tt.reveals)
		}
	}
	// Locked: nothing is revealed.
	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}
	if dos, err := d.RevealIdentities(fakeRichest); err == nil || dos != nil {
		t.Errorf("locked: %v, %v", dos, err)
	}
}
