package guikit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
)

// TestEveryProblemCodeHasWordsInEveryLanguage: every code of the one
// error vocabulary has a text in en, sv, nb and fi, and no English falls
// through into the other three.
func TestEveryProblemCodeHasWordsInEveryLanguage(t *testing.T) {
	texts := map[string]map[problem.Code]string{}
	for _, lng := range SupportedLanguages() {
		t.Setenv("LANGUAGE", lng)
		if _, err := ApplyLanguage(lng); err != nil {
			t.Fatal(err)
		}
		texts[lng] = map[problem.Code]string{}
		for _, c := range problem.Codes() {
			text := ProblemText(problem.New(c, nil))
			if text == "" {
				t.Errorf("%s: %s has no text", lng, c)
			}
			texts[lng][c] = text
			if got := SourceDetailText(dossier.Source{ID: "brreg", Code: "x", Problem: string(c)}); got != text {
				t.Errorf("%s: %s: a source says %q, the problem %q", lng, c, got, text)
			}
		}
	}
	if _, err := ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	if len(problem.Codes()) < 100 {
		t.Fatalf("only %d codes", len(problem.Codes()))
	}
	for _, lng := range []string{"sv", "nb", "fi"} {
		for _, c := range problem.Codes() {
			if texts[lng][c] == texts["en"][c] {
				t.Errorf("%s: %s is the English text %q", lng, c, texts[lng][c])
			}
		}
	}
	// The English of a register's code is the code's own words.
	for _, c := range problem.Codes() {
		if w := problem.Text(c); w != "" && texts["en"][c] != w {
			t.Errorf("%s: the window says %q, the code's words are %q", c, texts["en"][c], w)
		}
	}
}

func TestSourceTextsTranslateCodes(t *testing.T) {
	tests := []struct {
		name string
		s    dossier.Source
		want string
	}{
		{"problem", dossier.Source{Code: "1020", Problem: "no_postal_address", Message: "x"}, "No postal address registered."},
		{"the use cases' code", dossier.Source{Code: "no_account", Message: "x"}, problem.Text(problem.CodeNoGrunndataAccount)},
		{"timeout without a problem", dossier.Source{Code: "timeout", Message: "x"}, problem.Text(problem.CodeTimeout)},
		{"unknown code", dossier.Source{Code: "weird", Message: "The register said weird."}, "The register said weird."},
		{"no code", dossier.Source{Message: "found"}, ""},
	}
	for _, tt := range tests {
		if got := SourceDetailText(tt.s); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := NoteText(dossier.SourceNote{Code: "1118", Problem: "no_email", Message: "x"}); got != "No e-mail address registered." {
		t.Errorf("note %q", got)
	}
	if got := NoteText(dossier.SourceNote{Code: dossier.NoteRolesUnread, Problem: "roles_unread", Cause: "timeout", Message: "x"}); got != problem.Text(problem.CodeRolesUnread)+" "+problem.Text(problem.CodeTimeout) {
		t.Errorf("part-unread note %q", got)
	}
	if got := NoteText(dossier.SourceNote{Code: dossier.NoteSubUnitsUnread, Problem: "sub_units_unread", Message: "x"}); got != problem.Text(problem.CodeSubUnitsUnread) {
		t.Errorf("part-unread note without a cause %q", got)
	}
	if got := NoteText(dossier.SourceNote{Code: "1999", Message: "Some information is not registered (code 1999)."}); got != "Some information is not registered (code 1999)." {
		t.Errorf("unknown note %q", got)
	}
}

// TestProblemTextsSwitchOnCodesOnly: the window's problem texts name no
// register wire code (grunndataWS numbers, "http_...", "mp_...").
func TestProblemTextsSwitchOnCodesOnly(t *testing.T) {
	wire := regexp.MustCompile(`^(-?[0-9]+|http_.*|mp_.*|MP-.*)$`)
	fset := token.NewFileSet()
	for _, name := range []string{"problems.go", "certtext.go", "sourcetext.go"} {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			cc, ok := n.(*ast.CaseClause)
			if !ok {
				return true
			}
			for _, e := range cc.List {
				if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, _ := strconv.Unquote(lit.Value); wire.MatchString(s) {
						t.Errorf("%s: case %s is a register's wire code", fset.Position(lit.Pos()), lit.Value)
					}
				}
			}
			return true
		})
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); regexp.MustCompile(`internal/(registry|certs)`).MatchString(p) && name != "certtext.go" {
				t.Errorf("%s imports %s", name, p)
			}
		}
	}
}
