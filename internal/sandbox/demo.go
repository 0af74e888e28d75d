package sandbox

import "github.com/motpart/motpart/internal/sandbox/ca"

// DemoCertificates returns the demo client certificates issued by the
// sandbox CA to the world's accounting firm: an SCB one (API-Id in the CN
// and the file name), a Norwegian enterprise one (organisasjonsnummer in
// serialNumber and organizationIdentifier, RSA 2048) and a Finnish one
// (Y-tunnus in the CN). They are made on first use. On error it returns
// nil; [Sandbox.WriteDemoCertificates] reports the error.
func (s *Sandbox) DemoCertificates() []DemoCertificate {
	certs, err := s.demoCertificates()
	if err != nil {
		return nil
	}
	out := make([]DemoCertificate, len(certs))
	for i, c := range certs {
		c.Data = append([]byte(nil), c.Data...)
		out[i] = c
	}
	return out
}

func (s *Sandbox) demoCertificates() ([]DemoCertificate, error) {
	s.demoOnce.Do(func() {
		s.demo, s.demoErr = s.ca.DemoCertificates(s.world, s.cfg.Now())
	})
	return s.demo, s.demoErr
}

// WriteDemoCertificates writes the demo certificates into dir (made if
// missing), each file readable by its owner only (0600).
func (s *Sandbox) WriteDemoCertificates(dir string) error {
	certs, err := s.demoCertificates()
	if err != nil {
		return err
	}
	return ca.WriteDemoCertificates(dir, certs)
}
