package sandbox

import "time"

// bankidWorker sends BankID's webhooks that fall due while nobody asks
// about their sessions, until the sandbox closes.
func (s *Sandbox) bankidWorker() {
	t := time.NewTicker(s.cfg.BankIDWebhookInterval)
	defer t.Stop()
	for {
		select {
		case <-s.closing:
			return
		case <-t.C:
			s.bankid.Advance()
		}
	}
}

// BankIDCount returns how many requests of a kind BankID's simulator
// answered ("token", "create", "status", "jsonData", "report",
// "webhook"...); see bankid.Server.Count.
func (s *Sandbox) BankIDCount(kind string) int { return s.bankid.Count(kind) }
