package problem

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// declaredCodes returns the names of every constant of type Code declared
// in the package's source.
func declaredCodes(t *testing.T) map[string]bool {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	names := map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); ok && id.Name == "Code" {
					for _, n := range vs.Names {
						names[n.Name] = true
					}
				}
			}
		}
	}
	if len(names) < 100 {
		t.Fatalf("found only %d Code constants", len(names))
	}
	return names
}

func TestCodesListsEveryDeclaredCode(t *testing.T) {
	declared := declaredCodes(t)
	codes := Codes()
	if len(codes) != len(declared) {
		t.Errorf("Codes() has %d codes, the package declares %d constants of type Code", len(codes), len(declared))
	}
	seen := map[Code]bool{}
	for _, c := range codes {
		if c == "" || seen[c] {
			t.Errorf("code %q is empty or listed twice", c)
		}
		seen[c] = true
	}
}

func TestEveryCodeHasEnglishWords(t *testing.T) {
	for _, c := range Codes() {
		msg := (&Error{Code: c}).Error()
		if msg == "" || msg == string(c) || strings.Contains(msg, "_") {
			t.Errorf("%s: English words %q", c, msg)
		}
		if !Known(c) {
			t.Errorf("%s: not Known", c)
		}
	}
	if Known("no_such_code") || Text("no_such_code") != "" {
		t.Error("an unknown code is known")
	}
}

// coded is a register's error type as the clients write them.
type coded struct {
	code Code
	err  error
}

func (c *coded) Error() string { return "register: " + string(c.code) }
func (c *coded) Problem() Code { return c.code }
func (c *coded) Unwrap() error { return c.err }

func TestCodeOfAndCauseOfFindCodesThroughWrapping(t *testing.T) {
	timeout := &coded{code: CodeTimeout}
	tests := []struct {
		name        string
		err         error
		code, cause Code
	}{
		{"nil", nil, "", ""},
		{"plain", errors.New("x"), CodeInternal, CodeInternal},
		{"problem", New(CodeLocked, nil), CodeLocked, CodeLocked},
		{"register", timeout, CodeTimeout, CodeTimeout},
		{"wrapped register", fmt.Errorf("brreg: %w", timeout), CodeTimeout, CodeTimeout},
		{"use case over register", New(CodeRegisterFailed, fmt.Errorf("lookup: %w", timeout)), CodeRegisterFailed, CodeTimeout},
		{"register over register", &coded{code: CodeOwnersAccessRefused, err: &coded{code: CodeMPScopeNotGranted}}, CodeOwnersAccessRefused, CodeMPScopeNotGranted},
		{"joined", errors.Join(fmt.Errorf("a: %w", timeout), errors.New("b")), CodeTimeout, CodeTimeout},
		{"empty code inside", New(CodeRegisterFailed, &coded{}), CodeRegisterFailed, CodeRegisterFailed},
	}
	for _, tt := range tests {
		if got := CodeOf(tt.err); got != tt.code {
			t.Errorf("%s: CodeOf = %q, want %q", tt.name, got, tt.code)
		}
		if got := CauseOf(tt.err); got != tt.cause {
			t.Errorf("%s: CauseOf = %q, want %q", tt.name, got, tt.cause)
		}
	}
}

func TestForStatus(t *testing.T) {
	tests := []struct {
		status int
		want   Code
	}{
		{429, CodeRateLimited}, {502, CodeRegisterUnavailable}, {503, CodeRegisterUnavailable},
		{504, CodeRegisterUnavailable}, {500, CodeRegisterServerError}, {599, CodeRegisterServerError},
		{418, CodeUnexpectedStatus}, {302, CodeUnexpectedStatus}, {0, CodeUnexpectedStatus},
	}
	for _, tt := range tests {
		if got := ForStatus(tt.status); got != tt.want {
			t.Errorf("ForStatus(%d) = %q, want %q", tt.status, got, tt.want)
		}
	}
}

func TestErrorSaysTheWordsOfTheCode(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{New(CodeTimeout, errors.New("deadline")), "The register did not answer in time. Try again in a moment."},
		{New(CodeOwnersNotRegistered, nil), Text(CodeOwnersNotRegistered)},
		{New(CodeLocked, nil), "the vault is locked"},
		{New(CodeInternal, errors.New("boom")), "something went wrong: boom"},
		{New(CodeBadSetting, errors.New("timeout: not a number")), "timeout: not a number"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("%v: Error() = %q, want %q", CodeOf(tt.err), got, tt.want)
		}
	}
}
