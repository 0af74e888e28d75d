// Command desktop is Motpart's window. It wires the Fyne app to the use
// cases in internal/desk and does nothing else.
//
//	motpart-desktop [--vault PATH] [--screen lookup|certificates|settings] [--search NUMBER] [--lookup NUMBER] [--import FILE [--import-to-name]]
//
// The vault is --vault PATH, or $MOTPART_VAULT, or Motpart/vault.db in the
// user's configuration folder. When $MOTPART_PASSWORD is set the window
// unlocks with it at start, and --import FILE opens the certificate
// wizard on FILE, reading it with $MOTPART_CERT_PASSWORD when that is set
// (for automation such as `make screenshots`).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2/app"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/gui"
)

func main() {
	vaultPath := flag.String("vault", os.Getenv("MOTPART_VAULT"), "the vault file (default: Motpart/vault.db in the configuration folder)")
	screen := flag.String("screen", "", "open on this screen once unlocked: lookup, certificates or settings")
	search := flag.String("search", "", "type this number into the Lookup screen")
	lookup := flag.String("lookup", "", "look this organisation up at start")
	tab := flag.Int("tab", 0, "with --lookup: the dossier tab to show (0 company, 1 beneficial owners, 2 ownership)")
	importFile := flag.String("import", "", "open the certificate wizard on this .pfx/.p12 file")
	importToName := flag.Bool("import-to-name", false, "with --import and $MOTPART_CERT_PASSWORD: go on to the naming step")
	flag.Parse()

	if *vaultPath == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			fmt.Fprintf(os.Stderr, "motpart-desktop: finding the configuration folder: %v; give --vault PATH\n", err)
			os.Exit(1)
		}
		*vaultPath = filepath.Join(dir, "Motpart", "vault.db")
	}

	fa := app.NewWithID("io.github.motpart.Motpart")
	// The registers' addresses can be changed for one run, as on the
	// command line; the settings in the vault say the rest.
	overrides, err := desk.OverridesFromEnv(os.LookupEnv)
	if err != nil {
		fmt.Fprintf(os.Stderr, "motpart-desktop: %v\n", err)
		os.Exit(1)
	}
	d := desk.New(desk.Config{VaultPath: *vaultPath, Overrides: overrides})
	ui := gui.New(fa, windowDesk{d})
	if pw, ok := os.LookupEnv("MOTPART_PASSWORD"); ok {
		if err := ui.Unlock([]byte(pw)); err != nil {
			fmt.Fprintf(os.Stderr, "motpart-desktop: unlocking with $MOTPART_PASSWORD: %v\n", err)
		}
	}
	if *screen != "" && !ui.ShowScreen(*screen) {
		fmt.Fprintf(os.Stderr, "motpart-desktop: no screen %q to show (is the vault unlocked?)\n", *screen)
	}
	if *search != "" {
		ui.Search(*search)
	}
	if *lookup != "" && !ui.LookUp(*lookup, *tab) {
		fmt.Fprintln(os.Stderr, "motpart-desktop: --lookup needs the vault unlocked")
	}
	if *importFile != "" {
		var password *string
		if pw, ok := os.LookupEnv("MOTPART_CERT_PASSWORD"); ok {
			password = &pw
		}
		if err := ui.OpenImport(*importFile, password, *importToName); err != nil {
			fmt.Fprintf(os.Stderr, "motpart-desktop: --import: %v\n", err)
		}
	}
	ui.ShowAndRun()
	if err := d.Close(); err != nil {
		fmt.Fprintf(os.Stderr, "motpart-desktop: closing: %v\n", err)
	}
}
