package dossier

import "time"

// FIOrder is an order of the Finnish Incomes Register (Tulorekisteri)
// certificate from Vero's certificate service (registries.md §2): what the
// user typed in the wizard or on the command line. The TransferPassword is
// not part of it: it is used once and never kept.
type FIOrder struct {
	// BusinessID is the company's Y-tunnus (1234567-8): the CustomerId and
	// the CN of the certificate request.
	BusinessID string `json:"business_id"`
	// CompanyName is the CustomerName and the O of the request.
	CompanyName string `json:"company_name"`
	// TransferID is the id Vero sent by secure e-mail.
	TransferID string `json:"transfer_id"`
	// Environment is "test", "production" or "sandbox".
	Environment string `json:"environment"`
	// Name is the certificate's name in the vault.
	Name string `json:"name"`
}

// The steps of FIOrderState.
const (
	FIStepSent    = "sent"    // the request went out; no answer yet
	FIStepWaiting = "waiting" // Vero gave a RetrievalId and prepares the certificate
	FIStepReady   = "ready"   // the certificate is stored in the vault
	FIStepFailed  = "failed"  // Vero refused, or the wait ran out; Problem says why
)

// FIOrderState is where an order (or a renewal) of a Finnish certificate
// stands, as the progress callback and PendingFIOrder report it.
type FIOrderState struct {
	// Step is one of the FIStep constants.
	Step string `json:"step"`
	// RetrievalID is Vero's id for fetching the certificate, once given.
	RetrievalID string `json:"retrieval_id,omitempty"`
	// Problem is the problem code when Step is FIStepFailed.
	Problem string `json:"problem,omitempty"`
	// Attempts counts the GetCertificate calls made so far.
	Attempts int `json:"attempts"`
	// NextTry is when the next GetCertificate call is due (zero when none).
	NextTry time.Time `json:"next_try,omitzero"`
}
