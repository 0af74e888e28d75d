package portfolio_test

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/registry/brreg"
	"github.com/motpart/motpart/internal/registry/transport"
)

// recordedDir holds responses recorded from the live open API of
// Enhetsregisteret (/work/shared/reference, outside the module).
const recordedDir = "../../../shared/reference/enhetsregisteret-recorded"

// recorded returns a recorded response, skipping the test when the
// reference folder is absent.
func recorded(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(recordedDir, name))
	if os.IsNotExist(err) {
		t.Skipf("reference data absent: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// asUnit rewrites a recorded unit body to be about number, with name.
func asUnit(t *testing.T, body []byte, number, name string) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatal(err)
	}
	m["organisasjonsnummer"], m["navn"] = number, name
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// lookup asks a brreg REST client, over TLS, a server answering with the
// given unit and roles bodies, and returns the dossier it makes.
func lookup(t *testing.T, number string, unit, roles []byte, at time.Time) *dossier.Dossier {
	t.Helper()
	empty := recorded(t, "underenheter-search-empty-response.json")
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/enheter/" + number:
			_, _ = w.Write(unit)
		case "/enheter/" + number + "/roller":
			_, _ = w.Write(roles)
		case "/underenheter":
			_, _ = w.Write(empty)
		default:
			http.NotFound(w, r)
		}
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // closing races the client's idle handshake
	srv.StartTLS()
	defer srv.Close()
	tc, err := transport.New(transport.Config{RootCAs: srv.Client().Transport.(*http.Transport).TLSClientConfig.RootCAs, Retries: -1})
	if err != nil {
		t.Fatal(err)
	}
	res := brreg.NewREST(srv.URL, tc).Lookup(context.Background(), number)
	d := &dossier.Dossier{Number: number, Country: "NO", Fetched: at}
	d.Merge(dossier.Answer{Company: res.Company, Roles: res.Roles, SubUnits: res.SubUnits, Source: res.Source})
	return d
}

// TestRecordedAnswers runs SnapshotOf and Diff over what the brreg client
// makes of answers recorded from the live register: a deleted unit's
// minimal body changes only its status, and a board replaced by partners
// changes the board and the other roles.
func TestRecordedAnswers(t *testing.T) {
	const number = "112233445"
	details := recorded(t, "enheter-details-response.json")
	persons := recorded(t, "enheter-roller-person-response.json")
	units := recorded(t, "enheter-roller-enhet-response.json")
	deleted := asUnit(t, recorded(t, "enheter-details-deleted-response.json"), number, "SESAM STASJON")
	t0, t1 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)

	before := portfolio.SnapshotOf(lookup(t, number, details, persons, t0))
	if !before.Found || !before.Knows(portfolio.PartCompany) || !before.Knows(portfolio.PartRoles) || len(before.Roles) == 0 {
		t.Fatalf("snapshot before: %+v", before)
	}
	type got struct {
		Field    portfolio.Field
		Reason   portfolio.Reason
		Old, New string
		Date     string
	}
	cases := []struct {
		name        string
		unit, roles []byte
		want        []got
	}{
		{"the same answer", details, persons, nil},
		{"deleted: the minimal body", deleted, persons, []got{
			{portfolio.FieldStatus, portfolio.ReasonDeleted, "", "deleted", "2017-10-20"},
		}},
		{"the board replaced by partners", details, units, []got{
			{portfolio.FieldBoard, portfolio.ReasonBoardMemberLeft, "Ove Olsen (Styrets leder)", "", ""},
			{portfolio.FieldBoard, portfolio.ReasonChairChanged, "Ove Olsen", "", ""},
			{portfolio.FieldOtherRole, portfolio.ReasonRoleChanged, "", "Deltaker med delt ansvar: Sult AS, Rolfsens Deltakerorganisasjon AS", "2021-02-01"},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			after := portfolio.SnapshotOf(lookup(t, number, tc.unit, tc.roles, t1))
			var changes []got
			for _, c := range portfolio.Diff(before, after) {
				changes = append(changes, got{c.Field, c.Reason, c.Old, c.New, c.Date})
				if c.Source != brreg.SourceREST {
					t.Errorf("%s: source %q", c.Reason, c.Source)
				}
			}
			if !reflect.DeepEqual(changes, tc.want) {
				t.Errorf("changes\n got %+v\nwant %+v", changes, tc.want)
			}
		})
	}
}
