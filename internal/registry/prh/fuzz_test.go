package prh

import (
	"os"
	"testing"
)

// FuzzParse feeds the parser any bytes: it never panics, and what it
// reads converts to a company with the business ID it read.
func FuzzParse(f *testing.F) {
	if b, err := os.ReadFile("testdata/company.json"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"totalResults":0,"companies":[]}`))
	f.Add([]byte(`{"companies":[{"businessId":{"value":"1"},"names":[{"type":"1"}],"addresses":[{"type":1,"postOffices":[]}]}]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) {
		res, err := parse(b)
		if err != nil {
			return
		}
		for i := range res.Companies {
			c := toCompany(&res.Companies[i])
			if c.Number != res.Companies[i].BusinessID.Value {
				t.Fatalf("number %q, read %q", c.Number, res.Companies[i].BusinessID.Value)
			}
		}
	})
}
