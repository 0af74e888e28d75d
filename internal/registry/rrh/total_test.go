package rrh

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/dossier"
)

func generated(t testing.TB, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := GenerateTotal(&b, n, 42); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func discard(*dossier.Owners) error { return nil }

func wantLimit(t *testing.T, err error, limit string) *LimitError {
	t.Helper()
	var le *LimitError
	if !errors.As(err, &le) || le.Limit != limit {
		t.Fatalf("err = %v, want the %s limit", err, limit)
	}
	if ErrorCode(err) != "limit_"+limit {
		t.Errorf("ErrorCode = %q", ErrorCode(err))
	}
	return le
}

// rawZip makes a zip with one entry whose compressed data is given as is,
// with the header sizes and CRC given (they may lie).
func rawZip(t *testing.T, name string, method uint16, compressed []byte, crc uint32, size uint64) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: method, CRC32: crc,
		CompressedSize64: uint64(len(compressed)), UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(compressed)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func deflate(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	fw, _ := flate.NewWriter(&b, flate.BestSpeed)
	fw.Write(data)
	fw.Close()
	return b.Bytes()
}

// measure runs f and returns the bytes it allocated.
func measure(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestZipEntryTooLarge(t *testing.T) {
	data := generated(t, 1000) // about 3.5 MB
	lim := Limits{MaxEntrySize: 1 << 20}

	// Honest headers.
	z := zipOf(t, zip.Deflate, "reelle.json", data)
	_, err := lim.ReadTotal(bytes.NewReader(z), int64(len(z)), discard)
	le := wantLimit(t, err, LimitEntrySize)
	if le.Entry != "reelle.json" || le.Offset != 1<<20+1 {
		t.Errorf("%+v", le)
	}

	// The header says 100 bytes: the bytes are counted anyway.
	comp := deflate(t, data)
	z = rawZip(t, "reelle.json", zip.Deflate, comp, crc32.ChecksumIEEE(data), 100)
	_, err = lim.ReadTotal(bytes.NewReader(z), int64(len(z)), discard)
	wantLimit(t, err, LimitEntrySize)

	// Within the limit, a lying header is a format error.
	_, err = Limits{}.ReadTotal(bytes.NewReader(z), int64(len(z)), discard)
	var fe *FormatError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "header says 100") {
		t.Errorf("err = %v", err)
	}
	// And so is a wrong CRC.
	z = rawZip(t, "reelle.json", zip.Deflate, comp, 12345, uint64(len(data)))
	if _, err = (Limits{}).ReadTotal(bytes.NewReader(z), int64(len(z)), discard); !errors.Is(err, zip.ErrChecksum) {
		t.Errorf("err = %v, want a checksum error", err)
	}
}

// TestZipBomb: an entry of 256 MiB of white space inside a JSON array,
// compressed a thousand times, is refused after about a MiB, quickly and
// with little memory.
func TestZipBomb(t *testing.T) {
	comp, crc := bomb(t, "[", 256, "]")
	const size = 256<<20 + 2
	t.Logf("%d bytes compressed to %d (ratio %d)", size, len(comp), size/len(comp))
	z := rawZip(t, "bomb.json", zip.Deflate, comp, crc, size)

	start := time.Now()
	var err error
	alloc := measure(func() {
		_, err = ReadTotal(bytes.NewReader(z), int64(len(z)), discard)
	})
	le := wantLimit(t, err, LimitRatio)
	if le.Offset > 2<<20 {
		t.Errorf("refused after %d bytes, want about 1 MiB", le.Offset)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
	if alloc > 8<<20 {
		t.Errorf("allocated %d bytes", alloc)
	}
}

// bomb makes a deflate stream of prefix, mib MiB of spaces and suffix,
// without compressing it all: the block that encodes one MiB of spaces
// after spaces is made once and repeated (sync-flushed blocks end on a
// byte boundary, and its back references only reach spaces).
func bomb(t *testing.T, prefix string, mib int, suffix string) ([]byte, uint32) {
	t.Helper()
	spaces := bytes.Repeat([]byte(" "), 1<<20)
	var b bytes.Buffer
	fw, _ := flate.NewWriter(&b, flate.BestCompression)
	fw.Write([]byte(prefix))
	fw.Write(spaces)
	fw.Flush()
	head := b.Len()
	fw.Write(spaces)
	fw.Flush()
	unit := bytes.Clone(b.Bytes()[head:])
	b.Truncate(head)
	var out bytes.Buffer
	out.Write(b.Bytes())
	for range mib - 1 {
		out.Write(unit)
	}
	var tail bytes.Buffer
	fw.Reset(&tail)
	fw.Write([]byte(suffix))
	fw.Close()
	out.Write(tail.Bytes())
	crc := crc32.Update(0, crc32.IEEETable, []byte(prefix))
	for range mib {
		crc = crc32.Update(crc, crc32.IEEETable, spaces)
	}
	crc = crc32.Update(crc, crc32.IEEETable, []byte(suffix))
	return out.Bytes(), crc
}

func TestBombHelper(t *testing.T) {
	comp, crc := bomb(t, "[", 3, "]")
	got, err := io.ReadAll(flate.NewReader(bytes.NewReader(comp)))
	want := "[" + strings.Repeat(" ", 3<<20) + "]"
	if err != nil || string(got) != want || crc32.ChecksumIEEE(got) != crc {
		t.Fatalf("%d bytes, %v", len(got), err)
	}
}

func TestZipTooManyEntries(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := range 17 {
		w, _ := zw.Create(fmt.Sprintf("part%02d.json", i))
		w.Write([]byte("[]"))
	}
	zw.Close()
	z := b.Bytes()
	_, err := ReadTotal(bytes.NewReader(z), int64(len(z)), discard)
	wantLimit(t, err, LimitEntries)
	if st, err := (Limits{MaxEntries: 17}).ReadTotal(bytes.NewReader(z), int64(len(z)), discard); err != nil || st.Registrations != 0 {
		t.Errorf("17 allowed: %+v, %v", st, err)
	}

	// A zip that announces 60 000 entries is refused before its central
	// directory is read.
	one := zipOf(t, zip.Store, "a.json", []byte("[]"))
	i := bytes.LastIndex(one, []byte("PK\x05\x06"))
	binary.LittleEndian.PutUint16(one[i+8:], 60000)
	binary.LittleEndian.PutUint16(one[i+10:], 60000)
	_, err = ReadTotal(bytes.NewReader(one), int64(len(one)), discard)
	wantLimit(t, err, LimitEntries)
}

func TestZipContents(t *testing.T) {
	data := generated(t, 50)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	zw.Create("docs/")
	w, _ := zw.Create("docs/LESMEG.txt")
	w.Write([]byte("ignored"))
	w, _ = zw.CreateHeader(&zip.FileHeader{Name: "docs/reelle.JSON", Method: zip.Store})
	w.Write(data)
	zw.Close()
	z := b.Bytes()
	st, err := ReadTotal(bytes.NewReader(z), int64(len(z)), discard)
	if err != nil || st.Registrations != 50 || st.Bytes != int64(len(data)) {
		t.Errorf("%+v, %v", st, err)
	}

	none := zipOf(t, zip.Deflate, "LESMEG.txt", []byte("nothing"))
	var fe *FormatError
	if _, err := ReadTotal(bytes.NewReader(none), int64(len(none)), discard); !errors.As(err, &fe) {
		t.Errorf("no data: %v", err)
	}
	if _, err := ReadTotal(bytes.NewReader(data), int64(len(data)), discard); !errors.As(err, &fe) {
		t.Errorf("not a zip: %v", err)
	}
	bad := zipOf(t, zip.Deflate, "a.json", data)
	copy(bad[60:], bytes.Repeat([]byte{0xff}, 200)) // corrupt the compressed data
	if _, err := ReadTotal(bytes.NewReader(bad), int64(len(bad)), discard); !errors.As(err, &fe) {
		t.Errorf("corrupt: %v", err)
	}
}

func TestStreamLimits(t *testing.T) {
	reg := func(owners int, name string) string {
		var b strings.Builder
		b.WriteString(`{"registreringspliktigVirksomhet":{"organisasjonsnummer":"923609016"},"reelleRettighetshavere":[`)
		for i := range owners {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"utenlandskPerson":{"fulltNavn":%q},"posisjoner":[{"type":{"kode":"posisjontype.eier"}}]}`, name)
		}
		b.WriteString("]}")
		return b.String()
	}
	for _, tc := range []struct {
		name  string
		lim   Limits
		data  string
		kind  Kind
		limit string
	}{
		{"registration size", Limits{MaxRegistrationSize: 4096}, "[" + reg(100, "A") + "]", JSON, LimitRegistrationSize},
		{"one huge string", Limits{}, "[" + reg(1, strings.Repeat("x", 3<<20)) + "]", JSON, LimitRegistrationSize},
		{"owners", Limits{MaxOwners: 3}, "[" + reg(4, "A") + "]", JSON, LimitOwners},
		{"csv field", Limits{}, csvHeader + `"923609016";"` + strings.Repeat("x", 3<<20) + `"` + "\n", CSV, LimitRegistrationSize},
		{"csv rows", Limits{MaxRegistrationSize: 2048}, csvHeader + strings.Repeat(csvRow("923609016", "ANNE"), 40), CSV, LimitRegistrationSize},
		{"csv owners", Limits{MaxOwners: 2}, csvHeader + csvRow("923609016", "A") + csvRow("923609016", "B") + csvRow("923609016", "C"), CSV, LimitOwners},
		{"csv positions", Limits{MaxPositions: 2}, csvHeader + strings.Repeat(csvRow("923609016", "A"), 3), CSV, LimitPositions},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			alloc := measure(func() {
				_, err = tc.lim.ReadTotalStream(strings.NewReader(tc.data), tc.kind, discard)
			})
			wantLimit(t, err, tc.limit)
			if alloc > 24<<20 {
				t.Errorf("allocated %d bytes", alloc)
			}
		})
	}
}

// csvHeader is the reference file's header.
const csvHeader = "\ufeff" + `"reellRettighet.registreringspliktigVirksomhet.organisasjonsnummer";"reellRettighet.registreringId";"reellRettighet.registrertDato";"reellRettighet.reelleRettighetshavereStatus";"reellRettighetshaver.folkeregistrertPerson.fødselsEllerDNummer";"reellRettighetshaver.folkeregistrertPerson.fødselsdato";"reellRettighetshaver.folkeregistrertPerson.fødselsår";"reellRettighetshaver.folkeregistrertPerson.fornavn";"reellRettighetshaver.folkeregistrertPerson.mellomnavn";"reellRettighetshaver.folkeregistrertPerson.etternavn";"reellRettighetshaver.folkeregistrertPerson.erDød";"reellRettighetshaver.folkeregistrertPerson.statsborgerskap";"reellRettighetshaver.utenlandskPerson.fødselsdato";"reellRettighetshaver.utenlandskPerson.fødselsår";"reellRettighetshaver.utenlandskPerson.fulltNavn";"reellRettighetshaver.utenlandskPerson.statsborgerskap";"reellRettighetshaver.bostedsland";"reellRettighetshaver.erUnntattFraInnsyn";"reellRettighetshaver.posisjon";"reellRettighetshaver.posisjon.størrelseintervall";"reellRettighetshaver.posisjon.beskrivelseAnnenMåte";"reellRettighetshaver.posisjon.grunnlag";"reellRettighetshaver.førstRegistrertDato";"reellRettighetshaver.endretDato"` + "\n"

// csvRow is a row for a foreign owner named name, owning 25–50 %.
func csvRow(orgnr, name string) string {
	return `"` + orgnr + `";"id-1";"2022-11-29T12:10:51.581173Z";"Virksomheten har meldt at de har reelle rettighetshavere, og at alle reelle rettighetshavere er identifisert";"";"";"";"";"";"";"";"";"1983-12-01";"1983";"` + name + `";"Sverige";"Sverige";"false";"Eierskap";"25,01% - 49,99%";"";"Indirekte";"2022-12-15T16:48:58.640894Z";"2022-12-15T16:48:58.640894Z"` + "\n"
}

func TestStreamFormats(t *testing.T) {
	one := `{"registreringspliktigVirksomhet":{"organisasjonsnummer":"923609016"}}`
	for _, tc := range []struct {
		name string
		data string
		kind Kind
		regs int
		err  string
	}{
		{"empty array", "[]", Detect, 0, ""},
		{"white space and BOM", "\ufeff \n [ " + one + " , " + one + " ]\n", Detect, 2, ""},
		{"JSON lines", one + "\n" + one + "\n", Detect, 2, ""},
		{"without number skipped", `[{"reelleRettighetshavere":[]},` + one + "]", JSON, 1, ""},
		{"empty", "", Detect, 0, "empty"},
		{"only white space", " \n", JSON, 0, "empty"},
		{"cut short", "[" + one + "," + one[:30], JSON, 0, "cut short"},
		{"cut after comma", "[" + one + ",", JSON, 0, "cut short"},
		{"no closing bracket", "[" + one, JSON, 0, "cut short"},
		{"trailing comma", "[" + one + ",]", JSON, 0, "','"},
		{"after the array", "[" + one + "] x", JSON, 0, "after the end"},
		{"not objects", "[1,2]", JSON, 0, "not a JSON object"},
		{"broken element", `[{"registreringspliktigVirksomhet":{"organisasjonsnummer":"923609016"},]`, JSON, 0, "member name"},
		{"not JSON", "hello", JSON, 0, "not a JSON array"},
		{"csv header only", csvHeader, Detect, 0, ""},
		{"csv without the number column", `"a";"b"` + "\n" + `"1";"2"` + "\n", CSV, 0, "no organisation number column"},
		{"csv wrong field count", csvHeader + `"923609016";"x"` + "\n", CSV, 0, "fields"},
		{"csv bad quotes", csvHeader + `"923609016";"x"y"` + "\n", CSV, 0, "line 2"},
		{"csv two registrations", csvHeader + csvRow("923609016", "A") + csvRow("923609016", "B") + csvRow("974760673", "A"), Detect, 2, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := ReadTotalStream(strings.NewReader(tc.data), tc.kind, discard)
			if tc.err != "" {
				var fe *FormatError
				if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want a FormatError with %q", err, tc.err)
				}
				if ErrorCode(err) != CodeMalformed {
					t.Errorf("code %q", ErrorCode(err))
				}
				return
			}
			if err != nil || st.Registrations != tc.regs {
				t.Fatalf("%+v, %v", st, err)
			}
		})
	}
}

func TestStreamSmallReads(t *testing.T) {
	// Readers that give little at a time, and buffers of every size, so
	// that registrations are cut at every edge.
	data := generated(t, 300)
	numbers := func(lim Limits, r io.Reader) ([]string, Stats, error) {
		var out []string
		st, err := lim.ReadTotalStream(r, Detect, func(o *dossier.Owners) error {
			out = append(out, fmt.Sprintf("%s/%d/%s", o.Number, len(o.Owners), o.Registered.Format(time.RFC3339Nano)))
			return nil
		})
		return out, st, err
	}
	want, wantSt, err := numbers(Limits{}, bytes.NewReader(data))
	if err != nil || len(want) != 300 {
		t.Fatal(len(want), err)
	}
	for _, chunk := range []int{4, 7, 64, 1000, 4096, 100_000} {
		for name, r := range map[string]io.Reader{
			"one byte": oneByteReader{bytes.NewReader(data)},
			"whole":    bytes.NewReader(data),
		} {
			got, st, err := numbers(Limits{chunk: chunk}, r)
			if err != nil || st != wantSt || !slices.Equal(got, want) {
				t.Errorf("chunk %d, %s: %+v, %v", chunk, name, st, err)
			}
		}
	}
}

type oneByteReader struct{ r io.Reader }

func (o oneByteReader) Read(p []byte) (int, error) {
	if len(p) > 1 {
		p = p[:1]
	}
	return o.r.Read(p)
}

func TestCallbackError(t *testing.T) {
	stop := errors.New("vault full")
	data := generated(t, 10)
	n := 0
	_, err := ReadTotalStream(bytes.NewReader(data), JSON, func(*dossier.Owners) error {
		if n++; n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("err = %v after %d", err, n)
	}
	_, err = ReadTotalStream(strings.NewReader(csvHeader+csvRow("923609016", "A")), CSV, func(*dossier.Owners) error { return stop })
	if !errors.Is(err, stop) {
		t.Errorf("csv: %v", err)
	}
}

func TestGenerateTotal(t *testing.T) {
	a, b := generated(t, 500), generated(t, 500)
	if !bytes.Equal(a, b) {
		t.Fatal("not deterministic")
	}
	seen := map[string]bool{}
	owners := 0
	st, err := ReadTotalStream(bytes.NewReader(a), JSON, func(o *dossier.Owners) error {
		if seen[o.Number] || !mod11(o.Number) {
			t.Errorf("orgnr %s: duplicate or invalid", o.Number)
		}
		seen[o.Number] = true
		if lookupCode(o.Status.Code) == nil || len(o.Owners) > 4 {
			t.Errorf("%s: %+v", o.Number, o)
		}
		if o.Status.Code == dossier.OwnersAllIdentified && len(o.Owners) == 0 {
			t.Errorf("%s: all identified, no owners", o.Number)
		}
		for _, bo := range o.Owners {
			owners++
			if bo.Name == "" || len(bo.Positions) < 1 || len(bo.Positions) > 3 || (!bo.Foreign && !fnrValid(bo.NationalID)) {
				t.Errorf("%s: owner %+v", o.Number, bo)
			}
			for _, p := range bo.Positions {
				for _, u := range p.Intermediates {
					if u.Number != "" && !mod11(u.Number) {
						t.Errorf("intermediate %s", u.Number)
					}
				}
			}
		}
		return nil
	})
	if err != nil || st.Registrations != 500 || owners < 500 {
		t.Errorf("%+v, %v, %d owners", st, err, owners)
	}
}

func mod11(s string) bool {
	if len(s) != 9 || !isDigits(s) {
		return false
	}
	w := [...]int{3, 2, 7, 6, 5, 4, 3, 2}
	sum := 0
	for i, x := range w {
		sum += x * int(s[i]-'0')
	}
	c := 11 - sum%11
	if c == 11 {
		c = 0
	}
	return c != 10 && c == int(s[8]-'0')
}

func fnrValid(s string) bool {
	if len(s) != 11 || !isDigits(s) {
		return false
	}
	k1 := checkDigit(s, [...]int{3, 7, 6, 1, 8, 9, 4, 5, 2})
	k2 := checkDigit(s, [...]int{5, 4, 3, 2, 7, 6, 5, 4, 3, 2})
	return k1 == int(s[9]-'0') && k2 == int(s[10]-'0')
}
