package sheet

import (
	"bytes"
	"errors"
	"os"
	"testing"
)

func FuzzXLSXReader(f *testing.F) {
	p := makeXLSX(f, [][]any{{"Kund", "Orgnr"}, {"Åkeri", 5560747569}, {"Anna", "811218-9876"}})
	seed, err := os.ReadFile(p)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(makeZip(f, zipEntry{"[Content_Types].xml", "<Types/>", 8}))
	f.Fuzz(func(t *testing.T, data []byte) {
		x, err := NewXLSXReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			var fe *FormatError
			var le *LimitError
			if !errors.As(err, &fe) && !errors.As(err, &le) {
				t.Fatalf("error of an unexpected type %T: %v", err, err)
			}
			return
		}
		defer x.Close()
		for range 10000 {
			if _, err := x.Next(); err != nil {
				return
			}
		}
	})
}
