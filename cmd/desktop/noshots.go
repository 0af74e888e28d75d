//go:build !screenshots

package main

import (
	"flag"

	"github.com/motpart/motpart/internal/gui"
)

// screenshotFlags adds no flags to the shipped program: the switches that
// put the window in a state for a screenshot are built only with the tag
// screenshots (shots.go).
func screenshotFlags(*flag.FlagSet) func(*gui.App) { return func(*gui.App) {} }
