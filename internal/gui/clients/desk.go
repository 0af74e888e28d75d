package clients

import (
	"context"
	"time"

	"github.com/motpart/motpart/internal/portfolio"
)

// Desk is what the Clients screen asks of Motpart's use cases;
// internal/desk.Desk provides it (internal/desk/clients.go). Errors carry a
// *problem.Error with a stable code.
type Desk interface {
	// Clients returns every client, by name, with its risk flags.
	Clients() ([]portfolio.Client, error)
	// AddClient adds a client by its number with the firm's reference and
	// the responsible person.
	AddClient(number, reference, responsible string) (portfolio.Client, error)
	// UpdateClient changes a client's reference and responsible person.
	UpdateClient(number, reference, responsible string) error
	// RemoveClient removes a client with its snapshots and changes.
	RemoveClient(number string) error
	// PreviewClientImport reads the start of a CSV or XLSX file and finds
	// the columns of the numbers, the reference and the responsible.
	PreviewClientImport(path string) (portfolio.ImportPreview, error)
	// ImportClients imports a file's clients, all or none, reporting
	// every row; progress is told rows read and the total (-1: unknown).
	ImportClients(ctx context.Context, path string, opt portfolio.ImportOptions, progress func(done, total int)) (portfolio.ImportReport, error)
	// ClientChanges returns the changes the filter keeps, newest first.
	ClientChanges(f portfolio.ChangeFilter) ([]portfolio.Change, error)
	// ExportClients writes the client list to path (XLSX or CSV by its
	// extension) in the words of l.
	ExportClients(path string, l portfolio.Labels) error
	// ExportChanges writes the changes the filter keeps to path in the
	// words of l.
	ExportChanges(path string, f portfolio.ChangeFilter, l portfolio.Labels) error
	// SandboxNow is the sandbox's time; an error outside the sandbox.
	SandboxNow() (time.Time, error)
	// AdvanceSandbox moves the sandbox's clock ahead by dur.
	AdvanceSandbox(dur time.Duration) error
	// CheckClients checks every client (or resumes the interrupted
	// check) until done or ctx ends (then the check is kept to resume).
	CheckClients(ctx context.Context, progress func(portfolio.Progress)) (portfolio.Summary, error)
	// PendingCheck is the interrupted check's progress; ok false: none.
	PendingCheck() (p portfolio.Progress, ok bool, err error)
	// AbandonCheck forgets the interrupted check.
	AbandonCheck() error
	// LastCheck is the last finished check; ok false: none yet.
	LastCheck() (s portfolio.Summary, ok bool, err error)
	// CheckDue reports whether a check should start now (the setting is
	// on and the last check is more than a day old).
	CheckDue() (bool, error)
}
