package archtest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// realParts are the packages a window test may use only as an end-to-end
// test, in a file named e2e_*_test.go: the widget tests run on fakes.
var realParts = []string{internal + "desk", internal + "vault", internal + "sandbox", internal + "certs", internal + "registry", internal + "setup"}

// TestGUIWidgetTestsUseFakes checks that under internal/gui only the
// end-to-end test files (e2e_*_test.go) import the real desk, the vault,
// the sandbox, the registers or the certificate code; every other test
// there runs on a fake of the screen's interface.
func TestGUIWidgetTestsUseFakes(t *testing.T) {
	root := filepath.Join("..", "gui")
	fset := token.NewFileSet()
	seen := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() || !strings.HasSuffix(name, "_test.go") {
			return nil
		}
		seen++
		if strings.HasPrefix(name, "e2e_") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			for _, real := range realParts {
				if p == real || strings.HasPrefix(p, real+"/") {
					t.Errorf("%s imports %s: only e2e_*_test.go files may drive the real parts", path, p)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 5 {
		t.Fatalf("found only %d test files under %s", seen, root)
	}
}
