package setup

import (
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/problem"
)

// TestOverridesAreHTTPSOnly: an address override in clear (http://) or
// without a host is refused with the variable's name, since grunndataWS
// would send its password over it.
func TestOverridesAreHTTPSOnly(t *testing.T) {
	tests := []struct {
		name, value string
		ok          bool
	}{
		{"MOTPART_BRREG_URL", "https://127.0.0.1:8443/enhetsregisteret/api", true},
		{"MOTPART_GRUNNDATA_URL", " https://grunndata.example/ErFr ", true},
		{"MOTPART_GRUNNDATA_URL", "http://grunndata.example/ErFr", false},
		{"MOTPART_BRREG_URL", "http://127.0.0.1:8080/", false},
		{"MOTPART_MASKINPORTEN_URL", "ftp://maskinporten.example/", false},
		{"MOTPART_RRH_URL", "https://", false},
		{"MOTPART_RRH_URL", "rrh.brreg.no", false},
		{"MOTPART_SCB_URL", "https://127.0.0.1:8443/nv0101/v1/sokpavar", true},
		{"MOTPART_SCB_URL", "http://privateapi.scb.se/nv0101/v1/sokpavar", false},
	}
	for _, tt := range tests {
		env := map[string]string{tt.name: tt.value}
		o, err := OverridesFromEnv(func(k string) (string, bool) { v, ok := env[k]; return v, ok })
		if tt.ok {
			got := o.BrregURL + o.GrunndataURL + o.MaskinportenURL + o.RRHURL + o.SCBURL
			if err != nil || got != strings.TrimSpace(tt.value) {
				t.Errorf("%s=%q: %q, %v", tt.name, tt.value, got, err)
			}
			continue
		}
		if problem.CodeOf(err) != problem.CodeBadSetting || !strings.Contains(err.Error(), tt.name) {
			t.Errorf("%s=%q: %v, want a bad-setting error naming the variable", tt.name, tt.value, err)
		}
	}
}
