package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/sandbox"
	"github.com/motpart/motpart/internal/sandbox/world"
	"github.com/motpart/motpart/internal/vault"
)

// runFI runs one command line like cliEnv.run, with a desk that does not
// wait between polls and a sandbox whose Vero answers at once.
func (c *cliEnv) runFI(stdin string, args ...string) (int, string, string) {
	c.t.Helper()
	var out, errb bytes.Buffer
	s := &session{
		stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		lookupEnv: func(k string) (string, bool) { v, ok := c.env[k]; return v, ok },
		vaultPath: c.path, vaultParams: fastParams, vaultOptions: vault.OpenOptions{MinParams: fastParams},
		sleep:   func(ctx context.Context, _ time.Duration) error { return ctx.Err() },
		sandbox: sandbox.Config{VeroReadyAfter: -1},
	}
	code := s.dispatch(args)
	return code, out.String(), errb.String()
}

func TestCertOrderFIAndRenew(t *testing.T) {
	c := newCLIEnv(t)
	if code, _, errOut := c.run("correct horse\ncorrect horse\n", "vault", "init"); code != 0 {
		t.Fatalf("vault init: %s", errOut)
	}
	c.env["MOTPART_PASSWORD"] = "correct horse"
	order := []string{"cert", "order-fi", "--env", "sandbox", "--business-id", world.FIFirmYTunnus, "--name", "Fjordlys Tilitoimisto Oy", "--transfer-id", world.VeroTransferID}
	tests := []struct {
		name   string
		stdin  string
		env    map[string]string
		args   []string
		code   int
		out    string // in stdout
		errOut string // in stderr
	}{
		{"missing transfer id", "", nil, []string{"cert", "order-fi", "--business-id", world.FIFirmYTunnus}, exitUsage, "", "usage"},
		{"wrong password typed", "Wrong1Password\n", nil, order, exitFailed, "", "TransferPassword"},
		{"password from the environment", "", map[string]string{"MOTPART_TRANSFER_PASSWORD": world.VeroTransferPassword}, order, exitOK, `Stored "Tulorekisteri ` + world.FIFirmYTunnus + `"`, "Sent to Vero."},
		{"renewal too early", "", nil, []string{"cert", "renew", "--env", "sandbox", "Tulorekisteri " + world.FIFirmYTunnus}, exitFailed, "", "last 60 days"},
		{"renew a missing certificate", "", nil, []string{"cert", "renew", "--env", "sandbox", "nothing"}, exitFailed, "", "motpart cert renew"},
		{"nothing to resume", "", nil, []string{"cert", "order-fi", "--env", "sandbox", "--resume"}, exitFailed, "", "no unfinished"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				c.env[k] = v
			}
			defer func() {
				for k := range tt.env {
					delete(c.env, k)
				}
			}()
			code, out, errOut := c.runFI(tt.stdin, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errOut, tt.errOut) {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, %q, %q", code, out, errOut, tt.code, tt.out, tt.errOut)
			}
		})
	}
	if code, out, _ := c.run("", "cert", "list"); code != 0 || !strings.Contains(out, "incomes_register") {
		t.Errorf("cert list after the order: %d %q", code, out)
	}
}
