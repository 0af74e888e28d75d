// Command desktop is Motpart's window. It wires the Fyne app to the use
// cases in internal/desk and does nothing else.
//
//	motpart-desktop [--vault PATH]
//
// The vault is --vault PATH, or $MOTPART_VAULT, or Motpart/vault.db in the
// user's configuration folder. When $MOTPART_PASSWORD is set the window
// unlocks with it at start.
//
// Built with the tag screenshots (`make screenshots`, bin/motpart-desktop-shots)
// it also takes the flags that put the window in a given state for a
// screenshot: see shots.go. The shipped program has none of them.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2/app"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/gui"
	"github.com/motpart/motpart/internal/setup"
)

func main() {
	vaultPath := flag.String("vault", os.Getenv("MOTPART_VAULT"), "the vault file (default: Motpart/vault.db in the configuration folder)")
	prepare := screenshotFlags(flag.CommandLine)
	soak := soakFlags(flag.CommandLine)
	flag.Parse()

	if *vaultPath == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			fmt.Fprintf(os.Stderr, "motpart-desktop: finding the configuration folder: %v; give --vault PATH\n", err)
			os.Exit(1)
		}
		*vaultPath = filepath.Join(dir, "Motpart", "vault.db")
	}

	stopMemoryCare := careForMemory(os.LookupEnv)
	fa := app.NewWithID("io.github.motpart.Motpart")
	// The registers' addresses can be changed for one run, as on the
	// command line; the settings in the vault say the rest.
	overrides, err := setup.OverridesFromEnv(os.LookupEnv)
	if err != nil {
		fmt.Fprintf(os.Stderr, "motpart-desktop: %v\n", err)
		os.Exit(1)
	}
	d, _ := setup.NewDesk(setup.Config{Desk: desk.Config{VaultPath: *vaultPath}, Overrides: overrides})
	ui := gui.New(fa, releasingDesk{d})
	ui.SetAbout(about())
	if pw, ok := os.LookupEnv("MOTPART_PASSWORD"); ok {
		if err := ui.Unlock([]byte(pw)); err != nil {
			fmt.Fprintf(os.Stderr, "motpart-desktop: unlocking with $MOTPART_PASSWORD: %v\n", err)
		}
	}
	prepare(ui)
	soak(ui)
	ui.ShowAndRun()
	stopMemoryCare()
	if err := d.Close(); err != nil {
		fmt.Fprintf(os.Stderr, "motpart-desktop: closing: %v\n", err)
	}
}
