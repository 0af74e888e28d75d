//go:build screenshots

package certificates

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/motpart/motpart/internal/certinfo"
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
