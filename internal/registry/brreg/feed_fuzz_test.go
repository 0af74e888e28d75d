package brreg

import (
	"testing"
	"time"
)

// FuzzParseUnitFeed checks that whatever a unit feed's page holds, the
// parser either refuses it or returns entries a cursor can trust: 9-digit
// numbers, increasing ids from the one asked, UTC times, at most size.
func FuzzParseUnitFeed(f *testing.F) {
	f.Add([]byte(unitPage), false, int64(0), 10)
	f.Add([]byte(unitPage), false, int64(9400340), 2)
	f.Add([]byte(subUnitPage), true, int64(5), 1)
	f.Add([]byte(`{"_links":{}}`), false, int64(1), 20)
	f.Add([]byte(`{"_embedded":{"oppdaterteEnheter":[{"oppdateringsid":"7","dato":"2026-01-01T00:00:00.1234567890123Z","organisasjonsnummer":"123456789"}]}}`), false, int64(0), 5)
	f.Add([]byte(`{"_embedded":{"oppdaterteEnheter":null}}`), false, int64(0), 5)
	f.Add([]byte(`[]`), true, int64(-1), 0)
	f.Fuzz(func(t *testing.T, data []byte, sub bool, from int64, size int) {
		size = max(1, min(size, MaxFeedPage))
		got, err := parseUnitFeed(data, sub, from, size)
		if err != nil {
			if got != nil {
				t.Errorf("entries %v with an error", got)
			}
			return
		}
		if len(got) > size {
			t.Errorf("%d entries, at most %d asked", len(got), size)
		}
		prev := int64(0)
		if from > 0 {
			prev = from - 1
		}
		for _, c := range got {
			if c.ID <= prev || c.ID <= 0 {
				t.Errorf("id %d after %d (from %d)", c.ID, prev, from)
			}
			prev = c.ID
			if !nineDigits(c.OrgNr) {
				t.Errorf("number %q", c.OrgNr)
			}
			if c.Time.IsZero() || c.Time.Location() != time.UTC {
				t.Errorf("time %v", c.Time)
			}
		}
	})
}

// FuzzParseRoleFeed checks the role feed's parser the same way.
func FuzzParseRoleFeed(f *testing.F) {
	f.Add([]byte(rolePage), int64(0), 10)
	f.Add([]byte(rolePage), int64(124), 10)
	f.Add([]byte(`[]`), int64(5), 1)
	f.Add([]byte(`[{"id":7,"time":"2026-01-01T00:00:00Z","data":{"organisasjonsnummer":"123456789"}}]`), int64(0), 1)
	f.Add([]byte(`[{"id":"-7","time":"2026-01-01T00:00:00+14:00","data":{"organisasjonsnummer":"123456789"}}]`), int64(0), 1)
	f.Add([]byte(`{}`), int64(0), 1)
	f.Fuzz(func(t *testing.T, data []byte, afterID int64, size int) {
		size = max(1, min(size, MaxFeedPage))
		got, err := parseRoleFeed(data, afterID, size)
		if err != nil {
			if got != nil {
				t.Errorf("events %v with an error", got)
			}
			return
		}
		if len(got) > size {
			t.Errorf("%d events, at most %d asked", len(got), size)
		}
		prev := afterID
		for _, e := range got {
			if e.ID == "" || e.Seq < 0 {
				t.Errorf("id %q seq %d", e.ID, e.Seq)
			}
			if e.Seq > 0 {
				if e.Seq <= prev {
					t.Errorf("seq %d after %d", e.Seq, prev)
				}
				prev = e.Seq
			}
			if !nineDigits(e.OrgNr) {
				t.Errorf("number %q", e.OrgNr)
			}
			if e.Time.IsZero() || e.Time.Location() != time.UTC {
				t.Errorf("time %v", e.Time)
			}
		}
	})
}
