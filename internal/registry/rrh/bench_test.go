package rrh

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"sync"
	"testing"

	"github.com/motpart/motpart/internal/dossier"
)

// benchRegistrations makes a generated file of about 50 MB, indented as
// brreg's example file is.
const benchRegistrations = 11_000

// benchFiles are made once per test binary: the indented file, the same
// compact, and the indented one zipped.
type benchSet struct{ indented, compact, zipped []byte }

var benchSetOnce = sync.OnceValue(func() benchSet {
	var b bytes.Buffer
	if err := GenerateTotal(&b, benchRegistrations, 1); err != nil {
		panic(err)
	}
	indented := b.Bytes()
	var c bytes.Buffer
	if err := json.Compact(&c, indented); err != nil {
		panic(err)
	}
	var z bytes.Buffer
	zw := zip.NewWriter(&z)
	w, _ := zw.Create("reelle_rettigheter.json")
	w.Write(indented)
	zw.Close()
	return benchSet{indented, c.Bytes(), z.Bytes()}
})

func benchFiles() (indented, compact, zipped []byte) {
	s := benchSetOnce()
	return s.indented, s.compact, s.zipped
}

func benchStream(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		st, err := ReadTotalStream(bytes.NewReader(data), JSON, func(*dossier.Owners) error { return nil })
		if err != nil || st.Registrations != benchRegistrations {
			b.Fatal(st, err)
		}
	}
}

// BenchmarkReadTotal reads a generated full register of about 50 MB
// (indented JSON, as brreg's example).
func BenchmarkReadTotal(b *testing.B) {
	indented, _, _ := benchFiles()
	benchStream(b, indented)
}

// BenchmarkReadTotalCompact reads the same without white space: fewer
// bytes, the same registrations.
func BenchmarkReadTotalCompact(b *testing.B) {
	_, compact, _ := benchFiles()
	benchStream(b, compact)
}

// BenchmarkReadTotalZip reads it zipped, as downloaded; MB/s are of the
// uncompressed data.
func BenchmarkReadTotalZip(b *testing.B) {
	indented, _, zipped := benchFiles()
	b.SetBytes(int64(len(indented)))
	b.ReportAllocs()
	for b.Loop() {
		st, err := ReadTotal(bytes.NewReader(zipped), int64(len(zipped)), func(*dossier.Owners) error { return nil })
		if err != nil || st.Registrations != benchRegistrations {
			b.Fatal(st, err)
		}
	}
}

// BenchmarkReadTotalCSV reads the reference CSV, repeated.
func BenchmarkReadTotalCSV(b *testing.B) {
	data := readRef(b, refCSV)
	header, rest, _ := bytes.Cut(data, []byte("\n"))
	var big bytes.Buffer
	big.Write(header)
	big.WriteByte('\n')
	for big.Len() < 20<<20 {
		big.Write(rest)
	}
	all := big.Bytes()
	b.SetBytes(int64(len(all)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadTotalStream(bytes.NewReader(all), CSV, func(*dossier.Owners) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseRegistration(b *testing.B) {
	data := []byte(partnerDoc)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseRegistration(data); err != nil {
			b.Fatal(err)
		}
	}
}
