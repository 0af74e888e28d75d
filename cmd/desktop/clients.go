package main

import "github.com/motpart/motpart/internal/desk"

// ClientCheck gives the window the client portfolio's settings as
// settings.ClientsDesk asks (the window may not name desk.ClientSettings).
func (d releasingDesk) ClientCheck() (atStart bool, concurrency int, err error) {
	s, err := d.ClientSettings()
	return s.CheckAtStart, s.Concurrency, err
}

// SetClientCheck stores the client portfolio's settings from the window.
func (d releasingDesk) SetClientCheck(atStart bool, concurrency int) error {
	return d.SetClientSettings(desk.ClientSettings{CheckAtStart: atStart, Concurrency: concurrency})
}
