//go:build screenshots

package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"

	"github.com/motpart/motpart/internal/gui"
)

// screenshotFlags adds the flags `make screenshots` uses to fs and returns
// what applies them to the window once it is built (and, with
// $MOTPART_PASSWORD, unlocked):
//
//	--screen lookup|certificates|settings|import|classify|clients   open on this screen
//	--search NUMBER                                type NUMBER into Lookup
//	--lookup NUMBER [--tab N]                      look NUMBER up and show tab N
//	--import FILE [--import-to-name]               open the wizard on FILE
//	--order-aml [--order-now [--order-wait]]        with --lookup: open the AML order dialog,
//	                                               press Order, and wait until the order is done
//	--kyc-report [--kyc-make]                      with --lookup: open the KYC report dialog,
//	                                               and press Make (after --order-aml's order)
//	--classify FILE [--classify-out OUT            open FILE on Classify customers; classify it
//	  [--classify-pause F]]                        into OUT, held at fraction F of the rows
//	--classify-refresh                             fetch SCB's sector file on Classify customers
//	--vero-order N [--vero-progress]               open the order of the Incomes Register certificate
//	                                               on step N (1 to 4), or on its progress
//	--vero-renew NAME                              open the renewal of certificate NAME on its progress
//	--clients-check [--clients-hold F]             on Clients: run Check all, held once fraction F
//	                                               of the clients is done
//	--clients-changes                              on Clients: show the Changes view
//	--size WxH                                     make the window W×H pixels
//	--ready FILE                                   create FILE once the work above is shown
//
// --import reads FILE with $MOTPART_CERT_PASSWORD when that is set.
func screenshotFlags(fs *flag.FlagSet) func(*gui.App) {
	screen := fs.String("screen", "", "open on this screen once unlocked: lookup, certificates, settings or import")
	search := fs.String("search", "", "type this number into the Lookup screen")
	lookup := fs.String("lookup", "", "look this organisation up at start")
	tab := fs.Int("tab", 0, "with --lookup: the dossier tab to show (0 company, 1 beneficial owners, 2 ownership)")
	importFile := fs.String("import", "", "open the certificate wizard on this .pfx/.p12 file")
	importToName := fs.Bool("import-to-name", false, "with --import and $MOTPART_CERT_PASSWORD: go on to the naming step")
	orderAML := fs.Bool("order-aml", false, "with --lookup: open the AML order dialog for the dossier")
	orderNow := fs.Bool("order-now", false, "with --order-aml: press Order, so the progress strip shows the order")
	orderWait := fs.Bool("order-wait", false, "with --order-now: signal --ready only once the order is finished")
	kycReport := fs.Bool("kyc-report", false, "with --lookup: open the KYC report dialog for the dossier")
	kycMake := fs.Bool("kyc-make", false, "with --kyc-report: press Make and signal --ready once the report is made")
	classifyFile := fs.String("classify", "", "open this customer file (.csv, .xlsx) on Classify customers")
	classifyOut := fs.String("classify-out", "", "with --classify: classify the file and save the result here")
	classifyPause := fs.Float64("classify-pause", 0, "with --classify-out: hold the run once this fraction (0 to 1) of the rows is done")
	classifyRefresh := fs.Bool("classify-refresh", false, "fetch SCB's sector file into the vault on Classify customers")
	veroOrder := fs.Int("vero-order", 0, "open the order of the Incomes Register certificate on this step (1 to 4); nothing is sent")
	veroProgress := fs.Bool("vero-progress", false, "with --vero-order: show the progress while Vero prepares the certificate")
	veroRenew := fs.String("vero-renew", "", "open the renewal of this stored certificate on its progress; nothing is sent")
	clientsCheck := fs.Bool("clients-check", false, "on the Clients screen: run Check all")
	clientsHold := fs.Float64("clients-hold", 0, "with --clients-check: hold the check once this fraction (0 to 1) of the clients is done")
	clientsChanges := fs.Bool("clients-changes", false, "on the Clients screen: show the Changes view")
	about := fs.Bool("about", false, "open the About box over Settings")
	size := fs.String("size", "", "the window's size in pixels, WxH (such as 1280x800)")
	ready := fs.String("ready", "", "create this file once the lookup or import asked for is shown")
	return func(ui *gui.App) {
		if *size != "" {
			w, h, err := parseSize(*size)
			if err != nil {
				fmt.Fprintf(os.Stderr, "motpart-desktop: --size: %v\n", err)
				os.Exit(2)
			}
			ui.Window().Resize(fyne.NewSize(w, h))
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
		// The next try shown in the progress is a minute from now.
		next := time.Now().Add(time.Minute)
		if *veroOrder > 0 {
			if err := ui.OpenVeroOrder(*veroOrder, *veroProgress, next); err != nil {
				fmt.Fprintf(os.Stderr, "motpart-desktop: --vero-order: %v\n", err)
			}
		}
		if *veroRenew != "" {
			if err := ui.OpenVeroRenew(*veroRenew, next); err != nil {
				fmt.Fprintf(os.Stderr, "motpart-desktop: --vero-renew: %v\n", err)
			}
		}
		if *classifyRefresh && !ui.ClassifyRefresh() {
			fmt.Fprintln(os.Stderr, "motpart-desktop: --classify-refresh needs the vault unlocked")
		}
		if *classifyFile != "" && !ui.ClassifyOpen(*classifyFile) {
			fmt.Fprintln(os.Stderr, "motpart-desktop: --classify needs the vault unlocked")
		}
		if *clientsChanges && !*clientsCheck && !ui.ClientsCheck(false, 0, true) {
			fmt.Fprintln(os.Stderr, "motpart-desktop: --clients-changes needs the vault unlocked")
		}
		if *about && !ui.OpenAbout() {
			fmt.Fprintln(os.Stderr, "motpart-desktop: --about needs the vault unlocked")
		}
		if *ready != "" || *orderAML || *kycReport || *classifyOut != "" || *clientsCheck {
			go func() {
				ui.WaitIdle()
				if *orderAML {
					orderForShots(ui, *orderNow, *orderWait)
				}
				if *kycReport {
					reportForShots(ui, *kycMake)
				}
				if *classifyOut != "" {
					classifyForShots(ui, *classifyOut, *classifyPause)
				}
				if *clientsCheck {
					clientsForShots(ui, *clientsHold, *clientsChanges)
				}
				if *ready == "" {
					return
				}
				if err := os.WriteFile(*ready, nil, 0o600); err != nil {
					fmt.Fprintf(os.Stderr, "motpart-desktop: --ready: %v\n", err)
				}
			}()
		}
	}
}

// orderForShots opens the AML order dialog on the dossier shown and, with
// now, orders; it returns as soon as the order shows in the progress
// strip (the sandbox prepares it in a second or two), or with wait once
// it is finished (or after a minute).
func orderForShots(ui *gui.App, now, wait bool) {
	ok := false
	fyne.DoAndWait(func() { ok = ui.OrderAML(now) })
	if !ok {
		fmt.Fprintln(os.Stderr, "motpart-desktop: --order-aml: no dossier shown to order for")
		return
	}
	if !now {
		return
	}
	if wait {
		ui.WaitIdle() // the order is placed
	}
	for i := 0; i < 1200; i++ {
		n := 0
		fyne.DoAndWait(func() { n = ui.OrdersUnfinished() })
		if (n > 0) != wait {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if wait {
		ui.WaitIdle()
	}
}

// reportForShots opens the KYC report dialog on the dossier shown and,
// with now, makes the report; it returns once the report is made.
func reportForShots(ui *gui.App, now bool) {
	ok := false
	fyne.DoAndWait(func() { ok = ui.MakeReport(now) })
	if !ok {
		fmt.Fprintln(os.Stderr, "motpart-desktop: --kyc-report: no dossier shown to report on")
		return
	}
	ui.WaitIdle()
}

// classifyForShots classifies the file shown into out and waits until the
// summary shows; with pause between 0 and 1 it returns once the run has
// had a moment to count up to that fraction of the rows, where it is held.
func classifyForShots(ui *gui.App, out string, pause float64) {
	fyne.DoAndWait(func() { ui.ClassifyRun(out, pause) })
	if pause > 0 && pause < 1 {
		time.Sleep(1500 * time.Millisecond)
		return
	}
	ui.WaitIdle()
	msg := ""
	fyne.DoAndWait(func() { msg = ui.ClassifyMessage() })
	fmt.Fprintf(os.Stderr, "motpart-desktop: --classify-out: %s\n", msg)
}

// clientsForShots runs Check all on the Clients screen and returns once
// it is held at fraction hold of the clients, or has ended (or after a
// minute).
func clientsForShots(ui *gui.App, hold float64, changes bool) {
	started := false
	fyne.DoAndWait(func() { started = ui.ClientsCheck(true, hold, changes) })
	if !started {
		fmt.Fprintln(os.Stderr, "motpart-desktop: --clients-check needs the vault unlocked")
		return
	}
	for range 240 {
		time.Sleep(250 * time.Millisecond)
		if ui.ClientsCheckDone() {
			return
		}
	}
}

// parseSize reads a window size written WxH, such as 1280x800.
func parseSize(s string) (w, h float32, err error) {
	var wi, hi int
	if n, err := fmt.Sscanf(s, "%dx%d", &wi, &hi); err != nil || n != 2 {
		return 0, 0, fmt.Errorf("%q is not a size such as 1280x800", s)
	}
	if wi < 200 || hi < 200 || wi > 8000 || hi > 8000 {
		return 0, 0, fmt.Errorf("%q: width and height must be 200 to 8000 pixels", s)
	}
	if fmt.Sprintf("%dx%d", wi, hi) != s {
		return 0, 0, fmt.Errorf("%q is not a size such as 1280x800", s)
	}
	return float32(wi), float32(hi), nil
}
