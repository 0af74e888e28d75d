package scb

import (
	"context"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/ident"
)

// FuzzParseAnswers feeds SCB's answer readers anything: they fail or
// read, never panic, and a row read maps into a company.
func FuzzParseAnswers(f *testing.F) {
	for _, seed := range []string{exampleRow, `[]`, `[{"OrgNr":5560747569,"Företagsnamn":null}]`, `{"VardeLista":[{"Varde":"49","Text":"AB"}]}`,
		`[{"Varde":"1","Text":"x"}]`, `"12"`, `{"Antal":{"n":3}}`, `[{"Sektor, kod":"*","Bransch_1P, kod":["x"]}]`, `null`, `{`} {
		f.Add([]byte(seed))
	}
	n, err := ident.Parse("5560747569", ident.Options{})
	if err != nil {
		f.Fatal(err)
	}
	c := &Client{codes: map[string]map[string]string{}}
	f.Fuzz(func(t *testing.T, body []byte) {
		_, _ = parseCodes(body)
		_, _ = parseCount(body)
		_, _ = jsonReason(body)
		_ = reasonText(body)
		rows, err := parseRows(body)
		if err != nil {
			return
		}
		for _, r := range rows {
			// Every code table is "known" empty: no call leaves the client.
			for _, cat := range []string{CategorySector, CategoryOwnerCategory, CategoryLegalForm, CategorySeat} {
				c.codes[cat] = map[string]string{}
			}
			co := c.company(context.Background(), n, r)
			if co == nil || co.Swedish == nil || co.Number != "556074-7569" {
				t.Fatalf("company %+v", co)
			}
			for _, v := range co.Swedish.NotSubscribed {
				if strings.TrimSpace(r[v]) != NotSubscribed {
					t.Fatalf("%q listed as not subscribed, SCB sent %q", v, r[v])
				}
			}
		}
	})
}
