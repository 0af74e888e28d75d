// Command gensektor writes a generated, realistic SCB sector file
// (sektor.txt: Latin-1, tab-separated, the headers of registries.md
// §1.2) and the zip SCB sends it in, for measuring classification:
//
//	go run ./bench/gensektor -txt bench/out/sektor.txt -zip bench/out/sektor.zip
//
// The same flags always give the same bytes (the zip's member is dated
// 2026-11-26). About 38 % of the rows are sole traders with personnummer;
// see scb.Generator. bench/gencustomers draws its customers from the same
// rows. Never commit the output (bench/out/ is ignored).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/motpart/motpart/internal/sandbox/scb"
)

func main() {
	rows := flag.Int("rows", 1_200_000, "how many rows to write")
	seed := flag.Int64("seed", 1, "the generator's seed")
	variant := flag.String("variant", string(scb.VariantStandard), "the header variant: standard, bransch1p, textfirst, crlf or shuffled")
	txt := flag.String("txt", "", "write sektor.txt to this path")
	zipPath := flag.String("zip", "", "write the zip holding sektor.txt to this path")
	flag.Parse()
	if err := run(*rows, *seed, scb.Variant(*variant), *txt, *zipPath); err != nil {
		fmt.Fprintln(os.Stderr, "gensektor:", err)
		os.Exit(1)
	}
}

func run(rows int, seed int64, v scb.Variant, txt, zipPath string) error {
	switch {
	case txt == "" && zipPath == "":
		return errors.New("name a -txt or -zip path (or both)")
	case rows < 0 || rows > scb.MaxGenerated:
		return fmt.Errorf("-rows %d: want 0 to %d", rows, scb.MaxGenerated)
	}
	g := scb.NewGenerator(seed)
	if txt != "" {
		if err := writeFile(txt, func(w io.Writer) error { return scb.WriteSectorFile(w, v, g.Rows(rows)) }); err != nil {
			return err
		}
	}
	if zipPath != "" {
		modified := time.Date(2026, 11, 26, 6, 0, 0, 0, time.UTC)
		if err := writeFile(zipPath, func(w io.Writer) error { return scb.WriteSectorZip(w, v, modified, g.Rows(rows)) }); err != nil {
			return err
		}
	}
	return nil
}

// writeFile writes path through a temporary file beside it, renamed only
// when whole.
func writeFile(path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".gensektor-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.Rename(f.Name(), path)
}
