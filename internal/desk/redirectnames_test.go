package desk

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
)

// mapNames is a NameSource from a map; it counts the questions.
type mapNames struct {
	names map[string]string
	asked atomic.Int32
}

func (m *mapNames) Name(_ context.Context, orgnr string) (string, error) {
	m.asked.Add(1)
	if n, ok := m.names[orgnr]; ok {
		return n, nil
	}
	return "", errors.New("no such unit")
}

func TestNameRedirects(t *testing.T) {
	for _, tt := range []struct {
		name      string
		redirect  *dossier.Redirect
		wantName  string
		wantAsked int
	}{
		{"legal unit of a sub-unit", &dossier.Redirect{Reason: "sub_unit", Number: "311111116"}, "SOLSTRAND INDUSTRIER ASA", 1},
		{"named already", &dossier.Redirect{Reason: "duplicate", Number: "311111116", Name: "GIVEN AS"}, "GIVEN AS", 0},
		{"unknown unit", &dossier.Redirect{Reason: "duplicate", Number: "315555558"}, "", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			names := &mapNames{names: map[string]string{"311111116": "SOLSTRAND INDUSTRIER ASA"}}
			before := *tt.redirect
			sources := []dossier.Source{{ID: "brreg", Redirect: tt.redirect}, {ID: "rrh"}}
			nameRedirects(context.Background(), names, time.Second, sources)
			if got := sources[0].Redirect.Name; got != tt.wantName {
				t.Errorf("name %q, want %q", got, tt.wantName)
			}
			if int(names.asked.Load()) != tt.wantAsked {
				t.Errorf("asked %d times, want %d", names.asked.Load(), tt.wantAsked)
			}
			if *tt.redirect != before {
				t.Errorf("the source's redirect was changed in place: %+v", *tt.redirect)
			}
		})
	}
	nameRedirects(context.Background(), nil, time.Second, []dossier.Source{{Redirect: &dossier.Redirect{Number: "311111116"}}})
}
