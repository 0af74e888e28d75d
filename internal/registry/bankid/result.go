package bankid

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
)

// ParseResult parses a session's result JSON. It needs the key
// information with a name or a number; shares must be percentages.
func ParseResult(data []byte) (*Result, error) {
	if len(data) > maxJSON {
		return nil, errors.New("bankid: the result is too large")
	}
	if !json.Valid(data) {
		return nil, errors.New("bankid: the result is not JSON")
	}
	var r Result
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("bankid: reading the result: %w", err)
	}
	if r.KeyInformation == nil || r.KeyInformation.Name == "" && r.KeyInformation.OrganizationNumber == "" {
		return nil, errors.New("bankid: the result has no key information")
	}
	for _, b := range r.Ownership.Beneficials {
		if !percent(b.OwnerShare) {
			return nil, fmt.Errorf("bankid: an owner share of %v is not a percentage", b.OwnerShare)
		}
	}
	for _, s := range append(append([]Shareholder{}, r.Ownership.Shareholders...), r.Ownership.Subsidiaries...) {
		if !percent(s.Share) {
			return nil, fmt.Errorf("bankid: a share of %v is not a percentage", s.Share)
		}
	}
	return &r, nil
}

func percent(f float64) bool { return !math.IsNaN(f) && f >= 0 && f <= 100 }
