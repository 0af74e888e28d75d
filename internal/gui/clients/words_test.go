package clients

import (
	"testing"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/gui/guikit"
	"github.com/motpart/motpart/internal/portfolio"
)

// TestEveryCodeHasWordsInEveryLanguage: every reason, field, risk,
// outcome, feed use and import outcome has words in en, sv, nb and fi,
// none of them the code itself, and no English falls through into the
// other three.
func TestEveryCodeHasWordsInEveryLanguage(t *testing.T) {
	type code struct {
		kind, code string
		words      func() string
	}
	var codes []code
	for _, r := range allReasons() {
		codes = append(codes, code{"reason", string(r), func() string { return ReasonText(r) }})
	}
	for _, f := range allFields() {
		codes = append(codes, code{"field", string(f), func() string { return FieldText(f) }})
	}
	for _, r := range []portfolio.Risk{portfolio.RiskNone, portfolio.RiskLow, portfolio.RiskMedium, portfolio.RiskHigh} {
		codes = append(codes, code{"risk", r.String(), func() string { return RiskText(r) }})
	}
	for _, o := range allOutcomes() {
		codes = append(codes, code{"outcome", string(o), func() string { return OutcomeText(o) }})
	}
	for _, f := range allFeedUses() {
		codes = append(codes, code{"feed", string(f), func() string { return FeedUseText(f, 4) }})
	}
	for _, o := range allImportOutcomes() {
		codes = append(codes, code{"import", string(o), func() string { return ImportOutcomeText(o) }})
	}
	for _, c := range append(portfolio.ClientColumns(), portfolio.ChangeColumns()...) {
		codes = append(codes, code{"column", string(c), func() string { return ColumnText(c) }})
	}
	if want := len(allReasons()) + len(allFields()) + 4; len(codes) < want {
		t.Fatalf("%d codes", len(codes))
	}
	// Every reason portfolio knows has words here (Reasons is empty until
	// the rules are written).
	known := map[portfolio.Reason]bool{}
	for _, r := range allReasons() {
		known[r] = true
	}
	for _, r := range portfolio.Reasons() {
		if !known[r] {
			t.Errorf("reason %q has no words in the window", r)
		}
	}
	texts := map[string][]string{}
	for _, lng := range guikit.SupportedLanguages() {
		t.Setenv("LANGUAGE", lng)
		if _, err := guikit.ApplyLanguage(lng); err != nil {
			t.Fatal(err)
		}
		for _, c := range codes {
			w := c.words()
			if w == "" || w == c.code {
				t.Errorf("%s: %s %q has no words (%q)", lng, c.kind, c.code, w)
			}
			texts[lng] = append(texts[lng], w)
		}
	}
	if _, err := guikit.ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	for _, lng := range []string{"sv", "nb", "fi"} {
		for i, c := range codes {
			if texts[lng][i] == texts["en"][i] {
				t.Errorf("%s: %s %q is the English %q", lng, c.kind, c.code, texts[lng][i])
			}
		}
	}
}

// TestChangeValues: the status and the owners register's status are codes
// in a change; the window says them in words, in the user's language.
func TestChangeValues(t *testing.T) {
	tests := []struct {
		lng   string
		field portfolio.Field
		value string
		want  string
	}{
		{"en", portfolio.FieldStatus, "bankrupt", "Bankrupt"},
		{"fi", portfolio.FieldStatus, "bankrupt", "Konkurssissa"},
		{"en", portfolio.FieldStatus, portfolio.StatusStruckOff, "Struck off the trade register"},
		{"en", portfolio.FieldOwnersStatus, dossier.OwnersNoneIdentified, "The company has beneficial owners, but none can be identified."},
		{"en", portfolio.FieldName, "FJORDGLIMT REISER AS", "FJORDGLIMT REISER AS"},
		{"en", portfolio.FieldStatus, "", "–"},
	}
	for _, tt := range tests {
		if _, err := guikit.ApplyLanguage(tt.lng); err != nil {
			t.Fatal(err)
		}
		if got := changeValue(tt.field, tt.value); got != tt.want {
			t.Errorf("%s: changeValue(%s, %q) = %q, want %q", tt.lng, tt.field, tt.value, got, tt.want)
		}
	}
	if _, err := guikit.ApplyLanguage("en"); err != nil {
		t.Fatal(err)
	}
}
