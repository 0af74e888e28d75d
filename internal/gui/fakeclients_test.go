package gui

import (
	"context"
	"time"

	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/problem"
)

// The fake desk's client portfolio: no clients, no check due unless
// checkDue, and a check that finishes at once with nothing found.

func (d *fakeDesk) Clients() ([]portfolio.Client, error) { return nil, nil }
func (d *fakeDesk) Client(string) (portfolio.Client, error) {
	return portfolio.Client{}, problem.New(problem.CodeNotAClient, nil)
}
func (d *fakeDesk) IsClient(string) (bool, error) { return false, nil }
func (d *fakeDesk) AddClient(number, reference, responsible string) (portfolio.Client, error) {
	return portfolio.Client{Number: number, Reference: reference, Responsible: responsible}, nil
}
func (d *fakeDesk) UpdateClient(string, string, string) error { return nil }
func (d *fakeDesk) RemoveClient(string) error                 { return nil }
func (d *fakeDesk) PreviewClientImport(string) (portfolio.ImportPreview, error) {
	return portfolio.ImportPreview{Column: -1, ReferenceColumn: -1, ResponsibleColumn: -1}, nil
}
func (d *fakeDesk) ImportClients(context.Context, string, portfolio.ImportOptions, func(int, int)) (portfolio.ImportReport, error) {
	return portfolio.ImportReport{}, nil
}
func (d *fakeDesk) ClientChanges(portfolio.ChangeFilter) ([]portfolio.Change, error) { return nil, nil }
func (d *fakeDesk) ExportClients(string, portfolio.Labels) error                     { return nil }
func (d *fakeDesk) ExportChanges(string, portfolio.ChangeFilter, portfolio.Labels) error {
	return nil
}
func (d *fakeDesk) SandboxNow() (time.Time, error) {
	return time.Time{}, problem.New(problem.CodeNotSandbox, nil)
}
func (d *fakeDesk) AdvanceSandbox(time.Duration) error {
	return problem.New(problem.CodeNotSandbox, nil)
}
func (d *fakeDesk) CheckClients(context.Context, func(portfolio.Progress)) (portfolio.Summary, error) {
	d.checksRun.Add(1)
	return portfolio.Summary{}, nil
}
func (d *fakeDesk) PendingCheck() (portfolio.Progress, bool, error) {
	return portfolio.Progress{}, false, nil
}
func (d *fakeDesk) AbandonCheck() error { return problem.New(problem.CodeNoPendingCheck, nil) }
func (d *fakeDesk) LastCheck() (portfolio.Summary, bool, error) {
	return portfolio.Summary{}, false, nil
}
func (d *fakeDesk) CheckDue() (bool, error) { return d.checkDue, nil }
