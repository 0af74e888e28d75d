// Command run classifies a customer file against a sector file with
// package classify, as `motpart scb classify --sector-file` does, for
// bench/classify/compare.sh to measure against the pandas script:
//
//	go run ./bench/classify/run -sector sektor.txt -in kunder.csv -out ut.csv
//
// -sector is sektor.txt or the zip SCB sends. It prints the summary and
// how long each step took.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/classify"
)

func main() {
	sector := flag.String("sector", "", "the sector file: sektor.txt or SCB's zip")
	in := flag.String("in", "", "the customer file (CSV or XLSX)")
	out := flag.String("out", "", "the classified file to write (.csv or .xlsx)")
	column := flag.String("column", "", "the column with the numbers (default: found)")
	heap := flag.Bool("heap", false, "print the heap the index takes (forces a garbage collection)")
	flag.Parse()
	if err := run(*sector, *in, *out, *column, *heap); err != nil {
		fmt.Fprintln(os.Stderr, "run:", err)
		os.Exit(1)
	}
}

func run(sector, in, out, column string, heap bool) error {
	if sector == "" || in == "" || out == "" {
		return fmt.Errorf("name -sector, -in and -out")
	}
	start := time.Now()
	f, err := os.Open(sector)
	if err != nil {
		return err
	}
	defer f.Close()
	var idx *classify.Index
	if strings.HasSuffix(strings.ToLower(sector), ".zip") {
		st, err := f.Stat()
		if err != nil {
			return err
		}
		idx, err = classify.LoadSectorZip(f, st.Size())
		if err != nil {
			return err
		}
	} else if idx, err = classify.LoadSectorFile(f); err != nil {
		return err
	}
	loaded := time.Now()
	if heap {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		fmt.Fprintf(os.Stderr, "index: %d rows, heap %.0f MiB (%.0f bytes a row)\n",
			idx.Len(), float64(m.HeapAlloc)/(1<<20), float64(m.HeapAlloc)/float64(idx.Len()))
		loaded = time.Now()
	}
	sum, err := classify.Classify(context.Background(), classify.Input{Path: in, Column: column}, idx, classify.Output{Path: out}, nil)
	if err != nil {
		return err
	}
	done := time.Now()
	fmt.Printf("%d rows: %d matched, %d sole traders, %d not in the file, %d invalid (column %q)\n",
		sum.Rows, sum.Matched, sum.SoleTraders, sum.NotInFile, sum.Invalid, sum.Column)
	fmt.Fprintf(os.Stderr, "sector file %d rows in %.2f s, customers in %.2f s\n",
		idx.Len(), loaded.Sub(start).Seconds(), done.Sub(loaded).Seconds())
	return nil
}
