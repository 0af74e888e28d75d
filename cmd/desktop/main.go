// Command desktop is Motpart's window. It wires the Fyne app to the use
// cases in internal/desk and does nothing else.
//
//	motpart-desktop [--screen lookup|settings] [--search NUMBER]
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/gui"
)

func main() {
	screen := flag.String("screen", "", "open on this screen: lookup or settings")
	search := flag.String("search", "", "type this number into the Lookup screen")
	flag.Parse()

	fa := app.NewWithID("io.github.motpart.Motpart")
	d := desk.New(desk.Config{AllowTestData: true})
	ui := gui.New(fa, d)
	if *screen != "" && !ui.ShowScreen(*screen) {
		fmt.Fprintf(os.Stderr, "motpart-desktop: no screen called %q\n", *screen)
		os.Exit(2)
	}
	if *search != "" {
		ui.Search(*search)
	}
	ui.ShowAndRun()
}
