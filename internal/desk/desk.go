// Package desk holds Motpart's use cases: one method for each thing a user
// does. The window (internal/gui) and the command line (cmd/motpart) both
// call it, so they behave the same. It knows no Fyne and no HTTP details.
//
// A Desk holds at most one open vault. Its methods are safe for concurrent
// use; the window calls the slow ones (unlocking runs Argon2id) from
// goroutines.
//
// The desk decides; it does not wire. It asks the registers through small
// interfaces it declares (OrganisationSource, RegistrationSource,
// OwnersSource, NameSource, UnitSearcher, AMLSource, SwedishSource,
// SectorFileSource), which a Connector builds from the settings
// stored in the vault after it is unlocked; internal/setup provides the
// Connector. Locking drops the register clients with what they hold.
package desk

import (
	"context"
	"sync"
	"time"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/vault"
)

// Config is what a Desk needs to know when it is made.
type Config struct {
	// AllowTestData accepts synthetic test identities (Norwegian Tenor
	// numbers, month + 80) whatever the environment; the sandbox
	// environment accepts them anyway.
	AllowTestData bool
	// AllowDUNS takes a 9-digit number that is not a valid Norwegian
	// organisation number as a DUNS number.
	AllowDUNS bool
	// VaultPath is the vault file.
	VaultPath string
	// VaultParams are the Argon2id parameters for a new vault or a new
	// password; zero means vault.DefaultParams().
	VaultParams vault.Params
	// VaultOptions are passed to the vault when it is opened. Production
	// code leaves them zero; tests lower MinParams for speed.
	VaultOptions vault.OpenOptions
	// Now returns the time; nil means time.Now.
	Now func() time.Time
	// Environment is this run's environment, above what the settings
	// say; empty: the setting's, else the sandbox.
	Environment Environment
	// SourceTimeout bounds each source in a lookup; zero means 20 s.
	SourceTimeout time.Duration
	// Connector builds the register clients after the vault is unlocked;
	// nil: lookups fail, everything else works.
	Connector Connector
	// SandboxExamples are the numbers worth trying in the sandbox
	// environment, which Examples offers there (and nowhere else).
	SandboxExamples []dossier.Example
	// OwnersFiles reads downloads of the Register of beneficial owners;
	// nil: ImportOwnersCopy fails.
	OwnersFiles OwnersFileReader
	// Sleep waits d or until ctx ends, between the polls of an AML order;
	// nil means a timer. Tests inject one that does not wait.
	Sleep func(ctx context.Context, d time.Duration) error
	// Version is Motpart's version, printed on the KYC reports; empty:
	// "unknown".
	Version string
	// Classifier reads SCB's sector file and customer files and
	// classifies them; nil: the classify use cases fail.
	Classifier Classifier
	// FICertificates connects to Vero's certificate service of an
	// environment, for ordering and renewing Incomes Register
	// certificates; nil: those use cases fail (CodeVeroNotConnected).
	FICertificates FICertificateConnector
	// SandboxClock moves the sandbox's clock (AdvanceSandbox); nil
	// outside the sandbox.
	SandboxClock SandboxClock
	// FeedIDSlack is how far apart two consecutive ids of a change feed
	// may be before the check takes it for a gap: 0 asks for contiguous
	// ids (the sandbox's), a negative value checks no ids. Whether the
	// real feeds' ids are contiguous is [U] (registries.md §3.2).
	FeedIDSlack int64
}

// Desk carries out what a user asks for. Make one with New.
type Desk struct {
	cfg Config

	mu    sync.Mutex
	vault *vault.Vault // nil while locked

	settingsMu sync.Mutex // orders SetSetting's read, change and save

	ownersMu sync.Mutex // one import or refresh of the owners register's offline copy at a time
	// ownersBatch is how many organisations one transaction of an owners
	// import writes or deletes: defaultOwnersBatch; tests make it small.
	ownersBatch int

	regMu sync.Mutex
	regs  *Registers // the register clients; nil until first needed after an unlock

	aml amlState // the AML orders followed, their watchers and opened files

	scbMu sync.Mutex // one refresh of SCB's sector file at a time

	checkMu sync.Mutex // one check of the clients at a time (TryLock)
	// checkBatch is how many clients looked up one transaction of a
	// check stores at most: 0 means batchLookups; tests make it small.
	checkBatch int
}

// New returns a Desk configured by cfg.
func New(cfg Config) *Desk {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.VaultOptions.Now == nil {
		cfg.VaultOptions.Now = cfg.Now
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleep
	}
	return &Desk{cfg: cfg, ownersBatch: defaultOwnersBatch}
}

// identOptions are the parsing options this desk's configuration allows.
// Synthetic test identities are allowed when the configuration says so,
// and in the sandbox environment, whose world is made of them.
func (d *Desk) identOptions(country ident.Country) ident.Options {
	allow := d.cfg.AllowTestData || (d.Unlocked() && d.Environment() == EnvSandbox)
	return ident.Options{Country: country, AllowTestData: allow, AllowDUNS: d.cfg.AllowDUNS}
}

// Identify says what input is (which kind of number, from which country)
// and whether it is valid; country narrows the guess when it is not empty.
// When input is not valid the error is an *ident.ParseError that still
// says what the number was taken for and why it fails.
func (d *Desk) Identify(input string, country ident.Country) (ident.Number, error) {
	return ident.Parse(input, d.identOptions(country))
}

// Check is Identify as the command line reports it.
func (d *Desk) Check(input string, country ident.Country) ident.Result {
	return ident.Check(input, d.identOptions(country))
}
