package rrh

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/motpart/motpart/internal/dossier"
)

// The register's CSV download (specs §4.2, and the example file) has one
// row per beneficial owner and position, ';'-separated, every field
// quoted, UTF-8 with a byte-order mark, and these columns (ø and å spelled
// as such). Codes are given as their texts only, countries as names only,
// and intermediate companies and the registration status are not given.
// Multi-valued cells are comma-separated ("Norge,Mexico",
// "Direkte,Indirekte").
const (
	colOrgNr = iota
	colRegID
	colRegistered
	colStatus
	colNationalID
	colBirthDate
	colBirthYear
	colFirstName
	colMiddleName
	colLastName
	colDeceased
	colCitizenship
	colForeignBirthDate
	colForeignBirthYear
	colForeignName
	colForeignCitizenship
	colResidence
	colExempt
	colPosition
	colInterval
	colOther
	colBasis
	colFirstRegistered
	colChanged
	numCols
)

// csvHeaders are the column names, normalised by normHeader.
var csvHeaders = map[string]int{
	"reellrettighet.registreringspliktigvirksomhet.organisasjonsnummer":      colOrgNr,
	"reellrettighet.registreringid":                                          colRegID,
	"reellrettighet.registrertdato":                                          colRegistered,
	"reellrettighet.reellerettighetshaverestatus":                            colStatus,
	"reellrettighetshaver.folkeregistrertperson.foedselsellerdnummer":        colNationalID,
	"reellrettighetshaver.folkeregistrertperson.foedselsdato":                colBirthDate,
	"reellrettighetshaver.folkeregistrertperson.foedselsaar":                 colBirthYear,
	"reellrettighetshaver.folkeregistrertperson.fornavn":                     colFirstName,
	"reellrettighetshaver.folkeregistrertperson.mellomnavn":                  colMiddleName,
	"reellrettighetshaver.folkeregistrertperson.etternavn":                   colLastName,
	"reellrettighetshaver.folkeregistrertperson.erdoed":                      colDeceased,
	"reellrettighetshaver.folkeregistrertperson.statsborgerskap":             colCitizenship,
	"reellrettighetshaver.utenlandskperson.foedselsdato":                     colForeignBirthDate,
	"reellrettighetshaver.utenlandskperson.foedselsaar":                      colForeignBirthYear,
	"reellrettighetshaver.utenlandskperson.fulltnavn":                        colForeignName,
	"reellrettighetshaver.utenlandskperson.statsborgerskap":                  colForeignCitizenship,
	"reellrettighetshaver.bostedsland":                                       colResidence,
	"reellrettighetshaver.erunntattfrainnsyn":                                colExempt,
	"reellrettighetshaver.posisjon":                                          colPosition,
	"reellrettighetshaver.posisjon.stoerrelseintervall":                      colInterval,
	"reellrettighetshaver.posisjon.stoerrelsesintervall":                     colInterval,
	"reellrettighetshaver.posisjon.beskrivelseannenmaate":                    colOther,
	"reellrettighetshaver.posisjon.grunnlag":                                 colBasis,
	"reellrettighetshaver.foerstregistrertdato":                              colFirstRegistered,
	"reellrettighetshaver.endretdato":                                        colChanged,
	"reellrettighet.registreringspliktigvirksomhet.organisasjonsnummer.kode": colOrgNr,
}

// normHeader lower-cases a column name and spells æ, ø and å as ae, oe
// and aa.
func normHeader(h string) string {
	h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
	h = strings.ToLower(h)
	return strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa").Replace(h)
}

// allowanceReader fails a read past limit, so that one huge CSV field
// cannot fill memory: the CSV reader buffers a whole record.
type allowanceReader struct {
	r     io.Reader
	n     int64
	limit int64
	max   int64
}

func (a *allowanceReader) Read(p []byte) (int, error) {
	if a.n >= a.limit {
		return 0, &LimitError{Limit: LimitRegistrationSize, Max: a.max, Offset: a.n}
	}
	if room := a.limit - a.n; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := a.r.Read(p)
	a.n += int64(n)
	return n, err
}

// csvGroup is the registration being assembled from consecutive rows.
type csvGroup struct {
	o     *dossier.Owners
	regID string
	start int64
	keys  []string // identity of each owner, parallel to o.Owners
}

// readCSV reads the register's CSV, grouping consecutive rows of one
// registration (organisation number and registration id) into one Owners,
// and the rows of one owner (same identity columns) into one
// BeneficialOwner with several positions.
func (l Limits) readCSV(r io.Reader, fn func(*dossier.Owners) error, st *Stats) error {
	const slack = 64 << 10 // the CSV reader's read-ahead, and then some
	maxReg := int64(l.MaxRegistrationSize)
	ar := &allowanceReader{r: r, limit: maxReg + slack, max: maxReg}
	cr := csv.NewReader(ar)
	cr.Comma = ';'
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return csvErr(err, cr)
	}
	var cols [numCols]int
	for i := range cols {
		cols[i] = -1
	}
	for i, h := range header {
		n := normHeader(h)
		if c, ok := csvHeaders[n]; ok && cols[c] < 0 {
			cols[c] = i
		}
	}
	if cols[colOrgNr] < 0 {
		return &FormatError{Err: errors.New("not the register's CSV: there is no organisation number column (reellRettighet.registreringspliktigVirksomhet.organisasjonsnummer)")}
	}
	width := len(header)

	var g csvGroup
	flush := func() error {
		if g.o == nil {
			return nil
		}
		o := g.o
		g = csvGroup{}
		if o.Number == "" {
			st.Skipped++
			return nil
		}
		st.Registrations++
		st.Owners += len(o.Owners)
		if err := fn(o); err != nil {
			return fmt.Errorf("rrh: registration of %s: %w", o.Number, err)
		}
		return nil
	}
	for {
		start := cr.InputOffset()
		ar.limit = start + maxReg + slack
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return flush()
		}
		if err != nil {
			return csvErr(err, cr)
		}
		if len(rec) != width {
			line, _ := cr.FieldPos(0)
			return &FormatError{Offset: start, Err: fmt.Errorf("line %d has %d fields, the header %d", line, len(rec), width)}
		}
		get := func(c int) string {
			i := cols[c]
			if i < 0 {
				return ""
			}
			v := strings.TrimSpace(rec[i])
			if !utf8.ValidString(v) {
				// As the JSON reader does: invalid bytes become U+FFFD.
				v = strings.ToValidUTF8(v, "\ufffd")
			}
			return v
		}
		orgnr, regID := get(colOrgNr), get(colRegID)
		if g.o == nil || orgnr != g.o.Number || regID != g.regID {
			if err := flush(); err != nil {
				return err
			}
			g = csvGroup{o: &dossier.Owners{Number: orgnr, Source: "offline"}, regID: regID, start: start}
			g.o.Status = normCode(kindStatus, "", get(colStatus))
			if t, ok := parseTime([]byte(get(colRegistered))); ok {
				g.o.Registered = t
			}
		}
		if cr.InputOffset()-g.start > maxReg {
			return &LimitError{Limit: LimitRegistrationSize, Max: maxReg, Offset: g.start}
		}
		if err := l.csvRow(&g, get); err != nil {
			if le := (*LimitError)(nil); errors.As(err, &le) {
				le.Offset = start
			}
			return err
		}
	}
}

// csvRow adds one row's owner and position to the group.
func (l Limits) csvRow(g *csvGroup, get func(int) string) error {
	idCols := [...]int{colNationalID, colBirthDate, colFirstName, colMiddleName, colLastName,
		colForeignBirthDate, colForeignName, colResidence, colExempt, colFirstRegistered}
	var kb strings.Builder
	empty := true
	for _, c := range idCols {
		v := get(c)
		if v != "" {
			empty = false
		}
		kb.WriteString(v)
		kb.WriteByte(0)
	}
	pos, hasPos := csvPosition(get)
	if empty && !hasPos {
		return nil // a registration without owners
	}
	key := kb.String()
	idx := -1
	for i, k := range g.keys {
		if k == key {
			idx = i
			break
		}
	}
	if idx < 0 {
		if len(g.o.Owners) >= l.MaxOwners {
			return &LimitError{Limit: LimitOwners, Max: int64(l.MaxOwners)}
		}
		g.o.Owners = append(g.o.Owners, csvOwner(get))
		g.keys = append(g.keys, key)
		idx = len(g.o.Owners) - 1
	}
	if hasPos {
		bo := &g.o.Owners[idx]
		if len(bo.Positions) >= l.MaxPositions {
			return &LimitError{Limit: LimitPositions, Max: int64(l.MaxPositions)}
		}
		bo.Positions = append(bo.Positions, pos)
	}
	return nil
}

// csvOwner is the owner of a row.
func csvOwner(get func(int) string) dossier.BeneficialOwner {
	var bo dossier.BeneficialOwner
	national := get(colNationalID) != "" || get(colFirstName) != "" || get(colLastName) != "" || get(colBirthDate) != ""
	if national {
		bo.NationalID = get(colNationalID)
		bo.BirthDate = get(colBirthDate)
		bo.BirthYear = get(colBirthYear)
		bo.Name = joinName(get(colFirstName), get(colMiddleName), get(colLastName))
		bo.Deceased = strings.EqualFold(get(colDeceased), "true")
		for _, c := range splitMulti(get(colCitizenship)) {
			bo.Citizenships = append(bo.Citizenships, countryFromName(c))
		}
	} else {
		bo.Foreign = true
		bo.BirthDate = get(colForeignBirthDate)
		bo.BirthYear = get(colForeignBirthYear)
		bo.Name = get(colForeignName)
		for _, c := range splitMulti(get(colForeignCitizenship)) {
			bo.Citizenships = append(bo.Citizenships, countryFromName(c))
		}
	}
	if bo.BirthYear == "" && len(bo.BirthDate) >= 4 && isDigits(bo.BirthDate[:4]) {
		bo.BirthYear = bo.BirthDate[:4]
	}
	if res := get(colResidence); res != "" {
		c := countryFromName(res)
		bo.Residence = &c
	}
	bo.Exempt = strings.EqualFold(get(colExempt), "true")
	return bo
}

// csvPosition is the position of a row; has is false when the row has
// none.
func csvPosition(get func(int) string) (dossier.Position, bool) {
	typ, iv, other, basis := get(colPosition), get(colInterval), get(colOther), get(colBasis)
	if typ == "" && iv == "" && other == "" && basis == "" {
		return dossier.Position{}, false
	}
	pos := dossier.Position{Type: normCode(kindPosition, "", typ), Other: other}
	if iv != "" {
		c := normCode(kindInterval, "", iv)
		pos.Interval = &c
	}
	for _, b := range splitMulti(basis) {
		pos.Basis = append(pos.Basis, normCode(kindBasis, "", b))
	}
	if pos.Type.Code == "" && other != "" && typ == "" {
		pos.Type = normCode(kindPosition, PositionOther, "")
	}
	return pos, true
}

// splitMulti splits a multi-valued cell at commas. A comma followed by a
// space is part of a value ("Kongo, Den demokratiske republikken"), not a
// separator: the register joins values with a bare comma.
func splitMulti(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ',' && (i+1 == len(s) || s[i+1] != ' ') {
			if v := strings.TrimSpace(s[start:i]); v != "" {
				out = append(out, v)
			}
			start = i + 1
		}
	}
	if v := strings.TrimSpace(s[start:]); v != "" {
		out = append(out, v)
	}
	return out
}

// csvErr wraps an error of the CSV reader.
func csvErr(err error, cr *csv.Reader) error {
	var le *LimitError
	if errors.As(err, &le) {
		return le
	}
	if errors.Is(err, io.EOF) {
		return &FormatError{Err: errors.New("the file is empty")}
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &FormatError{Offset: cr.InputOffset(), Err: fmt.Errorf("line %d: %w", pe.Line, pe.Err)}
	}
	return &FormatError{Offset: cr.InputOffset(), Err: err}
}
