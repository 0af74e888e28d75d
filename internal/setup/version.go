package setup

import (
	"regexp"
	"runtime/debug"
	"strings"
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
