package setup

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// The version the desk prints is FyneApp.toml's, the one the window's
// package carries.
func TestBaseVersionIsFyneApps(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(b)
	if m == nil || string(m[1]) != baseVersion {
		t.Errorf("FyneApp.toml's version %q, setup's %q", m, baseVersion)
	}
}

func TestVersionOf(t *testing.T) {
	tests := []struct {
		name string
		info debug.BuildInfo
		want string
	}{
		{"released module", debug.BuildInfo{Main: debug.Module{Version: "v0.2.0"}}, "0.2.0"},
		{"no commit", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, baseVersion},
		{"commit", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "80c8315aa1b2c3d4e5f6"}, {Key: "vcs.modified", Value: "false"}}}, baseVersion + "+80c8315aa1b2"},
		{"pseudo-version", debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261203145600-80c8315aa1b2"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "80c8315aa1b2c3d4"}}}, baseVersion + "+80c8315aa1b2"},
		{"changed tree", debug.BuildInfo{Main: debug.Module{Version: "v0.1.1-0.20261203-80c8315aa1b2+dirty"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "80c8315"}, {Key: "vcs.modified", Value: "true"}}}, baseVersion + "+80c8315.dirty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionOf(&tt.info); got != tt.want {
				t.Errorf("versionOf = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBuildAndUserAgent(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "80c8315aa1b2c3d4e5f6"}, {Key: "vcs.time", Value: "2026-12-03T14:56:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	b := buildOf(info, "windows/amd64")
	want := Build{Version: baseVersion + "+80c8315aa1b2.dirty", Commit: "80c8315aa1b2c3d4e5f6", Modified: true,
		Date: time.Date(2026, 12, 3, 14, 56, 0, 0, time.UTC), Go: "go1.26.8", Platform: "windows/amd64"}
	if b != want {
		t.Fatalf("buildOf = %+v, want %+v", b, want)
	}
	if ua := userAgentOf(b); ua != "Motpart/"+baseVersion+"+80c8315aa1b2.dirty (windows/amd64)" {
		t.Fatalf("user agent %q", ua)
	}
	if ua := UserAgent(); !strings.HasPrefix(ua, "Motpart/"+baseVersion) || strings.Contains(ua, "0.1\"") {
		t.Fatalf("UserAgent() = %q", ua)
	}
}
