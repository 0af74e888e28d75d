package rrh

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/ident"
)

// The change log (endringslogg) of the v1 API [U]. What is public (specs
// §4.3, brreg's guide): GET /sekvensnummer with a point in time gives the
// sequence number to start from; GET /endringslogg from a sequence number
// gives the changes after it, as CloudEvents (specversion, id, source,
// type, time, data with the organisation number); the last change's id is
// the next starting point. The parameter names, the wrapping of the list
// and the page size are not public. This client therefore:
//
//   - sends GET {ChangesPath}?sekvensnummer=N and
//     GET {SequencePath}?tidspunkt=RFC3339 (UTC);
//   - reads a JSON array of events, or an object holding one (the first
//     member that is an array, looked for also under "_embedded"), or
//     JSON Lines;
//   - takes the sequence number from "id" (a number or a numeric string),
//     else "sekvensnummer"; the organisation number from
//     data.organisasjonsnummer, else "subject", else a 9-digit number at
//     the end of "source";
//   - keeps only changes after N, sorted by sequence number, whatever the
//     server sends, so that "after" or "from" semantics both work.
//
// Sequence reads a bare number, or an object's "sekvensnummer", "id" or
// "value".

// Change is one entry of the change log: the registration of OrgNr
// changed, and should be looked up again.
type Change struct {
	// Seq is the entry's sequence number: the cursor for the next call.
	Seq int64
	// OrgNr is the organisation whose registration changed.
	OrgNr string
	// Time is when it changed (UTC); zero when not given.
	Time time.Time
	// Type is the CloudEvents type, e.g.
	// "no.brreg.rrh.rettighetsinformasjon.klargjortForRegistrering".
	Type string
}

// maxChanges bounds one answer of the change log.
const maxChanges = 100_000

// Changes returns the entries of the change log after sequence number
// after, oldest first. Call it again with the last Seq for more; an empty
// list means there is nothing new. Failures are *Error, as Owners gives.
func (c *Client) Changes(ctx context.Context, after int64) ([]Change, error) {
	const op = "endringslogg"
	q := url.Values{"sekvensnummer": {strconv.FormatInt(after, 10)}}
	resp, err := c.get(ctx, op, c.cfg.ChangesPath, q, "application/json")
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, statusError(op, resp)
	}
	changes, err := parseChanges(resp.Body)
	if err != nil {
		return nil, &Error{Op: op, Code: CodeMalformed, StatusCode: resp.StatusCode, Err: err}
	}
	out := changes[:0]
	for _, ch := range changes {
		if ch.Seq > after {
			out = append(out, ch)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out, nil
}

// Sequence returns the change log's sequence number at time at: the
// starting point for Changes after a full download made at about that
// time (brreg advises a few days before the download).
func (c *Client) Sequence(ctx context.Context, at time.Time) (int64, error) {
	const op = "sekvensnummer"
	q := url.Values{"tidspunkt": {at.UTC().Format(time.RFC3339)}}
	resp, err := c.get(ctx, op, c.cfg.SequencePath, q, "application/json")
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, statusError(op, resp)
	}
	n, err := parseSequence(resp.Body)
	if err != nil {
		return 0, &Error{Op: op, Code: CodeMalformed, StatusCode: resp.StatusCode, Err: err}
	}
	return n, nil
}

// parseSequence reads a sequence number answer.
func parseSequence(body []byte) (int64, error) {
	body = bytes.TrimSpace(body)
	if n, ok := seqValue(body); ok {
		return n, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(body, &obj); err != nil {
		return 0, errors.New("not a sequence number")
	}
	for _, k := range []string{"sekvensnummer", "id", "value"} {
		if n, ok := seqValue(obj[k]); ok {
			return n, nil
		}
	}
	return 0, errors.New("no sequence number in the answer")
}

// seqValue reads a number or a numeric string.
func seqValue(raw json.RawMessage) (int64, bool) {
	s := strings.TrimSpace(string(raw))
	s = strings.TrimSuffix(strings.TrimPrefix(s, `"`), `"`)
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && n >= 0
}

// event is a CloudEvent of the change log, leniently.
type event struct {
	ID            json.RawMessage `json:"id"`
	Sekvensnummer json.RawMessage `json:"sekvensnummer"`
	Type          string          `json:"type"`
	Time          string          `json:"time"`
	Subject       string          `json:"subject"`
	Source        string          `json:"source"`
	Data          struct {
		Organisasjonsnummer json.RawMessage `json:"organisasjonsnummer"`
	} `json:"data"`
}

// parseChanges reads a change log answer.
func parseChanges(body []byte) ([]Change, error) {
	list, err := eventList(bytes.TrimSpace(body))
	if err != nil {
		return nil, err
	}
	if len(list) > maxChanges {
		return nil, fmt.Errorf("more than %d changes in one answer", maxChanges)
	}
	out := make([]Change, 0, len(list))
	for _, raw := range list {
		var e event
		if err := json.Unmarshal(raw, &e); err != nil {
			return nil, fmt.Errorf("a change is not a JSON object: %w", err)
		}
		seq, ok := seqValue(e.ID)
		if !ok {
			seq, ok = seqValue(e.Sekvensnummer)
		}
		if !ok {
			return nil, errors.New("a change has no sequence number (id)")
		}
		org, _ := strconv.Unquote(strings.TrimSpace(string(e.Data.Organisasjonsnummer)))
		if org == "" {
			org = strings.TrimSpace(string(e.Data.Organisasjonsnummer))
		}
		if n, ok := ident.NineDigits(org); ok {
			org = n
		} else if n, ok := ident.NineDigits(e.Subject); ok {
			org = n
		} else if i := strings.LastIndexByte(e.Source, '/'); i >= 0 {
			if n, ok := ident.NineDigits(e.Source[i+1:]); ok {
				org = n
			} else {
				org = ""
			}
		} else {
			org = ""
		}
		if org == "" {
			return nil, fmt.Errorf("change %d names no organisation number", seq)
		}
		ch := Change{Seq: seq, OrgNr: org, Type: e.Type}
		if t, ok := parseTime([]byte(e.Time)); ok {
			ch.Time = t
		}
		out = append(out, ch)
	}
	return out, nil
}

// eventList finds the list of events in an answer.
func eventList(body []byte) ([]json.RawMessage, error) {
	if len(body) == 0 {
		return nil, nil
	}
	switch body[0] {
	case '[':
		var list []json.RawMessage
		if err := json.Unmarshal(body, &list); err != nil {
			return nil, errors.New("not a JSON list of changes")
		}
		return list, nil
	case '{':
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(body, &obj); err != nil {
			// JSON Lines: one event per line.
			var list []json.RawMessage
			dec := json.NewDecoder(bytes.NewReader(body))
			for dec.More() {
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return nil, errors.New("not JSON")
				}
				list = append(list, raw)
			}
			return list, nil
		}
		if _, ok := obj["specversion"]; ok {
			return []json.RawMessage{body}, nil
		}
		if emb, ok := obj["_embedded"]; ok {
			if list, err := eventList(bytes.TrimSpace(emb)); err == nil && list != nil {
				return list, nil
			}
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v := bytes.TrimSpace(obj[k])
			if len(v) > 0 && v[0] == '[' {
				return eventList(v)
			}
		}
		return []json.RawMessage{}, nil
	}
	return nil, errors.New("not JSON")
}
