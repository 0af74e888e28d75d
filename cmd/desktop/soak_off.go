//go:build !screenshots

package main

import (
	"flag"

	"github.com/motpart/motpart/internal/gui"
)

// soakFlags adds no flags to the shipped program: the memory soak driver
// is built only with the tag screenshots (soak.go).
func soakFlags(*flag.FlagSet) func(*gui.App) { return func(*gui.App) {} }
