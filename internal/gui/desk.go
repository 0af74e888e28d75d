package gui

import (
	"github.com/motpart/motpart/internal/gui/certificates"
	"github.com/motpart/motpart/internal/gui/classify"
	"github.com/motpart/motpart/internal/gui/clients"
	"github.com/motpart/motpart/internal/gui/gate"
	"github.com/motpart/motpart/internal/gui/lookup"
	"github.com/motpart/motpart/internal/gui/settings"
)

// Desk is what the whole window asks of Motpart's use cases: what each
// screen declares it needs, and locking. internal/desk.Desk provides it;
// cmd/desktop passes one in. Declaring it here keeps the window's packages
// free of the vault, the registers and the network, which the use cases
// reach. Errors carry a *problem.Error with a stable code. A Desk that is
// also a settings.ClientsDesk gets the Clients section in Settings.
type Desk interface {
	gate.Desk
	lookup.Desk
	certificates.Desk
	settings.Desk
	classify.Desk
	clients.Desk

	// VaultExists reports whether there is a vault to unlock.
	VaultExists() bool
	// Lock closes the vault and drops its keys.
	Lock() error
	// EnvironmentName is "sandbox", "test" or "production", or "" while
	// it cannot be known (the vault is locked); the window shows a band
	// and marks what it exports outside production.
	EnvironmentName() string
}
