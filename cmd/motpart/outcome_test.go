package main

import (
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// TestLookupOutcomesDiffer: found, not registered, no answer and not asked
// have different words, and the command fails when nothing was answered,
// saying why.
func TestLookupOutcomesDiffer(t *testing.T) {
	c := newCLIEnv(t)
	if code, _, errOut := c.run("pw-for-vault\npw-for-vault\n", "vault", "init"); code != 0 {
		t.Fatal(errOut)
	}
	c.env["MOTPART_PASSWORD"] = "pw-for-vault"
	// SCB answers for Swedish numbers in the sandbox; with its certificate
	// chosen but not in the vault it is not connected, and no register is
	// asked about a Swedish number.
	if code, _, errOut := c.run("", "settings", "set", "scb.certificate", "not-imported"); code != 0 {
		t.Fatal(errOut)
	}
	const down = "https://127.0.0.1:1"
	unreachable := map[string]string{"MOTPART_BRREG_URL": down + "/enhetsregisteret/api", "MOTPART_GRUNNDATA_URL": down, "MOTPART_RRH_URL": down}
	steps := []struct {
		name   string
		down   bool // every register unreachable
		number string
		code   int
		out    []string // in stdout
		errOut string   // in stderr
	}{
		{"found", false, world.RichestOrgNr, 0, []string{"SOLSTRAND INDUSTRIER ASA"}, ""},
		{"not registered", false, world.NeverCreatedOrgNr, 0, []string{"not registered: the registers that answered do not know this number"}, ""},
		{"not asked", false, "556074-7569", 1, []string{"NOT ASKED: no register was asked about this number"}, "no register was asked about 556074-7569: Motpart has no register for this country"},
		{"no answer, last known data", true, world.RichestOrgNr, 1,
			[]string{"NO ANSWER: the registers could not be reached now; last known data from ", "SOLSTRAND INDUSTRIER ASA", "LAST KNOWN:", "company from ", "owners from ", "INCOMPLETE"},
			"no register answered about " + world.RichestOrgNr + ": every source failed"},
		{"no answer, nothing known", true, world.AuditorOrgNr, 1,
			[]string{"NO ANSWER: no register could be reached, so nothing is known about this number now"},
			"no register answered about " + world.AuditorOrgNr},
	}
	for _, st := range steps {
		for k, v := range unreachable {
			if st.down {
				c.env[k] = v
			} else {
				delete(c.env, k)
			}
		}
		code, out, errOut := c.run("", "lookup", st.number)
		if code != st.code || !strings.Contains(errOut, st.errOut) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", st.name, code, errOut, st.code, st.errOut)
		}
		for _, want := range st.out {
			if !strings.Contains(out, want) {
				t.Errorf("%s: no %q in\n%s", st.name, want, out)
			}
		}
		if strings.Contains(out, "not found in any register") {
			t.Errorf("%s: the old words for every outcome:\n%s", st.name, out)
		}
	}
}
