package brreg

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// The JSON shapes of the change feeds (registries.md §3.2). Unknown members
// are ignored; what the cursor depends on (ids, numbers, times) is checked.

type jsonFeedPage struct {
	Embedded map[string]json.RawMessage `json:"_embedded"`
}

type jsonUnitChange struct {
	ID    json.RawMessage `json:"oppdateringsid"`
	Dato  string          `json:"dato"`
	OrgNr string          `json:"organisasjonsnummer"`
	Kind  string          `json:"endringstype"`
}

type jsonRoleEvent struct {
	ID   json.RawMessage `json:"id"`
	Type string          `json:"type"`
	Time string          `json:"time"`
	Data *struct {
		OrgNr string `json:"organisasjonsnummer"`
	} `json:"data"`
}

// parseUnitFeed reads a page of /oppdateringer/enheter (or, with sub,
// /oppdateringer/underenheter), keeping at most size entries. A page with
// no _embedded is empty. from is the oppdateringsid asked from (0: none).
func parseUnitFeed(data []byte, sub bool, from int64, size int) ([]UnitChange, error) {
	key, other := "oppdaterteEnheter", "oppdaterteUnderenheter"
	if sub {
		key, other = other, key
	}
	var page jsonFeedPage
	if err := decodeJSON(data, &page); err != nil {
		return nil, fmt.Errorf("reading the change feed: %w", err)
	}
	raw, ok := page.Embedded[key]
	switch {
	case page.Embedded == nil:
		return []UnitChange{}, nil // no changes: the register leaves _embedded out
	case !ok && page.Embedded[other] != nil:
		return nil, fmt.Errorf("the page lists %s, not %s", other, key)
	case !ok:
		return nil, fmt.Errorf("the page has _embedded without %s", key)
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, fmt.Errorf("reading %s: %w", key, err)
	}
	if len(items) > size {
		items = items[:size]
	}
	out := make([]UnitChange, 0, len(items))
	prev := int64(0) // ids are positive; from > 0 asks for ids of at least from
	if from > 0 {
		prev = from - 1
	}
	for i, it := range items {
		var e jsonUnitChange
		if err := json.Unmarshal(it, &e); err != nil {
			return nil, fmt.Errorf("entry %d: %w", i, err)
		}
		id, err := feedID(e.ID)
		if err != nil {
			return nil, fmt.Errorf("entry %d: oppdateringsid: %w", i, err)
		}
		if id <= prev {
			if i == 0 {
				return nil, fmt.Errorf("entry 0: oppdateringsid %d is below %d, asked from", id, from)
			}
			return nil, fmt.Errorf("entry %d: oppdateringsid %d does not follow %d", i, id, prev)
		}
		prev = id
		if !nineDigits(e.OrgNr) {
			return nil, fmt.Errorf("entry %d (oppdateringsid %d): %q is not an organisation number", i, id, e.OrgNr)
		}
		t, err := feedTimeOf(e.Dato)
		if err != nil {
			return nil, fmt.Errorf("entry %d (oppdateringsid %d): dato: %w", i, id, err)
		}
		out = append(out, UnitChange{ID: id, OrgNr: e.OrgNr, Time: t, Kind: e.Kind})
	}
	return out, nil
}

// parseRoleFeed reads a page of /oppdateringer/roller, a bare JSON array
// of CloudEvents, keeping at most size events. afterID is the id asked
// after (0: none).
func parseRoleFeed(data []byte, afterID int64, size int) ([]RoleChange, error) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return nil, errEmptyBody
	}
	if data[0] != '[' {
		return nil, errors.New("the role feed is not a JSON array")
	}
	var items []json.RawMessage
	if err := json.Unmarshal(data, &items); err != nil {
		return nil, fmt.Errorf("reading the role feed: %w", err)
	}
	if len(items) > size {
		items = items[:size]
	}
	out := make([]RoleChange, 0, len(items))
	prev := afterID
	for i, it := range items {
		var e jsonRoleEvent
		if err := json.Unmarshal(it, &e); err != nil {
			return nil, fmt.Errorf("event %d: %w", i, err)
		}
		id, seq, err := eventID(e.ID)
		if err != nil {
			return nil, fmt.Errorf("event %d: id: %w", i, err)
		}
		if seq > 0 {
			if seq <= prev {
				return nil, fmt.Errorf("event %d: id %d does not follow %d", i, seq, prev)
			}
			prev = seq
		}
		if e.Data == nil || !nineDigits(e.Data.OrgNr) {
			var n string
			if e.Data != nil {
				n = e.Data.OrgNr
			}
			return nil, fmt.Errorf("event %d (id %s): %q is not an organisation number", i, id, n)
		}
		t, err := feedTimeOf(e.Time)
		if err != nil {
			return nil, fmt.Errorf("event %d (id %s): time: %w", i, id, err)
		}
		out = append(out, RoleChange{ID: id, Seq: seq, OrgNr: e.Data.OrgNr, Time: t, Type: e.Type})
	}
	return out, nil
}

// feedID reads an oppdateringsid: a positive integer, as a JSON number or
// (leniently) a string of digits.
func feedID(raw json.RawMessage) (int64, error) {
	s := string(bytes.TrimSpace(raw))
	if len(s) >= 2 && s[0] == '"' {
		if err := json.Unmarshal(raw, &s); err != nil {
			return 0, err
		}
	}
	if s == "" || s == "null" {
		return 0, errors.New("missing")
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%.40q is not a positive integer", s)
	}
	return id, nil
}

// eventID reads a CloudEvent's id, a string (or, leniently, a number):
// the id as given and, when it is a positive decimal integer, its value.
func eventID(raw json.RawMessage) (string, int64, error) {
	s := string(bytes.TrimSpace(raw))
	switch {
	case s == "" || s == "null":
		return "", 0, errors.New("missing")
	case s[0] == '"':
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", 0, err
		}
	case s[0] == '-' || s[0] >= '0' && s[0] <= '9':
	default:
		return "", 0, fmt.Errorf("%.40q is not a string", s)
	}
	if s == "" {
		return "", 0, errors.New("empty")
	}
	seq, err := strconv.ParseInt(s, 10, 64)
	if err != nil || seq <= 0 || !allDigits(s) {
		seq = 0
	}
	return s, seq, nil
}

// feedTimeOf reads an RFC 3339 time with a fraction of any length, in UTC.
func feedTimeOf(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, errors.New("missing")
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%.40q is not an RFC 3339 time", s)
	}
	return t.UTC(), nil
}

// nineDigits reports whether s is exactly nine ASCII digits.
func nineDigits(s string) bool {
	return len(s) == 9 && allDigits(s)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
