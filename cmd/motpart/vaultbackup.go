package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/motpart/motpart/internal/desk"
)

// vaultBackup runs `motpart vault backup [FILE]`.
func (s *session) vaultBackup(args []string) int {
	if len(args) > 1 {
		fmt.Fprint(s.stderr, "usage: motpart [--vault PATH] vault backup [FILE]\n")
		return exitUsage
	}
	d, status := s.openVault("vault backup")
	if d == nil {
		return status
	}
	defer d.Close()
	dest := desk.BackupName(time.Now())
	if len(args) == 1 {
		dest = args[0]
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	size, err := d.BackupVault(ctx, dest)
	if err != nil {
		return s.fail("vault backup", err)
	}
	fmt.Fprintf(s.stdout, "Backed up the vault to %s (%s).\nIt opens with the vault's password; keep it somewhere else than this computer.\n", dest, sizeWords(size))
	return exitOK
}

// vaultRestore runs `motpart vault restore FILE`.
func (s *session) vaultRestore(args []string) int {
	if len(args) != 1 {
		fmt.Fprint(s.stderr, "usage: motpart [--vault PATH] vault restore FILE\n")
		return exitUsage
	}
	d := s.desk()
	pw, err := s.password("MOTPART_PASSWORD", "The backup's password: ", false)
	if err != nil {
		return s.fail("vault restore", err)
	}
	defer clear(pw)
	aside, err := d.RestoreVault(args[0], pw)
	if err != nil {
		return s.fail("vault restore", err)
	}
	fmt.Fprintf(s.stdout, "Restored the vault at %s from %s.\n", d.VaultPath(), args[0])
	if aside != "" {
		fmt.Fprintf(s.stdout, "The vault it replaced is kept at %s.\n", aside)
	}
	return exitOK
}
