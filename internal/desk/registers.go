package desk

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/motpart/motpart/internal/certs"
	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/problem"
)

// OrganisationSource answers for Enhetsregisteret: the unit, its roles and
// sub-units, as one dossier.Answer whose Source has the ID "brreg".
type OrganisationSource interface {
	Lookup(ctx context.Context, orgnr string) dossier.Answer
}

// RegistrationSource answers for grunndataWS, Brønnøysund's contract-only
// service: one dossier.Answer whose Source has the ID "grunndata".
type RegistrationSource interface {
	Lookup(ctx context.Context, orgnr string) dossier.Answer
}

// NameSource names a Norwegian unit, for the intermediate companies the
// Register of beneficial owners gives by number only.
type NameSource interface {
	Name(ctx context.Context, orgnr string) (string, error)
}

// UnitSearcher searches a register's units by name (Enhetsregisteret's
// /enheter?navn= and /underenheter?navn=).
type UnitSearcher interface {
	// SearchUnits returns at most limit units whose name matches, in the
	// register's order, legal units or (subUnits) sub-units, and how many
	// the register has in all.
	SearchUnits(ctx context.Context, name string, subUnits bool, limit int) (hits []dossier.SearchHit, total int, err error)
}

// OwnersChange is one entry of the Register of beneficial owners' change
// log.
type OwnersChange struct {
	// Seq is the entry's position: the cursor for the next call.
	Seq int64
	// OrgNr is the organisation whose registration changed.
	OrgNr string
}

// OwnersSource answers for the Register of beneficial owners.
type OwnersSource interface {
	// Lookup returns the organisation's beneficial owners and the
	// source's outcome (ID "rrh").
	Lookup(ctx context.Context, orgnr string) (*dossier.Owners, dossier.Source)
	// Sequence returns the change log's position at a time.
	Sequence(ctx context.Context, at time.Time) (int64, error)
	// Changes returns the change log's entries after a position, in order;
	// none when the log has nothing newer.
	Changes(ctx context.Context, after int64) ([]OwnersChange, error)
}

// OwnersFileReader reads a full download of the Register of beneficial
// owners (totalbestand), calling each for every registration in turn.
type OwnersFileReader interface {
	// ReadZip reads the zipped download (JSON or CSV inside).
	ReadZip(r io.ReaderAt, size int64, each func(*dossier.Owners) error) error
	// ReadStream reads an unzipped JSON or CSV download.
	ReadStream(r io.Reader, each func(*dossier.Owners) error) error
}

// AMLStatus is the state of one part of a BankID session as the service
// tells it.
type AMLStatus string

// The states of a session's part.
const (
	AMLNotStarted AMLStatus = "not_started" // BankID has not started it
	AMLInProgress AMLStatus = "in_progress" // BankID is preparing it
	AMLDone       AMLStatus = "done"        // ready to be fetched
	AMLFailed     AMLStatus = "failed"      // BankID failed it
	AMLExpired    AMLStatus = "expired"     // its lifetime is over
)

// AMLSession is a BankID session as the service last described it.
type AMLSession struct {
	// ID is the session id.
	ID string
	// Created and Expires bound the session's life.
	Created, Expires time.Time
	// Parts are the states of the session's parts by kind:
	// dossier.PartData and the document kinds (dossier.DocumentAML,
	// dossier.DocumentRegistration). A part the service did not mention
	// is missing.
	Parts map[string]AMLStatus
}

// AMLSessionOrder is what a session asks BankID for.
type AMLSessionOrder struct {
	// OrgNr is the organisation number, canonical; Country is NO, SE or FI.
	OrgNr   string
	Country ident.Country
	// DUNS says OrgNr is a D-U-N-S number.
	DUNS bool
	// Documents are the document kinds wanted (dossier.DocumentAML,
	// dossier.DocumentRegistration); never empty.
	Documents []string
	// CallbackURL, when set, asks BankID for webhooks to it.
	CallbackURL string
}

// AMLSource is BankID's AML service (the Organization Async Session
// API), as the AML use cases ask it. Every error names a problem code:
// problem.CodeBankIDSessionExpired for a session whose life is over,
// problem.CodeBankIDSessionFailed for one BankID failed,
// problem.CodeBankIDReportNotPDF for a report that is not a PDF...
type AMLSource interface {
	// CreateSession orders a session and returns it as created.
	CreateSession(ctx context.Context, o AMLSessionOrder) (AMLSession, error)
	// Status reads a session's state once. When the service asks to be
	// left alone for a while (429, 503) the error is set and retryAfter
	// says how long, if it said. An expired or failed session comes with
	// its error and, when the service described it, the session.
	Status(ctx context.Context, id string) (s AMLSession, retryAfter time.Duration, err error)
	// Data fetches the session's result as the dossier's AML data, read
	// now.
	Data(ctx context.Context, id string, country ident.Country) (*dossier.AML, error)
	// Document fetches one document of the session, a whole PDF.
	Document(ctx context.Context, id, kind string) ([]byte, error)
}

// Registers are the register clients of one configuration, as a Connector
// built them.
type Registers struct {
	// Organisations is Enhetsregisteret; never nil.
	Organisations OrganisationSource
	// Registrations is grunndataWS; nil without an account.
	Registrations RegistrationSource
	// Owners is the Register of beneficial owners; nil when it cannot be
	// asked, and NoOwners then says why (its Fetched is set by the desk).
	Owners   OwnersSource
	NoOwners dossier.Source
	// Names names units; nil when nothing can.
	Names NameSource
	// Search searches units by name; nil when nothing can.
	Search UnitSearcher
	// AML is BankID's AML service; nil when it is not set up, and NoAML
	// then says why (an error with problem.CodeBankIDNotConnected or
	// problem.CodeBankIDConfig).
	AML   AMLSource
	NoAML error
	// Swedish is SCB's Företagsregister and SectorFiles its sector-file
	// download; both nil when SCB is not set up, and NoSwedish then says
	// why (an error with problem.CodeSCBNotConnected).
	Swedish     SwedishSource
	SectorFiles SectorFileSource
	NoSwedish   error
	// Finnish is PRH's open data; nil when it cannot be asked, and
	// NoFinnish then says why.
	Finnish   FinnishSource
	NoFinnish error
	// FinnishSearch searches PRH's companies by name; nil when it cannot.
	FinnishSearch UnitSearcher
	// Feeds is Enhetsregisteret's change feeds, for checking the
	// Norwegian clients; nil when they cannot be read.
	Feeds UnitFeed
	// Release drops what the clients hold (the Maskinporten signer,
	// cached tokens, the grunndataWS password), so that nothing of them
	// stays reachable; a client used after it answers that it is closed.
	// The desk calls it on Lock and when the settings change. nil when
	// there is nothing to drop.
	Release func()
}

// Connection is what a Connector needs to build the register clients.
type Connection struct {
	// Settings are the register settings stored in the vault, with
	// Environment resolved (the run's choice, else the setting, else the
	// sandbox).
	Settings RegisterSettings
	// Certificate is the stored certificate Settings.MaskinportenCertificate
	// names, with its key; nil when none is chosen or it is missing.
	Certificate *certs.Certificate
	// CertificateMissing is true when a certificate is chosen but not in
	// the vault.
	CertificateMissing bool
	// BankIDCertificate is the stored certificate
	// Settings.BankIDCertificate names, whose key signs private_key_jwt
	// assertions; nil when none is chosen or it is missing
	// (BankIDCertificateMissing).
	BankIDCertificate        *certs.Certificate
	BankIDCertificateMissing bool
	// SCBCertificate is the stored certificate Settings.SCBCertificate
	// names, for mutual TLS with SCB; nil when none is chosen or it is
	// missing (SCBCertificateMissing).
	SCBCertificate        *certs.Certificate
	SCBCertificateMissing bool
	// Codes keeps SCB's code tables in the vault.
	Codes CodeTables
}

// Connector builds the register clients from the settings. The
// composition root (internal/setup) provides one; the desk calls it after
// the vault is unlocked, and drops what it returned on Lock.
type Connector interface {
	Connect(ctx context.Context, c Connection) (*Registers, error)
}

// registers returns the clients, asking the Connector for them on first
// use after an unlock or a change of settings.
func (d *Desk) registers(ctx context.Context) (*Registers, error) {
	d.regMu.Lock()
	defer d.regMu.Unlock()
	if !d.Unlocked() {
		return nil, problem.New(problem.CodeLocked, nil)
	}
	if d.regs != nil {
		return d.regs, nil
	}
	if d.cfg.Connector == nil {
		return nil, problem.New(problem.CodeInternal, fmt.Errorf("no registers are connected to this desk"))
	}
	s, err := d.RegisterSettings()
	if err != nil {
		return nil, err
	}
	s.Environment = d.environment(s)
	c := Connection{Settings: s}
	if s.MaskinportenCertificate != "" {
		cert, err := d.Certificate(s.MaskinportenCertificate)
		switch problem.CodeOf(err) {
		case "":
			c.Certificate = cert
		case problem.CodeCertNotFound:
			c.CertificateMissing = true
		default:
			return nil, err
		}
	}
	if s.BankIDCertificate != "" {
		cert, err := d.Certificate(s.BankIDCertificate)
		switch problem.CodeOf(err) {
		case "":
			c.BankIDCertificate = cert
		case problem.CodeCertNotFound:
			c.BankIDCertificateMissing = true
		default:
			return nil, err
		}
	}
	if s.SCBCertificate != "" {
		cert, err := d.Certificate(s.SCBCertificate)
		switch problem.CodeOf(err) {
		case "":
			c.SCBCertificate = cert
		case problem.CodeCertNotFound:
			c.SCBCertificateMissing = true
		default:
			return nil, err
		}
	}
	c.Codes = vaultCodes{d}
	regs, err := d.cfg.Connector.Connect(ctx, c)
	if err != nil {
		return nil, err
	}
	if regs == nil || regs.Organisations == nil {
		return nil, problem.New(problem.CodeInternal, fmt.Errorf("the connector built no Enhetsregisteret client"))
	}
	d.regs = regs
	return regs, nil
}

// dropRegisters releases the register clients and forgets them, so the
// next use builds them again from the settings then stored.
func (d *Desk) dropRegisters() {
	d.regMu.Lock()
	regs := d.regs
	d.regs = nil
	d.regMu.Unlock()
	if regs != nil && regs.Release != nil {
		regs.Release()
	}
}
