package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"github.com/motpart/motpart/internal/desk"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/sandbox"
	"github.com/motpart/motpart/internal/setup"
	"github.com/motpart/motpart/internal/vault"
)

// session is one run of the command line: its streams and what it reads
// from the environment.
type session struct {
	stdin     io.Reader
	stdout    io.Writer
	stderr    io.Writer
	lookupEnv func(string) (string, bool)
	// vaultPath is from --vault, MOTPART_VAULT or the default.
	vaultPath string
	// lines reads answers from a stdin that is not a terminal.
	lines *bufio.Reader
	// vaultParams and vaultOptions are zero except in tests, which make
	// Argon2id fast.
	vaultParams  vault.Params
	vaultOptions vault.OpenOptions
	// sleep and sandbox are zero except in tests, which wait for nothing
	// between a certificate order's polls and make the sandbox's Vero
	// answer at once.
	sleep   func(ctx context.Context, d time.Duration) error
	sandbox sandbox.Config
}

// defaultVaultPath is Motpart/vault.db in the user's configuration folder.
func defaultVaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("finding the configuration folder: %w", err)
	}
	return filepath.Join(dir, "Motpart", "vault.db"), nil
}

// extractVaultFlag removes --vault PATH or --vault=PATH from args, wherever
// it stands before a "--", and returns the path ("" when absent).
func extractVaultFlag(args []string) (rest []string, path string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(rest, args[i:]...), path, nil
		case a == "--vault" || a == "-vault":
			if i+1 >= len(args) {
				return nil, "", errors.New("--vault needs a PATH")
			}
			path = args[i+1]
			i++
		case strings.HasPrefix(a, "--vault=") || strings.HasPrefix(a, "-vault="):
			path = a[strings.Index(a, "=")+1:]
		default:
			rest = append(rest, a)
		}
	}
	return rest, path, nil
}

// writeJSON prints v as indented JSON.
func (s *session) writeJSON(v any) error {
	enc := json.NewEncoder(s.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// desk opens the use cases on the session's vault, wired to the registers
// as the settings say.
func (s *session) desk() *desk.Desk { return s.deskWith(setup.Overrides{}) }

// deskWith is desk with the run's overrides of the registers' environment
// and addresses.
func (s *session) deskWith(o setup.Overrides) *desk.Desk {
	d, _ := setup.NewDesk(setup.Config{
		Desk:      desk.Config{VaultPath: s.vaultPath, VaultParams: s.vaultParams, VaultOptions: s.vaultOptions, Sleep: s.sleep},
		Overrides: o,
		Sandbox:   s.sandbox,
	})
	return d
}

// fail prints err for the user and returns the exit status for it.
func (s *session) fail(cmd string, err error) int {
	fmt.Fprintf(s.stderr, "motpart %s: %s\n", cmd, problemWords(err))
	return exitFailed
}

// problemWords is what the command line says of err: the English words of
// its problem code (problem.Text, as the window says them in the user's
// language) with the code and the error's own text, or the error's text
// alone for the use cases' codes, whose Error is already their words.
func problemWords(err error) string {
	code := problem.CauseOf(err)
	words := problem.Text(code)
	if words == "" {
		return err.Error()
	}
	return fmt.Sprintf("%s [%s] (%v)", words, code, err)
}

// password returns the password from the environment variable env, or asks
// for it with prompt (without echo on a terminal). With confirm it asks
// twice and insists the two agree. When no password comes, the error names
// env, the variable that would have given it.
func (s *session) password(env, prompt string, confirm bool) ([]byte, error) {
	if v, ok := s.lookupEnv(env); ok {
		return []byte(v), nil
	}
	pw, err := s.ask(env, prompt)
	if err != nil {
		return nil, err
	}
	if confirm {
		again, err := s.ask(env, "Repeat it: ")
		if err != nil {
			clear(pw)
			return nil, fmt.Errorf("the password must be typed twice: %w", err)
		}
		defer clear(again)
		if string(again) != string(pw) {
			clear(pw)
			return nil, errors.New("the two passwords differ")
		}
	}
	return pw, nil
}

// ask reads one secret line: from the terminal without echo when stdin is
// one, otherwise a line of stdin (for scripts). env is the variable that
// gives the password instead, named when there is no line to read.
func (s *session) ask(env, prompt string) ([]byte, error) {
	if f, ok := s.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(s.stderr, prompt)
		pw, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(s.stderr)
		if err != nil {
			return nil, fmt.Errorf("reading the password: %w", err)
		}
		return pw, nil
	}
	if s.lines == nil {
		s.lines = bufio.NewReader(io.LimitReader(s.stdin, 64<<10))
	}
	line, err := s.lines.ReadString('\n')
	if err != nil && (err != io.EOF || line == "") {
		return nil, fmt.Errorf("no password given: set %s or type it on standard input", env)
	}
	return []byte(strings.TrimRight(line, "\r\n")), nil
}

// unlock opens the session's vault with MOTPART_PASSWORD or a prompt.
func (s *session) unlock(d *desk.Desk) error {
	if !d.VaultExists() {
		return fmt.Errorf("no vault at %s: create one with `motpart vault init`", d.VaultPath())
	}
	pw, err := s.password("MOTPART_PASSWORD", "Vault password: ", false)
	if err != nil {
		return err
	}
	defer clear(pw)
	return d.Unlock(pw)
}

// openVault returns the use cases with the session's vault unlocked, or
// nil and the exit status after saying why not (cmd names the command).
func (s *session) openVault(cmd string) (*desk.Desk, int) {
	d := s.desk()
	if err := s.unlock(d); err != nil {
		return nil, s.fail(cmd, err)
	}
	return d, exitOK
}

// runVault runs `motpart vault SUBCOMMAND`.
func (s *session) runVault(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(s.stderr, "usage: motpart vault init|info|passwd|audit|repair|backup|restore\n")
		return exitUsage
	}
	switch args[0] {
	case "init":
		return s.vaultInit(args[1:])
	case "info":
		return s.vaultInfo(args[1:])
	case "passwd":
		return s.vaultPasswd(args[1:])
	case "audit":
		return s.vaultAudit(args[1:])
	case "repair":
		return s.vaultRepair(args[1:])
	case "backup":
		return s.vaultBackup(args[1:])
	case "restore":
		return s.vaultRestore(args[1:])
	}
	fmt.Fprintf(s.stderr, "motpart vault: unknown subcommand %q (want init, info, passwd, audit, repair, backup or restore)\n", args[0])
	return exitUsage
}

func (s *session) vaultInit(args []string) int {
	if len(args) != 0 {
		fmt.Fprint(s.stderr, "usage: motpart [--vault PATH] vault init\n")
		return exitUsage
	}
	d := s.desk()
	if d.VaultExists() {
		return s.fail("vault init", fmt.Errorf("a vault already exists at %s", d.VaultPath()))
	}
	pw, err := s.password("MOTPART_PASSWORD", "New vault password: ", true)
	if err != nil {
		return s.fail("vault init", err)
	}
	defer clear(pw)
	if err := d.CreateVault(pw); err != nil {
		return s.fail("vault init", err)
	}
	defer d.Lock()
	fmt.Fprintf(s.stdout, "Created the vault at %s.\nKeep the password safe: nobody can recover a lost one.\n", d.VaultPath())
	return exitOK
}

func (s *session) vaultInfo(args []string) int {
	fs := flag.NewFlagSet("motpart vault info", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 0 {
		return exitUsage
	}
	d := s.desk()
	if !d.VaultExists() {
		return s.fail("vault info", fmt.Errorf("no vault at %s: create one with `motpart vault init`", d.VaultPath()))
	}
	info, err := d.VaultInfo()
	if err != nil {
		return s.fail("vault info", err)
	}
	if *asJSON {
		if err := s.writeJSON(info); err != nil {
			return s.fail("vault info", err)
		}
		return exitOK
	}
	tw := tabwriter.NewWriter(s.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "File:\t%s\n", info.Path)
	fmt.Fprintf(tw, "Format version:\t%d\n", info.FormatVersion)
	fmt.Fprintf(tw, "Key derivation:\tArgon2id, %d passes, %d MiB, %d lanes\n", info.Params.Time, info.Params.MemoryKiB/1024, info.Params.Threads)
	fmt.Fprintf(tw, "File size:\t%d bytes\n", info.FileSize)
	names := make([]string, 0, len(info.Buckets))
	for name := range info.Buckets {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(tw, "Records (%s):\t%d\n", name, info.Buckets[name])
	}
	fmt.Fprintf(tw, "Documents:\t%d (%d bytes)\n", info.Blobs, info.BlobBytes)
	fmt.Fprintf(tw, "Audit entries:\t%d\n", info.AuditEntries)
	if err := tw.Flush(); err != nil {
		return exitFailed
	}
	return exitOK
}

// vaultRepair opens a damaged vault from its header's copy (or the state
// before a damaged last write) and logs the repair.
func (s *session) vaultRepair(args []string) int {
	if len(args) != 0 {
		fmt.Fprint(s.stderr, "usage: motpart [--vault PATH] vault repair\n")
		return exitUsage
	}
	d := s.desk()
	if !d.VaultExists() {
		return s.fail("vault repair", fmt.Errorf("no vault at %s", d.VaultPath()))
	}
	pw, err := s.password("MOTPART_PASSWORD", "Vault password: ", false)
	if err != nil {
		return s.fail("vault repair", err)
	}
	defer clear(pw)
	if err := d.RepairVault(pw); err != nil {
		return s.fail("vault repair", err)
	}
	defer func() { _ = d.Lock() }()
	fmt.Fprintln(s.stdout, "The vault opens again; the repair is in its audit log. Check your latest changes: the last one may be lost.")
	return exitOK
}

func (s *session) vaultPasswd(args []string) int {
	if len(args) != 0 {
		fmt.Fprint(s.stderr, "usage: motpart [--vault PATH] vault passwd\n")
		return exitUsage
	}
	d := s.desk()
	if !d.VaultExists() {
		return s.fail("vault passwd", fmt.Errorf("no vault at %s: create one with `motpart vault init`", d.VaultPath()))
	}
	old, err := s.password("MOTPART_PASSWORD", "Current vault password: ", false)
	if err != nil {
		return s.fail("vault passwd", err)
	}
	defer clear(old)
	if err := d.Unlock(old); err != nil {
		return s.fail("vault passwd", err)
	}
	defer d.Lock()
	pw, err := s.password("MOTPART_NEW_PASSWORD", "New vault password: ", true)
	if err != nil {
		return s.fail("vault passwd", err)
	}
	defer clear(pw)
	if err := d.ChangePassword(old, pw); err != nil {
		return s.fail("vault passwd", err)
	}
	fmt.Fprintln(s.stdout, "Changed the vault password. The old one no longer opens it.")
	return exitOK
}

func (s *session) vaultAudit(args []string) int {
	fs := flag.NewFlagSet("motpart vault audit", flag.ContinueOnError)
	fs.SetOutput(s.stderr)
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseFlags(fs, args); err != nil || fs.NArg() != 0 {
		return exitUsage
	}
	d, status := s.openVault("vault audit")
	if d == nil {
		return status
	}
	defer d.Lock()
	entries, check, err := d.AuditLog()
	if err != nil {
		return s.fail("vault audit", err)
	}
	status = exitOK
	if !check.Intact {
		status = exitFailed
	}
	if *asJSON {
		if err := s.writeJSON(map[string]any{"entries": entries, "check": check}); err != nil {
			return s.fail("vault audit", err)
		}
		return status
	}
	tw := tabwriter.NewWriter(s.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tTIME\tACTION\tSUBJECT\tDETAIL")
	for _, e := range entries {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", e.Seq, e.Time.Local().Format(time.DateTime), e.Action, dash(e.Subject), dash(e.Detail))
	}
	if err := tw.Flush(); err != nil {
		return exitFailed
	}
	if check.Intact {
		fmt.Fprintf(s.stdout, "The audit chain is intact (%d entries).\n", check.Entries)
	} else {
		fmt.Fprintf(s.stdout, "The audit chain is BROKEN at entry %d: %s. Entries were removed, reordered or changed.\n", check.BrokenAt, check.Reason)
	}
	return status
}
