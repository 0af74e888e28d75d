//go:build screenshots

package certificates

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/dossier"
)

// This file is built only with the screenshots tag, for `make screenshots`.

// OpenImport opens the certificate wizard on the file at path, as if it
// were dropped on the window, and reads it at once. With password set it
// also opens the file with it and, with toName, goes on to the naming
// step.
func (s *Screen) OpenImport(path string, password *string, toName bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("opening the certificate file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, certinfo.MaxFileSize+1))
	if err != nil {
		return fmt.Errorf("reading the certificate file: %w", err)
	}
	if len(data) > certinfo.MaxFileSize {
		return fmt.Errorf("%s is larger than a certificate file can be", path)
	}
	w := s.openWizard()
	w.setFile(filepath.Base(path), data)
	w.inspected(s.desk.InspectCertificate(data, w.fileName, ""))
	if password == nil || w.step != stepPassword {
		return nil
	}
	w.password.SetText(*password)
	w.inspected(s.desk.InspectCertificate(data, w.fileName, *password))
	if toName && w.step == stepSummary {
		w.forward()
	}
	return nil
}

// OpenOrderShot opens the order wizard for a picture, filled with the
// sandbox's example company, on step (1 to 4), or with progress on the
// progress step, showing Vero's second attempt due at next. Nothing is
// sent to Vero.
func (s *Screen) OpenOrderShot(step int, progress bool, next time.Time) {
	w := s.openOrder("")
	if w == nil {
		return
	}
	w.open()
	w.businessID.SetText("0116297-6")
	w.company.SetText("Esimerkki Oy")
	w.transferID.SetText("5d7f3e2a-1c9b-4f60-8e0a-3b2d9c4f7a11")
	w.password.SetText("Kc7#pR2x")
	w.checkCompany()
	for i := 1; i < step && i < 4; i++ {
		w.forward()
	}
	if progress {
		w.showState(dossier.FIOrderState{Step: dossier.FIStepWaiting, RetrievalID: "R-1", Attempts: 2, NextTry: next})
	}
}

// OpenRenewShot opens the renewal of the certificate name for a picture,
// on its progress step with Vero's first answer, next try at next.
// Nothing is sent to Vero.
func (s *Screen) OpenRenewShot(name string, next time.Time) {
	w := s.openOrder(name)
	if w == nil {
		return
	}
	w.dialog.Show()
	w.showState(dossier.FIOrderState{Step: dossier.FIStepWaiting, RetrievalID: "R-2", NextTry: next})
}

// showState shows the progress step with st in words.
func (w *orderWizard) showState(st dossier.FIOrderState) {
	w.show(orderProgress)
	w.busy.Show()
	w.busy.Start()
	w.state.SetText(orderStateText(st))
	w.dialog.Fit()
}
