package scb

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/motpart/motpart/internal/problem"
)

// CodeCache keeps SCB's code tables between runs (the desk keeps them in
// the vault). Both methods are safe to call concurrently; Put may fail
// silently: a table not kept is asked again next time.
type CodeCache interface {
	// Table returns the table of a category, code → text, if kept.
	Table(category string) (map[string]string, bool)
	// PutTable keeps the table of a category.
	PutTable(category string, table map[string]string)
}

// The categories of kodtabell the look-up fills texts from.
const (
	CategorySector        = "Sektor"
	CategoryOwnerCategory = "Ägarkategori"
	CategoryLegalForm     = "JuridiskForm"
	CategorySeat          = "SätesKommun"
)

// Codes returns the code table of a category (POST api/Je/kodtabell
// {"Kategori": category}), code → text: from memory, else the cache, else
// SCB.
func (c *Client) Codes(ctx context.Context, category string) (map[string]string, error) {
	c.mu.Lock()
	t, ok := c.codes[category]
	c.mu.Unlock()
	if ok {
		return t, nil
	}
	if c.cfg.Codes != nil {
		if t, ok := c.cfg.Codes.Table(category); ok && len(t) > 0 {
			c.keep(category, t)
			return t, nil
		}
	}
	const op = "kodtabell"
	body, err := c.post(ctx, op, "/api/Je/kodtabell", map[string]string{"Kategori": category})
	if err != nil {
		return nil, err
	}
	t, err = parseCodes(body)
	if err != nil {
		return nil, &Error{Op: op, Code: problem.CodeUnreadableAnswer, Err: err}
	}
	c.keep(category, t)
	if c.cfg.Codes != nil {
		c.cfg.Codes.PutTable(category, t)
	}
	return t, nil
}

// keep holds a table in memory for the client's life.
func (c *Client) keep(category string, t map[string]string) {
	c.mu.Lock()
	c.codes[category] = t
	c.mu.Unlock()
}

// codeEntry is one row of a code table.
type codeEntry struct {
	Varde string `json:"Varde"`
	Text  string `json:"Text"`
}

// parseCodes reads a kodtabell answer: {"VardeLista":[{"Varde","Text"}]}
// or the list alone.
func parseCodes(body []byte) (map[string]string, error) {
	var wrapped struct {
		VardeLista []codeEntry `json:"VardeLista"`
	}
	var list []codeEntry
	if err := json.Unmarshal(body, &wrapped); err == nil && wrapped.VardeLista != nil {
		list = wrapped.VardeLista
	} else if err := json.Unmarshal(body, &list); err != nil {
		return nil, err
	}
	t := make(map[string]string, len(list))
	for _, e := range list {
		if code := strings.TrimSpace(e.Varde); code != "" {
			t[code] = strings.TrimSpace(e.Text)
		}
	}
	return t, nil
}
