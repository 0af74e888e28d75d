package gui

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"github.com/motpart/motpart/assets"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// repoRoot is the module's root, two levels above this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no go.mod at %s: %v", root, err)
	}
	return root
}

// translators are the calls of fyne.io/fyne/v2/lang whose first argument
// is a translation key: L (a text), X (a text under a key of its own) and
// N (a plural).
var translators = map[string]bool{"L": true, "X": true, "N": true}

// usedKeys returns every string literal passed as the key of lang.L,
// lang.X or lang.N in the source of the whole module (the window, its
// screens and guikit, and anything else that translates), with where it
// is used; and for the keys of lang.X, their English fallback.
func usedKeys(t *testing.T) (keys, fallbacks map[string]string) {
	t.Helper()
	root := repoRoot(t)
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (d.Name() == "testdata" || d.Name() == "vendor" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var guiFiles []string
	for _, f := range files {
		if strings.Contains(filepath.ToSlash(f), "/internal/gui/") {
			guiFiles = append(guiFiles, f)
		}
	}
	if dirs := packageDirs(guiFiles); len(dirs) < 6 {
		t.Fatalf("found Go files in only %d directories of internal/gui (%v); does the walk see every screen?", len(dirs), dirs)
	}
	keys, fallbacks = map[string]string{}, map[string]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		langName := ""
		if strings.Contains(filepath.ToSlash(name), "/internal/report/") {
			// The KYC report translates from the same files with a
			// translator of its own, called as t.L like lang.L.
			langName = "t"
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == "fyne.io/fyne/v2/lang" {
				langName = "lang"
				if imp.Name != nil {
					langName = imp.Name.Name
				}
			}
		}
		if langName == "" {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != langName || !translators[sel.Sel.Name] {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: lang.%s with a non-literal key cannot be checked", fset.Position(call.Pos()), sel.Sel.Name)
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(root, fset.Position(call.Pos()).Filename)
			keys[s] = fmt.Sprintf("%s:%d", rel, fset.Position(call.Pos()).Line)
			if sel.Sel.Name == "X" {
				fallback := ""
				if len(call.Args) > 1 {
					if lit, ok := call.Args[1].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						fallback, _ = strconv.Unquote(lit.Value)
					}
				}
				if fallback == "" {
					t.Errorf("%s: lang.X(%q) without a literal English fallback", fset.Position(call.Pos()), s)
				}
				fallbacks[s] = fallback
			}
			return true
		})
	}
	if len(keys) < 10 {
		t.Fatalf("found only %d translated strings", len(keys))
	}
	return keys, fallbacks
}

// loadTranslation reads code.json as key -> text; a plural (an object of
// forms) is its "other" form, and must have one.
func loadTranslation(t *testing.T, code string) map[string]string {
	t.Helper()
	data, err := assets.Translations.ReadFile(assets.TranslationsDir + "/" + code + ".json")
	if err != nil {
		t.Fatal(err)
	}
	raw := map[string]any{}
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s.json: %v", code, err)
	}
	m := map[string]string{}
	for k, v := range raw {
		switch v := v.(type) {
		case string:
			m[k] = v
		case map[string]any:
			other, ok := v["other"].(string)
			if !ok {
				t.Errorf("%s.json: the plural %q has no \"other\" form", code, k)
			}
			m[k] = other
		default:
			t.Errorf("%s.json: %q is neither a text nor a plural", code, k)
		}
	}
	return m
}

var placeholder = regexp.MustCompile(`\{\{\s*\.[A-Za-z]+\s*\}\}`)

func TestEveryStringIsTranslated(t *testing.T) {
	used, fallbacks := usedKeys(t)
	for _, code := range guikit.SupportedLanguages() {
		tr := loadTranslation(t, code)
		for key, where := range used {
			got, ok := tr[key]
			if !ok || strings.TrimSpace(got) == "" {
				t.Errorf("%s.json lacks %q (used at %s)", code, key, where)
				continue
			}
			english, isX := fallbacks[key]
			if code == "en" && !isX && got != key {
				t.Errorf("en.json changes %q to %q; the key is the English text", key, got)
			}
			if code == "en" && isX && got != english {
				t.Errorf("en.json says %q for %q, the code's fallback %q", got, key, english)
			}
			if !isX {
				english = key
			}
			for _, ph := range placeholder.FindAllString(english, -1) {
				if !strings.Contains(got, ph) {
					t.Errorf("%s.json: %q loses the placeholder %s", code, key, ph)
				}
			}
		}
		for key := range tr {
			if _, ok := used[key]; !ok {
				t.Errorf("%s.json has %q, which no code uses", code, key)
			}
		}
	}
}

func TestTranslationsDiffer(t *testing.T) {
	en := loadTranslation(t, "en")
	for _, code := range []string{"sv", "nb", "fi"} {
		tr := loadTranslation(t, code)
		same := 0
		for k, v := range tr {
			if v == en[k] {
				same++
			}
		}
		if same*5 > len(tr) {
			t.Errorf("%s.json: %d of %d strings are the English text", code, same, len(tr))
		}
	}
}

func TestFyneDialogTextsInBokmålAndFinnish(t *testing.T) {
	for _, code := range []string{"nb", "fi"} {
		data, err := assets.Translations.ReadFile(assets.TranslationsDir + "/fyne." + code + ".json")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]any{}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{"Cancel", "OK", "Open", "Save", "Yes", "No", "New Folder", "Show Hidden Files", "file.name", "monday"} {
			if _, ok := m[key]; !ok {
				t.Errorf("fyne.%s.json lacks %q", code, key)
			}
		}
	}
	t.Setenv("LANGUAGE", "fi")
	if _, err := guikit.ApplyLanguage("fi"); err != nil {
		t.Fatal(err)
	}
	defer guikit.ApplyLanguage("en")
	if got := lang.L("Show Hidden Files"); got != "Näytä piilotiedostot" {
		t.Errorf("Fyne's file dialog in Finnish says %q", got)
	}
}

// packageDirs lists the directories files are in.
func packageDirs(files []string) []string {
	seen := map[string]bool{}
	var dirs []string
	for _, f := range files {
		if d := filepath.Dir(f); !seen[d] {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	return dirs
}
