// Package setup is Motpart's composition root: it reads the run's
// overrides (command-line environment, $MOTPART_* addresses, extra trusted
// roots), builds the transport and every register client from the settings
// the desk keeps in its vault, starts the local simulators in the sandbox
// environment (their CA trusted there and nowhere else), and hands the
// desk what it needs through the interfaces the desk declares.
//
// Both entry points (cmd/desktop and cmd/motpart) make their desk with
// NewDesk. The desk decides; this package only wires.
package setup

import (
	"time"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/sandbox"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// Config is what NewDesk needs.
type Config struct {
	// Desk configures the use cases: the vault file, its parameters, the
	// clock, identity options, the source time limit. NewDesk fills in
	// its Connector, FICertificates, OwnersFiles, Classifier (when nil) and Environment.
	Desk desk.Config
	// Overrides change the registers' environment and addresses for this
	// run, above what the settings say.
	Overrides Overrides
	// Sandbox configures the simulators when they are started; tests
	// shorten token lifetimes and set their clock with it.
	Sandbox sandbox.Config
}

// NewDesk returns a desk wired to the registers, and the Connector that
// builds its register clients (for the sandbox it starts, which tests and
// `motpart sandbox serve` use). Closing the desk stops the sandbox.
func NewDesk(cfg Config) (*desk.Desk, *Connector) {
	now := cfg.Desk.Now
	if now == nil {
		now = time.Now
	}
	if cfg.Sandbox.Population == 0 {
		cfg.Sandbox.Population = cfg.Overrides.SandboxPopulation // $MOTPART_SANDBOX_POPULATION
	}
	c := NewConnector(cfg.Overrides, cfg.Sandbox, now)
	c.sleep = cfg.Desk.Sleep
	cfg.Desk.Connector = c
	cfg.Desk.FICertificates = c.FICertificates
	cfg.Desk.OwnersFiles = OwnersFiles{}
	if cfg.Desk.Classifier == nil {
		cfg.Desk.Classifier = Classifier{}
	}
	cfg.Desk.SandboxExamples = sandboxExamples()
	if cfg.Desk.Version == "" {
		cfg.Desk.Version = Version()
	}
	if cfg.Overrides.Environment != "" {
		cfg.Desk.Environment = cfg.Overrides.Environment
	}
	if env := cfg.Desk.Environment; (env == "" || env == desk.EnvSandbox) && cfg.Desk.SandboxClock == nil {
		// The sandbox may run (the settings choose when the run does
		// not): its clock starts it when asked. The desk refuses to move
		// it outside the sandbox environment.
		cfg.Desk.SandboxClock = sandboxClock{c}
	}
	return desk.New(cfg.Desk), c
}

// sandboxExamples are the sandbox world's numbers the first Lookup screen
// offers in the sandbox environment: a few of its showcase, each a
// different case (everything filled in, the demo firm, a cross-holding, a
// bankruptcy, a deleted duplicate, a sub-unit).
func sandboxExamples() []dossier.Example {
	w, err := world.New()
	if err != nil {
		return nil
	}
	var out []dossier.Example
	for _, n := range []string{world.RichestOrgNr, world.FirmOrgNr, world.CrossHoldingAOrgNr, world.BankruptOrgNr, world.DuplicateOrgNr, world.SubUnitOrgNr} {
		if u, ok := w.Unit(n); ok {
			out = append(out, dossier.Example{Number: n, Name: u.Name})
		}
	}
	return out
}
