package setup

import (
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/problem"
)

// Overrides change, for one run, what the settings say: the command line
// fills them from --env, and both entry points from $MOTPART_BRREG_URL,
// $MOTPART_GRUNNDATA_URL, $MOTPART_MASKINPORTEN_URL, $MOTPART_RRH_URL,
// $MOTPART_BANKID_URL, $MOTPART_BANKID_OIDC_URL, $MOTPART_SCB_URL,
// $MOTPART_VERO_URL, $MOTPART_VERO_CA and $MOTPART_EXTRA_CA.
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
	// VeroURL is Vero's certificate service ($MOTPART_VERO_URL), and
	// VeroCAPEM the services CA its answers' signer must chain to, read
	// from the PEM file $MOTPART_VERO_CA (never used for the sandbox).
	VeroURL   string
	VeroCAPEM []byte
	// ExtraRootsPEM are roots trusted besides the system's (never used for
	// the sandbox, which trusts only its own CA).
	ExtraRootsPEM []byte
}

// OverridesFromEnv reads the environment variables that point the
// register clients elsewhere for one run: MOTPART_BRREG_URL,
// MOTPART_GRUNNDATA_URL, MOTPART_MASKINPORTEN_URL, MOTPART_RRH_URL,
// MOTPART_BANKID_URL, MOTPART_BANKID_OIDC_URL, MOTPART_SCB_URL,
// MOTPART_VERO_URL, MOTPART_VERO_CA (a PEM file of Vero's services CA) and
// MOTPART_EXTRA_CA (a PEM file of extra trusted roots). lookup is
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
