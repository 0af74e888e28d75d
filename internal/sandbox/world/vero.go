package world

// The TransferIds of Vero's certificate service in the world, as the
// technical contact receives them by secure e-mail (registries.md §2.2).
// Each works once: the simulator marks it used after its first
// SignNewCertificate with the right password.
const (
	// VeroTransferID and VeroTransferPassword are a good pair for the
	// accounting firm's Finnish company (FIFirmYTunnus).
	VeroTransferID       = "SBX0000000000001"
	VeroTransferPassword = "Kissa7Koira"
	// VeroTransferID2 and VeroTransferPassword2 are a second good pair, for
	// Pohjoistuuli Energia Oy (FIYTunnus).
	VeroTransferID2       = "SBX0000000000002"
	VeroTransferPassword2 = "Sauna3Lumi"
	// VeroDemoTransferID and VeroDemoTransferPassword are a good pair for
	// the firm's company that tests leave alone, listed by `sandbox serve`
	// for trying the order wizard by hand.
	VeroDemoTransferID       = "SBX0000000000009"
	VeroDemoTransferPassword = "Demo9Revontuli"
	// VeroUsedTransferID and VeroUsedTransferPassword are a pair that was
	// already used: SignNewCertificate refuses it even with the right
	// password.
	VeroUsedTransferID       = "SBX0000000000003"
	VeroUsedTransferPassword = "Vanha1Avain"
)

// VeroTransfer is one TransferId the Incomes Register e-service issued:
// its one-time password, the customer it belongs to, and whether it was
// used before the sandbox started.
type VeroTransfer struct {
	TransferID   string
	Password     string
	CustomerID   string // the Y-tunnus
	CustomerName string
	Used         bool
}

// VeroTransfers returns the world's TransferIds, a fresh copy each call
// (the simulator keeps its own used flags).
func (w *World) VeroTransfers() []VeroTransfer {
	return []VeroTransfer{
		{TransferID: VeroTransferID, Password: VeroTransferPassword, CustomerID: w.Firm.YTunnus, CustomerName: w.Firm.FIName},
		{TransferID: VeroTransferID2, Password: VeroTransferPassword2, CustomerID: FIYTunnus, CustomerName: "Pohjoistuuli Energia Oy"},
		{TransferID: VeroDemoTransferID, Password: VeroDemoTransferPassword, CustomerID: w.Firm.YTunnus, CustomerName: w.Firm.FIName},
		{TransferID: VeroUsedTransferID, Password: VeroUsedTransferPassword, CustomerID: w.Firm.YTunnus, CustomerName: w.Firm.FIName, Used: true},
	}
}
