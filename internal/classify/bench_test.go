package classify

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// benchSector returns a generated sector file of n rows, Latin-1, about
// 140 bytes a row like the real one.
func benchSector(b *testing.B, n int) []byte {
	b.Helper()
	var buf bytes.Buffer
	buf.WriteString(toLatin1(b, scbHeader) + "\n")
	for i := range n {
		org := withCheck(fmt.Sprintf("55%07d", 2_000_000+i))
		fmt.Fprintf(&buf, "16%s\t%s\tF\xf6retag %d \xc5kerier AB\t112000\t\xd6vriga icke-finansiella bolag\t%05d\t%s\tElinstallationer\t30\tSvenskt privat \xe4gande\t49\t\xd6vriga aktiebolag\n",
			org, org, i, 43210+i%200, "43.210")
	}
	return buf.Bytes()
}

// BenchmarkLoadSectorFile reads a 200,000-row sector file into an Index;
// MB/s are of the file.
func BenchmarkLoadSectorFile(b *testing.B) {
	data := benchSector(b, 200_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		x, err := LoadSectorFile(bytes.NewReader(data))
		if err != nil || x.Len() != 200_000 {
			b.Fatal(err, x.Len())
		}
	}
}

// BenchmarkClassify classifies a 20,000-row customer CSV; MB/s are of the
// customer file.
func BenchmarkClassify(b *testing.B) {
	x, err := LoadSectorFile(bytes.NewReader(benchSector(b, 100_000)))
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	buf.WriteString("Kundnummer;Kundnamn;Organisationsnummer;Postort\n")
	for i := range 20_000 {
		org := withCheck(fmt.Sprintf("55%07d", 2_000_000+i*5))
		fmt.Fprintf(&buf, "%d;Kund %d AB;%s-%s;G\u00f6teborg\n", i, i, org[:6], org[6:])
	}
	in := writeFile(b, "kunder.csv", buf.Bytes())
	out := filepath.Join(b.TempDir(), "ut.csv")
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		sum, err := Classify(context.Background(), Input{Path: in, Now: testNow}, x, Output{Path: out}, nil)
		if err != nil || sum.Matched != 20_000 {
			b.Fatal(err, sum.Matched)
		}
	}
	os.Remove(out)
}
