package main

import (
	"runtime/debug"

	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/setup"
)

// about is what the About box says of this build: setup's description
// and the modules built in, from the build's own record.
func about() guikit.About {
	b := setup.BuildInfo()
	a := guikit.About{Version: b.Version, Commit: b.Commit, Go: b.Go, Platform: b.Platform}
	if !b.Date.IsZero() {
		a.Built = b.Date.Format("2006-01-02 15:04 UTC")
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Replace != nil {
				m = m.Replace
			}
			a.Modules = append(a.Modules, m.Path+" "+m.Version)
		}
	}
	return a
}
