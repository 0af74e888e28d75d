// Package portfolio is the vocabulary of the firm's client portfolio: the
// clients kept in the vault, the snapshot a check takes of each, the
// changes between two snapshots with the risk each means, and the
// progress and outcome of a check. It holds plain data types and the
// pure rules that compare snapshots; it does no I/O. The desk fills and
// stores them; the window and the command line read them.
//
// The rules: SnapshotOf reads a dossier into a Snapshot of the parts its
// sources answered for (or carried from the last lookup); Diff compares
// two snapshots field by field, only where both know the part; each
// Change has a Reason, and ReasonRisk the Risk it means; SortChanges,
// FilterChanges, MaxRisk and Flags are the one rule desk, window and
// tests share for listing them.
//
// It imports only the other vocabulary packages (dossier, ident).
package portfolio
