package certs

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// openssl returns the openssl command's path, or skips the test.
func openssl(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("openssl")
	if err != nil {
		t.Skip("openssl is not installed; skipping the OpenSSL interoperability test")
	}
	return path
}

// legacyProvider reports whether openssl has the legacy provider (RC2).
var legacyProvider = sync.OnceValue(func() bool {
	path, err := exec.LookPath("openssl")
	if err != nil {
		return false
	}
	out, err := exec.Command(path, "list", "-providers", "-provider", "legacy").CombinedOutput()
	return err == nil && bytes.Contains(bytes.ToLower(out), []byte("legacy"))
})

// run runs openssl and returns its combined output, failing the test on a
// non-zero exit.
func run(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("openssl %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

func TestOpenSSLFiles(t *testing.T) {
	bin := openssl(t)
	p := fixtures(t)
	leaf, key := p.leaf(t, leafSpec{subject: scbSubject})
	dir := t.TempDir()
	keyFile := writePEM(t, dir, "key.pem", keyPEM(t, key))
	certFile := writePEM(t, dir, "cert.pem", certPEM(leaf))
	chainFile := writePEM(t, dir, "chain.pem", certPEM(p.inter), certPEM(p.root))

	export := func(t *testing.T, name, password string, extra ...string) []byte {
		t.Helper()
		out := filepath.Join(dir, name)
		args := append([]string{"pkcs12", "-export", "-out", out, "-passout", "pass:" + password}, extra...)
		run(t, bin, args...)
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	full := []string{"-inkey", keyFile, "-in", certFile, "-certfile", chainFile, "-name", "Exempelbyrån"}

	for _, kind := range []string{"default", "legacy"} {
		for i, pw := range []string{"", "secret", "Lösenord-åäö"} {
			t.Run(kind+"/"+pw, func(t *testing.T) {
				args := full
				if kind == "legacy" {
					if !legacyProvider() {
						t.Skip("openssl has no legacy provider (needed for -legacy: RC2); skipping")
					}
					args = append([]string{"-legacy"}, full...)
				}
				data := export(t, kind+string(rune('0'+i))+".p12", pw, args...)
				c, err := Parse(data, pw, scbFileName)
				requireCode(t, err, "")
				if !c.Leaf().Equal(leaf) || !sameKey(c.Signer(), key) {
					t.Fatal("leaf or key differ from what was exported")
				}
				info := c.Describe(fixedNow)
				if info.ChainLength != 2 || !info.ChainComplete || info.Identity.SCBAPIID != "A00494" {
					t.Errorf("chain %d complete %v API-Id %q", info.ChainLength, info.ChainComplete, info.Identity.SCBAPIID)
				}
				_, err = Parse(data, pw+"fel", scbFileName)
				requireCode(t, err, CodeWrongPassword)
			})
		}
	}

	t.Run("nokeys", func(t *testing.T) {
		data := export(t, "nokeys.p12", "secret", "-nokeys", "-in", certFile, "-certfile", chainFile)
		_, err := Parse(data, "secret", "")
		requireCode(t, err, CodeNoPrivateKey)
		_, err = Parse(data, "fel", "")
		requireCode(t, err, CodeWrongPassword)
	})
	t.Run("nocerts", func(t *testing.T) {
		data := export(t, "nocerts.p12", "secret", "-nocerts", "-inkey", keyFile)
		_, err := Parse(data, "secret", "")
		requireCode(t, err, CodeDamaged)
		if !strings.Contains(err.Error(), "no certificate") {
			t.Errorf("message %q does not say there is no certificate", err)
		}
	})
	t.Run("no chain", func(t *testing.T) {
		data := export(t, "nochain.p12", "secret", "-inkey", keyFile, "-in", certFile)
		c, err := Parse(data, "secret", "")
		requireCode(t, err, "")
		info := c.Describe(fixedNow)
		if info.ChainLength != 0 || info.ChainComplete || !hasWarning(info, WarnChainIncomplete) {
			t.Errorf("chain %d complete %v warnings %v", info.ChainLength, info.ChainComplete, info.Warnings)
		}
	})
	t.Run("damaged", func(t *testing.T) {
		data := export(t, "cut.p12", "secret", full...)
		_, err := Parse(data[:len(data)*2/3], "secret", "")
		requireCode(t, err, CodeDamaged)
		_, err = Parse(flip(data, len(data)/2), "secret", "")
		requireCode(t, err, CodeDamaged)
	})
}

func TestExportReadsBack(t *testing.T) {
	p := fixtures(t)
	src, leaf := p.standard(t, "old")
	c, err := Parse(src, "old", scbFileName)
	requireCode(t, err, "")
	for _, pw := range []string{"NEW-pass", "Nytt-lösenord-ÆØÅ", ""} {
		t.Run(pw, func(t *testing.T) {
			out, err := c.Export(pw)
			if err != nil {
				t.Fatal(err)
			}
			// go-pkcs12 reads it ...
			key, l, cas, err := pkcs12.DecodeChain(out, pw)
			if err != nil {
				t.Fatalf("go-pkcs12: %v", err)
			}
			if !l.Equal(leaf) || !sameKey(key, c.Signer()) || len(cas) != 2 {
				t.Error("go-pkcs12 reads back something else")
			}
			// ... so does Parse, with the new password only ...
			back, err := Parse(out, pw, "")
			requireCode(t, err, "")
			if !back.Leaf().Equal(leaf) {
				t.Error("Parse reads back another leaf")
			}
			if _, err := Parse(out, "old", ""); CodeOf(err) != CodeWrongPassword {
				t.Errorf("the old password: %v", err)
			}
			// ... and OpenSSL 3.
			if _, err := exec.LookPath("openssl"); err != nil {
				t.Log("openssl is not installed; not checking that it reads the export")
				return
			}
			path := filepath.Join(t.TempDir(), "out.pfx")
			if err := os.WriteFile(path, out, 0o600); err != nil {
				t.Fatal(err)
			}
			bin := openssl(t)
			run(t, bin, "pkcs12", "-in", path, "-passin", "pass:"+pw, "-nodes", "-noout")
			info := run(t, bin, "pkcs12", "-in", path, "-passin", "pass:"+pw, "-info", "-nodes", "-noout")
			if !bytes.Contains(info, []byte("AES-256-CBC")) || !bytes.Contains(info, []byte("MAC: sha256")) {
				t.Errorf("openssl -info shows no AES-256/SHA-256 protection:\n%s", info)
			}
		})
	}
	if _, err := c.Export("emoji😀"); err == nil {
		t.Error("Export accepted a password outside UCS-2")
	}
}

func hasWarning(info *Info, w Warning) bool {
	for _, x := range info.Warnings {
		if x == w {
			return true
		}
	}
	return false
}
