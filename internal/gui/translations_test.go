package gui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"github.com/motpart/motpart/assets"
	"github.com/motpart/motpart/internal/gui/guikit"
)

// usedKeys returns every string literal passed as the first argument of
// lang.L in the source of this package and every package under it (the
// screens and guikit), with where it is used.
func usedKeys(t *testing.T) map[string]string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
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
	if dirs := packageDirs(files); len(dirs) < 6 {
		t.Fatalf("found Go files in only %d directories (%v); does the walk see every screen?", len(dirs), dirs)
	}
	keys := map[string]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
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
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" || sel.Sel.Name != "L" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: lang.L with a non-literal argument cannot be checked", fset.Position(call.Pos()))
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			keys[s] = fset.Position(call.Pos()).String()
			return true
		})
	}
	if len(keys) < 10 {
		t.Fatalf("found only %d translated strings", len(keys))
	}
	return keys
}

func loadTranslation(t *testing.T, code string) map[string]string {
	t.Helper()
	data, err := assets.Translations.ReadFile(assets.TranslationsDir + "/" + code + ".json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s.json: %v", code, err)
	}
	return m
}

var placeholder = regexp.MustCompile(`\{\{\s*\.[A-Za-z]+\s*\}\}`)

func TestEveryStringIsTranslated(t *testing.T) {
	used := usedKeys(t)
	for _, code := range guikit.SupportedLanguages() {
		tr := loadTranslation(t, code)
		for key, where := range used {
			got, ok := tr[key]
			if !ok || strings.TrimSpace(got) == "" {
				t.Errorf("%s.json lacks %q (used at %s)", code, key, where)
				continue
			}
			if code == "en" && got != key {
				t.Errorf("en.json changes %q to %q; the key is the English text", key, got)
			}
			for _, ph := range placeholder.FindAllString(key, -1) {
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
