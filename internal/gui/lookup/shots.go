//go:build screenshots

package lookup

// This file is built only with the screenshots tag (see internal/gui's
// shots.go): it lets the screenshot program put the AML screens in a
// given state.

// ConfirmOrder presses Order in the order dialog opened last, as the
// user would, and reports whether one was open.
func (s *Screen) ConfirmOrder() bool {
	if s.orderShown == nil {
		return false
	}
	s.orderShown.Order.OnTapped()
	return true
}

// OrdersUnfinished counts the orders in the progress strip that are not
// finished yet.
func (s *Screen) OrdersUnfinished() int {
	n := 0
	for _, r := range s.progress.rows {
		if !r.order.Finished() {
			n++
		}
	}
	return n
}

// ConfirmReport presses Make in the KYC report dialog opened last, as the
// user would, and reports whether one was open.
func (s *Screen) ConfirmReport() bool {
	if s.reportShown == nil {
		return false
	}
	s.reportShown.Make.OnTapped()
	return true
}
