// Command gentotal writes a generated full download of the Register of
// beneficial owners (totalbestand, a JSON array) of about the size asked,
// for measuring imports:
//
//	go run ./bench/gentotal -mb 500 > totalbestand.json
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/motpart/motpart/internal/registry/rrh"
)

func main() {
	mb := flag.Int("mb", 50, "about how many megabytes to write")
	seed := flag.Int64("seed", 1, "random seed")
	flag.Parse()
	// A generated registration is about 4.6 KB of JSON.
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	if err := rrh.GenerateTotal(w, *mb*1_000_000/4640, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gentotal:", err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gentotal:", err)
		os.Exit(1)
	}
}
