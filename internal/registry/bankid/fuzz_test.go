package bankid

import (
	"encoding/json"
	"testing"
)

// FuzzParseResult: the result parser never panics, and what it accepts
// has key information and percentages for shares.
func FuzzParseResult(f *testing.F) {
	f.Add([]byte(`{"keyInformation":{"name":"A AS","organizationNumber":"311111116"},"ownership":{"beneficials":[{"name":"B","ownerShare":50}]}}`))
	f.Add([]byte(`{"keyInformation":{}}`))
	f.Add([]byte(`{"keyInformation":{"name":"x"},"ownership":{"shareholders":[{"share":101}]}}`))
	f.Add([]byte(`{"keyInformation":{"name":"x"}} {}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"keyInformation":{"name":"x"},"sanction":{"lists":["EU"],"hits":[{"name":"y","list":"EU","birthDate":"1961-07-07"}],"pepHits":["z"]}}`))
	f.Add([]byte(`{"keyInformation":{"name":"x"}} }`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseResult(data)
		if err != nil {
			if r != nil {
				t.Fatal("a result with an error")
			}
			return
		}
		if !json.Valid(data) {
			t.Fatalf("accepted invalid JSON %q", data)
		}
		if r.KeyInformation == nil || r.KeyInformation.Name == "" && r.KeyInformation.OrganizationNumber == "" {
			t.Fatalf("accepted without key information: %q", data)
		}
		for _, b := range r.Ownership.Beneficials {
			if !percent(b.OwnerShare) {
				t.Fatalf("accepted share %v", b.OwnerShare)
			}
		}
	})
}
