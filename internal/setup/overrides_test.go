package setup

import (
	"strings"
	"testing"
	"time"

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

// TestSandboxOverrides: MOTPART_SANDBOX_ADVANCE is a duration that is
// not negative, MOTPART_SANDBOX_POPULATION a count within bounds; anything
// else is refused with the variable's name.
func TestSandboxOverrides(t *testing.T) {
	tests := []struct {
		env            map[string]string
		wantAdvance    time.Duration
		wantPopulation int
		wantErr        string
	}{
		{env: map[string]string{}},
		{env: map[string]string{"MOTPART_SANDBOX_ADVANCE": "72h"}, wantAdvance: 72 * time.Hour},
		{env: map[string]string{"MOTPART_SANDBOX_ADVANCE": " 90m ", "MOTPART_SANDBOX_POPULATION": "1000"}, wantAdvance: 90 * time.Minute, wantPopulation: 1000},
		{env: map[string]string{"MOTPART_SANDBOX_ADVANCE": "", "MOTPART_SANDBOX_POPULATION": " "}},
		{env: map[string]string{"MOTPART_SANDBOX_POPULATION": "0"}},
		{env: map[string]string{"MOTPART_SANDBOX_ADVANCE": "3 days"}, wantErr: "MOTPART_SANDBOX_ADVANCE"},
		{env: map[string]string{"MOTPART_SANDBOX_ADVANCE": "72"}, wantErr: "MOTPART_SANDBOX_ADVANCE"},
		{env: map[string]string{"MOTPART_SANDBOX_ADVANCE": "-1h"}, wantErr: "MOTPART_SANDBOX_ADVANCE"},
		{env: map[string]string{"MOTPART_SANDBOX_POPULATION": "-5"}, wantErr: "MOTPART_SANDBOX_POPULATION"},
		{env: map[string]string{"MOTPART_SANDBOX_POPULATION": "10k"}, wantErr: "MOTPART_SANDBOX_POPULATION"},
		{env: map[string]string{"MOTPART_SANDBOX_POPULATION": "1000001"}, wantErr: "MOTPART_SANDBOX_POPULATION"},
	}
	for _, tt := range tests {
		o, err := OverridesFromEnv(func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok })
		if tt.wantErr != "" {
			if problem.CodeOf(err) != problem.CodeBadSetting || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%v: %v, want a bad-setting error naming %s", tt.env, err, tt.wantErr)
			}
			continue
		}
		if err != nil || o.SandboxAdvance != tt.wantAdvance || o.SandboxPopulation != tt.wantPopulation {
			t.Errorf("%v: advance %v, population %d, %v; want %v, %d", tt.env, o.SandboxAdvance, o.SandboxPopulation, err, tt.wantAdvance, tt.wantPopulation)
		}
	}
}
