package archtest

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/motpart/motpart"

// pkg is what `go list -json` says of one package.
type pkg struct {
	ImportPath string
	Imports    []string // direct imports
	Deps       []string // transitive imports
}

// listPackages returns every package of the module with its transitive
// dependencies, as the go command sees them.
func listPackages(t *testing.T) []pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-json=ImportPath,Imports,Deps", module+"/...")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("go list: %v\n%s", err, errb.String())
	}
	var pkgs []pkg
	dec := json.NewDecoder(&out)
	for dec.More() {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			t.Fatalf("decoding go list output: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 5 {
		t.Fatalf("go list found only %d packages; is the module path right?", len(pkgs))
	}
	return pkgs
}

// rule forbids packages under from to depend on any package matching one of
// forbidden (a prefix, or an exact path when it ends in "$"). A direct rule
// looks only at the package's own imports.
type rule struct {
	from      string
	forbidden []string
	direct    bool
	why       string
}

var internal = module + "/internal/"

func rules() []rule {
	lower := []string{"desk", "registry", "vault", "certs", "certinfo", "report", "dossier", "ownership", "ident", "problem", "sandbox"}
	rs := []rule{{
		// gui and every screen package under it reach desk through the
		// interfaces they declare, which cmd/desktop fills in, so not even
		// their transitive imports hold the vault, a register, the
		// certificate code (certinfo is its plain vocabulary) or the wiring.
		from:      internal + "gui",
		forbidden: []string{internal + "registry", internal + "vault", internal + "sandbox", internal + "desk", internal + "certs", internal + "setup"},
		why:       "gui asks desk; it never talks to registries, the vault or HTTP itself",
	}, {
		// Fyne itself imports net/http (to load resources from URLs), so
		// this can only hold for gui's own imports.
		from:      internal + "gui",
		forbidden: []string{"net/http$"},
		direct:    true,
		why:       "gui asks desk; it never talks to registries, the vault or HTTP itself",
	}, {
		// setup wires, desk decides: desk asks the registers through the
		// small interfaces it declares and never builds a client, a
		// connection or the sandbox itself.
		from:      internal + "desk",
		forbidden: []string{internal + "sandbox", internal + "registry", internal + "setup", internal + "gui"},
		why:       "the composition root (internal/setup) wires; desk decides",
	}, {
		from:      internal + "sandbox",
		forbidden: []string{internal + "registry", internal + "desk", internal + "gui"},
		why:       "a simulator writes the wire format from its own fixtures, never the client's code",
	}, {
		// The KYC report draws what it is given: vocabulary in, PDF out.
		// The desk gathers the input; the report never asks for it.
		from: internal + "report",
		forbidden: []string{internal + "desk", internal + "registry", internal + "vault", internal + "sandbox",
			internal + "setup", internal + "certs", internal + "gui", "net/http$"},
		why: "the report is made from the vocabulary the desk hands it",
	}, {
		// The client portfolio is vocabulary with its pure rules (how two
		// snapshots differ): the window reads it, the desk fills it.
		from: internal + "portfolio",
		forbidden: []string{internal + "desk", internal + "registry", internal + "vault", internal + "sandbox",
			internal + "setup", internal + "certs", internal + "gui", internal + "report", "fyne.io/", "net/http$"},
		why: "the portfolio's vocabulary imports only the other vocabulary (dossier, ident)",
	}}
	for _, p := range lower {
		rs = append(rs, rule{from: internal + p, forbidden: []string{"fyne.io/"}, why: "nothing below gui imports Fyne"})
	}
	for _, p := range []string{"dossier", "ownership", "ident", "problem"} {
		rs = append(rs, rule{from: internal + p, forbidden: []string{module + "/"}, why: "the vocabulary imports nothing of the project"})
	}
	// certinfo is vocabulary too; it names identity numbers and problem
	// codes, so ident and problem are the packages of the project it may
	// import.
	var notIdent []string
	for _, p := range []string{"desk", "registry", "vault", "certs", "report", "dossier", "ownership", "sandbox", "setup", "gui"} {
		notIdent = append(notIdent, internal+p)
	}
	rs = append(rs, rule{from: internal + "certinfo", forbidden: append(notIdent, module+"/cmd"), why: "the certificate vocabulary imports only ident and problem of the project"})
	// testclock moves test clocks; no program may read it.
	for _, p := range []string{"desk", "setup", "registry", "vault", "certs", "certinfo", "dossier", "ownership", "ident", "problem", "sandbox", "gui"} {
		rs = append(rs, rule{from: internal + p, forbidden: []string{internal + "testclock", internal + "reachtest"}, why: "test helpers stay out of the programs"})
	}
	rs = append(rs, rule{from: module + "/cmd", forbidden: []string{internal + "testclock", internal + "reachtest"}, why: "test helpers stay out of the programs"})
	rs = append(rs, rule{from: module + "/cmd/motpart", forbidden: []string{"fyne.io/", internal + "gui"}, why: "the command line needs no display and no cgo"})
	return rs
}

// violation returns the first dependency of p that r forbids, or "".
func (r rule) violation(p pkg) string {
	if p.ImportPath != r.from && !strings.HasPrefix(p.ImportPath, r.from+"/") {
		return ""
	}
	deps := p.Deps
	if r.direct {
		deps = p.Imports
	}
	for _, dep := range deps {
		for _, f := range r.forbidden {
			if exact, ok := strings.CutSuffix(f, "$"); ok {
				if dep == exact {
					return dep
				}
				continue
			}
			if dep == strings.TrimSuffix(f, "/") || strings.HasPrefix(dep, f) {
				// the vocabulary may import itself
				if strings.HasPrefix(dep, r.from) {
					continue
				}
				return dep
			}
		}
	}
	return ""
}

func TestLayerRules(t *testing.T) {
	for _, p := range listPackages(t) {
		for _, r := range rules() {
			if dep := r.violation(p); dep != "" {
				t.Errorf("%s imports %s: %s (DESIGN.md)", p.ImportPath, dep, r.why)
			}
		}
	}
}

// imports is a package whose own imports (and so its dependencies) are list.
func imports(path string, list ...string) pkg {
	return pkg{ImportPath: path, Imports: list, Deps: list}
}

// deps is a package that depends on list only through other packages.
func deps(path string, list ...string) pkg { return pkg{ImportPath: path, Deps: list} }

func TestRuleCatchesViolations(t *testing.T) {
	tests := []struct {
		pkg  pkg
		want string
	}{
		{imports(internal+"gui", "net/http"), "net/http"},
		{deps(internal+"gui", "fyne.io/fyne/v2", "net/http"), ""},
		{imports(internal+"gui", "net/http/httptest"), ""},
		{deps(internal+"gui", internal+"registry/brreg"), internal + "registry/brreg"},
		{deps(internal+"gui/widgets", internal+"vault"), internal + "vault"},
		{deps(internal+"gui", internal+"desk"), internal + "desk"},
		{deps(internal+"ident", "fyne.io/fyne/v2"), "fyne.io/fyne/v2"},
		{deps(internal+"ident", internal+"desk"), internal + "desk"},
		{deps(internal+"desk", internal+"ident", "net/http"), ""},
		{deps(internal+"desk", internal+"sandbox"), internal + "sandbox"},
		{deps(module+"/cmd/desktop", internal+"testclock"), internal + "testclock"},
		{deps(internal+"vault", internal+"reachtest"), internal + "reachtest"},
		{deps(internal+"desk", internal+"registry/transport"), internal + "registry/transport"},
		{deps(internal+"desk", internal+"registry/brreg"), internal + "registry/brreg"},
		{deps(internal+"desk", internal+"vault", internal+"certs", internal+"dossier"), ""},
		{deps(internal+"sandbox", internal+"registry/transport"), internal + "registry/transport"},
		{deps(internal+"sandbox", internal+"certs", internal+"ident"), ""},
		{deps(module+"/cmd/motpart", "fyne.io/fyne/v2/app"), "fyne.io/fyne/v2/app"},
		{deps(internal+"gui/lookup", internal+"certs"), internal + "certs"},
		{deps(internal+"gui/certificates", internal+"certinfo", internal+"ident"), ""},
		{deps(internal+"gui/settings", internal+"setup"), internal + "setup"},
		{imports(internal+"gui/gate", "net/http"), "net/http"},
		{deps(internal+"certinfo", internal+"ident"), ""},
		{deps(internal+"certinfo", internal+"certs"), internal + "certs"},
		{deps(internal+"certinfo", "fyne.io/fyne/v2"), "fyne.io/fyne/v2"},
	}
	for _, tt := range tests {
		got := ""
		for _, r := range rules() {
			if v := r.violation(tt.pkg); v != "" {
				got = v
				break
			}
		}
		if got != tt.want {
			t.Errorf("%s with deps %v: violation %q, want %q", tt.pkg.ImportPath, tt.pkg.Deps, got, tt.want)
		}
	}
}
