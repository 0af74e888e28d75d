package setup

import (
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// baseVersion is Motpart's version as FyneApp.toml gives it (a test keeps
// the two the same).
const baseVersion = "0.1.0"

// Version is Motpart's version: the module's version when it was built as
// a released module, else baseVersion with the commit it was built from
// ("0.1.0+1a2b3c4d5e6f", "+dirty" when the tree had changes) when the
// build recorded one.
func Version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return baseVersion
	}
	return versionOf(info)
}

// pseudoVersion matches the end of a Go pseudo-version (a build of a
// commit, not a release): -YYYYMMDDhhmmss-abcdefabcdef.
var pseudoVersion = regexp.MustCompile(`\d{14}-[0-9a-f]{12}$`)

// versionOf is Version for build info info.
func versionOf(info *debug.BuildInfo) string {
	if v := info.Main.Version; v != "" && v != "(devel)" && !strings.Contains(v, "+") && !pseudoVersion.MatchString(v) {
		return strings.TrimPrefix(v, "v")
	}
	var rev string
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return baseVersion
	}
	v := baseVersion + "+" + rev[:min(len(rev), 12)]
	if dirty {
		v += ".dirty"
	}
	return v
}

// Build describes this build of Motpart, for `motpart version` and the
// About box.
type Build struct {
	// Version is Version().
	Version string `json:"version"`
	// Commit is the commit it was built from, "" when the build did not
	// record one; Modified says the tree had changes.
	Commit   string `json:"commit,omitempty"`
	Modified bool   `json:"modified,omitempty"`
	// Date is the commit's time (UTC): a build of the same commit gives
	// the same date. Zero when not recorded.
	Date time.Time `json:"date,omitzero"`
	// Go is the Go version and Platform the GOOS/GOARCH it was built for.
	Go       string `json:"go"`
	Platform string `json:"platform"`
}

// BuildInfo describes this build.
func BuildInfo() Build {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return Build{Version: baseVersion, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	}
	return buildOf(info, runtime.GOOS+"/"+runtime.GOARCH)
}

// buildOf is BuildInfo for build info info on platform.
func buildOf(info *debug.BuildInfo, platform string) Build {
	b := Build{Version: versionOf(info), Go: info.GoVersion, Platform: platform}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Commit = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		case "vcs.time":
			if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
				b.Date = t.UTC()
			}
		}
	}
	return b
}

// UserAgent is what every request to a register says Motpart is:
// "Motpart/0.1.0+80c8315aa1b2 (linux/amd64)".
func UserAgent() string { return userAgentOf(BuildInfo()) }

// userAgentOf is UserAgent for b.
func userAgentOf(b Build) string {
	return "Motpart/" + b.Version + " (" + b.Platform + ")"
}
