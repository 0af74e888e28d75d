package dossier

// Standing is what a company's registration says of it as a whole: the one
// word a list or a badge shows beside its name.
type Standing string

// Standings, from the most final: a company that is both bankrupt and
// deleted is deleted.
const (
	StandingActive            Standing = ""                         // none of the below
	StandingDeleted           Standing = "deleted"                  // deleted from the register
	StandingBankrupt          Standing = "bankrupt"                 // in bankruptcy
	StandingLiquidation       Standing = "under_liquidation"        // being wound up
	StandingForcedDissolution Standing = "under_forced_dissolution" // being dissolved by force
	StandingClosed            Standing = "closed"                   // a sub-unit closed down
)

// Standing returns the company's standing; a nil company is active.
func (c *Company) Standing() Standing {
	switch {
	case c == nil:
		return StandingActive
	case c.Deleted:
		return StandingDeleted
	case c.Bankrupt:
		return StandingBankrupt
	case c.UnderLiquidation:
		return StandingLiquidation
	case c.UnderForcedDissolution:
		return StandingForcedDissolution
	case c.ClosedDate != "":
		return StandingClosed
	}
	return StandingActive
}
