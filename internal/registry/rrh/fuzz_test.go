package rrh

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/motpart/motpart/internal/dossier"
)

// fuzzSeeds are documents for every fuzz target: the docs' examples, a
// generated file, and (when present) the reference files' first
// registrations.
func fuzzSeeds(f *testing.F) [][]byte {
	seeds := [][]byte{
		[]byte(partnerDoc), []byte(v1Doc), []byte("[]"), []byte("[" + partnerDoc + "," + v1Doc + "]"),
		[]byte(`{"organisasjonsnummer":"923609016"}` + "\n" + `{"organisasjonsnummer":"974760673"}`),
		[]byte(`{"organisasjonsnummer":"9\u0032\ud83d\ude00","x":[1.5e3,-0,true,null,{"a":"\""}]}`),
	}
	var gen bytes.Buffer
	if err := GenerateTotal(&gen, 3, 5); err != nil {
		f.Fatal(err)
	}
	seeds = append(seeds, gen.Bytes())
	if data, err := os.ReadFile(refJSON); err == nil {
		var list []json.RawMessage
		if json.Unmarshal(data, &list) == nil {
			for _, r := range list[:min(4, len(list))] {
				seeds = append(seeds, r)
			}
		}
	}
	return seeds
}

// validSequence reports whether data (after a BOM) is what the JSON
// reader must accept: an array of objects, or objects one after another.
// elements is their number.
func validSequence(data []byte) (ok bool, elements int) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return false, 0
	}
	isObject := func(raw json.RawMessage) bool {
		raw = bytes.TrimLeft(raw, " \t\r\n")
		return len(raw) > 0 && raw[0] == '{'
	}
	if trimmed[0] == '[' {
		var list []json.RawMessage
		if !json.Valid(data) || json.Unmarshal(data, &list) != nil {
			return false, 0
		}
		for _, e := range list {
			if !isObject(e) {
				return false, 0
			}
		}
		return true, len(list)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			return elements > 0, elements
		}
		if err != nil || !isObject(raw) || !json.Valid(raw) {
			return false, 0
		}
		elements++
	}
}

// checkOwners checks what a reader produced: valid UTF-8, no empty
// number, canonical codes lower case.
func checkOwners(t *testing.T, o *dossier.Owners) {
	t.Helper()
	if o.Number == "" {
		t.Fatal("a registration without a number was passed on")
	}
	strs := []string{o.Number, o.Status.Code, o.Status.Description}
	for _, bo := range o.Owners {
		strs = append(strs, bo.Name, bo.NationalID, bo.BirthDate, bo.BirthYear)
		for _, p := range bo.Positions {
			strs = append(strs, p.Type.Code, p.Type.Description, p.Other)
			if p.Type.Code != strings.ToLower(p.Type.Code) {
				t.Fatalf("code %q not lower case", p.Type.Code)
			}
		}
	}
	for _, s := range strs {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 %q", s)
		}
	}
}

// typed reports whether err is one of the readers' own errors.
func typed(err error) bool {
	var le *LimitError
	var fe *FormatError
	return errors.As(err, &le) || errors.As(err, &fe)
}

func FuzzReadTotalJSON(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, uint16(0))
	}
	f.Add([]byte("\ufeff[{\"organisasjonsnummer\":1},{}]"), uint16(5))
	f.Fuzz(func(t *testing.T, data []byte, chunk uint16) {
		lim := Limits{MaxRegistrationSize: 64 << 10, chunk: 4 + int(chunk%300)}
		var numbers []string
		st, err := lim.ReadTotalStream(oneByteReader{bytes.NewReader(data)}, JSON, func(o *dossier.Owners) error {
			checkOwners(t, o)
			numbers = append(numbers, o.Number)
			return nil
		})
		if err != nil && !typed(err) {
			t.Fatalf("untyped error %T: %v", err, err)
		}
		if st.Registrations != len(numbers) || st.Bytes > int64(len(data)) {
			t.Fatalf("stats %+v for %d registrations", st, len(numbers))
		}
		// The same with the whole input at once and the default buffer.
		var again []string
		st2, err2 := Limits{MaxRegistrationSize: 64 << 10, chunk: 4096}.ReadTotalStream(bytes.NewReader(data), JSON, func(o *dossier.Owners) error {
			again = append(again, o.Number)
			return nil
		})
		var le *LimitError
		if !errors.As(err, &le) && !errors.As(err2, &le) {
			if (err == nil) != (err2 == nil) || !slices.Equal(numbers, again) || st.Registrations != st2.Registrations {
				t.Fatalf("buffer sizes disagree: %v / %v, %q / %q", err, err2, numbers, again)
			}
		}
		// encoding/json decides what is valid.
		ok, elements := validSequence(data)
		switch {
		case ok && err != nil && !errors.As(err, &le):
			t.Fatalf("valid input refused: %v", err)
		case ok && err == nil && st.Registrations+st.Skipped != elements:
			t.Fatalf("%d+%d registrations of %d", st.Registrations, st.Skipped, elements)
		case !ok && err == nil:
			t.Fatalf("invalid input accepted: %q", data)
		}
	})
}

func FuzzParseRegistration(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		o, err := ParseRegistration(data)
		var le *LimitError
		valid := json.Valid(data)
		trimmed := bytes.TrimLeft(data, " \t\r\n")
		object := len(trimmed) > 0 && trimmed[0] == '{'
		switch {
		case err == nil:
			if !valid || !object {
				t.Fatalf("accepted invalid input %q", data)
			}
			checkOwners(t, o)
		case errors.Is(err, errNoNumber), errors.As(err, &le):
			if !valid || !object {
				t.Fatalf("%v for invalid input %q", err, data)
			}
		case errors.Is(err, errSyntax):
			if valid && object {
				t.Fatalf("valid object refused: %v", err)
			}
		default:
			t.Fatalf("untyped error %T: %v", err, err)
		}
	})
}

func FuzzReadTotalCSV(f *testing.F) {
	f.Add([]byte(csvHeader + csvRow("923609016", "A") + csvRow("923609016", "B") + csvRow("974760673", "A")))
	f.Add([]byte(csvHeader + `"923609016";"x";"";"";"";"";"";"";"";"";"";"";"";"";"";"";"";"";"";"";"linje1` + "\n" + `linje2";"";"";""` + "\n"))
	f.Add([]byte(`"reellRettighet.registreringspliktigVirksomhet.organisasjonsnummer"` + "\n\"1\"\n\"1\"\n\"2\"\n"))
	if data, err := os.ReadFile(refCSV); err == nil {
		lines := bytes.SplitAfter(data, []byte("\n"))
		f.Add(bytes.Join(lines[:min(8, len(lines))], nil))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var numbers []string
		st, err := Limits{MaxRegistrationSize: 64 << 10}.ReadTotalStream(bytes.NewReader(data), CSV, func(o *dossier.Owners) error {
			checkOwners(t, o)
			numbers = append(numbers, o.Number)
			return nil
		})
		if err != nil && !typed(err) {
			t.Fatalf("untyped error %T: %v", err, err)
		}
		if st.Registrations != len(numbers) {
			t.Fatalf("stats %+v for %d registrations", st, len(numbers))
		}
		// encoding/csv, used directly, decides how many registrations
		// there are.
		want, ok := refCSVGroups(data)
		var le *LimitError
		switch {
		case errors.As(err, &le):
		case ok && err != nil:
			t.Fatalf("readable CSV refused: %v", err)
		case !ok && err == nil:
			t.Fatalf("unreadable CSV accepted: %q", data)
		case ok && !slices.Equal(numbers, want):
			t.Fatalf("registrations %q, want %q", numbers, want)
		}
	})
}

// refCSVGroups reads data as the register's CSV with encoding/csv alone:
// the organisation numbers of consecutive groups of rows with the same
// number and registration id. ok is false when the reader must refuse it.
func refCSVGroups(data []byte) (numbers []string, ok bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil || len(rows) == 0 {
		return nil, false
	}
	orgCol, idCol := -1, -1
	for i, h := range rows[0] {
		switch normHeader(h) {
		case "reellrettighet.registreringspliktigvirksomhet.organisasjonsnummer", "reellrettighet.registreringspliktigvirksomhet.organisasjonsnummer.kode":
			if orgCol < 0 {
				orgCol = i
			}
		case "reellrettighet.registreringid":
			if idCol < 0 {
				idCol = i
			}
		}
	}
	if orgCol < 0 {
		return nil, false
	}
	var lastNr, lastID string
	started := false
	for _, row := range rows[1:] {
		if len(row) != len(rows[0]) {
			return nil, false
		}
		nr := strings.ToValidUTF8(strings.TrimSpace(row[orgCol]), "\ufffd")
		id := ""
		if idCol >= 0 {
			id = strings.ToValidUTF8(strings.TrimSpace(row[idCol]), "\ufffd")
		}
		if !started || nr != lastNr || id != lastID {
			if nr != "" {
				numbers = append(numbers, nr)
			}
			lastNr, lastID, started = nr, id, true
		}
	}
	return numbers, true
}
