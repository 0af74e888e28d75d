package main

import (
	"slices"

	"github.com/motpart/motpart/internal/certs"
	"github.com/motpart/motpart/internal/desk"
)

// windowDesk is the desk as the window asks for it. Until internal/desk
// offers ExpiringCertificates itself (work on another branch), it is
// computed here from Certificates with the same policy; once desk has it,
// this file goes and main passes the *desk.Desk directly.
type windowDesk struct{ *desk.Desk }

// ExpiringCertificates lists the stored certificates with
// certs.ExpiringDays days left or fewer (expired ones included), soonest
// first.
func (d windowDesk) ExpiringCertificates() ([]certs.Stored, error) {
	list, err := d.Certificates()
	if err != nil {
		return nil, err
	}
	var soon []certs.Stored
	for _, c := range list {
		if c.Info.DaysLeft <= certs.ExpiringDays {
			soon = append(soon, c)
		}
	}
	slices.SortStableFunc(soon, func(a, b certs.Stored) int { return a.Info.DaysLeft - b.Info.DaysLeft })
	return soon, nil
}
