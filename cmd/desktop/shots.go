//go:build screenshots

package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/motpart/motpart/internal/gui"
)

// screenshotFlags adds the flags `make screenshots` uses to fs and returns
// what applies them to the window once it is built (and, with
// $MOTPART_PASSWORD, unlocked):
//
//	--screen lookup|certificates|settings|import   open on this screen
//	--search NUMBER                                type NUMBER into Lookup
//	--lookup NUMBER [--tab N]                      look NUMBER up and show tab N
//	--import FILE [--import-to-name]               open the wizard on FILE
//
// --import reads FILE with $MOTPART_CERT_PASSWORD when that is set.
func screenshotFlags(fs *flag.FlagSet) func(*gui.App) {
	screen := fs.String("screen", "", "open on this screen once unlocked: lookup, certificates, settings or import")
	search := fs.String("search", "", "type this number into the Lookup screen")
	lookup := fs.String("lookup", "", "look this organisation up at start")
	tab := fs.Int("tab", 0, "with --lookup: the dossier tab to show (0 company, 1 beneficial owners, 2 ownership)")
	importFile := fs.String("import", "", "open the certificate wizard on this .pfx/.p12 file")
	importToName := fs.Bool("import-to-name", false, "with --import and $MOTPART_CERT_PASSWORD: go on to the naming step")
	return func(ui *gui.App) {
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
	}
}
