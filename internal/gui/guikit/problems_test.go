package guikit

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/problem"
)

// TestProblemTextKeepsRawErrorsForDetails: no language shows a Go error's
// own text among the words; ProblemDetails keeps it for the Details
// expander, and is empty when the words say it all.
func TestProblemTextKeepsRawErrorsForDetails(t *testing.T) {
	raw := errors.New("open /home/anna/x.pfx: permission denied")
	tests := []struct {
		name        string
		err         error
		wantDetails string
	}{
		{"an error without a code", fmt.Errorf("writing the PNG: %w", raw), "writing the PNG: open /home/anna/x.pfx: permission denied"},
		{"internal", problem.New(problem.CodeInternal, raw), "something went wrong: open /home/anna/x.pfx: permission denied"},
		{"register failed without a cause", problem.New(problem.CodeRegisterFailed, raw), "the register could not be asked: open /home/anna/x.pfx: permission denied"},
		{"no access without a cause", problem.New(problem.CodeNoAccess, raw), "the register could not be asked: open /home/anna/x.pfx: permission denied"},
		{"bad setting", problem.New(problem.CodeBadSetting, errors.New(`environment "x": want sandbox, test or production`)), `environment "x": want sandbox, test or production`},
		{"register failed with a cause", problem.New(problem.CodeRegisterFailed, problem.New(problem.CodeTimeout, raw)), ""},
		{"a code with words", problem.New(problem.CodeWrongPassword, nil), ""},
	}
	defer ApplyLanguage("en")
	for _, lng := range SupportedLanguages() {
		t.Setenv("LANGUAGE", lng)
		if _, err := ApplyLanguage(lng); err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			words := ProblemText(tt.err)
			if words == "" || strings.Contains(words, "permission denied") || strings.Contains(words, "want sandbox") {
				t.Errorf("%s: %s: words %q", lng, tt.name, words)
			}
			if got := ProblemDetails(tt.err); got != tt.wantDetails {
				t.Errorf("%s: %s: details %q, want %q", lng, tt.name, got, tt.wantDetails)
			}
		}
	}
}

func TestProblemDetailsView(t *testing.T) {
	t.Setenv("LANGUAGE", "en")
	if _, err := ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	fa := test.NewTempApp(t)
	win := fa.NewWindow("Motpart")
	defer win.Close()
	h := NewHost(fa, win)
	if v := ProblemDetailsView(h, problem.New(problem.CodeWrongPassword, nil)); v != nil {
		t.Errorf("a problem with words has details: %v", v)
	}
	v, ok := ProblemDetailsView(h, errors.New("disk full")).(*widget.Accordion)
	if !ok || len(v.Items) != 1 || v.Items[0].Title != "Details" || v.Items[0].Open {
		t.Fatalf("details view %#v, want one closed Details item", v)
	}
	var copyButton *widget.Button
	var texts []string
	for _, o := range test.LaidOutObjects(v.Items[0].Detail) {
		switch w := o.(type) {
		case *widget.Button:
			copyButton = w
		case *widget.Label:
			texts = append(texts, w.Text)
		}
	}
	if copyButton == nil || copyButton.Text != "Copy details" || len(texts) != 1 || texts[0] != "disk full" {
		t.Fatalf("details: button %v, labels %q", copyButton, texts)
	}
	test.Tap(copyButton)
	if got := fa.Clipboard().Content(); got != "disk full" {
		t.Errorf("clipboard %q, want the details", got)
	}
}
