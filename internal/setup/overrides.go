package setup

import (
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/problem"
)

// Overrides change, for one run, what the settings say: the command line
// fills them from --env, and both entry points from $MOTPART_BRREG_URL,
// $MOTPART_GRUNNDATA_URL, $MOTPART_MASKINPORTEN_URL, $MOTPART_RRH_URL,
// $MOTPART_BANKID_URL, $MOTPART_BANKID_OIDC_URL, $MOTPART_SCB_URL,
// $MOTPART_PRH_URL, $MOTPART_VERO_URL, $MOTPART_VERO_CA and $MOTPART_EXTRA_CA;
// the sandbox's story from $MOTPART_SANDBOX_ADVANCE and
// $MOTPART_SANDBOX_POPULATION.
type Overrides struct {
	Environment     desk.Environment
	BrregURL        string
	GrunndataURL    string
	MaskinportenURL string
	RRHURL          string
	// BankIDURL and BankIDOIDCURL are BankID's AML API host and OIDC
	// realm ($MOTPART_BANKID_URL, $MOTPART_BANKID_OIDC_URL).
	BankIDURL, BankIDOIDCURL string
	// SCBURL is SCB's Sök på var API ($MOTPART_SCB_URL).
	SCBURL string
	// PRHURL is PRH's open-data host ($MOTPART_PRH_URL).
	PRHURL string
	// VeroURL is Vero's certificate service ($MOTPART_VERO_URL), and
	// VeroCAPEM the services CA its answers' signer must chain to, read
	// from the PEM file $MOTPART_VERO_CA (never used for the sandbox).
	VeroURL   string
	VeroCAPEM []byte
	// ExtraRootsPEM are roots trusted besides the system's (never used for
	// the sandbox, which trusts only its own CA).
	ExtraRootsPEM []byte
	// SandboxAdvance starts the sandbox's clock that far ahead, so that
	// the changes its world's story holds until then have happened
	// ($MOTPART_SANDBOX_ADVANCE, a Go duration such as "72h"): e.g.
	// `MOTPART_SANDBOX_ADVANCE=72h motpart clients check` sees the world
	// changed since a check without it.
	SandboxAdvance time.Duration
	// SandboxPopulation adds that many synthetic Norwegian units to the
	// sandbox's world, for benchmarks ($MOTPART_SANDBOX_POPULATION).
	SandboxPopulation int
}

// MaxSandboxPopulation is the most synthetic units
// $MOTPART_SANDBOX_POPULATION may ask for.
const MaxSandboxPopulation = 1_000_000

// OverridesFromEnv reads the environment variables that point the
// register clients elsewhere for one run: MOTPART_BRREG_URL,
// MOTPART_GRUNNDATA_URL, MOTPART_MASKINPORTEN_URL, MOTPART_RRH_URL,
// MOTPART_BANKID_URL, MOTPART_BANKID_OIDC_URL, MOTPART_SCB_URL,
// MOTPART_PRH_URL, MOTPART_VERO_URL, MOTPART_VERO_CA (a PEM file of Vero's
// services CA) and MOTPART_EXTRA_CA (a PEM file of extra trusted roots),
// and the sandbox's MOTPART_SANDBOX_ADVANCE (a Go duration, not negative)
// and MOTPART_SANDBOX_POPULATION (a count up to MaxSandboxPopulation). lookup is
// os.LookupEnv, or a map in tests. The window and the command line both
// use it.
//
// Every address must be https://, as in the settings: grunndataWS sends its
// password and Maskinporten its grant with each request, and neither may
// travel in clear.
func OverridesFromEnv(lookup func(string) (string, bool)) (Overrides, error) {
	var o Overrides
	for _, v := range []struct {
		name string
		dst  *string
	}{
		{"MOTPART_BRREG_URL", &o.BrregURL},
		{"MOTPART_GRUNNDATA_URL", &o.GrunndataURL},
		{"MOTPART_MASKINPORTEN_URL", &o.MaskinportenURL},
		{"MOTPART_RRH_URL", &o.RRHURL},
		{"MOTPART_BANKID_URL", &o.BankIDURL},
		{"MOTPART_BANKID_OIDC_URL", &o.BankIDOIDCURL},
		{"MOTPART_SCB_URL", &o.SCBURL},
		{"MOTPART_PRH_URL", &o.PRHURL},
		{"MOTPART_VERO_URL", &o.VeroURL},
	} {
		value, _ := lookup(v.name)
		value = strings.TrimSpace(value)
		if value == "" {
			continue
		}
		u, err := url.Parse(value)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			return o, problem.New(problem.CodeBadSetting, fmt.Errorf("%s must be an https:// address, not %q", v.name, value))
		}
		*v.dst = value
	}
	if path, ok := lookup("MOTPART_VERO_CA"); ok && path != "" {
		pem, err := os.ReadFile(path)
		if err != nil {
			return o, fmt.Errorf("MOTPART_VERO_CA: %w", err)
		}
		o.VeroCAPEM = pem
	}
	if path, ok := lookup("MOTPART_EXTRA_CA"); ok && path != "" {
		pem, err := os.ReadFile(path)
		if err != nil {
			return o, fmt.Errorf("MOTPART_EXTRA_CA: %w", err)
		}
		o.ExtraRootsPEM = pem
	}
	if v, ok := lookup("MOTPART_SANDBOX_ADVANCE"); ok && strings.TrimSpace(v) != "" {
		d, err := time.ParseDuration(strings.TrimSpace(v))
		if err != nil || d < 0 {
			return o, problem.New(problem.CodeBadSetting, fmt.Errorf("MOTPART_SANDBOX_ADVANCE must be a duration such as 72h, not %q", v))
		}
		o.SandboxAdvance = d
	}
	if v, ok := lookup("MOTPART_SANDBOX_POPULATION"); ok && strings.TrimSpace(v) != "" {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 0 || n > MaxSandboxPopulation {
			return o, problem.New(problem.CodeBadSetting, fmt.Errorf("MOTPART_SANDBOX_POPULATION must be a number of units from 0 to %d, not %q", MaxSandboxPopulation, v))
		}
		o.SandboxPopulation = n
	}
	return o, nil
}

// firstSet returns the first value that is not empty: a register's address
// from the run's overrides, else the settings, else the environment's.
func firstSet(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
