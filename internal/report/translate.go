package report

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/motpart/motpart/assets"
)

// Languages lists the languages a report can be written in.
func Languages() []string { return []string{"en", "sv", "nb", "fi"} }

// translator gives the report's words in one language from the same
// translation files the window reads (assets/translations/*.json, go-i18n
// format). Its L is called with literal keys only, as lang.L is, so the
// test in internal/gui that checks every key is translated sees them.
type translator struct {
	lang  string
	texts map[string]string
	style numberStyle
	// loc is the time zone times are written in.
	loc *time.Location
}

// newTranslator reads the translations of lng.
func newTranslator(lng string) (*translator, error) {
	style, ok := styles[lng]
	if !ok {
		return nil, fmt.Errorf("report: no language %q (have %s)", lng, strings.Join(Languages(), ", "))
	}
	data, err := assets.Translations.ReadFile(assets.TranslationsDir + "/" + lng + ".json")
	if err != nil {
		return nil, fmt.Errorf("report: reading the %s translations: %w", lng, err)
	}
	raw := map[string]any{}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("report: reading the %s translations: %w", lng, err)
	}
	texts := make(map[string]string, len(raw))
	for k, v := range raw {
		switch v := v.(type) {
		case string:
			texts[k] = v
		case map[string]any:
			if other, ok := v["other"].(string); ok {
				texts[k] = other
			}
		}
	}
	return &translator{lang: lng, texts: texts, style: style, loc: time.UTC}, nil
}

// L is key in the translator's language, with each {{.Name}} replaced by
// data's Name; the key itself (English) when the file lacks it.
func (t *translator) L(key string, data ...map[string]any) string {
	s, ok := t.texts[key]
	if !ok || s == "" {
		s = key
	}
	if len(data) == 0 || !strings.Contains(s, "{{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		name := strings.TrimPrefix(strings.TrimSpace(s[i+2:i+j]), ".")
		if v, ok := data[0][name]; ok {
			fmt.Fprint(&b, v)
		} else {
			b.WriteString(s[i : i+j+2])
		}
		s = s[i+j+2:]
	}
	b.WriteString(s)
	return b.String()
}

// nbsp is the no-break space between digit groups and before units.
const nbsp = "\u00a0"

// numberStyle is how one language writes numbers, dates and times, as the
// window does (internal/gui/guikit/format.go).
type numberStyle struct {
	decimal string
	date    string // time.Format layout of a date
	clock   string // time.Format layout of a time of day
}

var styles = map[string]numberStyle{
	"en": {decimal: ".", date: "2006-01-02", clock: "15:04"},
	"sv": {decimal: ",", date: "2006-01-02", clock: "15:04"},
	"nb": {decimal: ",", date: "02.01.2006", clock: "15:04"},
	"fi": {decimal: ",", date: "2.1.2006", clock: "15.04"},
}

// date writes a YYYY-MM-DD date in the language's style; anything else
// as it is.
func (t *translator) date(s string) string {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return d.Format(t.style.date)
}

// day writes the date of tm.
func (t *translator) day(tm time.Time) string {
	if tm.IsZero() {
		return ""
	}
	return tm.In(t.loc).Format(t.style.date)
}

// when writes tm as date, time of day and zone ("2026-12-03 14:20 UTC").
func (t *translator) when(tm time.Time) string {
	if tm.IsZero() {
		return ""
	}
	return tm.In(t.loc).Format(t.style.date + " " + t.style.clock + " MST")
}

// number writes f with up to two decimals in the language's style.
func (t *translator) number(f float64) string {
	s := strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64)
	return strings.Replace(s, ".", t.style.decimal, 1)
}

// percentRange writes "30 %" or "25,01–49,99 %"; "" when both are zero.
func (t *translator) percentRange(lo, hi float64) string {
	switch {
	case lo == 0 && hi == 0:
		return ""
	case lo == hi:
		return t.number(lo) + nbsp + "%"
	}
	return t.number(lo) + "–" + t.number(hi) + nbsp + "%"
}
