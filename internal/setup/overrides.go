package setup

import (
	"fmt"
	"os"

	"github.com/motpart/motpart/internal/desk"
)

// Overrides change, for one run, what the settings say: the command line
// fills them from --env, and both entry points from $MOTPART_BRREG_URL,
// $MOTPART_GRUNNDATA_URL, $MOTPART_MASKINPORTEN_URL, $MOTPART_RRH_URL and
// $MOTPART_EXTRA_CA.
type Overrides struct {
	Environment     desk.Environment
	BrregURL        string
	GrunndataURL    string
	MaskinportenURL string
	RRHURL          string
	// ExtraRootsPEM are roots trusted besides the system's (never used for
	// the sandbox, which trusts only its own CA).
	ExtraRootsPEM []byte
}

// OverridesFromEnv reads the environment variables that point the
// register clients elsewhere for one run: MOTPART_BRREG_URL,
// MOTPART_GRUNNDATA_URL, MOTPART_MASKINPORTEN_URL, MOTPART_RRH_URL and
// MOTPART_EXTRA_CA (a PEM file of extra trusted roots). lookup is
// os.LookupEnv, or a map in tests. The window and the command line both
// use it.
func OverridesFromEnv(lookup func(string) (string, bool)) (Overrides, error) {
	var o Overrides
	o.BrregURL, _ = lookup("MOTPART_BRREG_URL")
	o.GrunndataURL, _ = lookup("MOTPART_GRUNNDATA_URL")
	o.MaskinportenURL, _ = lookup("MOTPART_MASKINPORTEN_URL")
	o.RRHURL, _ = lookup("MOTPART_RRH_URL")
	if path, ok := lookup("MOTPART_EXTRA_CA"); ok && path != "" {
		pem, err := os.ReadFile(path)
		if err != nil {
			return o, fmt.Errorf("MOTPART_EXTRA_CA: %w", err)
		}
		o.ExtraRootsPEM = pem
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
